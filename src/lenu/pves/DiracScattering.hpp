#pragma once
/// @file DiracScattering.hpp
/// Elastic electron-nucleus scattering by exact partial-wave solution of the radial Dirac equation
/// in V(r) = V_C(r) + h A(r), h = +1 / -1 the electron helicity, where
///   V_C(r) = -alpha hbar c [Q(r)/r + \int_r^inf 4 pi s rho_ch(s) ds],  Q(r) = \int_0^r 4 pi s^2 rho_ch,
///   A(r)   = G_F rho_W(r) / (2 sqrt 2)  (hbar c)^3,
/// rho_ch normalised to Z and rho_W to the weak charge Q_W (negative). This is the formulation of
/// C.J. Horowitz, Phys. Rev. C 57 (1998) 3430 (ultra-relativistic electrons: the two helicities see
/// V_C +/- A). The electron mass is kept in the Dirac equation.
///
/// Method: for each kappa the phase function phi(r) = atan(P/Q) obeys
///   phi' = [W - V(r) + m cos 2phi] / (hbar c) - (kappa / r) sin 2phi,
/// integrated outward with a fixed-step 8th-order Runge-Kutta (GSL rk8pd) from a start radius where
/// the regular solution is the free solution in the local potential (ratio of spherical Bessel
/// functions), to a matching radius r_m beyond which the charge and weak densities are negligible.
/// There the solution is matched to the regular and irregular point-Coulomb Dirac functions
/// (DiracCoulomb.hpp), giving delta_kappa = delta_C + atan[(Q F_u - P F_l) / (P G_l - Q G_u)].
/// Both helicities use the same mesh, so discretisation errors cancel in the asymmetry and A = 0
/// gives identical phase shifts. Partial waves are solved until the nuclear part of the phase
/// shift falls below `phaseTolerance`; beyond, the point-Coulomb phase shifts are exact.

#include <memory>
#include <vector>

#include "lenu/formfactor/FormFactor.hpp"
#include "lenu/pves/PartialWaveSeries.hpp"

namespace lenu {

/// Phase shifts of both helicities at one energy.
struct HelicityPhaseShifts {
  DiracPhaseShifts plus;       ///< potential V_C + A
  DiracPhaseShifts minus;      ///< potential V_C - A
  int nuclearPartialWaves = 0; ///< highest l solved numerically (the rest are point-Coulomb)
  double totalEnergy = 0.0;    ///< W [MeV]
  double momentum = 0.0;       ///< p [MeV]
};

/// Partial-wave Dirac solver for an electron in the field of a finite nucleus.
class DiracScattering {
public:
  struct Config {
    double electronMass = 0.51099895000; ///< [MeV] (CODATA 2018)
    double stepFactor = 0.2;        ///< radial step h = stepFactor / K, K = (W - V(0))/hbar c [dimensionless]
    double innerRadius = 1e-3;      ///< start radius of the s and p waves [fm]
    double tableSpacing = 0.005;    ///< spacing of the potential table (cubic interpolation) [fm]
    double tailTolerance = 1e-9;    ///< matching radius: fraction of |charge| and |weak charge| beyond it
    double phaseTolerance = 1e-12;  ///< stop solving when |delta - delta_C| < this for 3 successive l [rad]
    int maxNuclearPartialWaves = 3000; ///< Error(NotConverged) if more are needed
    double normalisationTolerance = 1e-3; ///< relative tolerance of \int rho_ch = Z, \int rho_W = Q_W
  };

  /// Finite nucleus. `charge` integrates to Z (>= 1), `weak` (may be null: A = 0) to `weakCharge`.
  /// Throws Error(InvalidArgument) naming the integral if a density is not normalised.
  DiracScattering(int Z, std::shared_ptr<const RadialDensity> charge, double weakCharge,
                  std::shared_ptr<const RadialDensity> weak, Config config);
  DiracScattering(int Z, std::shared_ptr<const RadialDensity> charge, double weakCharge,
                  std::shared_ptr<const RadialDensity> weak)
      : DiracScattering(Z, std::move(charge), weakCharge, std::move(weak), Config{}) {}

  /// A point nucleus of charge Z (1..100): every phase shift is the Dirac-Coulomb phase.
  static DiracScattering pointCharge(int Z, Config config);
  static DiracScattering pointCharge(int Z) { return pointCharge(Z, Config{}); }

  /// Phase shifts of both helicities at kinetic energy T [MeV] (0.01 .. 5000), with point-Coulomb
  /// phase shifts appended up to l = lMax (raised to the nuclear range if smaller).
  HelicityPhaseShifts phaseShifts(double kineticEnergy, int lMax) const;

  /// Matching radius r_m [fm] (0 for a point charge).
  double matchingRadius() const { return m_rMatch; }
  int Z() const { return m_Z; }
  double weakCharge() const { return m_weakCharge; }
  const Config& config() const { return m_cfg; }
  /// Electrostatic potential energy V_C(r) [MeV] of the electron (r <= matching radius: table).
  double coulombPotential(double r) const;
  /// Weak potential A(r) [MeV].
  double weakPotential(double r) const;

private:
  DiracScattering(int Z, Config config);
  double interpolate(const std::vector<double>& table, double r) const;
  double solvePhase(int kappa, double helicity, double w, double kStart) const;

  int m_Z;
  double m_weakCharge = 0.0;
  Config m_cfg;
  bool m_point = false;
  double m_rMatch = 0.0;
  std::vector<double> m_vc; // V_C at r_i = (i - 2) * spacing (two mirrored points first)
  std::vector<double> m_va; // A at the same points
};

} // namespace lenu
