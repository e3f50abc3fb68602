#pragma once
/// @file Spline.hpp
/// Cubic-spline interpolation of tabulated data (GSL), owning its data; thread-safe evaluation.

#include <memory>
#include <vector>

#include <gsl/gsl_spline.h>

namespace lenu {

/// Natural cubic spline through (x_i, y_i), x strictly increasing, at least 3 points
/// (linear with 2 points). Outside [x_front, x_back] evaluation returns the `outside` value.
class Spline {
public:
  Spline(std::vector<double> x, std::vector<double> y, double outside = 0.0);
  Spline(const Spline& other);
  Spline& operator=(const Spline& other);
  Spline(Spline&&) noexcept;
  Spline& operator=(Spline&&) noexcept;
  ~Spline();

  /// Interpolated value at x.
  double operator()(double x) const;
  /// First derivative at x (0 outside the table).
  double derivative(double x) const;
  /// Integral over [a, b] clipped to the table range.
  double integral(double a, double b) const;
  const std::vector<double>& x() const { return m_x; }
  const std::vector<double>& y() const { return m_y; }
  double xMin() const { return m_x.front(); }
  double xMax() const { return m_x.back(); }

private:
  void build();
  std::vector<double> m_x;
  std::vector<double> m_y;
  double m_outside;
  gsl_spline* m_spline = nullptr;
};

} // namespace lenu
