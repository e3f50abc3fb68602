/// Python bindings of the inelastic CC/NC layer: sigma(E) with its multipole breakdown,
/// angular and energy-transfer distributions, flux averages, for the response models of the
/// factory (allowed, hf, hf:FORCE, ws, and any model the factory learns, e.g. crpa).

#include <memory>
#include <set>

#include "Bindings.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/inelastic/CoulombCorrection.hpp"
#include "lenu/inelastic/InelasticCrossSection.hpp"
#include "lenu/inelastic/InelasticModels.hpp"
#include "lenu/source/EnergySpectrum.hpp"

namespace lenu::python {
namespace {

using inelastic::InelasticCrossSection;
using inelastic::InelasticSigma;

bool isChargedCurrent(const std::string& channel) {
  if (channel == "cc" || channel == "CC") return true;
  if (channel == "nc" || channel == "NC") return false;
  throw Error(ErrorCode::InvalidArgument, "channel '" + channel + "' unknown; accepted: cc, nc");
}

/// sigma(E) over an array: total and each multipole as arrays (one C++ loop).
py::dict sigmaTable(const InelasticCrossSection& xs, const DoubleArray& energy) {
  const std::vector<double> e = toVector(energy);
  std::vector<InelasticSigma> r(e.size());
  {
    py::gil_scoped_release release;
    for (std::size_t i = 0; i < e.size(); ++i) r[i] = xs.sigma(e[i]);
  }
  std::set<std::string> labels;
  for (const auto& s : r)
    for (const auto& [k, v] : s.byMultipole) labels.insert(k);
  std::vector<double> tot, lines, cont;
  for (const auto& s : r) { tot.push_back(s.total); lines.push_back(s.lines); cont.push_back(s.continuum); }
  py::dict mult;
  for (const auto& l : labels) {
    std::vector<double> v;
    for (const auto& s : r) {
      const auto it = s.byMultipole.find(l);
      v.push_back(it == s.byMultipole.end() ? 0.0 : it->second);
    }
    mult[py::str(l)] = toArray(v);
  }
  py::dict d;
  d["energy"] = toArray(e);
  d["total"] = toArray(tot);
  d["lines"] = toArray(lines);
  d["continuum"] = toArray(cont);
  d["by_multipole"] = mult;
  return d;
}

} // namespace

void bindInelastic(py::module_& m) {
  py::class_<InelasticSigma>(m, "InelasticSigma", "sigma(E_nu) and its parts [fm^2].")
      .def_readonly("energy", &InelasticSigma::energy, "E_nu [MeV]")
      .def_readonly("total", &InelasticSigma::total, "[fm^2]")
      .def_readonly("lines", &InelasticSigma::lines, "discrete final states [fm^2]")
      .def_readonly("continuum", &InelasticSigma::continuum, "[fm^2]")
      .def_readonly("by_multipole", &InelasticSigma::byMultipole, "J^pi label ('1+') -> sigma [fm^2]")
      .def_readonly("highest_j", &InelasticSigma::highestJ,
                    "highest multipole J computed (the model's maxJ, or 3 when the series had converged there)")
      .def_readonly("skipped_multipoles_estimate", &InelasticSigma::skippedMultipolesEstimate,
                    "estimated sigma of the multipoles J > highest_j that were skipped [fm^2] (0 if none)");

  py::class_<InelasticCrossSection>(m, "InelasticCrossSection",
      "Inelastic CC (nu_l A -> l A*) or NC (nu A -> nu A*) cross sections. E_nu, omega in MeV, cross sections in fm^2.")
      .def(py::init([](const std::string& target, const std::string& channel, const std::string& flavour,
                       const std::string& model, int maxJ, const std::string& coulomb) {
             const bool cc = isChargedCurrent(channel);
             const Flavour f = flavourOf(flavour);
             inelastic::InelasticModelOptions mo;
             mo.model = model;
             mo.maxJ = maxJ;
             inelastic::InelasticCrossSectionConfig xc;
             xc.coulomb = inelastic::parseCoulombMode(coulomb);
             py::gil_scoped_release release; // mean-field responses can take a moment
             const auto response = inelastic::makeInelasticResponse(target, inelastic::responseMode(cc, f), mo, NuclideTable::load());
             return InelasticCrossSection(response, f, xc);
           }), py::arg("target"), py::arg("channel") = "cc", py::arg("flavour") = "nue", py::arg("model") = "hf",
           py::arg("max_j") = 6, py::arg("coulomb") = "auto",
           "target ('Ar40'), channel cc|nc, flavour, response model (allowed, hf, hf:FORCE, ws, crpa when available), "
           "highest multipole J, CC Coulomb correction auto|fermi|mema|none. lenu.Error(UnknownModel / NotSupported).")
      .def("sigma", vec1<InelasticCrossSection>([](const InelasticCrossSection& x, double e) { return x.sigma(e).total; }), py::arg("energy"),
           "total sigma(E_nu) [fm^2], 0 below threshold. Vectorised.")
      .def("sigma_detail", &InelasticCrossSection::sigma, py::arg("energy"), py::call_guard<py::gil_scoped_release>(),
           "InelasticSigma at one E_nu [MeV] (total, lines, continuum, by_multipole)")
      .def("sigma_table", &sigmaTable, py::arg("energy"),
           "dict: energy, total, lines, continuum [fm^2] arrays and by_multipole {J^pi: array}")
      .def("dsigma_dcos", [](const InelasticCrossSection& x, double e, const DoubleArray& c) {
        std::vector<double> r;
        const std::vector<double> cv = toVector(c);
        {
          py::gil_scoped_release release;
          r = x.dSigmaDCos(e, cv);
        }
        return toArray(r);
      }, py::arg("energy"), py::arg("cos_theta"), "dsigma/dcos(theta) [fm^2] of the outgoing lepton at E_nu [MeV] (array)")
      .def("dsigma_domega", [](const InelasticCrossSection& x, double e, const DoubleArray& w) {
        return toArray(x.dSigmaDOmega(e, toVector(w)));
      }, py::arg("energy"), py::arg("omega"), "continuum dsigma/domega [fm^2/MeV] at energy transfers omega [MeV]")
      .def("line_sigmas", [](const InelasticCrossSection& x, double e) { return toArray(x.lineSigmas(e)); }, py::arg("energy"),
           "each discrete line's sigma [fm^2] (order of line_labels)")
      .def_property_readonly("line_labels", [](const InelasticCrossSection& x) {
        std::vector<std::string> out;
        for (const auto& l : x.response().lines()) out.push_back(l.label);
        return out;
      })
      .def("double_differential", vec3<InelasticCrossSection>([](const InelasticCrossSection& x, double e, double w, double c) {
        return x.doubleDifferential(e, w, c);
      }), py::arg("energy"), py::arg("omega"), py::arg("cos_theta"), "continuum d2sigma/(domega dOmega) [fm^2/MeV/sr]. Broadcasts.")
      .def("flux_averaged_dar", [](const InelasticCrossSection& x, const std::string& which) {
        if (which == "nue") return x.fluxAveraged(EnergySpectrum::continuous(std::make_shared<MichelNuE>()));
        if (which == "numubar") return x.fluxAveraged(EnergySpectrum::continuous(std::make_shared<MichelNuMuBar>()));
        throw Error(ErrorCode::InvalidArgument, "flux '" + which + "' unknown; accepted: nue, numubar (Michel DAR spectra)");
      }, py::arg("flux") = "nue", py::call_guard<py::gil_scoped_release>(), "<sigma> over a Michel DAR spectrum [fm^2]")
      .def("flux_averaged", &InelasticCrossSection::fluxAveraged, py::arg("spectrum"), py::call_guard<py::gil_scoped_release>(),
           "<sigma> [fm^2] over an EnergySpectrum (e.g. source.spectrum('nue'))")
      .def_property_readonly("threshold_energy", &InelasticCrossSection::thresholdEnergy, "[MeV]")
      .def_property_readonly("lepton_mass", &InelasticCrossSection::leptonMass, "[MeV]")
      .def_property_readonly("charged_current", &InelasticCrossSection::chargedCurrent)
      .def_property_readonly("description", [](const InelasticCrossSection& x) { return x.response().description(); });
}

} // namespace lenu::python
