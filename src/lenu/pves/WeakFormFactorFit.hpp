#pragma once
/// @file WeakFormFactorFit.hpp
/// Inversion of a measured parity-violating asymmetry into the weak form factor F_W(q), the weak
/// radius R_W and the point-neutron radius R_n, within a symmetrized-Fermi family of weak-charge
/// densities rho_W(r) = Q_W * SF(r; c, a) at fixed diffuseness a (the procedure of the PREX and
/// CREX analyses: Horowitz et al., PRC 85 (2012) 032501(R); Adhikari et al. (CREX), PRL 129 (2022)
/// 042501). The half-density radius c is varied (R_W^2 = 3/5 c^2 + 7/5 pi^2 a^2) until the
/// distorted-wave A_PV equals the measurement; the error is propagated linearly,
///   sigma(R_W) = sigma(A) / |dA/dR_W|,  sigma(F_W) = |dF_W/dR_W| sigma(R_W).
/// The point-neutron radius follows from the mean-square-radius relation (derived from the weak
/// charge density as a sum of nucleon weak charges folded with nucleon charge distributions, as in
/// Horowitz et al. 2012):
///   R_n^2 = Q_W R_W^2 / (q_n N) - q_p Z R_ch^2 / (q_n N) - <r_p^2> - (Z/N) <r_n^2>,
/// with R_ch the rms radius of the charge density used for the Coulomb potential and the point
/// proton radius R_p^2 = R_ch^2 - <r_p^2> - (N/Z) <r_n^2> (spin-orbit and Darwin terms neglected).

#include <memory>
#include <optional>

#include "lenu/formfactor/FormFactor.hpp"
#include "lenu/formfactor/WeakCharge.hpp"
#include "lenu/pves/ParityViolation.hpp"

namespace lenu {

/// Result of the inversion.
struct WeakFormFactorFitResult {
  double q = 0.0;          ///< momentum transfer at which F_W is quoted [fm^-1]
  double formFactor = 0.0; ///< F_W(q)
  double formFactorError = 0.0;
  double weakRadius = 0.0; ///< R_W [fm]
  double weakRadiusError = 0.0; ///< [fm]
  double halfDensityRadius = 0.0; ///< c of the fitted symmetrized Fermi [fm]
  double diffuseness = 0.0;       ///< a [fm]
  double chargeRadius = 0.0;      ///< R_ch of the charge density [fm]
  double protonRadius = 0.0;      ///< point-proton R_p [fm]
  double neutronRadius = 0.0;     ///< point-neutron R_n [fm]
  double neutronRadiusError = 0.0; ///< [fm]
  double apvBornAtFit = 0.0;      ///< Born A_PV of the fitted density (dimensionless)
  double slope = 0.0;             ///< dA_PV/dR_W at the solution [fm^-1]
  int iterations = 0;
};

/// Fits the radius of a symmetrized-Fermi weak density to a measured A_PV.
class WeakFormFactorFit {
public:
  struct Config {
    /// Diffuseness a of the weak symmetrized Fermi [fm]. UNCONFIRMED: 0.605 fm is the value the
    /// PREX-2 analysis is recalled to use for 208Pb (Adhikari et al., PRL 126 (2021) 172502); not
    /// read from the paper. F_W(q) at the measured q depends on it only weakly (PREX-I quotes a
    /// model error of 0.001 on F_W).
    double diffuseness = 0.605;
    /// Proton charge mean-square radius <r_p^2> [fm^2]. UNCONFIRMED (recalled): r_p = 0.8409 fm,
    /// PDG 2024.
    double protonMsr = 0.8409 * 0.8409;
    /// Neutron charge mean-square radius <r_n^2> [fm^2]. UNCONFIRMED (recalled): -0.1155 fm^2, PDG 2024.
    double neutronMsr = -0.1155;
    /// Nucleon weak charges (Horowitz et al. 2012 values, see WeakCharge.hpp).
    NucleonWeakCharges charges = NucleonWeakCharges::radiativelyCorrected();
    double relativeTolerance = 1e-5; ///< stop when |A_model / A_measured - 1| < this
    int maxIterations = 40;
    double derivativeStep = 0.02;    ///< R_W step for dA/dR_W [fm]
    ParityViolatingScattering::Config scattering{}; ///< distorted-wave settings
  };

  /// Nucleus with Z protons and N neutrons, nuclear mass [MeV], charge density normalised to Z.
  WeakFormFactorFit(int Z, int N, double nuclearMass, std::shared_ptr<const RadialDensity> charge, Config config);
  WeakFormFactorFit(int Z, int N, double nuclearMass, std::shared_ptr<const RadialDensity> charge)
      : WeakFormFactorFit(Z, N, nuclearMass, std::move(charge), Config{}) {}

  /// Fit to A_PV = apv +- apvError (dimensionless) measured at kinetic energy T [MeV] and lab angle
  /// [deg]. F_W is quoted at `qQuote` [fm^-1] if given, else at the kinematic q.
  WeakFormFactorFitResult fit(double kineticEnergy, double thetaDeg, double apv, double apvError,
                              std::optional<double> qQuote = std::nullopt) const;
  /// The same with an angular acceptance (F_W quoted at q = sqrt(<Q^2>)/hbar c unless given).
  WeakFormFactorFitResult fit(double kineticEnergy, const AngularAcceptance& acceptance, double apv,
                              double apvError, std::optional<double> qQuote = std::nullopt) const;

  /// Distorted-wave A_PV for weak radius R_W [fm] at T [MeV] over an acceptance.
  PvesResult predict(double kineticEnergy, const AngularAcceptance& acceptance, double weakRadius) const;

  /// Weak charge Q_W = q_p Z + q_n N.
  double weakCharge() const { return m_qw; }

private:
  int m_Z;
  int m_N;
  double m_mass;
  std::shared_ptr<const RadialDensity> m_charge;
  Config m_cfg;
  double m_qw;
  double m_rch;
};

} // namespace lenu
