// Unit tests of the Dirac-Coulomb functions, the partial-wave series and the radial solver.
#include <cmath>
#include <complex>

#include <gtest/gtest.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/formfactor/Phenomenological.hpp"
#include "lenu/pves/DiracCoulomb.hpp"
#include "lenu/pves/DiracScattering.hpp"
#include "lenu/pves/PartialWaveSeries.hpp"

using namespace lenu;
using constants::kHbarC;

namespace {
constexpr double kMe = constants::kMassElectron;
}

// The functions solve P' = -k/r P + (W-V+m)/hc Q, Q' = k/r Q - (W-V-m)/hc P (central differences).
TEST(DiracCoulomb, SatisfiesRadialDiracEquation) {
  const double zeta = -82.0 * constants::kAlpha;
  for (double w : {2.0, 50.0, 1000.0}) {
    for (int kappa : {-1, 1, -4, 7, -25, 30}) {
      const double r = 12.0;
      const double h = 1e-4;
      const auto c = diracCoulombFunctions(kappa, zeta, w, kMe, r);
      const auto cp = diracCoulombFunctions(kappa, zeta, w, kMe, r + h);
      const auto cm = diracCoulombFunctions(kappa, zeta, w, kMe, r - h);
      const double v = zeta * kHbarC / r;
      const double scale = std::exp(c.logScaleF);
      const double dP = (cp.fu - cm.fu) / (2 * h);
      const double dQ = (cp.fl - cm.fl) / (2 * h);
      const double rhsP = -kappa / r * c.fu + (w - v + kMe) / kHbarC * c.fl;
      const double rhsQ = kappa / r * c.fl - (w - v - kMe) / kHbarC * c.fu;
      const double norm = std::abs(c.fu) + std::abs(c.fl) + 1e-300;
      EXPECT_NEAR(dP, rhsP, 1e-6 * norm / r + 1e-7 * std::abs(rhsP)) << "kappa " << kappa << " W " << w << scale;
      EXPECT_NEAR(dQ, rhsQ, 1e-6 * norm / r + 1e-7 * std::abs(rhsQ)) << "kappa " << kappa << " W " << w;
      const double dG = (cp.gu - cm.gu) / (2 * h);
      const double rhsG = -kappa / r * c.gu + (w - v + kMe) / kHbarC * c.gl;
      EXPECT_NEAR(dG, rhsG, 1e-6 * (std::abs(c.gu) + std::abs(c.gl)) / r + 1e-7 * std::abs(rhsG));
    }
  }
}

// Far away the upper component oscillates with unit amplitude and the Coulomb phase delta_C.
TEST(DiracCoulomb, AsymptoticNormalisationAndPhase) {
  const double zeta = -20.0 * constants::kAlpha;
  const double w = 300.0;
  const double p = std::sqrt(w * w - kMe * kMe);
  const double k = p / kHbarC;
  const double eta = zeta * w / p;
  for (int kappa : {-1, 1, -3, 2}) {
    const double r = 1.0e4;
    const auto c = diracCoulombFunctions(kappa, zeta, w, kMe, r);
    const int l = kappa > 0 ? kappa : -kappa - 1;
    const double theta = k * r - l * constants::kPi / 2 - eta * std::log(2 * k * r) + diracCoulombPhase(kappa, zeta, w, kMe);
    // Upper components equal +/- (sin, cos) of the asymptotic phase (overall sign is convention).
    const double s = c.fu * std::sin(theta) + c.gu * std::cos(theta);
    EXPECT_NEAR(std::abs(s), 1.0, 1e-3) << kappa;
    EXPECT_NEAR(c.fu * std::cos(theta) - c.gu * std::sin(theta), 0.0, 1e-3) << kappa;
  }
}

TEST(DiracCoulomb, RejectsBadArguments) {
  EXPECT_THROW(diracCoulombPhase(0, -0.1, 10.0, kMe), Error);
  EXPECT_THROW(diracCoulombPhase(1, -0.9, 10.0, kMe), Error);   // gamma < 1/2
  EXPECT_THROW(diracCoulombPhase(1, -0.1, 0.3, kMe), Error);    // below the mass
  EXPECT_THROW(diracCoulombFunctions(1, -0.1, 10.0, kMe, -1.0), Error);
}

// With only finitely many non-zero phase shifts the series is a finite sum; the YRW reductions
// must not change it.
TEST(PartialWaveSeries, ReductionsLeaveFiniteSeriesUnchanged) {
  DiracPhaseShifts ph;
  ph.wavenumber = 2.0;
  for (int l = 0; l <= 60; ++l) {
    const double d = l < 25 ? 0.3 * std::exp(-0.1 * l) : 0.0;
    ph.kappaNegative.push_back(d);
    ph.kappaPositive.push_back(l > 0 ? 0.8 * d : 0.0);
  }
  // Direct sum of the convergent series f = 1/(2ik) sum [(l+1)(e^{2i d-} - 1) + l (e^{2i d+} - 1)] P_l.
  // The library drops the "-1" terms (a forward delta function); after >= 1 reduction that is
  // exact, so reductions 1, 2, 3 must all reproduce the direct sum.
  using C = std::complex<double>;
  for (double th : {0.3, 1.0, 2.5}) {
    const double x = std::cos(th);
    double pPrev = 1.0, p = x;
    C f = (std::polar(1.0, 2 * ph.kappaNegative[0]) - 1.0);
    for (int l = 1; l <= 60; ++l) {
      f += (static_cast<double>(l + 1) * (std::polar(1.0, 2 * ph.kappaNegative[l]) - 1.0) +
            static_cast<double>(l) * (std::polar(1.0, 2 * ph.kappaPositive[l]) - 1.0)) * p;
      const double pn = ((2.0 * l + 1.0) * x * p - l * pPrev) / (l + 1.0);
      pPrev = p;
      p = pn;
    }
    f /= C(0.0, 2.0 * ph.wavenumber);
    for (int red : {1, 2, 3}) {
      const auto a = PartialWaveSeries(ph, red)(th);
      EXPECT_NEAR(std::abs(a.f - f), 0.0, 1e-10 * std::abs(f)) << "theta " << th << " reductions " << red;
    }
    EXPECT_NEAR(std::abs(PartialWaveSeries(ph, 1)(th).g - PartialWaveSeries(ph, 3)(th).g), 0.0,
                1e-10 * std::abs(PartialWaveSeries(ph, 1)(th).g));
  }
  // All phase shifts zero: no scattering.
  DiracPhaseShifts zero{1.0, std::vector<double>(30, 0.0), std::vector<double>(30, 0.0)};
  EXPECT_LT(PartialWaveSeries(zero, 2)(1.0).crossSection(), 1e-20);
}

// A small nucleus of radius R differs from a point charge by phase shifts that vanish like
// (kR)^(2 gamma) (the regular solution ~ r^gamma near the point charge): halving R divides the
// s-wave finite-size phase by 2^(2 gamma).
TEST(DiracScattering, FiniteSizePhaseVanishesLikeRadiusToTwoGamma) {
  const double zeta = -20 * constants::kAlpha;
  const double w = 200.0 + kMe;
  DiracScattering::Config cfg;
  cfg.tableSpacing = 0.0005;
  double prev = 0.0;
  for (double c : {0.2, 0.1}) {
    auto rho = std::make_shared<SymmetrizedFermiDensity>(c, c / 10, 20.0);
    const DiracScattering s(20, rho, 0.0, nullptr, cfg);
    const auto ph = s.phaseShifts(200.0, 50);
    const double d = std::remainder(ph.plus.kappaNegative[0] - diracCoulombPhase(-1, zeta, w, kMe), constants::kPi);
    if (prev != 0.0) {
      const double gamma = std::sqrt(1.0 - zeta * zeta);
      EXPECT_NEAR(prev / d, std::pow(2.0, 2 * gamma), 0.05 * std::pow(2.0, 2 * gamma));
    }
    prev = d;
  }
}

// No weak potential: both helicities get bit-identical phase shifts, so A_PV = 0 exactly.
TEST(DiracScattering, NoWeakPotentialGivesZeroAsymmetryExactly) {
  auto rho = std::make_shared<SymmetrizedFermiDensity>(6.6, 0.55, 82.0);
  const DiracScattering s(82, rho, 0.0, nullptr);
  const auto ph = s.phaseShifts(1063.0, 1000);
  EXPECT_EQ(ph.plus.kappaNegative, ph.minus.kappaNegative);
  EXPECT_EQ(ph.plus.kappaPositive, ph.minus.kappaPositive);
  const PartialWaveSeries sp(ph.plus);
  const PartialWaveSeries sm(ph.minus);
  for (double deg : {3.0, 5.0, 12.0}) {
    const double a = sp(deg * constants::kPi / 180).crossSection();
    const double b = sm(deg * constants::kPi / 180).crossSection();
    EXPECT_EQ((a - b) / (a + b), 0.0);
  }
}

TEST(DiracScattering, RejectsUnnormalisedDensitiesAndBadEnergies) {
  auto rho = std::make_shared<SymmetrizedFermiDensity>(6.6, 0.55, 80.0); // integrates to 80, not 82
  try {
    DiracScattering s(82, rho, 0.0, nullptr);
    FAIL() << "no error for a charge density integrating to 80";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
    EXPECT_NE(std::string(e.what()).find("Z = 82"), std::string::npos) << e.what();
  }
  auto good = std::make_shared<SymmetrizedFermiDensity>(6.6, 0.55, 82.0);
  auto weak = std::make_shared<SymmetrizedFermiDensity>(6.8, 0.6, -100.0);
  EXPECT_THROW(DiracScattering(82, good, -118.55, weak), Error); // weak density integrates to -100
  const DiracScattering ok(82, good, 0.0, nullptr);
  EXPECT_THROW(ok.phaseShifts(-5.0, 100), Error);
  EXPECT_THROW(ok.phaseShifts(1e5, 100), Error);
  EXPECT_THROW(DiracScattering::pointCharge(0), Error);
}
