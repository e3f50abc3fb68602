/// `lenu predict`: the end-to-end CEvNS prediction for an experiment file.

#include <filesystem>
#include <iostream>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "CliSupport.hpp"
#include "Commands.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/io/AtomicFile.hpp"
#include "lenu/io/Plot.hpp"
#include "lenu/models/Experiment.hpp"
#include "lenu/models/InelasticPrediction.hpp"
#include "lenu/source/StoppedPionSource.hpp"

namespace lenu::cli {
namespace {

struct PredictOptions {
  std::string experiment;
  std::optional<std::string> formFactor;
  bool json = false;
  std::string outputDir;
  std::optional<std::string> plot;
  bool noFiles = false;
  std::optional<std::string> inelastic;
};

/// Detected events per observable bin, summed over flavours.
std::vector<double> observableTotals(const CevnsPrediction& p) {
  std::vector<double> tot(p.observableEdges.size() - 1, 0.0);
  for (Flavour f : p.flavours) {
    for (std::size_t b = 0; b < tot.size(); ++b) {
      tot[b] += p.observableCounts.at(f)[b];
    }
  }
  return tot;
}

void writeOutputs(const Experiment& x, const CevnsPrediction& p, const std::filesystem::path& dir) {
  const auto base = dir / x.name;
  const double dT = (p.recoilEdges[1] - p.recoilEdges[0]);
  {
    CsvText c;
    c.comments = {fmt::format("lenu predict {}: CEvNS recoil spectrum, all recoils (no detector response)", x.name),
                  fmt::format("form factor: {}; {}", x.formFactorName, x.citation)};
    c.header = {"T_keVnr"};
    for (Flavour f : p.flavours) {
      c.header.push_back(fmt::format("dNdT_{}_per_keVnr", toString(f)));
    }
    for (std::size_t b = 0; b + 1 < p.recoilEdges.size(); ++b) {
      std::vector<double> row{(static_cast<double>(b) + 0.5) * dT / units::keV};
      for (Flavour f : p.flavours) {
        row.push_back(p.dNdT.at(f)[b] * units::keV);
      }
      c.rows.push_back(row);
    }
    writeFileAtomically(base.string() + "_recoil.csv", c.str());
    Plot pl{fmt::format("{}: CEvNS recoil spectrum", x.name), "nuclear recoil energy T [keVnr]",
            "dN/dT [events / keVnr]"};
    for (std::size_t k = 0; k < p.flavours.size(); ++k) {
      PlotSeries s{std::string(toString(p.flavours[k])), {}, {}};
      for (const auto& row : c.rows) {
        s.x.push_back(row[0]);
        s.y.push_back(row[k + 1]);
      }
      pl.series.push_back(s);
    }
    pl.render(base.string() + "_recoil.png");
  }
  {
    CsvText c;
    c.comments = {fmt::format("lenu predict {}: detected events per observable bin [{}] (time window applied)", x.name,
                              p.observableUnit)};
    c.header = {fmt::format("lo_{}", p.observableUnit), fmt::format("hi_{}", p.observableUnit)};
    for (Flavour f : p.flavours) {
      c.header.push_back(fmt::format("events_{}", toString(f)));
    }
    c.header.push_back("events_total");
    Plot pl{fmt::format("{}: detected CEvNS events", x.name), fmt::format("observed energy [{}]", p.observableUnit),
            "events per bin"};
    std::vector<PlotSeries> ser(p.flavours.size() + 1);
    for (std::size_t k = 0; k < p.flavours.size(); ++k) {
      ser[k].label = std::string(toString(p.flavours[k]));
      ser[k].style = "histeps";
    }
    ser.back().label = "total";
    ser.back().style = "histeps";
    const auto totals = observableTotals(p);
    for (std::size_t b = 0; b + 1 < p.observableEdges.size(); ++b) {
      std::vector<double> row{p.observableEdges[b], p.observableEdges[b + 1]};
      const double xc = 0.5 * (p.observableEdges[b] + p.observableEdges[b + 1]);
      for (std::size_t k = 0; k < p.flavours.size(); ++k) {
        const double v = p.observableCounts.at(p.flavours[k])[b];
        row.push_back(v);
        ser[k].x.push_back(xc);
        ser[k].y.push_back(v);
      }
      row.push_back(totals[b]);
      ser.back().x.push_back(xc);
      ser.back().y.push_back(totals[b]);
      c.rows.push_back(row);
    }
    pl.series = ser;
    writeFileAtomically(base.string() + "_observable.csv", c.str());
    pl.render(base.string() + "_observable.png");
  }
  {
    CsvText c;
    c.comments = {fmt::format("lenu predict {}: detected events per time bin; t = 0 at the proton-pulse centroid",
                              x.name)};
    c.header = {"lo_ns", "hi_ns"};
    for (Flavour f : p.flavours) {
      c.header.push_back(fmt::format("events_{}", toString(f)));
    }
    Plot pl{fmt::format("{}: event timing", x.name), "time after the proton-pulse centroid [ns]", "events per bin"};
    std::vector<PlotSeries> ser(p.flavours.size());
    for (std::size_t k = 0; k < p.flavours.size(); ++k) {
      ser[k].label = std::string(toString(p.flavours[k]));
      ser[k].style = "histeps";
    }
    for (std::size_t b = 0; b + 1 < p.timeEdges.size(); ++b) {
      std::vector<double> row{p.timeEdges[b], p.timeEdges[b + 1]};
      for (std::size_t k = 0; k < p.flavours.size(); ++k) {
        const double v = p.timeCounts.at(p.flavours[k])[b];
        row.push_back(v);
        ser[k].x.push_back(0.5 * (p.timeEdges[b] + p.timeEdges[b + 1]));
        ser[k].y.push_back(v);
      }
      c.rows.push_back(row);
    }
    pl.series = ser;
    writeFileAtomically(base.string() + "_time.csv", c.str());
    pl.render(base.string() + "_time.png");
  }
  {
    CsvText c;
    c.comments = {fmt::format("lenu predict {}: detected events per (observable [{}], time [ns]) bin, all flavours",
                              x.name, p.observableUnit)};
    c.header = {fmt::format("obs_lo_{}", p.observableUnit), fmt::format("obs_hi_{}", p.observableUnit), "t_lo_ns",
                "t_hi_ns", "events"};
    for (std::size_t o = 0; o + 1 < p.observableEdges.size(); ++o) {
      for (std::size_t t = 0; t + 1 < p.timeEdges.size(); ++t) {
        c.rows.push_back({p.observableEdges[o], p.observableEdges[o + 1], p.timeEdges[t], p.timeEdges[t + 1],
                          p.observableTimeTable[o][t]});
      }
    }
    writeFileAtomically(base.string() + "_energy_time.csv", c.str());
    HeatMap hm{fmt::format("{}: detected events", x.name), fmt::format("observed energy [{}]", p.observableUnit),
               "time after pulse centroid [ns]", "events per bin", p.observableEdges, p.timeEdges,
               p.observableTimeTable};
    hm.render(base.string() + "_energy_time.png");
  }
}

void runPredict(const PredictOptions& o) {
  const auto nuclides = NuclideTable::load();
  const auto file = resolveExperimentFile(o.experiment);
  const auto x = loadExperiment(file, nuclides, o.formFactor);
  const CevnsRate rate(x.rate);
  const auto p = rate.predict();
  const double xsecAll = p.fluxAveragedXsecAll / units::cm2;
  const auto* sp = dynamic_cast<const StoppedPionSource*>(x.rate.source.get());
  std::vector<InelasticCount> inel;
  if (o.inelastic) {
    inel = predictInelastic(x.rate, *o.inelastic, nuclides);
  }

  if (o.json) {
    nlohmann::json j;
    j["experiment"] = x.name;
    j["events_total"] = p.eventsDetectedTotal();
    j["events_all_recoils_total"] = p.eventsAllRecoilsTotal();
    for (Flavour f : p.flavours) {
      j["events_by_flavour"][std::string(toString(f))] = p.eventsDetected.at(f);
      j["events_all_recoils_by_flavour"][std::string(toString(f))] = p.eventsAllRecoils.at(f);
      j["flux_averaged_xsec_by_flavour_cm2"][std::string(toString(f))] = p.fluxAveragedXsec.at(f) / units::cm2;
      j["fluence_by_flavour_cm2"][std::string(toString(f))] = p.fluence.at(f) * units::cm2;
    }
    j["flux_averaged_xsec_cm2"] = xsecAll;
    j["form_factor"] = x.formFactorName;
    j["exposure"] = {{"target", x.rate.target.name()},
                     {"target_mass_kg", x.rate.targetMass},
                     {"target_nuclei", p.targetNuclei},
                     {"distance_m", x.rate.distance / units::m}};
    if (sp != nullptr) {
      j["exposure"]["protons_on_target"] = sp->protonsOnTarget();
      j["exposure"]["neutrinos_per_flavour_per_proton"] = sp->config().neutrinosPerFlavourPerProton;
    }
    j["observable_unit"] = p.observableUnit;
    if (x.reference.smEvents) {
      j["reference"]["sm_events"] = *x.reference.smEvents;
    }
    if (x.reference.observedEvents) {
      j["reference"]["observed_events"] = *x.reference.observedEvents;
    }
    if (x.reference.smXsecCm2) {
      j["reference"]["sm_flux_averaged_xsec_cm2"] = *x.reference.smXsecCm2;
    }
    if (o.inelastic) {
      j["inelastic"]["model"] = *o.inelastic;
      double total = 0.0;
      for (const auto& n : inel) {
        nlohmann::json e{{"nuclide", n.nuclide}, {"channel", n.channel}, {"flavour", std::string(toString(n.flavour))},
                         {"flux_averaged_xsec_cm2", n.fluxAveragedXsec / units::cm2}, {"events", n.events}};
        if (!n.note.empty()) {
          e["note"] = n.note;
        }
        j["inelastic"]["channels"].push_back(e);
        total += n.events;
      }
      j["inelastic"]["events_total"] = total;
      for (const auto& ref : x.reference.inelastic) {
        nlohmann::json e{{"nuclide", ref.nuclide}, {"channel", ref.channel}, {"flavour", std::string(toString(ref.flavour))}};
        if (ref.measuredXsecCm2) e["measured_flux_averaged_xsec_cm2"] = *ref.measuredXsecCm2;
        if (ref.measuredXsecErrorPlusCm2) e["measured_flux_averaged_xsec_error_plus_cm2"] = *ref.measuredXsecErrorPlusCm2;
        if (ref.measuredXsecErrorMinusCm2) e["measured_flux_averaged_xsec_error_minus_cm2"] = *ref.measuredXsecErrorMinusCm2;
        if (ref.observedEvents) e["observed_events"] = *ref.observedEvents;
        if (ref.predictionXsecCm2) e["prediction_flux_averaged_xsec_cm2"] = *ref.predictionXsecCm2;
        if (!ref.predictionLabel.empty()) e["prediction_label"] = ref.predictionLabel;
        j["inelastic"]["reference"].push_back(e);
      }
    }
    std::cout << j.dump(2) << "\n";
  } else {
    fmt::print("lenu predict: {}\n  {}\n  {}\n\n", x.name, x.description, x.citation);
    fmt::print("Source      : {}\n", x.rate.source->description());
    fmt::print("Target      : {} {:.4g} kg at {:.2f} m, {:.4e} nuclei", x.rate.target.name(), x.rate.targetMass,
               x.rate.distance / units::m, p.targetNuclei);
    std::string comps;
    for (const auto& c : x.rate.target.components()) {
      comps += fmt::format(" {}:{:.4g}", c.nuclide.name(), c.atomsPerFormulaUnit);
    }
    fmt::print(" (per formula unit:{})\n", comps);
    fmt::print("Form factor : {} ({})\n", x.formFactorName,
               rate.crossSections(p.flavours.front()).front().weakFormFactor().nucleonFormFactors().neutron->description());
    if (x.rate.detector) {
      fmt::print("Detector    : {}\n", x.rate.detector->description());
    }
    fmt::print("\n{:<9} {:>16} {:>22} {:>18} {:>16}\n", "flavour", "fluence [cm^-2]", "<sigma> [1e-40 cm^2]",
               "events (all T)", "events (detected)");
    for (Flavour f : p.flavours) {
      fmt::print("{:<9} {:>16.4e} {:>22.2f} {:>18.1f} {:>16.1f}\n", toString(f), p.fluence.at(f) * units::cm2,
                 p.fluxAveragedXsec.at(f) / units::cm2 / 1e-40, p.eventsAllRecoils.at(f), p.eventsDetected.at(f));
    }
    fmt::print("{:<9} {:>16} {:>22.2f} {:>18.1f} {:>16.1f}\n\n", "total", "", xsecAll / 1e-40, p.eventsAllRecoilsTotal(),
               p.eventsDetectedTotal());
    fmt::print("Flux-averaged CEvNS cross section per nucleus: {:.2f} x 1e-40 cm^2", xsecAll / 1e-40);
    if (x.reference.smXsecCm2) {
      fmt::print("   (published SM: {:.1f} +- {:.1f}; lenu/published = {:.3f})", *x.reference.smXsecCm2 / 1e-40,
                 x.reference.smXsecErrorCm2.value_or(0.0) / 1e-40, xsecAll / *x.reference.smXsecCm2);
    }
    if (x.reference.measuredXsecCm2) {
      fmt::print("\n   measured: {:.1f} +- {:.1f} x 1e-40 cm^2", *x.reference.measuredXsecCm2 / 1e-40,
                 x.reference.measuredXsecErrorCm2.value_or(0.0) / 1e-40);
    }
    fmt::print("\nDetected CEvNS events: {:.1f}", p.eventsDetectedTotal());
    if (x.reference.smEvents) {
      fmt::print("   (collaboration SM prediction: {:.0f} +- {:.0f}; lenu/published = {:.3f})", *x.reference.smEvents,
                 x.reference.smEventsError.value_or(0.0), p.eventsDetectedTotal() / *x.reference.smEvents);
    }
    if (x.reference.observedEvents) {
      fmt::print("\n   observed: {:.0f} +- {:.0f}", *x.reference.observedEvents, x.reference.observedEventsError.value_or(0.0));
    }
    fmt::print("\n");
    if (o.inelastic) {
      fmt::print("\nInelastic interactions in the target (model {}; no detector response applied):\n", *o.inelastic);
      fmt::print("{:<8} {:<4} {:<9} {:>22} {:>14}\n", "target", "chan", "flavour", "<sigma> [1e-42 cm^2]", "events");
      double total = 0.0;
      for (const auto& n : inel) {
        if (n.note.empty()) {
          fmt::print("{:<8} {:<4} {:<9} {:>22.3f} {:>14.2f}\n", n.nuclide, n.channel, toString(n.flavour),
                     n.fluxAveragedXsec / units::cm2 / 1e-42, n.events);
          total += n.events;
        } else {
          fmt::print("{:<8} {:<4} {:<9} {:>22} {:>14}   ({})\n", n.nuclide, n.channel, toString(n.flavour), "-", "-",
                     n.note);
        }
      }
      fmt::print("{:<23} {:>22} {:>14.2f}\n", "total", "", total);
      for (const auto& ref : x.reference.inelastic) {
        const InelasticCount* mine = nullptr;
        for (const auto& n : inel) {
          if (n.nuclide == ref.nuclide && n.channel == ref.channel && n.flavour == ref.flavour && n.note.empty()) mine = &n;
        }
        fmt::print("Published {} {} {}:", ref.nuclide, ref.channel, toString(ref.flavour));
        if (ref.measuredXsecCm2) {
          fmt::print(" measured <sigma> = {:.2f} +{:.2f} -{:.2f} x 1e-40 cm^2", *ref.measuredXsecCm2 / 1e-40,
                     ref.measuredXsecErrorPlusCm2.value_or(0.0) / 1e-40, ref.measuredXsecErrorMinusCm2.value_or(0.0) / 1e-40);
          if (mine != nullptr) {
            fmt::print("; lenu ({}) {:.2f} x 1e-40 cm^2, lenu/measured = {:.3f}", *o.inelastic,
                       mine->fluxAveragedXsec / units::cm2 / 1e-40, mine->fluxAveragedXsec / units::cm2 / *ref.measuredXsecCm2);
          }
        }
        if (ref.predictionXsecCm2) {
          fmt::print("\n   {} prediction: {:.2f} x 1e-40 cm^2", ref.predictionLabel.empty() ? "collaboration" : ref.predictionLabel,
                     *ref.predictionXsecCm2 / 1e-40);
        }
        if (ref.observedEvents) {
          fmt::print("\n   observed: {:.0f} +- {:.0f} events", *ref.observedEvents, ref.observedEventsError.value_or(0.0));
        }
        if (!ref.citation.empty()) fmt::print("\n   ({})", ref.citation);
        fmt::print("\n");
      }
    }
  }
  if (!o.noFiles) {
    const std::filesystem::path dir = o.outputDir.empty() ? std::filesystem::path("lenu-output") : std::filesystem::path(o.outputDir);
    writeOutputs(x, p, dir);
    if (!o.json) {
      fmt::print("\nWrote {}/{}_{{recoil,observable,time,energy_time}}.{{csv,png}}\n", dir.string(), x.name);
    }
  }
  if (o.plot) {
    Plot pl{fmt::format("{}: detected CEvNS events", x.name), fmt::format("observed energy [{}]", p.observableUnit),
            "events per bin"};
    PlotSeries tot{"total", {}, observableTotals(p), "histeps"};
    for (std::size_t b = 0; b + 1 < p.observableEdges.size(); ++b) {
      tot.x.push_back(0.5 * (p.observableEdges[b] + p.observableEdges[b + 1]));
    }
    pl.series.push_back(tot);
    pl.render(*o.plot);
  }
}

} // namespace

void registerPredictCommand(CLI::App& app) {
  auto opts = std::make_shared<PredictOptions>();
  auto* cmd = app.add_subcommand(
      "predict",
      "Predict CEvNS counts for an experiment: source -> cross section -> detector.\n"
      "EXPERIMENT is a name from data/experiments/ (coherent-csi-2017, coherent-csi-2022, coherent-cenns10-2020,\n"
      "coherent-nai-2023, jsns2, coh-ar-750, ccm-lar)\n"
      "or a path to a TOML file (format: docs/experiment-format.md). Prints expected events per flavour\n"
      "(all recoils and detected), the flux-averaged cross section [cm^2] and the published values;\n"
      "writes recoil [keVnr], observable [PE or keVee], time [ns] and energy x time spectra as CSV and PNG.\n"
      "Example: lenu predict coherent-csi-2017");
  cmd->add_option("experiment", opts->experiment, "experiment name or TOML file")->required();
  cmd->add_option("--form-factor", opts->formFactor,
                  "override the form-factor model: helm, klein-nystrand, symmetrized-fermi, fourier-bessel, unit, "
                  "hf:FORCE (e.g. hf:SLy4)");
  cmd->add_flag("--json", opts->json, "print one JSON object (events_total, events_by_flavour, "
                                      "flux_averaged_xsec_cm2, form_factor, exposure, ...)");
  cmd->add_option("--output-dir", opts->outputDir, "directory for CSV and PNG outputs (default: lenu-output)");
  cmd->add_option("--plot", opts->plot, "also draw the detected spectrum to this PNG file");
  cmd->add_flag("--no-files", opts->noFiles, "do not write CSV/PNG files into the output directory");
  cmd->add_option("--inelastic", opts->inelastic,
                  "also count inelastic CC and NC interactions with this response model: hf, hf:FORCE, crpa, crpa:FORCE, ws, "
                  "allowed, allowed:bhattacharya-cheoun");
  cmd->callback([opts] { runPredict(*opts); });
}

} // namespace lenu::cli
