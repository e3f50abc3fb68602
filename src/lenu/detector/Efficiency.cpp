#include "lenu/detector/Efficiency.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Error.hpp"

namespace lenu {

LogisticEfficiency::LogisticEfficiency(Params p) : m_p(p) {
  require(std::isfinite(p.a) && std::isfinite(p.k) && std::isfinite(p.x0) && std::isfinite(p.f),
          "logistic efficiency parameters a, k, x0, f must be finite");
}

double LogisticEfficiency::operator()(double x) const {
  if (x < m_p.xMin) {
    return 0.0;
  }
  return std::clamp(m_p.a / (1.0 + std::exp(-m_p.k * (x - m_p.x0))) + m_p.f, 0.0, 1.0);
}

std::string LogisticEfficiency::description() const {
  return fmt::format("logistic efficiency a/(1+exp(-k(x-x0)))+f, a = {}, k = {}, x0 = {}, f = {}, 0 below {}", m_p.a,
                     m_p.k, m_p.x0, m_p.f, m_p.xMin);
}

TabulatedEfficiency::TabulatedEfficiency(std::vector<double> x, std::vector<double> eps, std::string description)
    : m_x(std::move(x)), m_eps(std::move(eps)), m_description(std::move(description)) {
  if (m_x.size() != m_eps.size() || m_x.empty()) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("efficiency table '{}' needs matching, non-empty x and efficiency lists", m_description));
  }
  for (std::size_t i = 0; i < m_x.size(); ++i) {
    requireInRange(m_eps[i], 0.0, 1.0, "efficiency", "");
    if (i > 0 && !(m_x[i] > m_x[i - 1])) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("efficiency table '{}': x must increase (entry {})", m_description, i + 1));
    }
  }
}

double TabulatedEfficiency::operator()(double x) const {
  if (x <= m_x.front()) {
    return m_eps.front();
  }
  if (x >= m_x.back()) {
    return m_eps.back();
  }
  const auto i = static_cast<std::size_t>(std::upper_bound(m_x.begin(), m_x.end(), x) - m_x.begin());
  const double t = (x - m_x[i - 1]) / (m_x[i] - m_x[i - 1]);
  return (1.0 - t) * m_eps[i - 1] + t * m_eps[i];
}

StepEfficiency::StepEfficiency(std::vector<double> edges, std::vector<double> eps, double outside,
                               std::string description)
    : m_edges(std::move(edges)), m_eps(std::move(eps)), m_outside(outside), m_description(std::move(description)) {
  if (m_edges.size() != m_eps.size() + 1 || m_eps.empty()) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("step efficiency '{}' needs n+1 edges for n values", m_description));
  }
  requireInRange(outside, 0.0, 1.0, "efficiency outside the steps", "");
  for (std::size_t i = 0; i < m_eps.size(); ++i) {
    requireInRange(m_eps[i], 0.0, 1.0, "step efficiency", "");
    if (!(m_edges[i + 1] > m_edges[i])) {
      throw Error(ErrorCode::InvalidArgument, fmt::format("step efficiency '{}': edges must increase", m_description));
    }
  }
}

double StepEfficiency::operator()(double x) const {
  if (x < m_edges.front() || x >= m_edges.back()) {
    return m_outside;
  }
  const auto i = static_cast<std::size_t>(std::upper_bound(m_edges.begin(), m_edges.end(), x) - m_edges.begin());
  return m_eps[i - 1];
}

} // namespace lenu
