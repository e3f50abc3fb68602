/// Python bindings of the supernova layer: pinched (constant-parameter) sources with the optional
/// nu_e neutronization burst, simulation tables, the MSW flavour transformation, detectors from
/// data/detectors/, cached channel cross sections and the time-resolved prediction (numpy arrays).
/// Units: lenu's native ones (times ns, energies MeV, distances fm, energies emitted MeV; use
/// lenu.units.s, lenu.units.kpc, lenu.units.erg); the prediction also gives time edges in s.

#include <array>
#include <cmath>
#include <memory>
#include <string>

#include "Bindings.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/generator/DeexcitationCalorimeter.hpp"
#include "lenu/supernova/FlavourTransformation.hpp"
#include "lenu/supernova/PinchedSpectrum.hpp"
#include "lenu/supernova/SupernovaDetector.hpp"
#include "lenu/supernova/SupernovaRate.hpp"
#include "lenu/supernova/SupernovaSource.hpp"

namespace lenu::python {
namespace {

using namespace lenu::supernova;

/// Index of a flavour in kAllFlavours (the enum order).
std::size_t flavourSlot(Flavour f) { return static_cast<std::size_t>(f); }

/// (mean energy [MeV], alpha, total energy [MeV]) from a Python 3-tuple.
PinchedFlavourParams flavourParams(const py::tuple& t, const char* what) {
  if (t.size() != 3) {
    throw Error(ErrorCode::InvalidArgument,
                std::string(what) + ": expected (mean_energy [MeV], alpha, total_energy [MeV]), got " +
                    std::to_string(t.size()) + " values");
  }
  PinchedFlavourParams p{t[0].cast<double>(), t[1].cast<double>(), t[2].cast<double>()};
  validatePinched(p.meanEnergy, p.alpha, what);
  if (!(p.totalEnergy > 0.0) || !std::isfinite(p.totalEnergy)) {
    throw Error(ErrorCode::InvalidArgument, std::string(what) + ": total energy " + std::to_string(p.totalEnergy) +
                                                " MeV must be finite and > 0 (e.g. 5e52 * lenu.units.erg)");
  }
  return p;
}

py::tuple asTuple(const PinchedFlavourParams& p) { return py::make_tuple(p.meanEnergy, p.alpha, p.totalEnergy); }

/// A 2-d numpy array from rows of equal length.
py::array_t<double> toArray2(const std::vector<std::vector<double>>& rows, std::size_t cols) {
  py::array_t<double> a({static_cast<py::ssize_t>(rows.size()), static_cast<py::ssize_t>(cols)});
  auto w = a.mutable_unchecked<2>();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (std::size_t j = 0; j < cols; ++j) {
      w(static_cast<py::ssize_t>(i), static_cast<py::ssize_t>(j)) = j < rows[i].size() ? rows[i][j] : 0.0;
    }
  }
  return a;
}

/// dict channel label -> value.
template <class T>
py::dict byChannel(const SupernovaPrediction& p, const std::vector<T>& v) {
  py::dict d;
  for (std::size_t i = 0; i < p.channels.size() && i < v.size(); ++i) {
    d[py::str(p.channels[i])] = v[i];
  }
  return d;
}

py::dict byChannelArrays(const SupernovaPrediction& p, const std::vector<std::vector<double>>& v) {
  py::dict d;
  for (std::size_t i = 0; i < p.channels.size() && i < v.size(); ++i) {
    d[py::str(p.channels[i])] = toArray(v[i]);
  }
  return d;
}

SupernovaChannels buildChannels(const SupernovaDetector& det, const std::string& model, const std::string& ff,
                                double eMax, std::size_t nE, int nodes, const std::string& ncDeex,
                                const std::string& ccDeex) {
  const NuclideTable table = NuclideTable::load();
  ChannelBuildConfig c;
  c.inelasticModel = model;
  c.formFactor = ff;
  c.energy.hi = eMax;
  c.energy.n = nE;
  c.inelasticNodes = nodes;
  if (!(eMax > 0.0) || !std::isfinite(eMax) || nE < 1) {
    throw Error(ErrorCode::InvalidArgument, "energy grid: e_max " + std::to_string(eMax) +
                                                " MeV must be > 0 and energy_bins " + std::to_string(nE) + " >= 1");
  }
  if (nodes < 4) {
    throw Error(ErrorCode::InvalidArgument, "inelastic_nodes " + std::to_string(nodes) + " must be >= 4");
  }
  const auto calo = generator::makeSupernovaCalorimetry(ncDeex, ccDeex, table);
  c.deexcitation = calo.nc;
  c.ccDeexcitation = calo.cc;
  py::gil_scoped_release release;
  return SupernovaChannels::build(det, c, table);
}

SupernovaPrediction runPrediction(const SupernovaChannels& ch, const std::shared_ptr<NeutrinoSource>& src,
                                  double distance, const std::string& ordering, const py::object& timeEdges,
                                  double maxStep) {
  SupernovaPredictionConfig pc;
  pc.source = src;
  pc.distance = distance;
  pc.transformation = parseOrdering(ordering);
  if (!timeEdges.is_none()) {
    pc.timeEdges = toVector(DoubleArray::ensure(timeEdges));
    if (pc.timeEdges.empty()) {
      throw Error(ErrorCode::InvalidArgument, "time_edges: empty array (need at least 2 edges [ns], or None)");
    }
  }
  pc.maxStep = maxStep;
  py::gil_scoped_release release;
  return predictSupernova(ch, pc);
}

constexpr const char* kPredictDoc =
    "Time-resolved supernova events. source: a NeutrinoSource (pinched_supernova, read_supernova_model); "
    "distance [fm] (default 10 kpc = 10 * lenu.units.kpc); ordering: none, exchange, normal, inverted, "
    "normal-nonadiabatic, inverted-nonadiabatic (MSW, Dighe & Smirnov 2000); time_edges [ns] increasing "
    "(None: 1 ms bins to 100 ms, 10 ms to 1 s, 100 ms after); max_step [ns] longest integration step inside a "
    "time bin. Returns SupernovaPrediction. lenu.Error(InvalidArgument) for a bad distance, ordering or edges.";

} // namespace

void bindSupernova(py::module_& m) {
  py::module_ u = m.attr("units").cast<py::module_>();
  u.attr("erg") = kErg; // 1 erg in MeV
  u.attr("erg_per_s") = kErgPerSecond; // 1 erg/s in MeV/ns

  m.def("pinched_pdf", [](const py::object& e, double mean, double alpha) {
        validatePinched(mean, alpha, "pinched_pdf");
        return mapArray(e, [mean, alpha](double x) { return pinchedPdf(x, mean, alpha); });
      }, py::arg("energy"), py::arg("mean_energy"), py::arg("alpha"),
      "Pinched (Keil-Raffelt-Janka 2003) spectrum f(E) [1/MeV], normalised to 1, at E [MeV]; mean energy [MeV] "
      "in [0.1, 100], alpha in [-0.9, 20]. Vectorised over energy.");
  m.def("pinched_alpha_from_moments", &alphaFromMoments, py::arg("mean_energy"), py::arg("mean_square_energy"),
        "alpha = (2 <E>^2 - <E^2>)/(<E^2> - <E>^2) from <E> [MeV] and <E^2> [MeV^2].");

  py::class_<SupernovaSource, NeutrinoSource, std::shared_ptr<SupernovaSource>>(m, "SupernovaSource",
      "A core-collapse supernova: per flavour, piecewise-linear luminosity, mean energy and pinching in time "
      "(t = 0 at bounce, times in ns). Energy and time do not factorise.")
      .def("total_energy", [](const SupernovaSource& s, const std::string& f) { return s.totalEnergy(flavourOf(f)); },
           py::arg("flavour"), "energy emitted in the flavour [MeV] (/ lenu.units.erg for erg)")
      .def("luminosity", [](const SupernovaSource& s, const std::string& f, const py::object& t) {
        const auto& comps = s.components(flavourOf(f));
        return mapArray(t, [&comps](double x) {
          double l = 0.0;
          for (const auto& c : comps) l += c->at(x).luminosity;
          return l;
        });
      }, py::arg("flavour"), py::arg("t"), "L(t) [MeV/ns] summed over components (/ lenu.units.erg_per_s for erg/s). Vectorised.")
      .def("number_rate", [](const SupernovaSource& s, const std::string& f, const py::object& t) {
        const auto& comps = s.components(flavourOf(f));
        return mapArray(t, [&comps](double x) {
          double r = 0.0;
          for (const auto& c : comps) r += c->numberRate(x);
          return r;
        });
      }, py::arg("flavour"), py::arg("t"), "number emission rate L/<E> [1/ns] summed over components. Vectorised.")
      .def("components", [](const SupernovaSource& s, const std::string& f) {
        py::list l;
        for (const auto& c : s.components(flavourOf(f))) {
          py::dict d;
          d["time"] = toArray(c->time);
          d["luminosity"] = toArray(c->luminosity);
          d["mean_energy"] = toArray(c->meanEnergy);
          d["alpha"] = toArray(c->alpha);
          l.append(d);
        }
        return l;
      }, py::arg("flavour"), "emission components: dicts of knot arrays time [ns], luminosity [MeV/ns], mean_energy [MeV], alpha");

  m.def("pinched_supernova", [](const py::tuple& nue, const py::tuple& nuebar, const py::tuple& nux, double decay,
                                double duration, int knots, bool burst, double burstPeak, double burstTime,
                                double burstRise, double burstDecay, double burstMean, double burstAlpha) {
        PinchedModelConfig c;
        c.nue = flavourParams(nue, "pinched_supernova nue");
        c.nuebar = flavourParams(nuebar, "pinched_supernova nuebar");
        c.nux = flavourParams(nux, "pinched_supernova nux");
        c.decayTime = decay;
        c.duration = duration;
        c.knots = knots;
        c.neutronizationBurst = burst;
        NeutronizationBurst b;
        b.peakLuminosity = burstPeak;
        b.peakTime = burstTime;
        b.riseWidth = burstRise;
        b.decayTime = burstDecay;
        b.meanEnergy = burstMean;
        b.alpha = burstAlpha;
        if (!(decay > 0.0) || !(duration > 0.0) || knots < 2) {
          throw Error(ErrorCode::InvalidArgument, "pinched_supernova: decay_time " + std::to_string(decay) +
                                                      " ns and duration " + std::to_string(duration) +
                                                      " ns must be > 0, knots " + std::to_string(knots) + " >= 2");
        }
        if (burst && (!(burstPeak > 0.0) || !(burstRise > 0.0) || !(burstDecay > 0.0))) {
          throw Error(ErrorCode::InvalidArgument, "pinched_supernova: burst peak luminosity [MeV/ns], rise width and "
                                                  "decay time [ns] must be > 0");
        }
        if (burst) validatePinched(burstMean, burstAlpha, "pinched_supernova burst");
        return std::const_pointer_cast<SupernovaSource>(makePinchedSupernova(c, b));
      },
      py::arg("nue") = asTuple(PinchedModelConfig{}.nue), py::arg("nuebar") = asTuple(PinchedModelConfig{}.nuebar),
      py::arg("nux") = asTuple(PinchedModelConfig{}.nux), py::arg("decay_time") = PinchedModelConfig{}.decayTime,
      py::arg("duration") = PinchedModelConfig{}.duration, py::arg("knots") = PinchedModelConfig{}.knots,
      py::arg("burst") = false, py::arg("burst_peak_luminosity") = NeutronizationBurst{}.peakLuminosity,
      py::arg("burst_peak_time") = NeutronizationBurst{}.peakTime, py::arg("burst_rise_width") = NeutronizationBurst{}.riseWidth,
      py::arg("burst_decay_time") = NeutronizationBurst{}.decayTime,
      py::arg("burst_mean_energy") = NeutronizationBurst{}.meanEnergy, py::arg("burst_alpha") = NeutronizationBurst{}.alpha,
      "Constant-parameter pinched supernova: per flavour group (nue, nuebar, and each of the four nu_x) a tuple "
      "(mean energy [MeV], alpha, total energy [MeV]; default 9.5/12/15 MeV, alpha 2.5, 5e52 erg each), "
      "L(t) = A exp(-t/decay_time) on [0, duration] (times [ns]; default 3 s and 10 s), knots of the series. "
      "burst=True adds the analytic nu_e neutronization burst: peak luminosity [MeV/ns] (default 3.8e53 erg/s) at "
      "burst_peak_time [ns] (5.9 ms), Gaussian rise width and exponential decay time [ns] (1.85 ms, 11.7 ms), "
      "mean energy [MeV] (12) and alpha (4.8) (Garching 8.8 M_sun ECSN, Huedepohl et al. 2010). Returns SupernovaSource.");
  m.def("read_supernova_model", [](const std::string& path) {
        return std::const_pointer_cast<NeutrinoSource>(readSupernovaModel(path));
      }, py::arg("path"),
      "A simulation table (Garching directory, SNOwGLoBES fluence file, moments table or Nakazato layout; "
      "docs/supernova-formats.md). lenu.Error(IoError / ConfigError) naming file:line on bad input.");
  m.def("supernova_default_time_edges", [](const NeutrinoSource& s) { return toArray(defaultTimeEdges(s)); },
        py::arg("source"), "time bin edges [ns]: 1 ms to 100 ms, 10 ms to 1 s, 100 ms after, over the source's time range");

  py::class_<FlavourTransformation>(m, "FlavourTransformation",
      "MSW flavour transformation in the supernova (Dighe & Smirnov, PRD 62 (2000) 033007; NuFIT 6.0 angles).")
      .def(py::init([](const std::string& name) { return FlavourTransformation(parseOrdering(name)); }),
           py::arg("ordering") = "none",
           "none, exchange, normal, inverted, normal-nonadiabatic, inverted-nonadiabatic")
      .def(py::init([](const std::string& name, double theta12, double theta13) {
             auto c = parseOrdering(name);
             c.angles.theta12Deg = theta12;
             c.angles.theta13Deg = theta13;
             return FlavourTransformation(c);
           }), py::arg("ordering"), py::arg("theta12_deg"), py::arg("theta13_deg"), "with mixing angles [deg] in [0, 90]")
      .def_property_readonly("pee", &FlavourTransformation::pee, "nu_e survival probability P_ee")
      .def_property_readonly("pee_bar", &FlavourTransformation::peeBar, "anti-nu_e survival probability Pbar_ee")
      .def("apply", [](const FlavourTransformation& t, const DoubleArray& f0) {
        if (f0.ndim() < 1 || f0.shape(0) != 6) {
          throw Error(ErrorCode::InvalidArgument, "apply: first axis must have 6 entries (nue, numu, nutau, nuebar, numubar, "
                                                  "nutaubar), got shape[0] = " + std::to_string(f0.ndim() ? f0.shape(0) : 0));
        }
        const auto n = static_cast<std::size_t>(f0.size() / 6);
        std::array<std::vector<double>, 6> f;
        for (std::size_t k = 0; k < 6; ++k) f[k].assign(f0.data() + k * n, f0.data() + (k + 1) * n);
        t.applyInPlace(f);
        py::array_t<double> out(std::vector<py::ssize_t>(f0.shape(), f0.shape() + f0.ndim()));
        double* o = out.mutable_data();
        for (std::size_t k = 0; k < 6; ++k)
          for (std::size_t j = 0; j < n; ++j) o[k * n + j] = f[k][j];
        return out;
      }, py::arg("fluences"),
           "fluences at the neutrinosphere, first axis the 6 flavours (nue, numu, nutau, nuebar, numubar, nutaubar), "
           "any further axes (e.g. energy bins) -> fluences at the detector (same shape). Vectorised.")
      .def_property_readonly("description", &FlavourTransformation::description);

  py::class_<DetectorChannelSpec>(m, "SupernovaDetectorChannel", "One interaction channel of a supernova detector.")
      .def_property_readonly("kind", [](const DetectorChannelSpec& c) { return toString(c.kind); },
                             "nue-cc, nuebar-cc, nc, ibd, es, cevns")
      .def_readonly("target", &DetectorChannelSpec::target, "nuclide for nuclear channels ('Ar40'), else ''")
      .def_readonly("threshold", &DetectorChannelSpec::threshold, "[MeV] visible energy (recoil T for es / cevns)")
      .def_readonly("efficiency", &DetectorChannelSpec::efficiency, "plateau efficiency above threshold")
      .def_readonly("resolution_a", &DetectorChannelSpec::resolutionA, "sigma = a sqrt(E) + b E: a [MeV^(1/2)]")
      .def_readonly("resolution_b", &DetectorChannelSpec::resolutionB, "b (dimensionless)")
      .def_readonly("label", &DetectorChannelSpec::label, "output name, e.g. 'nue_Ar40_CC'");

  py::class_<SupernovaDetector>(m, "SupernovaDetector", "A supernova-neutrino detector (data/detectors/<name>.toml).")
      .def_readonly("name", &SupernovaDetector::name)
      .def_readonly("description", &SupernovaDetector::description)
      .def_readonly("material", &SupernovaDetector::material, "chemical formula ('Ar', 'H2O', 'CH2', 'Xe')")
      .def_readonly("mass", &SupernovaDetector::mass, "fiducial mass [kg]")
      .def_readonly("channels", &SupernovaDetector::channels, "list of SupernovaDetectorChannel")
      .def_property_readonly("file", [](const SupernovaDetector& d) { return d.file.string(); });
  m.def("load_supernova_detector", [](const std::string& name) { return SupernovaDetector::load(name, NuclideTable::load()); },
        py::arg("name"),
        "Detector by name ('dune-40kt', see supernova_detectors()) or path of a TOML file. lenu.Error(IoError) for an "
        "unknown name, Error(ConfigError) with file:line for a bad file.");
  m.def("supernova_detectors", &SupernovaDetector::available, "Names of data/detectors/*.toml.");

  py::class_<SupernovaChannels>(m, "SupernovaChannels",
      "The channels of a detector with their cross sections tabulated once on a neutrino-energy grid (reused by "
      "every prediction).")
      .def(py::init(&buildChannels), py::arg("detector"), py::arg("inelastic_model") = "allowed",
           py::arg("form_factor") = "helm", py::arg("e_max") = 100.0, py::arg("energy_bins") = 200,
           py::arg("inelastic_nodes") = 40, py::arg("nc_deexcitation") = "generator",
           py::arg("cc_deexcitation") = "generator",
           "detector (SupernovaDetector), inelastic model (allowed, hf, hf:FORCE, ws, ...), CEvNS form factor, "
           "uniform neutrino-energy bins on [0, e_max] [MeV], energies at which inelastic sigma is computed, "
           "de-excitation models of the NC (generator, full, none) and CC (generator, full, lepton, none) channels as "
           "lenu supernova --nc-deexcitation / --cc-deexcitation. "
           "lenu.Error(UnknownModel) for an unknown model.")
      .def_property_readonly("labels", [](const SupernovaChannels& c) {
        std::vector<std::string> out;
        for (const auto& t : c.channels()) out.push_back(t.spec.label);
        return out;
      })
      .def_property_readonly("energy_edges", [](const SupernovaChannels& c) { return toArray(c.config().energy.edges()); }, "[MeV]")
      .def_property_readonly("energy_centres", [](const SupernovaChannels& c) { return toArray(c.config().energy.centres()); }, "[MeV]")
      .def_property_readonly("targets", [](const SupernovaChannels& c) {
        py::dict d;
        for (const auto& t : c.channels()) d[py::str(t.spec.label)] = t.targets;
        return d;
      }, "channel label -> number of targets in the fiducial mass")
      .def_property_readonly("notes", [](const SupernovaChannels& c) {
        py::dict d;
        for (const auto& t : c.channels()) d[py::str(t.spec.label)] = t.note;
        return d;
      }, "channel label -> why a channel is absent or approximate ('' if none)")
      .def("sigma", [](const SupernovaChannels& c, const std::string& label, const std::string& flavour, bool detected) {
        const std::size_t k = flavourSlot(flavourOf(flavour));
        for (const auto& t : c.channels()) {
          if (t.spec.label == label) {
            const auto& v = detected ? t.sigmaDetected[k] : t.sigma[k];
            return toArray(v.empty() ? std::vector<double>(c.config().energy.n, 0.0) : v);
          }
        }
        std::string names;
        for (const auto& t : c.channels()) names += (names.empty() ? "" : ", ") + t.spec.label;
        throw Error(ErrorCode::InvalidArgument, "channel '" + label + "' unknown; accepted: " + names);
      }, py::arg("channel"), py::arg("flavour"), py::arg("detected") = false,
           "cross section per target [fm^2] at the energy centres (detected=True: times the detection probability)")
      .def("scaled_mass", &SupernovaChannels::scaledMass, py::arg("factor"), "same channels, target numbers x factor")
      .def_property_readonly("detector", &SupernovaChannels::detector);

  py::class_<SupernovaPrediction>(m, "SupernovaPrediction",
      "Supernova events per channel and time bin (numpy arrays; dicts keyed by channel label).")
      .def_readonly("channels", &SupernovaPrediction::channels, "channel labels (row order of the 2-d arrays)")
      .def_property_readonly("time_edges", [](const SupernovaPrediction& p) { return toArray(p.timeEdges); }, "[ns]")
      .def_property_readonly("time_edges_s", [](const SupernovaPrediction& p) {
        std::vector<double> t(p.timeEdges);
        for (double& x : t) x /= units::s;
        return toArray(t);
      }, "[s]")
      .def_property_readonly("counts_per_bin", [](const SupernovaPrediction& p) {
        return toArray2(p.countsPerBin, p.timeEdges.size() - 1);
      }, "[channel, time bin] detected events")
      .def_property_readonly("counts", [](const SupernovaPrediction& p) { return byChannelArrays(p, p.countsPerBin); },
                             "channel label -> detected events per time bin")
      .def_property_readonly("total_per_bin", [](const SupernovaPrediction& p) { return toArray(p.totalPerBin); },
                             "[time bin] detected events, all channels")
      .def_property_readonly("events", [](const SupernovaPrediction& p) { return byChannel(p, p.eventsDetected); },
                             "channel label -> detected events inside the time bins")
      .def_property_readonly("events_interacting", [](const SupernovaPrediction& p) { return byChannel(p, p.eventsInteracting); },
                             "channel label -> interactions (no threshold / efficiency)")
      .def_property_readonly("targets", [](const SupernovaPrediction& p) { return byChannel(p, p.targets); })
      .def_property_readonly("notes", [](const SupernovaPrediction& p) { return byChannel(p, p.notes); })
      .def_property_readonly("energy_edges", [](const SupernovaPrediction& p) { return toArray(p.energyEdges); }, "neutrino energy [MeV]")
      .def_property_readonly("spectrum_nu", [](const SupernovaPrediction& p) { return byChannelArrays(p, p.spectrumNu); },
                             "channel label -> detected events per neutrino-energy bin")
      .def_property_readonly("observed_edges", [](const SupernovaPrediction& p) { return byChannelArrays(p, p.observedEdges); },
                             "channel label -> observed-energy bin edges [MeV] (empty: no spectrum, e.g. nc)")
      .def_property_readonly("observed_spectrum", [](const SupernovaPrediction& p) { return byChannelArrays(p, p.observedSpectrum); },
                             "channel label -> detected events per observed-energy bin")
      .def_property_readonly("observed_quantity", [](const SupernovaPrediction& p) { return byChannel(p, p.observedQuantity); })
      .def_property_readonly("time_energy", [](const SupernovaPrediction& p) {
        return toArray2(p.timeEnergy, p.energyEdges.empty() ? 0 : p.energyEdges.size() - 1);
      }, "[time bin, neutrino-energy bin] detected events, all channels")
      .def_property_readonly("fluence", [](const SupernovaPrediction& p) {
        py::dict d;
        for (std::size_t k = 0; k < kAllFlavours.size(); ++k) d[py::str(nameOf(kAllFlavours[k]))] = toArray(p.fluence[k]);
        return d;
      }, "flavour -> fluence per neutrino-energy bin at the detector after transformation [1/fm^2]")
      .def_readonly("transformation", &SupernovaPrediction::transformation)
      .def_property_readonly("events_total", &SupernovaPrediction::eventsTotal);

  m.def("predict_supernova", &runPrediction, py::arg("channels"), py::arg("source"),
        py::arg("distance") = 10.0 * units::kpc, py::arg("ordering") = "none", py::arg("time_edges") = py::none(),
        py::arg("max_step") = SupernovaPredictionConfig{}.maxStep, kPredictDoc);
  m.def("predict_supernova", [](const std::string& detector, const std::shared_ptr<NeutrinoSource>& src, double distance,
                                const std::string& ordering, const py::object& edges, double maxStep,
                                const std::string& model, const std::string& ncDeex, const std::string& ccDeex) {
        const auto ch = buildChannels(SupernovaDetector::load(detector, NuclideTable::load()), model, "helm", 100.0, 200,
                                      40, ncDeex, ccDeex);
        return runPrediction(ch, src, distance, ordering, edges, maxStep);
      }, py::arg("detector"), py::arg("source"), py::arg("distance") = 10.0 * units::kpc, py::arg("ordering") = "none",
      py::arg("time_edges") = py::none(), py::arg("max_step") = SupernovaPredictionConfig{}.maxStep,
      py::arg("inelastic_model") = "allowed", py::arg("nc_deexcitation") = "generator",
      py::arg("cc_deexcitation") = "generator",
      "Shortcut with a detector name: SupernovaChannels(load_supernova_detector(detector), inelastic_model, ..., "
      "nc_deexcitation, cc_deexcitation), then the "
      "prediction (arguments as above).");
}

} // namespace lenu::python
