// Unit tests of the PVES observables: linearity in the weak charge, kinematics, bad input.
#include <cmath>

#include <gtest/gtest.h>

#include "lenu/core/Error.hpp"
#include "lenu/formfactor/Phenomenological.hpp"
#include "lenu/pves/ParityViolation.hpp"

using namespace lenu;

namespace {
ParityViolatingScattering makeCalcium(double weakScale) {
  auto charge = std::make_shared<SymmetrizedFermiDensity>(3.75, 0.52, 20.0);
  const double qw = -26.2 * weakScale;
  auto weak = std::make_shared<SymmetrizedFermiDensity>(3.9, 0.6, qw);
  return ParityViolatingScattering(20, 44657.0, charge, qw, weak);
}
} // namespace

// A_PV is linear in the weak potential (the weak interaction is ~1e-6 of the Coulomb one).
TEST(ParityViolation, AsymmetryIsLinearInWeakCharge) {
  const auto r1 = makeCalcium(1.0).evaluate(1000.0, 6.0);
  const auto r2 = makeCalcium(2.0).evaluate(1000.0, 6.0);
  EXPECT_GT(r1.apv, 0.0);
  EXPECT_NEAR(r2.apv / r1.apv, 2.0, 1e-5);
  EXPECT_NEAR(r2.apvBorn / r1.apvBorn, 2.0, 1e-12);
  EXPECT_NEAR(r2.crossSection / r1.crossSection, 1.0, 1e-9);
}

TEST(ParityViolation, KinematicsRoundTrip) {
  const auto pv = makeCalcium(1.0);
  const double th = pv.angleForQ2(2180.0, 0.0297e6);
  EXPECT_NEAR(pv.q2At(2180.0, th), 0.0297e6, 1e-6);
  const auto r = pv.evaluate(2180.0, th);
  EXPECT_NEAR(r.q2, 0.0297e6, 1e-6);
  EXPECT_NEAR(r.q, std::sqrt(0.0297e6) / 197.3269804, 1e-9);
}

TEST(ParityViolation, AcceptanceAverageOfOnePointIsThePoint) {
  const auto pv = makeCalcium(1.0);
  const auto r = pv.evaluate(1000.0, 5.0);
  const auto a = pv.acceptanceAverage(1000.0, AngularAcceptance{{5.0}, {3.0}});
  EXPECT_DOUBLE_EQ(a.apv, r.apv);
  EXPECT_DOUBLE_EQ(a.crossSection, r.crossSection);
  // Two angles: the average lies between them.
  const auto b = pv.acceptanceAverage(1000.0, AngularAcceptance{{4.0, 6.0}, {1.0, 1.0}});
  const auto p4 = pv.evaluate(1000.0, 4.0);
  const auto p6 = pv.evaluate(1000.0, 6.0);
  EXPECT_GT(b.apv, std::min(p4.apv, p6.apv));
  EXPECT_LT(b.apv, std::max(p4.apv, p6.apv));
}

TEST(ParityViolation, RejectsBadInput) {
  const auto pv = makeCalcium(1.0);
  EXPECT_THROW(pv.evaluate(1000.0, 0.01), Error);   // angle below range
  EXPECT_THROW(pv.evaluate(1000.0, 179.9), Error);  // angle above range
  EXPECT_THROW(pv.evaluate(0.1, 5.0), Error);       // energy below range
  EXPECT_THROW(pv.evaluate(9000.0, 5.0), Error);    // energy above range
  EXPECT_THROW(pv.acceptanceAverage(1000.0, AngularAcceptance{{5.0}, {-1.0}}), Error);
  EXPECT_THROW(pv.acceptanceAverage(1000.0, AngularAcceptance{{5.0, 6.0}, {1.0}}), Error);
  auto charge = std::make_shared<SymmetrizedFermiDensity>(3.75, 0.52, 20.0);
  auto weak = std::make_shared<SymmetrizedFermiDensity>(3.9, 0.6, -20.0); // integrates to -20, Q_W = -26.2
  try {
    ParityViolatingScattering bad(20, 44657.0, charge, -26.2, weak);
    FAIL() << "no error for a weak density not integrating to Q_W";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
    EXPECT_NE(std::string(e.what()).find("Q_W"), std::string::npos) << e.what();
  }
}
