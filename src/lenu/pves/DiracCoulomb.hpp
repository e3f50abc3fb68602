#pragma once
/// @file DiracCoulomb.hpp
/// Free-state solutions of the radial Dirac equation in a point Coulomb potential
/// V(r) = zeta * hbar c / r (zeta = -Z alpha for an electron in the field of a nucleus of charge Z),
/// for any kappa (non-integer gamma = sqrt(kappa^2 - zeta^2)).
///
/// Radial functions P = r g, Q = r f obey (energies in MeV, r in fm)
///   P' = -kappa/r P + (W - V + m)/(hbar c) Q,   Q' = kappa/r Q - (W - V - m)/(hbar c) P.
/// The regular and irregular Dirac-Coulomb functions are built from the Schroedinger Coulomb
/// functions F_{gamma-1}(eta, kr), G_{gamma-1}(eta, kr) (GSL gsl_sf_coulomb_wave_FG_e, non-integer
/// order) and their derivatives, with eta = zeta W / p, following the construction of
/// F. Salvat, J.M. Fernandez-Varea, W. Williamson Jr., "Accurate numerical solution of the radial
/// Schroedinger and Dirac wave equations", Comput. Phys. Commun. 90 (1995) 151 (program RADIAL,
/// Sec. 5, Dirac-Coulomb functions; also used by ELSEPA, Salvat, Jablonski, Powell, Comput. Phys.
/// Commun. 165 (2005) 157). Normalisation: for large r the upper component of the regular
/// (irregular) function tends to sin(kr - l pi/2 - eta ln 2kr + delta_C) (cos(...)), with the
/// Dirac-Coulomb phase shift delta_C = nu - (gamma - l - 1) pi/2 + arg Gamma(gamma + i eta),
/// exp(2 i nu) = -(kappa - i eta m/W)/(gamma + i eta) (Rose, Relativistic Electron Theory (1961)).

namespace lenu {

/// Upper/lower components of the regular (F) and irregular (G) Dirac-Coulomb functions at one r.
/// True values are fu*exp(logScaleF), fl*exp(logScaleF), gu*exp(logScaleG), gl*exp(logScaleG)
/// (the scales are non-zero only deep in the classically forbidden region).
struct DiracCoulombFunctions {
  double fu = 0.0;        ///< upper component of the regular function
  double fl = 0.0;        ///< lower component of the regular function
  double gu = 0.0;        ///< upper component of the irregular function
  double gl = 0.0;        ///< lower component of the irregular function
  double logScaleF = 0.0; ///< natural-log scale of fu, fl
  double logScaleG = 0.0; ///< natural-log scale of gu, gl
};

/// Dirac-Coulomb phase shift delta_C [rad] (defined modulo pi) of partial wave kappa (!= 0),
/// potential strength zeta = r V(r) / (hbar c) (|zeta| < 0.86 so that gamma > 1/2, and zeta != 0),
/// total energy W [MeV] > mass m [MeV] >= 0.
double diracCoulombPhase(int kappa, double zeta, double totalEnergy, double mass);

/// Regular and irregular Dirac-Coulomb functions at radius r [fm] > 0 (arguments as above).
/// Throws Error(NotConverged) if GSL cannot evaluate the underlying Coulomb functions.
DiracCoulombFunctions diracCoulombFunctions(int kappa, double zeta, double totalEnergy, double mass,
                                            double r);

} // namespace lenu
