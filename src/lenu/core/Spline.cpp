#include "lenu/core/Spline.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_spline.h>

#include "lenu/core/Error.hpp"
#include "lenu/core/GslError.hpp"

namespace lenu {

Spline::Spline(std::vector<double> x, std::vector<double> y, double outside)
    : m_x(std::move(x)), m_y(std::move(y)), m_outside(outside) {
  build();
}

void Spline::build() {
  if (m_x.size() != m_y.size() || m_x.size() < 2) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("spline needs >= 2 points with equal x and y sizes (got {} and {})",
                            m_x.size(), m_y.size()));
  }
  for (std::size_t i = 0; i < m_x.size(); ++i) {
    if (!std::isfinite(m_x[i]) || !std::isfinite(m_y[i])) {
      throw Error(ErrorCode::InvalidArgument, fmt::format("spline point {} is not finite", i));
    }
    if (i > 0 && !(m_x[i] > m_x[i - 1])) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("spline abscissae must increase strictly (x[{}] = {} after {})", i,
                              m_x[i], m_x[i - 1]));
    }
  }
  const gsl_interp_type* type = m_x.size() >= 3 ? gsl_interp_cspline : gsl_interp_linear;
  gsl::useReturnCodes();
  m_spline = gsl_spline_alloc(type, m_x.size());
  if (m_spline == nullptr) {
    throw Error(ErrorCode::InvalidArgument, fmt::format("gsl_spline_alloc(n={}) failed", m_x.size()));
  }
  const int st = gsl_spline_init(m_spline, m_x.data(), m_y.data(), m_x.size());
  if (st != GSL_SUCCESS) {
    gsl_spline_free(m_spline);
    m_spline = nullptr;
    gsl::fail(st, "gsl_spline_init", fmt::format("n={}, x in [{}, {}]", m_x.size(), m_x.front(), m_x.back()),
              ErrorCode::InvalidArgument);
  }
}

Spline::Spline(const Spline& other) : m_x(other.m_x), m_y(other.m_y), m_outside(other.m_outside) {
  build();
}

Spline& Spline::operator=(const Spline& other) {
  if (this != &other) {
    gsl_spline_free(m_spline);
    m_spline = nullptr;
    m_x = other.m_x;
    m_y = other.m_y;
    m_outside = other.m_outside;
    build();
  }
  return *this;
}

Spline::Spline(Spline&& other) noexcept
    : m_x(std::move(other.m_x)), m_y(std::move(other.m_y)), m_outside(other.m_outside),
      m_spline(other.m_spline) {
  other.m_spline = nullptr;
}

Spline& Spline::operator=(Spline&& other) noexcept {
  if (this != &other) {
    gsl_spline_free(m_spline);
    m_x = std::move(other.m_x);
    m_y = std::move(other.m_y);
    m_outside = other.m_outside;
    m_spline = other.m_spline;
    other.m_spline = nullptr;
  }
  return *this;
}

Spline::~Spline() { gsl_spline_free(m_spline); }

double Spline::operator()(double x) const {
  if (std::isnan(x)) {
    throw Error(ErrorCode::InvalidArgument, "spline evaluated at x = NaN");
  }
  if (x < m_x.front() || x > m_x.back()) {
    return m_outside;
  }
  // A null accelerator keeps evaluation thread-safe.
  double y = 0.0;
  const int st = gsl_spline_eval_e(m_spline, x, nullptr, &y);
  if (st != GSL_SUCCESS) gsl::fail(st, "gsl_spline_eval_e", fmt::format("x={}", x));
  return y;
}

double Spline::derivative(double x) const {
  if (std::isnan(x)) {
    throw Error(ErrorCode::InvalidArgument, "spline derivative evaluated at x = NaN");
  }
  if (x < m_x.front() || x > m_x.back()) {
    return 0.0;
  }
  double d = 0.0;
  const int st = gsl_spline_eval_deriv_e(m_spline, x, nullptr, &d);
  if (st != GSL_SUCCESS) gsl::fail(st, "gsl_spline_eval_deriv_e", fmt::format("x={}", x));
  return d;
}

double Spline::integral(double a, double b) const {
  if (std::isnan(a) || std::isnan(b)) {
    throw Error(ErrorCode::InvalidArgument, fmt::format("spline integral over [{}, {}]: NaN limit", a, b));
  }
  double sign = 1.0;
  if (a > b) {
    std::swap(a, b);
    sign = -1.0;
  }
  a = std::max(a, m_x.front());
  b = std::min(b, m_x.back());
  if (a >= b) {
    return 0.0;
  }
  double v = 0.0;
  const int st = gsl_spline_eval_integ_e(m_spline, a, b, nullptr, &v);
  if (st != GSL_SUCCESS) gsl::fail(st, "gsl_spline_eval_integ_e", fmt::format("a={}, b={}", a, b));
  return sign * v;
}

} // namespace lenu
