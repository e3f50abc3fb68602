/// Python bindings of the structure layer: Skyrme forces, the spherical Hartree-Fock solver and
/// its results (levels, densities and radii as numpy arrays), HF form factors and densities.

#include <memory>

#include "Bindings.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/structure/HartreeFock.hpp"
#include "lenu/structure/HartreeFockFormFactors.hpp"
#include "lenu/structure/SkyrmeForce.hpp"

namespace lenu::python {
namespace {

PairingMode parsePairing(const std::string& s) {
  if (s == "auto") return PairingMode::Auto;
  if (s == "none") return PairingMode::None;
  if (s == "filling") return PairingMode::Filling;
  if (s == "constant-gap") return PairingMode::ConstantGap;
  if (s == "delta") return PairingMode::DeltaPairing;
  throw Error(ErrorCode::InvalidArgument,
              "pairing '" + s + "' unknown; accepted: auto, none, filling, constant-gap, delta");
}

std::string isospinName(Isospin t) { return t == Isospin::Proton ? "p" : "n"; }

/// The single-particle levels of a result as columns (numpy arrays / lists).
py::dict levelsOf(const HartreeFockResult& r) {
  const std::size_t n = r.states.size();
  py::array_t<double> energy(static_cast<py::ssize_t>(n)), occ(static_cast<py::ssize_t>(n)), j(static_cast<py::ssize_t>(n));
  py::array_t<int> nodes(static_cast<py::ssize_t>(n)), l(static_cast<py::ssize_t>(n));
  py::list iso, label;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& s = r.states[i];
    energy.mutable_data()[i] = s.energy;
    occ.mutable_data()[i] = s.occupation;
    j.mutable_data()[i] = s.j;
    nodes.mutable_data()[i] = s.n;
    l.mutable_data()[i] = s.l;
    iso.append(isospinName(s.isospin));
    label.append(stateLabel(s));
  }
  py::dict d;
  d["isospin"] = iso;
  d["label"] = label;
  d["n"] = nodes;
  d["l"] = l;
  d["j"] = j;
  d["energy"] = energy;
  d["occupation"] = occ;
  return d;
}

} // namespace

void bindStructure(py::module_& m) {
  py::class_<SkyrmeForce>(m, "SkyrmeForce", "A Skyrme force (data/skyrme/*.toml). t0 [MeV fm^3], t1, t2 [MeV fm^5], "
                                            "t3 [MeV fm^(3+3 alpha)], W0-like b4, b4' [MeV fm^5].")
      .def_static("load", &SkyrmeForce::load, py::arg("name"), "Load by name (SLy4, SkM*, SkI3, SIII, UNEDF1).")
      .def_static("available", &SkyrmeForce::available, "Names of the shipped forces.")
      .def_readonly("name", &SkyrmeForce::name)
      .def_readonly("t0", &SkyrmeForce::t0).def_readonly("t1", &SkyrmeForce::t1)
      .def_readonly("t2", &SkyrmeForce::t2).def_readonly("t3", &SkyrmeForce::t3)
      .def_readonly("x0", &SkyrmeForce::x0).def_readonly("x1", &SkyrmeForce::x1)
      .def_readonly("x2", &SkyrmeForce::x2).def_readonly("x3", &SkyrmeForce::x3)
      .def_readonly("alpha", &SkyrmeForce::alpha).def_readonly("b4", &SkyrmeForce::b4)
      .def_readonly("b4p", &SkyrmeForce::b4p).def_readonly("reference", &SkyrmeForce::reference);

  py::class_<HartreeFockRadii>(m, "HartreeFockRadii", "rms radii [fm] of a Hartree-Fock ground state.")
      .def_readonly("proton", &HartreeFockRadii::proton, "point protons [fm]")
      .def_readonly("neutron", &HartreeFockRadii::neutron, "point neutrons [fm]")
      .def_readonly("matter", &HartreeFockRadii::matter, "point nucleons [fm]")
      .def_readonly("charge", &HartreeFockRadii::charge, "charge [fm]")
      .def_readonly("weak", &HartreeFockRadii::weak, "weak charge [fm]")
      .def_readonly("skin", &HartreeFockRadii::skin, "neutron skin r_n - r_p [fm]")
      .def_readonly("spin_orbit_contribution", &HartreeFockRadii::spinOrbitContribution, "to r_ch^2 [fm^2]");

  py::class_<HartreeFockEnergy>(m, "HartreeFockEnergy", "Ground-state energy and its parts [MeV].")
      .def_readonly("kinetic", &HartreeFockEnergy::kinetic).def_readonly("volume", &HartreeFockEnergy::volume)
      .def_readonly("effective_mass", &HartreeFockEnergy::effectiveMass).def_readonly("surface", &HartreeFockEnergy::surface)
      .def_readonly("density_dependent", &HartreeFockEnergy::densityDependent)
      .def_readonly("spin_orbit", &HartreeFockEnergy::spinOrbit)
      .def_readonly("coulomb_direct", &HartreeFockEnergy::coulombDirect)
      .def_readonly("coulomb_exchange", &HartreeFockEnergy::coulombExchange)
      .def_readonly("pairing", &HartreeFockEnergy::pairing).def_readonly("center_of_mass", &HartreeFockEnergy::centerOfMass)
      .def_readonly("total", &HartreeFockEnergy::total, "functional energy [MeV]")
      .def_readonly("single_particle_sum", &HartreeFockEnergy::singleParticleSum, "[MeV]");

  py::class_<SingleParticleState>(m, "SingleParticleState", "A bound single-particle state u(r)/r [Y_l chi]_j.")
      .def_readonly("n", &SingleParticleState::n, "nodes").def_readonly("l", &SingleParticleState::l)
      .def_readonly("j", &SingleParticleState::j).def_readonly("energy", &SingleParticleState::energy, "[MeV]")
      .def_readonly("occupation", &SingleParticleState::occupation, "v^2")
      .def_property_readonly("isospin", [](const SingleParticleState& s) { return isospinName(s.isospin); }, "'p' or 'n'")
      .def_property_readonly("label", [](const SingleParticleState& s) { return stateLabel(s); }, "e.g. '1d3/2'")
      .def_property_readonly("u", [](const SingleParticleState& s) { return toArray(s.u); },
                             "reduced radial wave function u(r_i) [fm^-1/2] on r_i = (i+1) h");

  py::class_<HartreeFockResult, std::shared_ptr<HartreeFockResult>>(m, "HartreeFockResult",
      "A Skyrme Hartree-Fock(+BCS) ground state: energies [MeV], levels, densities [fm^-3] on r [fm], radii [fm].")
      .def_readonly("force", &HartreeFockResult::force)
      .def_readonly("Z", &HartreeFockResult::Z).def_readonly("N", &HartreeFockResult::N)
      .def_readonly("energy", &HartreeFockResult::energy)
      .def_readonly("binding_energy", &HartreeFockResult::bindingEnergy, "B = -E [MeV]")
      .def_readonly("energy_check", &HartreeFockResult::energyCheck, "E_functional - E_sp-sum [MeV]")
      .def_readonly("converged", &HartreeFockResult::converged)
      .def_readonly("iterations", &HartreeFockResult::iterations)
      .def_readonly("states", &HartreeFockResult::states)
      .def_property_readonly("levels", &levelsOf,
                             "dict of columns: isospin, label, n, l, j, energy [MeV], occupation (numpy arrays / lists)")
      .def_readonly("fermi_energy", &HartreeFockResult::fermiEnergy, "(lambda_p, lambda_n) [MeV]")
      .def_readonly("pairing_gap", &HartreeFockResult::pairingGap, "(Delta_p, Delta_n) [MeV]")
      .def_readonly("radii", &HartreeFockResult::radii)
      .def_property_readonly("r", [](const HartreeFockResult& r) { return toArray(r.protonDensity->r()); }, "mesh [fm]")
      .def_property_readonly("proton_density", [](const HartreeFockResult& r) { return toArray(r.protonDensity->rho()); },
                             "point-proton density on r [fm^-3]")
      .def_property_readonly("neutron_density", [](const HartreeFockResult& r) { return toArray(r.neutronDensity->rho()); },
                             "point-neutron density on r [fm^-3]")
      .def_readonly("wall_time_ms", &HartreeFockResult::wallTimeMs, "[ms]");

  py::class_<HartreeFockSolver>(m, "HartreeFockSolver", "Spherical Skyrme Hartree-Fock (+BCS) in coordinate space.")
      .def(py::init([](const std::string& force, double box, double step, int maxIter, const std::string& pairing) {
             HartreeFockConfig cfg;
             cfg.boxRadius = box;
             cfg.meshStep = step;
             cfg.maxIterations = maxIter;
             cfg.pairing.mode = parsePairing(pairing);
             return HartreeFockSolver(SkyrmeForce::load(force), cfg);
           }), py::arg("force") = "SLy4", py::arg("box_radius") = 20.0, py::arg("mesh_step") = 0.1,
           py::arg("max_iterations") = 400, py::arg("pairing") = "auto",
           "force name; box radius [fm] 5..60; mesh step [fm] 0.02..0.3; pairing auto|none|filling|constant-gap|delta. "
           "lenu.Error(InvalidArgument) for values out of range.")
      .def("solve", [](const HartreeFockSolver& s, int Z, int N) { return std::make_shared<HartreeFockResult>(s.solve(Z, N)); },
           py::arg("Z"), py::arg("N"), py::call_guard<py::gil_scoped_release>(),
           "Ground state of (Z, N); lenu.Error(NotConverged / NotSupported) on failure.");

  py::class_<HartreeFockGroundState, std::shared_ptr<HartreeFockGroundState>>(m, "HartreeFockGroundState",
      "Observables of an HF ground state: form factors (q [fm^-1]), charge and weak-charge densities.")
      .def_property_readonly("hf", [](const HartreeFockGroundState& g) { return std::make_shared<HartreeFockResult>(g.hf); })
      .def_property_readonly("proton", [](const HartreeFockGroundState& g) { return std::const_pointer_cast<FormFactor>(g.proton); },
                             "F_p(q), point protons")
      .def_property_readonly("neutron", [](const HartreeFockGroundState& g) { return std::const_pointer_cast<FormFactor>(g.neutron); },
                             "F_n(q), point neutrons")
      .def_property_readonly("charge", [](const HartreeFockGroundState& g) { return std::const_pointer_cast<FormFactor>(g.charge); },
                             "F_ch(q) (nucleon form factors folded, spin-orbit term)")
      .def_property_readonly("weak", [](const HartreeFockGroundState& g) { return std::const_pointer_cast<FormFactor>(g.weak); },
                             "F_W(q) normalised to 1")
      .def_property_readonly("charge_density", [](const HartreeFockGroundState& g) { return std::const_pointer_cast<RadialDensity>(g.chargeDensity); },
                             "rho_ch(r) [e fm^-3], integrates to Z")
      .def_property_readonly("weak_density", [](const HartreeFockGroundState& g) { return std::const_pointer_cast<RadialDensity>(g.weakDensity); },
                             "rho_W(r) [fm^-3], integrates to Q_W")
      .def_readonly("weak_charge", &HartreeFockGroundState::weakCharge, "Q_W")
      .def("born_apv", vec1<HartreeFockGroundState>([](const HartreeFockGroundState& g, double q) { return bornParityViolatingAsymmetry(g, q); }),
           py::arg("q"), "Born A_PV(q), q [fm^-1] (dimensionless, negative for Q_W < 0). Vectorised.");

  m.def("hartree_fock_ground_state", [](const Nuclide& n, const std::string& force) {
        return std::const_pointer_cast<HartreeFockGroundState>(HartreeFockFormFactorModel(force).groundState(n.Z, n.N()));
      }, py::arg("nuclide"), py::arg("force") = "SLy4", py::call_guard<py::gil_scoped_release>(),
      "Solve HF for a nuclide with default settings and return its observables.");
}

} // namespace lenu::python
