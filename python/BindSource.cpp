/// Python bindings of the source layer: stopped-pion (pi-DAR) and kaon-DAR sources with beam
/// timing, tabulated fluxes; energy spectra and emission-time densities vectorised.

#include <limits>
#include <memory>

#include "Bindings.hpp"
#include "lenu/source/EnergySpectrum.hpp"
#include "lenu/source/NeutrinoSource.hpp"
#include "lenu/source/ProtonPulse.hpp"
#include "lenu/source/StoppedPionSource.hpp"
#include "lenu/source/TabulatedSource.hpp"

namespace lenu::python {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

DecayChain parseChain(const std::string& s) {
  if (s == "beam") return DecayChain::Beam;
  if (s == "prompt") return DecayChain::Prompt;
  if (s == "delayed") return DecayChain::Delayed;
  if (s == "kaon") return DecayChain::KaonPrompt;
  throw Error(ErrorCode::InvalidArgument, "decay chain '" + s + "' unknown; accepted: beam, prompt, delayed, kaon");
}

/// Continuous density of a spectrum including its weight [1/MeV] (lines excluded).
double continuousDensity(const EnergySpectrum& s, double e) {
  const ContinuousSpectrum* c = s.continuousPart();
  return c ? s.continuousWeight() * c->pdf(e) : 0.0;
}

} // namespace

void bindSource(py::module_& m) {
  py::class_<EnergySpectrum>(m, "EnergySpectrum", "Normalised neutrino energy distribution: lines plus a continuum [1/MeV].")
      .def_property_readonly("lines", [](const EnergySpectrum& s) {
        py::list l;
        for (const auto& x : s.lines()) l.append(py::make_tuple(x.energy, x.weight));
        return l;
      }, "list of (energy [MeV], weight)")
      .def_property_readonly("continuous_weight", &EnergySpectrum::continuousWeight)
      .def("pdf", vec1<EnergySpectrum>(&continuousDensity), py::arg("energy"),
           "continuous part weight x f(E) [1/MeV] at E [MeV] (lines not included). Vectorised.")
      .def_property_readonly("mean_energy", &EnergySpectrum::meanEnergy, "[MeV]")
      .def_property_readonly("max_energy", &EnergySpectrum::maxEnergy, "[MeV]")
      .def_property_readonly("total_weight", &EnergySpectrum::totalWeight);

  py::class_<NeutrinoSource, std::shared_ptr<NeutrinoSource>>(m, "NeutrinoSource",
      "A neutrino source: per flavour the number emitted, the energy spectrum and the emission time (ns).")
      .def("flavours", [](const NeutrinoSource& s) {
        std::vector<std::string> out;
        for (Flavour f : s.flavours()) out.push_back(nameOf(f));
        return out;
      })
      .def("total_neutrinos", [](const NeutrinoSource& s, const std::string& f) { return s.totalNeutrinos(flavourOf(f)); },
           py::arg("flavour"), "neutrinos of the flavour over the exposure")
      .def("spectrum", [](const NeutrinoSource& s, const std::string& f, double t0, double t1) {
        return s.spectrum(flavourOf(f), TimeWindow{t0, t1});
      }, py::arg("flavour"), py::arg("t_begin") = -kInf, py::arg("t_end") = kInf,
           "energy spectrum of the neutrinos emitted in [t_begin, t_end) [ns]")
      .def("time_fraction", [](const NeutrinoSource& s, const std::string& f, double t0, double t1) {
        return s.timeFraction(flavourOf(f), TimeWindow{t0, t1});
      }, py::arg("flavour"), py::arg("t_begin"), py::arg("t_end"), "fraction emitted in [t_begin, t_end) [ns]")
      .def("time_pdf", [](const NeutrinoSource& s, const std::string& f, const py::object& t) {
        const Flavour fl = flavourOf(f);
        return mapArray(t, [&s, fl](double x) { return s.timePdf(fl, x); });
      }, py::arg("flavour"), py::arg("t"), "emission-time density [1/ns] at t [ns]. Vectorised.")
      .def_property_readonly("time_range", [](const NeutrinoSource& s) {
        const TimeWindow w = s.timeRange();
        return py::make_tuple(w.begin, w.end);
      }, "(t_min, t_max) [ns] containing the emission")
      .def("fluence", [](const NeutrinoSource& s, const std::string& f, double d) { return s.fluence(flavourOf(f), d); },
           py::arg("flavour"), py::arg("distance"), "neutrinos / fm^2 at distance [fm] (lenu.units.m for metres)")
      .def_property_readonly("description", &NeutrinoSource::description);

  py::class_<ProtonPulse>(m, "ProtonPulse", "Proton-beam time structure and the neutrino emission times (ns).")
      .def_static("gaussian", &ProtonPulse::gaussian, py::arg("fwhm"), "Gaussian pulse of FWHM [ns] centred at 0.")
      .def("pdf", vec1<ProtonPulse>([](const ProtonPulse& p, double t) { return p.pdf(t); }), py::arg("t"),
           "proton arrival-time density [1/ns]. Vectorised.")
      .def("emission_pdf", [](const ProtonPulse& p, const std::string& chain, const py::object& t) {
        const DecayChain c = parseChain(chain);
        return mapArray(t, [&p, c](double x) { return p.emissionPdf(c, x); });
      }, py::arg("chain"), py::arg("t"), "emission density [1/ns] of chain beam|prompt|delayed|kaon at t [ns]. Vectorised.")
      .def("emission_fraction", [](const ProtonPulse& p, const std::string& chain, double t0, double t1) {
        return p.emissionFraction(parseChain(chain), t0, t1);
      }, py::arg("chain"), py::arg("t0"), py::arg("t1"), "fraction emitted in [t0, t1] [ns]")
      .def("mean_emission_time", [](const ProtonPulse& p, const std::string& chain) { return p.meanEmissionTime(parseChain(chain)); },
           py::arg("chain"), "[ns]")
      .def_property_readonly("description", &ProtonPulse::description);

  py::class_<StoppedPionSource, NeutrinoSource, std::shared_ptr<StoppedPionSource>>(m, "StoppedPionSource",
      "Pion decay at rest: prompt nu_mu line (29.79 MeV), delayed Michel nu_e and anti-nu_mu; Gaussian beam pulse.")
      .def(py::init([](double pot, double r, double fwhm, const std::string& label) {
             StoppedPionSource::Config cfg;
             cfg.protonsOnTarget = pot;
             cfg.neutrinosPerFlavourPerProton = r;
             cfg.pulse = ProtonPulse::gaussian(fwhm);
             cfg.label = label;
             return std::make_shared<StoppedPionSource>(cfg);
           }), py::arg("protons_on_target") = 1.0, py::arg("neutrinos_per_flavour_per_proton") = 0.08,
           py::arg("pulse_fwhm") = 400.0, py::arg("label") = "stopped-pion source",
           "POT, neutrinos per flavour per POT, Gaussian pulse FWHM [ns].")
      .def_static("prompt_energy", &StoppedPionSource::promptEnergy, "(m_pi^2 - m_mu^2)/(2 m_pi) [MeV]")
      .def_property_readonly("protons_on_target", &StoppedPionSource::protonsOnTarget)
      .def_property_readonly("pulse", [](const StoppedPionSource& s) { return s.config().pulse; });

  py::class_<KaonDecayAtRestSource, NeutrinoSource, std::shared_ptr<KaonDecayAtRestSource>>(m, "KaonDecayAtRestSource",
      "Kaon decay at rest: 235.5 MeV nu_mu line.")
      .def(py::init([](double perProton, double pot, double fwhm) {
             KaonDecayAtRestSource::Config cfg;
             cfg.neutrinosPerProton = perProton;
             cfg.protonsOnTarget = pot;
             cfg.pulse = ProtonPulse::gaussian(fwhm);
             return std::make_shared<KaonDecayAtRestSource>(cfg);
           }), py::arg("neutrinos_per_proton"), py::arg("protons_on_target"), py::arg("pulse_fwhm") = 100.0,
           "KDAR nu_mu per POT, POT, Gaussian pulse FWHM [ns].")
      .def_static("line_energy", &KaonDecayAtRestSource::lineEnergy, "[MeV]");

  py::class_<TabulatedSource, NeutrinoSource, std::shared_ptr<TabulatedSource>>(m, "TabulatedSource",
      "Fluence table (docs/flux-format.md): energy_MeV, then dPhi/dE [1/cm^2/MeV] per flavour at the reference distance.")
      .def(py::init([](const std::string& file, double distance) { return std::make_shared<TabulatedSource>(file, distance); }),
           py::arg("file"), py::arg("reference_distance"), "CSV file, reference distance [fm].");
}

} // namespace lenu::python
