#pragma once
/// @file InelasticValidity.hpp
/// Validity range of the inelastic multipole models (docs/validity.md).
///
/// Neutrino energies up to 150 MeV. Reasons: (i) the one-body weak current is used in its
/// nonrelativistic reduction (Walecka 1975; Donnelly & Haxton 1979), an expansion in q/m_N and
/// p/m_N whose neglected terms are of relative size (q/2m_N)^2 ~ 0.03 at q = 2 E = 300 MeV (and
/// the nucleon momenta in the bound states add ~ (k_F/m_N)^2 ~ 0.08); (ii) only nucleon
/// particle-hole final states exist in the model: pion production opens at an energy transfer
/// omega > m_pi = 139.6 MeV, and with it the Delta region, which the models do not contain.
/// Below 150 MeV the lepton energy transfer stays below that threshold for all nuclear final
/// states of interest; stopped-pion (<= 52.8 MeV) and supernova (<~ 100 MeV) spectra lie inside.

#include "lenu/core/Validity.hpp"

namespace lenu::inelastic {

/// Highest neutrino energy [MeV] of the validity range.
inline constexpr double kValidityMaxEnergy = 150.0;

/// The validity range in neutrino energy.
ValidityRange inelasticEnergyValidity();

} // namespace lenu::inelastic
