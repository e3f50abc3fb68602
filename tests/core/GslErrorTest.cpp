// GSL error policy (GslError.hpp): GSL failures become typed lenu::Errors instead of aborting,
// and the checked wrappers agree with closed forms.
#include <cmath>
#include <limits>
#include <string>

#include <gtest/gtest.h>

#include "lenu/core/Error.hpp"
#include "lenu/core/GslError.hpp"
#include "lenu/core/Spline.hpp"

using namespace lenu;

TEST(GslError, SphericalBesselMatchesClosedFormsOnBothBranches) {
  // Steed's continued fraction (x < lmax + 1000) and the upward recurrence (beyond).
  for (double x : {0.3, 7.5, 60.0, 1005.0, 2.0e4, 7.6e4, 1.0e7}) {
    const auto j = gsl::sphericalBesselArray(13, x);
    const double j0 = std::sin(x) / x;
    const double j1 = std::sin(x) / (x * x) - std::cos(x) / x;
    const double j2 = (3.0 / (x * x) - 1.0) * std::sin(x) / x - 3.0 * std::cos(x) / (x * x);
    EXPECT_NEAR(j[0], j0, 1e-12 * (1.0 + 1.0 / x)) << x;
    EXPECT_NEAR(j[1], j1, 1e-12 * (1.0 + 1.0 / x)) << x;
    EXPECT_NEAR(j[2], j2, 1e-10 * std::max(1.0 / x, 1e-6)) << x;
    for (double v : j) EXPECT_TRUE(std::isfinite(v)) << x;
  }
  // Continuity across the switch between the two methods: j_13 at x = 1012.9 and 1013.1
  // (|j_l| <= 1/x, smooth on a scale of 1).
  const auto a = gsl::sphericalBesselArray(13, 1012.999);
  const auto b = gsl::sphericalBesselArray(13, 1013.001);
  EXPECT_NEAR(a[13], b[13], 3e-6);
  // j_l(0) = delta_l0
  const auto z = gsl::sphericalBesselArray(5, 0.0);
  EXPECT_DOUBLE_EQ(z[0], 1.0);
  EXPECT_DOUBLE_EQ(z[5], 0.0);
}

TEST(GslError, BadArgumentsAreTypedErrorsNotAborts) {
  for (double x : {-1.0, std::nan(""), std::numeric_limits<double>::infinity()}) {
    try {
      (void)gsl::sphericalBesselArray(3, x);
      FAIL() << x;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
      EXPECT_NE(std::string(e.what()).find("x ="), std::string::npos) << e.what();
    }
  }
  EXPECT_THROW((void)gsl::sphericalBesselArray(-1, 1.0), Error);
  // A GSL domain error (negative angular momentum) with the default handler would abort the
  // process; here it is lenu::Error naming the function, its arguments and GSL's reason.
  try {
    (void)gsl::wigner3j(-2, 2, 2, 0, 0, 0);
    FAIL();
  } catch (const Error& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("gsl_sf_coupling_3j_e"), std::string::npos) << m;
    EXPECT_NE(m.find("2ja=-2"), std::string::npos) << m;
  }
  EXPECT_THROW((void)gsl::wigner6j(-1, 1, 1, 1, 1, 1), Error);
  EXPECT_THROW((void)gsl::wigner9j(-2, 1, 1, 1, 1, 1, 1, 1, 1), Error);
  try {
    gsl::check(1 /* GSL_EDOM */, "gsl_example", "x=3");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::NotConverged);
    EXPECT_NE(std::string(e.what()).find("gsl_example(x=3)"), std::string::npos) << e.what();
  }
  EXPECT_NO_THROW(gsl::check(0, "gsl_example", "x=3"));
}

TEST(GslError, WignerSymbolsKnownValues) {
  // (1 1 0; 0 0 0) = -1/sqrt(3); {1/2 1/2 1; 1/2 1/2 0} = 1/2 (Edmonds Table 5)
  EXPECT_NEAR(gsl::wigner3j(2, 2, 0, 0, 0, 0), -1.0 / std::sqrt(3.0), 1e-14);
  EXPECT_NEAR(gsl::wigner6j(1, 1, 2, 1, 1, 0), 0.5, 1e-14);
}

TEST(GslError, SplineRejectsNaNAndDegenerateTables) {
  const Spline s({0.0, 1.0, 2.0}, {0.0, 1.0, 4.0});
  EXPECT_THROW((void)s(std::nan("")), Error);
  EXPECT_THROW((void)s.derivative(std::nan("")), Error);
  EXPECT_THROW((void)s.integral(std::nan(""), 1.0), Error);
  EXPECT_THROW(Spline({0.0, 0.0}, {1.0, 2.0}), Error);
  EXPECT_THROW(Spline({0.0, 1.0}, {1.0, std::numeric_limits<double>::infinity()}), Error);
  EXPECT_TRUE(std::isfinite(s(1.5)));
}
