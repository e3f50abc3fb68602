/// `lenu supernova`: time-resolved event rates of a core-collapse supernova in a detector, with
/// lenu's own cross sections (inelastic CC/NC on nuclei from any response model, CEvNS,
/// nu-e elastic scattering, inverse beta decay) and MSW flavour transformation.

#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "CliSupport.hpp"
#include "Commands.hpp"
#include "lenu/core/Csv.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/generator/DeexcitationCalorimeter.hpp"
#include "lenu/generator/GeneratorSetup.hpp"
#include "lenu/io/AtomicFile.hpp"
#include "lenu/io/Plot.hpp"
#include "lenu/supernova/PinchedSpectrum.hpp"
#include "lenu/supernova/SnowglobesExport.hpp"
#include "lenu/supernova/SupernovaRate.hpp"
#include "lenu/supernova/SupernovaSource.hpp"

namespace lenu::cli {
namespace {

using namespace lenu::supernova;

struct SupernovaOptions {
  std::string model = "pinched";
  bool burst = false;
  double distanceKpc = 10.0;
  std::string detector = "dune-40kt";
  std::string ordering = "normal";
  std::string inelasticModel = "allowed";
  std::string formFactor = "helm";
  std::vector<std::string> meanEnergy, alpha, energyErg;
  double decayTime = 3.0;
  double duration = 10.0;
  double timeBinMs = 0.0;
  double tMin = -1e20, tMax = 1e20; // [s]: effectively unbounded
  double energyMax = 100.0;
  int energyBins = 200;
  int inelasticNodes = 40;
  bool json = false;
  std::optional<std::string> plot;
  std::optional<std::string> csv;
  std::optional<std::string> exportDir;
  bool list = false;
  bool esRadiativeCorrections = false;
  std::string ncDeexcitation = "generator";
  std::string ccDeexcitation = "generator";
};

/// "nue=9.5" or "nue=9.5,nuebar=12" -> map group -> value.
std::map<std::string, double> parseFlavourValues(const std::vector<std::string>& items, const std::string& option,
                                                 const std::string& unit, double lo, double hi) {
  std::map<std::string, double> out;
  for (const auto& item : items) {
    std::size_t start = 0;
    while (start <= item.size()) {
      const auto comma = item.find(',', start);
      const std::string part = item.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      start = comma == std::string::npos ? item.size() + 1 : comma + 1;
      const auto eq = part.find('=');
      double v = 0.0;
      const std::string key = eq == std::string::npos ? "" : part.substr(0, eq);
      if (eq == std::string::npos || (key != "nue" && key != "nuebar" && key != "nux") ||
          !parseDouble(part.substr(eq + 1), v)) {
        throw Error(ErrorCode::InvalidArgument,
                    fmt::format("{} '{}': expected FLAVOUR=VALUE with FLAVOUR one of nue, nuebar, nux (e.g. nue=9.5)",
                                option, part));
      }
      if (!(v >= lo && v <= hi)) {
        throw Error(ErrorCode::InvalidArgument,
                    fmt::format("{} {}={} {} out of range [{}, {}] {}", option, key, v, unit, lo, hi, unit));
      }
      out[key] = v;
    }
  }
  return out;
}

std::shared_ptr<const NeutrinoSource> makeSource(const SupernovaOptions& o) {
  if (o.model == "pinched") {
    PinchedModelConfig c;
    c.decayTime = o.decayTime * units::s;
    c.duration = o.duration * units::s;
    c.neutronizationBurst = o.burst;
    std::map<std::string, PinchedFlavourParams*> g{{"nue", &c.nue}, {"nuebar", &c.nuebar}, {"nux", &c.nux}};
    for (const auto& [k, v] : parseFlavourValues(o.meanEnergy, "--mean-energy", "MeV", kMinMeanEnergy, kMaxMeanEnergy)) {
      g[k]->meanEnergy = v;
    }
    for (const auto& [k, v] : parseFlavourValues(o.alpha, "--alpha", "", kMinAlpha, kMaxAlpha)) {
      g[k]->alpha = v;
    }
    for (const auto& [k, v] : parseFlavourValues(o.energyErg, "--energy-erg", "erg", 1e40, 1e56)) {
      g[k]->totalEnergy = v * kErg;
    }
    return makePinchedSupernova(c);
  }
  if (!o.meanEnergy.empty() || !o.alpha.empty() || !o.energyErg.empty() || o.burst) {
    throw Error(ErrorCode::InvalidArgument,
                "--mean-energy, --alpha, --energy-erg and --burst apply to --model pinched only");
  }
  std::error_code ec;
  if (!std::filesystem::exists(o.model, ec)) {
    throw Error(ErrorCode::UnknownModel,
                fmt::format("--model '{}': neither 'pinched' nor an existing file or directory (Garching directory, "
                            "moments table, Nakazato table or SNOwGLoBES flux file; docs/supernova-formats.md)",
                            o.model));
  }
  return readSupernovaModel(o.model);
}

void run(const SupernovaOptions& o) {
  if (o.list) {
    fmt::print("detectors in data/detectors: {}\n", fmt::join(SupernovaDetector::available(), ", "));
    return;
  }
  requireInRange(o.distanceKpc, 1e-6, 1e6, "--distance", "kpc");
  requireInRange(o.energyMax, 10.0, 1000.0, "--energy-max", "MeV");
  require(o.energyBins >= 10 && o.energyBins <= 10000, fmt::format("--energy-bins {} out of range [10, 10000]", o.energyBins));
  const NuclideTable table = NuclideTable::load();
  const auto source = makeSource(o);
  const auto det = SupernovaDetector::load(o.detector, table);
  ChannelBuildConfig bc;
  bc.inelasticModel = o.inelasticModel;
  bc.formFactor = o.formFactor;
  bc.energy = {0.0, o.energyMax, static_cast<std::size_t>(o.energyBins)};
  bc.inelasticNodes = o.inelasticNodes;
  bc.esRadiativeCorrections = o.esRadiativeCorrections;
  const auto calo = generator::makeSupernovaCalorimetry(o.ncDeexcitation, o.ccDeexcitation, table);
  bc.deexcitation = calo.nc;
  bc.ccDeexcitation = calo.cc;
  const auto channels = SupernovaChannels::build(det, bc, table);

  SupernovaPredictionConfig pc;
  pc.source = source;
  pc.distance = o.distanceKpc * units::kpc;
  pc.transformation = parseOrdering(o.ordering);
  const auto range = source->timeRange();
  const double t0 = std::max(range.begin, o.tMin * units::s);
  const double t1 = std::min(range.end, o.tMax * units::s);
  if (!(t1 > t0)) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("--t-min/--t-max select no emission (source emits from {} s to {} s)", range.begin / units::s,
                            range.end / units::s));
  }
  if (o.timeBinMs > 0.0) {
    const double w = o.timeBinMs * units::ms;
    const double n = std::ceil((t1 - t0) / w);
    require(n <= 1e6, fmt::format("--time-bin {} ms gives {} bins (at most 1e6)", o.timeBinMs, n));
    for (double i = 0; i <= n; i += 1.0) {
      pc.timeEdges.push_back(std::min(t0 + i * w, t1));
    }
    if (pc.timeEdges.size() >= 2 && pc.timeEdges[pc.timeEdges.size() - 1] <= pc.timeEdges[pc.timeEdges.size() - 2]) {
      pc.timeEdges.pop_back();
    }
  } else {
    for (double e : defaultTimeEdges(*source)) {
      if (e >= t0 && e <= t1) pc.timeEdges.push_back(e);
    }
    if (pc.timeEdges.empty() || pc.timeEdges.front() > t0) pc.timeEdges.insert(pc.timeEdges.begin(), t0);
    if (pc.timeEdges.back() < t1) pc.timeEdges.push_back(t1);
  }
  const auto p = predictSupernova(channels, pc);

  std::vector<double> tbins;
  for (double e : p.timeEdges) tbins.push_back(e / units::s);
  if (o.json) {
    nlohmann::json j;
    j["source"] = source->description();
    j["detector"] = det.name;
    j["detector_description"] = det.description;
    j["distance_kpc"] = o.distanceKpc;
    j["flavour_transformation"] = p.transformation;
    j["inelastic_model"] = o.inelasticModel;
    j["es_radiative_corrections"] = o.esRadiativeCorrections;
    j["nc_deexcitation"] = o.ncDeexcitation;
    j["cc_deexcitation"] = o.ccDeexcitation;
    j["events_total"] = p.eventsTotal();
    for (std::size_t c = 0; c < p.channels.size(); ++c) {
      j["events_by_channel"][p.channels[c]] = p.eventsDetected[c];
      j["interactions_by_channel"][p.channels[c]] = p.eventsInteracting[c];
      j["targets_by_channel"][p.channels[c]] = p.targets[c];
      if (!p.notes[c].empty()) j["notes"][p.channels[c]] = p.notes[c];
      j["counts_per_bin_by_channel"][p.channels[c]] = p.countsPerBin[c];
    }
    j["time_bins_s"] = tbins;
    j["counts_per_bin"] = p.totalPerBin;
    std::cout << j.dump(2) << "\n";
  } else {
    fmt::print("Supernova at {} kpc in {} ({})\n  source: {}\n  flavours: {}\n  inelastic model: {} (de-excitation: "
               "CC {}, NC {})\n",
               o.distanceKpc, det.name, det.description, source->description(), p.transformation, o.inelasticModel,
               o.ccDeexcitation, o.ncDeexcitation);
    fmt::print("{:<22} {:>12} {:>14} {:>12}  {}\n", "channel", "events", "interactions", "targets", "note");
    for (std::size_t c = 0; c < p.channels.size(); ++c) {
      fmt::print("{:<22} {:>12.2f} {:>14.2f} {:>12.4e}  {}\n", p.channels[c], p.eventsDetected[c], p.eventsInteracting[c],
                 p.targets[c], p.notes[c]);
    }
    fmt::print("{:<22} {:>12.2f}\n", "total", p.eventsTotal());
    fmt::print("time bins: {} from {} s to {} s (events per bin: --json, --csv)\n", p.timeEdges.size() - 1, tbins.front(),
               tbins.back());
  }
  if (o.csv) {
    CsvText t;
    t.comments = {fmt::format("lenu supernova: {} at {} kpc, {}; {}", det.name, o.distanceKpc, p.transformation,
                              source->description()),
                  "events per time bin (detected) per channel"};
    t.header = {"t_lo_s", "t_hi_s"};
    for (const auto& c : p.channels) t.header.push_back(c + "_events");
    t.header.push_back("total_events");
    for (std::size_t b = 0; b + 1 < p.timeEdges.size(); ++b) {
      std::vector<double> row{tbins[b], tbins[b + 1]};
      for (std::size_t c = 0; c < p.channels.size(); ++c) row.push_back(p.countsPerBin[c][b]);
      row.push_back(p.totalPerBin[b]);
      t.rows.push_back(row);
    }
    writeFileAtomically(*o.csv + "_time.csv", t.str());
    CsvText s;
    s.comments = {"detected events per neutrino-energy bin per channel"};
    s.header = {"Enu_lo_MeV", "Enu_hi_MeV"};
    for (const auto& c : p.channels) s.header.push_back(c + "_events");
    for (std::size_t j = 0; j + 1 < p.energyEdges.size(); ++j) {
      std::vector<double> row{p.energyEdges[j], p.energyEdges[j + 1]};
      for (std::size_t c = 0; c < p.channels.size(); ++c) row.push_back(p.spectrumNu[c][j]);
      s.rows.push_back(row);
    }
    writeFileAtomically(*o.csv + "_spectrum_enu.csv", s.str());
    for (std::size_t c = 0; c < p.channels.size(); ++c) {
      if (p.observedEdges[c].empty()) continue;
      CsvText v;
      v.comments = {fmt::format("channel {}: detected events per bin of {}", p.channels[c], p.observedQuantity[c])};
      v.header = {"E_lo_MeV", "E_hi_MeV", "events"};
      for (std::size_t i = 0; i < p.observedSpectrum[c].size(); ++i)
        v.rows.push_back({p.observedEdges[c][i], p.observedEdges[c][i + 1], p.observedSpectrum[c][i]});
      writeFileAtomically(fmt::format("{}_observed_{}.csv", *o.csv, p.channels[c]), v.str());
    }
    CsvText te;
    te.comments = {"detected events (all channels) per time bin and neutrino-energy bin"};
    te.header = {"t_lo_s", "t_hi_s", "Enu_lo_MeV", "Enu_hi_MeV", "events"};
    for (std::size_t b = 0; b < p.timeEnergy.size(); ++b)
      for (std::size_t jj = 0; jj + 1 < p.energyEdges.size(); ++jj)
        if (p.timeEnergy[b][jj] > 0.0)
          te.rows.push_back({tbins[b], tbins[b + 1], p.energyEdges[jj], p.energyEdges[jj + 1], p.timeEnergy[b][jj]});
    writeFileAtomically(*o.csv + "_time_energy.csv", te.str());
  }
  if (o.exportDir) {
    std::filesystem::create_directories(*o.exportDir);
    const std::filesystem::path d(*o.exportDir);
    writeFileAtomically(d / "flux_lenu.dat", snowglobesFluxText(p));
    for (std::size_t c = 0; c < channels.channels().size(); ++c) {
      const auto& ch = channels.channels()[c];
      writeFileAtomically(d / fmt::format("xs_{}.dat", ch.spec.label), snowglobesCrossSectionText(ch, bc.energy));
      writeFileAtomically(d / fmt::format("{}_events_unsmeared.dat", ch.spec.label), snowglobesRateText(p, c, false));
      if (!p.observedEdges[c].empty())
        writeFileAtomically(d / fmt::format("{}_events_smeared.dat", ch.spec.label), snowglobesRateText(p, c, true));
    }
  }
  if (o.plot) {
    Plot tp{fmt::format("{} at {} kpc: events per ms ({})", det.name, o.distanceKpc, o.ordering), "time after bounce t [s]",
            "events per ms"};
    tp.logX = false;
    for (std::size_t c = 0; c < p.channels.size(); ++c) {
      if (p.eventsDetected[c] <= 0.0) continue;
      PlotSeries s{p.channels[c], {}, {}, "steps"};
      for (std::size_t b = 0; b + 1 < p.timeEdges.size(); ++b) {
        s.x.push_back(tbins[b]);
        s.y.push_back(p.countsPerBin[c][b] / ((tbins[b + 1] - tbins[b]) * 1e3));
      }
      tp.series.push_back(s);
    }
    tp.render(*o.plot + "_time.png");
    Plot sp{fmt::format("{} at {} kpc: detected events per neutrino energy", det.name, o.distanceKpc),
            "neutrino energy E [MeV]", "events per MeV"};
    for (std::size_t c = 0; c < p.channels.size(); ++c) {
      if (p.eventsDetected[c] <= 0.0) continue;
      PlotSeries s{p.channels[c], {}, {}, "steps"};
      for (std::size_t jj = 0; jj + 1 < p.energyEdges.size(); ++jj) {
        s.x.push_back(p.energyEdges[jj]);
        s.y.push_back(p.spectrumNu[c][jj] / (p.energyEdges[jj + 1] - p.energyEdges[jj]));
      }
      sp.series.push_back(s);
    }
    sp.render(*o.plot + "_spectrum.png");
  }
}

} // namespace

void registerSupernovaCommand(CLI::App& app) {
  auto o = std::make_shared<SupernovaOptions>();
  CLI::App* sub = app.add_subcommand(
      "supernova",
      "Supernova neutrinos: expected events per channel, time profile (burst resolved), spectra, in a detector\n"
      "  Sources: --model pinched (Keil-Raffelt-Janka spectra, constant <E>, alpha per flavour, L ~ exp(-t/tau),\n"
      "  normalised to the total energy per flavour; --burst adds the analytic nu_e neutronization burst), or a\n"
      "  table: Garching directory, moments table, Nakazato table, SNOwGLoBES flux file (docs/supernova-formats.md).\n"
      "  Flavours: --ordering none | exchange | normal | inverted (adiabatic MSW, NuFIT 6.0 angles) |\n"
      "  normal-nonadiabatic | inverted-nonadiabatic. Channels and detector numbers: data/detectors/*.toml.\n"
      "  Example: lenu supernova --model pinched --burst --distance 10 --detector dune-40kt --ordering normal --json");
  sub->add_option("--model", o->model, "pinched (default) or a model file/directory")->capture_default_str();
  sub->add_flag("--burst", o->burst, "pinched: add the nu_e neutronization burst (peak 3.8e53 erg/s at 5.9 ms)");
  sub->add_option("--distance", o->distanceKpc, "distance to the supernova [kpc], (0, 1e6]")->capture_default_str();
  sub->add_option("--detector", o->detector, "detector name in data/detectors (dune-40kt, dune-10kt, hyperk-like, scint-20kt, "
                                             "xenonnt-like, darkside20k-like) or a .toml file")->capture_default_str();
  sub->add_option("--ordering", o->ordering, "flavour transformation (see above)")->capture_default_str();
  sub->add_option("--inelastic-model", o->inelasticModel,
                  "response model for CC/NC on nuclei: allowed (measured B(GT); CC nu on Ar40, C12), hf, hf:FORCE, ws, crpa")
      ->capture_default_str();
  sub->add_flag("--es-radiative-corrections", o->esRadiativeCorrections,
                "nu-e elastic scattering with the O(alpha) electroweak + QED corrections of Bahcall, Kamionkowski & "
                "Sirlin, PRD 51 (1995) 6146 (changes the ES count by a few per cent; default: tree level)");
  sub->add_option("--nc-deexcitation", o->ncDeexcitation,
                  "NC observed energy = visible de-excitation energy of the final nucleus: generator (lenu's gamma\n"
                  "cascades + evaporation; gammas and p/alpha kinetic energy visible, neutrons not), full (all of E_x\n"
                  "visible), none (NC interactions counted with the efficiency, no spectrum, the NC threshold and\n"
                  "resolution not applied)")
      ->capture_default_str();
  sub->add_option("--cc-deexcitation", o->ccDeexcitation,
                  "nu_e / anti-nu_e CC on nuclei: observed energy = lepton kinetic energy + visible de-excitation energy\n"
                  "of the final nucleus at E_x = omega - Q: generator (default; gammas and p/alpha visible, neutrons\n"
                  "not), full (all of E_x visible: E_nu - Q - m_e), lepton (the electron/positron alone), none (the\n"
                  "simple model E_vis = E_nu - offset of the detector TOML). Threshold, resolution and efficiency of\n"
                  "the channel apply to the observed energy.")
      ->capture_default_str();
  sub->add_option("--form-factor", o->formFactor, "CEvNS form factor (helm, klein-nystrand, ...)")->capture_default_str();
  sub->add_option("--mean-energy", o->meanEnergy, "pinched: <E> [MeV] per flavour, e.g. nue=9.5,nuebar=12,nux=15 (0.1..100)");
  sub->add_option("--alpha", o->alpha, "pinched: pinching alpha per flavour, e.g. nue=2.5 (-0.9..20)");
  sub->add_option("--energy-erg", o->energyErg, "pinched: energy emitted per flavour [erg], e.g. nue=5e52 (nux: each of the four)");
  sub->add_option("--decay-time", o->decayTime, "pinched: cooling time tau [s] of L ~ exp(-t/tau)")->capture_default_str();
  sub->add_option("--duration", o->duration, "pinched: emission stops after this [s]")->capture_default_str();
  sub->add_option("--time-bin", o->timeBinMs, "uniform time bins [ms]; default: 1 ms to 0.1 s, 10 ms to 1 s, 100 ms after");
  sub->add_option("--t-min", o->tMin, "start of the analysed time range [s] (default: start of emission)");
  sub->add_option("--t-max", o->tMax, "end of the analysed time range [s] (default: end of emission)");
  sub->add_option("--energy-max", o->energyMax, "neutrino energy grid up to [MeV] (10..1000)")->capture_default_str();
  sub->add_option("--energy-bins", o->energyBins, "number of neutrino-energy bins (10..10000)")->capture_default_str();
  sub->add_option("--inelastic-nodes", o->inelasticNodes, "energies at which inelastic sigma(E) is computed (4..1000)")
      ->capture_default_str();
  sub->add_flag("--json", o->json, "JSON: events_by_channel, events_total, time_bins_s (edges), counts_per_bin, ...");
  sub->add_option("--plot", o->plot, "PNG prefix: PREFIX_time.png (events per ms), PREFIX_spectrum.png");
  sub->add_option("--csv", o->csv, "CSV prefix: _time.csv, _spectrum_enu.csv, _observed_<channel>.csv, _time_energy.csv");
  sub->add_option("--export-snowglobes", o->exportDir, "directory: flux, cross sections and rates in SNOwGLoBES layouts");
  sub->add_flag("--list-detectors", o->list, "list the detectors in data/detectors and exit");
  sub->callback([o] { run(*o); });
}

} // namespace lenu::cli
