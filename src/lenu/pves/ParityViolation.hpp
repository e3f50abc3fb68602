#pragma once
/// @file ParityViolation.hpp
/// Parity-violating elastic electron-nucleus scattering with Coulomb distortions: the asymmetry
///   A_PV = (dsigma+ - dsigma-) / (dsigma+ + dsigma-)
/// of electrons of positive/negative helicity, from the exact Dirac partial-wave solution in
/// V_C +/- A (DiracScattering.hpp), beside the plane-wave Born asymmetry
///   A_PV^Born = -G_F Q^2 Q_W F_W(q) / (4 pi alpha sqrt(2) Z F_ch(q))
/// (positive for Q_W < 0; this is the magnitude form quoted by Horowitz et al., PRC 85 (2012)
/// 032501(R), Eq. 1, with |Q_W|; the sign follows from dsigma+ - dsigma- with A = G_F rho_W/(2 sqrt 2)).
///
/// Kinematics: E is the electron total energy (kinetic + m), theta the laboratory angle;
/// E' = E / (1 + 2 E sin^2(theta/2) / M_A), Q^2 = 4 E E' sin^2(theta/2), q = sqrt(Q^2) / hbar c.
/// The phase shifts are computed at the beam energy (no recoil in the scattering problem, as in
/// the PREX/CREX distorted-wave analyses, which solve the static Dirac problem); the unpolarised
/// laboratory cross section is the distorted-wave |f|^2 + |g|^2 times the recoil factor E'/E
/// (the standard Mott recoil factor; 1 - 2e-5 for 208Pb at PREX kinematics). The recoil factor
/// cancels in A_PV.

#include <memory>
#include <string>
#include <vector>

#include "lenu/formfactor/FormFactor.hpp"
#include "lenu/pves/DiracScattering.hpp"

namespace lenu {

/// Results at one kinematic point (or acceptance averages).
struct PvesResult {
  double kineticEnergy = 0.0;  ///< beam kinetic energy [MeV]
  double thetaDeg = 0.0;       ///< lab angle [deg] (acceptance average: cross-section weighted mean)
  double q2 = 0.0;             ///< Q^2 [MeV^2]
  double q = 0.0;              ///< momentum transfer sqrt(Q^2) / hbar c [fm^-1]
  double crossSection = 0.0;   ///< unpolarised dsigma/dOmega (lab, with recoil factor) [fm^2/sr]
  double mottCrossSection = 0.0; ///< first-Born point-charge Mott cross section (with recoil) [fm^2/sr]
  double apv = 0.0;            ///< distorted-wave asymmetry (dimensionless)
  double apvBorn = 0.0;        ///< plane-wave Born asymmetry (dimensionless)
};

/// An angular acceptance: angles [deg] and non-negative weights (acceptance times solid angle:
/// the rate at theta_i is weight_i * dsigma/dOmega(theta_i)).
struct AngularAcceptance {
  std::vector<double> thetaDeg; ///< [deg]
  std::vector<double> weight;   ///< dimensionless, >= 0, not all 0
  /// Read a CSV table with columns theta_deg,weight ('#' comment lines allowed).
  static AngularAcceptance fromCsv(const std::string& path);
};

/// Parity-violating and unpolarised elastic scattering of electrons from one nucleus.
class ParityViolatingScattering {
public:
  struct Config {
    DiracScattering::Config dirac{};   ///< radial solver settings
    int reductions = 2;                ///< Yennie-Ravenhall-Wilson reductions of the series
    double tailFactor = 20.0;          ///< Coulomb tail summed to l >= tailFactor / theta_min[rad]
    int minPartialWaves = 1000;        ///< and to at least this many partial waves
    double minAngleDeg = 0.5;          ///< accepted angular range [deg]
    double maxAngleDeg = 175.0;        ///< accepted angular range [deg]
    double minKineticEnergy = 1.0;     ///< accepted beam energies [MeV]
    double maxKineticEnergy = 3000.0;  ///< accepted beam energies [MeV]
  };

  /// Z protons, nuclear mass M_A [MeV] (recoil), charge density normalised to Z, weak density
  /// normalised to the weak charge Q_W (< 0 for nuclei). Throws Error(InvalidArgument) if a
  /// density does not integrate to its charge.
  ParityViolatingScattering(int Z, double nuclearMass, std::shared_ptr<const RadialDensity> charge,
                            double weakCharge, std::shared_ptr<const RadialDensity> weak, Config config);
  ParityViolatingScattering(int Z, double nuclearMass, std::shared_ptr<const RadialDensity> charge,
                            double weakCharge, std::shared_ptr<const RadialDensity> weak)
      : ParityViolatingScattering(Z, nuclearMass, std::move(charge), weakCharge, std::move(weak), Config{}) {}

  /// Results at kinetic energy T [MeV] and lab angles [deg] (one phase-shift calculation).
  std::vector<PvesResult> evaluate(double kineticEnergy, const std::vector<double>& thetaDeg) const;
  /// Results at one angle [deg].
  PvesResult evaluate(double kineticEnergy, double thetaDeg) const;
  /// Rate-weighted averages over an acceptance: A_PV, A_PV^Born, Q^2 and theta weighted by
  /// weight * dsigma/dOmega; dsigma/dOmega weighted by weight. q = sqrt(<Q^2>) / hbar c.
  PvesResult acceptanceAverage(double kineticEnergy, const AngularAcceptance& acceptance) const;

  /// Lab angle [deg] at which Q^2 [MeV^2] is reached at kinetic energy T [MeV].
  double angleForQ2(double kineticEnergy, double q2) const;
  /// Q^2 [MeV^2] at T [MeV] and lab angle [deg].
  double q2At(double kineticEnergy, double thetaDeg) const;

  const DiracScattering& solver() const { return m_solver; }
  int Z() const { return m_Z; }
  double weakCharge() const { return m_weakCharge; }

private:
  void checkKinematics(double kineticEnergy, double thetaDeg) const;

  int m_Z;
  double m_mass;
  double m_weakCharge;
  Config m_cfg;
  DiracScattering m_solver;
  std::shared_ptr<const FormFactor> m_fch;
  std::shared_ptr<const FormFactor> m_fw;
};

} // namespace lenu
