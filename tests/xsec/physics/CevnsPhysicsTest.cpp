// CEvNS physics: limits, scaling laws and agreement of independent integrations.
#include <cmath>

#include <gtest/gtest.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Integrate.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/formfactor/Models.hpp"
#include "lenu/xsec/Cevns.hpp"

using namespace lenu;

namespace {
const NuclideTable& table() {
  static const auto t = NuclideTable::load();
  return t;
}
CevnsCrossSection make(const char* name, const FormFactorModel& m) {
  const auto& n = table().get(name);
  return CevnsCrossSection(n, m.forNuclide(n));
}
double pointLimit(const CevnsCrossSection& xs, double e) {
  const double gf = constants::kFermiConstant;
  const double hc = constants::kHbarC;
  return gf * gf * xs.weakCharge() * xs.weakCharge() * e * e / (4.0 * constants::kPi) * hc * hc;
}
} // namespace

// Low energy: F -> 1 and sigma -> G_F^2 Q_W^2 E^2 / (4 pi) (corrections O(E/M) ~ 1e-5).
TEST(CevnsPhysics, LowEnergyLimitAndE2Scaling) {
  for (const char* n : {"Ar40", "Ge76", "Xe132", "Pb208"}) {
    const auto xs = make(n, HelmModel());
    EXPECT_NEAR(xs.sigma(0.5) / pointLimit(xs, 0.5), 1.0, 2e-4) << n;
    EXPECT_NEAR(xs.sigma(1.0) / xs.sigma(0.5), 4.0, 4.0 * 3e-4) << n;
  }
}

// Coherence: with F = 1 the cross section scales as Q_W^2 (about N^2).
TEST(CevnsPhysics, WeakChargeSquaredScaling) {
  const auto ar = make("Ar40", UnitModel());
  const auto xe = make("Xe132", UnitModel());
  const double ratio = xe.sigma(1.0) / ar.sigma(1.0);
  const double qw = xe.weakCharge() / ar.weakCharge();
  EXPECT_NEAR(ratio / (qw * qw), 1.0, 1e-4);
  EXPECT_NEAR(ratio / std::pow(78.0 / 22.0, 2), 1.0, 0.02); // N^2 to 2% (the proton weak charge is small)
}

// The form factor suppresses sigma more at higher energy and for heavier nuclei.
TEST(CevnsPhysics, FormFactorSuppressionGrowsWithEnergy) {
  const auto helm = make("Cs133", HelmModel());
  const auto unit = make("Cs133", UnitModel());
  double previous = 1.0;
  for (double e : {10.0, 20.0, 30.0, 40.0, 50.0}) {
    const double r = helm.sigma(e) / unit.sigma(e);
    EXPECT_LT(r, previous) << e;
    previous = r;
  }
  EXPECT_LT(previous, 0.8);
}

// Gauss-Legendre in q against adaptive quadrature in T: two independent integrations.
TEST(CevnsPhysics, FastSigmaEqualsAdaptive) {
  for (const char* n : {"C12", "Ar40", "Cs133", "Pb208"}) {
    for (const FormFactorModel* m : std::initializer_list<const FormFactorModel*>{new HelmModel(), new KleinNystrandModel()}) {
      const auto xs = make(n, *m);
      for (double e : {1.0, 10.0, 30.0, 52.8, 100.0, 150.0}) {
        EXPECT_NEAR(xs.sigma(e) / xs.sigmaAdaptive(e), 1.0, 1e-8) << n << " " << m->name() << " E=" << e;
      }
      delete m;
    }
  }
}

// dsigma/dcos(theta) integrates to sigma (exact two-body kinematics in both).
TEST(CevnsPhysics, AngularDistributionIntegratesToSigma) {
  const auto xs = make("Ar40", HelmModel());
  for (double e : {10.0, 30.0, 50.0}) {
    QuadratureConfig cfg;
    cfg.relTol = 1e-10;
    const double s = integrate([&](double c) { return xs.dSigmaDCosTheta(e, c); }, -1.0, 1.0, cfg);
    EXPECT_NEAR(s / xs.sigma(e), 1.0, 1e-7) << e;
    // forward peaked: backward scattering vanishes as (1 + cos theta)
    EXPECT_LT(xs.dSigmaDCosTheta(e, -0.999), 1e-2 * xs.dSigmaDCosTheta(e, 1.0));
  }
}
