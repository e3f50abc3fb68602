#pragma once
/// @file Integrate.hpp
/// Adaptive quadrature (GSL QAG / QAGS / Gauss-Legendre) with typed errors instead of GSL's
/// abort handler. A quadrature that misses its tolerance throws Error(NotConverged) with the
/// achieved error estimate.

#include <cstddef>
#include <functional>
#include <span>
#include <vector>

namespace lenu {

/// Tolerances and limits of an adaptive integration.
struct QuadratureConfig {
  double absTol = 0.0;         ///< absolute tolerance (units of the integral)
  double relTol = 1e-10;       ///< relative tolerance
  std::size_t maxIntervals = 1000; ///< workspace size (subdivisions)
  int gaussKronrodKey = 6;     ///< GSL key 1..6 (15..61-point rule)
};

/// Integral of f over [a, b] by GSL QAG (adaptive Gauss-Kronrod). Throws Error(NotConverged).
double integrate(const std::function<double(double)>& f, double a, double b,
                 const QuadratureConfig& cfg = {});

/// Integral of f over [a, b] by GSL QAGS (handles integrable end-point singularities).
double integrateSingular(const std::function<double(double)>& f, double a, double b,
                         const QuadratureConfig& cfg = {});

/// Nodes and weights of an n-point Gauss-Legendre rule on [a, b] (GSL glfixed).
struct GaussLegendre {
  std::vector<double> x; ///< nodes
  std::vector<double> w; ///< weights
  GaussLegendre(std::size_t n, double a, double b);
  /// Sum of w_i f(x_i).
  template <class F> double operator()(F&& f) const {
    double s = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
      s += w[i] * f(x[i]);
    }
    return s;
  }
};

} // namespace lenu
