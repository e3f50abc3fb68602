#include "lenu/generator/HauserFeshbach.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <tuple>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/generator/OpticalModel.hpp"
#include "lenu/generator/TabulatedSampler.hpp"
#include "lenu/generator/detail/LazyTable.hpp"

namespace lenu::generator {
namespace {
struct Ejectile {
  int pdg, z, a, twoS;
  LightIon ion;
};
/// n, p, d (1+), t (1/2+), 3He (1/2+), alpha (0+).
constexpr Ejectile kEjectiles[] = {{2112, 0, 1, 1, LightIon::Neutron},       {2212, 1, 1, 1, LightIon::Proton},
                                   {1000010020, 1, 2, 2, LightIon::Deuteron}, {1000010030, 1, 3, 1, LightIon::Triton},
                                   {1000020030, 2, 3, 1, LightIon::Helion},   {1000020040, 2, 4, 0, LightIon::Alpha}};
constexpr int kNumEjectiles = 6;

/// Triangle rule for 2J values.
bool triangle(int twoA, int twoB, int twoC) { return twoC >= std::abs(twoA - twoB) && twoC <= twoA + twoB; }

/// Gamma multipoles: electric?, L, parity change.
struct Multipole {
  Radiation type;
  int L;
  int parityChange;
};
constexpr Multipole kMultipoles[] = {{Radiation::Electric, 1, -1}, {Radiation::Magnetic, 1, 1}, {Radiation::Electric, 2, 1}};
} // namespace

struct HauserFeshbach::Impl {
  struct Channel {
    int ejectile = -1; ///< index into kEjectiles, -1 for gamma
    std::size_t residual = 0;
    double sep = 0.0;  ///< separation energy [MeV] (0 for gamma)
    double mass = 0.0; ///< ejectile mass [MeV]
  };
  struct Nucleus {
    HfNucleus in;
    double match = 0.0;
    std::size_t nDiscrete = 1; ///< levels with E <= match
    BackShiftedFermiGas ld;
    StandardLorentzian gsf;
    std::vector<Channel> channels;
  };
  /// A final group of one compound-state table: a discrete level or a continuum bin of a channel.
  struct Group {
    int channel;
    int level; ///< discrete level index, -1: continuum bin
    int bin;
    double cumulative;
  };
  struct Table {
    std::vector<Group> groups;
    std::vector<double> channelWidth;
  };
  HauserFeshbachConfig cfg;
  std::vector<Nucleus> nuclei;
  std::map<std::pair<int, int>, std::size_t> index;
  /// Tables built on first use, once each, thread-safe: T_lj per (ejectile, residual Z, A) and the
  /// compound-state tables per (nucleus, bin, 2J, parity).
  detail::LazyMap<std::tuple<int, int, int>, PartialWaveTable> pw;
  detail::LazyMap<std::tuple<std::size_t, int, int, int>, Table> tables;

  const Nucleus& nucleus(int Z, int A) const {
    auto it = index.find({Z, A});
    if (it == index.end()) {
      throw Error(ErrorCode::UnknownNuclide, fmt::format("HauserFeshbach: no nucleus Z = {}, A = {}", Z, A));
    }
    return nuclei[it->second];
  }
  int bin(const Nucleus& n, double ex) const {
    return static_cast<int>(std::floor((ex - n.match) / cfg.binWidth));
  }
  double centre(const Nucleus& n, int b) const { return n.match + (b + 0.5) * cfg.binWidth; }

  /// T_lj table of channel c, built on first use per (ejectile, residual) (detail::LazyMap).
  const PartialWaveTable& partialWaves(const Channel& c) const {
    const Nucleus& r = nuclei[c.residual];
    return pw.get(std::tuple{c.ejectile, r.in.Z, r.in.A}, [&] {
      return PartialWaveTable(OpticalModel(kEjectiles[c.ejectile].ion, r.in.Z, r.in.A, c.mass), cfg.tableMaxEnergy,
                              cfg.tableNodes, cfg.lMax);
    });
  }

  /// T_lj at eps into t[(2s+1) l + (2j - 2l + 2s)/2] (PartialWaveTable::index), from the tables.
  void transmissions(const PartialWaveTable* tab, double eps, std::vector<double>& t) const {
    t.assign(static_cast<std::size_t>((tab->twoS() + 1) * (cfg.lMax + 1)), 0.0);
    if (eps > 0.0) {
      tab->all(eps, t.data());
    }
  }

  /// Particle width factor sum_{j, l} T_lj for (J, pi) -> (J', pi') + ejectile of spin s:
  /// |J - J'| <= j <= J + J', |j - s| <= l <= j + s, pi = pi' (-1)^l.
  double particleWeight(int twoS, const std::vector<double>& t, int twoJ, int par, int twoJf, int parf) const {
    double w = 0.0;
    const int jmax = std::min(twoJ + twoJf, 2 * cfg.lMax + twoS);
    for (int twoj = std::abs(twoJ - twoJf); twoj <= jmax; twoj += 2) {
      for (int l = std::abs(twoj - twoS) / 2; l <= std::min((twoj + twoS) / 2, cfg.lMax); ++l) {
        if (par != parf * (l % 2 == 0 ? 1 : -1)) {
          continue;
        }
        w += t[static_cast<std::size_t>((twoS + 1) * l + (twoj - 2 * l + twoS) / 2)];
      }
    }
    return w;
  }

  double gammaWeight(const Nucleus& n, double eg, int twoJ, int par, int twoJf, int parf) const {
    double w = 0.0;
    for (const auto& m : kMultipoles) {
      if (parf == par * m.parityChange && triangle(twoJ, twoJf, 2 * m.L)) {
        w += n.gsf.transmission(m.type, m.L, eg);
      }
    }
    return w;
  }

  /// Continuum-bin weight: sum over J', pi' of width factor x rho(E', J', pi'); fills `per` if given.
  template <class F>
  double continuumWeight(const Nucleus& r, double eMid, F&& factor, std::vector<double>* per) const {
    double sum = 0.0;
    if (per) {
      per->clear();
    }
    const double rhoHalf = 0.5 * r.ld.total(eMid), s2 = r.ld.sigma2(eMid);
    for (int twoJf = r.in.A % 2; twoJf <= cfg.maxTwoJ; twoJf += 2) {
      const double jh = 0.5 * (twoJf + 1); // rho(E', J', pi') = rho/2 (2J'+1)/(2 sigma^2) exp(-(J'+1/2)^2 / (2 sigma^2))
      const double rho = rhoHalf * (twoJf + 1.0) / (2.0 * s2) * std::exp(-jh * jh / (2.0 * s2));
      for (int parf : {1, -1}) {
        const double w = factor(twoJf, parf) * rho;
        sum += w;
        if (per) {
          per->push_back(w);
        }
      }
    }
    return sum;
  }

  const Table& table(std::size_t ni, int b, int twoJ, int par) const {
    return tables.get(std::tuple{ni, b, twoJ, par}, [&] { return buildTable(ni, b, twoJ, par); });
  }

  Table buildTable(std::size_t ni, int b, int twoJ, int par) const {
    const Nucleus& n = nuclei[ni];
    const double e = centre(n, b);
    Table tab;
    tab.channelWidth.assign(n.channels.size(), 0.0);
    double cum = 0.0;
    std::vector<double> t;
    for (std::size_t ci = 0; ci < n.channels.size(); ++ci) {
      const Channel& c = n.channels[ci];
      const Nucleus& r = nuclei[c.residual];
      const double emax = e - c.sep; // highest residual excitation
      if (emax <= 0.0) {
        continue;
      }
      const PartialWaveTable* pwt = c.ejectile >= 0 ? &partialWaves(c) : nullptr;
      const int twoS = c.ejectile >= 0 ? kEjectiles[c.ejectile].twoS : 0;
      auto add = [&](int level, int bn, double w) {
        if (w > 0.0) {
          cum += w;
          tab.channelWidth[ci] += w;
          tab.groups.push_back({static_cast<int>(ci), level, bn, cum});
        }
      };
      // discrete levels below the matching energy
      for (std::size_t li = 0; li < r.nDiscrete; ++li) {
        const DiscreteState& lv = r.in.levels[li];
        if (lv.energy >= emax) {
          break;
        }
        double w = 0.0;
        if (c.ejectile < 0) {
          w = gammaWeight(n, e - lv.energy, twoJ, par, lv.twoJ, lv.parity);
        } else {
          transmissions(pwt, emax - lv.energy, t);
          w = particleWeight(twoS, t, twoJ, par, lv.twoJ, lv.parity);
        }
        add(static_cast<int>(li), -1, w);
      }
      // continuum bins of the residual
      for (int k = 0;; ++k) {
        const double lo = r.match + k * cfg.binWidth;
        const double hi = std::min(lo + cfg.binWidth, emax);
        if (lo >= emax) {
          break;
        }
        const double mid = 0.5 * (lo + hi);
        double w = 0.0;
        if (c.ejectile < 0) {
          w = continuumWeight(r, mid, [&](int tj, int pf) { return gammaWeight(n, e - mid, twoJ, par, tj, pf); }, nullptr);
        } else {
          transmissions(pwt, emax - mid, t);
          w = continuumWeight(r, mid, [&](int tj, int pf) { return particleWeight(twoS, t, twoJ, par, tj, pf); }, nullptr);
        }
        add(-1, k, w * (hi - lo));
      }
    }
    return tab;
  }
};

HauserFeshbach::HauserFeshbach(std::vector<HfNucleus> in, EjectileMasses ejectiles, HauserFeshbachConfig cfg)
    : m(std::make_unique<Impl>()) {
  require(cfg.binWidth > 0.0 && cfg.maxTwoJ >= 1 && cfg.lMax >= 0 && cfg.tableMaxEnergy > 0.0 &&
              cfg.tableMaxEnergy <= 200.0 && cfg.tableNodes >= 3,
          "HauserFeshbachConfig: need binWidth > 0 MeV, maxTwoJ >= 1, lMax >= 0, 0 < tableMaxEnergy <= 200 MeV, "
          "tableNodes >= 3");
  m->cfg = cfg;
  auto massOf = [&](int Z, int A) -> std::optional<double> {
    for (const auto& n : in) {
      if (n.Z == Z && n.A == A) {
        return n.mass;
      }
    }
    return std::nullopt;
  };
  for (auto& n : in) {
    require(n.mass > 0.0 && !n.levels.empty() && n.Z >= 1 && n.Z < n.A,
            fmt::format("HauserFeshbach: nucleus Z = {}, A = {} needs a mass and a ground state", n.Z, n.A));
    m->index[{n.Z, n.A}] = m->nuclei.size();
    m->nuclei.push_back({n, 0.0, 1, BackShiftedFermiGas::vonEgidyBucurescu(n.Z, n.A, massOf), StandardLorentzian(n.Z, n.A), {}});
  }
  const double ejectileMass[kNumEjectiles] = {constants::kMassNeutron, constants::kMassProton, ejectiles.deuteron,
                                              ejectiles.triton,        ejectiles.helion,       ejectiles.alpha};
  for (auto& n : m->nuclei) {
    double match = n.in.levels.back().energy;
    for (int e = 0; e < kNumEjectiles; ++e) {
      const Ejectile& ej = kEjectiles[e];
      const auto it = m->index.find({n.in.Z - ej.z, n.in.A - ej.a});
      const double mEj = ejectileMass[e];
      if (it == m->index.end() || !(mEj > 0.0) || n.in.A - ej.a < 4) {
        continue;
      }
      const Impl::Nucleus& d = m->nuclei[it->second];
      Impl::Channel c;
      c.ejectile = e;
      c.residual = it->second;
      c.sep = d.in.mass + mEj - n.in.mass;
      c.mass = mEj;
      if (ej.a == 1) {
        match = std::min(match, c.sep); // nucleon thresholds (composite ejectiles: see header)
      }
      n.channels.push_back(c);
    }
    Impl::Channel g;
    g.residual = m->index[{n.in.Z, n.in.A}];
    n.channels.push_back(g);
    n.match = std::max(match, 0.0);
    n.nDiscrete = 0;
    while (n.nDiscrete < n.in.levels.size() && n.in.levels[n.nDiscrete].energy <= n.match) {
      ++n.nDiscrete;
    }
  }
}

HauserFeshbach::~HauserFeshbach() = default;

bool HauserFeshbach::known(int Z, int A) const { return m->index.contains({Z, A}); }
double HauserFeshbach::matchingEnergy(int Z, int A) const { return m->nucleus(Z, A).match; }
const BackShiftedFermiGas& HauserFeshbach::levelDensity(int Z, int A) const { return m->nucleus(Z, A).ld; }
const StandardLorentzian& HauserFeshbach::gammaStrength(int Z, int A) const { return m->nucleus(Z, A).gsf; }
double HauserFeshbach::binCentre(int Z, int A, double ex) const {
  const auto& n = m->nucleus(Z, A);
  return m->centre(n, m->bin(n, ex));
}

std::pair<int, int> HauserFeshbach::sampleSpin(int Z, int A, double ex, Engine& engine) const {
  const auto& n = m->nucleus(Z, A);
  std::vector<double> w;
  for (int tj = A % 2; tj <= m->cfg.maxTwoJ; tj += 2) {
    w.push_back(n.ld.spinFactor(ex, tj));
  }
  const auto k = static_cast<int>(DiscreteSampler(w).sample(engine));
  return {A % 2 + 2 * k, uniform(engine) < 0.5 ? 1 : -1};
}

std::vector<HauserFeshbach::ChannelWidth> HauserFeshbach::widths(int Z, int A, double ex, int twoJ, int parity) const {
  const auto& n = m->nucleus(Z, A);
  const std::size_t ni = m->index.at({Z, A});
  const auto& tab = m->table(ni, m->bin(n, ex), twoJ, parity);
  std::vector<ChannelWidth> out;
  for (std::size_t c = 0; c < n.channels.size(); ++c) {
    if (tab.channelWidth[c] > 0.0) {
      out.push_back({n.channels[c].ejectile < 0 ? 22 : kEjectiles[n.channels[c].ejectile].pdg, tab.channelWidth[c]});
    }
  }
  return out;
}

double HauserFeshbach::separationEnergy(int Z, int A, int pdg) const {
  const auto& n = m->nucleus(Z, A);
  for (const auto& c : n.channels) {
    if (c.ejectile >= 0 && kEjectiles[c.ejectile].pdg == pdg) {
      return c.sep;
    }
  }
  throw Error(ErrorCode::InvalidArgument, fmt::format("HauserFeshbach: no channel with ejectile {} from Z = {}, A = {}", pdg, Z, A));
}

std::optional<HauserFeshbach::Transition> HauserFeshbach::sample(int Z, int A, double ex, int twoJ, int parity,
                                                                Engine& engine) const {
  const auto& n = m->nucleus(Z, A);
  const std::size_t ni = m->index.at({Z, A});
  require(ex > n.match, fmt::format("HauserFeshbach::sample: Ex = {} MeV of Z = {}, A = {} is below the matching "
                                    "energy {} MeV",
                                    ex, Z, A, n.match));
  const int b = m->bin(n, ex);
  const auto& tab = m->table(ni, b, twoJ, parity);
  if (tab.groups.empty()) {
    return std::nullopt;
  }
  const double e = m->centre(n, b);
  std::vector<double> t, per;
  for (int attempt = 0; attempt < 64; ++attempt) {
    const double u = uniform(engine) * tab.groups.back().cumulative;
    const auto it = std::upper_bound(tab.groups.begin(), tab.groups.end(), u,
                                     [](double x, const Impl::Group& g) { return x < g.cumulative; });
    const Impl::Group& g = it == tab.groups.end() ? tab.groups.back() : *it;
    const Impl::Channel& c = n.channels[static_cast<std::size_t>(g.channel)];
    const Impl::Nucleus& r = m->nuclei[c.residual];
    const double emaxActual = ex - c.sep;
    Transition tr;
    tr.Z = r.in.Z;
    tr.A = r.in.A;
    tr.pdg = c.ejectile < 0 ? 22 : kEjectiles[c.ejectile].pdg;
    const int twoS = c.ejectile >= 0 ? kEjectiles[c.ejectile].twoS : 0;
    const PartialWaveTable* pwt = c.ejectile >= 0 ? &m->partialWaves(c) : nullptr;
    if (g.level >= 0) {
      const DiscreteState& lv = r.in.levels[static_cast<std::size_t>(g.level)];
      if (lv.energy >= emaxActual) {
        continue; // closed at the actual energy (bin-centre table): draw again
      }
      tr.excitation = lv.energy;
      tr.twoJ = lv.twoJ;
      tr.parity = lv.parity;
      tr.level = g.level;
    } else {
      const double lo = r.match + g.bin * m->cfg.binWidth;
      const double hiTab = std::min(lo + m->cfg.binWidth, e - c.sep);
      const double hi = std::min(lo + m->cfg.binWidth, emaxActual);
      if (hi <= lo) {
        continue;
      }
      const double mid = 0.5 * (lo + hiTab);
      // J', pi' in the bin, with the table's weights
      if (c.ejectile < 0) {
        m->continuumWeight(r, mid, [&](int tj, int pf) { return m->gammaWeight(n, e - mid, twoJ, parity, tj, pf); }, &per);
      } else {
        m->transmissions(pwt, e - c.sep - mid, t);
        m->continuumWeight(r, mid, [&](int tj, int pf) { return m->particleWeight(twoS, t, twoJ, parity, tj, pf); }, &per);
      }
      const auto k = static_cast<int>(DiscreteSampler(per).sample(engine));
      tr.twoJ = r.in.A % 2 + 2 * (k / 2);
      tr.parity = k % 2 == 0 ? 1 : -1;
      tr.excitation = lo + (hi - lo) * uniform(engine);
    }
    // l, j (particle) or XL (gamma) at the actual energy
    std::vector<double> w;
    std::vector<std::pair<int, int>> lj;
    if (c.ejectile < 0) {
      const double eg = ex - tr.excitation;
      for (std::size_t q = 0; q < 3; ++q) {
        const auto& mp = kMultipoles[q];
        if (tr.parity == parity * mp.parityChange && triangle(twoJ, tr.twoJ, 2 * mp.L)) {
          w.push_back(n.gsf.transmission(mp.type, mp.L, eg));
          lj.emplace_back(mp.L, static_cast<int>(q));
        }
      }
    } else {
      m->transmissions(pwt, emaxActual - tr.excitation, t);
      const int jmax = std::min(twoJ + tr.twoJ, 2 * m->cfg.lMax + twoS);
      for (int twoj = std::abs(twoJ - tr.twoJ); twoj <= jmax; twoj += 2) {
        for (int l = std::abs(twoj - twoS) / 2; l <= std::min((twoj + twoS) / 2, m->cfg.lMax); ++l) {
          if (parity != tr.parity * (l % 2 == 0 ? 1 : -1)) {
            continue;
          }
          w.push_back(t[pwt->index(l, twoj)]);
          lj.emplace_back(l, twoj);
        }
      }
    }
    double sw = 0.0;
    for (double x : w) {
      sw += x;
    }
    if (!(sw > 0.0)) {
      continue; // closed at the actual energy
    }
    const auto q = DiscreteSampler(w).sample(engine);
    tr.l = lj[q].first;
    if (c.ejectile < 0) {
      tr.electric = kMultipoles[lj[q].second].type == Radiation::Electric;
      tr.twoj = 0;
    } else {
      tr.twoj = lj[q].second;
    }
    return tr;
  }
  return std::nullopt;
}

} // namespace lenu::generator
