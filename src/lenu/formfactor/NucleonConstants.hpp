#pragma once
/// @file NucleonConstants.hpp
/// Single-nucleon charge radii shared by the structure layer (charge and weak radii of
/// Hartree-Fock densities) and the pves layer (point-proton and point-neutron radii from measured
/// charge and weak radii). Kept in the formfactor layer, the lowest layer both may include, so the
/// numbers exist once.

namespace lenu::nucleon {

/// Proton rms charge radius R_p [fm]. CODATA 2018: 0.8414(19) fm (as tabulated e.g. by the
/// physical_constants crate, CODATA 2018 set). The CODATA 2022 value quoted by PDG live
/// (Mohr et al. 2025) is 0.84075(64) fm; the difference changes nuclear radii by < 1e-4 fm.
inline constexpr double kProtonChargeRadius = 0.8414;

/// Neutron mean-square charge radius <r^2>_n [fm^2]. PDG average: -0.1161(22) fm^2
/// (pdglive.lbl.gov, node S017MCR, "OUR AVERAGE", scale factor 1.3).
inline constexpr double kNeutronChargeRadius2 = -0.1161;

} // namespace lenu::nucleon
