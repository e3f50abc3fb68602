// Time windows that miss the emission entirely (a histogram bin before a narrow pulse starts)
// give zero, not an error; a reversed window is still an error.
#include <gtest/gtest.h>

#include "lenu/core/Error.hpp"
#include "lenu/source/StoppedPionSource.hpp"

using namespace lenu;

TEST(StoppedPionWindow, WindowBeforeTheBunchesIsEmpty) {
  StoppedPionSource::Config c;
  c.protonsOnTarget = 1e20;
  c.pulse = ProtonPulse::gaussianBunches(100.0, {-270.0, 270.0}, {1.0, 1.0});
  const StoppedPionSource s(c);
  EXPECT_EQ(s.timeFraction(Flavour::NuMu, {-1000.0, -900.0}), 0.0);
  EXPECT_EQ(s.timeFraction(Flavour::NuE, {-1000.0, -900.0}), 0.0);
  EXPECT_NEAR(s.timeFraction(Flavour::NuMu, {-1000.0, 1000.0}), 1.0, 1e-6);
  EXPECT_NEAR(s.timeFraction(Flavour::NuMu, {-1000.0, 0.0}), 0.5, 2e-4); // two equal bunches (tabulated pulse)
  EXPECT_THROW((void)s.timeFraction(Flavour::NuMu, {100.0, -100.0}), Error);
}
