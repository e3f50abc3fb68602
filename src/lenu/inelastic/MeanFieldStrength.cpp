#include "lenu/inelastic/MeanFieldStrength.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/inelastic/StrengthOperators.hpp"

namespace lenu::inelastic {

namespace {

std::string isoLabel(Isospin t) { return t == Isospin::Proton ? "p" : "n"; }

int channelIndex(IsospinOperator t) {
  if (t == IsospinOperator::Minus) return 1;
  if (t == IsospinOperator::Plus) return 2;
  return 0;
}

bool conserving(IsospinOperator t) { return t == IsospinOperator::Isoscalar || t == IsospinOperator::Isovector; }

// Is `s` a hole state of the operator's channel?
bool holeSpecies(IsospinOperator t, Isospin s) {
  if (t == IsospinOperator::Minus) return s == Isospin::Neutron;
  if (t == IsospinOperator::Plus) return s == Isospin::Proton;
  return true;
}

Isospin particleSpecies(IsospinOperator t, Isospin hole) {
  if (t == IsospinOperator::Minus) return Isospin::Proton;
  if (t == IsospinOperator::Plus) return Isospin::Neutron;
  return hole;
}

double chargeOf(const LocalOperator& op, Isospin hole) { return op.charge(hole == Isospin::Neutron); }

std::string waveLabel(int l, double j) {
  return fmt::format("{}{}/2", "spdfghijklmnopq"[std::min(l, 14)], static_cast<int>(std::lround(2 * j)));
}

} // namespace

void MeanFieldStrengthConfig::validate() const {
  auto finiteOrNaN = [](double q, const char* name) {
    require(std::isnan(q) || (q > -50.0 && q < 100.0),
            fmt::format("MeanFieldStrengthConfig.{} = {} MeV outside (-50, 100) (NaN = no shift)", name, q));
  };
  finiteOrNaN(qValueMinus, "qValueMinus");
  finiteOrNaN(qValuePlus, "qValuePlus");
  require(minWeight >= 0.0 && minWeight < 0.5, fmt::format("MeanFieldStrengthConfig.minWeight = {} outside [0, 0.5)", minWeight));
  require(narrowResonanceWidth >= 0.0 && narrowResonanceWidth <= 5.0,
          fmt::format("MeanFieldStrengthConfig.narrowResonanceWidth = {} MeV outside [0, 5]", narrowResonanceWidth));
  require(maxL >= 0 && maxL <= 6, fmt::format("MeanFieldStrengthConfig.maxL = {} outside [0, 6]", maxL));
  require(foldStep > 0.0 && foldStep <= 2.0, fmt::format("MeanFieldStrengthConfig.foldStep = {} MeV outside (0, 2]", foldStep));
  require(foldMax > 0.0 && foldMax <= 500.0, fmt::format("MeanFieldStrengthConfig.foldMax = {} MeV outside (0, 500]", foldMax));
}

MeanFieldStrength::MeanFieldStrength(std::shared_ptr<const MeanFieldSpectrum> meanField, MeanFieldStrengthConfig cfg)
    : m_mf(std::move(meanField)), m_cfg(cfg) {
  require(m_mf != nullptr, "MeanFieldStrength: mean field is null");
  m_cfg.validate();
}

const MeanFieldStrength::Channel& MeanFieldStrength::channel(IsospinOperator t) const {
  Channel& c = m_channels[static_cast<std::size_t>(channelIndex(t))];
  std::call_once(c.once, [&] {
    HartreeFockResponseConfig rc;
    rc.maxJ = std::max(0, m_cfg.maxL - 1); // particle waves l <= l_h + maxJ + 1 = l_h + maxL
    rc.narrowResonanceWidth = m_cfg.narrowResonanceWidth;
    rc.minWeight = m_cfg.minWeight;
    rc.qValue = 0.0;
    const ResponseMode mode = t == IsospinOperator::Minus  ? ResponseMode::ChargedCurrentNu
                              : t == IsospinOperator::Plus ? ResponseMode::ChargedCurrentNuBar
                                                           : ResponseMode::NeutralCurrent;
    try {
      c.helper = std::make_unique<HartreeFockResponse>(m_mf, mode, rc);
    } catch (const Error&) {
      c.helper.reset(); // no hole of this species: the operator has no strength
    }
    const double q = t == IsospinOperator::Minus ? m_cfg.qValueMinus : t == IsospinOperator::Plus ? m_cfg.qValuePlus : 0.0;
    // Helper built with Q = 0 has shift -(e_p,low - e_h,top); with Q the shift is Q + that.
    c.shift = (!conserving(t) && c.helper && std::isfinite(q)) ? q + c.helper->energyShift() : 0.0;
  });
  return c;
}

double MeanFieldStrength::energyShift(IsospinOperator t) const { return channel(t).shift; }

void MeanFieldStrength::check(const LocalOperator& op) const {
  require(static_cast<bool>(op.radial), fmt::format("operator '{}' has no radial function", op.name));
  require(op.L >= 0 && op.L <= m_cfg.maxL,
          fmt::format("operator '{}': L = {} outside [0, {}] (MeanFieldStrengthConfig.maxL)", op.name, op.L, m_cfg.maxL));
  require(op.S == 0 || op.S == 1, fmt::format("operator '{}': S = {} must be 0 or 1", op.name, op.S));
  require(op.S == 1 ? (std::abs(op.J - op.L) <= 1 && op.J >= 0 && !(op.J == 0 && op.L == 0)) : op.J == op.L,
          fmt::format("operator '{}': J = {} impossible for L = {}, S = {}", op.name, op.J, op.L, op.S));
}

std::vector<MeanFieldStrength::SubLine> MeanFieldStrength::subLines(const LocalOperator& op) const {
  check(op);
  const Channel& ch = channel(op.isospin);
  std::vector<SubLine> out;
  if (!ch.helper) return out;
  const double h = m_mf->meshStep();
  const std::size_t n = m_mf->meshSize();
  std::vector<double> f(n);
  for (std::size_t i = 0; i < n; ++i) f[i] = op.radial(static_cast<double>(i + 1) * h);
  auto overlap = [&](const std::vector<double>& a, const std::vector<double>& b) {
    const std::size_t m = std::min({a.size(), b.size(), n});
    double s = 0.0;
    for (std::size_t i = 0; i < m; ++i) s += a[i] * f[i] * b[i];
    return s * h;
  };
  const bool cons = conserving(op.isospin);
  const double q = op.isospin == IsospinOperator::Minus ? m_cfg.qValueMinus : m_cfg.qValuePlus;
  const auto& bound = m_mf->boundStates();
  int group = 0;
  for (const auto& hs : bound) {
    if (!holeSpecies(op.isospin, hs.isospin) || hs.occupation < m_cfg.minWeight) continue;
    const Isospin tp = particleSpecies(op.isospin, hs.isospin);
    const double e = chargeOf(op, hs.isospin);
    for (const auto& p : bound) {
      if (p.isospin != tp || (cons && &p == &hs)) continue;
      const double w = hs.occupation * (1.0 - p.occupation);
      if (w < m_cfg.minWeight) continue;
      const double ang = reducedSpinAngular(p.l, p.j, hs.l, hs.j, op.L, op.S, op.J);
      if (ang == 0.0) continue;
      const double energy = p.energy - hs.energy + ch.shift;
      if (cons ? energy <= 0.0 : (std::isfinite(q) && energy < q - 1e-9)) continue;
      const double me = e * ang * overlap(p.u, hs.u);
      out.push_back({energy, w * me * me,
                     fmt::format("{} {} -> {} {}", isoLabel(hs.isospin), orbitalLabel(hs.n, hs.l, hs.j), isoLabel(p.isospin),
                                 orbitalLabel(p.n, p.l, p.j)),
                     group++});
    }
    for (const auto& res : ch.helper->narrowResonances()) {
      if (res.isospin != tp) continue;
      const double ang = reducedSpinAngular(res.l, res.j, hs.l, hs.j, op.L, op.S, op.J);
      if (ang == 0.0) continue;
      const std::string label = fmt::format("{} {} -> {} {} resonance E={:.3f} MeV Gamma={:.2g} MeV", isoLabel(hs.isospin),
                                            orbitalLabel(hs.n, hs.l, hs.j), isoLabel(res.isospin), waveLabel(res.l, res.j),
                                            res.energy, res.width);
      for (std::size_t k = 0; k < res.nodeU.size(); ++k) {
        const double me = e * ang * overlap(res.nodeU[k], hs.u);
        out.push_back({res.nodeEnergy[k] - hs.energy + ch.shift, hs.occupation * res.nodeWeight[k] * me * me, label, group});
      }
      ++group;
    }
  }
  return out;
}

std::vector<StrengthLine> MeanFieldStrength::lines(const LocalOperator& op) const {
  const auto subs = subLines(op);
  std::map<int, StrengthLine> byGroup;
  for (const auto& s : subs) {
    auto& l = byGroup[s.group];
    l.strength += s.strength;
    l.label = s.label;
    l.energy = s.energy; // bound: exact; resonance: replaced below
  }
  // Resonances at E_r - e_h + shift (label carries E_r; recompute from the groups' members).
  std::map<int, std::pair<double, double>> weighted; // sum w E, sum w
  for (const auto& s : subs) {
    weighted[s.group].first += s.strength * s.energy;
    weighted[s.group].second += s.strength;
  }
  std::vector<StrengthLine> out;
  for (auto& [g, l] : byGroup) {
    const auto& wv = weighted[g];
    if (wv.second > 0.0) l.energy = wv.first / wv.second; // strength centroid (= E_r for a Breit-Wigner)
    if (l.strength > 0.0) out.push_back(l);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.energy < b.energy; });
  return out;
}

double MeanFieldStrength::continuumDensity(const LocalOperator& op, double energy) const {
  const Channel& ch = channel(op.isospin);
  if (!ch.helper) return 0.0;
  const double h = m_mf->meshStep();
  const std::size_t n = m_mf->meshSize();
  std::vector<double> f(n);
  for (std::size_t i = 0; i < n; ++i) f[i] = op.radial(static_cast<double>(i + 1) * h);
  const auto& resonances = ch.helper->narrowResonances();
  double sum = 0.0;
  for (const auto& hs : m_mf->boundStates()) {
    if (!holeSpecies(op.isospin, hs.isospin) || hs.occupation < m_cfg.minWeight) continue;
    const double ep = energy - ch.shift + hs.energy;
    if (!(ep > 0.0)) continue;
    const Isospin tp = particleSpecies(op.isospin, hs.isospin);
    const double e = chargeOf(op, hs.isospin);
    for (int lp = std::abs(hs.l - op.L); lp <= hs.l + op.L; ++lp) {
      if ((lp + hs.l + op.L) % 2 != 0) continue;
      for (double jp : {lp + 0.5, lp - 0.5}) {
        if (jp < 0.0) continue;
        const double ang = reducedSpinAngular(lp, jp, hs.l, hs.j, op.L, op.S, op.J);
        if (ang == 0.0) continue;
        bool inWindow = false;
        for (const auto& r : resonances)
          if (r.isospin == tp && r.l == lp && std::abs(r.j - jp) < 0.1 && std::abs(ep - r.energy) < r.window) inWindow = true;
        if (inWindow) continue;
        const ContinuumState cs = m_mf->continuumState(tp, lp, jp, ep);
        const double norm = 1.0 / std::sqrt(constants::kPi * m_mf->hbar2Over2m(tp) * cs.k);
        const std::size_t m = std::min({cs.u.size(), hs.u.size(), n});
        double s = 0.0;
        for (std::size_t i = 0; i < m; ++i) s += cs.u[i] * f[i] * hs.u[i];
        const double me = e * ang * s * h * norm;
        sum += hs.occupation * me * me;
      }
    }
  }
  return sum;
}

std::shared_ptr<const std::vector<double>> MeanFieldStrength::table(const LocalOperator& op) const {
  const std::string key = fmt::format("{}|{}|{}|{}|{}|{:.17g}|{:.17g}", op.name, op.J, op.L, op.S, channelIndex(op.isospin) +
                                      (op.isospin == IsospinOperator::Isovector ? 10 : 0), op.neutronCharge, op.protonCharge);
  {
    const std::lock_guard<std::mutex> lock(m_tableMutex);
    const auto it = m_tables.find(key);
    if (it != m_tables.end()) return it->second;
  }
  const double thr = continuumThreshold(op);
  auto t = std::make_shared<std::vector<double>>();
  for (double e = thr; e <= m_cfg.foldMax + m_cfg.foldStep; e += m_cfg.foldStep) t->push_back(continuumDensity(op, e));
  const std::lock_guard<std::mutex> lock(m_tableMutex);
  return m_tables.emplace(key, std::move(t)).first->second;
}

double MeanFieldStrength::strengthDensity(const LocalOperator& op, double energy, double eta) const {
  check(op);
  require(std::isfinite(energy), fmt::format("strengthDensity: energy {} MeV is not finite", energy));
  require(std::isfinite(eta) && eta >= 0.0 && eta <= 20.0, fmt::format("strengthDensity: eta = {} MeV outside [0, 20]", eta));
  if (eta == 0.0) return continuumDensity(op, energy);
  require(energy <= m_cfg.foldMax,
          fmt::format("strengthDensity: E = {} MeV above the folding table end foldMax = {} MeV", energy, m_cfg.foldMax));
  const double invPi = 1.0 / constants::kPi;
  double s = 0.0;
  for (const auto& l : subLines(op)) {
    const double d = energy - l.energy;
    s += l.strength * invPi * eta / (d * d + eta * eta);
  }
  const auto tab = table(op);
  const double thr = continuumThreshold(op);
  const double step = m_cfg.foldStep;
  for (std::size_t i = 0; i + 1 < tab->size(); ++i) {
    const double x0 = thr + step * static_cast<double>(i), x1 = x0 + step;
    const double s0 = (*tab)[i], s1 = (*tab)[i + 1];
    if (s0 == 0.0 && s1 == 0.0) continue;
    const double b = (s1 - s0) / step;
    const double a = s0 + b * (energy - x0);
    const double y0 = x0 - energy, y1 = x1 - energy;
    s += a * invPi * (std::atan(y1 / eta) - std::atan(y0 / eta)) +
         b * eta * 0.5 * invPi * std::log((y1 * y1 + eta * eta) / (y0 * y0 + eta * eta));
  }
  return std::max(s, 0.0);
}

double MeanFieldStrength::continuumThreshold(const LocalOperator& op) const {
  const Channel& ch = channel(op.isospin);
  double thr = std::numeric_limits<double>::infinity();
  for (const auto& hs : m_mf->boundStates())
    if (holeSpecies(op.isospin, hs.isospin) && hs.occupation >= m_cfg.minWeight) thr = std::min(thr, -hs.energy + ch.shift);
  return std::isfinite(thr) ? thr : 0.0;
}

std::vector<double> MeanFieldStrength::breakPoints(const LocalOperator& op) const {
  const Channel& ch = channel(op.isospin);
  std::vector<double> out;
  for (const auto& hs : m_mf->boundStates()) {
    if (!holeSpecies(op.isospin, hs.isospin) || hs.occupation < m_cfg.minWeight) continue;
    out.push_back(-hs.energy + ch.shift);
    if (!ch.helper) continue;
    for (const auto& r : ch.helper->narrowResonances()) {
      if (r.isospin != particleSpecies(op.isospin, hs.isospin)) continue;
      out.push_back(r.energy - r.window - hs.energy + ch.shift);
      out.push_back(r.energy + r.window - hs.energy + ch.shift);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string MeanFieldStrength::description() const {
  auto q = [](double v) { return std::isnan(v) ? std::string("none") : fmt::format("{:.3f} MeV", v); };
  return fmt::format("independent-particle (no RPA) strength, continuum resonances narrower than {} MeV as lines, "
                     "charge-exchange Q-values tau- {} / tau+ {}; field: {}",
                     m_cfg.narrowResonanceWidth, q(m_cfg.qValueMinus), q(m_cfg.qValuePlus), m_mf->description());
}

} // namespace lenu::inelastic
