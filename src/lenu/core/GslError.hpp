#pragma once
/// @file GslError.hpp
/// GSL error policy of lenu. GSL's default error handler calls abort(); lenu never lets a library
/// call abort. The policy has two parts:
///  1. `gsl::useReturnCodes()` switches GSL's handler off (gsl_set_error_handler_off) once per
///     process (std::call_once, thread-safe). It is lenu's library initialisation for GSL: every
///     lenu function that calls GSL calls it first (cheap after the first call). This is the only
///     process-wide state lenu changes; nothing else depends on it. No exception is ever thrown
///     from inside GSL's C frames (a throwing handler would unwind through C code).
///  2. Every GSL call's status is checked (the `_e` variants of special functions, the int
///     status of array, spline and integration routines) and a failure becomes
///     lenu::Error(code, "<function>(<arguments>): <gsl_strerror(status)>") via `gsl::check`.
/// Programs embedding lenu that rely on GSL's aborting handler elsewhere should know that linking
/// lenu turns it off for the process once a lenu GSL wrapper has run.

#include <string_view>
#include <vector>

#include "lenu/core/Error.hpp"

namespace lenu::gsl {

/// Turn GSL's aborting error handler off for this process (idempotent, thread-safe).
void useReturnCodes();

/// Throw Error(code, "<function>(<arguments>): <GSL reason>") unless status == GSL_SUCCESS.
/// `arguments` lists the call's arguments ("l=3, x=1e+05").
void check(int status, std::string_view function, std::string_view arguments,
           ErrorCode code = ErrorCode::NotConverged);
/// The throwing part of check (for hot loops: format the arguments only on failure).
[[noreturn]] void fail(int status, std::string_view function, std::string_view arguments,
                       ErrorCode code = ErrorCode::NotConverged);

/// Spherical Bessel functions j_0(x) .. j_lmax(x) (x >= 0, lmax >= 0), dimensionless.
/// Steed's continued fraction (gsl_sf_bessel_jl_steed_array) for x below ~lmax + 1000, where it
/// converges; beyond, the upward recurrence from j_0 = sin x / x, j_1 = sin x / x^2 - cos x / x,
/// which is stable for x > lmax. Throws Error(InvalidArgument) for x < 0 / NaN or lmax < 0 and
/// Error(NotConverged) naming the arguments if GSL reports a failure.
void sphericalBesselArray(int lmax, double x, double* out);
std::vector<double> sphericalBesselArray(int lmax, double x);

/// Wigner 3j, 6j, 9j symbols; arguments are TWICE the angular momenta (GSL convention).
/// Throw Error(NotConverged) naming the arguments if GSL reports an error (e.g. overflow).
double wigner3j(int two_ja, int two_jb, int two_jc, int two_ma, int two_mb, int two_mc);
double wigner6j(int two_ja, int two_jb, int two_jc, int two_jd, int two_je, int two_jf);
double wigner9j(int two_ja, int two_jb, int two_jc, int two_jd, int two_je, int two_jf, int two_jg,
                int two_jh, int two_ji);

} // namespace lenu::gsl
