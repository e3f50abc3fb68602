// Physics of the continuum RPA (CrpaResponse): Fermi and Ikeda sum rules preserved by the RPA
// (contour integrals of the response function, independent of the smearing), Gamow-Teller and
// isobaric-analog positions, the spurious isoscalar 1- mode. Numbers are printed for the record.
#include <cmath>
#include <complex>
#include <cstdio>
#include <algorithm>
#include <map>
#include <vector>
#include <memory>

#include <gtest/gtest.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/DataPath.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/inelastic/InelasticCrossSection.hpp"
#include "lenu/inelastic/InelasticModels.hpp"
#include "lenu/source/EnergySpectrum.hpp"
#include "lenu/core/Integrate.hpp"
#include "lenu/inelastic/CrpaResponse.hpp"
#include "lenu/inelastic/GiantResonanceData.hpp"
#include "lenu/inelastic/HartreeFockMeanField.hpp"
#include "lenu/inelastic/StrengthOperators.hpp"
#include "lenu/inelastic/SumRules.hpp"

#include <fmt/format.h>

using namespace lenu;
using namespace lenu::inelastic;
using cd = std::complex<double>;

namespace {
std::shared_ptr<const HartreeFockMeanField> field(int Z, int N) {
  static std::map<int, std::shared_ptr<const HartreeFockMeanField>> cache;
  auto& slot = cache[Z * 1000 + N];
  if (!slot) {
    HartreeFockConfig hc;
    hc.pairing.mode = PairingMode::Filling;
    const HartreeFockSolver solver(SkyrmeForce::load("SkM*"), hc);
    slot = HartreeFockMeanField::solve(solver, Z, N);
  }
  return slot;
}

LocalOperator fermi(IsospinOperator t) {
  // tau_-/+ = sqrt(4 pi) Y_00 tau
  return {"F", 0, 0, 0, t, [](double) { return std::sqrt(4.0 * constants::kPi); }, ""};
}
LocalOperator gamowTeller(IsospinOperator t) {
  return {"GT", 1, 0, 1, t, [](double) { return std::sqrt(4.0 * constants::kPi); }, ""};
}

// -(1/pi) Im \int_C R(omega) d omega over the upper half circle of radius b about c: the
// non-energy-weighted strength between c - b and c + b (backward strength counted negative).
double contourM0(const CrpaResponse& r, const LocalOperator& op, double c, double b, int nodes = 64) {
  GaussLegendre gl(static_cast<std::size_t>(nodes), 0.0, constants::kPi);
  cd sum = 0.0;
  for (std::size_t k = 0; k < gl.x.size(); ++k) {
    const cd e = std::polar(1.0, gl.x[k]);
    const cd w = c + b * e;
    sum += gl.w[k] * r.operatorResponse(op, w) * cd(0.0, b) * e;
  }
  // path from c + b (theta = 0) to c - b (theta = pi): minus the real-axis direction
  return sum.imag() / constants::kPi;
}

std::shared_ptr<CrpaResponse> ccResponse(int Z, int N, double q, bool interaction, int maxJ = 1) {
  CrpaConfig cc;
  cc.maxJ = maxJ;
  cc.qValue = q;
  cc.interaction.enabled = interaction;
  return std::make_shared<CrpaResponse>(field(Z, N), SkyrmeForce::load("SkM*"), ResponseMode::ChargedCurrentNu, cc);
}

// Peak of the strength density on [lo, hi] (step, smearing eta).
std::pair<double, double> peak(const CrpaResponse& r, const LocalOperator& op, double lo, double hi, double step, double eta) {
  double best = -1e300, at = lo;
  for (double e = lo; e <= hi; e += step) {
    const double s = r.strengthDensity(op, e, eta);
    if (s > best) { best = s; at = e; }
  }
  return {at, best};
}
} // namespace

// Q-value M_nuc(final) - M_nuc(target) [MeV] of CC nu from the project's AME2020 mass tables.
double qValue(const std::string& target) {
  const NuclideTable table = NuclideTable::load();
  return chargedCurrentQValue(table.get(target), ResponseMode::ChargedCurrentNu, table);
}

// The 48Sc mass is not in the project's tables: 48Ca energies are given with the lowest
// particle-hole configuration at omega = Q = 0 (the sum rules do not depend on Q; E_x = omega - Q).
constexpr double kQCa48 = 0.0;

TEST(CrpaSumRules, FermiAndIkedaIn48Ca) {
  for (bool inter : {false, true}) {
    const auto r = ccResponse(20, 28, kQCa48, inter);
    const double sF = contourM0(*r, fermi(IsospinOperator::Minus), 10.0, 80.0);
    const double sGT = contourM0(*r, gamowTeller(IsospinOperator::Minus), 10.0, 80.0);
    std::printf("48Ca %s: S-(F) - S+(F) = %.4f (N-Z = 8), S-(GT) - S+(GT) = %.4f (3(N-Z) = 24)\n",
                inter ? "CRPA" : "free", sF, sGT);
    EXPECT_NEAR(sF, 8.0, 0.08);
    EXPECT_NEAR(sGT, 24.0, 0.24);
  }
}

TEST(CrpaSumRules, FermiAndIkedaIn208Pb) {
  const auto r = ccResponse(82, 126, qValue("Pb208"), true);
  const double sF = contourM0(*r, fermi(IsospinOperator::Minus), 15.0, 90.0);
  const double sGT = contourM0(*r, gamowTeller(IsospinOperator::Minus), 15.0, 90.0);
  std::printf("208Pb CRPA: S-(F) - S+(F) = %.4f (N-Z = 44), S-(GT) - S+(GT) = %.4f (3(N-Z) = 132)\n", sF, sGT);
  EXPECT_NEAR(sF, 44.0, 0.44);
  EXPECT_NEAR(sGT, 132.0, 1.32);
}

TEST(CrpaResonances, GamowTellerAndAnalogIn208Pb) {
  const double Q = qValue("Pb208");
  const auto rf = ccResponse(82, 126, Q, false);
  const auto rr = ccResponse(82, 126, Q, true);
  const auto gf = peak(*rf, gamowTeller(IsospinOperator::Minus), 5.0, 30.0, 0.5, 0.5);
  const auto gr = peak(*rr, gamowTeller(IsospinOperator::Minus), 5.0, 30.0, 0.5, 0.5);
  const auto ff = peak(*rf, fermi(IsospinOperator::Minus), 5.0, 30.0, 0.5, 0.5);
  const auto fr = peak(*rr, fermi(IsospinOperator::Minus), 5.0, 30.0, 0.5, 0.5);
  std::printf("208Pb->208Bi (Q=%.3f MeV): GT peak omega free %.2f, CRPA %.2f MeV (E_x(208Bi) = %.2f MeV); IAS (Fermi) "
              "peak free %.2f, CRPA %.2f MeV (E_x = %.2f MeV)\n",
              Q, gf.first, gr.first, gr.first - Q, ff.first, fr.first, fr.first - Q);
  EXPECT_GT(gr.first, gf.first + 1.0);
  EXPECT_GT(fr.first, ff.first + 1.0);
}

TEST(CrpaResonances, GamowTellerAndAnalogIn48Ca) {
  const double Q = kQCa48;
  const auto rf = ccResponse(20, 28, Q, false);
  const auto rr = ccResponse(20, 28, Q, true);
  const auto gf = peak(*rf, gamowTeller(IsospinOperator::Minus), 0.0, 25.0, 0.25, 0.5);
  const auto gr = peak(*rr, gamowTeller(IsospinOperator::Minus), 0.0, 25.0, 0.25, 0.5);
  const auto ff = peak(*rf, fermi(IsospinOperator::Minus), 0.0, 25.0, 0.25, 0.5);
  const auto fr = peak(*rr, fermi(IsospinOperator::Minus), 0.0, 25.0, 0.25, 0.5);
  std::printf("48Ca->48Sc (Q=%.3f MeV): GT peak omega free %.2f, CRPA %.2f MeV (E_x(48Sc) = %.2f MeV); IAS (Fermi) peak "
              "free %.2f, CRPA %.2f MeV (E_x = %.2f MeV)\n",
              Q, gf.first, gr.first, gr.first - Q, ff.first, fr.first, fr.first - Q);
  EXPECT_GT(gr.first, gf.first + 1.0); // the repulsive spin-isospin interaction pushes GT strength up
  EXPECT_GT(fr.first, ff.first + 1.0);
}

// Spurious isoscalar 1- (centre-of-mass) mode, probed by the isoscalar dipole r Y_1. A
// self-consistent RPA puts it at zero energy; what is still missing here
// (SkyrmeResidualInteraction.hpp): the spin-orbit residual interaction (b4 rho div J) and the
// Landau-Migdal spin-channel t1, t2 terms (the rho tau and current j^2 terms are exact).
// Stability diagnostic on the imaginary axis: R(i gamma) = -sum_n |F_n|^2 2 E_n / (E_n^2 + gamma^2)
// < 0 for every gamma if all RPA frequencies are real; a mode with imaginary frequency i Gamma
// (residual interaction too attractive: the mode has fallen "below zero") adds a term
// +|F|^2 2 Gamma' / (Gamma^2 - gamma^2) that makes R(i gamma) > 0 for small gamma and has a pole
// at gamma = Gamma. For a stable mode the position is the lowest local maximum of the strength
// density below 15 MeV (eta = 0.2 MeV, 0.2 MeV steps, above 5% of the largest value).
namespace {
struct SpuriousMode {
  bool stable = true;
  double energy = 0.0; ///< stable: peak position [MeV]; unstable: Gamma of the imaginary frequency i Gamma [MeV]
};
SpuriousMode spuriousMode(const std::shared_ptr<const HartreeFockMeanField>& mf, const ResidualInteractionConfig& ic) {
  const LocalOperator op{"IS1", 1, 1, 0, IsospinOperator::Isoscalar, [](double r) { return r; }, "fm"};
  CrpaConfig cc;
  cc.maxJ = 1;
  cc.diskCache = false;
  cc.interaction = ic;
  const CrpaResponse r(mf, SkyrmeForce::load("SkM*"), ResponseMode::NeutralCurrent, cc);
  SpuriousMode m;
  auto Ri = [&](double g) { return r.operatorResponse(op, cd(0.0, g)).real(); };
  if (Ri(0.05) > 0.0) {
    // imaginary frequency: the pole of R(i gamma) = the first + -> - sign change, by bisection
    m.stable = false;
    double lo = 0.05, hi = 0.05;
    while (hi < 20.0 && Ri(hi) > 0.0) { lo = hi; hi += 0.5; }
    for (int it = 0; it < 12; ++it) {
      const double mid = 0.5 * (lo + hi);
      (Ri(mid) > 0.0 ? lo : hi) = mid;
    }
    m.energy = 0.5 * (lo + hi);
    return m;
  }
  std::vector<double> sv;
  for (double e = 0.1; e <= 15.0; e += 0.2) sv.push_back(r.strengthDensity(op, e, 0.2));
  double smax = 0.0;
  for (double x : sv) smax = std::max(smax, x);
  m.energy = 15.0;
  for (std::size_t i = 1; i + 1 < sv.size(); ++i)
    if (sv[i] > sv[i - 1] && sv[i] >= sv[i + 1] && sv[i] > 0.05 * smax) { m.energy = 0.1 + 0.2 * static_cast<double>(i); break; }
  return m;
}

std::string str(const SpuriousMode& m) { return m.stable ? fmt::format("{:.2f} MeV", m.energy) : fmt::format("imaginary, i {:.2f} MeV", m.energy); }

struct SpuriousScan { SpuriousMode full, lmTau, noCurrent, noGradient, noMomentum, localOnly, free; };
SpuriousScan spuriousScan(int Z, int N, const char* name) {
  const auto mf = field(Z, N);
  ResidualInteractionConfig full, lmTau, noCur, noGrad, noMom, local, none;
  lmTau.exactTau = false;        // rho tau in Landau-Migdal F0 form, current term kept
  noCur.exactTau = false;        // = the interaction of kCrpaCacheVersion 2
  noCur.currentTerms = false;
  noGrad.exactTau = false;       // = the Landau-Migdal-only interaction of kCrpaCacheVersion 1
  noGrad.currentTerms = false;
  noGrad.gradientTerms = false;
  noMom.currentTerms = false;
  noMom.momentumTerms = false;
  local.gradientTerms = false;
  local.momentumTerms = false;
  local.currentTerms = false;
  none.enabled = false;
  const SpuriousScan s{spuriousMode(mf, full),   spuriousMode(mf, lmTau),    spuriousMode(mf, noCur), spuriousMode(mf, noGrad),
                       spuriousMode(mf, noMom), spuriousMode(mf, local), spuriousMode(mf, none)};
  std::printf("%s spurious isoscalar 1- (SkM*): full (t0,t3 + t1,t2 exact rho tau and j^2 + gradient b2 + spin LM + "
              "Coulomb) %s; rho tau Landau-Migdal + j^2 %s; rho tau LM, no j^2 (v2) %s; LM only, no gradient (v1) %s; "
              "no t1,t2 (gradient kept) %s; t0,t3 only %s; free lowest r Y1 peak %s\n",
              name, str(s.full).c_str(), str(s.lmTau).c_str(), str(s.noCurrent).c_str(), str(s.noGradient).c_str(),
              str(s.noMomentum).c_str(), str(s.localOnly).c_str(), str(s.free).c_str());
  return s;
}
} // namespace

// With the exact rho tau and current terms the spurious mode is within 3 MeV of zero (a small
// imaginary frequency: the missing spin-orbit residual term leaves the interaction slightly too
// attractive); with rho tau in Landau-Migdal form it stays a real mode at 2.5-4 MeV (the current
// term lowers it by sqrt(m*/m)); the Landau-Migdal-only interaction is unstable by ~10 MeV.
void checkSpurious(const SpuriousScan& s) {
  ASSERT_TRUE(s.free.stable);
  EXPECT_LT(s.full.energy, 3.0);
  EXPECT_LT(s.full.energy, s.free.energy - 6.0);
  EXPECT_TRUE(s.lmTau.stable);
  EXPECT_TRUE(s.noCurrent.stable);
  EXPECT_LT(s.lmTau.energy, s.noCurrent.energy); // the current term lowers the mode
  EXPECT_LT(s.lmTau.energy, 4.5);
  EXPECT_FALSE(s.noGradient.stable); // documents the Landau-Migdal-only deficiency
  EXPECT_LT(s.full.energy, s.noGradient.energy);
}
TEST(CrpaSpurious, IsoscalarDipoleIn16O) { checkSpurious(spuriousScan(8, 8, "16O")); }
TEST(CrpaSpurious, IsoscalarDipoleIn40Ca) { checkSpurious(spuriousScan(20, 20, "40Ca")); }

// Energy-weighted sum rules (Thouless theorem). m1 = (1/2) (1/pi) Im \int_C omega R(omega) d omega
// over the upper half circle of radius B = 120 MeV about omega = 0 (64 Gauss-Legendre nodes):
// forward strength at omega > 0 and the backward strength at -omega (counted negative) both give
// E S, hence the 1/2; independent of eta, no Lorentzian tails; strength above B is missed.
// The free response exhausts the mean-field double commutator sum_q e_q^2 \int B_q rho_q |grad F|^2
// (SumRules.hpp (a)); the residual terms of SkyrmeResidualInteraction that are local (t0, t3,
// t1/t2 Landau-Migdal, gradient, spin, Coulomb) commute with F(r), the current (j^2) term does
// not: by Thouless' theorem the CRPA m1 is the double commutator of the functional (b), bare
// isoscalar EWSR and TRK (1 + kappa) for IV1 (asserted within 2%). RPA mesh 0.2 fm
// (CrpaConfig default), HF mesh of HartreeFockConfig (default).
namespace {
// (1/pi) Im \int over the upper half circle of radius b about c of omega^k R(omega), k = 0, 1:
// the moments m0, m1 of the strength between c - b and c + b (backward strength at omega < 0
// counted negative), from the same response evaluations.
std::pair<double, double> contourMoments(const CrpaResponse& r, const LocalOperator& op, double c, double b, int nodes = 64) {
  GaussLegendre gl(static_cast<std::size_t>(nodes), 0.0, constants::kPi);
  cd s0 = 0.0, s1 = 0.0;
  for (std::size_t i = 0; i < gl.x.size(); ++i) {
    const cd e = std::polar(1.0, gl.x[i]);
    const cd w = c + b * e;
    const cd t = gl.w[i] * r.operatorResponse(op, w) * cd(0.0, b) * e;
    s0 += t;
    s1 += w * t;
  }
  return {s0.imag() / constants::kPi, s1.imag() / constants::kPi};
}
double contourM1(const CrpaResponse& r, const LocalOperator& op, double B) { return 0.5 * contourMoments(r, op, 0.0, B).second; }

void ewsrCheck(int Z, int N, const char* name) {
  const auto mf = field(Z, N);
  const GroundStateDensities dens = groundStateDensities(*mf);
  const SkyrmeForce force = SkyrmeForce::load("SkM*");
  for (const char* opName : {"IS0", "IV1", "IS2"}) {
    const NamedOperator nop = standardOperator(opName, Z, N, dens.meanSquareRadius());
    const LocalOperator& op = nop.components.front();
    double m1[2];
    for (int v = 0; v < 2; ++v) {
      CrpaConfig cc;
      cc.maxJ = op.J;
      cc.diskCache = false;
      cc.interaction.enabled = v == 1;
      const CrpaResponse r(mf, force, ResponseMode::NeutralCurrent, cc);
      m1[v] = contourM1(r, op, 120.0);
    }
    const double dcMf = doubleCommutatorM1(op, dens, true, 0.0);
    const double dcForce = doubleCommutatorM1(op, dens, false, force.b1());
    std::printf("%s %s m1 [%s MeV]: free %.5g, CRPA %.5g, mean-field double commutator %.5g (CRPA/DC_MF = %.4f, "
                "free/DC_MF = %.4f); functional DC (bare IS / TRK(1+kappa)) %.5g (CRPA/DC_force = %.4f)%s\n",
                name, opName, nop.strengthUnit.substr(0, nop.strengthUnit.find('/')).c_str(), m1[0], m1[1], dcMf,
                m1[1] / dcMf, m1[0] / dcMf, dcForce, m1[1] / dcForce,
                std::string(opName) == "IV1" ? fmt::format(", kappa = {:.4f}", trkEnhancement(dens, force.b1())).c_str() : "");
    EXPECT_NEAR(m1[0] / dcMf, 1.0, 0.01) << name << " " << opName << " free";
    EXPECT_NEAR(m1[1] / dcForce, 1.0, 0.02) << name << " " << opName << " CRPA";
    // the current term moves m1 off the free value (by 9-13% in 16O - 208Pb): the test is sensitive
    EXPECT_GT(std::abs(m1[1] / m1[0] - 1.0), 0.04) << name << " " << opName;
  }
}
} // namespace

TEST(CrpaSumRules, EnergyWeightedIn16O) { ewsrCheck(8, 8, "16O"); }
TEST(CrpaSumRules, EnergyWeightedIn40Ca) { ewsrCheck(20, 20, "40Ca"); }
TEST(CrpaSumRules, EnergyWeightedIn208Pb) { ewsrCheck(82, 126, "208Pb"); }

// Centroids m1/m0 of the CRPA (full interaction) strength between 0 and 60 MeV (contour about
// 30 MeV, radius 30 MeV; eta-independent). Printed only: the measured giant-resonance rows of
// data/reference/giant_resonances.csv are not verified against their sources. The test asserts
// only that each centroid lies inside the window and that m0 > 0.
TEST(CrpaResonances, GiantResonanceCentroids) {
  const SkyrmeForce force = SkyrmeForce::load("SkM*");
  const struct { int Z, N; const char* name; const char* nucleus; std::vector<const char*> ops; } cases[] = {
      {20, 20, "40Ca", "Ca40", {"IV1"}}, {82, 126, "208Pb", "Pb208", {"IV1", "IS0", "IS2"}}};
  // Measured resonances (data/reference/giant_resonances.csv, rows verified in the cited or a
  // secondary source): the CRPA centroid over 0-60 MeV must lie within 20% of the measured energy.
  // Stated tolerance: SkM* RPA without 2p2h spreading, current (j^2) residual term missing (the IV1
  // EWSR is 12-14% below TRK(1+kappa), the IS ones 10-16% above), and the measured quantity is a
  // centroid, a Lorentzian peak or a level, not always m1/m0 over the same range.
  const auto data = loadGiantResonances();
  auto measured = [&](const char* nucleus, const char* op) {
    for (const auto& d : data)
      if (d.nucleus == nucleus && d.op == op && d.verified) return d;
    return GiantResonanceDatum{};
  };
  for (const auto& c : cases) {
    const auto mf = field(c.Z, c.N);
    const GroundStateDensities dens = groundStateDensities(*mf);
    for (const char* opName : c.ops) {
      const LocalOperator op = standardOperator(opName, c.Z, c.N, dens.meanSquareRadius()).components.front();
      CrpaConfig cc;
      cc.maxJ = op.J;
      cc.diskCache = false;
      double cen[2];
      for (int v = 0; v < 2; ++v) {
        cc.interaction.enabled = v == 1;
        const CrpaResponse r(mf, force, ResponseMode::NeutralCurrent, cc);
        const auto [m0, m1] = contourMoments(r, op, 30.0, 30.0, 48);
        EXPECT_GT(m0, 0.0) << c.name << " " << opName;
        cen[v] = m1 / m0;
      }
      const GiantResonanceDatum m = measured(c.nucleus, opName);
      std::printf("%s %s centroid m1/m0 over 0-60 MeV: free %.2f MeV, CRPA %.2f MeV; measured %s %.2f MeV (%s)\n", c.name,
                  opName, cen[0], cen[1], m.quantity.c_str(), m.energy, m.id.c_str());
      ASSERT_FALSE(m.id.empty()) << "no verified measured row for " << c.nucleus << " " << opName;
      EXPECT_NEAR(cen[1], m.energy, 0.2 * m.energy) << c.name << " " << opName;
      EXPECT_GT(std::abs(cen[0] - m.energy), std::abs(cen[1] - m.energy) - 0.5) << c.name << " " << opName;
    }
  }
}
