#include "lenu/generator/CevnsProcess.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"

namespace lenu::generator {

CevnsProcess::CevnsProcess(CevnsCrossSection xs, Flavour flavour, Config cfg) : m_xs(std::move(xs)), m_flavour(flavour) {
  if (!(cfg.eMax > 0.0) || cfg.energyNodes < 2) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("CevnsProcess: eMax = {} MeV must be > 0 and energyNodes = {} >= 2", cfg.eMax, cfg.energyNodes));
  }
  for (std::size_t i = 0; i < cfg.energyNodes; ++i) {
    m_nodes.push_back(cfg.eMax * static_cast<double>(i) / static_cast<double>(cfg.energyNodes - 1));
  }
  for (double e : cfg.extraNodes) {
    if (e > 0.0 && e <= cfg.eMax) {
      m_nodes.push_back(e);
    }
  }
  std::sort(m_nodes.begin(), m_nodes.end());
  m_nodes.erase(std::unique(m_nodes.begin(), m_nodes.end()), m_nodes.end());
  for (double e : m_nodes) {
    m_sigma.push_back(e > 0.0 ? m_xs.sigma(e) : 0.0);
  }
  const auto& ch = m_xs.weakFormFactor().charges();
  const auto& n = m_xs.nuclide();
  const double qBound = std::abs(ch.neutron) * n.N() + std::abs(ch.proton) * n.Z;
  m_envelope = std::pow(qBound / m_xs.weakCharge(), 2) * (1.0 + 1e-12);
}

double CevnsProcess::sigma(double energy) const {
  if (energy <= m_nodes.front() || energy > m_nodes.back()) {
    return energy == m_nodes.back() ? m_sigma.back() : 0.0;
  }
  auto it = std::lower_bound(m_nodes.begin(), m_nodes.end(), energy);
  const std::size_t i = static_cast<std::size_t>(it - m_nodes.begin());
  if (*it == energy) {
    return m_sigma[i];
  }
  const double t = (energy - m_nodes[i - 1]) / (m_nodes[i] - m_nodes[i - 1]);
  return (1.0 - t) * m_sigma[i - 1] + t * m_sigma[i];
}

void CevnsProcess::generate(double energy, Engine& engine, Event& ev) const {
  const double tMax = m_xs.maxRecoil(energy);
  const double bound = m_xs.dSigmaDT(energy, 0.0) * m_envelope;
  double T = 0.0;
  for (int tries = 0;; ++tries) {
    T = tMax * uniform(engine);
    if (uniform(engine) * bound <= m_xs.dSigmaDT(energy, T)) {
      break;
    }
    if (tries > 100000) {
      throw Error(ErrorCode::NotConverged, fmt::format("CEvNS recoil rejection failed at E = {} MeV", energy));
    }
  }
  const double M = m_xs.nuclearMass();
  const double pN = std::sqrt(T * T + 2.0 * M * T);
  const double cosN = pN > 0.0 ? std::clamp((energy * energy + pN * pN - (energy - T) * (energy - T)) / (2.0 * energy * pN), -1.0, 1.0) : 1.0;
  const double phi = 2.0 * constants::kPi * uniform(engine);
  const FourMomentum k{0.0, 0.0, energy, energy};
  FourMomentum nucleus = momentumAlong(pN, cosN, phi, M + T);
  FourMomentum nuOut{-nucleus.px, -nucleus.py, energy - nucleus.pz, energy - T};
  const int nuPdg = neutrinoPdg(m_flavour);
  const int tgt = nucleusPdg(targetZ(), targetA());
  ev.processId = kProcessCevns;
  ev.recoil = T;
  ev.cosTheta = nuOut.e > 0.0 ? nuOut.pz / std::sqrt(nuOut.p2()) : 1.0;
  ev.targetZ = targetZ();
  ev.targetA = targetA();
  ev.vertices.push_back({kVertexPrimary});
  ev.particles.push_back({nuPdg, kStatusBeam, k, 0.0, -1, 0, 0.0});
  ev.particles.push_back({tgt, kStatusTarget, {0.0, 0.0, 0.0, M}, M, -1, 0, 0.0});
  ev.particles.push_back({nuPdg, kStatusFinal, nuOut, 0.0, 0, -1, 0.0});
  ev.particles.push_back({tgt, kStatusFinal, nucleus, M, 0, -1, 0.0});
}

std::string CevnsProcess::description() const {
  return fmt::format("CEvNS on {} ({}), Q_W = {:.4f}, M = {:.3f} MeV", m_xs.nuclide().name(), toString(m_flavour),
                     m_xs.weakCharge(), m_xs.nuclearMass());
}

} // namespace lenu::generator
