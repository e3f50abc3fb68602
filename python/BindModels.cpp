/// Python bindings of the detector layer, the experiment files and the predictions (CEvNS counts
/// per flavour and spectra as numpy arrays; inelastic CC/NC interaction counts).

#include <map>
#include <memory>
#include <optional>

#include "Bindings.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/detector/DetectorResponse.hpp"
#include "lenu/detector/TargetMaterial.hpp"
#include "lenu/models/Experiment.hpp"
#include "lenu/models/InelasticPrediction.hpp"
#include "lenu/rate/CevnsRate.hpp"

namespace lenu::python {
namespace {

py::dict perFlavour(const std::map<Flavour, double>& m) {
  py::dict d;
  for (const auto& [f, v] : m) d[py::str(nameOf(f))] = v;
  return d;
}

py::dict perFlavour(const std::map<Flavour, std::vector<double>>& m) {
  py::dict d;
  for (const auto& [f, v] : m) d[py::str(nameOf(f))] = toArray(v);
  return d;
}

py::object optional(const std::optional<double>& x) { return x ? py::object(py::float_(*x)) : py::object(py::none()); }

} // namespace

void bindDetectorAndModels(py::module_& m) {
  py::class_<TargetMaterial>(m, "TargetMaterial", "Target nuclides per formula unit (natural abundances folded in).")
      .def_static("from_formula", [](const std::string& f) { return TargetMaterial::fromFormula(f, NuclideTable::load()); },
                  py::arg("formula"), "e.g. 'CsI', 'Ar', 'C3F8', 'Xe'")
      .def_static("single_isotope", [](const std::string& n) { return TargetMaterial::singleIsotope(n, NuclideTable::load()); },
                  py::arg("nuclide"))
      .def_property_readonly("name", &TargetMaterial::name)
      .def_property_readonly("components", [](const TargetMaterial& t) {
        py::list l;
        for (const auto& c : t.components()) l.append(py::make_tuple(c.nuclide, c.atomsPerFormulaUnit));
        return l;
      }, "list of (Nuclide, atoms per formula unit)")
      .def_property_readonly("formula_mass_u", &TargetMaterial::formulaMassU, "[u]")
      .def("nuclei_of", &TargetMaterial::nucleiOf, py::arg("component"), py::arg("mass_kg"), "nuclei of a component in a mass [kg]");

  py::class_<DetectorResponse, std::shared_ptr<DetectorResponse>>(m, "DetectorResponse",
      "Quenching, light yield or resolution, efficiencies. Recoils T in MeV; observable in PE or keVee.")
      .def_property_readonly("observable_unit", &DetectorResponse::observableUnit, "'PE' or 'keVee'")
      .def("mean_observable", vec1<DetectorResponse>([](const DetectorResponse& d, double t) { return d.meanObservable(t); }),
           py::arg("recoil"), "mean observable [PE or keVee] for recoil T [MeV]. Vectorised.")
      .def("efficiency", vec1<DetectorResponse>([](const DetectorResponse& d, double x) { return d.efficiency(x); }),
           py::arg("x"), "efficiency x acceptance at observable x [PE or keVee]. Vectorised.")
      .def("time_efficiency", vec1<DetectorResponse>([](const DetectorResponse& d, double t) { return d.timeEfficiency(t); }),
           py::arg("t"), "time efficiency at t [ns]. Vectorised.")
      .def("detection_probability", vec1<DetectorResponse>([](const DetectorResponse& d, double t) { return d.detectionProbability(t); }),
           py::arg("recoil"), "detection probability for recoil T [MeV]. Vectorised.")
      .def_property_readonly("description", &DetectorResponse::description);

  py::class_<ExperimentReference>(m, "ExperimentReference", "Published numbers of an experiment (None if not given).")
      .def_property_readonly("sm_events", [](const ExperimentReference& r) { return optional(r.smEvents); })
      .def_property_readonly("sm_events_error", [](const ExperimentReference& r) { return optional(r.smEventsError); })
      .def_property_readonly("observed_events", [](const ExperimentReference& r) { return optional(r.observedEvents); })
      .def_property_readonly("observed_events_error", [](const ExperimentReference& r) { return optional(r.observedEventsError); })
      .def_property_readonly("sm_xsec_cm2", [](const ExperimentReference& r) { return optional(r.smXsecCm2); }, "[cm^2]")
      .def_property_readonly("measured_xsec_cm2", [](const ExperimentReference& r) { return optional(r.measuredXsecCm2); }, "[cm^2]")
      .def_property_readonly("measured_xsec_error_cm2", [](const ExperimentReference& r) { return optional(r.measuredXsecErrorCm2); }, "[cm^2]")
      .def_readonly("citation", &ExperimentReference::citation);

  py::class_<CevnsPrediction>(m, "CevnsPrediction",
      "A CEvNS prediction: counts per flavour (dicts keyed by flavour name) and spectra (numpy arrays).")
      .def_property_readonly("flavours", [](const CevnsPrediction& p) {
        std::vector<std::string> out;
        for (Flavour f : p.flavours) out.push_back(nameOf(f));
        return out;
      })
      .def_property_readonly("recoil_edges", [](const CevnsPrediction& p) { return toArray(p.recoilEdges); }, "[MeV]")
      .def_property_readonly("dNdT", [](const CevnsPrediction& p) { return perFlavour(p.dNdT); },
                             "per flavour dN/dT [1/MeV] at recoil bin centres (all recoils, no detector)")
      .def_property_readonly("observable_edges", [](const CevnsPrediction& p) { return toArray(p.observableEdges); }, "[observable_unit]")
      .def_readonly("observable_unit", &CevnsPrediction::observableUnit)
      .def_property_readonly("observable_counts", [](const CevnsPrediction& p) { return perFlavour(p.observableCounts); },
                             "per flavour detected counts per observable bin (time window applied)")
      .def_property_readonly("time_edges", [](const CevnsPrediction& p) { return toArray(p.timeEdges); }, "[ns]")
      .def_property_readonly("time_counts", [](const CevnsPrediction& p) { return perFlavour(p.timeCounts); },
                             "per flavour detected counts per time bin")
      .def_property_readonly("observable_time_table", [](const CevnsPrediction& p) {
        const std::size_t nx = p.observableTimeTable.size();
        const std::size_t nt = nx ? p.observableTimeTable[0].size() : 0;
        py::array_t<double> a({static_cast<py::ssize_t>(nx), static_cast<py::ssize_t>(nt)});
        auto w = a.mutable_unchecked<2>();
        for (std::size_t i = 0; i < nx; ++i)
          for (std::size_t j = 0; j < nt; ++j) w(static_cast<py::ssize_t>(i), static_cast<py::ssize_t>(j)) = p.observableTimeTable[i][j];
        return a;
      }, "[observable bin, time bin] counts, all flavours")
      .def_property_readonly("events_all_recoils", [](const CevnsPrediction& p) { return perFlavour(p.eventsAllRecoils); },
                             "per flavour, perfect detector, all times")
      .def_property_readonly("events_detected", [](const CevnsPrediction& p) { return perFlavour(p.eventsDetected); },
                             "per flavour, with detector response and time window")
      .def_property_readonly("fluence", [](const CevnsPrediction& p) { return perFlavour(p.fluence); }, "per flavour [1/fm^2]")
      .def_property_readonly("flux_averaged_xsec", [](const CevnsPrediction& p) { return perFlavour(p.fluxAveragedXsec); },
                             "per flavour, per nucleus [fm^2]")
      .def_readonly("flux_averaged_xsec_all", &CevnsPrediction::fluxAveragedXsecAll, "all flavours, per nucleus [fm^2]")
      .def_readonly("target_nuclei", &CevnsPrediction::targetNuclei)
      .def_property_readonly("events_detected_total", &CevnsPrediction::eventsDetectedTotal)
      .def_property_readonly("events_all_recoils_total", &CevnsPrediction::eventsAllRecoilsTotal);

  py::class_<InelasticCount>(m, "InelasticCount", "Expected inelastic CC/NC interactions of one isotope, channel, flavour.")
      .def_readonly("nuclide", &InelasticCount::nuclide)
      .def_readonly("channel", &InelasticCount::channel, "'CC' or 'NC'")
      .def_property_readonly("flavour", [](const InelasticCount& c) { return nameOf(c.flavour); })
      .def_readonly("flux_averaged_xsec", &InelasticCount::fluxAveragedXsec, "[fm^2]")
      .def_readonly("events", &InelasticCount::events)
      .def_readonly("note", &InelasticCount::note, "why a channel is absent (empty if computed)");

  py::class_<Experiment>(m, "Experiment", "An experiment from a TOML file (data/experiments/, docs/experiment-format.md).")
      .def_readonly("name", &Experiment::name)
      .def_readonly("description", &Experiment::description)
      .def_readonly("citation", &Experiment::citation)
      .def_property_readonly("file", [](const Experiment& e) { return e.file.string(); })
      .def_readonly("form_factor", &Experiment::formFactorName)
      .def_readonly("reference", &Experiment::reference)
      .def_property_readonly("source", [](const Experiment& e) { return std::const_pointer_cast<NeutrinoSource>(e.rate.source); })
      .def_property_readonly("target", [](const Experiment& e) { return e.rate.target; })
      .def_property_readonly("target_mass", [](const Experiment& e) { return e.rate.targetMass; }, "[kg]")
      .def_property_readonly("distance", [](const Experiment& e) { return e.rate.distance; }, "[fm]")
      .def_property_readonly("detector", [](const Experiment& e) { return std::const_pointer_cast<DetectorResponse>(e.rate.detector); },
                             "DetectorResponse or None (perfect detector)")
      .def_property_readonly("time_window", [](const Experiment& e) { return py::make_tuple(e.rate.window.begin, e.rate.window.end); }, "[ns]")
      .def("predict", [](const Experiment& e) { return CevnsRate(e.rate).predict(); }, py::call_guard<py::gil_scoped_release>(),
           "CEvNS prediction (CevnsPrediction).")
      .def("predict_inelastic", [](const Experiment& e, const std::string& model) {
        return predictInelastic(e.rate, model, NuclideTable::load());
      }, py::arg("model") = "hf", py::call_guard<py::gil_scoped_release>(),
           "Inelastic CC/NC interaction counts (list of InelasticCount) with model hf|hf:FORCE|ws|allowed.");

  m.def("load_experiment", [](const std::string& name, std::optional<std::string> ff) {
        return loadExperiment(resolveExperimentFile(name), NuclideTable::load(), ff);
      }, py::arg("name"), py::arg("form_factor") = py::none(),
      "Experiment by name ('coherent-csi-2017') or TOML path; form_factor overrides the file's model. "
      "lenu.Error(ConfigError) names file, line and key of a bad file.");
  m.def("known_experiments", &knownExperiments, "Names of data/experiments/*.toml.");
  m.def("predict", [](const std::string& name, std::optional<std::string> ff) {
        return CevnsRate(loadExperiment(resolveExperimentFile(name), NuclideTable::load(), ff).rate).predict();
      }, py::arg("experiment"), py::arg("form_factor") = py::none(), py::call_guard<py::gil_scoped_release>(),
      "Shortcut: load_experiment(name).predict().");
}

} // namespace lenu::python
