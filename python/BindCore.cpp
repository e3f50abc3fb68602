/// Python bindings of the core layer: lenu.Error, units and constants, nuclides, flavours.

#include <exception>
#include <string>

#include <pybind11/eval.h>

#include "Bindings.hpp"
#include "lenu/core/Constants.hpp"
#include "lenu/core/DataPath.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/core/Units.hpp"

namespace lenu::python {
namespace {

const char* kErrorClass = R"(
class Error(RuntimeError):
    """A lenu::Error raised by the C++ library.

    Attributes: message (str, names the bad value and the accepted range) and code (str, one of
    'InvalidArgument', 'UnknownNuclide', 'UnknownModel', 'NotSupported', 'NotConverged',
    'ConfigError', 'IoError', 'BelowThreshold')."""

    def __init__(self, message, code="InvalidArgument"):
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self):
        return "[%s] %s" % (self.code, self.message)
)";

/// The Python class lenu.Error, created once at import (owned by the module; the pointer is kept
/// for the exception translator, which has no other way to reach it).
PyObject*& errorClass() {
  static PyObject* cls = nullptr;
  return cls;
}

} // namespace

void bindCore(py::module_& m) {
  py::dict ns;
  ns["__name__"] = "lenu";
  py::exec(kErrorClass, ns, ns);
  py::object error = ns["Error"];
  error.attr("__module__") = "lenu";
  m.attr("Error") = error;
  errorClass() = error.inc_ref().ptr(); // kept alive for the interpreter's life
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) {
        std::rethrow_exception(p);
      }
    } catch (const lenu::Error& e) {
      py::handle cls(errorClass());
      py::object inst = cls(std::string(e.what()), std::string(toString(e.code())));
      PyErr_SetObject(cls.ptr(), inst.ptr());
    }
  });

  py::module_ u = m.def_submodule("units",
      "Unit factors of lenu's native system (MeV, fm, ns): a quantity in unit U is x * U; a native "
      "value printed in U is value / U. E.g. sigma_cm2 = sigma_fm2 / lenu.units.cm2.");
  u.attr("MeV") = units::MeV;
  u.attr("keV") = units::keV;
  u.attr("eV") = units::eV;
  u.attr("GeV") = units::GeV;
  u.attr("fm") = units::fm;
  u.attr("cm") = units::cm;
  u.attr("m") = units::m;
  u.attr("km") = units::km;
  u.attr("kpc") = units::kpc;
  u.attr("fm2") = units::fm2;
  u.attr("cm2") = units::cm2;
  u.attr("barn") = units::barn;
  u.attr("ns") = units::ns;
  u.attr("us") = units::us;
  u.attr("ms") = units::ms;
  u.attr("s") = units::s;
  u.attr("day") = units::day;
  u.attr("year") = units::year;
  u.attr("kg") = units::kg;
  u.attr("tonne") = units::tonne;
  u.attr("GWh") = units::GWh;

  py::module_ c = m.def_submodule("constants", "Physical constants (lenu/core/Constants.hpp, PDG 2024 / CODATA 2018).");
  c.attr("hbar_c") = constants::kHbarC;                // MeV fm
  c.attr("fermi_constant") = constants::kFermiConstant; // MeV^-2
  c.attr("alpha") = constants::kAlpha;
  c.attr("sin2_theta_w") = constants::kSin2ThetaW;
  c.attr("mass_pi_plus") = constants::kMassPiPlus;     // MeV
  c.attr("mass_muon") = constants::kMassMuon;          // MeV
  c.attr("mass_electron") = constants::kMassElectron;  // MeV
  c.attr("mass_proton") = constants::kMassProton;      // MeV
  c.attr("mass_neutron") = constants::kMassNeutron;    // MeV
  c.attr("tau_pion") = constants::kTauPion;            // ns
  c.attr("tau_muon") = constants::kTauMuon;            // ns

  m.def("data_directory", []() { return dataDirectory().string(); },
        "The data directory lenu reads (nuclides, forces, experiments); LENU_DATA_DIR overrides it.");
  m.def("flavours", []() {
    std::vector<std::string> out;
    for (Flavour f : kAllFlavours) out.push_back(nameOf(f));
    return out;
  }, "The six flavour names: nue, numu, nutau, nuebar, numubar, nutaubar.");
  m.def("parse_flavour", [](const std::string& s) { return nameOf(parseFlavour(s)); }, py::arg("name"),
        "Canonical flavour name; raises lenu.Error(InvalidArgument) for an unknown name.");
  m.def("is_antineutrino", [](const std::string& s) { return isAntineutrino(parseFlavour(s)); }, py::arg("flavour"));

  py::class_<Nuclide>(m, "Nuclide", "A nuclide: Z, N, A, AME2020 atomic mass, abundance, ground-state J^pi.")
      .def_readonly("symbol", &Nuclide::symbol, "element symbol, e.g. 'Ar'")
      .def_readonly("Z", &Nuclide::Z, "protons")
      .def_readonly("A", &Nuclide::A, "mass number")
      .def_property_readonly("N", &Nuclide::N, "neutrons")
      .def_readonly("atomic_mass_u", &Nuclide::atomicMassU, "atomic mass [u] (AME2020)")
      .def_readonly("abundance", &Nuclide::abundance, "natural isotopic abundance (fraction)")
      .def_readonly("spin_parity", &Nuclide::spinParity, "ground-state J^pi, e.g. '7/2+'")
      .def_property_readonly("name", &Nuclide::name, "canonical name, e.g. 'Ar40'")
      .def_property_readonly("atomic_mass", &Nuclide::atomicMass, "atomic mass [MeV]")
      .def_property_readonly("nuclear_mass", &Nuclide::nuclearMass, "nuclear mass [MeV]")
      .def("__repr__", [](const Nuclide& n) { return "<lenu.Nuclide " + n.name() + ">"; });

  py::class_<NuclideTable>(m, "NuclideTable", "The nuclide table (data/nuclides.csv; AME2020, NUBASE2020).")
      .def_static("load", &NuclideTable::load, "Load data/nuclides.csv from the data directory.")
      .def_static("from_file", [](const std::string& p) { return NuclideTable::fromFile(p); }, py::arg("path"))
      .def("get", py::overload_cast<std::string_view>(&NuclideTable::get, py::const_), py::arg("name"),
           "Nuclide by name ('Ar40', '40Ar', 'ar-40'); raises lenu.Error(UnknownNuclide).")
      .def("get", py::overload_cast<int, int>(&NuclideTable::get, py::const_), py::arg("Z"), py::arg("A"))
      .def("natural_isotopes", &NuclideTable::naturalIsotopes, py::arg("symbol"),
           "Natural isotopes of an element ('Xe').")
      .def("atomic_number", &NuclideTable::atomicNumber, py::arg("symbol"))
      .def_property_readonly("all", &NuclideTable::all, "all nuclides")
      .def("__len__", [](const NuclideTable& t) { return t.all().size(); });

  m.def("nuclide", [](const std::string& name) { return NuclideTable::load().get(name); }, py::arg("name"),
        "Nuclide by name from data/nuclides.csv ('Ar40', 'Pb208'); raises lenu.Error(UnknownNuclide).");
}

} // namespace lenu::python
