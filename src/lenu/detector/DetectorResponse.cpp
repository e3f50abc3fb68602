#include "lenu/detector/DetectorResponse.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Error.hpp"
#include "lenu/core/Units.hpp"

namespace lenu {
namespace {
/// Calls f(n, P(n)) for the Poisson distribution of mean mu, n from 12 sigma below the mean (or 0)
/// up to nMax; P(n) = mu^n e^-mu / n! by recursion from a log-space start (no underflow).
template <class F> void forEachPoisson(double mu, double nMax, F&& f) {
  const int n0 = std::max(0, static_cast<int>(mu - 12.0 * std::sqrt(mu + 1.0)));
  double p = mu <= 0.0 ? (n0 == 0 ? 1.0 : 0.0) : std::exp(n0 * std::log(mu) - mu - std::lgamma(n0 + 1.0));
  for (int n = n0; n <= static_cast<int>(nMax); ++n) {
    if (n > n0) {
      p *= mu / n;
    }
    f(n, p);
  }
}

/// Index of the bin [edges[b], edges[b+1]) holding x (x inside the edges).
std::size_t binOf(const std::vector<double>& edges, double x) {
  return static_cast<std::size_t>(std::upper_bound(edges.begin(), edges.end(), x) - edges.begin()) - 1;
}
} // namespace

DetectorResponse::DetectorResponse(DetectorResponseConfig cfg) : m_cfg(std::move(cfg)) {
  if (!m_cfg.quenching) {
    throw Error(ErrorCode::InvalidArgument, "detector response needs a quenching model");
  }
  if (m_cfg.lightYield) {
    requirePositive(*m_cfg.lightYield, "light yield", "PE/keVee");
  }
  requireNonNegative(m_cfg.resolutionA, "resolution stochastic term a", "keVee^1/2");
  requireNonNegative(m_cfg.resolutionB, "resolution constant term b", "");
  requireNonNegative(m_cfg.threshold, "threshold", observableUnit());
  require(m_cfg.observableMax > m_cfg.threshold,
          fmt::format("observable upper limit {} must exceed the threshold {}", m_cfg.observableMax, m_cfg.threshold));
}

Observable DetectorResponse::observable() const {
  return m_cfg.lightYield ? Observable::PhotoElectrons : Observable::ElectronEquivalent;
}

std::string DetectorResponse::observableUnit() const { return m_cfg.lightYield ? "PE" : "keVee"; }

double DetectorResponse::meanObservable(double recoil) const {
  const double eee = m_cfg.quenching->electronEquivalent(recoil) / units::keV;
  return m_cfg.lightYield ? *m_cfg.lightYield * eee : eee;
}

double DetectorResponse::resolution(double eee) const {
  return std::sqrt(m_cfg.resolutionA * m_cfg.resolutionA * eee + m_cfg.resolutionB * m_cfg.resolutionB * eee * eee);
}

double DetectorResponse::efficiency(double x) const {
  if (x < m_cfg.threshold || x >= m_cfg.observableMax) {
    return 0.0;
  }
  double e = 1.0;
  for (const auto& c : m_cfg.efficiency) {
    e *= (*c)(x);
  }
  return e;
}

double DetectorResponse::timeEfficiency(double t) const {
  return m_cfg.timeEfficiency ? (*m_cfg.timeEfficiency)(t) : 1.0;
}

void DetectorResponse::fold(double recoil, double weight, const std::vector<double>& edges,
                            std::vector<double>& out) const {
  if (edges.size() < 2 || out.size() + 1 != edges.size()) {
    throw Error(ErrorCode::InvalidArgument, "fold: need n+1 observable edges for n output bins");
  }
  const double mu = meanObservable(recoil);
  if (m_cfg.lightYield) {
    // Poisson photo-statistics: P(n) = mu^n e^-mu / n!, by recursion from the lowest n kept.
    const double nMax = std::min(edges.back(), mu + 12.0 * std::sqrt(mu + 1.0) + 12.0);
    forEachPoisson(mu, nMax, [&](int n, double p) {
      const double x = n;
      if (x >= edges.front() && x < edges.back()) {
        out[binOf(edges, x)] += weight * p * efficiency(x);
      }
    });
    return;
  }
  const double sigma = resolution(mu);
  if (sigma <= 0.0) {
    if (mu >= edges.front() && mu < edges.back()) {
      out[binOf(edges, mu)] += weight * efficiency(mu);
    }
    return;
  }
  for (std::size_t b = 0; b + 1 < edges.size(); ++b) {
    const double lo = edges[b];
    const double hi = edges[b + 1];
    if (hi < mu - 8.0 * sigma || lo > mu + 8.0 * sigma) {
      continue;
    }
    const double prob = 0.5 * (std::erf((hi - mu) / (std::sqrt(2.0) * sigma)) -
                               std::erf((lo - mu) / (std::sqrt(2.0) * sigma)));
    out[b] += weight * prob * efficiency(0.5 * (lo + hi));
  }
}

double DetectorResponse::detectionProbability(double recoil) const {
  const double mu = meanObservable(recoil);
  if (m_cfg.lightYield) {
    double s = 0.0;
    forEachPoisson(mu, mu + 12.0 * std::sqrt(mu + 1.0) + 12.0, [&](int n, double p) { s += p * efficiency(n); });
    return s;
  }
  const double sigma = resolution(mu);
  if (sigma <= 0.0) {
    return efficiency(mu);
  }
  // Gauss-Hermite-like sampling on a fixed grid of +-6 sigma (41 points, Simpson weights).
  const int n = 40;
  const double h = 12.0 * sigma / n;
  double s = 0.0;
  for (int i = 0; i <= n; ++i) {
    const double x = mu - 6.0 * sigma + i * h;
    const double w = (i == 0 || i == n) ? 1.0 : (i % 2 == 1 ? 4.0 : 2.0);
    s += w * std::exp(-0.5 * (x - mu) * (x - mu) / (sigma * sigma)) * efficiency(x);
  }
  return s * h / 3.0 / (std::sqrt(2.0 * 3.14159265358979323846) * sigma);
}

std::string DetectorResponse::description() const {
  std::string s = m_cfg.quenching->description();
  if (m_cfg.lightYield) {
    s += fmt::format("; light yield {} PE/keVee with Poisson photo-statistics", *m_cfg.lightYield);
  } else if (m_cfg.resolutionA > 0.0 || m_cfg.resolutionB > 0.0) {
    s += fmt::format("; Gaussian resolution sigma = sqrt(({})^2 E + ({} E)^2) keVee", m_cfg.resolutionA,
                     m_cfg.resolutionB);
  }
  for (const auto& e : m_cfg.efficiency) {
    s += "; " + e->description();
  }
  s += fmt::format("; accepted {} <= x < {} {}", m_cfg.threshold, m_cfg.observableMax, observableUnit());
  return s;
}

} // namespace lenu
