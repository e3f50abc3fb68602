#include "lenu/source/ProtonPulse.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"

namespace lenu {
namespace {

// K+ mean life [ns]. PDG 2024: 1.2380(20)e-8 s.
constexpr double kTauKaon = 12.380;

struct Lifetimes {
  double t1 = 0.0; // first exponential (0: none)
  double t2 = 0.0; // second exponential (0: none)
};

Lifetimes lifetimes(DecayChain c) {
  switch (c) {
  case DecayChain::Beam: return {0.0, 0.0};
  case DecayChain::Prompt: return {constants::kTauPion, 0.0};
  case DecayChain::Delayed: return {constants::kTauPion, constants::kTauMuon};
  case DecayChain::KaonPrompt: return {kTauKaon, 0.0};
  }
  return {};
}

/// Survival of the decay delay, G(s) = P(delay > s), for s >= 0.
double delaySurvival(const Lifetimes& l, double s) {
  if (s <= 0.0) {
    return 1.0;
  }
  if (l.t1 == 0.0) {
    return 0.0;
  }
  if (l.t2 == 0.0) {
    return std::exp(-s / l.t1);
  }
  // hypoexponential: (t1 e^{-s/t1} - t2 e^{-s/t2}) / (t1 - t2)
  return (l.t1 * std::exp(-s / l.t1) - l.t2 * std::exp(-s / l.t2)) / (l.t1 - l.t2);
}

/// Probability that a proton uniform in [a, b] gives an emission after t, computed without
/// cancellation: for t >= b it is (L(t-a) - L(t-b)) / (b-a) with L(x) = \int_0^x G, written with
/// expm1 so that survivals down to 1e-300 keep full relative precision.
double binSurvival(const Lifetimes& l, double a, double b, double t) {
  const double w = b - a;
  if (t <= a) {
    return 1.0;
  }
  if (l.t1 == 0.0) {
    return t >= b ? 0.0 : (b - t) / w;
  }
  auto term = [&](double tau, double x0, double x1) {
    // tau^2 (e^{-x0/tau} - e^{-x1/tau}) for 0 <= x0 <= x1
    return tau * tau * std::exp(-x0 / tau) * (-std::expm1(-(x1 - x0) / tau));
  };
  auto lDiff = [&](double x0, double x1) { // L(x1) - L(x0), 0 <= x0 <= x1
    if (l.t2 == 0.0) {
      return term(l.t1, x0, x1) / l.t1;
    }
    return (term(l.t1, x0, x1) - term(l.t2, x0, x1)) / (l.t1 - l.t2);
  };
  if (t >= b) {
    return lDiff(t - b, t - a) / w;
  }
  // inside the bin: the part of the bin after t survives fully, the part before decays
  return ((b - t) + lDiff(0.0, t - a)) / w;
}

} // namespace

ProtonPulse ProtonPulse::gaussian(double fwhm) { return gaussianBunches(fwhm, {0.0}, {1.0}); }

ProtonPulse ProtonPulse::gaussianBunches(double fwhm, std::vector<double> centres, std::vector<double> weights) {
  requirePositive(fwhm, "proton pulse FWHM", "ns");
  require(!centres.empty() && centres.size() == weights.size(),
          "gaussianBunches needs one weight per bunch centre (at least one bunch)");
  const double sigma = fwhm / (2.0 * std::sqrt(2.0 * std::log(2.0)));
  const double lo = *std::min_element(centres.begin(), centres.end()) - 6.5 * sigma;
  const double hi = *std::max_element(centres.begin(), centres.end()) + 6.5 * sigma;
  const double width = sigma / 50.0;
  const auto n = static_cast<std::size_t>(std::ceil((hi - lo) / width));
  std::vector<double> edges(n + 1);
  std::vector<double> contents(n, 0.0);
  for (std::size_t i = 0; i <= n; ++i) {
    edges[i] = lo + static_cast<double>(i) * width;
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t b = 0; b < centres.size(); ++b) {
      requireNonNegative(weights[b], "bunch weight", "");
      const double z0 = (edges[i] - centres[b]) / (std::sqrt(2.0) * sigma);
      const double z1 = (edges[i + 1] - centres[b]) / (std::sqrt(2.0) * sigma);
      contents[i] += weights[b] * 0.5 * (std::erf(z1) - std::erf(z0));
    }
  }
  std::string desc = centres.size() == 1
                         ? fmt::format("Gaussian proton pulse, FWHM {} ns", fwhm)
                         : fmt::format("{} Gaussian bunches, FWHM {} ns each, centres [{}] ns", centres.size(), fwhm,
                                       fmt::join(centres, ", "));
  return histogram(std::move(edges), std::move(contents), desc);
}

ProtonPulse ProtonPulse::histogram(std::vector<double> edges, std::vector<double> contents, std::string description) {
  if (edges.size() != contents.size() + 1 || contents.empty()) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("pulse histogram needs n+1 edges for n contents (got {} edges, {} contents)", edges.size(),
                            contents.size()));
  }
  double total = 0.0;
  for (std::size_t i = 0; i < contents.size(); ++i) {
    if (!(edges[i + 1] > edges[i])) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("pulse histogram edges must increase (edge {} = {} ns)", i + 1, edges[i + 1]));
    }
    requireNonNegative(contents[i], "pulse histogram content", "");
    total += contents[i];
  }
  requirePositive(total, "total pulse histogram content", "");
  ProtonPulse p;
  p.m_edges = std::move(edges);
  p.m_weights = std::move(contents);
  p.m_centroid = 0.0;
  for (std::size_t i = 0; i < p.m_weights.size(); ++i) {
    p.m_weights[i] /= total;
    p.m_centroid += p.m_weights[i] * 0.5 * (p.m_edges[i] + p.m_edges[i + 1]);
  }
  p.m_description = std::move(description);
  return p;
}

double ProtonPulse::pdf(double t) const { return emissionPdf(DecayChain::Beam, t); }

double ProtonPulse::emissionPdf(DecayChain chain, double t) const {
  const auto l = lifetimes(chain);
  double s = 0.0;
  for (std::size_t i = 0; i < m_weights.size(); ++i) {
    const double a = m_edges[i];
    if (t <= a) {
      break;
    }
    const double b = m_edges[i + 1];
    if (l.t1 == 0.0) {
      s += t < b ? m_weights[i] / (b - a) : 0.0;
    } else {
      // density of (uniform on [a, b]) + delay: [G(t - b) - G(t - a)] / (b - a)
      s += m_weights[i] * (delaySurvival(l, t - b) - delaySurvival(l, t - a)) / (b - a);
    }
  }
  return s;
}

double ProtonPulse::survival(DecayChain chain, double t) const {
  const auto l = lifetimes(chain);
  double s = 0.0;
  for (std::size_t i = 0; i < m_weights.size(); ++i) {
    s += m_weights[i] * binSurvival(l, m_edges[i], m_edges[i + 1], t);
  }
  return s;
}

double ProtonPulse::emissionFraction(DecayChain chain, double t0, double t1) const {
  require(!std::isnan(t0) && !std::isnan(t1) && t1 >= t0,
          fmt::format("time window [{}, {}] ns must have t1 >= t0", t0, t1));
  const double s0 = std::isinf(t0) ? (t0 < 0 ? 1.0 : 0.0) : survival(chain, t0);
  const double s1 = std::isinf(t1) ? (t1 < 0 ? 1.0 : 0.0) : survival(chain, t1);
  return std::clamp(s0 - s1, 0.0, 1.0);
}

double ProtonPulse::meanEmissionTime(DecayChain chain) const {
  const auto l = lifetimes(chain);
  return m_centroid + l.t1 + l.t2;
}

} // namespace lenu
