/// Python bindings of the form-factor layer and the model factory: F(q) vectorised over numpy
/// arrays, densities rho(r), weak charges and the weak form factor.

#include <memory>

#include "Bindings.hpp"
#include "lenu/formfactor/Density.hpp"
#include "lenu/formfactor/FormFactor.hpp"
#include "lenu/formfactor/Models.hpp"
#include "lenu/formfactor/Phenomenological.hpp"
#include "lenu/formfactor/WeakCharge.hpp"
#include "lenu/models/FormFactorFactory.hpp"

namespace lenu::python {

void bindFormFactor(py::module_& m) {
  py::class_<FormFactor, std::shared_ptr<FormFactor>>(m, "FormFactor",
      "A form factor F(q) normalised to F(0) = 1. Call with q [fm^-1] (float or numpy array, >= 0).")
      .def("__call__", vec1<FormFactor>([](const FormFactor& f, double q) { return f(q); }), py::arg("q"),
           "F(q), q [fm^-1]; dimensionless. Vectorised (loop in C++).")
      .def_property_readonly("description", &FormFactor::description);

  py::class_<RadialDensity, std::shared_ptr<RadialDensity>>(m, "RadialDensity",
      "A spherical density rho(r) [fm^-3] (charge densities in e fm^-3).")
      .def("__call__", vec1<RadialDensity>([](const RadialDensity& d, double r) { return d(r); }), py::arg("r"),
           "rho(r) [fm^-3], r [fm] >= 0. Vectorised.")
      .def_property_readonly("r_max", &RadialDensity::rMax, "radius beyond which rho is negligible [fm]")
      .def_property_readonly("description", &RadialDensity::description)
      .def("rms_radius", [](const RadialDensity& d) { return rmsRadius(d); }, "rms radius [fm]")
      .def("moment", [](const RadialDensity& d, int k) { return radialMoment(d, k); }, py::arg("k"),
           "4 pi int r^(2+k) rho dr (k = 0: number, k = 2: number x <r^2> [fm^2]).");

  py::class_<TabulatedDensity, RadialDensity, std::shared_ptr<TabulatedDensity>>(m, "TabulatedDensity",
      "Density tabulated on a radial mesh (cubic spline).")
      .def(py::init([](const DoubleArray& r, const DoubleArray& rho, const std::string& d) {
             return std::make_shared<TabulatedDensity>(toVector(r), toVector(rho), d);
           }), py::arg("r"), py::arg("rho"), py::arg("description") = "tabulated",
           "r [fm] increasing, rho [fm^-3].")
      .def_property_readonly("r", [](const TabulatedDensity& d) { return toArray(d.r()); }, "mesh [fm]")
      .def_property_readonly("rho", [](const TabulatedDensity& d) { return toArray(d.rho()); }, "density [fm^-3]");

  py::class_<HelmFormFactor, FormFactor, std::shared_ptr<HelmFormFactor>>(m, "HelmFormFactor",
      "Helm form factor 3 j1(q R0)/(q R0) exp(-q^2 s^2/2) (Lewin-Smith conventions).")
      .def(py::init<double, double>(), py::arg("r0"), py::arg("s") = 0.9, "R0, s [fm] > 0")
      .def_static("lewin_smith", &HelmFormFactor::lewinSmith, py::arg("A"), "Lewin-Smith parameters for mass number A.")
      .def_static("from_rms_radius", &HelmFormFactor::fromRmsRadius, py::arg("rms"), py::arg("s") = 0.9,
                  "Helm form factor with rms radius `rms` [fm] at skin s [fm].")
      .def_property_readonly("r0", &HelmFormFactor::r0, "[fm]")
      .def_property_readonly("s", &HelmFormFactor::s, "[fm]")
      .def_property_readonly("rms_radius", &HelmFormFactor::rmsRadius, "[fm]");

  py::class_<KleinNystrandFormFactor, FormFactor, std::shared_ptr<KleinNystrandFormFactor>>(m, "KleinNystrandFormFactor",
      "Klein-Nystrand: hard sphere (R_A) folded with a Yukawa (a_k).")
      .def(py::init<double, double>(), py::arg("radius"), py::arg("ak") = 0.7, "R_A, a_k [fm] > 0")
      .def_static("coherent", &KleinNystrandFormFactor::coherent, py::arg("A"),
                  "COHERENT convention R_A = 1.2 A^(1/3) fm, a_k = 0.7 fm.")
      .def_property_readonly("rms_radius", &KleinNystrandFormFactor::rmsRadius, "[fm]");

  py::class_<SymmetrizedFermiFormFactor, FormFactor, std::shared_ptr<SymmetrizedFermiFormFactor>>(m, "SymmetrizedFermiFormFactor",
      "Analytic form factor of the symmetrized Fermi density (c, a [fm]).")
      .def(py::init<double, double>(), py::arg("c"), py::arg("a"))
      .def_property_readonly("rms_radius", &SymmetrizedFermiFormFactor::rmsRadius, "[fm]");

  py::class_<FourierBesselDensity, RadialDensity, std::shared_ptr<FourierBesselDensity>>(m, "FourierBesselDensity",
      "Fourier-Bessel density sum_nu a_nu j0(nu pi r/R), r <= R (de Vries et al., ADNDT 36 (1987) 495).")
      .def_property_readonly("cutoff_radius", &FourierBesselDensity::cutoffRadius, "R [fm]")
      .def_property_readonly("coefficients", [](const FourierBesselDensity& d) { return toArray(d.coefficients()); },
                             "a_nu [e fm^-3]")
      .def("norm", &FourierBesselDensity::norm, "4 pi int r^2 rho dr (= Z for a charge density, to 1e-3)");
  m.def("fourier_bessel_density", [](const Nuclide& n) { return std::make_shared<FourierBesselDensity>(loadFourierBesselDensity(n)); },
        py::arg("nuclide"), "de Vries 1987 Fourier-Bessel charge density [e fm^-3] of a tabulated nuclide "
        "(data/fourier_bessel.csv); lenu.Error(NotSupported) otherwise.");
  m.def("fourier_bessel_charge_form_factor", [](const Nuclide& n) -> std::shared_ptr<FormFactor> {
        return std::make_shared<FourierBesselFormFactor>(loadFourierBesselDensity(n));
      }, py::arg("nuclide"), "Charge form factor F_ch(q) of the de Vries Fourier-Bessel density (normalised to 1).");
  m.def("density_form_factor", [](std::shared_ptr<RadialDensity> rho, std::size_t nodes) -> std::shared_ptr<FormFactor> {
        return std::make_shared<DensityFormFactor>(std::move(rho), nodes);
      }, py::arg("density"), py::arg("nodes") = 400, "Normalised form factor of any density by numerical Bessel transform.");

  py::class_<NucleonFormFactors>(m, "NucleonFormFactors", "Proton and neutron form factors F_p(q), F_n(q) of one nuclide.")
      .def_property_readonly("proton", [](const NucleonFormFactors& f) { return std::const_pointer_cast<FormFactor>(f.proton); })
      .def_property_readonly("neutron", [](const NucleonFormFactors& f) { return std::const_pointer_cast<FormFactor>(f.neutron); });

  py::class_<FormFactorModel, std::shared_ptr<FormFactorModel>>(m, "FormFactorModel",
      "A form-factor model: gives any supported nuclide its F_p and F_n (lenu.form_factor_model(name)).")
      .def("for_nuclide", &FormFactorModel::forNuclide, py::arg("nuclide"),
           "NucleonFormFactors of the nuclide; lenu.Error(NotSupported) if the model cannot treat it.")
      .def_property_readonly("name", &FormFactorModel::name);
  m.def("form_factor_model", [](const std::string& name) { return std::const_pointer_cast<FormFactorModel>(makeFormFactorModel(name)); },
        py::arg("name"), "Model by name: helm, klein-nystrand, symmetrized-fermi, fourier-bessel, unit, hf:FORCE "
        "(e.g. hf:SLy4). lenu.Error(UnknownModel) lists the accepted names.");
  m.def("form_factor_model_names", &formFactorModelNames, "Accepted form-factor model names.");

  py::class_<NucleonWeakCharges>(m, "NucleonWeakCharges", "Proton and neutron weak charges Q_W^p, Q_W^n (dimensionless).")
      .def(py::init([](double p, double n) { return NucleonWeakCharges{p, n, "user"}; }), py::arg("proton"), py::arg("neutron"))
      .def_static("tree_level", py::overload_cast<>(&NucleonWeakCharges::treeLevel),
                  "Q_W^p = 1 - 4 sin^2 theta_W (0.23857), Q_W^n = -1.")
      .def_static("cevns_radiative", [](const std::string& f) { return NucleonWeakCharges::cevnsRadiative(flavourOf(f)); },
                  py::arg("flavour"), "Radiatively corrected neutrino-nucleon couplings (UNCONFIRMED, see data/cevns_couplings.md).")
      .def_static("electron_radiative", &NucleonWeakCharges::radiativelyCorrected,
                  "Electron-nucleon (PVES) weak charges Q_W^p = 0.0721, Q_W^n = -0.9878.")
      .def_readonly("proton", &NucleonWeakCharges::proton)
      .def_readonly("neutron", &NucleonWeakCharges::neutron)
      .def_readonly("source", &NucleonWeakCharges::source);
  m.def("weak_charge", [](const Nuclide& n, const NucleonWeakCharges& c) { return weakCharge(n, c); }, py::arg("nuclide"),
        py::arg("charges") = NucleonWeakCharges::treeLevel(), "Q_W = N Q_W^n + Z Q_W^p (dimensionless).");

  py::class_<WeakFormFactor>(m, "WeakFormFactor", "Weak form factor Q_W F_W(q) = Q_W^n N F_n + Q_W^p Z F_p.")
      .def(py::init([](const Nuclide& n, const NucleonFormFactors& ff, const NucleonWeakCharges& c) { return WeakFormFactor(n, ff, c); }),
           py::arg("nuclide"), py::arg("form_factors"), py::arg("charges") = NucleonWeakCharges::treeLevel())
      .def("__call__", vec1<WeakFormFactor>([](const WeakFormFactor& w, double q) { return w(q); }), py::arg("q"),
           "Normalised F_W(q), q [fm^-1]. Vectorised.")
      .def("charge_times_form_factor", vec1<WeakFormFactor>([](const WeakFormFactor& w, double q) { return w.chargeTimesFormFactor(q); }),
           py::arg("q"), "Q_W F_W(q), q [fm^-1]. Vectorised.")
      .def_property_readonly("weak_charge", &WeakFormFactor::weakCharge, "Q_W");

  m.def("spherical_j0", py::vectorize(&sphericalJ0), py::arg("x"), "j0(x) = sin x / x. Vectorised.");
  m.def("spherical_j1", py::vectorize(&sphericalJ1), py::arg("x"), "j1(x). Vectorised.");
}

} // namespace lenu::python
