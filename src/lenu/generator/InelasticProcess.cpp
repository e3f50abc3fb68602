#include "lenu/generator/InelasticProcess.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/generator/Deexcitation.hpp"

namespace lenu::generator {
namespace {

using inelastic::NuclearResponse;
using inelastic::ResponseLine;
using inelastic::ResponseSet;

/// One line of a response, alone (no continuum): its angular distribution through the inelastic
/// layer's cross section.
class SingleLineResponse final : public NuclearResponse {
public:
  SingleLineResponse(std::shared_ptr<const NuclearResponse> r, std::size_t index)
      : m_r(std::move(r)), m_index(index), m_lines{m_r->lines()[index]} {}
  inelastic::ResponseMode mode() const override { return m_r->mode(); }
  int targetZ() const override { return m_r->targetZ(); }
  int targetA() const override { return m_r->targetA(); }
  double thresholdOmega() const override { return m_lines.front().omega; }
  const std::vector<ResponseLine>& lines() const override { return m_lines; }
  std::vector<ResponseSet> lineResponses(std::size_t, std::span<const double> q) const override {
    return m_r->lineResponses(m_index, q);
  }
  double continuumThreshold() const override { return std::numeric_limits<double>::infinity(); }
  std::vector<ResponseSet> continuumResponses(double, std::span<const double> q) const override {
    return std::vector<ResponseSet>(q.size());
  }
  int maxMultipole() const override { return m_r->maxMultipole(); }
  std::string description() const override { return m_r->description() + " (one line)"; }

private:
  std::shared_ptr<const NuclearResponse> m_r;
  std::size_t m_index;
  std::vector<ResponseLine> m_lines;
};

bool isCc(inelastic::ResponseMode m) { return m != inelastic::ResponseMode::NeutralCurrent; }

} // namespace

InelasticProcess::~InelasticProcess() = default;

InelasticProcess::InelasticProcess(std::shared_ptr<const inelastic::NuclearResponse> response, Flavour flavour,
                                   double targetMass, double finalMass, Config cfg,
                                   std::shared_ptr<const Deexcitation> deexcitation)
    : m_response(std::move(response)), m_flavour(flavour), m_cfg(std::move(cfg)), m_deex(std::move(deexcitation)) {
  if (!m_response) {
    throw Error(ErrorCode::InvalidArgument, "InelasticProcess: no response");
  }
  if (m_cfg.energyNodes < 2 || m_cfg.cosNodes < 3 || m_cfg.omegaNodes < 3 || !(m_cfg.eMax > 0.0)) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("InelasticProcess: need energyNodes >= 2 (got {}), cosNodes >= 3 (got {}), omegaNodes >= 3 "
                            "(got {}), eMax > 0 (got {} MeV)",
                            m_cfg.energyNodes, m_cfg.cosNodes, m_cfg.omegaNodes, m_cfg.eMax));
  }
  m_xs = std::make_unique<inelastic::InelasticCrossSection>(m_response, m_flavour, m_cfg.xsec);
  m_cc = isCc(m_response->mode());
  m_Z = m_response->targetZ();
  m_A = m_response->targetA();
  m_finalZ = m_response->mode() == inelastic::ResponseMode::ChargedCurrentNu      ? m_Z + 1
             : m_response->mode() == inelastic::ResponseMode::ChargedCurrentNuBar ? m_Z - 1
                                                                                  : m_Z;
  m_Mi = targetMass;
  m_Mf = finalMass;
  m_ml = m_xs->leptonMass();
  m_omegaC = m_response->continuumThreshold();
  for (std::size_t i = 0; i < m_response->lines().size(); ++i) {
    m_lineExcitation.push_back(m_response->lines()[i].excitation);
    const double w = m_ml + m_Mf + m_response->lines()[i].excitation;
    m_lineThreshold.push_back((w * w - m_Mi * m_Mi) / (2.0 * m_Mi));
    m_lineXs.push_back(std::make_unique<inelastic::InelasticCrossSection>(
        std::make_shared<SingleLineResponse>(m_response, i), m_flavour, m_cfg.xsec));
  }
  // exact threshold: sqrt(s) = m_l + M_f + E_x(lowest) for lines, continuum from the layer
  double thr = m_xs->thresholdEnergy();
  if (!m_lineExcitation.empty()) {
    const double w = m_ml + m_Mf + *std::min_element(m_lineExcitation.begin(), m_lineExcitation.end());
    thr = std::max(thr, (w * w - m_Mi * m_Mi) / (2.0 * m_Mi));
  }
  m_threshold = thr;
  if (!(m_cfg.eMax > m_threshold)) {
    throw Error(ErrorCode::BelowThreshold, fmt::format("InelasticProcess: eMax = {} MeV is below the threshold {} MeV",
                                                       m_cfg.eMax, m_threshold));
  }
  for (std::size_t i = 0; i < m_cfg.cosNodes; ++i) {
    m_cosGrid.push_back(-1.0 + 2.0 * static_cast<double>(i) / static_cast<double>(m_cfg.cosNodes - 1));
  }
  for (std::size_t i = 0; i < m_cfg.omegaNodes; ++i) {
    m_xGrid.push_back(static_cast<double>(i) / static_cast<double>(m_cfg.omegaNodes - 1));
  }
  for (std::size_t i = 0; i < m_cfg.energyNodes; ++i) {
    m_nodes.push_back(m_threshold +
                      (m_cfg.eMax - m_threshold) * static_cast<double>(i) / static_cast<double>(m_cfg.energyNodes - 1));
  }
  for (double e : m_cfg.extraNodes) {
    if (e > m_threshold && e <= m_cfg.eMax) {
      m_nodes.push_back(e);
    }
  }
  std::sort(m_nodes.begin(), m_nodes.end());
  m_nodes.erase(std::unique(m_nodes.begin(), m_nodes.end()), m_nodes.end());
  m_table.resize(m_nodes.size());
  for (std::size_t j = 0; j < m_nodes.size(); ++j) {
    buildNode(m_nodes[j], m_table[j]);
  }
}

double InelasticProcess::twoBodyMomentum(double E, double c, double W) const {
  // E + M = E_l + sqrt(W^2 + |k - l|^2): (A^2 - E^2 c^2) p^2 - B E c p + A^2 m^2 - B^2/4 = 0,
  // A = E + M, B = s + m^2 - W^2, s = M^2 + 2 E M; root with A E_l = B/2 + E c p > 0.
  const double A = E + m_Mi;
  const double s = m_Mi * m_Mi + 2.0 * E * m_Mi;
  const double B = s + m_ml * m_ml - W * W;
  const double a = A * A - E * E * c * c;
  const double disc = B * B - 4.0 * m_ml * m_ml * a;
  if (disc < 0.0 || B < 0.0) {
    return -1.0;
  }
  const double p = (B * E * c + A * std::sqrt(disc)) / (2.0 * a);
  return p >= 0.0 ? p : -1.0;
}

void InelasticProcess::buildNode(double E, Node& node) const {
  const std::size_t nl = m_lineExcitation.size();
  node.lineSigma.assign(nl, 0.0);
  node.lineCos.assign(nl, TabulatedSampler{});
  for (std::size_t i = 0; i < nl; ++i) {
    if (twoBodyMomentum(E, 1.0, m_Mf + m_lineExcitation[i]) < 0.0) {
      continue; // closed with exact kinematics
    }
    auto d = m_lineXs[i]->dSigmaDCos(E, m_cosGrid);
    for (auto& v : d) {
      v = std::max(v, 0.0);
    }
    double s = 0.0;
    for (std::size_t k = 1; k < d.size(); ++k) {
      s += 0.5 * (d[k] + d[k - 1]) * (m_cosGrid[k] - m_cosGrid[k - 1]);
    }
    if (s > 0.0) {
      node.lineSigma[i] = m_lineXs[i]->lineSigmas(E).at(0);
      node.lineCos[i] = TabulatedSampler(m_cosGrid, d);
    }
  }
  const double omegaMax = E - m_ml;
  if (std::isfinite(m_omegaC) && omegaMax > m_omegaC) {
    std::vector<double> marg(m_xGrid.size(), 0.0);
    node.contCos.assign(m_xGrid.size(), TabulatedSampler{});
    for (std::size_t ix = 0; ix < m_xGrid.size(); ++ix) {
      const double omega = m_omegaC + m_xGrid[ix] * (omegaMax - m_omegaC);
      std::vector<double> d(m_cosGrid.size());
      double s = 0.0;
      for (std::size_t k = 0; k < m_cosGrid.size(); ++k) {
        d[k] = std::max(0.0, 2.0 * constants::kPi * m_xs->doubleDifferential(E, omega, m_cosGrid[k]));
        if (k > 0) {
          s += 0.5 * (d[k] + d[k - 1]) * (m_cosGrid[k] - m_cosGrid[k - 1]);
        }
      }
      marg[ix] = s * (omegaMax - m_omegaC); // per unit x
      if (s > 0.0) {
        node.contCos[ix] = TabulatedSampler(m_cosGrid, d);
      }
    }
    double tot = 0.0;
    for (std::size_t ix = 1; ix < marg.size(); ++ix) {
      tot += 0.5 * (marg[ix] + marg[ix - 1]) * (m_xGrid[ix] - m_xGrid[ix - 1]);
    }
    if (tot > 0.0) {
      node.contX = TabulatedSampler(m_xGrid, marg);
      node.continuumSigma = tot;
    }
  }
}

double InelasticProcess::interp(double E, const std::function<double(const Node&)>& get) const {
  if (E < m_nodes.front() || E > m_nodes.back()) {
    return 0.0;
  }
  auto it = std::lower_bound(m_nodes.begin(), m_nodes.end(), E);
  const std::size_t j = static_cast<std::size_t>(it - m_nodes.begin());
  if (*it == E) {
    return get(m_table[j]);
  }
  const double t = (E - m_nodes[j - 1]) / (m_nodes[j] - m_nodes[j - 1]);
  return (1.0 - t) * get(m_table[j - 1]) + t * get(m_table[j]);
}

double InelasticProcess::lineSigma(std::size_t i, double E) const {
  return interp(E, [i](const Node& n) { return n.lineSigma[i]; });
}
double InelasticProcess::continuumSigma(double E) const {
  return interp(E, [](const Node& n) { return n.continuumSigma; });
}
double InelasticProcess::sigma(double E) const {
  return interp(E, [](const Node& n) {
    double s = n.continuumSigma;
    for (double v : n.lineSigma) {
      s += v;
    }
    return s;
  });
}

void InelasticProcess::generate(double E, Engine& engine, Event& ev) const {
  if (E < m_nodes.front() || E > m_nodes.back()) {
    throw Error(ErrorCode::BelowThreshold,
                fmt::format("InelasticProcess: E = {} MeV outside the tables [{}, {}] MeV", E, m_nodes.front(), m_nodes.back()));
  }
  auto it = std::lower_bound(m_nodes.begin(), m_nodes.end(), E);
  std::size_t j1 = static_cast<std::size_t>(it - m_nodes.begin());
  std::size_t j0 = j1;
  double t = 1.0;
  if (*it != E) {
    j0 = j1 - 1;
    t = (E - m_nodes[j0]) / (m_nodes[j1] - m_nodes[j0]);
  }
  const Node& a = m_table[j0];
  const Node& b = m_table[j1];
  const std::size_t nl = m_lineExcitation.size();
  double w[64];
  std::vector<double> wv;
  double* weights = w;
  if (nl + 1 > 64) {
    wv.resize(nl + 1);
    weights = wv.data();
  }
  double total = 0.0;
  for (std::size_t i = 0; i < nl; ++i) {
    // closed below the exact two-body threshold of the line (tables interpolate across it)
    weights[i] = E < m_lineThreshold[i] ? 0.0 : (1.0 - t) * a.lineSigma[i] + t * b.lineSigma[i];
    total += weights[i];
  }
  weights[nl] = (1.0 - t) * a.continuumSigma + t * b.continuumSigma;
  total += weights[nl];
  if (!(total > 0.0)) {
    throw Error(ErrorCode::BelowThreshold, fmt::format("InelasticProcess: zero cross section at E = {} MeV", E));
  }
  double u = uniform(engine) * total;
  std::size_t ch = 0;
  while (ch < nl && u >= weights[ch]) {
    u -= weights[ch];
    ++ch;
  }
  ev.totalXs = total;
  ev.processXs = weights[std::min(ch, nl)];
  const double phi = 2.0 * constants::kPi * uniform(engine);
  const bool upper = uniform(engine) < t;
  if (ch < nl) {
    const Node* node = upper ? &b : &a;
    if (node->lineCos[ch].empty()) {
      node = upper ? &a : &b;
    }
    const double W = m_Mf + m_lineExcitation[ch];
    for (int tries = 0; tries <= 1000; ++tries) {
      // within ~keV of a line threshold only a forward cone is open: after 1000 closed draws
      // take cos = 1 (always open above threshold)
      const double c = tries < 1000 ? node->lineCos[ch].sample(engine) : 1.0;
      const double p = twoBodyMomentum(E, c, W);
      if (p >= 0.0) {
        const FourMomentum l = momentumAlong(p, c, phi, std::sqrt(p * p + m_ml * m_ml));
        ev.cosTheta = c;
        finish(E, l, m_lineExcitation[ch], m_cc ? kProcessCcLines : kProcessNcLines, engine, ev);
        return;
      }
    }
    throw Error(ErrorCode::NotConverged, fmt::format("InelasticProcess: no open angle for line {} at E = {} MeV", ch, E));
  }
  const Node* node = upper ? &b : &a;
  if (node->contX.empty()) {
    node = upper ? &a : &b;
  }
  const double omegaMax = E - m_ml;
  for (int tries = 0; tries < 1000; ++tries) {
    const double x = node->contX.sample(engine);
    // conditional in cos: stochastic interpolation between the neighbouring x nodes
    const double pos = x * static_cast<double>(m_xGrid.size() - 1);
    std::size_t ix = std::min(static_cast<std::size_t>(pos), m_xGrid.size() - 2);
    if (uniform(engine) < pos - static_cast<double>(ix)) {
      ++ix;
    }
    if (node->contCos[ix].empty()) {
      ix = ix > 0 && !node->contCos[ix - 1].empty() ? ix - 1 : std::min(ix + 1, m_xGrid.size() - 1);
    }
    if (node->contCos[ix].empty()) {
      continue;
    }
    const double c = node->contCos[ix].sample(engine);
    const double omega = m_omegaC + x * (omegaMax - m_omegaC);
    const double El = E - omega;
    if (El <= m_ml) {
      continue;
    }
    const double p = std::sqrt(El * El - m_ml * m_ml);
    const FourMomentum l = momentumAlong(p, c, phi, El);
    const FourMomentum P{-l.px, -l.py, E - l.pz, E + m_Mi - El};
    const double W2 = P.e * P.e - P.p2();
    if (W2 <= m_Mf * m_Mf) {
      continue;
    }
    ev.cosTheta = c;
    finish(E, l, std::sqrt(W2) - m_Mf, m_cc ? kProcessCcContinuum : kProcessNcContinuum, engine, ev);
    return;
  }
  throw Error(ErrorCode::NotConverged, fmt::format("InelasticProcess: continuum sampling failed at E = {} MeV", E));
}

void InelasticProcess::finish(double E, const FourMomentum& l, double Ex, int processId, Engine& engine, Event& ev) const {
  const double W = m_Mf + Ex;
  const FourMomentum k{0.0, 0.0, E, E};
  FourMomentum lep = l;
  lep.e = std::sqrt(l.p2() + m_ml * m_ml); // light particle exactly on shell
  // the heavy nucleus closes the energy balance (its mass shell then holds to ~1e-11 MeV)
  const FourMomentum P{-l.px, -l.py, E - l.pz, E + m_Mi - lep.e};
  ev.processId = processId;
  ev.excitation = Ex;
  ev.targetZ = m_Z;
  ev.targetA = m_A;
  ev.vertices.push_back({kVertexPrimary});
  const int nu = neutrinoPdg(m_flavour);
  ev.particles.push_back({nu, kStatusBeam, k, 0.0, -1, 0, 0.0});
  ev.particles.push_back({nucleusPdg(m_Z, m_A), kStatusTarget, {0.0, 0.0, 0.0, m_Mi}, m_Mi, -1, 0, 0.0});
  ev.particles.push_back({m_cc ? chargedLeptonPdg(m_flavour) : nu, kStatusFinal, lep, m_ml, 0, -1, 0.0});
  ev.particles.push_back({nucleusPdg(m_finalZ, m_A), kStatusFinal, P, W, 0, -1, 0.0});
  if (m_deex && Ex > 0.0) {
    m_deex->decay(ev.particles.size() - 1, engine, ev);
  }
}

std::string InelasticProcess::description() const {
  return fmt::format("{} on Z = {}, A = {} ({}): {}", m_cc ? "CC" : "NC", m_Z, m_A, toString(m_flavour),
                     m_response->description());
}

} // namespace lenu::generator
