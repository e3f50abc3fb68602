#pragma once
/// @file MultipoleOperators.hpp
/// Single-particle reduced matrix elements of the Donnelly-Haxton basic multipole operators
/// (T.W. Donnelly & W.C. Haxton, At. Data Nucl. Data Tables 23 (1979) 103, Eqs. (2)-(3)) for
/// general radial wave functions on a mesh:
///   M_J = j_J(qr) Y_J,                     Delta_J  = M_JJ . (1/q) grad,
///   Delta'_J = -i [(1/q) curl M_JJ] . (1/q) grad,  Delta''_J = [(1/q) grad M_J] . (1/q) grad,
///   Sigma_J = M_JJ . sigma,  Sigma'_J = -i [(1/q) curl M_JJ] . sigma,
///   Sigma''_J = [(1/q) grad M_J] . sigma,  Omega_J = M_J sigma . (1/q) grad,
/// with M_JL^M = j_L(qr) Y_JL^M (vector spherical harmonics). Gradients act on the ket.
///
/// Method (no harmonic-oscillator expansion): every operator is written as a sum of
/// orbital tensors j_L [Y_L x grad]_k and spin-orbital tensors [T_k x sigma]_J, using
///   (1/q) grad (j_J Y_JM)   = sqrt(J/(2J+1)) j_{J-1} Y_{J,J-1,M} + sqrt((J+1)/(2J+1)) j_{J+1} Y_{J,J+1,M}
///   (1/q) curl (j_J Y_JJM)  = i [sqrt((J+1)/(2J+1)) j_{J-1} Y_{J,J-1,M} - sqrt(J/(2J+1)) j_{J+1} Y_{J,J+1,M}]
/// (A.R. Edmonds, Angular Momentum in Quantum Mechanics (1957), Eqs. (5.9.16)-(5.9.17) with
/// df/dr -/+ ... applied to f = j_J(qr)), Y_JL^M . V = [Y_L x V]_JM, the reduced matrix element of
/// grad, <l+1||grad||l> = +sqrt(l+1) (d/dr - l/r), <l-1||grad||l> = -sqrt(l) (d/dr + (l+1)/r)
/// (derived for the Wigner-Eckart convention above from grad(R Y_00) = R' r^ Y_00 and the
/// anti-hermiticity of grad; tested through CVC), and Edmonds' 6j / 9j formulas (7.1.7), (7.1.8), (7.1.5)
/// evaluated with gsl_sf_coupling_3j/6j/9j. States are |(l 1/2) j m>; reduced matrix elements
/// follow Edmonds' Wigner-Eckart convention. The angular coefficients are computed once per
/// (l_a, j_a, l_b, j_b, J); the q-dependence is in radial integrals
///   I0_L = int u_a j_L(qr) u_b dr,  Im_L = int u_a j_L (u_b' - (l_b+1) u_b / r) dr,
///   Ip_L = int u_a j_L (u_b' + l_b u_b / r) dr,   L = J-1, J, J+1.

#include <array>

namespace lenu::inelastic {

/// The eight basic operators.
enum class SpOperator : int { M = 0, Delta, DeltaP, DeltaPP, Sigma, SigmaP, SigmaPP, Omega };
inline constexpr int kNumSpOperators = 8;

/// Radial-integral kinds: 0 = I0, 1 = Im, 2 = Ip (see file comment); index [kind][L - J + 1].
using RadialIntegrals = std::array<std::array<double, 3>, 3>;

/// Angular coefficients: reduced matrix element of operator o =
///   sum_{kind, L} c[o][kind][L-J+1] * RadialIntegrals[kind][L-J+1]  (times 1/q for the operators
/// that contain (1/q) grad: Delta, Delta', Delta'', Omega; q in fm^-1 then).
struct AngularCoefficients {
  std::array<std::array<std::array<double, 3>, 3>, kNumSpOperators> c{};
  bool zero = true; ///< all coefficients vanish (parity / triangle forbidden)
};

/// Angular coefficients for <(l_a 1/2) j_a || O_J || (l_b 1/2) j_b>.
AngularCoefficients angularCoefficients(int la, double ja, int lb, double jb, int J);

/// Reduced matrix elements of the eight operators given angular coefficients, radial integrals
/// (u in fm^-1/2, gradients in fm^-1) and q [fm^-1] > 0.
std::array<double, kNumSpOperators> reducedMatrixElements(const AngularCoefficients& a,
                                                          const RadialIntegrals& r, double qFm);

/// <l_a || Y_L || l_b> (Edmonds convention, includes 1/sqrt(4 pi)).
double reducedY(int la, int L, int lb);

} // namespace lenu::inelastic
