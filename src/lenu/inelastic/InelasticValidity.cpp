#include "lenu/inelastic/InelasticValidity.hpp"

namespace lenu::inelastic {

ValidityRange inelasticEnergyValidity() {
  return {"inelastic multipole models (hf, ws, allowed)",
          "neutrino energy",
          "MeV",
          0.0,
          kValidityMaxEnergy,
          "nonrelativistic one-body currents (neglected terms ~ (q/2m_N)^2 <~ 3% at q = 2E = 300 MeV) and nucleon "
          "particle-hole final states only (pion production opens at omega > m_pi = 139.6 MeV); see docs/validity.md"};
}

} // namespace lenu::inelastic
