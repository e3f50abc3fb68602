/// Python bindings of the PVES layer: parity-violating elastic electron scattering with Coulomb
/// distortions (exact Dirac partial waves), A_PV and cross sections vs angle.

#include <memory>

#include "Bindings.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/pves/ParityViolation.hpp"
#include "lenu/structure/HartreeFockFormFactors.hpp"

namespace lenu::python {

void bindPves(py::module_& m) {
  py::class_<PvesResult>(m, "PvesResult", "PVES at one kinematic point.")
      .def_readonly("kinetic_energy", &PvesResult::kineticEnergy, "beam kinetic energy [MeV]")
      .def_readonly("theta_deg", &PvesResult::thetaDeg, "lab angle [deg]")
      .def_readonly("q2", &PvesResult::q2, "Q^2 [MeV^2]")
      .def_readonly("q", &PvesResult::q, "momentum transfer [fm^-1]")
      .def_readonly("cross_section", &PvesResult::crossSection, "dsigma/dOmega (lab) [fm^2/sr]")
      .def_readonly("mott_cross_section", &PvesResult::mottCrossSection, "[fm^2/sr]")
      .def_readonly("apv", &PvesResult::apv, "distorted-wave A_PV (dimensionless; x 1e9 for ppb)")
      .def_readonly("apv_born", &PvesResult::apvBorn, "plane-wave Born A_PV (dimensionless)");

  py::class_<ParityViolatingScattering, std::shared_ptr<ParityViolatingScattering>>(m, "ParityViolatingScattering",
      "Elastic e-A scattering of +/- helicity electrons in V_C +/- A (Dirac partial waves). Energies MeV, angles deg.")
      .def(py::init([](int Z, double mass, std::shared_ptr<RadialDensity> charge, double qw, std::shared_ptr<RadialDensity> weak) {
             return std::make_shared<ParityViolatingScattering>(Z, mass, std::move(charge), qw, std::move(weak));
           }), py::arg("Z"), py::arg("nuclear_mass"), py::arg("charge_density"), py::arg("weak_charge"), py::arg("weak_density"),
           "Z, nuclear mass [MeV], charge density [e fm^-3] integrating to Z, Q_W, weak density [fm^-3] integrating to Q_W.")
      .def_static("from_hartree_fock", [](const Nuclide& n, const std::string& force) {
             const auto gs = HartreeFockFormFactorModel(force).groundState(n.Z, n.N());
             return std::make_shared<ParityViolatingScattering>(n.Z, n.nuclearMass(), gs->chargeDensity, gs->weakCharge, gs->weakDensity);
           }, py::arg("nuclide"), py::arg("force") = "SLy4", "charge and weak densities of a Skyrme HF ground state")
      .def("evaluate", py::overload_cast<double, double>(&ParityViolatingScattering::evaluate, py::const_),
           py::arg("kinetic_energy"), py::arg("theta_deg"), py::call_guard<py::gil_scoped_release>(),
           "PvesResult at T [MeV] and lab angle [deg].")
      .def("evaluate_many", [](const ParityViolatingScattering& p, double t, const DoubleArray& theta) {
        std::vector<PvesResult> r;
        {
          py::gil_scoped_release release;
          r = p.evaluate(t, toVector(theta));
        }
        py::dict d;
        std::vector<double> th, q2, q, xs, mott, apv, born;
        for (const auto& x : r) {
          th.push_back(x.thetaDeg); q2.push_back(x.q2); q.push_back(x.q); xs.push_back(x.crossSection);
          mott.push_back(x.mottCrossSection); apv.push_back(x.apv); born.push_back(x.apvBorn);
        }
        d["theta_deg"] = toArray(th); d["q2"] = toArray(q2); d["q"] = toArray(q);
        d["cross_section"] = toArray(xs); d["mott_cross_section"] = toArray(mott);
        d["apv"] = toArray(apv); d["apv_born"] = toArray(born);
        return d;
      }, py::arg("kinetic_energy"), py::arg("theta_deg"),
         "dict of arrays (theta_deg, q2 [MeV^2], q [fm^-1], cross_section [fm^2/sr], mott_cross_section, apv, apv_born) "
         "at T [MeV] for lab angles [deg] (one phase-shift calculation).")
      .def("angle_for_q2", &ParityViolatingScattering::angleForQ2, py::arg("kinetic_energy"), py::arg("q2"),
           "lab angle [deg] where Q^2 [MeV^2] is reached at T [MeV]")
      .def("q2_at", &ParityViolatingScattering::q2At, py::arg("kinetic_energy"), py::arg("theta_deg"), "Q^2 [MeV^2]")
      .def_property_readonly("Z", &ParityViolatingScattering::Z)
      .def_property_readonly("weak_charge", &ParityViolatingScattering::weakCharge);
}

} // namespace lenu::python
