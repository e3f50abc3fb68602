// The two allowed level tables for 40Ar(nu_e, e-)40K*: measured strengths only (model "allowed",
// Bhattacharya et al., PRC 80 (2009) 055501, Ex < 8 MeV) and the table completed above 8 MeV with
// the QRPA B(GT) of Cheoun et al., EPJA 48 (2012) 137, as in MARLEY's
// ve40ArCC_Bhattacharya2009.react (model "allowed:bhattacharya-cheoun"). Sum rules, the DAR flux
// average with both, and the angular shape. Numbers are printed for the record.
#include <cmath>
#include <cstdio>
#include <memory>

#include <gtest/gtest.h>

#include "lenu/core/DataPath.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Integrate.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/inelastic/AllowedResponse.hpp"
#include "lenu/inelastic/InelasticCrossSection.hpp"
#include "lenu/inelastic/InelasticModels.hpp"
#include "lenu/source/EnergySpectrum.hpp"

using namespace lenu;
using namespace lenu::inelastic;

namespace {

struct Sums { double bF = 0, bGTbelow8 = 0, bGTabove8 = 0; int nBelow = 0, nAbove = 0; };

Sums sums(const std::vector<AllowedLevel>& levels) {
  Sums s;
  for (const auto& l : levels) {
    s.bF += l.bF;
    if (l.bGT > 0.0) {
      (l.excitation < 8.0 ? s.bGTbelow8 : s.bGTabove8) += l.bGT;
      ++(l.excitation < 8.0 ? s.nBelow : s.nAbove);
    }
  }
  return s;
}

std::vector<AllowedLevel> table(const std::string& variant) {
  return readAllowedLevels(dataFile(allowedLevelTableFile(18, 40, ResponseMode::ChargedCurrentNu, variant)));
}

} // namespace

// Transcription and sum rules. 40Ar: N - Z = 4.
//  - Fermi: B(F) = g_V^2 (N - Z) = 4 in both tables (all of it in the isobaric analog state).
//  - Gamow-Teller: Ikeda S- - S+ = 3 (N - Z) = 12 in units of g_A^2, so S-/g_A^2 >= 12. The measured
//    part (g_A = 1.26 in the table) gives 8.29 / 1.26^2 = 5.22, far below: the experiment-only table
//    lacks most of the strength (the GT resonance lies above 8 MeV). The QRPA part (g_A = 1.23) adds
//    17.40 / 1.23^2 = 11.50, so the completed table reaches 16.7 >= 12: the lower bound is met (the
//    rest is S+, which the QRPA of an N > Z nucleus gives as a few units).
TEST(AllowedTables, Argon40SumRulesAndTranscription) {
  const auto exp = table("experiment");
  const auto all = table("bhattacharya-cheoun");
  const Sums se = sums(exp), sa = sums(all);
  std::printf("[40Ar allowed tables] experiment: %zu levels, B(F) %.3f, B(GT) %.4f (Ex < 8 MeV) | completed: %zu levels, "
              "B(F) %.3f, B(GT) %.4f below 8 MeV (%d levels) + %.4f above (%d QRPA levels) = %.4f (g_A^2 included)\n",
              exp.size(), se.bF, se.bGTbelow8, all.size(), sa.bF, sa.bGTbelow8, sa.nBelow, sa.bGTabove8, sa.nAbove,
              sa.bGTbelow8 + sa.bGTabove8);
  EXPECT_EQ(exp.size(), 15U);
  EXPECT_EQ(all.size(), 85U);
  EXPECT_EQ(sa.nAbove, 70);
  EXPECT_NEAR(se.bF, 4.0, 1e-12);
  EXPECT_NEAR(sa.bF, 4.0, 1e-12);
  EXPECT_NEAR(se.bGTabove8, 0.0, 1e-12);
  // The completed table holds the measured levels unchanged below 8 MeV.
  ASSERT_GE(all.size(), exp.size());
  for (std::size_t i = 0; i < exp.size(); ++i) {
    EXPECT_EQ(all[i].excitation, exp[i].excitation);
    EXPECT_EQ(all[i].bF, exp[i].bF);
    EXPECT_EQ(all[i].bGT, exp[i].bGT);
  }
  EXPECT_NEAR(se.bGTbelow8, 8.29, 1e-9);            // sum of the 14 Bhattacharya values (x 1.26^2)
  EXPECT_NEAR(sa.bGTabove8, 17.395432905608, 1e-9);  // sum of the 70 QRPA values (x 1.23^2)
  const double ikeda = 3.0 * (22 - 18);
  const double sMinusExp = se.bGTbelow8 / (1.26 * 1.26);
  const double sMinusAll = sMinusExp + sa.bGTabove8 / (1.23 * 1.23);
  std::printf("[40Ar allowed tables] S-(GT)/g_A^2: experiment %.2f, completed %.2f; Ikeda 3(N-Z) = %.0f\n", sMinusExp,
              sMinusAll, ikeda);
  EXPECT_LT(sMinusExp, 0.5 * ikeda);
  EXPECT_GT(sMinusAll, ikeda);
  EXPECT_LT(sMinusAll, 1.5 * ikeda); // S+ of 40Ar is small (a few units at most)
  // The QRPA rows start where the QRPA running sum passes the measured running sum (MARLEY header).
  EXPECT_GT(all[exp.size()].excitation, 8.0);
  EXPECT_NEAR(all[exp.size()].excitation, 11.59108, 1e-9);
  // Selection by model name, and errors naming the available tables.
  const NuclideTable nuclides = NuclideTable::load();
  InelasticModelOptions o;
  o.model = "allowed:bhattacharya-cheoun";
  const auto r = makeInelasticResponse("Ar40", ResponseMode::ChargedCurrentNu, o, nuclides);
  EXPECT_EQ(r->lines().size(), 85U);
  o.model = "allowed:nonsense";
  try {
    makeInelasticResponse("Ar40", ResponseMode::ChargedCurrentNu, o, nuclides);
    FAIL() << "unknown table accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::NotSupported);
    EXPECT_NE(std::string(e.what()).find("bhattacharya-cheoun"), std::string::npos);
  }
  o.model = "allowed:bhattacharya-cheoun";
  EXPECT_THROW(makeInelasticResponse("C12", ResponseMode::ChargedCurrentNu, o, nuclides), Error);
}

// DAR nu_e flux average (Michel spectrum) with both tables. The QRPA levels sit at Ex = 11.6-56 MeV
// (omega = Q + Ex >= 13.1 MeV, Q = 1.505 MeV), where the Michel flux (endpoint 52.8 MeV) still
// reaches with lepton energies up to ~40 MeV: they must raise the flux average substantially. A
// bound from the kinematics alone: sigma ~ k E B per level, so the ratio of the two flux averages
// cannot exceed the ratio of B sums (Fermi included) (4 + 25.69) / (4 + 8.29) = 2.42, since the
// added levels are all higher in omega than the measured ones; and it must exceed 1.
TEST(AllowedTables, Argon40DarFluxAverageWithBothTables) {
  const NuclideTable nuclides = NuclideTable::load();
  const auto spec = EnergySpectrum::continuous(std::make_shared<MichelNuE>());
  InelasticModelOptions o;
  o.model = "allowed";
  const InelasticCrossSection exp(makeInelasticResponse("Ar40", ResponseMode::ChargedCurrentNu, o, nuclides), Flavour::NuE);
  o.model = "allowed:bhattacharya-cheoun";
  const InelasticCrossSection all(makeInelasticResponse("Ar40", ResponseMode::ChargedCurrentNu, o, nuclides), Flavour::NuE);
  const double se = exp.fluxAveraged(spec) / (1e-40 * units::cm2);
  const double sa = all.fluxAveraged(spec) / (1e-40 * units::cm2);
  std::printf("[40Ar DAR nu_e, 1e-40 cm^2] allowed (experiment, Ex < 8 MeV): %.3f | allowed:bhattacharya-cheoun "
              "(+ QRPA above 8 MeV, MARLEY's table): %.3f | ratio %.3f\n", se, sa, sa / se);
  for (double e : {10.0, 20.0, 30.0, 40.0, 50.0}) {
    std::printf("[40Ar nu_e CC sigma(E), 1e-40 cm^2] E = %4.0f MeV: experiment %.4f, completed %.4f\n", e,
                exp.sigma(e).total / (1e-40 * units::cm2), all.sigma(e).total / (1e-40 * units::cm2));
  }
  EXPECT_GT(sa / se, 1.1);
  EXPECT_LT(sa / se, (4.0 + 25.685) / (4.0 + 8.29));
  // Below the first QRPA level (omega = 13.1 MeV: E < ~13.6 MeV) the two tables agree exactly.
  EXPECT_DOUBLE_EQ(exp.sigma(12.0).total, all.sigma(12.0).total);
  EXPECT_GT(all.sigma(30.0).total, exp.sigma(30.0).total);

  // Angular shape at 30 MeV: Fermi goes as (1 + beta cos), Gamow-Teller as (1 - beta cos / 3), so
  // the completed table (more GT relative to the fixed B(F) = 4) is more backward than the
  // measured-only one; both stay below the pure-GT limit (1 + 1/6) / (1 - 1/6) = 1.4.
  GaussLegendre g(16, -1.0, 1.0);
  const auto de = exp.dSigmaDCos(30.0, g.x), da = all.dSigmaDCos(30.0, g.x);
  double fe = 0, be = 0, fa = 0, ba = 0;
  for (std::size_t i = 0; i < g.x.size(); ++i) {
    (g.x[i] > 0 ? fe : be) += g.w[i] * de[i];
    (g.x[i] > 0 ? fa : ba) += g.w[i] * da[i];
  }
  std::printf("[40Ar nu_e CC 30 MeV] backward/forward: allowed (experiment) %.3f, allowed:bhattacharya-cheoun %.3f\n", be / fe,
              ba / fa);
  EXPECT_GT(ba / fa, be / fe);
  EXPECT_LT(ba / fa, 1.4);
}
