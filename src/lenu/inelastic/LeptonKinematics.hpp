#pragma once
/// @file LeptonKinematics.hpp
/// Lepton side of nu + A -> l + A*: exact kinematics with a massive outgoing lepton and the
/// kinematic factors multiplying the nuclear response functions,
///   d^2 sigma / (d omega d Omega) = (G^2 / pi) k_l E_l F_C [v_CC W_CC + v_CL W_CL + v_LL W_LL
///                                    + v_T W_T + h v_T' W_T'] ,  h = -1 (nu), +1 (nubar),
/// with (kappa = k_l / E_l, theta the lepton scattering angle, q = |k_nu - k_l|):
///   v_CC = 1 + kappa cos,  v_CL = -[(omega/q)(1 + kappa cos) + m_l^2/(E_l q)],
///   v_LL = 1 + kappa cos - 2 E_nu E_l kappa^2 sin^2 / q^2,
///   v_T  = 1 - kappa cos + E_nu E_l kappa^2 sin^2 / q^2,
///   v_T' = (E_nu + E_l)/q (1 - kappa cos) - m_l^2/(E_l q)
/// (V. Pandey, N. Jachowicz et al., PRC 92 (2015) 024606, Eqs. (2)-(7); J.D. Walecka, in Muon
/// Physics II (1975); the symmetric factors are checked in tests against a direct evaluation of
/// the lepton tensor). The sign h of the T' term belongs to lenu's multipole phase convention
/// (HartreeFockResponse): it is the one for which weak magnetism enhances neutrino over
/// antineutrino scattering (C.H. Llewellyn Smith, Phys. Rep. 3 (1972) 261), checked in a test.

namespace lenu::inelastic {

/// Kinematics of one (E_nu, omega, cos theta) point. Energies and momenta in MeV.
struct LeptonVertex {
  double Enu = 0.0;   ///< neutrino energy
  double El = 0.0;    ///< outgoing lepton total energy E_nu - omega
  double kl = 0.0;    ///< outgoing lepton momentum
  double ml = 0.0;    ///< outgoing lepton mass
  double cosTheta = 1.0;
  double omega = 0.0; ///< energy transfer
  double q = 0.0;     ///< three-momentum transfer
  double Q2 = 0.0;    ///< q^2 - omega^2 [MeV^2]
  /// Builds the vertex; returns false (vertex untouched) if E_nu - omega < m_l.
  static bool make(double Enu, double omega, double cosTheta, double ml, LeptonVertex& out);
};

/// The five kinematic factors (dimensionless).
struct KinematicFactors {
  double CC = 0.0, CL = 0.0, LL = 0.0, T = 0.0, TP = 0.0;
};

/// Kinematic factors at a vertex; `kEff` [MeV] replaces k_l in q (modified effective momentum
/// approximation) when > 0.
KinematicFactors kinematicFactors(const LeptonVertex& v);

} // namespace lenu::inelastic
