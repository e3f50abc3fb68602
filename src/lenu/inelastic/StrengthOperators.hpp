#pragma once
/// @file StrengthOperators.hpp
/// The classic one-body operators of giant-resonance and charge-exchange physics as
/// LocalOperator sets (OperatorStrength.hpp), and the angular factor of their single-particle
/// reduced matrix elements.
///
/// Conventions (Edmonds reduced matrix elements, strengths S = sum_f |<f||F||0>|^2 for a 0+
/// target; Y_LM normalised to 1 on the sphere, so Y_00 = 1/sqrt(4 pi)):
///   IS0  r^2 Y_00                 isoscalar monopole           [fm^4/MeV]
///   IS1  (r^3 - (5/3)<r^2> r) Y_1M isoscalar dipole, spurious-free to first order
///        (N. Van Giai & H. Sagawa, Nucl. Phys. A 371 (1981) 1; <r^2>: the model's ground-state
///        mean-square matter radius)                              [fm^6/MeV]
///   IS2  r^2 Y_2M                 isoscalar quadrupole          [fm^4/MeV]
///   IV1  r Y_1M with charges e_n = Z/A, e_p = -N/A: (Z/A) sum_n r_i Y1 - (N/A) sum_p r_i Y1, which
///        depends only on R_n - R_p (the centre of mass drops out: sum_i e_i = 0); its bare TRK
///        sum is (9/4pi)(hbar^2/2m)(NZ/A)  [fm^2/MeV]
///   F    sqrt(4pi) Y_00 tau_- = tau_-  (Fermi, n -> p; sum rule S- - S+ = N - Z)   [1/MeV]
///   GT   sqrt(4pi) [Y_0 sigma]_1 tau_- = sigma tau_-  (Gamow-Teller; S- - S+ = 3(N - Z))  [1/MeV]
///   SD   r [Y_1 sigma]_J tau_-, J = 0, 1, 2 summed (spin dipole;
///        S- - S+ = (9/4pi)(N <r^2>_n - Z <r^2>_p))               [fm^2/MeV]
///   F+, GT+, SD+: the same with tau_+ (p -> n), for the Fermi / Ikeda / SD sum rules.
/// tau_- |n> = |p>, tau_+ |p> = |n> (no factor 2: t_- = tau_- / 2 would give 1/4 of the strength).

#include <string>
#include <vector>

#include "lenu/inelastic/OperatorStrength.hpp"

namespace lenu::inelastic {

/// Angular part <(l_a 1/2) j_a || [Y_L (x) sigma^S]_J || (l_b 1/2) j_b> (Edmonds convention;
/// the radial integral is separate). S = 0 requires J = L; S = 1 allows |L-1| <= J <= L+1.
/// Zero when parity or triangle rules forbid the transition. Reuses the spin-orbital factors of
/// MultipoleOperators (Edmonds (7.1.7) for S = 0, (7.1.5) for S = 1).
double reducedSpinAngular(int la, double ja, int lb, double jb, int L, int S, int J);

/// A named operator: incoherent sum of components (different J, or one component).
struct NamedOperator {
  std::string name;                       ///< IS0, IV1, IS1, IS2, F, GT, SD, F+, GT+, SD+
  std::vector<LocalOperator> components;  ///< strengths of the components add
  std::string strengthUnit;               ///< unit of S(E), e.g. "fm^4/MeV"
  std::string description;                ///< one line with the formula and convention
  int L = 0;                              ///< orbital rank (all components)
  bool chargeExchange() const;
  /// The tau_+ partner of a tau_- operator (F -> F+, GT -> GT+, SD -> SD+) and back; empty
  /// string for isospin-conserving operators.
  std::string partnerName() const;
};

/// All names accepted by standardOperator.
std::vector<std::string> standardOperatorNames();

/// The operator `name` for a nucleus with Z protons, N neutrons and ground-state mean-square
/// matter radius `meanSquareRadius` [fm^2] (used by IS1 only). Throws Error(InvalidArgument)
/// naming the accepted names for an unknown name, or for Z, N < 0 or a radius <= 0.
NamedOperator standardOperator(const std::string& name, int Z, int N, double meanSquareRadius);

} // namespace lenu::inelastic
