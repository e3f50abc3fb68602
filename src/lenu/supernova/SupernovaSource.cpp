#include "lenu/supernova/SupernovaSource.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Csv.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/supernova/PinchedSpectrum.hpp"

namespace lenu::supernova {

namespace {

// 4-point Gauss-Legendre on [-1, 1].
constexpr std::array<double, 4> kGx{-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526};
constexpr std::array<double, 4> kGw{0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538};

/// A mixture of pinched spectra (the time-integrated spectrum of a window).
class PinchedMixture final : public ContinuousSpectrum {
public:
  struct Part {
    double weight, mean, alpha, logNorm;
  };
  explicit PinchedMixture(std::vector<Part> parts) : m_parts(std::move(parts)) {
    for (const auto& p : m_parts) {
      m_eMax = std::max(m_eMax, p.mean * (60.0 + 2.0 * std::max(p.alpha, 0.0)) / (p.alpha + 1.0) + p.mean);
    }
  }
  double pdf(double e) const override {
    if (e <= 0.0 || e > m_eMax) {
      return 0.0;
    }
    const double le = std::log(e);
    double s = 0.0;
    for (const auto& p : m_parts) {
      s += p.weight * std::exp(p.logNorm + p.alpha * le - (p.alpha + 1.0) * e / p.mean);
    }
    return s;
  }
  double eMin() const override { return 0.0; }
  double eMax() const override { return m_eMax; }
  std::string description() const override {
    return fmt::format("time-integrated mixture of {} pinched spectra", m_parts.size());
  }

private:
  std::vector<Part> m_parts;
  double m_eMax = 0.0;
};

std::string knotMsg(const std::string& what, std::size_t i, double t) {
  return fmt::format("{}: knot {} (t = {} s)", what, i, t / units::s);
}

/// Calls visit(lo, hi) for each piece [lo, hi] (hi > lo) of [t0, t1) within [time.front(),
/// time.back()], cut at the knots `time` (strictly increasing), in increasing time.
template <class Visit>
void forEachKnotInterval(const std::vector<double>& time, double t0, double t1, Visit&& visit) {
  const double a = std::max(t0, time.front());
  const double b = std::min(t1, time.back());
  if (!(b > a)) {
    return;
  }
  for (std::size_t i = 0; i + 1 < time.size(); ++i) {
    const double lo = std::max(a, time[i]);
    const double hi = std::min(b, time[i + 1]);
    if (hi > lo) {
      visit(lo, hi);
    }
  }
}

} // namespace

void EmissionSeries::validate(const std::string& what) const {
  const std::size_t n = time.size();
  if (n < 2 || luminosity.size() != n || meanEnergy.size() != n || alpha.size() != n) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{}: needs at least 2 knots and equal-length time/L/<E>/alpha series (got {}, {}, {}, {})",
                            what, n, luminosity.size(), meanEnergy.size(), alpha.size()));
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(time[i]) || (i > 0 && !(time[i] > time[i - 1]))) {
      throw Error(ErrorCode::InvalidArgument, knotMsg(what, i, time[i]) + ": times must be finite and strictly increasing");
    }
    if (!(std::isfinite(luminosity[i]) && luminosity[i] >= 0.0)) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("{}: luminosity {} erg/s must be finite and >= 0", knotMsg(what, i, time[i]),
                              luminosity[i] / kErgPerSecond));
    }
    validatePinched(meanEnergy[i], alpha[i], knotMsg(what, i, time[i]));
  }
}

EmissionSeries::Point EmissionSeries::at(double t) const {
  if (!(t >= time.front() && t <= time.back())) {
    return {0.0, meanEnergy.front(), alpha.front()};
  }
  auto it = std::upper_bound(time.begin(), time.end(), t);
  std::size_t j = static_cast<std::size_t>(it - time.begin());
  if (j >= time.size()) {
    j = time.size() - 1;
  }
  const std::size_t i = j - 1;
  const double u = (t - time[i]) / (time[j] - time[i]);
  return {luminosity[i] + u * (luminosity[j] - luminosity[i]), meanEnergy[i] + u * (meanEnergy[j] - meanEnergy[i]),
          alpha[i] + u * (alpha[j] - alpha[i])};
}

double EmissionSeries::numberRate(double t) const {
  const Point p = at(t);
  return p.luminosity / p.meanEnergy;
}

double EmissionSeries::numberEmitted(double t0, double t1) const {
  double s = 0.0;
  forEachKnotInterval(time, t0, t1, [&](double lo, double hi) {
    const double c = 0.5 * (lo + hi);
    const double h = 0.5 * (hi - lo);
    for (std::size_t k = 0; k < 4; ++k) {
      s += h * kGw[k] * numberRate(c + h * kGx[k]);
    }
  });
  return s;
}

double EmissionSeries::energyEmitted(double t0, double t1) const {
  double s = 0.0;
  forEachKnotInterval(time, t0, t1,
                      [&](double lo, double hi) { s += 0.5 * (at(lo).luminosity + at(hi).luminosity) * (hi - lo); });
  return s;
}

SupernovaSource::SupernovaSource(Components components, std::string description)
    : m_components(std::move(components)), m_description(std::move(description)), m_range{0.0, 0.0} {
  bool first = true;
  for (const auto& [f, list] : m_components) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      require(list[i] != nullptr, "SupernovaSource: null emission component");
      list[i]->validate(fmt::format("{} component {}", toString(f), i));
      const double lo = list[i]->time.front();
      const double hi = list[i]->time.back();
      m_range.begin = first ? lo : std::min(m_range.begin, lo);
      m_range.end = first ? hi : std::max(m_range.end, hi);
      first = false;
    }
  }
  require(!first, "SupernovaSource: no flavour emits anything");
}

std::vector<Flavour> SupernovaSource::flavours() const {
  std::vector<Flavour> out;
  for (const auto& [f, list] : m_components) {
    if (!list.empty()) {
      out.push_back(f);
    }
  }
  return out;
}

const std::vector<std::shared_ptr<const EmissionSeries>>& SupernovaSource::components(Flavour f) const {
  const auto it = m_components.find(f);
  return it == m_components.end() ? m_none : it->second;
}

double SupernovaSource::totalNeutrinos(Flavour f) const {
  double s = 0.0;
  for (const auto& c : components(f)) {
    s += c->numberEmitted(c->time.front(), c->time.back());
  }
  return s;
}

double SupernovaSource::totalEnergy(Flavour f) const {
  double s = 0.0;
  for (const auto& c : components(f)) {
    s += c->energyEmitted(c->time.front(), c->time.back());
  }
  return s;
}

double SupernovaSource::timeFraction(Flavour f, TimeWindow w) const {
  const double total = totalNeutrinos(f);
  if (total <= 0.0) {
    return 0.0;
  }
  double s = 0.0;
  for (const auto& c : components(f)) {
    s += c->numberEmitted(w.begin, w.end);
  }
  return s / total;
}

double SupernovaSource::timePdf(Flavour f, double t) const {
  const double total = totalNeutrinos(f);
  if (total <= 0.0) {
    return 0.0;
  }
  double s = 0.0;
  for (const auto& c : components(f)) {
    s += c->numberRate(t);
  }
  return s / total;
}

EnergySpectrum SupernovaSource::spectrum(Flavour f, TimeWindow w) const {
  std::vector<PinchedMixture::Part> parts;
  double total = 0.0;
  for (const auto& c : components(f)) {
    forEachKnotInterval(c->time, w.begin, w.end, [&](double lo, double hi) {
      const double mid = 0.5 * (lo + hi);
      const double h = 0.5 * (hi - lo);
      for (std::size_t k = 0; k < 4; ++k) {
        const auto p = c->at(mid + h * kGx[k]);
        const double wgt = h * kGw[k] * p.luminosity / p.meanEnergy;
        if (wgt > 0.0) {
          parts.push_back({wgt, p.meanEnergy, p.alpha, pinchedLogNorm(p.meanEnergy, p.alpha)});
          total += wgt;
        }
      }
    });
  }
  if (!(total > 0.0)) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("supernova source emits no {} in the window [{}, {}) s", toString(f), w.begin / units::s,
                            w.end / units::s));
  }
  for (auto& p : parts) {
    p.weight /= total;
  }
  return EnergySpectrum::continuous(std::make_shared<PinchedMixture>(std::move(parts)));
}

void SupernovaSource::addBinnedEmission(Flavour f, double t0, double t1, const std::vector<double>& centres,
                                        const std::vector<double>& logCentres, const std::vector<double>& widths,
                                        std::vector<double>& out) const {
  const double tm = 0.5 * (t0 + t1);
  const double dt = t1 - t0;
  for (const auto& c : components(f)) {
    const auto p = c->at(tm);
    if (!(p.luminosity > 0.0)) {
      continue;
    }
    const double n = p.luminosity / p.meanEnergy * dt;
    const double ln = pinchedLogNorm(p.meanEnergy, p.alpha) + std::log(n);
    const double b = (p.alpha + 1.0) / p.meanEnergy;
    for (std::size_t j = 0; j < centres.size(); ++j) {
      out[j] += widths[j] * std::exp(ln + p.alpha * logCentres[j] - b * centres[j]);
    }
  }
}

std::shared_ptr<const EmissionSeries> NeutronizationBurst::series() const {
  auto s = std::make_shared<EmissionSeries>();
  const double t0 = peakTime - 6.0 * riseWidth;
  const double t1 = peakTime + 15.0 * decayTime;
  const double step = 0.1 * units::ms;
  const auto n = static_cast<std::size_t>(std::ceil((t1 - t0) / step)) + 1;
  for (std::size_t i = 0; i < n; ++i) {
    const double t = t0 + static_cast<double>(i) * step;
    const double x = t - peakTime;
    const double l = x <= 0.0 ? peakLuminosity * std::exp(-0.5 * x * x / (riseWidth * riseWidth))
                              : peakLuminosity * std::exp(-x / decayTime);
    s->time.push_back(t);
    s->luminosity.push_back(l);
    s->meanEnergy.push_back(meanEnergy);
    s->alpha.push_back(alpha);
  }
  s->validate("neutronization burst");
  return s;
}

std::shared_ptr<const SupernovaSource> makePinchedSupernova(const PinchedModelConfig& cfg,
                                                            const NeutronizationBurst& burst) {
  requirePositive(cfg.decayTime, "cooling decay time", "ns");
  requirePositive(cfg.duration, "emission duration", "ns");
  require(cfg.knots >= 10 && cfg.knots <= 100000, fmt::format("knots = {} outside [10, 100000]", cfg.knots));
  auto build = [&](const PinchedFlavourParams& p, const char* name) {
    validatePinched(p.meanEnergy, p.alpha, name);
    if (!(std::isfinite(p.totalEnergy) && p.totalEnergy > 0.0)) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("{}: total energy {} erg must be finite and > 0", name, p.totalEnergy / kErg));
    }
    auto s = std::make_shared<EmissionSeries>();
    // Knots: t = 0, then geometric from 1 ms to the duration (fine early, coarse late).
    const double tFirst = std::min(1.0 * units::ms, 0.01 * cfg.duration);
    s->time.push_back(0.0);
    const auto n = static_cast<std::size_t>(cfg.knots);
    for (std::size_t i = 0; i + 1 < n; ++i) {
      const double u = static_cast<double>(i) / static_cast<double>(n - 2);
      s->time.push_back(tFirst * std::pow(cfg.duration / tFirst, u));
    }
    for (double t : s->time) {
      s->luminosity.push_back(std::exp(-t / cfg.decayTime));
      s->meanEnergy.push_back(p.meanEnergy);
      s->alpha.push_back(p.alpha);
    }
    const double e = s->energyEmitted(s->time.front(), s->time.back());
    for (auto& l : s->luminosity) {
      l *= p.totalEnergy / e; // exact normalisation of the piecewise-linear L
    }
    return std::shared_ptr<const EmissionSeries>(s);
  };
  SupernovaSource::Components comps;
  comps[Flavour::NuE].push_back(build(cfg.nue, "nu_e"));
  comps[Flavour::NuEBar].push_back(build(cfg.nuebar, "anti-nu_e"));
  const auto x = build(cfg.nux, "nu_x");
  for (Flavour f : {Flavour::NuMu, Flavour::NuTau, Flavour::NuMuBar, Flavour::NuTauBar}) {
    comps[f].push_back(x);
  }
  std::string desc = fmt::format(
      "constant-parameter pinched supernova: <E> = {:.3g}/{:.3g}/{:.3g} MeV, alpha = {:.3g}/{:.3g}/{:.3g}, "
      "E = {:.3g}/{:.3g}/{:.3g} erg (nu_e/anti-nu_e/each nu_x), L ~ exp(-t/{:.3g} s) on [0, {:.3g} s]",
      cfg.nue.meanEnergy, cfg.nuebar.meanEnergy, cfg.nux.meanEnergy, cfg.nue.alpha, cfg.nuebar.alpha, cfg.nux.alpha,
      cfg.nue.totalEnergy / kErg, cfg.nuebar.totalEnergy / kErg, cfg.nux.totalEnergy / kErg, cfg.decayTime / units::s,
      cfg.duration / units::s);
  if (cfg.neutronizationBurst) {
    comps[Flavour::NuE].push_back(burst.series());
    desc += fmt::format(" + nu_e neutronization burst (peak {:.3g} erg/s at {:.3g} ms)",
                        burst.peakLuminosity / kErgPerSecond, burst.peakTime / units::ms);
  }
  return std::make_shared<SupernovaSource>(std::move(comps), desc);
}

// ----------------------------------------------------------------------------------------------
// Readers

namespace {

struct Line {
  int number;
  std::vector<std::string> tokens;
};

/// Non-empty, non-comment lines split at whitespace and commas.
std::vector<Line> readTokens(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) {
    throw Error(ErrorCode::IoError, fmt::format("cannot read supernova model file '{}'", file.string()));
  }
  std::vector<Line> out;
  std::string s;
  int n = 0;
  while (std::getline(in, s)) {
    ++n;
    const auto hash = s.find('#');
    if (hash != std::string::npos) {
      s.resize(hash);
    }
    for (char& c : s) {
      if (c == ',' || c == '\t' || c == '\r') {
        c = ' ';
      }
    }
    std::istringstream is(s);
    Line l{n, {}};
    std::string tok;
    while (is >> tok) {
      l.tokens.push_back(tok);
    }
    if (!l.tokens.empty()) {
      out.push_back(std::move(l));
    }
  }
  return out;
}

double numberAt(const std::filesystem::path& file, const Line& l, std::size_t i, const std::string& field) {
  double v = 0.0;
  if (i >= l.tokens.size() || !parseDouble(l.tokens[i], v)) {
    throw Error(ErrorCode::ConfigError,
                fmt::format("{}:{}: field '{}' (column {}) is not a number", file.string(), l.number, field, i + 1));
  }
  return v;
}

std::vector<Flavour> flavourGroup(const std::string& name) {
  if (name == "nux") {
    return {Flavour::NuMu, Flavour::NuTau, Flavour::NuMuBar, Flavour::NuTauBar};
  }
  if (name == "nuxbar") {
    return {Flavour::NuMuBar, Flavour::NuTauBar};
  }
  return {parseFlavour(name)};
}

} // namespace

std::shared_ptr<const SupernovaSource> readMomentsTable(const std::filesystem::path& file) {
  const auto lines = readTokens(file);
  if (lines.size() < 3) {
    throw Error(ErrorCode::ConfigError,
                fmt::format("{}: a moments table needs a header line and at least two data lines", file.string()));
  }
  const auto& header = lines[0].tokens;
  if (header.empty() || header[0] != "time_s") {
    throw Error(ErrorCode::ConfigError,
                fmt::format("{}:{}: first column must be 'time_s' (see docs/supernova-formats.md)", file.string(),
                            lines[0].number));
  }
  struct Cols {
    long l = -1, e = -1, a = -1, e2 = -1;
  };
  std::map<std::string, Cols> groups;
  for (std::size_t c = 1; c < header.size(); ++c) {
    const std::string& h = header[c];
    auto take = [&](const std::string& prefix, const std::string& suffix, long Cols::*m) {
      if (h.rfind(prefix, 0) == 0 && h.size() > prefix.size() + suffix.size() &&
          h.compare(h.size() - suffix.size(), suffix.size(), suffix) == 0) {
        const std::string fl = h.substr(prefix.size(), h.size() - prefix.size() - suffix.size());
        groups[fl].*m = static_cast<long>(c);
        return true;
      }
      return false;
    };
    if (!(take("L_", "_erg_s", &Cols::l) || take("E2_", "_MeV2", &Cols::e2) || take("E_", "_MeV", &Cols::e) ||
          (h.rfind("alpha_", 0) == 0 && (groups[h.substr(6)].a = static_cast<long>(c), true)))) {
      throw Error(ErrorCode::ConfigError,
                  fmt::format("{}:{}: unknown column '{}' (accepted: time_s, L_<fl>_erg_s, E_<fl>_MeV, alpha_<fl>, "
                              "E2_<fl>_MeV2 with fl = nue, nuebar, nux, numu, ...)",
                              file.string(), lines[0].number, h));
    }
  }
  SupernovaSource::Components comps;
  for (const auto& [fl, c] : groups) {
    std::vector<Flavour> fs;
    try {
      fs = flavourGroup(fl);
    } catch (const Error& e) {
      throw Error(ErrorCode::ConfigError, fmt::format("{}:{}: {}", file.string(), lines[0].number, e.what()));
    }
    if (c.l < 0 || c.e < 0 || (c.a < 0 && c.e2 < 0)) {
      throw Error(ErrorCode::ConfigError,
                  fmt::format("{}:{}: flavour '{}' needs L_{}_erg_s, E_{}_MeV and alpha_{} or E2_{}_MeV2",
                              file.string(), lines[0].number, fl, fl, fl, fl, fl));
    }
    auto s = std::make_shared<EmissionSeries>();
    for (std::size_t i = 1; i < lines.size(); ++i) {
      const auto& l = lines[i];
      if (l.tokens.size() != header.size()) {
        throw Error(ErrorCode::ConfigError, fmt::format("{}:{}: {} fields, header has {}", file.string(), l.number,
                                                        l.tokens.size(), header.size()));
      }
      const double t = numberAt(file, l, 0, "time_s") * units::s;
      const double lum = numberAt(file, l, static_cast<std::size_t>(c.l), header[static_cast<std::size_t>(c.l)]);
      const double e = numberAt(file, l, static_cast<std::size_t>(c.e), header[static_cast<std::size_t>(c.e)]);
      double a = 0.0;
      try {
        a = c.a >= 0 ? numberAt(file, l, static_cast<std::size_t>(c.a), header[static_cast<std::size_t>(c.a)])
                     : alphaFromMoments(e, numberAt(file, l, static_cast<std::size_t>(c.e2),
                                                    header[static_cast<std::size_t>(c.e2)]));
        validatePinched(e, a, fl);
      } catch (const Error& err) {
        if (err.code() == ErrorCode::ConfigError) {
          throw;
        }
        throw Error(ErrorCode::ConfigError, fmt::format("{}:{}: {}", file.string(), l.number, err.what()));
      }
      if (!(lum >= 0.0) || !std::isfinite(lum)) {
        throw Error(ErrorCode::ConfigError, fmt::format("{}:{}: L_{}_erg_s = {} must be >= 0", file.string(),
                                                        l.number, fl, lum));
      }
      if (!s->time.empty() && !(t > s->time.back())) {
        throw Error(ErrorCode::ConfigError,
                    fmt::format("{}:{}: time_s = {} s is not after the previous line", file.string(), l.number, t / units::s));
      }
      s->time.push_back(t);
      s->luminosity.push_back(lum * kErgPerSecond);
      s->meanEnergy.push_back(e);
      s->alpha.push_back(a);
    }
    const std::shared_ptr<const EmissionSeries> cs = s;
    for (Flavour f : fs) {
      comps[f].push_back(cs);
    }
  }
  return std::make_shared<SupernovaSource>(std::move(comps), fmt::format("moments table {}", file.string()));
}

std::shared_ptr<const SupernovaSource> readNakazatoTable(const std::filesystem::path& file) {
  const auto lines = readTokens(file);
  // Per block: time, and per bin (dN/dE, dL/dE) x 3 flavours with the bin edges.
  struct Block {
    double t = 0.0;
    int line = 0;
    std::array<double, 3> n{}, l{}, e2{};
  };
  std::vector<Block> blocks;
  for (const auto& ln : lines) {
    if (ln.tokens.size() == 1) {
      Block b;
      b.t = numberAt(file, ln, 0, "time [s]") * units::s;
      b.line = ln.number;
      if (!blocks.empty() && !(b.t > blocks.back().t)) {
        throw Error(ErrorCode::ConfigError,
                    fmt::format("{}:{}: block time {} s is not after the previous block", file.string(), ln.number, b.t / units::s));
      }
      blocks.push_back(b);
    } else if (ln.tokens.size() == 8) {
      if (blocks.empty()) {
        throw Error(ErrorCode::ConfigError,
                    fmt::format("{}:{}: energy-bin line before the first time line", file.string(), ln.number));
      }
      const double lo = numberAt(file, ln, 0, "E_lo [MeV]");
      const double hi = numberAt(file, ln, 1, "E_hi [MeV]");
      if (!(hi > lo) || lo < 0.0) {
        throw Error(ErrorCode::ConfigError,
                    fmt::format("{}:{}: energy bin [{}, {}] MeV is empty or negative", file.string(), ln.number, lo, hi));
      }
      for (std::size_t k = 0; k < 3; ++k) {
        const double dn = numberAt(file, ln, 2 + k, "dN/dE [1/MeV/s]");
        const double dl = numberAt(file, ln, 5 + k, "dL/dE [erg/MeV/s]");
        if (dn < 0.0 || dl < 0.0) {
          throw Error(ErrorCode::ConfigError, fmt::format("{}:{}: negative spectrum value", file.string(), ln.number));
        }
        const double nBin = dn * (hi - lo);           // [1/s]
        const double lBin = dl * (hi - lo) * kErg;    // [MeV/s]
        auto& b = blocks.back();
        b.n[k] += nBin;
        b.l[k] += lBin;
        if (nBin > 0.0) {
          const double eBin = lBin / nBin; // mean energy in the bin [MeV]
          b.e2[k] += nBin * eBin * eBin;
        }
      }
    } else {
      throw Error(ErrorCode::ConfigError,
                  fmt::format("{}:{}: {} fields; expected 1 (time) or 8 (E_lo E_hi 3 x dN/dE 3 x dL/dE)", file.string(),
                              ln.number, ln.tokens.size()));
    }
  }
  if (blocks.size() < 2) {
    throw Error(ErrorCode::ConfigError, fmt::format("{}: needs at least two time blocks", file.string()));
  }
  SupernovaSource::Components comps;
  const std::array<std::vector<Flavour>, 3> groups{
      std::vector<Flavour>{Flavour::NuE}, std::vector<Flavour>{Flavour::NuEBar},
      std::vector<Flavour>{Flavour::NuMu, Flavour::NuTau, Flavour::NuMuBar, Flavour::NuTauBar}};
  for (std::size_t k = 0; k < 3; ++k) {
    auto s = std::make_shared<EmissionSeries>();
    for (const auto& b : blocks) {
      double mean = 10.0, alpha = 2.0;
      if (b.n[k] > 0.0) {
        mean = b.l[k] / b.n[k];
        const double m2 = b.e2[k] / b.n[k];
        // a table with a single populated bin has no width: fall back to alpha = kMaxAlpha
        try {
          alpha = m2 > mean * mean * (1.0 + 1e-12) ? alphaFromMoments(mean, m2) : kMaxAlpha;
          validatePinched(mean, alpha, "Nakazato block");
        } catch (const Error& e) {
          throw Error(ErrorCode::ConfigError, fmt::format("{}:{}: {}", file.string(), b.line, e.what()));
        }
      }
      s->time.push_back(b.t);
      s->luminosity.push_back(b.l[k] / units::s);
      s->meanEnergy.push_back(mean);
      s->alpha.push_back(alpha);
    }
    const std::shared_ptr<const EmissionSeries> cs = s;
    for (Flavour f : groups[k]) {
      comps[f].push_back(cs);
    }
  }
  return std::make_shared<SupernovaSource>(std::move(comps), fmt::format("Nakazato-layout table {}", file.string()));
}

std::shared_ptr<const SupernovaSource> readGarchingDirectory(const std::filesystem::path& dir) {
  auto readPairs = [&](const std::string& name) {
    const auto file = dir / name;
    const auto lines = readTokens(file);
    std::vector<std::pair<double, double>> pts;
    for (const auto& l : lines) {
      if (l.tokens.size() != 2) {
        throw Error(ErrorCode::ConfigError,
                    fmt::format("{}:{}: expected 2 columns (time [s], value), found {}", file.string(), l.number, l.tokens.size()));
      }
      pts.emplace_back(numberAt(file, l, 0, "time [s]") * units::s, numberAt(file, l, 1, "value"));
    }
    // Digitised curves step back slightly in time and repeat abscissae at vertical steps:
    // sort by time (stable) and keep the last value of equal times.
    std::stable_sort(pts.begin(), pts.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<double> t, v;
    for (const auto& [ti, vi] : pts) {
      if (!t.empty() && ti == t.back()) {
        v.back() = vi;
        continue;
      }
      t.push_back(ti);
      v.push_back(vi);
    }
    if (t.size() < 2) {
      throw Error(ErrorCode::ConfigError, fmt::format("{}: needs at least two points", file.string()));
    }
    return std::make_pair(t, v);
  };
  auto interp = [](const std::vector<double>& t, const std::vector<double>& v, double x) {
    if (x <= t.front()) return v.front();
    if (x >= t.back()) return v.back();
    const auto j = static_cast<std::size_t>(std::upper_bound(t.begin(), t.end(), x) - t.begin());
    const double u = (x - t[j - 1]) / (t[j] - t[j - 1]);
    return v[j - 1] + u * (v[j] - v[j - 1]);
  };
  SupernovaSource::Components comps;
  const std::array<std::pair<const char*, std::vector<Flavour>>, 3> groups{
      std::pair<const char*, std::vector<Flavour>>{"nue", {Flavour::NuE}},
      std::pair<const char*, std::vector<Flavour>>{"nuebar", {Flavour::NuEBar}},
      std::pair<const char*, std::vector<Flavour>>{"numu", {Flavour::NuMu, Flavour::NuTau, Flavour::NuMuBar, Flavour::NuTauBar}}};
  for (const auto& [name, fs] : groups) {
    const auto [tl, l] = readPairs(fmt::format("luminosity_{}_garching.txt", name));
    const auto [te, e] = readPairs(fmt::format("avgen_{}_garching.txt", name));
    const auto [ta, a] = readPairs(fmt::format("alpha_{}_garching.txt", name));
    // knots: the luminosity grid plus the other grids inside its range; <E> and alpha held
    // constant beyond their own ranges (as SNOwGLoBES make_garching_fluxes.C does for alpha).
    std::vector<double> knots = tl;
    for (const auto* g : {&te, &ta}) {
      for (double x : *g) {
        if (x > tl.front() && x < tl.back()) {
          knots.push_back(x);
        }
      }
    }
    std::sort(knots.begin(), knots.end());
    knots.erase(std::unique(knots.begin(), knots.end(), [](double x, double y) { return std::abs(x - y) < 1e-3; }),
                knots.end());
    auto s = std::make_shared<EmissionSeries>();
    for (double x : knots) {
      s->time.push_back(x);
      s->luminosity.push_back(std::max(0.0, interp(tl, l, x)) * 1e52 * kErgPerSecond);
      s->meanEnergy.push_back(interp(te, e, x));
      s->alpha.push_back(interp(ta, a, x));
    }
    const std::shared_ptr<const EmissionSeries> cs = s;
    for (Flavour f : fs) {
      comps[f].push_back(cs);
    }
  }
  return std::make_shared<SupernovaSource>(std::move(comps), fmt::format("Garching digitised tables in {}", dir.string()));
}

SnowglobesFluenceSource::SnowglobesFluenceSource(const std::filesystem::path& file, double referenceDistance) {
  requirePositive(referenceDistance, "reference distance of the SNOwGLoBES fluence", "fm");
  const auto lines = readTokens(file);
  if (lines.size() < 3) {
    throw Error(ErrorCode::ConfigError, fmt::format("{}: needs at least 3 energy rows", file.string()));
  }
  std::vector<double> e;
  std::array<std::vector<double>, 6> v;
  for (const auto& l : lines) {
    if (l.tokens.size() != 7) {
      throw Error(ErrorCode::ConfigError,
                  fmt::format("{}:{}: {} fields; a SNOwGLoBES flux line has 7 (E [GeV], nue, numu, nutau, nuebar, "
                              "numubar, nutaubar)", file.string(), l.number, l.tokens.size()));
    }
    const double ei = numberAt(file, l, 0, "energy [GeV]") * units::GeV;
    if (!e.empty() && !(ei > e.back())) {
      throw Error(ErrorCode::ConfigError, fmt::format("{}:{}: energy {} GeV is not increasing", file.string(), l.number, ei / units::GeV));
    }
    e.push_back(ei);
    for (std::size_t k = 0; k < 6; ++k) {
      const double x = numberAt(file, l, k + 1, std::string(toString(kAllFlavours[k])));
      if (x < 0.0) {
        throw Error(ErrorCode::ConfigError, fmt::format("{}:{}: negative fluence {}", file.string(), l.number, x));
      }
      v[k].push_back(x);
    }
  }
  // SNOwGLoBES column order: nue numu nutau nuebar numubar nutaubar == kAllFlavours order.
  const double width = (e.back() - e.front()) / static_cast<double>(e.size() - 1);
  const double area = 4.0 * constants::kPi * referenceDistance * referenceDistance / units::cm2; // [cm^2]
  for (std::size_t k = 0; k < 6; ++k) {
    double sum = 0.0;
    std::vector<double> dens(e.size());
    for (std::size_t i = 0; i < e.size(); ++i) {
      sum += v[k][i];
      dens[i] = v[k][i] / width;
    }
    if (sum > 0.0) {
      setFlavour(kAllFlavours[k], sum * area,
                 std::make_shared<TabulatedSpectrum>(
                     e, dens, fmt::format("{} column of SNOwGLoBES flux {}", toString(kAllFlavours[k]), file.string())));
    }
  }
  require(hasFlavours(), fmt::format("{}: all fluences are zero", file.string()));
  m_description = fmt::format("SNOwGLoBES fluence file {} (reference distance {:.4g} kpc, bin width {:.4g} MeV; no timing)",
                              file.string(), referenceDistance / units::kpc, width);
}

std::string SnowglobesFluenceSource::missingFlavourMessage(Flavour f) const {
  return fmt::format("SNOwGLoBES fluence has no {} neutrinos", toString(f));
}

std::shared_ptr<const NeutrinoSource> readSupernovaModel(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return readGarchingDirectory(path);
  }
  const auto lines = readTokens(path);
  if (lines.empty()) {
    throw Error(ErrorCode::ConfigError, fmt::format("{}: no data lines", path.string()));
  }
  if (lines[0].tokens[0] == "time_s") {
    return readMomentsTable(path);
  }
  if (lines[0].tokens.size() == 7) {
    return std::make_shared<SnowglobesFluenceSource>(path);
  }
  return readNakazatoTable(path);
}

} // namespace lenu::supernova
