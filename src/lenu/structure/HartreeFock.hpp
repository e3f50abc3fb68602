#pragma once
/// @file HartreeFock.hpp
/// Spherical Skyrme Hartree-Fock (+BCS) in coordinate space: the nuclear ground state (binding
/// energy and its parts, single-particle states, point densities, radii) and its converged mean
/// field, from which continuum single-particle states are computed (for the inelastic layer).
///
/// Numerics: radial mesh r_k = k h (k = 1..n, box radius R = n h, u = 0 beyond). The Skyrme energy
/// functional is discretised *as a functional* (fourth-order staggered derivatives for the kinetic
/// and effective-mass terms, fourth-order central derivatives for gradients, symmetric Coulomb
/// Green's function with the kink correction); the mean fields are its exact partial derivatives.
/// The single-particle Hamiltonian is then a symmetric band matrix (bandwidth 3) whose wanted
/// eigenpairs come from Sturm-count bisection plus Rayleigh-quotient inverse iteration. The
/// self-consistent loop mixes the mean fields with Anderson (Pulay) mixing.
///
/// Because the mean fields are exact derivatives of the discrete functional, the total energy
/// computed from the functional equals the single-particle-sum energy
///   E = 1/2 sum_i v_i^2 (2j+1) e_i + T/2 - (alpha/2) E_t3 + E_Cex/3 + E_pair,0 + E_pair,1/2
/// (rearrangement of the density-dependent terms) to the self-consistency tolerance: this is the
/// built-in consistency check (HartreeFockResult::energyCheck).

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "lenu/formfactor/Density.hpp"
#include "lenu/structure/SingleParticleState.hpp"
#include "lenu/structure/SkyrmeForce.hpp"

namespace lenu {

/// How the occupations of the single-particle levels are chosen.
enum class PairingMode {
  Auto,        ///< per species: no pairing if the filling closes a j-shell, else constant-gap BCS
  None,        ///< pure HF with integer occupations; throws NotSupported if a j-shell is left open
  Filling,     ///< filling approximation: lowest levels full, the last one fractionally occupied
  ConstantGap, ///< BCS with a constant gap Delta_q
  DeltaPairing ///< BCS with density-dependent delta pairing V_q (1 - rho/rho0) delta(r - r')
};

/// Pairing options. Soft pairing window f_i = 1/(1 + exp((e_i - lambda - window)/(window/10)))
/// as in Bender, Rutz, Reinhard, Maruhn, Eur. Phys. J. A 8 (2000) 59, Eq. (9) (Krieger et al.,
/// Nucl. Phys. A 517 (1990) 275).
struct PairingConfig {
  PairingMode mode = PairingMode::Auto;
  /// Constant gap [MeV]; a negative value means the empirical 12/sqrt(A) MeV (Bohr & Mottelson,
  /// Nuclear Structure Vol. I (1969), Eq. (2-92)).
  double gapProton = -1.0;
  double gapNeutron = -1.0;   ///< as gapProton, for neutrons [MeV]
  /// Delta-pairing strengths V_p, V_n [MeV fm^3] (attractive for V > 0), pairing energy
  /// E_pair = -sum_q V_q/4 \int (1 - rho/rho0) chi_q^2 d^3r (chi_q: pair density).
  /// Defaults UNCONFIRMED: Sky3D's DDDI values for SkM* (Code/forces.data, rho0 = 0.16), used for
  /// any force; they are a reasonable order of magnitude, not a fit.
  double strengthProton = 998.953;
  double strengthNeutron = 801.973;
  double rho0 = 0.16;         ///< density scale of the delta pairing [fm^-3]
  double window = 5.0;        ///< pairing window above the Fermi energy [MeV]
};

/// Options of the Hartree-Fock solver. Defaults converge 208Pb (box 20 fm, step 0.1 fm: the total
/// energy changes by 16 keV (1e-5) when halving the step, by < 1 keV when enlarging the box to
/// 24 fm; the charge radius by < 1e-4 fm; measured by the physics tests).
struct HartreeFockConfig {
  double boxRadius = 20.0;          ///< box radius R [fm], 5..60
  double meshStep = 0.1;            ///< mesh step h [fm], 0.02..0.3
  double energyTolerance = 1e-8;    ///< stop when |E_n - E_{n-1}| < this [MeV] ...
  double densityTolerance = 1e-9;   ///< ... and max_r |rho_n - rho_{n-1}| < this [fm^-3]
  int maxIterations = 400;          ///< iterations before Error(NotConverged)
  double mixing = 0.5;              ///< Anderson mixing weight beta (0..1]
  int mixingHistory = 7;            ///< Anderson history length (0 = linear mixing)
  PairingConfig pairing;            ///< occupations / pairing
  /// Validates all fields; throws Error(InvalidArgument) naming the field and its range.
  void validate() const;
};

/// The converged Hartree-Fock mean field of one nucleus, enough to compute any single-particle
/// state: h_lj = -d/dr B(r) d/dr + B'(r)/r + B(r) l(l+1)/r^2 + U(r) + W(r)/r [j(j+1) - l(l+1) - 3/4]
/// acting on u(r) (psi = u/r [Y_l chi]_j). Arrays on the mesh r_k = (k+1) h, k = 0..n-1.
struct MeanField {
  double meshStep = 0.1;       ///< h [fm]
  std::vector<double> r;       ///< mesh [fm]
  int Z = 0;                   ///< protons of the nucleus
  int N = 0;                   ///< neutrons of the nucleus
  /// Fields of one nucleon species (index 0 = proton, 1 = neutron).
  struct Species {
    std::vector<double> B;       ///< hbar^2/2m*(r) [MeV fm^2] (with the c.m. factor if any)
    std::vector<double> U;       ///< central potential [MeV], including Coulomb for protons
    std::vector<double> W;       ///< spin-orbit form factor W(r) [MeV fm] (h_so = W/r l.sigma)
    std::vector<double> coulomb; ///< Coulomb part of U (direct + Slater exchange) [MeV]; 0 for n
    double bAsymptotic = 20.7;   ///< B beyond the box [MeV fm^2] (hbar^2/2m with c.m. factor)
  };
  std::array<Species, 2> species;
  /// Coulomb potential beyond the box, Z e^2 / r [MeV] for protons, 0 for neutrons.
  double coulombTail(Isospin t, double r) const;
  const Species& of(Isospin t) const { return species[t == Isospin::Proton ? 0 : 1]; }
};

/// Energy of the ground state and its parts [MeV] (negative = bound).
struct HartreeFockEnergy {
  double kinetic = 0.0;          ///< sum_q hbar^2/2m_q (1 - 1/A if one-body c.m.) \int tau_q
  double volume = 0.0;           ///< t0 terms (b0, b0')
  double effectiveMass = 0.0;    ///< b1, b1' (rho tau) terms
  double surface = 0.0;          ///< gradient (b2, b2') terms
  double densityDependent = 0.0; ///< t3 (b3, b3') terms
  double spinOrbit = 0.0;        ///< b4, b4' terms (+ J^2 terms when the force has them)
  double coulombDirect = 0.0;    ///< Hartree Coulomb energy of the point-proton density
  double coulombExchange = 0.0;  ///< Slater approximation (0 if the force omits it)
  double pairing = 0.0;          ///< BCS pairing energy
  /// -E_cm = -<P^2>/(2 m A) when the force prescribes the full c.m. correction after the variation
  /// (CenterOfMassCorrection::TwoBodyAfterVariation); 0 otherwise (the one-body (1 - 1/A) factor,
  /// when prescribed, is inside `kinetic`).
  double centerOfMass = 0.0;
  double total = 0.0;            ///< sum of the above (functional energy)
  double singleParticleSum = 0.0; ///< the same from the single-particle sum with rearrangement
};

/// One iteration of the self-consistent loop (for diagnostics and error messages).
struct HartreeFockIteration {
  int iteration = 0;
  double energy = 0.0;        ///< functional energy [MeV]
  double energyChange = 0.0;  ///< |E_n - E_{n-1}| [MeV]
  double densityChange = 0.0; ///< max_r |rho_n - rho_{n-1}| [fm^-3]
  double fieldResidual = 0.0; ///< max |U_out - U_in| [MeV]
};

/// Root-mean-square radii [fm].
struct HartreeFockRadii {
  double proton = 0.0;   ///< point protons
  double neutron = 0.0;  ///< point neutrons
  double matter = 0.0;   ///< point nucleons
  double charge = 0.0;   ///< charge: r_p^2 + R_p^2 + (N/Z) R_n^2 + Darwin-Foldy + spin-orbit
  double weak = 0.0;     ///< weak charge (nucleon weak charges and form factors)
  double skin = 0.0;     ///< neutron skin r_n - r_p
  double spinOrbitContribution = 0.0; ///< spin-orbit contribution to r_ch^2 [fm^2]
};

/// Result of a Hartree-Fock calculation.
struct HartreeFockResult {
  std::string force;            ///< force name
  int Z = 0;
  int N = 0;
  HartreeFockEnergy energy;     ///< energy and its parts [MeV]
  double bindingEnergy = 0.0;   ///< B = -E_total [MeV] (positive for bound nuclei)
  double energyCheck = 0.0;     ///< E_functional - E_single-particle-sum [MeV]
  bool converged = false;
  int iterations = 0;
  std::vector<HartreeFockIteration> history;
  std::vector<SingleParticleState> states; ///< all computed levels, sorted by isospin then energy
  std::array<double, 2> fermiEnergy{};     ///< lambda_p, lambda_n [MeV] (last occupied level if no BCS)
  std::array<double, 2> pairingGap{};      ///< average gap [MeV] (0 without pairing)
  std::array<double, 2> particleNumber{};  ///< 4 pi \int r^2 rho_q (= Z, N to round-off)
  std::shared_ptr<const TabulatedDensity> protonDensity;  ///< point protons [fm^-3]
  std::shared_ptr<const TabulatedDensity> neutronDensity; ///< point neutrons [fm^-3]
  /// Spin-orbit densities J_q(r) [fm^-4] on the mesh r (for magnetic / spin-orbit form factors).
  std::array<std::vector<double>, 2> spinOrbitDensity;
  HartreeFockRadii radii;
  MeanField meanField;
  double wallTimeMs = 0.0;      ///< solver wall time [ms]
};

/// The spherical Skyrme Hartree-Fock solver. Thread-safe: solve() is const.
class HartreeFockSolver {
public:
  /// Throws Error(InvalidArgument) if the configuration is out of range.
  HartreeFockSolver(SkyrmeForce force, HartreeFockConfig config = {});
  /// Ground state of the nucleus (Z, N). Throws Error(NotSupported) for Z < 2, N < 2 or A > 300,
  /// Error(NotConverged) with the iteration history if the tolerances are not met.
  HartreeFockResult solve(int Z, int N) const;
  const SkyrmeForce& force() const { return m_force; }
  const HartreeFockConfig& config() const { return m_config; }

private:
  SkyrmeForce m_force;
  HartreeFockConfig m_config;
};

/// Continuum (scattering) state of the mean field at kinetic energy `energy` [MeV] > 0, partial
/// wave (l, j), on the mesh r_i = (i+1) h up to rMax [fm] (default: the box radius; larger values
/// continue with the asymptotic potential). Normalised to unit asymptotic amplitude:
/// u -> F_l(eta, kr) cos(delta) + G_l(eta, kr) sin(delta) (Coulomb functions; eta = 0 for neutrons),
/// k^2 = energy / B_asymptotic. Numerov in local form, matched with gsl_sf_coulomb_wave_FG_e near the
/// box edge: see lenu/structure/ContinuumSolver.hpp (for many states of one field build a
/// ContinuumSolver once; this call prepares the field every time).
ContinuumState continuumState(const MeanField& field, Isospin isospin, int l, double j, double energy,
                              double rMax = -1.0);

/// Bound eigenstate (energy < 0) with n nodes in the (l, j) block of a converged mean field,
/// computed with the solver's discretisation (u normalised to h sum u^2 = 1, u > 0 near 0). Throws Error(NotSupported) if the block has no such bound state.
SingleParticleState boundState(const MeanField& field, Isospin isospin, int n, int l, double j);

/// Centre-of-mass kinetic energy E_cm = <P^2>/(2 m A) [MeV] (> 0) of the HF(+BCS) state built from
/// `states` (bound states on the mesh r_i = (i+1) meshStep, normalised to h sum u^2 = 1; weights
/// (2j+1) v^2), with P the total momentum and hbar2Over2m = hbar^2/2m [MeV fm^2]:
///   <P^2>/hbar^2 = sum_a (2j_a+1) v_a^2 <a|-Lap|a> - sum_{a,b same isospin} w_ab |<b||grad||a>|^2,
///   w_ab = v_a^2 v_b^2 + u_a v_a u_b v_b  (second term only for BCS species, u v = sqrt(v^2 (1-v^2))),
/// the one-body (direct) and exchange terms of the Wick expansion of P^2 = (sum_i p_i)^2 (<P> = 0 by
/// parity). Reduced matrix elements (Edmonds convention, summed over m, m' and components):
///   |<b||grad||a>|^2 = (2j_a+1)(2j_b+1) {l_b j_b 1/2; j_a l_a 1}^2 |<l_b||grad||l_a>|^2,
///   |<l+1||grad||l>|^2 = (l+1) [int u_b (u_a' - (l+1) u_a/r) dr]^2,
///   |<l-1||grad||l>|^2 = l [int u_b (u_a' + l u_a/r) dr]^2
/// (Edmonds, Angular Momentum in Quantum Mechanics (1957), Eqs. (5.7.1), (7.1.7)). For a closed-shell
/// harmonic-oscillator determinant E_cm = 3/4 hbar omega exactly (tested). A = total nucleon number.
double centerOfMassEnergy(const std::vector<SingleParticleState>& states, double meshStep, double hbar2Over2m,
                          int A, std::array<bool, 2> bcs = {false, false});

/// Spectroscopic label of a state, e.g. "1d3/2" (n+1, l letter, 2j/2).
std::string stateLabel(const SingleParticleState& s);

} // namespace lenu
