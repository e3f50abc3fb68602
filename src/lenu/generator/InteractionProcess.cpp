#include "lenu/generator/InteractionProcess.hpp"

#include <algorithm>
#include <cmath>

namespace lenu::generator {

std::vector<ProcessInfo> processInfos() {
  return {
      {kProcessCcLines, "CC discrete", "charged-current neutrino-nucleus scattering to a discrete final state (lenu inelastic layer)"},
      {kProcessCcContinuum, "CC continuum", "charged-current neutrino-nucleus scattering to the continuum (lenu inelastic layer)"},
      {kProcessCevns, "CEvNS", "coherent elastic neutrino-nucleus scattering (Freedman, PRD 9 (1974) 1389)"},
      {kProcessNcLines, "NC discrete", "neutral-current inelastic neutrino-nucleus scattering to a discrete state"},
      {kProcessNcContinuum, "NC continuum", "neutral-current inelastic neutrino-nucleus scattering to the continuum"},
  };
}

FourMomentum momentumAlong(double pMag, double cosTheta, double phi, double energy) {
  const double c = std::clamp(cosTheta, -1.0, 1.0);
  const double s = std::sqrt(std::max(0.0, 1.0 - c * c));
  return {pMag * s * std::cos(phi), pMag * s * std::sin(phi), pMag * c, energy};
}

} // namespace lenu::generator
