#include "lenu/generator/GeneratorSetup.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include "lenu/core/DataPath.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/TomlTable.hpp"
#include "lenu/core/Integrate.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/generator/CevnsProcess.hpp"
#include "lenu/generator/InelasticProcess.hpp"
#include "lenu/generator/VectorAttributes.hpp"
#include "lenu/supernova/PinchedSpectrum.hpp"
#include "lenu/inelastic/InelasticModels.hpp"
#include "lenu/models/Experiment.hpp"
#include "lenu/rate/CevnsRate.hpp"
#include "lenu/source/StoppedPionSource.hpp"

namespace lenu::generator {
std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

GeneratorSettings readGeneratorSettings(const std::filesystem::path& file) {
  GeneratorSettings s;
  s.file = file;
  {
    std::ifstream in(file);
    if (!in) {
      throw Error(ErrorCode::IoError, fmt::format("cannot read generator config {}", file.string()));
    }
    std::ostringstream os;
    os << in.rdbuf();
    s.text = os.str();
  }
  toml::table root;
  try {
    root = toml::parse(s.text, file.string());
  } catch (const toml::parse_error& e) {
    throw Error(ErrorCode::ConfigError, fmt::format("{}:{}:{}: TOML syntax error: {}", file.string(),
                                                    e.source().begin.line, e.source().begin.column, e.description()));
  }
  TomlTable top(root, "", file.string());
  TomlTable g = top.sub("generator");
  if (top.contains("source")) {
    TomlTable sk = top.sub("source");
    const std::string type = sk.string("type");
    if (type != "supernova") {
      sk.fail("type", fmt::format("unknown source type '{}': accepted is supernova", type));
    }
    auto& sn = s.supernova;
    sn.enabled = true;
    sn.model = sk.optString("model").value_or("pinched");
    if (sn.model != "pinched" && std::filesystem::path(sn.model).is_relative()) {
      sn.model = (file.parent_path() / sn.model).string();
    }
    sn.distance = sk.optNumber("distance_kpc", 1e-6, 1e4).value_or(10.0) * units::kpc;
    sn.pinched.neutronizationBurst = sk.optBool("burst").value_or(false);
    sn.ordering = sk.optString("ordering").value_or("none");
    try {
      (void)supernova::parseOrdering(sn.ordering);
    } catch (const Error& e) {
      sk.fail("ordering", e.what());
    }
    sn.pinched.decayTime = sk.optNumber("decay_time_s", 1e-3, 100.0).value_or(3.0) * units::s;
    sn.pinched.duration = sk.optNumber("duration_s", 1e-3, 100.0).value_or(10.0) * units::s;
    for (auto [name, params] : {std::pair<const char*, supernova::PinchedFlavourParams*>{"nue", &sn.pinched.nue},
                                {"nuebar", &sn.pinched.nuebar}, {"nux", &sn.pinched.nux}}) {
      if (!sk.has(name)) {
        continue;
      }
      TomlTable fk = sk.sub(name);
      params->meanEnergy = fk.optNumber("mean_energy_mev", supernova::kMinMeanEnergy, supernova::kMaxMeanEnergy)
                               .value_or(params->meanEnergy);
      params->alpha = fk.optNumber("alpha", supernova::kMinAlpha, supernova::kMaxAlpha).value_or(params->alpha);
      params->totalEnergy =
          fk.optNumber("energy_erg", 1e40, 1e56).value_or(params->totalEnergy / supernova::kErg) * supernova::kErg;
      fk.finish();
    }
    if (sn.model != "pinched") {
      for (const char* k : {"burst", "decay_time_s", "duration_s", "nue", "nuebar", "nux"}) {
        if (sk.contains(k)) {
          sk.fail(k, "only for model = \"pinched\" (a model table carries its own time profile)");
        }
      }
    }
    sk.finish();
  }
  top.finish();
  s.experiment = g.string("experiment");
  const std::string proc = g.string("process");
  if (proc == "cevns") {
    s.process = ProcessKind::Cevns;
  } else if (proc == "cc") {
    s.process = ProcessKind::ChargedCurrent;
  } else if (proc == "nc") {
    s.process = ProcessKind::NeutralCurrent;
  } else {
    g.fail("process", fmt::format("unknown process '{}': accepted are cevns, cc, nc", proc));
  }
  for (const auto& f : g.strings("flavours")) {
    try {
      s.flavours.push_back(parseFlavour(f));
    } catch (const Error& e) {
      g.fail("flavours", e.what());
    }
  }
  s.inelasticModel = g.optString("inelastic_model").value_or(s.inelasticModel);
  s.target = g.optString("target").value_or("");
  s.energyNodes = static_cast<std::size_t>(g.optInteger("energy_nodes", 2, 100000).value_or(400));
  s.inelasticEnergyNodes = static_cast<std::size_t>(g.optInteger("inelastic_energy_nodes", 2, 2000).value_or(48));
  s.cosNodes = static_cast<std::size_t>(g.optInteger("cos_nodes", 3, 2001).value_or(33));
  s.omegaNodes = static_cast<std::size_t>(g.optInteger("omega_nodes", 3, 2001).value_or(40));
  s.deexcitation = g.optBool("deexcitation").value_or(true);
  s.blockSize = static_cast<std::uint64_t>(g.optInteger("block_size", 1, 10000000).value_or(10000));
  s.targetMass = g.optNumber("target_mass_kg", 1e-6, 1e12).value_or(0.0);
  g.finish();
  // resolve a relative experiment path against the config file
  if (s.experiment.find('/') != std::string::npos || s.experiment.ends_with(".toml")) {
    std::filesystem::path p(s.experiment);
    if (p.is_relative()) {
      s.experiment = (file.parent_path() / p).string();
    }
  }
  return s;
}

std::shared_ptr<const Deexcitation> loadDeexcitation(const NuclideTable& nuclides, const EvaporationConfig& cfg,
                                                     std::shared_ptr<Diagnostics> diagnostics) {
  std::map<std::pair<int, int>, double> masses;
  std::map<std::pair<int, int>, std::pair<int, int>> spins; // NUBASE2020 ground-state (2J, parity)
  auto addSpin = [&](const Nuclide& n) {
    const auto& sp = n.spinParity;
    if (sp.empty() || spins.contains({n.Z, n.A}) || (sp.back() != '+' && sp.back() != '-')) {
      return;
    }
    try {
      spins[{n.Z, n.A}] = {static_cast<int>(std::lround(2.0 * n.spin())), sp.back() == '-' ? -1 : 1};
    } catch (const Error&) {
      // spin not recorded in a parsable form: the Deexcitation default applies
    }
  };
  for (const auto& n : nuclides.all()) {
    masses[{n.Z, n.A}] = n.nuclearMass();
    addSpin(n);
  }
  for (const char* extra : {"inelastic/final_nuclei.csv", "deexcitation/evaporation_masses.csv"}) {
    const auto p = dataDirectory() / extra;
    if (std::filesystem::exists(p)) {
      const NuclideTable t = NuclideTable::fromFile(p);
      for (const auto& n : t.all()) {
        masses.emplace(std::make_pair(n.Z, n.A), n.nuclearMass());
        addSpin(n);
      }
    }
  }
  const auto dir = dataDirectory() / "deexcitation";
  std::vector<LevelScheme> all;
  if (std::filesystem::is_directory(dir)) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      if (e.path().extension() == ".dat") {
        files.push_back(e.path());
      }
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      for (auto& s : readLevelSchemes(f)) {
        auto it = masses.find({s.Z, s.A});
        if (it == masses.end()) {
          throw Error(ErrorCode::UnknownNuclide,
                      fmt::format("{}: no AME2020 mass for Z = {}, A = {} in data/nuclides.csv or data/inelastic/final_nuclei.csv",
                                  f.string(), s.Z, s.A));
        }
        s.groundMass = it->second;
        all.push_back(std::move(s));
      }
    }
  }
  return std::make_shared<Deexcitation>(std::move(all), std::move(masses), cfg, std::move(spins), std::move(diagnostics));
}

GeneratorSetup buildGenerator(const GeneratorSettings& st, const NuclideTable& nuclides) {
  GeneratorSetup out;
  out.settings = st;
  out.diagnostics = std::make_shared<Diagnostics>();
  Experiment x = loadExperiment(resolveExperimentFile(st.experiment), nuclides);
  if (st.supernova.enabled) {
    x.rate.source = makeSupernovaSource(st.supernova);
    x.rate.distance = st.supernova.distance;
  }
  if (st.targetMass > 0.0) {
    x.rate.targetMass = st.targetMass;
  }
  const auto src = x.rate.source;
  std::vector<Flavour> flavours = st.flavours.empty() ? src->flavours() : st.flavours;
  double eMax = 0.0;
  std::vector<double> lines;
  for (Flavour f : flavours) {
    const auto spec = src->spectrum(f);
    eMax = std::max(eMax, spec.maxEnergy());
    for (const auto& l : spec.lines()) {
      lines.push_back(l.energy);
    }
  }
  std::vector<ProcessEntry> entries;
  std::vector<std::string> citations{"lenu (this program), src/lenu/generator"};
  const auto& comps = x.rate.target.components();
  double formulaUnits = 0.0;
  std::vector<double> nuclei;
  if (st.process == ProcessKind::Cevns) {
    CevnsRate rate(x.rate);
    for (Flavour f : flavours) {
      const auto& xs = rate.crossSections(f);
      for (std::size_t i = 0; i < xs.size(); ++i) {
        CevnsProcess::Config c;
        c.eMax = eMax;
        c.energyNodes = st.energyNodes;
        c.extraNodes = lines;
        entries.push_back({std::make_shared<CevnsProcess>(xs[i], f, c), comps[i].atomsPerFormulaUnit});
      }
    }
    for (std::size_t i = 0; i < comps.size(); ++i) {
      nuclei.push_back(x.rate.target.nucleiOf(i, x.rate.targetMass));
    }
    formulaUnits = nuclei.front() / comps.front().atomsPerFormulaUnit;
    citations.push_back("CEvNS: Freedman, PRD 9 (1974) 1389; form factor " + x.formFactorName);
  } else {
    const bool cc = st.process == ProcessKind::ChargedCurrent;
    std::size_t best = 0;
    for (std::size_t i = 0; i < comps.size(); ++i) {
      if (comps[i].atomsPerFormulaUnit > comps[best].atomsPerFormulaUnit) {
        best = i;
      }
    }
    const Nuclide& target = st.target.empty() ? comps[best].nuclide : nuclides.get(st.target);
    double atoms = 0.0;
    for (std::size_t i = 0; i < comps.size(); ++i) {
      if (comps[i].nuclide.Z == target.Z && comps[i].nuclide.A == target.A) {
        atoms = comps[i].atomsPerFormulaUnit;
        formulaUnits = x.rate.target.nucleiOf(i, x.rate.targetMass) / atoms;
      }
    }
    if (!(atoms > 0.0)) {
      throw Error(ErrorCode::ConfigError, fmt::format("{}: key 'generator.target': {} is not in the detector material {}",
                                                      st.file.string(), target.name(), x.rate.target.name()));
    }
    auto deex = st.deexcitation ? loadDeexcitation(nuclides, {}, out.diagnostics) : nullptr;
    inelastic::InelasticModelOptions opt;
    opt.model = st.inelasticModel;
    for (Flavour f : flavours) {
      const auto mode = inelastic::responseMode(cc, f);
      auto resp = inelastic::makeInelasticResponse(target.name(), mode, opt, nuclides);
      const double mi = target.nuclearMass();
      const double mf = cc ? mi + inelastic::chargedCurrentQValue(target, mode, nuclides) : mi;
      InelasticProcess::Config c;
      c.eMax = eMax;
      c.energyNodes = st.inelasticEnergyNodes;
      c.extraNodes = lines;
      c.cosNodes = st.cosNodes;
      c.omegaNodes = st.omegaNodes;
      entries.push_back({std::make_shared<InelasticProcess>(resp, f, mi, mf, c, deex), atoms});
      citations.push_back(fmt::format("{} response: {}", cc ? "CC" : "NC", resp->description()));
    }
    if (deex) {
      citations.push_back("de-excitation: ENSDF level schemes, data/deexcitation/ (see file headers)");
    }
  }
  auto gen = std::make_shared<EventGenerator>(src, flavours, std::move(entries));
  out.generator = gen;
  // exposure and expected interactions
  double events = 0.0;
  for (const auto& ch : gen->channels()) {
    events += src->fluence(ch.flavour, x.rate.distance) * formulaUnits * ch.atoms * ch.meanSigma;
  }
  out.expectedEvents = events;
  RunMetadata& m = out.metadata;
  m.configFile = st.file.string();
  m.configText = st.text;
  m.fluxAveragedPb = gen->fluxAveragedSigma() / (1.0e-36 * units::cm2);
  if (const auto* sp = dynamic_cast<const StoppedPionSource*>(src.get())) {
    m.pot = sp->protonsOnTarget();
  }
  for (Flavour f : flavours) {
    BeamHistogram b;
    b.pdg = neutrinoPdg(f);
    const auto spec = src->spectrum(f);
    const double nf = src->totalNeutrinos(f);
    const std::size_t nb = 100;
    const double hi = spec.maxEnergy() * (1.0 + 1e-9);
    for (std::size_t k = 0; k <= nb; ++k) {
      b.edges.push_back(hi * static_cast<double>(k) / static_cast<double>(nb));
    }
    b.content.assign(nb, 0.0);
    for (std::size_t k = 0; k < nb; ++k) {
      const double lo = b.edges[k], up = b.edges[k + 1];
      double w = 0.0;
      if (const auto* c = spec.continuousPart(); c != nullptr) {
        w += spec.continuousWeight() * GaussLegendre(8, lo, up)([c](double e) { return c->pdf(e); });
      }
      for (const auto& l : spec.lines()) {
        w += l.energy >= lo && l.energy < up ? l.weight : 0.0;
      }
      b.content[k] = nf * w; // neutrinos of the exposure in the bin (not per width)
    }
    m.beams.push_back(std::move(b));
  }
  for (std::size_t i = 0; i < comps.size(); ++i) {
    double tot = 0.0;
    for (const auto& c : comps) {
      tot += c.atomsPerFormulaUnit;
    }
    m.targetAbundance.push_back(fmt::format("{}[{}]", nucleusPdg(comps[i].nuclide.Z, comps[i].nuclide.A),
                                            formatDoubleExact(comps[i].atomsPerFormulaUnit / tot)));
  }
  m.citations = citations;
  // a supernova is at kpc distances, a stopped-pion or reactor detector at m: print each in its unit
  const std::string distanceText = st.supernova.enabled ? fmt::format("{} kpc", x.rate.distance / units::kpc)
                                                        : fmt::format("{} m", x.rate.distance / units::m);
  m.description = fmt::format("{}; {}; detector {} {} kg at {}", x.name, src->description(), x.rate.target.name(),
                              x.rate.targetMass, distanceText);
  std::string sum = fmt::format("experiment {}: {} at {}, {} kg {}\n", x.name, src->description(), distanceText,
                                x.rate.targetMass, x.rate.target.name());
  sum += fmt::format("flux-averaged cross section per target atom: {:.6e} cm^2\n",
                     gen->fluxAveragedSigma() / units::cm2);
  for (const auto& ch : gen->channels()) {
    sum += fmt::format("  channel {:8} {}: <sigma> = {:.6e} cm^2, fraction {:.6f}\n", toString(ch.flavour),
                       ch.process->description(), ch.meanSigma / units::cm2, ch.probability);
  }
  sum += fmt::format("expected interactions in the detector over the exposure: {:.6g}\n", events);
  out.summary = sum;
  return out;
}

} // namespace lenu::generator
