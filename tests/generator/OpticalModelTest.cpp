// Optical-model transmission coefficients (Koning-Delaroche, Numerov + Coulomb functions).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

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

// ---- light ions (issue 9): d (An-Cai), t / 3He (Becchetti-Greenlees), alpha (McFadden-Satchler) ----
using lenu::generator::LightIon;
using lenu::generator::PartialWaveTable;

namespace {
const LightIon kIons[] = {LightIon::Deuteron, LightIon::Triton, LightIon::Helion, LightIon::Alpha};
const char* ionName(LightIon i) {
  return i == LightIon::Deuteron ? "d" : i == LightIon::Triton ? "t" : i == LightIon::Helion ? "3He" : "alpha";
}
} // namespace

// Unitarity 0 <= T_lj <= 1 for every allowed j = |l - s| .. l + s (d: three values for l >= 1, alpha
// one); j outside that range is rejected.
TEST(OpticalModelLightIons, TransmissionIsBetweenZeroAndOneForEveryAllowedJ) {
  for (LightIon ion : kIons) {
    const OpticalModel om(ion, 18, 38);
    const int s2 = om.twoS();
    for (double e : {0.5, 3.0, 10.0, 30.0}) {
      for (int l = 0; l <= 10; ++l) {
        int count = 0;
        for (int tj = std::abs(2 * l - s2); tj <= 2 * l + s2; tj += 2) {
          const double t = om.transmission(l, tj, e);
          EXPECT_GE(t, 0.0);
          EXPECT_LE(t, 1.0);
          ++count;
        }
        EXPECT_EQ(count, std::min(2 * l, s2) + 1) << ionName(ion) << " l=" << l;
      }
    }
    EXPECT_THROW((void)om.transmission(1, 2 * 1 + s2 + 2, 5.0), lenu::Error) << ionName(ion);
  }
  const OpticalModel d(LightIon::Deuteron, 18, 38);
  EXPECT_THROW((void)d.transmission(0, 0, 5.0), lenu::Error); // l = 0, s = 1: only j = 1
  // the spin-orbit term splits the j = l +- 1 transmissions of the deuteron
  EXPECT_GT(std::abs(d.transmission(3, 8, 12.0) - d.transmission(3, 4, 12.0)), 1e-4);
}

// Flux conservation of the solver for the new potentials: real part only -> |S| = 1, T = 0.
TEST(OpticalModelLightIons, RealPotentialGivesUnitSMatrix) {
  for (LightIon ion : kIons) {
    OpticalModel om(ion, 20, 40);
    OpticalPotential pot = lenu::generator::globalPotential(ion, 20, 40, 20.0);
    pot.w = pot.wd = pot.wso = 0.0;
    om.setPotentialOverride(&pot);
    for (int l = 0; l <= 6; ++l) {
      EXPECT_NEAR(om.transmission(l, 2 * l + om.twoS(), 20.0), 0.0, 1e-6) << ionName(ion) << " l=" << l;
    }
  }
}

// Coulomb barrier: at the same centre-of-mass energy below the barrier (3 MeV on 39K) the doubly
// charged 3He tunnels far less than the triton (same mass, same spin, same potential family), and
// the alpha s-wave is negligible at 1 MeV but large at 20 MeV.
TEST(OpticalModelLightIons, CoulombBarrierOrdersTheChargedIons) {
  const OpticalModel t(LightIon::Triton, 19, 39), h(LightIon::Helion, 19, 39), a(LightIon::Alpha, 19, 39);
  EXPECT_LT(h.transmission(0, 1, 3.0), 1e-2 * t.transmission(0, 1, 3.0));
  EXPECT_LT(a.transmission(0, 0, 1.0), 1e-8);
  EXPECT_GT(a.transmission(0, 0, 20.0), 0.5);
}

// Reaction cross sections on 40Ca of d, t, 3He, alpha (printed, fm^2 and mb) between the geometric
// bounds: above pi (1.0 A^1/3)^2 (the target's own area) and below the black-disk limit
// pi (R + lambda-bar)^2 with R = 1.5 (A^1/3 + a^1/3) fm, lambda-bar = 1/k, at 20-50 MeV.
TEST(OpticalModelLightIons, ReactionCrossSectionsLieBetweenGeometricBounds) {
  const double a13 = std::cbrt(40.0);
  for (LightIon ion : kIons) {
    const OpticalModel om(ion, 20, 40);
    const int ap = lenu::generator::lightIonInfo(ion).a;
    for (double e : {10.0, 20.0, 30.0, 50.0}) {
      const double s = om.reactionCrossSection(e);
      const double k = om.waveNumber(e);
      const double upper = M_PI * std::pow(1.5 * (a13 + std::cbrt(static_cast<double>(ap))) + 1.0 / k, 2);
      std::printf("[omp] sigma_R(%s + 40Ca, E_cm = %.0f MeV) = %.1f fm^2 = %.0f mb (black-disk bound %.0f mb)\n", ionName(ion), e,
                  s, 10.0 * s, 10.0 * upper);
      if (e >= 20.0) {
        EXPECT_GT(s, M_PI * a13 * a13) << ionName(ion) << " " << e;
      }
      EXPECT_LT(s, upper) << ionName(ion) << " " << e;
    }
  }
}

// The T_lj table of the deuteron (three j per l) interpolates the direct calculation within 2%.
TEST(OpticalModelLightIons, DeuteronTableInterpolatesTheDirectCalculation) {
  const OpticalModel om(LightIon::Deuteron, 18, 38);
  const PartialWaveTable tab(om, 40.0, 96, 8);
  ASSERT_EQ(tab.twoS(), 2);
  for (double e : {4.2, 9.7, 21.3}) {
    for (int l : {0, 1, 3, 6}) {
      for (int tj = std::abs(2 * l - 2); tj <= 2 * l + 2; tj += 2) {
        const double direct = om.transmission(l, tj, e);
        EXPECT_NEAR(tab(l, tj, e), direct, 0.02 * direct + 1e-4) << "l=" << l << " 2j=" << tj << " E=" << e;
      }
    }
  }
  EXPECT_EQ(tab(0, 0, 5.0), 0.0); // invalid j
}
