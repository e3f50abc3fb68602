// Unit tests of the operator-strength pieces: the [Y_L x sigma^S]_J angular factor (closed form
// and angular completeness), the standard operator set, moments and the mean-field strength of
// a small Woods-Saxon 16O (closure sum, folding, errors).
#include <cmath>
#include <memory>

#include <gsl/gsl_sf_coupling.h>
#include <gtest/gtest.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/inelastic/MeanFieldStrength.hpp"
#include "lenu/inelastic/StrengthOperators.hpp"
#include "lenu/inelastic/SumRules.hpp"
#include "lenu/inelastic/WoodsSaxonMeanField.hpp"

using namespace lenu;
using namespace lenu::inelastic;

namespace {
constexpr double kPi = constants::kPi;

// |<(la 1/2) ja || Y_L || (lb 1/2) jb>|^2 in closed form (Bohr & Mottelson Vol. I, Eq. (3A-14)):
// (2ja+1)(2jb+1)(2L+1)/(4pi) (ja 1/2 jb -1/2 | ... ) via the 3j symbol (ja L jb; 1/2 0 -1/2)^2,
// nonzero for la + L + lb even.
double yClosedForm2(int la, double ja, int lb, double jb, int L) {
  if ((la + lb + L) % 2 != 0) return 0.0;
  const int a2 = static_cast<int>(std::lround(2 * ja)), b2 = static_cast<int>(std::lround(2 * jb));
  const double tj = gsl_sf_coupling_3j(a2, 2 * L, b2, 1, 0, -1);
  return (a2 + 1.0) * (b2 + 1.0) * (2.0 * L + 1.0) / (4.0 * kPi) * tj * tj;
}

std::shared_ptr<const MeanFieldSpectrum> ws(int Z, int N) {
  WoodsSaxonConfig w;
  w.Z = Z;
  w.N = N;
  w.meshStep = 0.1;
  w.rMax = 16.0;
  return std::make_shared<WoodsSaxonMeanField>(w);
}
} // namespace

TEST(StrengthAngular, OrbitalMatchesClosedForm) {
  for (int la = 0; la <= 4; ++la)
    for (double ja : {la + 0.5, la - 0.5})
      for (int lb = 0; lb <= 4; ++lb)
        for (double jb : {lb + 0.5, lb - 0.5})
          for (int L = 0; L <= 3; ++L) {
            if (ja < 0 || jb < 0) continue;
            const double a = reducedSpinAngular(la, ja, lb, jb, L, 0, L);
            EXPECT_NEAR(a * a, yClosedForm2(la, ja, lb, jb, L), 1e-12) << la << ja << lb << jb << L;
          }
}

TEST(StrengthAngular, CompletenessOverFinalStates) {
  // sum_{a, J} |<a||[Y_L sigma]_J||b>|^2 = (2jb+1) (2L+1)/(4pi) * 3 (S = 1), (2jb+1)(2L+1)/(4pi) (S = 0):
  // the m-summed <b| sum_M T^+ T |b>; sum_M |Y_LM|^2 = (2L+1)/4pi, sigma.sigma = 3.
  for (int lb = 0; lb <= 4; ++lb)
    for (double jb : {lb + 0.5, lb - 0.5}) {
      if (jb < 0) continue;
      for (int L = 0; L <= 3; ++L) {
        double s0 = 0.0, s1 = 0.0;
        for (int la = 0; la <= 8; ++la)
          for (double ja : {la + 0.5, la - 0.5}) {
            if (ja < 0) continue;
            const double a0 = reducedSpinAngular(la, ja, lb, jb, L, 0, L);
            s0 += a0 * a0;
            for (int J = std::max(0, L - 1); J <= L + 1; ++J) {
              const double a1 = reducedSpinAngular(la, ja, lb, jb, L, 1, J);
              s1 += a1 * a1;
            }
          }
        const double ref = (2 * jb + 1) * (2 * L + 1) / (4 * kPi);
        EXPECT_NEAR(s0, ref, 1e-12);
        EXPECT_NEAR(s1, 3 * ref, 1e-12);
      }
    }
  // Gamow-Teller: |<j||sigma||j>|^2 for s1/2: 6 -> with sqrt(4 pi) Y_0: (4 pi) * 6 / (4 pi).
  const double gt = reducedSpinAngular(0, 0.5, 0, 0.5, 0, 1, 1) * std::sqrt(4 * kPi);
  EXPECT_NEAR(gt * gt, 6.0, 1e-12);
  EXPECT_THROW(reducedSpinAngular(0, 0.5, 0, 0.5, 0, 2, 2), Error);
}

TEST(StrengthOperators, NamesUnitsAndErrors) {
  const auto iv1 = standardOperator("IV1", 20, 28, 12.0);
  ASSERT_EQ(iv1.components.size(), 1u);
  EXPECT_NEAR(iv1.components[0].charge(true), 20.0 / 48.0, 1e-15);
  EXPECT_NEAR(iv1.components[0].charge(false), -28.0 / 48.0, 1e-15);
  EXPECT_EQ(iv1.strengthUnit, "fm^2/MeV");
  const auto sd = standardOperator("SD", 20, 28, 12.0);
  EXPECT_EQ(sd.components.size(), 3u);
  EXPECT_TRUE(sd.chargeExchange());
  EXPECT_EQ(sd.partnerName(), "SD+");
  EXPECT_EQ(standardOperator("GT+", 20, 28, 12.0).partnerName(), "GT");
  const auto is1 = standardOperator("IS1", 8, 8, 7.0);
  EXPECT_NEAR(is1.components[0].radial(2.0), 8.0 - 5.0 / 3.0 * 7.0 * 2.0, 1e-12);
  EXPECT_EQ(standardOperator("IS0", 8, 8, 7.0).strengthUnit, "fm^4/MeV");
  try {
    standardOperator("E7", 8, 8, 7.0);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("IS0"), std::string::npos);
  }
  EXPECT_THROW(standardOperator("IS0", 8, 8, -1.0), Error);
}

TEST(MeanFieldStrengthUnit, Oxygen16ClosureFoldingAndErrors) {
  const auto mf = ws(8, 8);
  MeanFieldStrengthConfig cfg;
  cfg.foldMax = 60.0;
  const MeanFieldStrength m(mf, cfg);
  const auto d = groundStateDensities(*mf);
  const auto is2 = standardOperator("IS2", 8, 8, d.meanSquareRadius());
  MomentConfig mc;
  mc.eMax = 80.0;
  const auto mom = strengthMoments(m, is2.components, mc);
  const double closure = meanFieldClosureM0(*mf, is2.components[0]);
  std::printf("[WS 16O IS2] m0 = %.4f fm^4 (lines %.4f) vs closure %.4f; m1 = %.3f fm^4 MeV; centroid %.3f MeV\n", mom.m0,
              mom.m0Lines, closure, mom.m1, mom.centroid());
  EXPECT_NEAR(mom.m0 / closure, 1.0, 0.01);
  // Folding conserves strength: m0 with eta = 0.5 MeV over a wide range ~ the exact m0.
  MomentConfig me = mc;
  me.eta = 0.5;
  me.eMin = -40.0;
  me.eMax = 59.0;
  me.panel = 0.5;
  const auto mfold = strengthMoments(m, is2.components, me);
  std::printf("[WS 16O IS2] folded (eta 0.5 MeV) m0 = %.4f fm^4\n", mfold.m0);
  EXPECT_NEAR(mfold.m0 / mom.m0, 1.0, 0.02);
  EXPECT_THROW(m.strengthDensity(is2.components[0], 20.0, -0.1), Error);
  EXPECT_THROW(m.strengthDensity(is2.components[0], std::nan(""), 0.0), Error);
  EXPECT_THROW(m.strengthDensity(is2.components[0], 70.0, 0.5), Error); // above foldMax
  LocalOperator bad = is2.components[0];
  bad.J = 5;
  EXPECT_THROW(m.lines(bad), Error);
  MeanFieldStrengthConfig badCfg;
  badCfg.foldStep = 0.0;
  EXPECT_THROW(MeanFieldStrength(mf, badCfg), Error);
}

TEST(SumRuleFormulas, UniformSphereAnalytic) {
  // Uniform sphere R = 5 fm, rho_p = rho_n = 0.08 fm^-3: every double-commutator integral in closed form.
  GroundStateDensities d;
  const double h = 0.001, R = 5.0, rho = 0.08;
  for (int i = 0; i < 10000; ++i) {
    const double r = (i + 1) * h;
    d.r.push_back(r);
    const double v = r < R ? rho : (r - h < R ? rho * (R - (r - h)) / h : 0.0); // step at R within one cell
    d.rhoP.push_back(v);
    d.rhoN.push_back(v);
  }
  d.kineticP.assign(d.r.size(), 20.0);
  d.kineticN.assign(d.r.size(), 20.0);
  d.hbar2Over2m = 20.0;
  const double vol = 4.0 / 3.0 * kPi * R * R * R, Z = rho * vol;
  EXPECT_NEAR(d.moment(0, true, false) / Z, 1.0, 2e-3);
  EXPECT_NEAR(d.meanSquareRadius(), 0.6 * R * R, 0.02);
  d.Z = 20;
  d.N = 20; // only A/NZ enters kappa below; the closed forms use the same Z, N
  const double b1 = 50.0; // MeV fm^5
  const double kappa = trkEnhancement(d, b1);
  EXPECT_NEAR(kappa, b1 / 20.0 * (40.0 / 400.0) * rho * rho * vol, 2e-3 * kappa);
  // IS2 with bare mass: (hbar^2/2m) (50/4pi) 2 rho \int r^2 d^3r = (hbar^2/2m)(50/4pi) 2 rho 4pi R^5/5.
  const auto is2 = standardOperator("IS2", 20, 20, 15.0);
  const double m1 = doubleCommutatorM1(is2.components[0], d, false, b1);
  EXPECT_NEAR(m1 / (20.0 * 50.0 / (4 * kPi) * 2 * rho * 4 * kPi * std::pow(R, 5) / 5.0), 1.0, 3e-3);
  // Isoscalar: b1 drops out (gauge invariance of rho tau - j^2); isovector: + b1 (e_n - e_p)^2 \int rho_n rho_p G.
  EXPECT_NEAR(m1, doubleCommutatorM1(is2.components[0], d, false, 0.0), 1e-9 * m1);
  const auto iv1 = standardOperator("IV1", 20, 20, 15.0);
  const double trk = doubleCommutatorM1(iv1.components[0], d, false, b1);
  // Sphere holds Z_eff = rho vol protons and neutrons, not 20: compare with the same integrals.
  const double chargeSum = 0.25 * 2.0 * Z; // e_n^2 N_sphere + e_p^2 Z_sphere with |e_n| = |e_p| = 1/2 (Z = N = 20)
  EXPECT_NEAR(trk / (9.0 / (4 * kPi) * (20.0 * chargeSum + b1 * rho * rho * vol)), 1.0, 3e-3);
  EXPECT_THROW(doubleCommutatorM1(standardOperator("GT", 20, 20, 15.0).components[0], d, false, b1), Error);
  EXPECT_NEAR(isoscalarEwsr(0, 40, 15.0, 20.0), 20.0 * 4.0 / (4 * kPi) * 40 * 15.0, 1e-9);
  EXPECT_NEAR(trkSumRule(20, 20, 20.0, 0.5), 9.0 / (4 * kPi) * 20.0 * 10.0 * 1.5, 1e-9);
}
