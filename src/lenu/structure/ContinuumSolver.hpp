#pragma once
/// @file ContinuumSolver.hpp
/// The continuum (scattering-state) solver of the spherical Skyrme Hartree-Fock mean field: the one
/// implementation used by the structure layer (lenu::continuumState) and by the inelastic layer
/// (HartreeFockMeanField, hence HartreeFockResponse, MeanFieldStrength and the continuum RPA, whose
/// ContinuumGreensFunction shares the local form below so that Im G reproduces these states).
///
/// Method. The radial HF equation h_lj u = E u with the non-local (effective-mass) kinetic term
/// -d/dr B(r) d/dr is brought to local form by u = phi / sqrt(B), B(r) = hbar^2/2m*(r):
///   phi'' = g(r) phi,
///   g = l(l+1)/r^2 + W l.s / (r B) + [B'/r + U]/B + B''/(2B) - B'^2/(4 B^2) - E/B,
/// with B', B'' from fourth-order central differences on the mesh (B even about r = 0, B = B_asym
/// beyond the box). phi is integrated outward with Numerov's method from phi ~ r^(l+1) and matched
/// at r_{n-3} (where B = B_asym) to the Coulomb functions F_l, G_l (gsl_sf_coulomb_wave_FG_e,
/// eta = Z e^2 / (2 B_asym k) for protons, 0 for neutrons).
/// Accuracy at the default mesh h = 0.1 fm, against an independent RK4 integration of the
/// first-order system u' = p/B, p' = (...)u on h/8 substeps with spline-interpolated fields (the
/// structure layer's former solver, kept as the reference in tests/inelastic/InelasticUnitTest.cpp):
/// phase shifts to < 5.3e-4 rad and u to < 9.4e-4 (unit asymptotic amplitude) for E <= 100 MeV,
/// l <= 10 in 40Ar and 208Pb (bench/bench_continuum.cpp, issue 12), at about 1/200 of its cost;
/// the Numerov phase error grows as (k h)^4. This is lenu's only continuum solver on the HF field.

#include <array>
#include <vector>

#include "lenu/structure/HartreeFock.hpp"
#include "lenu/structure/SingleParticleState.hpp"

namespace lenu {

/// The radial HF equation of one nucleon species in local form phi'' = g phi (see file comment):
/// g(r_i) = l(l+1)/r_i^2 + soB_i l.s + local_i - E invB_i on the mesh r_i = (i+1) h.
struct LocalRadialForm {
  std::vector<double> invB;    ///< 1/B(r_i) [MeV^-1 fm^-2]
  std::vector<double> soB;     ///< W(r_i) / (r_i B(r_i)) [fm^-2]
  std::vector<double> local;   ///< [B'/r + U]/B + B''/(2B) - B'^2/(4B^2) [fm^-2]
  double bAsymptotic = 20.7;   ///< B beyond the box [MeV fm^2]
};

/// The local form of species `t` of a converged mean field (throws Error(InvalidArgument) for an
/// empty or inconsistent field).
LocalRadialForm localRadialForm(const MeanField& field, Isospin t);

/// Continuum states of one mean field. Precomputes the local form of both species once (O(n));
/// each state then costs one Numerov sweep over the mesh and one Coulomb-function call
/// (~3 us for n = 200 points, bench/bench_continuum.cpp). Thread-safe (state() is const); keeps
/// its own copy of what it needs (the field may be destroyed afterwards).
class ContinuumSolver {
public:
  explicit ContinuumSolver(const MeanField& field);
  /// Scattering state of kinetic energy `energy` [MeV] (0 < energy <= 1000), partial wave (l, j)
  /// (0 <= l <= 60, j = l +- 1/2), on the mesh r_i = (i+1) h up to rMax [fm] (default -1: the box;
  /// beyond the box u continues as cos(delta) F_l + sin(delta) G_l). Unit asymptotic amplitude:
  /// u -> F_l(eta, kr) cos(delta) + G_l(eta, kr) sin(delta), k^2 = energy / B_asym. Deep under the
  /// centrifugal + Coulomb barrier (GSL's scaled F below e^-600 at the box edge) the interior
  /// amplitude underflows: u = 0 inside, delta = 0. Throws Error(InvalidArgument) for arguments out
  /// of range, Error(NotConverged) if GSL's Coulomb functions fail or the amplitude is not finite.
  ContinuumState state(Isospin t, int l, double j, double energy, double rMax = -1.0) const;
  const LocalRadialForm& form(Isospin t) const { return m_form[t == Isospin::Proton ? 0 : 1]; }
  double meshStep() const { return m_h; }
  std::size_t meshSize() const { return m_r.size(); }

private:
  double m_h = 0.1;
  std::vector<double> m_r;
  double m_zE2 = 0.0; ///< Z e^2 [MeV fm] (Coulomb tail of the proton field)
  std::array<LocalRadialForm, 2> m_form;
};

} // namespace lenu
