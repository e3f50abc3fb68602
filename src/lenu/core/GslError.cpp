#include "lenu/core/GslError.hpp"

#include <cmath>
#include <mutex>

#include <fmt/format.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_bessel.h>
#include <gsl/gsl_sf_coupling.h>

namespace lenu::gsl {

void useReturnCodes() {
  static std::once_flag once;
  std::call_once(once, [] { gsl_set_error_handler_off(); });
}

void fail(int status, std::string_view function, std::string_view arguments, ErrorCode code) {
  throw Error(code, fmt::format("GSL {}({}) failed: {} (GSL status {})", function, arguments, gsl_strerror(status),
                                status));
}

void check(int status, std::string_view function, std::string_view arguments, ErrorCode code) {
  if (status != GSL_SUCCESS) fail(status, function, arguments, code);
}

void sphericalBesselArray(int lmax, double x, double* out) {
  useReturnCodes();
  if (lmax < 0 || lmax > 1000) {
    throw Error(ErrorCode::InvalidArgument, fmt::format("spherical Bessel lmax = {} outside [0, 1000]", lmax));
  }
  if (!(std::isfinite(x) && x >= 0.0)) {
    throw Error(ErrorCode::InvalidArgument, fmt::format("spherical Bessel argument x = {} must be finite and >= 0", x));
  }
  // Steed's continued fraction needs O(x) iterations (GSL caps them at 10000); for x well above
  // lmax the upward recurrence is stable and exact to rounding.
  if (x < static_cast<double>(lmax) + 1000.0) {
    const int st = gsl_sf_bessel_jl_steed_array(lmax, x, out);
    if (st != GSL_SUCCESS) fail(st, "gsl_sf_bessel_jl_steed_array", fmt::format("lmax={}, x={}", lmax, x));
    return;
  }
  const double s = std::sin(x);
  const double c = std::cos(x);
  out[0] = s / x;
  if (lmax >= 1) out[1] = s / (x * x) - c / x;
  for (int l = 1; l < lmax; ++l) out[l + 1] = (2.0 * l + 1.0) / x * out[l] - out[l - 1];
}

std::vector<double> sphericalBesselArray(int lmax, double x) {
  std::vector<double> v(static_cast<std::size_t>(std::max(lmax, 0) + 1));
  sphericalBesselArray(lmax, x, v.data());
  return v;
}

double wigner3j(int a, int b, int c, int d, int e, int f) {
  useReturnCodes();
  gsl_sf_result r;
  const int st = gsl_sf_coupling_3j_e(a, b, c, d, e, f, &r);
  if (st != GSL_SUCCESS) fail(st, "gsl_sf_coupling_3j_e", fmt::format("2ja={}, 2jb={}, 2jc={}, 2ma={}, 2mb={}, 2mc={}", a, b, c, d, e, f));
  return r.val;
}

double wigner6j(int a, int b, int c, int d, int e, int f) {
  useReturnCodes();
  gsl_sf_result r;
  const int st = gsl_sf_coupling_6j_e(a, b, c, d, e, f, &r);
  if (st != GSL_SUCCESS) fail(st, "gsl_sf_coupling_6j_e", fmt::format("2ja={}, 2jb={}, 2jc={}, 2jd={}, 2je={}, 2jf={}", a, b, c, d, e, f));
  return r.val;
}

double wigner9j(int a, int b, int c, int d, int e, int f, int g, int h, int i) {
  useReturnCodes();
  gsl_sf_result r;
  const int st = gsl_sf_coupling_9j_e(a, b, c, d, e, f, g, h, i, &r);
  if (st != GSL_SUCCESS) fail(st, "gsl_sf_coupling_9j_e", fmt::format("2j = {}, {}, {}, {}, {}, {}, {}, {}, {}", a, b, c, d, e, f, g, h, i));
  return r.val;
}

} // namespace lenu::gsl
