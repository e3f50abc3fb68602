/// Python bindings of the CEvNS cross section: sigma(E), dsigma/dT, dsigma/dcos(theta),
/// vectorised over numpy arrays (the loops run in C++).

#include <memory>
#include <string>

#include "Bindings.hpp"
#include "lenu/formfactor/WeakCharge.hpp"
#include "lenu/models/FormFactorFactory.hpp"
#include "lenu/xsec/Cevns.hpp"

namespace lenu::python {
namespace {

/// sigma(E) [fm^2] over a whole array: one C++ loop (the vectorised call, also timed by the
/// bench/bench_python_cevns.py benchmark against bench/bench_cevns_loop.cpp).
py::object sigmaMany(const CevnsCrossSection& xs, const py::object& energy) {
  if (!py::isinstance<py::array>(energy) && (py::isinstance<py::float_>(energy) || py::isinstance<py::int_>(energy))) {
    return py::float_(xs.sigma(energy.cast<double>()));
  }
  const auto in = DoubleArray::ensure(energy);
  if (!in) {
    throw py::type_error("sigma: energy must be a float or an array of floats [MeV]");
  }
  py::array_t<double> out(std::vector<py::ssize_t>(in.shape(), in.shape() + in.ndim()));
  const double* e = in.data();
  double* o = out.mutable_data();
  const py::ssize_t n = in.size();
  {
    py::gil_scoped_release release;
    for (py::ssize_t i = 0; i < n; ++i) {
      o[i] = xs.sigma(e[i]);
    }
  }
  return out;
}

} // namespace

void bindXsec(py::module_& m) {
  py::class_<CevnsCrossSection>(m, "CevnsCrossSection",
      "Tree-level CEvNS: dsigma/dT = G_F^2 M/(4 pi) [1 - T/E - M T/(2E^2)] [Q_W F_W(q)]^2. Energies E (neutrino) "
      "and T (recoil kinetic) in MeV, cross sections in fm^2 (divide by lenu.units.cm2 for cm^2).")
      .def(py::init([](const Nuclide& n, const std::string& model, const NucleonWeakCharges& c, std::size_t nodes) {
             CevnsCrossSection::Config cfg;
             cfg.sigmaNodes = nodes;
             return CevnsCrossSection(n, makeFormFactorModel(model)->forNuclide(n), c, cfg);
           }), py::arg("nuclide"), py::arg("form_factor") = "helm", py::arg("charges") = NucleonWeakCharges::treeLevel(),
           py::arg("sigma_nodes") = 24, "nuclide, form-factor model name (lenu.form_factor_model_names()), weak charges.")
      .def(py::init([](const Nuclide& n, const NucleonFormFactors& ff, const NucleonWeakCharges& c) {
             return CevnsCrossSection(n, ff, c);
           }), py::arg("nuclide"), py::arg("form_factors"), py::arg("charges") = NucleonWeakCharges::treeLevel())
      .def("sigma", &sigmaMany, py::arg("energy"),
           "Total cross section sigma(E) [fm^2], E [MeV] (float or array; loop in C++ without the GIL).")
      .def("sigma_adaptive", vec1<CevnsCrossSection>([](const CevnsCrossSection& x, double e) { return x.sigmaAdaptive(e); }),
           py::arg("energy"), "sigma(E) [fm^2] by adaptive quadrature in T (independent check). Vectorised.")
      .def("dsigma_dT", vec2<CevnsCrossSection>([](const CevnsCrossSection& x, double e, double t) { return x.dSigmaDT(e, t); }),
           py::arg("energy"), py::arg("recoil"),
           "dsigma/dT [fm^2/MeV] at E [MeV], T [MeV]; 0 above T_max. Broadcasts E and T.")
      .def("dsigma_dcos", vec2<CevnsCrossSection>([](const CevnsCrossSection& x, double e, double c) { return x.dSigmaDCosTheta(e, c); }),
           py::arg("energy"), py::arg("cos_theta"), "dsigma/dcos(theta) [fm^2] at E [MeV], cos(theta) in [-1, 1]. Broadcasts.")
      .def("max_recoil", vec1<CevnsCrossSection>([](const CevnsCrossSection& x, double e) { return x.maxRecoil(e); }), py::arg("energy"),
           "T_max = 2E^2/(M + 2E) [MeV]. Vectorised.")
      .def("min_neutrino_energy", vec1<CevnsCrossSection>([](const CevnsCrossSection& x, double t) { return x.minNeutrinoEnergy(t); }),
           py::arg("recoil"), "Smallest E [MeV] giving recoil T [MeV]. Vectorised.")
      .def("momentum_transfer", vec1<CevnsCrossSection>([](const CevnsCrossSection& x, double t) { return x.momentumTransfer(t); }),
           py::arg("recoil"), "q [fm^-1] for recoil T [MeV]. Vectorised.")
      .def("weak_charge_form_factor", vec1<CevnsCrossSection>([](const CevnsCrossSection& x, double q) { return x.weakChargeFormFactor(q); }),
           py::arg("q"), "Q_W F_W(q), q [fm^-1]. Vectorised.")
      .def_property_readonly("weak_charge", &CevnsCrossSection::weakCharge, "Q_W")
      .def_property_readonly("nuclear_mass", &CevnsCrossSection::nuclearMass, "M [MeV]")
      .def_property_readonly("nuclide", &CevnsCrossSection::nuclide);
}

} // namespace lenu::python
