#include "lenu/pves/PvesValidity.hpp"

namespace lenu {

ValidityRange pvesEnergyValidity() {
  return {"PVES calculation (elastic, Dirac partial waves)", "beam kinetic energy", "MeV", 50.0, 3000.0,
          "ultra-relativistic electrons (m_e/E <= 1%) up to the partial-wave solver's range; see docs/validity.md"};
}

ValidityRange pvesAngleValidity() {
  return {"PVES calculation (elastic, Dirac partial waves)", "laboratory scattering angle", "deg", 1.0, 30.0,
          "forward elastic scattering, where magnetic and dispersion corrections are negligible and the partial-wave "
          "series converges; see docs/validity.md"};
}

} // namespace lenu
