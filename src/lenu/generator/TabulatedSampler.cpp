#include "lenu/generator/TabulatedSampler.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Error.hpp"

namespace lenu::generator {

TabulatedSampler::TabulatedSampler(std::vector<double> x, std::vector<double> f) : m_x(std::move(x)), m_f(std::move(f)) {
  if (m_x.size() < 2 || m_x.size() != m_f.size()) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("TabulatedSampler: need >= 2 nodes and one value per node (got {} nodes, {} values)",
                            m_x.size(), m_f.size()));
  }
  m_cum.assign(m_x.size(), 0.0);
  for (std::size_t i = 0; i < m_x.size(); ++i) {
    if (!std::isfinite(m_x[i]) || !std::isfinite(m_f[i]) || m_f[i] < 0.0) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("TabulatedSampler: node {} (x = {}, f = {}) must be finite with f >= 0", i, m_x[i], m_f[i]));
    }
    if (i > 0) {
      if (!(m_x[i] > m_x[i - 1])) {
        throw Error(ErrorCode::InvalidArgument,
                    fmt::format("TabulatedSampler: nodes must increase (x[{}] = {} after {})", i, m_x[i], m_x[i - 1]));
      }
      m_cum[i] = m_cum[i - 1] + 0.5 * (m_f[i] + m_f[i - 1]) * (m_x[i] - m_x[i - 1]);
    }
  }
  m_total = m_cum.back();
  if (!(m_total > 0.0)) {
    throw Error(ErrorCode::InvalidArgument, "TabulatedSampler: the density integrates to zero");
  }
}

double TabulatedSampler::quantile(double u) const {
  const double target = std::clamp(u, 0.0, 1.0) * m_total;
  auto it = std::upper_bound(m_cum.begin(), m_cum.end(), target);
  std::size_t i = it == m_cum.begin() ? 0 : static_cast<std::size_t>(it - m_cum.begin()) - 1;
  i = std::min(i, m_x.size() - 2);
  const double h = m_x[i + 1] - m_x[i];
  const double f0 = m_f[i];
  const double slope = (m_f[i + 1] - f0) / h;
  const double r = target - m_cum[i]; // solve f0 s + slope s^2 / 2 = r for s in [0, h]
  double s = 0.0;
  if (r <= 0.0) {
    s = 0.0;
  } else if (std::abs(slope) * h < 1e-12 * std::max(f0, 1e-300)) {
    s = f0 > 0.0 ? r / f0 : 0.5 * h;
  } else {
    const double disc = std::max(f0 * f0 + 2.0 * slope * r, 0.0);
    s = 2.0 * r / (f0 + std::sqrt(disc)); // stable form of (-f0 + sqrt(disc)) / slope
  }
  return m_x[i] + std::clamp(s, 0.0, h);
}

double TabulatedSampler::sample(Engine& e) const { return quantile(uniform(e)); }

double TabulatedSampler::pdf(double x) const {
  if (x < m_x.front() || x > m_x.back()) {
    return 0.0;
  }
  auto it = std::upper_bound(m_x.begin(), m_x.end(), x);
  std::size_t i = std::min(static_cast<std::size_t>(std::max<std::ptrdiff_t>(it - m_x.begin() - 1, 0)), m_x.size() - 2);
  const double t = (x - m_x[i]) / (m_x[i + 1] - m_x[i]);
  return ((1.0 - t) * m_f[i] + t * m_f[i + 1]) / m_total;
}

double TabulatedSampler::cdf(double x) const {
  if (x <= m_x.front()) {
    return 0.0;
  }
  if (x >= m_x.back()) {
    return 1.0;
  }
  auto it = std::upper_bound(m_x.begin(), m_x.end(), x);
  const std::size_t i = static_cast<std::size_t>(it - m_x.begin()) - 1;
  const double s = x - m_x[i];
  const double slope = (m_f[i + 1] - m_f[i]) / (m_x[i + 1] - m_x[i]);
  return (m_cum[i] + m_f[i] * s + 0.5 * slope * s * s) / m_total;
}

DiscreteSampler::DiscreteSampler(std::span<const double> weights) {
  double c = 0.0;
  for (double w : weights) {
    if (!(w >= 0.0) || !std::isfinite(w)) {
      throw Error(ErrorCode::InvalidArgument, fmt::format("DiscreteSampler: weight {} must be finite and >= 0", w));
    }
    c += w;
    m_cum.push_back(c);
  }
  if (!(c > 0.0)) {
    throw Error(ErrorCode::InvalidArgument, "DiscreteSampler: all weights are zero");
  }
}

std::size_t DiscreteSampler::sample(Engine& e) const {
  const double u = uniform(e) * m_cum.back();
  auto it = std::upper_bound(m_cum.begin(), m_cum.end(), u);
  return std::min(static_cast<std::size_t>(it - m_cum.begin()), m_cum.size() - 1);
}

double DiscreteSampler::probability(std::size_t i) const {
  return (m_cum[i] - (i == 0 ? 0.0 : m_cum[i - 1])) / m_cum.back();
}

} // namespace lenu::generator
