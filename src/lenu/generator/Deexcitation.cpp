#include "lenu/generator/Deexcitation.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/generator/TabulatedSampler.hpp"

namespace lenu::generator {

std::size_t LevelScheme::levelAt(double energy, double tolerance) const {
  std::size_t best = 0;
  for (std::size_t i = 0; i < levels.size(); ++i) {
    if (std::abs(levels[i].energy - energy) <= tolerance) {
      return i;
    }
    if (levels[i].energy <= energy) {
      best = i;
    }
  }
  return best;
}

std::vector<LevelScheme> readLevelSchemes(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) {
    throw Error(ErrorCode::IoError, fmt::format("cannot read level file {}", path.string()));
  }
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) {
    const auto hash = l.find('#');
    if (hash != std::string::npos) {
      l.erase(hash);
    }
    if (l.find_first_not_of(" \t\r") != std::string::npos) {
      lines.push_back(l);
    }
  }
  std::vector<LevelScheme> out;
  std::size_t i = 0;
  auto bad = [&](std::size_t k) {
    return Error(ErrorCode::ConfigError, fmt::format("{}: malformed line '{}'", path.string(), k < lines.size() ? lines[k] : ""));
  };
  while (i < lines.size()) {
    std::istringstream h(lines[i]);
    LevelScheme s;
    std::size_t n = 0;
    if (!(h >> s.Z >> s.A >> n)) {
      throw bad(i);
    }
    ++i;
    for (std::size_t k = 0; k < n; ++k) {
      if (i >= lines.size()) {
        throw bad(i);
      }
      std::istringstream ls(lines[i]);
      Level lv;
      std::string par;
      std::size_t ng = 0;
      if (!(ls >> lv.energy >> lv.twoJ >> par >> ng)) {
        throw bad(i);
      }
      // half-life column: T1/2 [s], "?" (unknown: prompt), "gs" (ground state); absent = unknown
      std::string half;
      if (ls >> half && half != "?" && half != "gs") {
        std::size_t used = 0;
        double t = -1.0;
        try {
          t = std::stod(half, &used);
        } catch (const std::exception&) {
          used = 0;
        }
        if (used != half.size() || !(t > 0.0) || !std::isfinite(t)) {
          throw Error(ErrorCode::ConfigError, fmt::format("{}: bad half-life '{}' (seconds > 0, '?' or 'gs') in line '{}'",
                                                          path.string(), half, lines[i]));
        }
        lv.halfLife = t * units::s;
        lv.lifetime = lv.halfLife / std::log(2.0); // tau = T1/2 / ln 2
      }
      lv.parity = par == "-" ? -1 : 1;
      ++i;
      double sum = 0.0;
      for (std::size_t g = 0; g < ng; ++g) {
        if (i >= lines.size()) {
          throw bad(i);
        }
        std::istringstream gs(lines[i]);
        double eg = 0.0;
        GammaBranch b;
        if (!(gs >> eg >> b.ratio >> b.finalLevel) || b.finalLevel >= k) {
          throw bad(i);
        }
        sum += b.ratio;
        lv.gammas.push_back(b);
        ++i;
      }
      for (auto& b : lv.gammas) {
        b.ratio /= sum;
      }
      if (k > 0 && lv.gammas.empty()) {
        throw Error(ErrorCode::ConfigError,
                    fmt::format("{}: level {} MeV of Z = {}, A = {} has no gamma branch", path.string(), lv.energy, s.Z, s.A));
      }
      s.levels.push_back(std::move(lv));
    }
    out.push_back(std::move(s));
  }
  return out;
}

namespace {
struct Ejectile {
  int pdg, z, a, twoS;
  const char* name;
};
/// n, p, d (1+), t (1/2+), 3He (1/2+), alpha (0+).
constexpr Ejectile kEjectiles[] = {{2112, 0, 1, 1, "n"},         {2212, 1, 1, 1, "p"},         {1000010020, 1, 2, 2, "d"},
                                   {1000010030, 1, 3, 1, "t"}, {1000020030, 2, 3, 1, "3He"}, {1000020040, 2, 4, 0, "alpha"}};
// Largest 2 pi eta of a prompt ground-state breakup: exp(-25) ~ 1.4e-11; with an assault
// frequency ~1e21-1e22 /s the lifetime is below ~1e-10 s, prompt on detector time scales (a model
// choice of lenu, stated in docs/generator.md).
constexpr double kMaxGamow = 25.0;
} // namespace

std::pair<FourMomentum, FourMomentum> twoBodyDecay(const FourMomentum& P, double M, double m1, double m2, Engine& engine) {
  const double pStar = std::sqrt(std::max(0.0, (M - (m1 + m2)) * (M + (m1 + m2)) * (M - (m1 - m2)) * (M + (m1 - m2)))) / (2.0 * M);
  const double c = 2.0 * uniform(engine) - 1.0;
  const double phi = 2.0 * constants::kPi * uniform(engine);
  const double s = std::sqrt(std::max(0.0, 1.0 - c * c));
  const double nx = s * std::cos(phi), ny = s * std::sin(phi), nz = c;
  const double e1 = std::sqrt(pStar * pStar + m1 * m1);
  // boost (e1, pStar n) by the parent velocity beta = P/E
  const double bx = P.px / P.e, by = P.py / P.e, bz = P.pz / P.e;
  const double b2 = bx * bx + by * by + bz * bz;
  const double gamma = P.e / M;
  const double bp = (bx * nx + by * ny + bz * nz) * pStar;
  const double g2 = b2 > 0.0 ? (gamma - 1.0) / b2 : 0.0;
  FourMomentum d1{pStar * nx + g2 * bp * bx + gamma * bx * e1, pStar * ny + g2 * bp * by + gamma * by * e1,
                  pStar * nz + g2 * bp * bz + gamma * bz * e1, gamma * (e1 + bp)};
  d1.e = std::sqrt(d1.p2() + m1 * m1); // light particle exactly on shell
  // the heavy daughter closes the energy-momentum balance
  const FourMomentum d2{P.px - d1.px, P.py - d1.py, P.pz - d1.pz, P.e - d1.e};
  return {d1, d2};
}

Deexcitation::Deexcitation(std::vector<LevelScheme> schemes, std::map<std::pair<int, int>, double> groundMasses,
                           EvaporationConfig cfg, std::map<std::pair<int, int>, std::pair<int, int>> groundSpins,
                           std::shared_ptr<Diagnostics> diagnostics)
    : m_masses(std::move(groundMasses)), m_cfg(cfg),
      m_diagnostics(diagnostics ? std::move(diagnostics) : std::make_shared<Diagnostics>()) {
  for (auto& s : schemes) {
    if (!(s.groundMass > 0.0) || s.levels.empty()) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("Deexcitation: scheme Z = {}, A = {} needs a ground mass and levels", s.Z, s.A));
    }
    m_masses[{s.Z, s.A}] = s.groundMass;
    m_schemes[{s.Z, s.A}] = std::move(s);
  }
  if (!(m_cfg.levelDensityDivisor > 0.0) || !(m_cfg.radiusParameter > 0.0) || m_cfg.energyNodes < 3) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("EvaporationConfig: levelDensityDivisor = {} and radiusParameter = {} fm must be > 0, "
                            "energyNodes = {} >= 3",
                            m_cfg.levelDensityDivisor, m_cfg.radiusParameter, m_cfg.energyNodes));
  }
  if (m_cfg.hauserFeshbach) {
    std::vector<HfNucleus> nuclei;
    for (const auto& [za, mass] : m_masses) {
      const auto [Z, A] = za;
      if (Z < 1 || A < 6 || Z >= A) {
        continue; // ejectiles and the lightest nuclei are not compound nuclei here
      }
      HfNucleus n{Z, A, mass, {}};
      if (const LevelScheme* s = scheme(Z, A)) {
        for (const auto& lv : s->levels) {
          n.levels.push_back({lv.energy, lv.twoJ, lv.parity});
        }
      } else if (auto it = groundSpins.find(za); it != groundSpins.end()) {
        n.levels.push_back({0.0, it->second.first, it->second.second});
      } else {
        n.levels.push_back({0.0, (Z % 2 == 0 && A % 2 == 0) ? 0 : A % 2, 1}); // assumption (header)
      }
      nuclei.push_back(std::move(n));
    }
    EjectileMasses ej;
    ej.deuteron = groundMass(1, 2).value_or(0.0);
    ej.triton = groundMass(1, 3).value_or(0.0);
    ej.helion = groundMass(2, 3).value_or(0.0);
    ej.alpha = groundMass(2, 4).value_or(0.0);
    m_hf = std::make_shared<const HauserFeshbach>(std::move(nuclei), ej, m_cfg.hf);
  }
  if (m_cfg.opticalModelNucleons && !m_cfg.hauserFeshbach) {
    // one optical-model table per (ejectile, daughter) whose parent, daughter and ejectile masses are
    // known (n, p always; d, t, 3He, alpha where their masses are)
    const std::vector<std::pair<LightIon, std::optional<double>>> ions = {
        {LightIon::Neutron, constants::kMassNeutron}, {LightIon::Proton, constants::kMassProton},
        {LightIon::Deuteron, groundMass(1, 2)},       {LightIon::Triton, groundMass(1, 3)},
        {LightIon::Helion, groundMass(2, 3)},         {LightIon::Alpha, groundMass(2, 4)}};
    for (const auto& [za, mass] : m_masses) {
      for (const auto& [ion, mIon] : ions) {
        const LightIonInfo info = lightIonInfo(ion);
        const int zd = za.first - info.z, ad = za.second - info.a;
        const auto key = std::tuple{info.z, info.a, zd, ad};
        if (!mIon || ad < 4 || zd < 1 || zd > ad || !m_masses.contains({zd, ad}) || m_inverse.contains(key)) {
          continue;
        }
        auto li = std::make_shared<LazyInverse>(); // tabulated on first use (inverse())
        li->ion = ion;
        li->zd = zd;
        li->ad = ad;
        li->mIon = *mIon;
        m_inverse.emplace(key, std::move(li));
      }
    }
  }
  // prompt breakup channels of particle-unbound ground states (breakUp): per nucleus the two-body
  // channel of largest positive ground-state Q whose Gamow factor exp(-2 pi eta), eta = Z1 Z2 alpha
  // sqrt(mu / 2Q) (Sommerfeld parameter), exceeds e^-kMaxGamow (8Be -> 2 alpha: 2 pi eta = 18.5;
  // 208Pb -> alpha + 204Hg, Q = 0.5 MeV: ~430, stable)
  for (const auto& [za, m0] : m_masses) {
    const auto [Z, A] = za;
    double bestQ = 0.0;
    for (const auto& e : kEjectiles) {
      const int zd = Z - e.z, ad = A - e.a;
      const auto md = groundMass(zd, ad);
      if (ad < 2 || zd < 0 || zd > ad || !md || (e.a > 1 && !groundMass(e.z, e.a))) {
        continue;
      }
      const double me = ejectileMass(e.pdg);
      const double q = m0 - me - *md;
      if (!(q > bestQ)) {
        continue;
      }
      const double mu = me * *md / (me + *md);
      if (2.0 * constants::kPi * e.z * zd * constants::kAlpha * std::sqrt(mu / (2.0 * q)) <= kMaxGamow) {
        m_breakups[za] = {e.pdg, e.z, e.a, me, *md};
        bestQ = q;
      }
    }
  }
  // channels the model computes for a parent but cannot here, for lack of a mass (reported once,
  // when that parent first decays): Hauser-Feshbach takes residuals with A >= 4 (HauserFeshbach.cpp),
  // Weisskopf-Ewing any residual with Z, A >= 1
  for (const auto& [za, mass] : m_masses) {
    const auto [Z, A] = za;
    if (Z < 1 || Z >= A || (m_cfg.hauserFeshbach && A < 6)) {
      continue; // not a decaying compound nucleus of the model
    }
    auto missing = std::make_shared<MissingChannels>();
    for (const auto& e : kEjectiles) {
      const int zd = Z - e.z, ad = A - e.a;
      if (zd < 1 || ad < (m_cfg.hauserFeshbach ? 4 : 1)) {
        continue;
      }
      const bool haveEj = e.a == 1 || groundMass(e.z, e.a).has_value();
      const bool haveD = groundMass(zd, ad).has_value();
      if (haveEj && haveD) {
        continue;
      }
      std::string what = !haveD ? fmt::format("the residual Z = {}, A = {}", zd, ad) : std::string();
      if (!haveEj) {
        what += fmt::format("{}the ejectile {}", what.empty() ? "" : " and ", e.name);
      }
      missing->warnings.emplace_back(
          fmt::format("deexcitation.missing-mass.{}.{}.{}", Z, A, e.pdg),
          fmt::format("de-excitation: channel Z = {}, A = {} -> {} + (Z = {}, A = {}) not computed: no ground-state mass "
                      "for {} (add its AME2020 mass to data/deexcitation/evaporation_masses.csv)",
                      Z, A, e.name, zd, ad, what));
    }
    if (!missing->warnings.empty()) {
      m_missing.emplace(za, std::move(missing));
    }
  }
}

void Deexcitation::reportMissingChannels(int Z, int A) const {
  const auto it = m_missing.find({Z, A});
  if (it == m_missing.end()) {
    return;
  }
  MissingChannels& mc = *it->second;
  std::call_once(mc.reported, [&] {
    for (const auto& [key, message] : mc.warnings) {
      m_diagnostics->warnOnce(key, message);
    }
  });
}

const InverseCrossSection& Deexcitation::inverse(const LazyInverse& li) const {
  return li.table.get([&] {
    return InverseCrossSection(OpticalModel(li.ion, li.zd, li.ad, li.mIon), m_cfg.inverseTableMaxEnergy,
                               m_cfg.inverseTableNodes);
  });
}

const LevelScheme* Deexcitation::scheme(int Z, int A) const {
  auto it = m_schemes.find({Z, A});
  return it == m_schemes.end() ? nullptr : &it->second;
}

std::optional<double> Deexcitation::groundMass(int Z, int A) const {
  auto it = m_masses.find({Z, A});
  if (it == m_masses.end()) {
    return std::nullopt;
  }
  return it->second;
}

double Deexcitation::levelDensity(int Z, int A, double energy) const {
  // back-shifted Fermi gas, rho ~ exp(2 sqrt(a U)) / U^(5/4), U = E - Delta (constant factors dropped:
  // only ratios at fixed daughter enter); U is regularised as U + 1 MeV below 1 MeV (lenu choice).
  const double a = static_cast<double>(A) / m_cfg.levelDensityDivisor;
  const int N = A - Z;
  const double delta = (Z % 2 == 0 && N % 2 == 0)   ? m_cfg.pairingCoefficient / std::sqrt(static_cast<double>(A))
                       : (Z % 2 == 1 && N % 2 == 1) ? -m_cfg.pairingCoefficient / std::sqrt(static_cast<double>(A))
                                                    : 0.0;
  const double u = std::max(energy - delta, 0.0);
  return std::exp(2.0 * std::sqrt(a * u)) / std::pow(u + 1.0, 1.25);
}


double Deexcitation::ejectileMass(int pdg) const {
  if (pdg == 22) {
    return 0.0;
  }
  if (pdg == 2112) {
    return constants::kMassNeutron;
  }
  if (pdg == 2212) {
    return constants::kMassProton;
  }
  const auto m = groundMass((pdg / 10000) % 1000, (pdg / 10) % 1000);
  if (!m) {
    throw Error(ErrorCode::UnknownNuclide, fmt::format("Deexcitation: no mass for ejectile {}", pdg));
  }
  return *m;
}

void Deexcitation::openChannels(int Z, int A, double U, std::vector<OpenChannel>& open,
                                std::vector<double>& weights) const {
  const auto m0 = groundMass(Z, A);
  if (!m0) {
    return;
  }
  for (const auto& e : kEjectiles) {
    const int zd = Z - e.z, ad = A - e.a;
    if (zd < 1 || ad < 1) {
      continue;
    }
    const auto md = groundMass(zd, ad);
    const auto mEj = e.pdg == 2112 ? std::optional<double>(constants::kMassNeutron)
                     : e.pdg == 2212 ? std::optional<double>(constants::kMassProton)
                                     : groundMass(e.z, e.a);
    if (!md || !mEj) {
      continue;
    }
    const double sep = *md + *mEj - *m0; // separation energy
    const double r = m_cfg.radiusParameter * (std::cbrt(static_cast<double>(ad)) + std::cbrt(static_cast<double>(e.a)));
    const double barrier = e.z == 0 ? 0.0 : e.z * zd * constants::kAlpha * constants::kHbarC / r;
    const double epsMax = U - sep;
    const auto om = m_inverse.find({e.z, e.a, zd, ad});
    const bool useOm = om != m_inverse.end();
    if (epsMax <= 0.0 || (epsMax <= barrier && !useOm)) {
      continue;
    }
    const InverseCrossSection* sigmaR = useOm ? &inverse(*om->second) : nullptr; // built on first use
    // Weisskopf-Ewing: Gamma_c(eps) ~ (2s+1) mu eps sigma_inv(eps) rho_d(U - S - eps), sharp-cutoff
    // sigma_inv = pi R^2 (1 - V/eps) above the barrier V
    const double mu = *mEj * *md / (*mEj + *md);
    // optical model: the Coulomb barrier is inside sigma_R, the spectrum starts at eps = 0
    const double eps0 = useOm ? 0.0 : barrier;
    std::vector<double> x(m_cfg.energyNodes), w(m_cfg.energyNodes);
    for (std::size_t k = 0; k < x.size(); ++k) {
      x[k] = eps0 + (epsMax - eps0) * static_cast<double>(k) / static_cast<double>(x.size() - 1);
      const double sig = useOm ? (*sigmaR)(x[k]) : (x[k] > 0.0 ? std::max(0.0, 1.0 - barrier / x[k]) * M_PI * r * r : 0.0);
      w[k] = (e.twoS + 1) * mu * x[k] * sig * levelDensity(zd, ad, epsMax - x[k]);
    }
    double integral = 0.0;
    for (std::size_t k = 1; k < x.size(); ++k) {
      integral += 0.5 * (w[k] + w[k - 1]) * (x[k] - x[k - 1]);
    }
    if (integral > 0.0) {
      open.push_back({e.pdg, e.z, e.a, *mEj, *md, sep, TabulatedSampler(std::move(x), std::move(w))});
      weights.push_back(integral);
    }
  }
}

std::vector<Deexcitation::ChannelWidth> Deexcitation::evaporationWidths(int Z, int A, double excitation) const {
  std::vector<OpenChannel> open;
  std::vector<double> weights;
  openChannels(Z, A, excitation, open, weights);
  std::vector<ChannelWidth> out;
  for (std::size_t i = 0; i < open.size(); ++i) {
    out.push_back({open[i].pdg, weights[i]});
  }
  return out;
}

bool Deexcitation::evaporate(std::size_t& cur, Engine& engine, Event& ev) const {
  const Particle& parent = ev.particles[cur];
  const int Z = (parent.pdg / 10000) % 1000, A = (parent.pdg / 10) % 1000;
  const auto m0 = groundMass(Z, A);
  if (!m0) {
    return false;
  }
  reportMissingChannels(Z, A);
  const double U = parent.mass - *m0;
  std::vector<OpenChannel> open;
  std::vector<double> weights;
  openChannels(Z, A, U, open, weights);
  if (open.empty()) {
    return false;
  }
  const OpenChannel& o = open[DiscreteSampler(weights).sample(engine)];
  const double eps = o.eps.sample(engine);
  const double exD = std::max(0.0, U - o.sep - eps);
  cur = emitPair(cur, o.pdg, o.mEj, nucleusPdg(Z - o.z, A - o.a), o.mD + exD, parent.time, engine, ev);
  return true;
}

void Deexcitation::decay(std::size_t index, Engine& engine, Event& ev) const {
  std::size_t cur = index;
  // A prompt breakup into a daughter with A < 6 (8Be -> 2 alpha) is outside Hauser-Feshbach (its
  // residuals have A >= 6): it happens at once, from the excitation reached.
  if (breakUp(cur, engine, ev, true)) {
    return;
  }
  if (m_hf) {
    statisticalDecay(cur, engine, ev);
  } else {
    // particle evaporation while it is open, then gammas
    for (int step = 0; step < 64 && !breakUp(cur, engine, ev, true) && evaporate(cur, engine, ev); ++step) {
    }
  }
  if (breakUp(cur, engine, ev, false)) {
    return;
  }
  cascade(cur, engine, ev);
}

std::size_t Deexcitation::emitPair(std::size_t cur, int pdg1, double m1, int pdg2, double m2, double time, Engine& engine,
                                   Event& ev) const {
  const FourMomentum p = ev.particles[cur].p;
  auto [p1, p2] = twoBodyDecay(p, ev.particles[cur].mass, m1, m2, engine);
  const int v = static_cast<int>(ev.vertices.size());
  ev.vertices.push_back({kVertexDeexcitation});
  ev.particles[cur].status = kStatusDecayed;
  ev.particles[cur].end = v;
  ev.particles.push_back({pdg1, kStatusFinal, p1, m1, v, -1, time});
  ev.particles.push_back({pdg2, kStatusFinal, p2, m2, v, -1, time});
  return ev.particles.size() - 1;
}

bool Deexcitation::breakUp(std::size_t& cur, Engine& engine, Event& ev, bool lightOnly) const {
  bool any = false;
  for (int step = 0; step < 8; ++step) {
    const Particle parent = ev.particles[cur];
    if (parent.pdg < 1000000000) {
      return any;
    }
    const int Z = (parent.pdg / 10000) % 1000, A = (parent.pdg / 10) % 1000;
    const auto it = m_breakups.find({Z, A});
    if (it == m_breakups.end() || (lightOnly && !any && A - it->second.a >= 6)) {
      return any;
    }
    const Breakup& b = it->second;
    cur = emitPair(cur, b.pdg, b.mEj, nucleusPdg(Z - b.z, A - b.a), b.mD, parent.time, engine, ev);
    any = true;
  }
  return any;
}

void Deexcitation::statisticalDecay(std::size_t& cur, Engine& engine, Event& ev) const {
  std::optional<std::pair<int, int>> spin; // (2J, parity) of the current state once known
  for (int step = 0; step < 256; ++step) {
    if (breakUp(cur, engine, ev, true)) {
      return; // e.g. 8Be* from 12C* -> alpha + 8Be*: straight into two alphas
    }
    const Particle parent = ev.particles[cur];
    const int Z = (parent.pdg / 10000) % 1000, A = (parent.pdg / 10) % 1000;
    const auto m0 = groundMass(Z, A);
    if (parent.pdg < 1000000000 || !m0 || !m_hf->known(Z, A)) {
      return;
    }
    reportMissingChannels(Z, A);
    const double ex = parent.mass - *m0;
    if (ex <= m_hf->matchingEnergy(Z, A) + 1e-9) {
      return; // discrete region: the level file takes over
    }
    if (!spin) {
      const LevelScheme* s = scheme(Z, A);
      const std::size_t li = s ? s->levelAt(ex) : 0;
      if (s && std::abs(s->levels[li].energy - ex) <= 1e-3) {
        spin = std::pair{s->levels[li].twoJ, s->levels[li].parity}; // a tabulated level above E_m
      } else {
        spin = m_hf->sampleSpin(Z, A, ex, engine); // continuum state of unknown spin
      }
    }
    const auto tr = m_hf->sample(Z, A, ex, spin->first, spin->second, engine);
    if (!tr) {
      return; // no open channel: the cascade emits one gamma to the level below
    }
    const double mD = *groundMass(tr->Z, tr->A) + tr->excitation;
    cur = emitPair(cur, tr->pdg, ejectileMass(tr->pdg), nucleusPdg(tr->Z, tr->A), mD, parent.time, engine, ev);
    spin = std::pair{tr->twoJ, tr->parity};
  }
}

void Deexcitation::cascade(std::size_t cur, Engine& engine, Event& ev) const {
  const int pdg = ev.particles[cur].pdg;
  if (pdg == 2112 || pdg == 2212) {
    return;
  }
  const int Z = (pdg / 10000) % 1000, A = (pdg / 10) % 1000;
  const auto m0 = groundMass(Z, A);
  if (!m0) {
    return; // unknown nucleus: left as produced
  }
  const LevelScheme* s = scheme(Z, A);
  double t = ev.particles[cur].time;
  auto emit = [&](double newEx) {
    Particle parent = ev.particles[cur];
    const double mDaughter = *m0 + newEx;
    auto [g, d] = twoBodyDecay(parent.p, parent.mass, 0.0, mDaughter, engine);
    const int v = static_cast<int>(ev.vertices.size());
    ev.vertices.push_back({kVertexDeexcitation});
    ev.particles[cur].status = kStatusDecayed;
    ev.particles[cur].end = v;
    ev.particles.push_back({22, kStatusFinal, g, 0.0, v, -1, t});
    ev.particles.push_back({pdg, kStatusFinal, d, mDaughter, v, -1, t});
    cur = ev.particles.size() - 1;
  };
  const double ex = ev.particles[cur].mass - *m0;
  if (s == nullptr) {
    if (ex > 1e-6) {
      emit(0.0); // no level scheme: one gamma to the ground state (simple model)
    }
    return;
  }
  std::size_t level = s->levelAt(ex);
  if (std::abs(s->levels[level].energy - ex) > 1e-3) {
    emit(s->levels[level].energy); // continuum: one gamma to the level below
  }
  while (level > 0) {
    const Level& lv = s->levels[level];
    if (lv.lifetime > 0.0) {
      t += -lv.lifetime * std::log1p(-uniform(engine));
    }
    double u = uniform(engine);
    std::size_t next = lv.gammas.back().finalLevel;
    for (const auto& b : lv.gammas) {
      if (u < b.ratio) {
        next = b.finalLevel;
        break;
      }
      u -= b.ratio;
    }
    emit(s->levels[next].energy);
    level = next;
  }
}

} // namespace lenu::generator
