#pragma once
/// @file ElectronCrossSections.hpp
/// Cross sections of the supernova channels that are not nuclear responses: inverse beta decay
/// on free protons and neutrino-electron elastic scattering. Energies in MeV, cross sections in
/// fm^2 (divide by units::cm2 for cm^2).

#include "lenu/core/Flavour.hpp"

namespace lenu::supernova {

/// Inverse beta decay anti-nu_e + p -> e+ + n, the full tree-level formula of Strumia & Vissani,
/// PLB 564 (2003) 42 [astro-ph/0302055]: dsigma/dt = G_F^2 cos^2(theta_C) / (2 pi (s - m_p^2)^2)
/// |M|^2 with |M|^2 = A(t) - (s - u) B(t) + (s - u)^2 C(t) (their Eqs. (3)-(6), with dipole
/// vector and axial form factors, weak magnetism xi = 3.706 and the induced pseudoscalar term),
/// dsigma/dE_e = 2 m_p dsigma/dt on the kinematic range E_1 <= E_e <= E_2 (their Eq. (11)-(12)),
/// times the radiative correction 1 + alpha/pi [6.00 + 3/2 ln(m_p/(2 E_e)) + 1.2 (m_e/E_e)^1.5]
/// of their Eq. (14) (optional). Default parameters are those of the paper (cos theta_C = 0.9746,
/// g_1(0) = -1.270, M_V^2 = 0.71 GeV^2, M_A^2 = 1 GeV^2); masses from lenu/core/Constants.hpp.
class InverseBetaDecay {
public:
  struct Config {
    double cosThetaC = 0.9746;  ///< Strumia & Vissani 2003, text below Eq. (7)
    double g1 = -1.270;         ///< axial coupling g_1(0) (their value)
    double mv2 = 0.71e6;        ///< vector dipole mass^2 [MeV^2]
    double ma2 = 1.0e6;         ///< axial dipole mass^2 [MeV^2]
    double xi = 3.706;          ///< anomalous magnetic moment difference mu_p - mu_n - 1
    bool radiativeCorrection = true; ///< Eq. (14)
    int energyNodes = 32;       ///< Gauss-Legendre nodes in E_e for sigma(E)
  };
  InverseBetaDecay();
  explicit InverseBetaDecay(Config cfg);
  /// Threshold neutrino energy ((m_n + m_e)^2 - m_p^2) / (2 m_p) [MeV] (1.806 MeV).
  double threshold() const;
  /// Positron energy range [E_1, E_2] [MeV] at E_nu; empty (E_1 = E_2 = 0) below threshold.
  void positronRange(double enu, double& e1, double& e2) const;
  /// dsigma/dE_e [fm^2/MeV]; 0 outside the range.
  double dSigmaDEe(double enu, double ee) const;
  /// sigma(E_nu) [fm^2]; 0 below threshold.
  double sigma(double enu) const;
  /// Strumia & Vissani's approximation, Eq. (25): sigma = 1e-43 cm^2 p_e E_e
  /// E_nu^(-0.07056 + 0.02018 ln E_nu - 0.001953 ln^3 E_nu), E_e = E_nu - (m_n - m_p) (energies in
  /// MeV); quoted by them as accurate to a few per mille below 300 MeV. For checks [fm^2].
  static double sigmaApprox(double enu);
  const Config& config() const { return m_cfg; }

private:
  Config m_cfg;
};

/// Neutrino-electron elastic scattering at tree level (G. 't Hooft, PLB 37 (1971) 195):
///   dsigma/dT = (2 G_F^2 m_e / pi) [g_1^2 + g_2^2 (1 - T/E)^2 - g_1 g_2 m_e T / E^2],
///   0 <= T <= T_max = 2 E^2 / (m_e + 2 E),
/// with (g_1, g_2) = (1/2 + s_W^2, s_W^2) for nu_e (charged + neutral current),
/// (-1/2 + s_W^2, s_W^2) for nu_mu and nu_tau, and g_1 <-> g_2 for antineutrinos;
/// s_W^2 = sin^2 theta_W from lenu/core/Constants.hpp. T is the electron recoil kinetic energy.
///
/// With `radiative = true`: the O(alpha) corrected cross section of Bahcall, Kamionkowski & Sirlin,
/// PRD 51 (1995) 6146 [astro-ph/9502003]:
///   dsigma/dT = (2 G_F^2 m_e / pi) { g_L^2(T) [1 + alpha/pi f_-(z)] + g_R^2(T) [(1 - z)^2 + alpha/pi (1-z)^2 f_+(z)]
///               - g_R g_L (m_e/E) z [1 + alpha/pi f_+-(z)] },  z = T/E,
/// electroweak part (their Appendix A): g_L = rho_NC (1/2 - kappa(T) s^2) - 1 (nu_e; without the -1
/// for nu_mu, nu_tau), g_R = -rho_NC kappa(T) s^2, g_L <-> g_R for antineutrinos, rho_NC = 1.0126,
/// kappa(T) = 0.9791 + 0.0097 I(T) (nu_e), 0.9970 - 0.00037 I(T) (nu_mu, nu_tau), with
/// I(T) = 1/6 [1/3 + (3 - x^2)(x/2 ln((x+1)/(x-1)) - 1)], x = sqrt(1 + 2 m_e/T), and s^2 = 0.2317
/// (MS-bar sin^2 theta_W(M_Z), the input of those coefficients); QED part (their Appendix B): the
/// virtual + bremsstrahlung functions f_-, (1-z)^2 f_+ and f_+- of the recoil-electron spectrum
/// (photon energy integrated over). Readable source used for the formulas: the transcription of
/// BKS Appendices A and B in sntools (J. Migenda et al., sntools/interaction_channels/es.py); the
/// appendix equation numbers of the paper itself could not be checked (UNCONFIRMED).
class ElectronScattering {
public:
  explicit ElectronScattering(Flavour flavour, bool radiative = false);
  /// T_max [MeV].
  static double maxRecoil(double enu);
  /// dsigma/dT [fm^2/MeV] (>= 0; the O(alpha) formula is clipped at 0 where its log terms fail,
  /// within ~1 keV of T = 0 and T = T_max).
  double dSigmaDT(double enu, double recoil) const;
  /// \int_{T_lo}^{T_hi} dsigma/dT dT [fm^2] (analytic at tree level, Gauss-Legendre with radiative
  /// corrections), limits clipped to [0, T_max].
  double sigmaBetween(double enu, double tLo, double tHi) const;
  /// Total sigma(E) [fm^2].
  double sigma(double enu) const { return sigmaBetween(enu, 0.0, maxRecoil(enu)); }
  double g1() const { return m_g1; }
  double g2() const { return m_g2; }
  bool radiative() const { return m_radiative; }

  /// BKS electroweak constants (Appendix A, via the sntools transcription; see class comment).
  static constexpr double kRhoNC = 1.0126;
  static constexpr double kSin2ThetaWMZ = 0.2317;

private:
  double dSigmaDTRadiative(double enu, double recoil) const;
  Flavour m_flavour;
  bool m_radiative;
  double m_g1, m_g2;
};

} // namespace lenu::supernova
