#include "lenu/inelastic/HartreeFockResponse.hpp"

#include <algorithm>
#include <cmath>
#include <complex>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/GslError.hpp"
#include "lenu/core/Integrate.hpp"

namespace lenu::inelastic {

namespace {
constexpr double kNucleonMass = 0.5 * (constants::kMassProton + constants::kMassNeutron);
constexpr int kLhMax = 10;

std::string isoLabel(Isospin t) { return t == Isospin::Proton ? "p" : "n"; }

int angularKey(int lp, double jp, int lh, double jh, int J, int maxJ, int lMax) {
  const int jpi = jp > lp ? 1 : 0;
  const int jhi = jh > lh ? 1 : 0;
  return (((lp * 2 + jpi) * (kLhMax + 1) + lh) * 2 + jhi) * (maxJ + 1) + J + 0 * lMax;
}

// Derivative of u on the mesh r_i = (i+1) h with u(0) = 0 (4th-order central differences inside).
std::vector<double> derivative(const std::vector<double>& u, double h, int l) {
  const std::size_t n = u.size();
  std::vector<double> d(n, 0.0);
  auto at = [&](long i) -> double {
    if (i >= 0 && static_cast<std::size_t>(i) < n) return u[i];
    if (i == -1) return 0.0;                                   // r = 0
    if (i == -2) return (l % 2 == 0 ? -1.0 : 1.0) * u[0];       // r = -h: u ~ r^(l+1)
    return 0.0;
  };
  for (std::size_t i = 0; i < n; ++i) {
    const long k = static_cast<long>(i);
    if (i + 2 < n) {
      d[i] = (at(k - 2) - 8.0 * at(k - 1) + 8.0 * at(k + 1) - at(k + 2)) / (12.0 * h);
    } else {
      d[i] = (at(k) - at(k - 1)) / h;
    }
  }
  return d;
}
} // namespace

std::vector<AnalyticResponseSet> NuclearResponse::analyticResponses(std::complex<double> omega,
                                                                    std::span<const std::complex<double>> q) const {
  throw Error(ErrorCode::NotSupported,
              fmt::format("{}: no analytic continuation of the response (omega = {}{:+}i MeV, {} q values requested)",
                          description(), omega.real(), omega.imag(), q.size()));
}

namespace {
template <class Set> std::vector<Set> keepRange(std::vector<Set> sets, MultipoleRange range) {
  for (auto& s : sets)
    std::erase_if(s.byMultipole, [&](const auto& m) { return !range.contains(m.J); });
  return sets;
}
} // namespace

std::vector<ResponseSet> NuclearResponse::continuumResponsesIn(double omega, std::span<const double> q,
                                                               MultipoleRange range) const {
  return keepRange(continuumResponses(omega, q), range);
}

std::vector<AnalyticResponseSet> NuclearResponse::analyticResponsesIn(std::complex<double> omega,
                                                                      std::span<const std::complex<double>> q,
                                                                      MultipoleRange range) const {
  return keepRange(analyticResponses(omega, q), range);
}

std::string multipoleLabel(int J, int parity) { return fmt::format("{}{}", J, parity > 0 ? '+' : '-'); }

HartreeFockResponse::HartreeFockResponse(std::shared_ptr<const MeanFieldSpectrum> meanField, ResponseMode mode,
                                         HartreeFockResponseConfig cfg)
    : m_mf(std::move(meanField)), m_mode(mode), m_cfg(cfg), m_couplings(cfg.couplings) {
  require(m_mf != nullptr, "HartreeFockResponse: mean field is null");
  require(m_cfg.maxJ >= 0 && m_cfg.maxJ <= kMaxResponseMultipole,
          fmt::format("HartreeFockResponseConfig.maxJ = {} outside [0, {}]", m_cfg.maxJ, kMaxResponseMultipole));
  const Isospin holeT = mode == ResponseMode::ChargedCurrentNuBar ? Isospin::Proton : Isospin::Neutron;
  const Isospin partT = mode == ResponseMode::ChargedCurrentNu ? Isospin::Proton : Isospin::Neutron;
  const double h = m_mf->meshStep();
  const auto& bound = m_mf->boundStates();
  // Holes.
  for (const auto& s : bound) {
    const bool isHole = mode == ResponseMode::NeutralCurrent ? true : s.isospin == holeT;
    if (!isHole || s.occupation < m_cfg.minWeight) continue;
    require(s.l <= kLhMax, fmt::format("HartreeFockResponse: hole with l = {} > {}", s.l, kLhMax));
    Hole hole;
    hole.s = &s;
    const auto du = derivative(s.u, h, s.l);
    hole.bm.resize(s.u.size());
    hole.bp.resize(s.u.size());
    for (std::size_t i = 0; i < s.u.size(); ++i) {
      const double r = static_cast<double>(i + 1) * h;
      hole.bm[i] = du[i] - (s.l + 1.0) * s.u[i] / r;
      hole.bp[i] = du[i] + s.l * s.u[i] / r;
    }
    // Radius beyond which u_h^2 is negligible (tail < 1e-12).
    double tail = 0.0;
    hole.iMax = s.u.size();
    for (std::size_t i = s.u.size(); i-- > 0;) {
      tail += s.u[i] * s.u[i] * h;
      if (tail > 1e-12) { hole.iMax = std::min(s.u.size(), i + 2); break; }
    }
    m_holes.push_back(std::move(hole));
  }
  require(!m_holes.empty(), "HartreeFockResponse: the mean field has no occupied hole states for this channel");
  for (const auto& hh : m_holes) m_iMax = std::max(m_iMax, hh.iMax);
  {
    // Bessel grid up to x = 60 (q ~ 790 MeV at r = 15 fm); linear interpolation error < 3e-6.
    const int Lmax = m_cfg.maxJ + 1;
    m_besselNx = static_cast<std::size_t>(60.0 / m_besselDx) + 2;
    m_besselGrid.assign(static_cast<std::size_t>(Lmax + 1) * m_besselNx, 0.0);
    std::vector<double> jl(static_cast<std::size_t>(Lmax + 1));
    for (std::size_t k = 0; k < m_besselNx; ++k) {
      gsl::sphericalBesselArray(Lmax, m_besselDx * static_cast<double>(k), jl.data());
      for (int L = 0; L <= Lmax; ++L) m_besselGrid[static_cast<std::size_t>(L) * m_besselNx + k] = jl[L];
    }
  }
  int lhMax = 0;
  for (const auto& hh : m_holes) lhMax = std::max(lhMax, hh.s->l);
  m_lMax = lhMax + m_cfg.maxJ + 1;
  for (int l = 0; l <= m_lMax; ++l) {
    m_waves.push_back({l, l + 0.5});
    if (l > 0) m_waves.push_back({l, l - 0.5});
  }
  // Angular coefficient cache.
  const int keys = (m_lMax + 1) * 2 * (kLhMax + 1) * 2 * (m_cfg.maxJ + 1);
  m_angularIndex.assign(static_cast<std::size_t>(keys), -1);
  for (const auto& hh : m_holes) {
    for (const auto& w : m_waves) {
      for (int J = 0; J <= m_cfg.maxJ; ++J) {
        const int key = angularKey(w.l, w.j, hh.s->l, hh.s->j, J, m_cfg.maxJ, m_lMax);
        if (m_angularIndex[key] >= 0) continue;
        m_angularIndex[key] = static_cast<int>(m_angular.size());
        m_angular.push_back(angularCoefficients(w.l, w.j, hh.s->l, hh.s->j, J));
      }
    }
  }
  // Energy shift. Levels count as "hole" / "particle" for the Q-value matching when their
  // occupation / vacancy is at least 0.1 (robust against the BCS tails of pairing).
  double eHoleTop = -std::numeric_limits<double>::infinity();
  double eHoleTopSig = -std::numeric_limits<double>::infinity();
  const SingleParticleState* top = nullptr;
  for (const auto& hh : m_holes) {
    eHoleTop = std::max(eHoleTop, hh.s->energy);
    if (hh.s->occupation >= 0.1 && hh.s->energy > eHoleTopSig) {
      if (mode == ResponseMode::NeutralCurrent || hh.s->isospin == holeT) {
        eHoleTopSig = hh.s->energy;
        top = hh.s;
      }
    }
  }
  require(top != nullptr, "HartreeFockResponse: no hole level with occupation >= 0.1");
  if (mode == ResponseMode::NeutralCurrent) {
    m_shift = 0.0;
    m_omegaIAS = 0.0;
  } else {
    require(std::isfinite(m_cfg.qValue) && m_cfg.qValue > -50.0 && m_cfg.qValue < 100.0,
            fmt::format("HartreeFockResponseConfig.qValue = {} MeV: a CC response needs the measured Q-value", m_cfg.qValue));
    double ePartLow = std::numeric_limits<double>::infinity();
    for (const auto& s : bound)
      if (s.isospin == partT && 1.0 - s.occupation >= 0.1) ePartLow = std::min(ePartLow, s.energy);
    if (!std::isfinite(ePartLow)) ePartLow = 0.0; // no bound particle level: continuum threshold
    m_shift = m_cfg.qValue - (ePartLow - eHoleTopSig);
    // Isobaric-analog configuration: highest significant hole and the particle state with the same (n, l, j).
    double eAnalog = 0.0;
    bool found = false;
    for (const auto& s : bound)
      if (s.isospin == partT && s.n == top->n && s.l == top->l && std::abs(s.j - top->j) < 0.1) { eAnalog = s.energy; found = true; }
    m_omegaIAS = found ? m_shift + eAnalog - top->energy : m_shift;
  }
  m_continuumThreshold = m_shift - eHoleTop;
  // Narrow continuum resonances (lines refer to them by index).
  if (mode == ResponseMode::NeutralCurrent) {
    findResonances(Isospin::Neutron);
    findResonances(Isospin::Proton);
  } else {
    findResonances(partT);
  }
  // Discrete lines: bound particle states with vacancy, then narrow resonances.
  std::map<long, std::size_t> lineByKey;
  for (std::size_t ih = 0; ih < m_holes.size(); ++ih) {
    const auto* hs = m_holes[ih].s;
    for (const auto& p : bound) {
      const bool rightT = mode == ResponseMode::NeutralCurrent ? p.isospin == hs->isospin : p.isospin == partT;
      if (!rightT) continue;
      if (mode == ResponseMode::NeutralCurrent && &p == hs) continue; // no excitation energy in the mean field
      const double w = hs->occupation * (1.0 - p.occupation);
      if (w < m_cfg.minWeight) continue;
      const double omega = p.energy - hs->energy + m_shift;
      // Configurations below the final ground state (possible only through fractional
      // occupations) are not excitations.
      if (mode == ResponseMode::NeutralCurrent ? omega <= 0.0 : omega < m_cfg.qValue - 1e-9) continue;
      ResponseLine line;
      line.omega = omega;
      line.excitation = mode == ResponseMode::NeutralCurrent ? omega : omega - m_cfg.qValue;
      line.label = fmt::format("{} {} -> {} {}", isoLabel(hs->isospin), orbitalLabel(hs->n, hs->l, hs->j),
                               isoLabel(p.isospin), orbitalLabel(p.n, p.l, p.j));
      m_lines.push_back(line);
      m_lineDefs.push_back({LineDef{ih, &p, w}});
    }
  }
  for (std::size_t ih = 0; ih < m_holes.size(); ++ih) {
    const auto* hs = m_holes[ih].s;
    for (std::size_t k = 0; k < m_resonances.size(); ++k) {
      const auto& res = m_resonances[k];
      const bool rightT = mode == ResponseMode::NeutralCurrent ? res.isospin == hs->isospin : res.isospin == partT;
      if (!rightT || std::abs(res.j - hs->j) > m_cfg.maxJ + 0.1) continue;
      const double w = hs->occupation;
      if (w < m_cfg.minWeight) continue;
      ResponseLine line;
      line.omega = res.energy - hs->energy + m_shift;
      line.excitation = mode == ResponseMode::NeutralCurrent ? line.omega : line.omega - m_cfg.qValue;
      line.label = fmt::format("{} {} -> {} {}{}/2 resonance E={:.3f} MeV Gamma={:.2g} MeV", isoLabel(hs->isospin),
                               orbitalLabel(hs->n, hs->l, hs->j), isoLabel(res.isospin), "spdfghijklmnopq"[res.l],
                               static_cast<int>(std::lround(2 * res.j)), res.energy, res.width);
      m_lines.push_back(line);
      m_lineDefs.push_back({LineDef{ih, nullptr, w, static_cast<int>(k)}});
    }
  }
  // Order lines by omega (keeping definitions aligned).
  std::vector<std::size_t> order(m_lines.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return m_lines[a].omega < m_lines[b].omega; });
  std::vector<ResponseLine> l2;
  std::vector<std::vector<LineDef>> d2;
  for (auto i : order) { l2.push_back(m_lines[i]); d2.push_back(m_lineDefs[i]); }
  m_lines = std::move(l2);
  m_lineDefs = std::move(d2);
}

void HartreeFockResponse::findResonances(Isospin t) {
  const double h = m_mf->meshStep();
  const double rInt = 1.2 * 1.27 * std::cbrt(static_cast<double>(m_mf->A())) + 2.0;
  const std::size_t nInt = std::min(m_mf->meshSize(), static_cast<std::size_t>(rInt / h));
  auto interiorNorm = [&](const ContinuumState& cs) {
    double s = 0.0;
    for (std::size_t i = 0; i < nInt; ++i) s += cs.u[i] * cs.u[i] * h;
    return s;
  };
  for (const auto& w : m_waves) {
    // Only partial waves reachable from some hole.
    bool reachable = false;
    for (const auto& hh : m_holes) if (w.l <= hh.s->l + m_cfg.maxJ + 1) reachable = true;
    if (!reachable) continue;
    const double step = m_cfg.resonanceScanStep;
    auto wrap = [](double d) {
      while (d > constants::kPi) d -= 2.0 * constants::kPi;
      while (d <= -constants::kPi) d += 2.0 * constants::kPi;
      return d;
    };
    // States that are numerically zero inside (deep under a barrier) carry no phase information.
    auto isNull = [](const ContinuumState& c) {
      for (double v : c.u) if (v != 0.0) return false;
      return true;
    };
    double prevE = 0.002;
    ContinuumState first = m_mf->continuumState(t, w.l, w.j, prevE);
    bool prevValid = !isNull(first);
    double prevPhase = first.phaseShift;
    for (double e = 0.5 * step; e < m_cfg.resonanceScanMax; e += step) {
      const ContinuumState cs = m_mf->continuumState(t, w.l, w.j, e);
      const bool valid = !isNull(cs);
      const double d = wrap(cs.phaseShift - prevPhase);
      const double a0 = prevE, phase0 = prevPhase;
      const bool bothValid = valid && prevValid;
      prevPhase = cs.phaseShift;
      prevE = e;
      prevValid = valid;
      if (!bothValid || std::abs(d) < 0.5 * constants::kPi) continue;
      // Bisection on "the phase has jumped relative to the left end": converges to E_r whatever
      // the width (even when Gamma is below the double-precision resolution of E).
      double a = a0, b = e;
      for (int it = 0; it < 60 && (b - a) > 1e-13 * e; ++it) {
        const double mid = 0.5 * (a + b);
        if (std::abs(wrap(m_mf->continuumState(t, w.l, w.j, mid).phaseShift - phase0)) > 0.5 * constants::kPi) b = mid;
        else a = mid;
      }
      const double er = 0.5 * (a + b);
      ContinuumState cs2 = m_mf->continuumState(t, w.l, w.j, er);
      const double nmax = interiorNorm(cs2);
      double gamma = 2.0 * m_mf->hbar2Over2m(t) * cs2.k / nmax;
      // Resolved Breit-Wigner: half the peak interior norm at E_r +- Gamma/2.
      bool resolved = std::isfinite(gamma) && gamma > 0.0 && gamma < 1.0;
      if (resolved) {
        const double nl = interiorNorm(m_mf->continuumState(t, w.l, w.j, std::max(er - 0.5 * gamma, 1e-6)));
        const double nr = interiorNorm(m_mf->continuumState(t, w.l, w.j, er + 0.5 * gamma));
        resolved = nl > 0.2 * nmax && nl < 0.8 * nmax && nr > 0.2 * nmax && nr < 0.8 * nmax;
      }
      if (!resolved) gamma = 0.0; // below resolution: a quasi-bound state
      if (!(gamma < m_cfg.narrowResonanceWidth)) continue;
      NarrowResonance res;
      res.isospin = t;
      res.l = w.l;
      res.j = w.j;
      res.energy = er;
      res.width = gamma;
      res.window = std::max(10.0 * gamma, 0.5);
      if (!resolved || gamma < m_cfg.quasiBoundWidth) {
        // Ultra-narrow (deep under the barrier): the resonance is a quasi-bound state. Its
        // interior part, cut at the minimum of |u| in the barrier and normalised to 1, carries
        // the whole Breit-Wigner strength (the energy grid cannot resolve Gamma).
        std::vector<double> u = cs2.u;
        const double Rn = 1.27 * std::cbrt(static_cast<double>(m_mf->A()));
        std::size_t iCut = u.size() - 1;
        double minAbs = std::numeric_limits<double>::infinity();
        for (std::size_t i = static_cast<std::size_t>(Rn / h); i < u.size(); ++i)
          if (std::abs(u[i]) < minAbs) { minAbs = std::abs(u[i]); iCut = i; }
        double norm = 0.0;
        for (std::size_t i = 0; i <= iCut; ++i) norm += u[i] * u[i] * h;
        if (!(norm > 0.0) || !std::isfinite(norm)) continue;
        for (std::size_t i = 0; i < u.size(); ++i) u[i] = i <= iCut ? u[i] / std::sqrt(norm) : 0.0;
        res.nodeEnergy.push_back(er);
        res.nodeWeight.push_back(1.0);
        res.nodeU.push_back(std::move(u));
        m_resonances.push_back(std::move(res));
        continue;
      }
      const double lo = std::max(er - res.window, 1e-6);
      const double thLo = std::atan(2.0 * (lo - er) / gamma), thHi = std::atan(2.0 * res.window / gamma);
      GaussLegendre gl(24, thLo, thHi);
      for (std::size_t k = 0; k < gl.x.size(); ++k) {
        const double cth = std::cos(gl.x[k]);
        const double eNode = er + 0.5 * gamma * std::tan(gl.x[k]);
        ContinuumState st = m_mf->continuumState(t, w.l, w.j, eNode);
        const double norm = 1.0 / std::sqrt(constants::kPi * m_mf->hbar2Over2m(t) * st.k);
        for (auto& v : st.u) v *= norm;
        res.nodeEnergy.push_back(eNode);
        res.nodeWeight.push_back(gl.w[k] * 0.5 * gamma / (cth * cth));
        res.nodeU.push_back(std::move(st.u));
      }
      m_resonances.push_back(std::move(res));
    }
  }
}

bool HartreeFockResponse::inResonanceWindow(Isospin t, int l, double j, double e) const {
  for (const auto& r : m_resonances)
    if (r.isospin == t && r.l == l && std::abs(r.j - j) < 0.1 && std::abs(e - r.energy) < r.window) return true;
  return false;
}

double HartreeFockResponse::thresholdOmega() const {
  double t = m_continuumThreshold;
  for (const auto& l : m_lines) t = std::min(t, l.omega);
  return t;
}

const AngularCoefficients& HartreeFockResponse::angular(int lp, double jp, int lh, double jh, int J) const {
  return m_angular[static_cast<std::size_t>(m_angularIndex[angularKey(lp, jp, lh, jh, J, m_cfg.maxJ, m_lMax)])];
}

HartreeFockResponse::BesselTable HartreeFockResponse::besselTable(std::span<const double> qs) const {
  BesselTable bt;
  bt.Lmax = m_cfg.maxJ + 1;
  bt.n = m_iMax;
  bt.j.assign(qs.size() * static_cast<std::size_t>(bt.Lmax + 1) * bt.n, 0.0);
  const double h = m_mf->meshStep();
  std::vector<double> jl(static_cast<std::size_t>(bt.Lmax + 1));
  const double xMax = m_besselDx * static_cast<double>(m_besselNx - 2);
  for (std::size_t iq = 0; iq < qs.size(); ++iq) {
    const double qFm = std::max(qs[iq], 1e-6) / constants::kHbarC;
    for (std::size_t i = 0; i < bt.n; ++i) {
      const double x = qFm * static_cast<double>(i + 1) * h;
      if (x < xMax) {
        const double u = x / m_besselDx;
        const auto k = static_cast<std::size_t>(u);
        const double t = u - static_cast<double>(k);
        for (int L = 0; L <= bt.Lmax; ++L) {
          const double* g = m_besselGrid.data() + static_cast<std::size_t>(L) * m_besselNx;
          bt.j[(iq * (bt.Lmax + 1) + L) * bt.n + i] = g[k] + t * (g[k + 1] - g[k]);
        }
      } else {
        gsl::sphericalBesselArray(bt.Lmax, x, jl.data());
        for (int L = 0; L <= bt.Lmax; ++L) bt.j[(iq * (bt.Lmax + 1) + L) * bt.n + i] = jl[L];
      }
    }
  }
  return bt;
}

void HartreeFockResponse::accumulate(const Hole& hole, int lp, double jp, const std::vector<double>& up, double weight,
                                     double omega, std::span<const double> qs, const BesselTable& bt,
                                     std::vector<ResponseSet>& out, std::vector<PairElements>* pairs,
                                     const std::string& particleLabel) const {
  const double h = m_mf->meshStep();
  const auto* hs = hole.s;
  const int lh = hs->l;
  const std::size_t n = std::min({hole.iMax, up.size(), bt.n});
  const int maxJ = m_cfg.maxJ;
  const int Lmax = maxJ + 1;
  // Products, weighted by the mesh step (trapezoid with u(0) = 0).
  std::vector<double> p0(n), pm(n), pp(n);
  double s0 = 0.0, sg = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    p0[i] = up[i] * hs->u[i] * h;
    pm[i] = up[i] * hole.bm[i] * h;
    pp[i] = up[i] * hole.bp[i] * h;
    s0 += std::abs(p0[i]);
    sg += std::abs(pm[i]) + std::abs(pp[i]);
  }
  // Upper bound of every reduced matrix element (|j_L| <= 1, angular factors <~ 1, (1/q) grad
  // with q >= 1 MeV): skip pairs whose strength cannot exceed 1e-14 (e.g. high partial waves far
  // below their centrifugal barrier).
  {
    double qMin = 1e300;
    for (double q : qs) qMin = std::min(qMin, std::max(q, 1.0));
    const double bound = s0 + sg * constants::kHbarC / qMin;
    if (weight * bound * bound * 10.0 < 1e-14 && !pairs) return;
  }
  const Channel channel = m_mode == ResponseMode::NeutralCurrent ? Channel::NeutralCurrent : Channel::ChargedCurrent;
  std::vector<double> I0(Lmax + 1), Im(Lmax + 1), Ip(Lmax + 1);
  const bool parityEven = (lp + lh) % 2 == 0; // I0 needs L with lp + L + lh even
  for (std::size_t iq = 0; iq < qs.size(); ++iq) {
    const double qMeV = std::max(qs[iq], 1e-6);
    const double qFm = qMeV / constants::kHbarC;
    for (int L = 0; L <= Lmax; ++L) {
      const double* jl = bt.at(iq, L);
      double a = 0.0, b = 0.0, c = 0.0;
      if ((L % 2 == 0) == parityEven) {
        if (L >= std::abs(lp - lh) && L <= lp + lh)
          for (std::size_t i = 0; i < n; ++i) a += jl[i] * p0[i];
      } else if (L >= std::abs(lp - lh) - 1 && L <= lp + lh + 1) {
        for (std::size_t i = 0; i < n; ++i) { b += jl[i] * pm[i]; c += jl[i] * pp[i]; }
      }
      I0[L] = a;
      Im[L] = b;
      Ip[L] = c;
    }
    const double Q2 = qMeV * qMeV - omega * omega;
    const NucleonFormFactors ff = m_couplings.at(channel, hs->isospin, qMeV, Q2);
    const double qm = qMeV / kNucleonMass;
    const double omegaV = omega - m_omegaIAS;
    using C = std::complex<double>;
    const C I(0.0, 1.0);
    for (int J = 0; J <= maxJ; ++J) {
      if (std::abs(jp - hs->j) > J + 0.1 || jp + hs->j < J - 0.1) continue;
      const AngularCoefficients& ang = angular(lp, jp, lh, hs->j, J);
      if (ang.zero) continue;
      RadialIntegrals ri{};
      for (int d = 0; d < 3; ++d) {
        const int L = J - 1 + d;
        if (L < 0 || L > Lmax) continue;
        ri[0][d] = I0[L];
        ri[1][d] = Im[L];
        ri[2][d] = Ip[L];
      }
      const auto me = reducedMatrixElements(ang, ri, qFm);
      const double M = me[0], D = me[1], DP = me[2], DPP = me[3], S = me[4], SP = me[5], SPP = me[6], O = me[7];
      const C cV = ff.F1 * M;
      const C lV = m_cfg.longitudinal == VectorLongitudinal::CVC ? C(omegaV / qMeV) * cV : C(-qm * ff.F1 * (DPP - 0.5 * M));
      const C eV = qm * (ff.F1 * DP + 0.5 * ff.GM * S);
      const C mV = -I * qm * (ff.F1 * D - 0.5 * ff.GM * SP);
      const C cA = -I * qm * ff.GA * (O + 0.5 * SPP) + I * (omega / qMeV) * ff.GA * ff.pionPole * SPP;
      const C lA = -I * ff.GA * (1.0 - ff.pionPole) * SPP;
      const C eA = I * ff.GA * SP;
      const C mA = ff.GA * S;
      const C c = cV - cA, l = lV - lA, e = eV - eA, m = mV - mA;
      ResponseFunctions W;
      W.CC = weight * std::norm(c);
      W.CL = weight * 2.0 * std::real(c * std::conj(l));
      W.LL = weight * std::norm(l);
      W.T = weight * (std::norm(e) + std::norm(m));
      W.TP = weight * 2.0 * std::real(e * std::conj(m));
      const int parity = (lp + lh) % 2 == 0 ? 1 : -1;
      out[iq].add(J, parity, W);
      if (pairs) {
        PairElements pe;
        pe.J = J;
        pe.parity = parity;
        pe.weight = weight;
        pe.omegaPH = omega - m_shift;
        pe.hole = fmt::format("{} {}", isoLabel(hs->isospin), orbitalLabel(hs->n, hs->l, hs->j));
        pe.particle = particleLabel;
        pe.me = me;
        pairs->push_back(pe);
      }
    }
  }
}

std::vector<ResponseSet> HartreeFockResponse::lineResponses(std::size_t index, std::span<const double> q) const {
  require(index < m_lines.size(), fmt::format("line index {} >= {}", index, m_lines.size()));
  std::vector<ResponseSet> out(q.size());
  const BesselTable bt = besselTable(q);
  for (const auto& d : m_lineDefs[index]) {
    if (d.resonance >= 0) {
      const auto& res = m_resonances[static_cast<std::size_t>(d.resonance)];
      for (std::size_t k = 0; k < res.nodeU.size(); ++k)
        accumulate(m_holes[d.hole], res.l, res.j, res.nodeU[k], d.weight * res.nodeWeight[k], m_lines[index].omega, q,
                   bt, out, nullptr, "");
      continue;
    }
    accumulate(m_holes[d.hole], d.particle->l, d.particle->j, d.particle->u, d.weight, m_lines[index].omega, q, bt, out,
               nullptr, "");
  }
  return out;
}

std::vector<ResponseSet> HartreeFockResponse::continuumResponses(double omega, std::span<const double> q) const {
  std::vector<ResponseSet> out(q.size());
  if (!(omega > m_continuumThreshold)) return out;
  const BesselTable bt = besselTable(q);
  const Isospin partT = m_mode == ResponseMode::ChargedCurrentNu ? Isospin::Proton : Isospin::Neutron;
  for (const auto& hole : m_holes) {
    const double ep = omega - m_shift + hole.s->energy;
    if (ep <= 0.0) continue;
    const Isospin t = m_mode == ResponseMode::NeutralCurrent ? hole.s->isospin : partT;
    const double lmaxHole = hole.s->l + m_cfg.maxJ + 1;
    for (const auto& w : m_waves) {
      if (w.l > lmaxHole) continue;
      if (std::abs(w.j - hole.s->j) > m_cfg.maxJ + 0.1) continue;
      if (inResonanceWindow(t, w.l, w.j, ep)) continue;
      ContinuumState cs = m_mf->continuumState(t, w.l, w.j, ep);
      const double norm = 1.0 / std::sqrt(constants::kPi * m_mf->hbar2Over2m(t) * cs.k);
      for (auto& v : cs.u) v *= norm;
      accumulate(hole, w.l, w.j, cs.u, hole.s->occupation, omega, q, bt, out, nullptr, "");
    }
  }
  return out;
}

std::vector<HartreeFockResponse::PairElements> HartreeFockResponse::linePairs(std::size_t index, double q) const {
  require(index < m_lines.size(), fmt::format("line index {} >= {}", index, m_lines.size()));
  std::vector<PairElements> pairs;
  std::vector<ResponseSet> out(1);
  const double qs[1] = {q};
  const BesselTable bt = besselTable(qs);
  for (const auto& d : m_lineDefs[index]) {
    if (d.resonance >= 0) {
      const auto& res = m_resonances[static_cast<std::size_t>(d.resonance)];
      for (std::size_t k = 0; k < res.nodeU.size(); ++k)
        accumulate(m_holes[d.hole], res.l, res.j, res.nodeU[k], d.weight * res.nodeWeight[k], m_lines[index].omega, qs,
                   bt, out, &pairs, fmt::format("{} resonance l={} j={}", isoLabel(res.isospin), res.l, res.j));
      continue;
    }
    accumulate(m_holes[d.hole], d.particle->l, d.particle->j, d.particle->u, d.weight, m_lines[index].omega, qs, bt, out,
               &pairs, fmt::format("{} {}", isoLabel(d.particle->isospin), orbitalLabel(d.particle->n, d.particle->l, d.particle->j)));
  }
  return pairs;
}

std::vector<HartreeFockResponse::PairElements> HartreeFockResponse::continuumPairs(double omega, double q) const {
  std::vector<PairElements> pairs;
  if (!(omega > m_continuumThreshold)) return pairs;
  std::vector<ResponseSet> out(1);
  const double qs[1] = {q};
  const BesselTable bt = besselTable(qs);
  const Isospin partT = m_mode == ResponseMode::ChargedCurrentNu ? Isospin::Proton : Isospin::Neutron;
  for (const auto& hole : m_holes) {
    const double ep = omega - m_shift + hole.s->energy;
    if (ep <= 0.0) continue;
    const Isospin t = m_mode == ResponseMode::NeutralCurrent ? hole.s->isospin : partT;
    for (const auto& w : m_waves) {
      if (w.l > hole.s->l + m_cfg.maxJ + 1) continue;
      if (inResonanceWindow(t, w.l, w.j, ep)) continue;
      ContinuumState cs = m_mf->continuumState(t, w.l, w.j, ep);
      const double norm = 1.0 / std::sqrt(constants::kPi * m_mf->hbar2Over2m(t) * cs.k);
      for (auto& v : cs.u) v *= norm;
      accumulate(hole, w.l, w.j, cs.u, hole.s->occupation, omega, qs, bt, out, &pairs,
                 fmt::format("{} {}{}/2 E={:.3f}", isoLabel(t), "spdfghijklmnopq"[w.l], static_cast<int>(std::lround(2 * w.j)), ep));
    }
  }
  return pairs;
}

std::string HartreeFockResponse::description() const {
  const char* m = m_mode == ResponseMode::ChargedCurrentNu ? "CC nu" : m_mode == ResponseMode::ChargedCurrentNuBar ? "CC nubar" : "NC";
  return fmt::format("mean-field multipole response ({}), J <= {}, {} longitudinal vector current, shift {:.3f} MeV; field: {}",
                     m, m_cfg.maxJ, m_cfg.longitudinal == VectorLongitudinal::CVC ? "CVC" : "impulse", m_shift,
                     m_mf->description());
}

} // namespace lenu::inelastic
