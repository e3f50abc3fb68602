#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/formfactor/Models.hpp"
#include "lenu/xsec/Cevns.hpp"

using namespace lenu;

namespace {
CevnsCrossSection make(const char* name, const FormFactorModel& m) {
  static const auto table = NuclideTable::load();
  const auto& n = table.get(name);
  return CevnsCrossSection(n, m.forNuclide(n));
}
} // namespace

TEST(Cevns, KinematicLimits) {
  const auto xs = make("Ar40", HelmModel());
  const double e = 30.0;
  const double tMax = xs.maxRecoil(e);
  EXPECT_NEAR(tMax, 2.0 * e * e / (xs.nuclearMass() + 2.0 * e), 1e-15);
  EXPECT_NEAR(xs.minNeutrinoEnergy(tMax), e, 1e-9);
  EXPECT_EQ(xs.dSigmaDT(e, 1.01 * tMax), 0.0); // beyond T_max: zero, not NaN
  EXPECT_GT(xs.dSigmaDT(e, 0.5 * tMax), 0.0);
  // dsigma/dT vanishes linearly at T_max
  EXPECT_LT(xs.dSigmaDT(e, tMax * (1.0 - 1e-9)), 1e-8 * xs.dSigmaDT(e, 0.0));
  EXPECT_EQ(xs.dSigmaDT(e, tMax), 0.0);
  EXPECT_EQ(xs.sigma(0.0), 0.0);
  EXPECT_NEAR(xs.momentumTransfer(tMax), std::sqrt(2.0 * xs.nuclearMass() * tMax + tMax * tMax) / constants::kHbarC,
              1e-14);
}

TEST(Cevns, BadInputIsAnError) {
  const auto xs = make("Ar40", HelmModel());
  for (double bad : {-1.0, std::nan(""), std::numeric_limits<double>::infinity()}) {
    EXPECT_THROW((void)xs.sigma(bad), Error);
    EXPECT_THROW((void)xs.dSigmaDT(bad, 0.001), Error);
    EXPECT_THROW((void)xs.dSigmaDT(10.0, bad), Error);
  }
  EXPECT_THROW((void)xs.dSigmaDCosTheta(10.0, 1.5), Error);
}
