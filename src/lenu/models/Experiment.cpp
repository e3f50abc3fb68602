#include "lenu/models/Experiment.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include "lenu/core/DataPath.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/TomlTable.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/models/FormFactorFactory.hpp"
#include "lenu/source/StoppedPionSource.hpp"
#include "lenu/source/TabulatedSource.hpp"

namespace lenu {
namespace {

ProtonPulse readPulse(TomlTable t) {
  const std::string shape = t.string("shape");
  ProtonPulse pulse = ProtonPulse::gaussian(1.0);
  if (shape == "gaussian") {
    pulse = ProtonPulse::gaussian(t.positive("fwhm_ns"));
  } else if (shape == "bunches") {
    const double fwhm = t.positive("fwhm_ns");
    auto centres = t.numbers("centres_ns");
    auto weights = t.numbers("weights");
    if (centres.size() != weights.size() || centres.empty()) {
      t.fail("weights", "needs one weight per entry of centres_ns");
    }
    pulse = ProtonPulse::gaussianBunches(fwhm, std::move(centres), std::move(weights));
  } else if (shape == "histogram") {
    auto edges = t.numbers("edges_ns");
    auto contents = t.numbers("contents");
    if (edges.size() != contents.size() + 1) {
      t.fail("contents", "needs one entry fewer than edges_ns");
    }
    pulse = ProtonPulse::histogram(std::move(edges), std::move(contents), "tabulated proton pulse");
  } else {
    t.fail("shape", fmt::format("unknown pulse shape '{}': accepted are gaussian, bunches, histogram", shape));
  }
  t.finish();
  return pulse;
}

std::shared_ptr<const NeutrinoSource> readSource(TomlTable t, const std::filesystem::path& file, double distance) {
  const std::string type = t.string("type");
  std::shared_ptr<const NeutrinoSource> src;
  if (type == "stopped-pion") {
    StoppedPionSource::Config c;
    c.neutrinosPerFlavourPerProton = t.positive("neutrinos_per_flavour_per_proton");
    if (auto pot = t.optNumber("protons_on_target")) {
      if (!(*pot > 0.0)) {
        t.fail("protons_on_target", "must be > 0");
      }
      c.protonsOnTarget = *pot;
    }
    if (auto gwh = t.optNumber("beam_energy_GWh")) {
      c.beamEnergy = *gwh * units::GWh;
    }
    c.protonEnergy = t.positive("proton_energy_MeV");
    if (!c.protonsOnTarget && !(c.beamEnergy > 0.0)) {
      t.fail("protons_on_target", "give protons_on_target or beam_energy_GWh (> 0)");
    }
    c.repetitionRate = t.positive("repetition_rate_Hz");
    c.pulse = readPulse(t.sub("pulse"));
    c.label = t.optString("label").value_or("stopped-pion source");
    src = std::make_shared<StoppedPionSource>(std::move(c));
  } else if (type == "kaon-dar") {
    KaonDecayAtRestSource::Config c;
    c.neutrinosPerProton = t.positive("neutrinos_per_proton");
    c.protonsOnTarget = t.positive("protons_on_target");
    c.pulse = readPulse(t.sub("pulse"));
    c.label = t.optString("label").value_or("kaon decay-at-rest source");
    src = std::make_shared<KaonDecayAtRestSource>(std::move(c));
  } else if (type == "tabulated") {
    auto rel = std::filesystem::path(t.string("file"));
    if (rel.is_relative()) {
      rel = file.parent_path() / rel;
    }
    const double ref = t.optNumber("reference_distance_m").value_or(distance / units::m);
    src = std::make_shared<TabulatedSource>(rel, ref * units::m);
  } else {
    t.fail("type", fmt::format("unknown source type '{}': accepted are stopped-pion, kaon-dar, tabulated", type));
  }
  t.finish();
  return src;
}

std::shared_ptr<const EfficiencyCurve> readEfficiency(TomlTable t) {
  const std::string type = t.string("type");
  std::shared_ptr<const EfficiencyCurve> e;
  if (type == "logistic") {
    LogisticEfficiency::Params p;
    p.a = t.number("a");
    p.k = t.number("k");
    p.x0 = t.number("x0");
    p.f = t.optNumber("f").value_or(0.0);
    p.xMin = t.optNumber("x_min").value_or(-1e300);
    e = std::make_shared<LogisticEfficiency>(p);
  } else if (type == "table") {
    auto x = t.numbers("x");
    auto v = t.numbers("efficiency");
    if (x.size() != v.size()) {
      t.fail("efficiency", "needs one value per entry of x");
    }
    e = std::make_shared<TabulatedEfficiency>(std::move(x), std::move(v), t.optString("label").value_or("table"));
  } else if (type == "step") {
    auto edges = t.numbers("edges");
    auto v = t.numbers("values");
    if (edges.size() != v.size() + 1) {
      t.fail("values", "needs one entry fewer than edges");
    }
    const double outside = t.optNumber("outside").value_or(1.0);
    e = std::make_shared<StepEfficiency>(std::move(edges), std::move(v), outside,
                                         t.optString("label").value_or("step efficiency"));
  } else {
    t.fail("type", fmt::format("unknown efficiency type '{}': accepted are logistic, table, step", type));
  }
  t.finish();
  return e;
}

} // namespace

std::vector<std::string> knownExperiments() {
  std::vector<std::string> out;
  const auto dir = dataDirectory() / "experiments";
  if (std::filesystem::is_directory(dir)) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() == ".toml") {
        out.push_back(entry.path().stem().string());
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::filesystem::path resolveExperimentFile(std::string_view nameOrPath) {
  const std::string s(nameOrPath);
  if (s.find('/') != std::string::npos || (s.size() > 5 && s.substr(s.size() - 5) == ".toml")) {
    if (!std::filesystem::exists(s)) {
      throw Error(ErrorCode::IoError, fmt::format("experiment file '{}' does not exist", s));
    }
    return s;
  }
  const auto p = dataDirectory() / "experiments" / (s + ".toml");
  if (!std::filesystem::exists(p)) {
    throw Error(ErrorCode::IoError, fmt::format("unknown experiment '{}': known are {} (or give a path to a .toml file)",
                                                s, fmt::join(knownExperiments(), ", ")));
  }
  return p;
}

Experiment loadExperiment(const std::filesystem::path& file, const NuclideTable& nuclides,
                          const std::optional<std::string>& formFactorOverride) {
  toml::table root;
  try {
    root = toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    throw Error(ErrorCode::ConfigError, fmt::format("{}:{}:{}: TOML syntax error: {}", file.string(),
                                                    e.source().begin.line, e.source().begin.column, e.description()));
  }
  TomlTable top(root, "", file.string());
  Experiment x;
  x.file = file;
  {
    auto t = top.sub("experiment");
    x.name = t.string("name");
    x.description = t.optString("description").value_or("");
    x.citation = t.string("citation");
    t.finish();
  }
  auto det = top.sub("detector");
  // 1 cm .. 1e9 m: a point source needs L >> its size; the upper end keeps L^2 [fm^2] finite
  const double distance = det.number("distance_m", 1e-2, 1e9) * units::m;
  x.rate.distance = distance;
  x.rate.source = readSource(top.sub("source"), file, distance);
  try {
    if (auto iso = det.optString("isotope")) {
      x.rate.target = TargetMaterial::singleIsotope(*iso, nuclides);
    } else {
      x.rate.target = TargetMaterial::fromFormula(det.string("material"), nuclides);
    }
  } catch (const Error& e) {
    if (e.code() == ErrorCode::ConfigError) {
      throw;
    }
    det.fail(det.has("isotope") ? "isotope" : "material", e.what());
  }
  x.rate.targetMass = det.positive("mass_kg");
  if (auto q = det.optSub("quenching")) {
    DetectorResponseConfig rc;
    const std::string model = q->string("model");
    if (model == "constant") {
      rc.quenching = std::make_shared<ConstantQuenching>(q->number("value", 1e-6, 1.0));
    } else if (model == "lindhard") {
      rc.quenching = std::make_shared<LindhardQuenching>(q->positive("k"),
                                                         static_cast<int>(q->number("Z", 1.0, 120.0)));
    } else if (model == "polynomial") {
      rc.quenching = std::make_shared<PolynomialQuenching>(q->numbers("coefficients"));
    } else {
      q->fail("model", fmt::format("unknown quenching model '{}': accepted are constant, lindhard, polynomial", model));
    }
    q->finish();
    if (auto r = det.optSub("response")) {
      if (auto ly = r->optNumber("light_yield_PE_per_keVee")) {
        if (!(*ly > 0.0)) {
          r->fail("light_yield_PE_per_keVee", "must be > 0");
        }
        rc.lightYield = *ly;
      }
      rc.resolutionA = r->optNumber("resolution_a_sqrt_keVee").value_or(0.0);
      rc.resolutionB = r->optNumber("resolution_b").value_or(0.0);
      rc.threshold = r->optNumber("threshold").value_or(0.0);
      rc.observableMax = r->optNumber("observable_max").value_or(1e300);
      r->finish();
    }
    for (auto& e : det.tables("efficiency")) {
      rc.efficiency.push_back(readEfficiency(e));
    }
    if (auto te = det.optSub("time_efficiency")) {
      rc.timeEfficiency = readEfficiency(*te);
    }
    x.rate.detector = std::make_shared<DetectorResponse>(std::move(rc));
  }
  det.finish();

  auto an = top.sub("analysis");
  x.formFactorName = formFactorOverride.value_or(an.string("form_factor"));
  if (formFactorOverride) {
    an.has("form_factor"); // the file's value is overridden, but the key is still a known key
  }
  x.rate.formFactor = makeFormFactorModel(x.formFactorName);
  if (auto wc = an.optString("weak_charges")) {
    try {
      x.rate.weakCharges = parseWeakChargeScheme(*wc);
    } catch (const Error& e) {
      an.fail("weak_charges", e.what());
    }
  }
  if (an.has("time_window_ns")) {
    const auto w = an.numbers("time_window_ns");
    if (w.size() != 2 || !(w[1] > w[0])) {
      an.fail("time_window_ns", "expected [begin, end] with end > begin");
    }
    x.rate.window = {w[0], w[1]};
  }
  if (auto b = an.optSub("observable_bins")) {
    x.rate.observableBins = {b->number("lo"), b->number("hi"), static_cast<std::size_t>(b->number("n", 1, 100000))};
    b->finish();
  }
  if (auto b = an.optSub("time_bins_ns")) {
    x.rate.timeBins = {b->number("lo"), b->number("hi"), static_cast<std::size_t>(b->number("n", 1, 100000))};
    b->finish();
  }
  if (auto n = an.optNumber("recoil_bins")) {
    x.rate.recoilBins = static_cast<std::size_t>(std::max(10.0, *n));
  }
  an.finish();

  if (auto r = top.optSub("reference")) {
    x.reference.smEvents = r->optNumber("sm_events");
    x.reference.smEventsError = r->optNumber("sm_events_error");
    x.reference.observedEvents = r->optNumber("observed_events");
    x.reference.observedEventsError = r->optNumber("observed_events_error");
    x.reference.smXsecCm2 = r->optNumber("sm_flux_averaged_xsec_cm2");
    x.reference.smXsecErrorCm2 = r->optNumber("sm_flux_averaged_xsec_error_cm2");
    x.reference.measuredXsecCm2 = r->optNumber("measured_flux_averaged_xsec_cm2");
    x.reference.measuredXsecErrorCm2 = r->optNumber("measured_flux_averaged_xsec_error_cm2");
    x.reference.citation = r->optString("citation").value_or("");
    for (auto& t : r->tables("inelastic")) {
      InelasticReference ir;
      ir.nuclide = t.string("nuclide");
      ir.channel = t.string("channel");
      if (ir.channel != "CC" && ir.channel != "NC") {
        t.fail("channel", fmt::format("unknown channel '{}': accepted are CC, NC", ir.channel));
      }
      try {
        ir.flavour = parseFlavour(t.string("flavour"));
      } catch (const Error& e) {
        t.fail("flavour", e.what());
      }
      ir.measuredXsecCm2 = t.optNumber("measured_flux_averaged_xsec_cm2");
      ir.measuredXsecErrorPlusCm2 = t.optNumber("measured_flux_averaged_xsec_error_plus_cm2");
      ir.measuredXsecErrorMinusCm2 = t.optNumber("measured_flux_averaged_xsec_error_minus_cm2");
      ir.observedEvents = t.optNumber("observed_events");
      ir.observedEventsError = t.optNumber("observed_events_error");
      ir.predictionXsecCm2 = t.optNumber("prediction_flux_averaged_xsec_cm2");
      ir.predictionLabel = t.optString("prediction_label").value_or("");
      ir.citation = t.optString("citation").value_or("");
      t.finish();
      x.reference.inelastic.push_back(std::move(ir));
    }
    r->finish();
  }
  top.finish();
  return x;
}

} // namespace lenu
