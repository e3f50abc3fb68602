#pragma once
/// @file SingleParticleState.hpp
/// Single-nucleon states of a spherical mean field: the product of the nuclear-structure layer
/// that the form-factor, PVES and inelastic (multipole / RPA) layers consume.
///
/// Convention: psi_{nljm}(r) = u(r)/r * [Y_l x chi_1/2]^j_m, \int_0^inf u(r)^2 dr = 1 for bound
/// states. Continuum states carry their own normalisation (see ContinuumState).

#include <vector>

namespace lenu {

/// Isospin label of a nucleon.
enum class Isospin { Proton, Neutron };

/// A bound single-particle state on a uniform radial mesh r_i = (i+1) h (i = 0..n-1).
struct SingleParticleState {
  int n = 0;                     ///< radial quantum number (number of nodes, 0-based)
  int l = 0;                     ///< orbital angular momentum
  double j = 0.5;                ///< total angular momentum (l +- 1/2)
  Isospin isospin = Isospin::Proton;
  double energy = 0.0;           ///< single-particle energy [MeV]
  double occupation = 0.0;       ///< v^2 (0..1), probability that the state is occupied
  std::vector<double> u;         ///< reduced radial wave function u(r_i) [fm^-1/2]
  int kappa() const { return j > l ? -(l + 1) : l; } ///< Dirac-like label (-(l+1) for j=l+1/2, l for j=l-1/2)
  int degeneracy() const { return static_cast<int>(2.0 * j + 1.0 + 0.5); }
};

/// A continuum (scattering) state of positive energy: u(r) is the regular solution normalised
/// so that asymptotically u(r) -> sin(k r - eta ln 2kr - l pi/2 + sigma_l + delta) (Coulomb for
/// protons, eta = 0 for neutrons), i.e. unit amplitude; delta is the nuclear phase shift.
struct ContinuumState {
  int l = 0;
  double j = 0.5;
  Isospin isospin = Isospin::Proton;
  double energy = 0.0;           ///< kinetic energy at infinity [MeV]
  double k = 0.0;                ///< asymptotic wave number [fm^-1]
  double phaseShift = 0.0;       ///< nuclear phase shift delta_lj [rad] (relative to Coulomb)
  std::vector<double> u;         ///< regular solution on the mesh [dimensionless]
};

} // namespace lenu
