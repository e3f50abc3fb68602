#pragma once
/// @file SumRules.hpp
/// Moments of strength functions and the sum rules they must satisfy, for ANY OperatorStrength
/// model (mean field, continuum RPA): the generic entry points are
///   strengthMoments(model, components, MomentConfig)      m_-1, m_0, m_1, centroid
///   checkSumRules(model, SumRuleInputs, names, MomentConfig) each named sum rule vs its value
/// so a new model is validated with one call (see tests/inelastic/physics/StrengthPhysicsTest.cpp).
///
/// Convention of strengthDensity with eta (OperatorStrength.hpp): eta = 0 is the continuum
/// without the lines (the lines are added from lines()); eta > 0 includes everything the model
/// has (lines folded). strengthMoments follows it: for eta = 0 it adds the lines in the range.
///
/// Energy-weighted sum rules of S = 0 isospin-conserving operators F = sum_i e_i f(r_i) Y_LM:
/// the double commutator m1 = (1/2) sum_M <0|[F_M^+, [H, F_M]]|0> for
///   (a) a one-body Hamiltonian with position-dependent mass, -div B_q(r) grad + local terms +
///       W(r)/r l.s (the HF or Woods-Saxon mean field): only the kinetic term fails to commute,
///       [F^+, [-div B grad, F]] = 2 B |grad F|^2, so
///         m1_MF = sum_q e_q^2 \int B_q(r) rho_q(r) G_L(r) d^3r,
///         G_L = sum_M |grad(f Y_LM)|^2 = (2L+1)/(4 pi) [f'^2 + L(L+1) f^2 / r^2];
///       this is what the independent-particle strength exhausts exactly (closed shells), with
///       B_q = hbar^2/2m*_q(r), i.e. enhanced by the effective mass;
///   (b) the Skyrme energy functional (what self-consistent RPA exhausts): the second-order
///       change of E under the gauge transformation psi_q -> exp(i lambda e_q f Y) psi_q
///       (Thouless theorem; N. Hinohara, arXiv:1902.11005, Sec. II; E. Lipparini & S. Stringari, Phys.
///       Rep. 175 (1989) 103): rho is invariant, tau_q -> tau_q + 2 lambda e_q j_q.grad F +
///       lambda^2 e_q^2 rho_q |grad F|^2, j_q -> j_q + lambda e_q rho_q grad F; the combinations
///       rho tau - j^2 (b1) and rho_q tau_q - j_q^2 (b1') are then invariant except
///       b1 [rho sum_q e_q^2 rho_q - (sum_q e_q rho_q)^2] = b1 (e_n - e_p)^2 rho_n rho_p, so
///         m1_force = (hbar^2/2m) sum_q e_q^2 \int rho_q G_L d^3r
///                  + b1 (e_n - e_p)^2 \int rho_n rho_p G_L d^3r,
///       b1 = [t1 (1 + x1/2) + t2 (1 + x2/2)] / 4 (SkyrmeForce::b1). Isoscalar (e_n = e_p): the
///       bare-mass value (2 hbar^2/m) A <r^2> / (4 pi) for r^2 Y_00 and
///       (hbar^2/2m) L (2L+1)^2 / (4 pi) A <r^{2L-2}> for r^L Y_LM. Isovector dipole with
///       e_n = Z/A, e_p = -N/A: TRK (9/4pi)(hbar^2/2m)(NZ/A)(1 + kappa),
///         kappa = (2m/hbar^2) b1 (A/NZ) \int rho_n rho_p d^3r
///       (the enhancement factor of M. Bohigas, A.M. Lane, J. Martorell, Phys. Rep. 51 (1979)
///       267). hbar^2/2m is the functional's kinetic constant (with the one-body c.m. factor
///       1 - 1/A when the force prescribes it).
/// The difference (a) - (b) is the current-current (j^2) part of the residual interaction that
/// the mean field lacks and RPA restores.
///
/// Non-energy-weighted sums (operator identities, [F^-, F^+] = sum_i (...) tau_z):
///   Fermi S- - S+ = N - Z, Ikeda (GT) S- - S+ = 3 (N - Z),
///   spin dipole sum_J (S- - S+) = (9/4pi) (N <r^2>_n - Z <r^2>_p).

#include <string>
#include <vector>

#include "lenu/inelastic/MeanFieldSpectrum.hpp"
#include "lenu/inelastic/OperatorStrength.hpp"
#include "lenu/inelastic/StrengthOperators.hpp"

namespace lenu::inelastic {

/// Quadrature of moments.
struct MomentConfig {
  double eMin = 0.0;   ///< lower end [MeV] (lines and density below are ignored)
  double eMax = 60.0;  ///< upper end [MeV]
  double eta = 0.0;    ///< Lorentzian half-width passed to strengthDensity [MeV] (0: lines added)
  double panel = 1.0;  ///< Gauss-Legendre panel width [MeV], (0, 20]
  int nodes = 8;       ///< nodes per panel, 2..64
  std::vector<double> breakPoints; ///< extra panel ends (thresholds, kinks) [MeV]
  void validate() const; ///< throws Error(InvalidArgument)
};

/// Moments m_k = \int_{eMin}^{eMax} E^k S(E) dE (plus lines) [unit^2 MeV^k].
struct StrengthMoments {
  double mMinus1 = 0.0; ///< E > 0 only [unit^2 / MeV]
  double m0 = 0.0;
  double m1 = 0.0;      ///< [unit^2 MeV]
  double m0Lines = 0.0; ///< part of m0 in discrete lines (eta = 0)
  double m1Lines = 0.0;
  double centroid() const { return m0 > 0.0 ? m1 / m0 : 0.0; } ///< m1/m0 [MeV]
};

/// Moments of the incoherent sum of the components over cfg's range.
StrengthMoments strengthMoments(const OperatorStrength& model, const std::vector<LocalOperator>& components,
                                const MomentConfig& cfg);

/// Lines of all components merged (same energy within 1 keV and same label: strengths added),
/// sorted by energy.
std::vector<StrengthLine> combinedLines(const OperatorStrength& model, const std::vector<LocalOperator>& components);

/// Ground-state point densities and kinetic profiles B_q(r) = hbar^2/2m*_q(r) on the mesh
/// r_i = (i+1) h of a mean field (HF: the field's B(r); other fields: constant hbar2Over2m).
struct GroundStateDensities {
  std::vector<double> r;                ///< [fm]
  std::vector<double> rhoP, rhoN;       ///< [fm^-3]
  std::vector<double> kineticP, kineticN; ///< B_q(r) [MeV fm^2]
  int Z = 0, N = 0;
  double hbar2Over2m = 20.7;            ///< asymptotic (bare, functional) hbar^2/2m [MeV fm^2]
  /// \int rho_q r^k d^3r [fm^k] (q = proton / neutron / both).
  double moment(int k, bool protons, bool neutrons) const;
  double meanSquareRadius() const;      ///< matter <r^2> [fm^2]
};
GroundStateDensities groundStateDensities(const MeanFieldSpectrum& field);

/// m1 of an S = 0 isospin-conserving operator for a Hamiltonian with kinetic profiles B_q(r)
/// (from `d.kineticP/N` if meanFieldMass, else the constant d.hbar2Over2m) plus the Skyrme b1
/// term (b1 [MeV fm^5]; 0 for none): formulas (a), (b) of the file comment [unit^2 MeV].
/// Throws Error(InvalidArgument) for S = 1 or charge-exchange operators.
double doubleCommutatorM1(const LocalOperator& op, const GroundStateDensities& d, bool meanFieldMass, double b1);

/// TRK enhancement kappa = (2m/hbar^2) b1 (A/NZ) \int rho_n rho_p d^3r.
double trkEnhancement(const GroundStateDensities& d, double b1);
/// TRK sum rule (9/4pi)(hbar^2/2m)(NZ/A)(1 + kappa) [fm^2 MeV].
double trkSumRule(int Z, int N, double hbar2Over2m, double kappa);
/// Isoscalar EWSR: L = 0 (r^2 Y_00): (2 hbar^2/m) A <r^2> / (4 pi); L >= 1 (r^L Y_LM):
/// (hbar^2/2m) L (2L+1)^2/(4pi) A <r^{2L-2}> [fm^{2L} MeV]. `rPower` = <r^2> (L=0) or <r^{2L-2}>.
double isoscalarEwsr(int L, int A, double rPower, double hbar2Over2m);

/// Non-energy-weighted mean-field m0 by closure from the occupied states only:
/// sum_h v_h^2 <h|F^+F|h> - (Pauli) sum_{h,p} v_h^2 v_p^2 |<p||F||h>|^2 - the diagonal terms
/// v_h^2 (1 - v_h^2) |<h||F||h>|^2 the strength excludes; any operator.
double meanFieldClosureM0(const MeanFieldSpectrum& field, const LocalOperator& op);

/// Inputs of the generic sum-rule check.
struct SumRuleInputs {
  GroundStateDensities densities;
  /// Reference for the energy-weighted sums: true = the mean-field double commutator (a)
  /// (for an independent-particle model), false = the functional's (b) with b1.
  bool meanFieldMass = false;
  double b1 = 0.0; ///< Skyrme b1 [MeV fm^5] (0: a force without t1, t2 or a non-Skyrme field)
};

/// One sum rule: model moment next to its value.
struct SumRuleCheck {
  std::string name;      ///< e.g. "IS0 m1", "Ikeda S- - S+"
  double model = 0.0;
  double reference = 0.0;
  std::string unit;
  double ratio() const { return reference != 0.0 ? model / reference : 0.0; }
};

/// Runs the sum rules named in `which` ("IS0", "IS1", "IS2", "IV1": m1; "F", "GT", "SD": S- - S+) on
/// any model with the moment quadrature cfg (range should cover the whole strength). Throws
/// Error(InvalidArgument) for an unknown name.
std::vector<SumRuleCheck> checkSumRules(const OperatorStrength& model, const SumRuleInputs& in,
                                        const std::vector<std::string>& which, const MomentConfig& cfg);

} // namespace lenu::inelastic
