#pragma once
/// @file TabulatedSampler.hpp
/// Exact inverse-CDF sampling of a piecewise-linear density given at nodes x_0 < ... < x_n with
/// values f_i >= 0 (any normalisation). Inside a bin the CDF is quadratic and is inverted in closed
/// form, so samples follow the interpolated density exactly. Built once, then const (thread-safe).

#include <span>
#include <vector>

#include "lenu/generator/Random.hpp"

namespace lenu::generator {

class TabulatedSampler {
public:
  TabulatedSampler() = default;
  /// Throws Error(InvalidArgument) for fewer than 2 nodes, non-increasing x, negative or
  /// non-finite f, or zero total.
  TabulatedSampler(std::vector<double> x, std::vector<double> f);
  /// A sample of x.
  double sample(Engine& e) const;
  /// x for a given cumulative probability u in [0, 1].
  double quantile(double u) const;
  /// Integral of the (unnormalised) interpolated density.
  double integral() const { return m_total; }
  /// Normalised density at x (0 outside).
  double pdf(double x) const;
  /// Normalised CDF at x.
  double cdf(double x) const;
  bool empty() const { return m_x.empty(); }
  const std::vector<double>& nodes() const { return m_x; }
  const std::vector<double>& values() const { return m_f; }

private:
  std::vector<double> m_x, m_f, m_cum; // m_cum[i] = integral up to x_i (unnormalised)
  double m_total = 0.0;
};

/// Discrete choice among n outcomes with weights >= 0 (cumulative table, binary search).
class DiscreteSampler {
public:
  DiscreteSampler() = default;
  explicit DiscreteSampler(std::span<const double> weights);
  std::size_t sample(Engine& e) const;
  double total() const { return m_cum.empty() ? 0.0 : m_cum.back(); }
  std::size_t size() const { return m_cum.size(); }
  double probability(std::size_t i) const;

private:
  std::vector<double> m_cum;
};

} // namespace lenu::generator
