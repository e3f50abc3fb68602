#pragma once
/// @file CevnsValidity.hpp
/// Validity range of the CEvNS cross section (docs/validity.md): where coherence holds.
///
/// The elastic cross section G_F^2 M Q_W^2 F^2(q) (...) stays the correct ELASTIC cross section
/// at any q, but it is "coherent" (enhanced ~ N^2 and the dominant channel) only while the weak
/// form factor is not small: the incoherent (nucleus-exciting) channels grow like 1 - |F|^2
/// (V.A. Bednyakov & D.V. Naumov, arXiv:1806.08768), and coherence holds for q up to
/// ~ nuclear-size wavelengths (O. Moreno & T.W. Donnelly, arXiv:1506.04733:
/// "q ~ 160 A^(-1/3) MeV and below"). We enforce the
/// loosest meaningful bound: the largest momentum transfer q_max = 2 E_nu (M >> E_nu) must stay
/// below the first zero of the form factor of a uniform sphere of radius R = 1.2 A^(1/3) fm,
/// q_max R <= 4.493 (first zero of j_1). Beyond it |F|^2 is below ~1e-2 on average and the
/// form-factor models differ qualitatively (Helm and Klein-Nystrand zeros differ).
/// E_max = 4.493 hbar c / (2 x 1.2 fm A^(1/3)) = 369.4 MeV / A^(1/3): 40Ar 108 MeV, 133Cs 72 MeV,
/// 208Pb 62 MeV; stopped-pion spectra (<= 52.8 MeV) and reactor spectra lie inside for all A.

#include "lenu/core/Validity.hpp"

namespace lenu {

/// First zero of the spherical Bessel function j_1 (uniform-sphere form factor 3 j_1(x)/x).
inline constexpr double kFirstFormFactorZero = 4.493409457909064;
/// Radius parameter of the uniform sphere R = r0 A^(1/3) [fm].
inline constexpr double kCoherenceRadiusParameter = 1.2;

/// Validity range in neutrino energy [MeV] for mass number A (>= 1).
ValidityRange cevnsEnergyValidity(int A);

} // namespace lenu
