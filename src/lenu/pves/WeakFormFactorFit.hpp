#pragma once
/// @file WeakFormFactorFit.hpp
/// Inversion of a measured parity-violating asymmetry into the weak form factor F_W(q), the weak
/// radius R_W and the point-neutron radius R_n, within a symmetrized-Fermi family of weak-charge
/// densities rho_W(r) = Q_W * SF(r; c, a) at fixed diffuseness a (the procedure of the PREX and
/// CREX analyses: Horowitz et al., PRC 85 (2012) 032501(R); Adhikari et al. (CREX), PRL 129 (2022)
/// 042501). The half-density radius c is varied (R_W^2 = 3/5 c^2 + 7/5 pi^2 a^2) until the
/// distorted-wave A_PV equals the measurement; the error is propagated linearly,
///   sigma(R_W) = sigma(A) / |dA/dR_W|,  sigma(F_W) = |dF_W/dR_W| sigma(R_W).
/// The point-neutron radius follows from the mean-square-radius relation of a weak charge density
/// built from nucleon weak charges folded with the nucleon charge distributions (the same
/// decomposition as lenu::nucleon::weakRadius2 in the structure layer; Horowitz et al. 2012):
///   Q_W R_W^2 = Z [q_p (R_p^2 + r_p^2) + q_n <r_n^2>] + N [q_n (R_n^2 + r_p^2) + q_p <r_n^2>],
/// and the point-proton radius from the charge radius of the Coulomb density,
///   R_ch^2 = R_p^2 + r_p^2 + (N/Z) <r_n^2> + 3/(4 M_p^2) + <r^2>_so
/// (Darwin-Foldy term on, as in nucleon::chargeRadius2; the spin-orbit term <r^2>_so of the
/// occupied orbits is an input, Config::spinOrbitMsr, 0 by default).
/// Checked against PREX-I (Horowitz et al., PRC 85 (2012) 032501(R), abstract: R_W = 5.826 fm ->
/// R_n = 5.751 fm, R_n - R_p = 0.302 fm, so R_p = 5.449 fm): with the de Vries R_ch = 5.499 fm the
/// relation gives R_p = 5.448 fm, R_n = 5.756 fm (tests/pves/test_weak_radius.cpp).
/// PREX-I itself inferred R_W from F_W with a Helm weak density (same abstract), CREX obtained
/// R_n - R_p from the correlation of F_ch - F_W with R_n - R_p over many density functionals
/// (Adhikari et al., PRL 129 (2022) 042501, abstract: F_ch - F_W = 0.0277 +- 0.0055,
/// R_n - R_p = 0.121 +- 0.026 (exp) +- 0.024 (model) fm). A fixed-diffuseness symmetrized Fermi
/// family reproduces the measured F_W(q) (it is fitted to it) but its R_W at the high q of CREX
/// (q R ~ 3) depends strongly on the assumed diffuseness: R_n for 48Ca from this class is a
/// family-dependent number, not the collaboration's.

#include <memory>
#include <optional>

#include "lenu/formfactor/FormFactor.hpp"
#include "lenu/formfactor/NucleonConstants.hpp"
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

/// Point-proton and point-neutron rms radii [fm].
struct PointRadii {
  double proton = 0.0;  ///< R_p [fm]
  double neutron = 0.0; ///< R_n [fm]
};

class WeakFormFactorFit;

/// Fits the radius of a symmetrized-Fermi weak density to a measured A_PV.
class WeakFormFactorFit {
public:
  struct Config {
    /// Diffuseness a of the weak symmetrized Fermi [fm]. UNCONFIRMED: 0.605 fm is the value the
    /// PREX-2 analysis is recalled to use for 208Pb (Adhikari et al., PRL 126 (2021) 172502); the
    /// full text could not be read (searched: ar5iv 2102.10767 gives only the abstract). PREX-I
    /// used a Helm weak density instead (Horowitz et al. 2012, abstract), whose surface-thickness
    /// uncertainty gave a model error of 0.001 on F_W and 0.027 fm on R_W.
    double diffuseness = 0.605;
    /// Proton charge mean-square radius <r_p^2> [fm^2] (CODATA 2018, see NucleonConstants.hpp).
    double protonMsr = nucleon::kProtonChargeRadius * nucleon::kProtonChargeRadius;
    /// Neutron charge mean-square radius <r_n^2> [fm^2] (PDG average, see NucleonConstants.hpp).
    double neutronMsr = nucleon::kNeutronChargeRadius2;
    /// Include the Darwin-Foldy term 3/(4 M_p^2) = 0.0331 fm^2 in R_ch^2 (as the structure layer does).
    bool darwinFoldy = true;
    /// Spin-orbit contribution <r^2>_so to R_ch^2 [fm^2] of the nucleus (0: not included).
    double spinOrbitMsr = 0.0;
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

/// R_p from the charge radius R_ch [fm] and R_n from the weak radius R_W [fm] of a nucleus with Z
/// protons and N neutrons, by the relations in the file comment (nucleon radii, weak charges,
/// Darwin-Foldy and spin-orbit switches from `config`). Throws Error(InvalidArgument) if a
/// point mean-square radius comes out <= 0.
PointRadii pointRadii(int Z, int N, double chargeRadius, double weakRadius, const WeakFormFactorFit::Config& config);

} // namespace lenu
