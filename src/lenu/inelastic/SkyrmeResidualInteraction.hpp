#pragma once
/// @file SkyrmeResidualInteraction.hpp
/// Zero-range particle-hole residual interaction of a Skyrme force for the continuum RPA, as
/// local strengths v(r) [MeV fm^3] multiplying delta(r1 - r2) in the scalar (density) and spin
/// (sigma1.sigma2) channels, per nucleon-species pair (isospin-conserving, NC) or for the
/// charge-exchange channel (CC).
///
/// Scalar channel (exact second derivatives of the functional of HartreeFock.cpp,
///   E = b0/2 rho^2 - b0'/2 sum_q rho_q^2 + b3/3 rho^(a+2) - b3'/3 rho^a sum_q rho_q^2 + ...,
/// with the rearrangement terms of the density dependence):
///   v_qq' = b0 - b0' d_qq' + b3 (a+2)(a+1)/3 rho^a
///           - b3'/3 [a(a-1) rho^(a-2) sum_q rho_q^2 + 2a rho^(a-1) (rho_q + rho_q') + 2 d_qq' rho^a]
///         + 2 k_F^2 (b1 - b1' d_qq')             (Landau-Migdal t1, t2; only if exactTau is off)
///         + d_qp d_q'p [Coulomb direct e^2/|r-r'| (non-local, in CrpaResponse) - (1/3)(3/pi)^(1/3) e^2 rho_p^(-2/3)]
/// The t1/t2 terms of the Galilean-invariant combination (M. Bender, P.-H. Heenen, P.-G. Reinhard,
/// Rev. Mod. Phys. 75 (2003) 121, Eq. (A.6))
///   E = b1 (rho tau - j^2) - b1' sum_q (rho_q tau_q - j_q^2) + (gradient terms below)
/// are exact by default (cache version 3):
///   rho tau:  delta^2 E = 2 sum_qq' (b1 - b1' d_qq') int drho_q dtau_q'   (rhoTau; CE -b1'),
///             a kinetic-density channel tau_J of CrpaResponse coupled to the density channel;
///   current:  E_j = -b1 j^2 + b1' sum_q j_q^2, V_qq' = -2 (b1 - b1' d_qq') j_q . j_q' (current;
///             CE +2 b1'), channels Y_JL1 . j of CrpaResponse (time odd: restores the bare-mass
///             isoscalar EWSR and TRK(1 + kappa), the Thouless theorem for the functional).
/// With exactTau off the rho tau term is taken in Landau-Migdal form, i.e. only its l = 0 Landau
/// part at the local Fermi momentum k_F(r) = (3 pi^2 rho(r) / 2)^(1/3) (the F0 contribution; this
/// reproduces F0, F0' of N. Van Giai & H. Sagawa, Phys. Lett. B 106 (1981) 379). NOT included: the
/// spin-orbit residual interaction (b4 rho div J), the exact t1/t2 spin-channel terms (Landau-Migdal
/// below). The gradient (b2) surface term is exact (below; switch gradientTerms).
/// Spin channel (Landau-Migdal, M. Bender, J. Dobaczewski, J. Engel, W. Nazarewicz, Phys. Rev. C 65
/// (2002) 054322, Sec. II and Appendix: g0 = N0 (2 C0^s + 2 C0^T k_F^2), g0' = N0 (2 C1^s + 2 C1^T k_F^2)):
///   C0^s = -t0 (1/2 - x0)/4 - t3 (1/2 - x3) rho^a / 24,  C1^s = -t0/8 - t3 rho^a / 48,
///   C0^T = -[t1 (1 - 2 x1) - t2 (1 + 2 x2)]/16,         C1^T = -(t1 - t2)/16,
///   v^s_qq' = 2 (C0^s + C1^s tau_q tau_q') + 2 k_F^2 (C0^T + C1^T tau_q tau_q')   (tau_n = +1, tau_p = -1)
/// (the coefficients are the standard Skyrme-force values; their transcription is UNCONFIRMED
/// against the paper's appendix, checked instead through g0' of SkM* ~ 0.3). Charge exchange
/// (isospin-invariant functional, second derivative with respect to rho_pn rho_np):
///   v_CE = -b0' - (2/3) b3' rho^a - 2 b1' k_F^2,   v^s_CE = 4 C1^s + 4 C1^T k_F^2.
/// Gradient (surface) term, exact second derivative of the functional's
///   E_surf = -b2/2 rho Lap rho + b2'/2 sum_q rho_q Lap rho_q = b2/2 (grad rho)^2 - b2'/2 sum_q (grad rho_q)^2
/// (integrated by parts; HartreeFock.cpp evaluates it in this form, b2, b2' of SkyrmeForce.hpp =
/// M. Bender, P.-H. Heenen, P.-G. Reinhard, Rev. Mod. Phys. 75 (2003) 121, Eq. (A.6) in the
/// Sky3D b-notation, J.A. Maruhn et al., Comput. Phys. Commun. 185 (2014) 2195, Sec. 2):
///   delta^2 E = sum_qq' (b2 - b2' d_qq') int grad(drho_q) . grad(drho_q') d^3r,
/// i.e. V_qq'(r1, r2) = -(b2 - b2' d_qq') Lap_1 delta(r1 - r2); charge exchange (isospin-invariant
/// functional, as v_CE above): -b2'. For a multipole drho = rho_J(r) Y_JM the radial form is
///   int [rho_J' rho_J'' + J(J+1) rho_J rho_J'' / r^2] r^2 dr
/// (CrpaResponse::prepare discretises it on the RPA mesh as a symmetric tridiagonal matrix).
/// No renormalisation of any coupling.

#include <vector>

#include "lenu/structure/HartreeFock.hpp"
#include "lenu/structure/SkyrmeForce.hpp"

namespace lenu::inelastic {

/// Which parts of the residual interaction are switched on (defaults: everything this file
/// implements).
struct ResidualInteractionConfig {
  bool enabled = true;        ///< false: free (mean-field) response through the same machinery
  bool momentumTerms = true;  ///< t1, t2 in Landau-Migdal form (scalar and spin channels)
  bool spinChannel = true;    ///< sigma.sigma (G0, G0') channels
  bool rearrangement = true;  ///< density-dependence rearrangement terms (scalar channel)
  bool coulomb = true;        ///< Coulomb direct + Slater exchange (NC, proton-proton)
  /// Density-gradient (surface) term b2/2 (grad rho)^2 - b2'/2 sum_q (grad rho_q)^2 of the
  /// functional, exact (non-local on the radial mesh, built by CrpaResponse::prepare).
  bool gradientTerms = true;
  /// Current (j^2) term of the Galilean-invariant combination b1 (rho tau - j^2) - b1' sum_q
  /// (rho_q tau_q - j_q^2): current-current residual interaction in the transverse and
  /// longitudinal current channels (built by CrpaResponse); only with momentumTerms.
  bool currentTerms = true;
  /// Exact rho-tau channel of b1 rho tau - b1' sum_q rho_q tau_q (kinetic-density channel, built
  /// by CrpaResponse) in place of its Landau-Migdal F0 form 2 k_F^2 (b1 - b1' d_qq') in the scalar
  /// strengths (only with momentumTerms).
  bool exactTau = true;
};

/// Local residual-interaction strengths on a set of radii.
struct ResidualStrengths {
  /// [q][q'][k]: q, q' = 0 proton, 1 neutron (NC), scalar and spin [MeV fm^3].
  std::vector<double> scalar[2][2], spin[2][2];
  std::vector<double> scalarCE, spinCE; ///< charge exchange [MeV fm^3]
  /// Gradient-term couplings [MeV fm^5] (0 if cfg.gradientTerms is off): the p-h interaction
  /// int int drho_q V drho_q' = gradient[q][q'] int grad(drho_q) . grad(drho_q') d^3r, i.e.
  /// V_qq'(r1, r2) = -gradient[q][q'] Lap delta(r1 - r2); charge exchange gradientCE.
  double gradient[2][2] = {{0.0, 0.0}, {0.0, 0.0}};
  double gradientCE = 0.0;
  /// Current-current couplings [MeV fm^5] (0 if cfg.currentTerms is off): the p-h interaction
  /// int int dj_q V dj_q' = current[q][q'] int dj_q . dj_q' d^3r (current density operator
  /// j = (1/2i) sum_i [delta(r - r_i) grad_i + grad_i delta(r - r_i)], fm^-4), charge exchange currentCE.
  double current[2][2] = {{0.0, 0.0}, {0.0, 0.0}};
  double currentCE = 0.0;
  /// rho-tau couplings [MeV fm^5] (0 unless cfg.exactTau): the second variation of the functional
  /// delta^2 E = sum_qq' rhoTau[q][q'] 2 int drho_q dtau_q' d^3r, rhoTau = b1 - b1' d_qq' (kinetic
  /// density operator tau = sum_i grad_i . delta(r - r_i) grad_i); charge exchange rhoTauCE = -b1'.
  double rhoTau[2][2] = {{0.0, 0.0}, {0.0, 0.0}};
  double rhoTauCE = 0.0;
};

/// Strengths at radii r [fm] from the HF point densities of `result` and the force (Coulomb
/// exchange included only if the force uses it in the ground state; the non-local Coulomb direct
/// term is built by CrpaResponse).
ResidualStrengths skyrmeResidualStrengths(const SkyrmeForce& force, const HartreeFockResult& result,
                                          const std::vector<double>& r, const ResidualInteractionConfig& cfg);

} // namespace lenu::inelastic
