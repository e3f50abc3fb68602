#pragma once
// Shared fixtures of the pves tests: de Vries Fourier-Bessel charge densities normalised to Z and
// symmetrized-Fermi weak densities normalised to Q_W (Horowitz et al. 2012 nucleon weak charges).

#include <memory>
#include <string>

#include "lenu/core/Nuclide.hpp"
#include "lenu/formfactor/Phenomenological.hpp"
#include "lenu/formfactor/WeakCharge.hpp"

namespace lenu::pvestest {

/// de Vries FB charge density of a tabulated nuclide, rescaled to integrate to exactly Z (the
/// table integrates to Z within 1e-3).
inline std::shared_ptr<FourierBesselDensity> chargeDensity(const Nuclide& nuclide) {
  const FourierBesselDensity fb = loadFourierBesselDensity(nuclide);
  auto coeffs = fb.coefficients();
  const double scale = nuclide.Z / fb.norm();
  for (double& c : coeffs) {
    c *= scale;
  }
  return std::make_shared<FourierBesselDensity>(fb.cutoffRadius(), coeffs, nuclide.name());
}

inline double weakChargeOf(const Nuclide& nuclide) {
  return weakCharge(nuclide, NucleonWeakCharges::radiativelyCorrected());
}

/// Symmetrized-Fermi weak density with rms radius rW [fm], diffuseness a [fm], normalised to Q_W.
inline std::shared_ptr<SymmetrizedFermiDensity> weakDensity(const Nuclide& nuclide, double rW, double a = 0.605) {
  const double c = SymmetrizedFermiFormFactor::halfDensityRadius(rW, a);
  return std::make_shared<SymmetrizedFermiDensity>(c, a, weakChargeOf(nuclide));
}

} // namespace lenu::pvestest
