#pragma once
/// @file PvesValidity.hpp
/// Validity ranges of the PVES calculation (docs/validity.md). The parity-violating asymmetry is
/// computed for ELASTIC scattering of longitudinally polarised electrons on a spin-0 nucleus with
/// the Horowitz formulation (C.J. Horowitz, PRC 57 (1998) 3430): the two helicities see V_C +- A,
/// which assumes ultra-relativistic electrons (helicity = chirality up to m_e / E), and neglects
/// magnetic scattering (exact for J = 0) and dispersion (two-boson exchange) corrections, which
/// are small only at forward angles.
///  - beam kinetic energy 50 .. 3000 MeV: m_e/E <= 1% at the low end; the upper end is the range
///    of the partial-wave solver (kR up to ~ 3000 partial waves) and covers CREX (2.18 GeV).
///  - laboratory angle 1 .. 30 deg: forward scattering, where the measured experiments are
///    (PREX about 5 deg, CREX about 4.5 deg) and dispersion corrections stay small; below 1 deg the partial-wave series is dominated by
///    the Coulomb singularity and needs many series reductions.

#include "lenu/core/Validity.hpp"

namespace lenu {

/// Validity range in beam kinetic energy [MeV].
ValidityRange pvesEnergyValidity();
/// Validity range in laboratory scattering angle [deg].
ValidityRange pvesAngleValidity();

} // namespace lenu
