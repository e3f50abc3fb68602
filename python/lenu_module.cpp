/// The pybind11 module `lenu`: lenu's C++ library from Python (numpy arrays in and out).
/// Build: part of the CMake build (LENU_BUILD_PYTHON); import from the build tree with
/// PYTHONPATH=build/release/python /usr/bin/python3.

#include "Bindings.hpp"

PYBIND11_MODULE(lenu, m) {
  m.doc() = "lenu: low-energy neutrino-nucleus physics (CEvNS, Skyrme Hartree-Fock, PVES, inelastic "
            "CC/NC).\nUnits: energies MeV, lengths fm, times ns, cross sections fm^2 (divide by "
            "lenu.units.cm2 for cm^2), momentum transfer fm^-1. Flavours: 'nue', 'numu', 'nutau', "
            "'nuebar', 'numubar', 'nutaubar'. Errors raise lenu.Error (a RuntimeError) with .message "
            "and .code.";
  lenu::python::bindCore(m);
  lenu::python::bindFormFactor(m);
  lenu::python::bindStructure(m);
  lenu::python::bindXsec(m);
  lenu::python::bindSource(m);
  lenu::python::bindDetectorAndModels(m);
  lenu::python::bindPves(m);
  lenu::python::bindInelastic(m);
  lenu::python::bindSupernova(m);
  lenu::python::bindStrength(m);
  lenu::python::bindGenerator(m);
}
