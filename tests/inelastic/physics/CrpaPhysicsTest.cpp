// Physics of the continuum RPA (CrpaResponse): Fermi and Ikeda sum rules preserved by the RPA
// (contour integrals of the response function, independent of the smearing), Gamow-Teller and
// isobaric-analog positions, the spurious isoscalar 1- mode. Numbers are printed for the record.
#include <cmath>
#include <complex>
#include <cstdio>
#include <map>
#include <memory>

#include <gtest/gtest.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Integrate.hpp"
#include "lenu/inelastic/CrpaResponse.hpp"
#include "lenu/inelastic/HartreeFockMeanField.hpp"

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

// Q-values M_nuc(final) - M_nuc(target) [MeV] from AME2020 atomic masses (data/nuclides.csv,
// data/inelastic/final_nuclei.csv) minus the electron mass difference: 48Ca -> 48Sc
// 0.2789 (=- Q_beta-(48Ca -> 48Sc) ... the exact value does not matter for the sum rules).
TEST(CrpaSumRules, FermiAndIkedaIn48Ca) {
  for (bool inter : {false, true}) {
    const auto r = ccResponse(20, 28, 0.5, inter);
    const double sF = contourM0(*r, fermi(IsospinOperator::Minus), 10.0, 80.0);
    const double sGT = contourM0(*r, gamowTeller(IsospinOperator::Minus), 10.0, 80.0);
    std::printf("48Ca %s: S-(F) - S+(F) = %.4f (N-Z = 8), S-(GT) - S+(GT) = %.4f (3(N-Z) = 24)\n",
                inter ? "CRPA" : "free", sF, sGT);
    EXPECT_NEAR(sF, 8.0, 0.08);
    EXPECT_NEAR(sGT, 24.0, 0.24);
  }
}

TEST(CrpaResonances, GamowTellerAndAnalogIn48Ca) {
  const double Q = 0.5;
  const auto rf = ccResponse(20, 28, Q, false);
  const auto rr = ccResponse(20, 28, Q, true);
  const auto gf = peak(*rf, gamowTeller(IsospinOperator::Minus), 0.0, 25.0, 0.25, 0.5);
  const auto gr = peak(*rr, gamowTeller(IsospinOperator::Minus), 0.0, 25.0, 0.25, 0.5);
  const auto ff = peak(*rf, fermi(IsospinOperator::Minus), 0.0, 25.0, 0.25, 0.5);
  const auto fr = peak(*rr, fermi(IsospinOperator::Minus), 0.0, 25.0, 0.25, 0.5);
  std::printf("48Ca->48Sc (Q=%.2f MeV): GT peak omega free %.2f, CRPA %.2f MeV; Fermi (IAS) peak free %.2f, CRPA %.2f MeV\n",
              Q, gf.first, gr.first, ff.first, fr.first);
  EXPECT_GT(gr.first, gf.first + 1.0); // the repulsive spin-isospin interaction pushes GT strength up
  EXPECT_GT(fr.first, ff.first + 1.0);
}
