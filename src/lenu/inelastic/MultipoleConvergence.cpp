#include "lenu/inelastic/MultipoleConvergence.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "lenu/core/Error.hpp"

namespace lenu::inelastic {

ConvergedInelasticCrossSection::ConvergedInelasticCrossSection(ResponseFactory factory, Flavour flavour,
                                                               InelasticCrossSectionConfig xsConfig,
                                                               MultipoleConvergenceConfig convergence)
    : m_factory(std::move(factory)), m_flavour(flavour), m_xsConfig(xsConfig), m_conv(convergence) {
  require(static_cast<bool>(m_factory), "ConvergedInelasticCrossSection: the response factory is empty");
  if (!(m_conv.tolerance > 0.0 && m_conv.tolerance <= 0.5)) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("multipole tolerance = {} outside (0, 0.5] (share of sigma carried by the highest J)",
                            m_conv.tolerance));
  }
  if (m_conv.capJ < 1 || m_conv.capJ > kMaxMultipoleCap) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("multipole cap J = {} outside [1, {}]", m_conv.capJ, kMaxMultipoleCap));
  }
  if (m_conv.startJ < 1 || m_conv.startJ > m_conv.capJ) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("starting multipole J = {} outside [1, cap = {}]", m_conv.startJ, m_conv.capJ));
  }
  m_lastJ = m_conv.startJ;
}

const InelasticCrossSection& ConvergedInelasticCrossSection::atMaxJ(int maxJ) {
  auto it = m_cache.find(maxJ);
  if (it == m_cache.end()) {
    auto response = m_factory(maxJ);
    require(response != nullptr, "ConvergedInelasticCrossSection: the factory returned no response");
    it = m_cache.emplace(maxJ, std::make_unique<InelasticCrossSection>(std::move(response), m_flavour, m_xsConfig)).first;
  }
  return *it->second;
}

int ConvergedInelasticCrossSection::nextJ(int J, double share, double ratio) const {
  int step = 2;
  if (ratio > 0.0 && ratio < 0.95 && share > 0.0) {
    // share_J' ~ share_J ratio^(J' - J): smallest J' below tolerance, one extra for safety.
    step = static_cast<int>(std::ceil(std::log(m_conv.tolerance / share) / std::log(ratio))) + 1;
  }
  return std::min(m_conv.capJ, J + std::max(1, step));
}

void ConvergedInelasticCrossSection::notConverged(const std::string& what, int J, double share) const {
  throw Error(ErrorCode::NotConverged,
              fmt::format("multipole series not converged for {}: the highest multipole J = {} still carries {:.2e} of "
                          "the cross section (tolerance {:.1e}, cap J = {}, the largest maxJ the model accepts is {}); "
                          "no truncated result is reported. Lower the energy (the multipole models are meant for "
                          "tens of MeV), or loosen the tolerance",
                          what, J, share, m_conv.tolerance, m_conv.capJ, kMaxMultipoleCap));
}

namespace {
// sigma of multipole J (both parities) from the "J+"/"J-" breakdown.
double sigmaOfJ(const InelasticSigma& s, int J) {
  double v = 0.0;
  for (const auto& [label, x] : s.byMultipole) {
    if (std::stoi(label.substr(0, label.size() - 1)) == J) v += x;
  }
  return v;
}
} // namespace

ConvergedSigma ConvergedInelasticCrossSection::sigma(double Enu) {
  requirePositive(Enu, "neutrino energy", "MeV");
  int J = std::max(m_conv.startJ, std::min(m_lastJ, m_conv.capJ));
  int previousTop = -1;
  for (;;) {
    const InelasticCrossSection& xs = atMaxJ(J);
    ConvergedSigma out;
    out.sigma = xs.sigma(Enu);
    out.xs = &xs;
    const int top = xs.response().maxMultipole();
    out.maxJ = std::min(top, out.sigma.highestJ);
    out.highestShare = out.sigma.total != 0.0 ? std::abs(out.sigma.highestMultipole / out.sigma.total) : 0.0;
    // complete model (no multipoles above top), converged, or shown converged below top by the
    // passes of InelasticCrossSection::sigma (the rest estimated below its multipoleTolerance)
    if (top < J || out.highestShare <= m_conv.tolerance || out.sigma.highestJ < top) {
      m_lastJ = J;
      return out;
    }
    if (J >= m_conv.capJ || top <= previousTop) notConverged(fmt::format("E_nu = {} MeV", Enu), top, out.highestShare);
    previousTop = top;
    const double below = sigmaOfJ(out.sigma, top - 1);
    J = nextJ(J, out.highestShare, below != 0.0 ? out.sigma.highestMultipole / below : -1.0);
  }
}

ConvergedFluxAverage ConvergedInelasticCrossSection::fluxAveraged(const EnergySpectrum& spectrum) {
  int J = std::max(m_conv.startJ, std::min(m_lastJ, m_conv.capJ));
  int previousTop = -1;
  double previousShare = -1.0;
  for (;;) {
    const InelasticCrossSection& xs = atMaxJ(J);
    const InelasticFluxAverage f = xs.fluxAveragedDetailed(spectrum);
    ConvergedFluxAverage out;
    out.total = f.total;
    const int top = xs.response().maxMultipole();
    out.maxJ = top;
    out.highestShare = f.total != 0.0 ? std::abs(f.highestMultipole / f.total) : 0.0;
    if (top < J || out.highestShare <= m_conv.tolerance) {
      m_lastJ = J;
      return out;
    }
    if (J >= m_conv.capJ || top <= previousTop) notConverged("the flux average", top, out.highestShare);
    // ratio per unit J from the last two trials (geometric fall-off), unknown on the first
    const double ratio = previousShare > 0.0 && top > previousTop
                             ? std::pow(out.highestShare / previousShare, 1.0 / (top - previousTop))
                             : -1.0;
    previousTop = top;
    previousShare = out.highestShare;
    J = nextJ(J, out.highestShare, ratio);
  }
}

} // namespace lenu::inelastic
