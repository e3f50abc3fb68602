#pragma once
/// @file NucleonCouplings.hpp
/// Single-nucleon weak form factors entering the multipole operators: CVC isovector Dirac and
/// magnetic form factors (Galster parametrisation), axial form factor (dipole) and the induced
/// pseudoscalar from PCAC (pion pole), for charged-current (isovector, tau+-) and neutral-current
/// (per-nucleon, with sin^2 theta_W) transitions.

#include <complex>

#include "lenu/structure/SingleParticleState.hpp"

namespace lenu::inelastic {

/// Which weak current acts: charged current (n -> p for nu, p -> n for nubar) or neutral current.
enum class Channel { ChargedCurrent, NeutralCurrent };

/// Form factors of one nucleon transition at a momentum transfer, dimensionless.
struct NucleonFormFactors {
  double F1 = 0.0; ///< Dirac (vector charge) form factor
  double GM = 0.0; ///< magnetic form factor mu = F1 + F2
  double GA = 0.0; ///< axial form factor (positive convention: G_A(0) = +|g_A|)
  /// Pion-pole factor P(Q^2) = q^2 / (m_pi^2 + Q^2) multiplying G_A in the longitudinal axial
  /// multipole (PCAC), dimensionless.
  double pionPole = 0.0;
};

/// The same continued to complex momentum transfers (contour integrals over omega).
struct NucleonFormFactorsComplex {
  std::complex<double> F1, GM, GA, pionPole;
};

/// Parameters of the nucleon form factors (MeV; magnetic moments in nuclear magnetons).
struct NucleonCouplingsConfig {
  /// |g_A| = 1.2754(13): PDG 2024, baryon listings (n, lambda = g_A/g_V = -1.2754).
  double gA = 1.2754;
  /// Axial dipole mass [MeV]: 1.026(21) GeV, world average of Bernard, Elouadrhiri, Meissner,
  /// J. Phys. G 28 (2002) R1.
  double axialMass = 1026.0;
  /// Vector dipole mass squared [MeV^2]: 0.71 GeV^2 (standard dipole; Galster et al.,
  /// Nucl. Phys. B 32 (1971) 221).
  double vectorMass2 = 0.71e6;
  /// Proton and neutron magnetic moments [mu_N]: CODATA 2018.
  double muProton = 2.79284734463;
  double muNeutron = -1.91304273;
  /// Galster parameter for G_E^n = -mu_n tau G_D / (1 + lambda_n tau): lambda_n = 5.6 (Galster 1971).
  double galsterLambda = 5.6;
  /// sin^2 theta_W for the neutral current (default: lenu::constants::kSin2ThetaW).
  double sin2ThetaW = 0.23857;
  /// Include the induced pseudoscalar (PCAC pion pole). Its net effect is proportional to the
  /// charged-lepton mass squared.
  bool pseudoscalar = true;
};

/// Computes nucleon form factors for CC and NC transitions.
class NucleonCouplings {
public:
  /// Validates the configuration (positive masses, |g_A| > 0). Throws Error(InvalidArgument).
  explicit NucleonCouplings(NucleonCouplingsConfig cfg = {});

  /// Form factors for a transition. CC: isovector (tau+- matrix element 1). NC: per nucleon
  /// species `nucleon` (F1^Z = tau3/2 F1^V - 2 s_W^2 F1^N etc.).
  /// q [MeV] three-momentum transfer, Q2 = q^2 - omega^2 [MeV^2] (>= 0 for scattering).
  NucleonFormFactors at(Channel channel, Isospin nucleon, double q, double Q2) const;

  /// The same as analytic functions of complex q and Q2 (rational in Q2; at real Q2 >= 0 equal to
  /// at(), which clamps Q2 < 0 to 0).
  NucleonFormFactorsComplex at(Channel channel, Isospin nucleon, std::complex<double> q, std::complex<double> Q2) const;
  const NucleonCouplingsConfig& config() const { return m_cfg; }

private:
  NucleonCouplingsConfig m_cfg;
};

} // namespace lenu::inelastic
