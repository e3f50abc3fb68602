#pragma once
/// @file NucleonStructure.hpp
/// Single-nucleon inputs that turn point-nucleon densities into charge and weak-charge
/// observables: electric form factors, charge radii, weak charges, and the radius corrections
/// (Darwin-Foldy, spin-orbit).

#include <vector>

#include "lenu/formfactor/NucleonConstants.hpp"
#include "lenu/formfactor/WeakCharge.hpp"
#include "lenu/structure/SingleParticleState.hpp"

namespace lenu::nucleon {

// kProtonChargeRadius [fm] and kNeutronChargeRadius2 [fm^2] live in
// lenu/formfactor/NucleonConstants.hpp (shared with the pves layer).
/// Anomalous magnetic moments [nuclear magnetons]: mu_p - 1 and mu_n.
/// CODATA 2018: mu_p = 2.79284734463 mu_N, mu_n = -1.91304273 mu_N.
inline constexpr double kProtonAnomalousMoment = 1.79284734463;
inline constexpr double kNeutronAnomalousMoment = -1.91304273;
/// Weak charges of the proton and neutron including radiative corrections (PVES conventions of
/// Horowitz et al., PRC 85 (2012) 032501(R)): the single definition is
/// NucleonWeakCharges::radiativelyCorrected() in lenu/formfactor/WeakCharge.hpp.
inline const double kProtonWeakCharge = NucleonWeakCharges::radiativelyCorrected().proton;
inline const double kNeutronWeakCharge = NucleonWeakCharges::radiativelyCorrected().neutron;

/// Sachs electric form factors of Kelly, Phys. Rev. C 70 (2004) 068202:
/// G_E^p = (1 + a tau)/(1 + b1 tau + b2 tau^2 + b3 tau^3), a = -0.24, b = (10.98, 12.82, 21.97);
/// G_E^n = A tau/(1 + B tau) G_D, A = 1.70, B = 3.30, G_D = (1 + Q^2/0.71 GeV^2)^-2;
/// tau = Q^2/(4 M_p^2). Parameters read from Kelly's table as transcribed in the Achilles
/// generator (GitHub AchillesGen/Achilles, src/nuchic/fortran/OneBody/nform.f90, ichoice = 2).
/// Q^2 = q^2 (elastic scattering off a heavy nucleus). q [fm^-1].
double electricFormFactorProton(double q);
double electricFormFactorNeutron(double q);

/// Mean-square charge radius [fm^2] from the point-proton msr rp2 [fm^2]:
/// r_ch^2 = r_p^2 + R_p^2 + (N/Z) <r^2>_n + 3/(4 M_p^2) (Darwin-Foldy, hbar = c = 1);
/// the spin-orbit term is added separately (spinOrbitChargeRadius2). Standard decomposition, e.g.
/// Horowitz & Piekarewicz, Phys. Rev. C 86 (2012) 045503, Sec. II.
double chargeRadius2(double rp2, int Z, int N);

/// Spin-orbit contribution to r_ch^2 [fm^2] from the anomalous moments of the occupied states:
/// -(1/Z) sum_i (2j_i+1) v_i^2 mu'_q (hbar c/M)^2 (kappa_i + 1), kappa = -(l+1) for j = l+1/2 and
/// l for j = l-1/2 (vanishes for spin-saturated shells). Nonrelativistic form as used e.g. by
/// Ong, Berengut, Flambaum, Phys. Rev. C 82 (2010) 014320; UNCONFIRMED: the expression was not
/// read in that paper (it reproduces the known sign and size in 48Ca, about -0.1 fm^2).
double spinOrbitChargeRadius2(const std::vector<SingleParticleState>& states, int Z);

/// Mean-square weak-charge radius [fm^2] of Q_W F_W(q) = Z [Q_p G_E^p + Q_n G_E^n] F_p +
/// N [Q_n G_E^p + Q_p G_E^n] F_n (Horowitz et al. 2012 conventions, strange form factors
/// neglected), from the q^2 term: R_W^2 = {Z [Q_p (r_p^2 + R_p^2) + Q_n <r^2>_n] +
/// N [Q_n (r_n^2 + R_p^2) + Q_p <r^2>_n]} / Q_W.
double weakRadius2(double rp2, double rn2, int Z, int N);

/// Weak charge Q_W = Z Q_p + N Q_n of a nucleus.
double weakCharge(int Z, int N);

} // namespace lenu::nucleon
