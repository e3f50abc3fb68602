#pragma once
/// @file OperatorStrength.hpp
/// Strength functions of the classic one-body operators of nuclear-structure physics (giant
/// resonances, Gamow-Teller, Fermi, spin-dipole), the nuclear-structure face of a response model.
/// A mean-field (independent-particle) model and the continuum RPA both implement
/// OperatorStrength, so `lenu response`, the sum-rule tests and the giant-resonance comparisons
/// take any model.
///
/// Operator: F_JM = sum_i f(r_i) [Y_L(rhat_i) (x) sigma_i^S]_JM t(i), with S = 0 (then J = L) or
/// S = 1 (J = L-1, L, L+1), parity (-1)^L, and t = 1 (isoscalar), tau_z (isovector; +1 for
/// neutrons, -1 for protons, the convention of Bohr & Mottelson), tau_- (n -> p, the (p,n)
/// direction, CC nu) or tau_+ (p -> n). For a 0+ target the strength is
///   S(E) = sum_f |<f||F_J||0>|^2 delta(E - E_f)   (Edmonds reduced matrix elements)
/// in units of [unit of f]^2 per MeV; its moments m_k = int E^k S(E) dE.
/// Energies E: for isospin-conserving operators the excitation energy of the target; for
/// charge-exchange operators the energy transfer omega counted from the target ground state
/// (omega = E_x(daughter) + Q, Q = M(daughter) - M(target) nuclear masses), so that sum rules
/// and the NuclearResponse omega of the same model agree.

#include <functional>
#include <string>
#include <vector>

namespace lenu::inelastic {

/// Isospin structure of a one-body operator.
enum class IsospinOperator {
  Isoscalar, ///< 1
  Isovector, ///< tau_z (+1 neutron, -1 proton)
  Minus,     ///< tau_- : neutron -> proton (final nucleus Z+1)
  Plus,      ///< tau_+ : proton -> neutron (final nucleus Z-1)
};

/// A local one-body multipole operator f(r) [Y_L (x) sigma^S]_J t.
struct LocalOperator {
  std::string name;  ///< e.g. "IS2", "GT"
  int J = 0;         ///< total rank
  int L = 0;         ///< orbital rank (parity (-1)^L)
  int S = 0;         ///< 0 (no spin) or 1 (sigma)
  IsospinOperator isospin = IsospinOperator::Isoscalar;
  /// Radial function f(r), r in fm; its unit is `radialUnit` (e.g. fm^2 for r^2).
  std::function<double(double)> radial;
  std::string radialUnit; ///< unit of f(r), e.g. "fm^2"; the strength is in radialUnit^2 / MeV
  /// Isospin-conserving operators only (ignored for Minus / Plus): effective charges. The
  /// operator acting on a neutron is neutronCharge * f, on a proton protonCharge * t_p * f with
  /// t_p = +1 (Isoscalar) or -1 (Isovector). Default 1 (bare operator). IV1 uses Z/A and N/A:
  /// the centre-of-mass-free dipole (Z/A) sum_n r Y1 - (N/A) sum_p r Y1 (see StrengthOperators.hpp).
  double neutronCharge = 1.0;
  double protonCharge = 1.0;
  int parity() const { return (L % 2 == 0) ? 1 : -1; }
  /// Signed factor multiplying f on a nucleon (neutron = true / proton = false).
  double charge(bool neutron) const {
    if (isospin == IsospinOperator::Isoscalar) return neutron ? neutronCharge : protonCharge;
    if (isospin == IsospinOperator::Isovector) return neutron ? neutronCharge : -protonCharge;
    return 1.0;
  }
};

/// A discrete (bound, undamped) final state of an operator's strength.
struct StrengthLine {
  double energy = 0.0;   ///< E [MeV] (see file comment)
  double strength = 0.0; ///< |<f||F||0>|^2 [radialUnit^2]
  std::string label;
};

/// Strength function of one model for local operators.
class OperatorStrength {
public:
  virtual ~OperatorStrength() = default;
  /// Discrete lines of the model (empty for a model that returns all strength through
  /// strengthDensity with a finite smearing).
  virtual std::vector<StrengthLine> lines(const LocalOperator& op) const = 0;
  /// Strength density [radialUnit^2 / MeV] at E [MeV]: -(1/pi) Im <0|F^+ G(E + i eta) F|0> for
  /// a Green's-function model, the continuum density for an exact mean-field model. `eta` [MeV]
  /// is the half-width of the smearing (0 = none: continuum only; a Green's-function model may
  /// require eta > 0 and must throw Error(InvalidArgument) naming the accepted range otherwise).
  virtual double strengthDensity(const LocalOperator& op, double energy, double eta) const = 0;
  /// Lowest E [MeV] of the continuum for this operator.
  virtual double continuumThreshold(const LocalOperator& op) const = 0;
  /// One line naming the model, force and numerical parameters.
  virtual std::string description() const = 0;
};

} // namespace lenu::inelastic
