// Optical-model transmission coefficients (Koning-Delaroche, Numerov + Coulomb functions).
#include <gtest/gtest.h>

#include <cmath>

#include "lenu/core/Error.hpp"
#include "lenu/generator/OpticalModel.hpp"

using lenu::generator::OpticalModel;
using lenu::generator::OpticalPotential;
using lenu::generator::TransmissionTable;

// Unitarity: 0 <= T_lj <= 1 for neutrons and protons on the 40Ar / 40K residuals.
TEST(OpticalModel, TransmissionIsBetweenZeroAndOne) {
  for (int zp : {0, 1}) {
    const OpticalModel om(zp, 19, 39);
    for (double e : {0.05, 0.5, 2.0, 8.0, 20.0, 60.0}) {
      for (int l = 0; l <= 12; ++l) {
        for (int tj : {2 * l - 1, 2 * l + 1}) {
          if (tj < 1) {
            continue;
          }
          const double t = om.transmission(l, tj, e);
          EXPECT_GE(t, 0.0);
          EXPECT_LE(t, 1.0);
        }
      }
    }
  }
}

// A purely real potential is not absorptive: |S| = 1, T = 0 (flux conservation of the solver).
TEST(OpticalModel, RealPotentialGivesUnitSMatrix) {
  OpticalModel om(0, 18, 39);
  OpticalPotential pot = lenu::generator::koningDelaroche(0, 18, 39, 5.0);
  pot.w = pot.wd = pot.wso = 0.0;
  om.setPotentialOverride(&pot);
  for (int l = 0; l <= 6; ++l) {
    EXPECT_NEAR(om.transmission(l, 2 * l + 1, 5.0), 0.0, 1e-6) << "l=" << l;
  }
}

// Centrifugal cut-off: T_l -> 0 for l >> kR; low l strongly absorbed at 10 MeV.
TEST(OpticalModel, HighPartialWavesAreNotAbsorbed) {
  const OpticalModel om(0, 18, 39);
  const double kR = om.waveNumber(10.0) * 1.25 * std::cbrt(39.0);
  EXPECT_GT(om.transmission(0, 1, 10.0), 0.3);
  EXPECT_LT(om.transmission(static_cast<int>(kR) + 8, 2 * (static_cast<int>(kR) + 8) + 1, 10.0), 1e-4);
}

// Coulomb barrier: proton T_0 on 39K (barrier ~ 5 MeV) is tiny at 0.3 MeV and large at 10 MeV,
// while the neutron (no barrier) at 0.3 MeV is much larger than the proton.
TEST(OpticalModel, ProtonsAreSuppressedBelowTheCoulombBarrier) {
  const OpticalModel p(1, 19, 39), n(0, 19, 39);
  const double tLow = p.transmission(0, 1, 0.3);
  EXPECT_LT(tLow, 1e-5);
  EXPECT_GT(p.transmission(0, 1, 10.0), 0.3);
  EXPECT_GT(n.transmission(0, 1, 0.3), 1e3 * tLow);
}

// Reaction cross section rises above the geometric value pi R^2 only through the wavelength
// term: at 50 MeV it lies between pi (1.0 A^1/3)^2 and pi (1.5 A^1/3 + 1/k)^2 [fm^2] (n + 40Ca).
TEST(OpticalModel, ReactionCrossSectionIsGeometricAtHighEnergy) {
  const OpticalModel om(0, 20, 40);
  const double s = om.reactionCrossSection(50.0);
  const double r13 = std::cbrt(40.0);
  EXPECT_GT(s, M_PI * r13 * r13);
  const double k = om.waveNumber(50.0);
  EXPECT_LT(s, M_PI * std::pow(1.5 * r13 + 1.0 / k, 2));
}

TEST(OpticalModel, TableInterpolatesTheDirectCalculation) {
  const OpticalModel om(0, 18, 39);
  const TransmissionTable tab(om, 0.01, 20.0, 400, 10);
  for (double e : {0.7, 3.3, 11.1}) {
    for (int l : {0, 2, 5}) {
      double direct = (l + 1.0) * om.transmission(l, 2 * l + 1, e);
      if (l > 0) {
        direct += l * om.transmission(l, 2 * l - 1, e);
      }
      direct /= 2.0 * l + 1.0;
      EXPECT_NEAR(tab(l, e), direct, 0.01 * direct + 1e-6) << "l=" << l << " E=" << e;
    }
  }
  EXPECT_EQ(tab(0, 0.001), 0.0);
}

TEST(OpticalModel, RejectsBadInput) {
  const OpticalModel om(0, 18, 39);
  EXPECT_THROW((void)om.transmission(0, 1, -1.0), lenu::Error);
  EXPECT_THROW((void)om.transmission(2, 2, 1.0), lenu::Error);
  EXPECT_THROW(OpticalModel(2, 18, 39), lenu::Error);
}

TEST(OpticalModel, InverseCrossSectionTableMatchesDirectSum) {
  const OpticalModel om(1, 19, 39);
  const lenu::generator::InverseCrossSection tab(om, 40.0, 64);
  for (double e : {3.0, 7.5, 15.0, 33.0}) {
    const double direct = om.reactionCrossSection(e);
    EXPECT_NEAR(tab(e), direct, 0.03 * direct) << "E=" << e;
  }
  EXPECT_EQ(tab(0.0), 0.0);
  EXPECT_LT(tab(0.3), 1e-3 * tab(10.0)); // below the Coulomb barrier
}
