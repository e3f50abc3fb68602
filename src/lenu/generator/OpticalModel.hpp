#pragma once
/// @file OpticalModel.hpp
/// Optical-model transmission coefficients for the statistical decay of excited nuclei (issue 9).
/// Global potentials (coefficients transcribed, with their sources, in OpticalModel.cpp):
///  - n, p: Koning-Delaroche (A.J. Koning, J.P. Delaroche, Nucl. Phys. A 713 (2003) 231, Sect. 4,
///    Eqs. (1)-(8));
///  - d: Haixia An, Chonghai Cai, Phys. Rev. C 73 (2006) 054605 (global deuteron potential, <= 183 MeV);
///  - t, 3He: F.D. Becchetti, G.W. Greenlees, "Polarization Phenomena in Nuclear Reactions" (Madison,
///    1971) p. 682 (global t and 3He potentials);
///  - alpha: L. McFadden, G.R. Satchler, Nucl. Phys. 84 (1966) 177 (energy-independent 4-parameter
///    alpha potential).
/// The radial Schroedinger equation with the complex potential (reduced mass of projectile and
/// residual, projectile spin s coupled to l: j = l + s, spin-orbit factor 2 l.s) is solved by Numerov's
/// method and matched to Coulomb functions (GSL gsl_sf_coulomb_wave_FG_e; eta = 0 for neutrons gives
/// the Riccati-Bessel functions); then T_lj = 1 - |S_lj|^2. Units: MeV, fm.

#include <cstddef>
#include <vector>

namespace lenu::generator {

/// A global optical potential at one energy, for a light projectile on target (Z, A). Radii are
/// R = r A_target^(1/3). U(r) = -V f(r; rv, av) - i W f(r; rw, aw) + 4 i ad Wd f'(r; rd, ad)
/// + lambda_pi^2 (Vso + i Wso) (1/r) f'(r; rso, aso) 2 l.s + V_Coulomb(r; rc), f Woods-Saxon,
/// lambda_pi^2 = 2.0 fm^2 (KD Eq. (1); 2 l.s = l.sigma for spin 1/2).
struct OpticalPotential {
  double v = 0, rv = 0, av = 0;       ///< real volume depth [MeV], radius parameter [fm], diffuseness [fm]
  double w = 0, rw = 0, aw = 0;       ///< imaginary volume depth [MeV], radius parameter [fm], diffuseness [fm]
  double wd = 0, rd = 0, ad = 0;      ///< imaginary surface depth [MeV], radius parameter, diffuseness [fm]
  double vso = 0, wso = 0, rso = 0, aso = 0; ///< spin-orbit depths [MeV], radius parameter, diffuseness [fm]
  double rc = 0;                      ///< Coulomb radius parameter [fm] (0 for neutrons)
};

/// Light projectiles / ejectiles of the statistical decay.
enum class LightIon { Neutron, Proton, Deuteron, Triton, Helion, Alpha };
/// Charge, mass number, 2 x spin and PDG code of a light ion (d 1+, t 1/2+, 3He 1/2+, alpha 0+).
struct LightIonInfo {
  int z = 0, a = 1, twoS = 1, pdg = 2112;
};
LightIonInfo lightIonInfo(LightIon ion);

/// An & Cai (2006) global deuteron potential at deuteron laboratory energy `labEnergy` [MeV] on (Z, A).
OpticalPotential anCaiDeuteron(int Z, int A, double labEnergy);
/// Becchetti & Greenlees (1971) global triton (`helion` false) or 3He (`helion` true) potential.
OpticalPotential becchettiGreenlees(bool helion, int Z, int A, double labEnergy);
/// McFadden & Satchler (1966) alpha potential (energy independent).
OpticalPotential mcFaddenSatchler(int Z, int A, double labEnergy);
/// The global potential lenu uses for `ion` (the list above). Throws lenu::Error for A < 4,
/// Z outside [0, A] or E outside (0, 200] MeV.
OpticalPotential globalPotential(LightIon ion, int Z, int A, double labEnergy);

/// KD global parameters for a neutron (projectileZ = 0) or proton (projectileZ = 1) of laboratory
/// kinetic energy `labEnergy` [MeV] on target (Z, A). KD fitted 24 <= A <= 209, 0.001 <= E <= 200
/// MeV; lighter targets (12C, 11B...) are an extrapolation, accepted and documented in
/// docs/generator.md. Throws lenu::Error for A < 4, Z outside [0, A] or E outside (0, 200] MeV.
OpticalPotential koningDelaroche(int projectileZ, int Z, int A, double labEnergy);

/// Transmission coefficients of one light-ion + target channel.
class OpticalModel {
public:
  /// projectileZ: 0 (neutron) or 1 (proton); target (Z, A) is the residual nucleus.
  OpticalModel(int projectileZ, int Z, int A);
  /// Any light ion on target (Z, A); `projectileMass` [MeV] (<= 0: A_p u, mass excess neglected).
  OpticalModel(LightIon ion, int Z, int A, double projectileMass = 0.0);
  /// T_lj at centre-of-mass kinetic energy `ecm` [MeV]; twoJ = 2j with j = l + s, |l - s| <= j <= l + s.
  /// Returns a value in [0, 1]. Throws lenu::Error for ecm outside (0, 200] MeV, l < 0 or a bad twoJ.
  double transmission(int l, int twoJ, double ecm) const;
  /// 2 x spin of the projectile.
  int twoS() const { return m_twoS; }
  /// Reaction cross section sigma_R = pi/k^2 sum_lj (2j+1)/(2s+1) T_lj [fm^2] at `ecm` [MeV].
  double reactionCrossSection(double ecm) const;
  /// Wave number k [1/fm] at `ecm` [MeV] (relativistic two-body kinematics).
  double waveNumber(double ecm) const;
  /// Largest l used by reactionCrossSection at `ecm` (until T_l < 1e-8).
  int lMax(double ecm) const;
  /// Override the potential (for tests: e.g. W = Wd = 0 must give |S| = 1).
  void setPotentialOverride(const OpticalPotential* pot) { m_override = pot; }

private:
  LightIon m_ion;
  int m_zp, m_twoS, m_Z, m_A;
  double m_mp, m_mt; ///< projectile and target masses [MeV]
  const OpticalPotential* m_override = nullptr;
};

/// Spin-averaged transmission coefficients, tabulated once per (residual, particle) on
/// an energy grid and linearly interpolated: T_l(E) = sum_j (2j+1) T_lj / ((2s+1)(2l+1)) (the spin-averaged
/// coefficient). Never recomputed per event.
class TransmissionTable {
public:
  /// Grid: `nodes` energies uniformly from emin to emax [MeV], l = 0..lmax.
  TransmissionTable(const OpticalModel& model, double emin, double emax, std::size_t nodes, int lmax);
  /// Spin-averaged T_l at `ecm` [MeV] (0 below emin; clamps above emax).
  double operator()(int l, double ecm) const;
  int lmax() const { return m_lmax; }

private:
  double m_emin, m_de;
  std::size_t m_nodes;
  int m_lmax;
  std::vector<double> m_t; ///< [node * (lmax+1) + l]
};

} // namespace lenu::generator

namespace lenu::generator {
/// Optical-model reaction (inverse) cross section sigma_R(E) = pi/k^2 sum_lj (2j+1)/2 T_lj [fm^2],
/// tabulated once on a grid quadratic in E (dense at low energy) and interpolated linearly in
/// sqrt(E); used as the inverse cross section of nucleon evaporation. Never recomputed per event.
class InverseCrossSection {
public:
  /// `nodes` >= 3 energies from 0 to emax [MeV] (0 < emax <= 200).
  InverseCrossSection(const OpticalModel& model, double emax, std::size_t nodes);
  /// sigma_R [fm^2] at centre-of-mass energy `ecm` [MeV] (0 for ecm <= 0; clamped above emax).
  double operator()(double ecm) const;

private:
  double m_sqrtEmax;
  std::vector<double> m_sigma; ///< at sqrt(E) = sqrt(emax) i / (nodes - 1); node 0 extrapolated
};
} // namespace lenu::generator

namespace lenu::generator {
/// Optical-model T_lj of one (light ion, residual) channel for every l <= lmax and all 2s+1 values of
/// j = l - s .. l + s (those with j < |l - s| are 0),
/// tabulated once on a grid uniform in sqrt(E) from 0 to emax (T = 0 at E = 0; the neutron
/// s-wave T_0 ~ sqrt(E) is then linear between nodes) and interpolated linearly in sqrt(E).
/// The Hauser-Feshbach decay reads it; never recomputed per event.
class PartialWaveTable {
public:
  /// `nodes` >= 3 energies up to emax (0 < emax <= 200 MeV), l = 0..lmax.
  PartialWaveTable(const OpticalModel& model, double emax, std::size_t nodes, int lmax);
  /// T_lj at centre-of-mass energy `ecm` [MeV]; twoJ = 2l - 2s .. 2l + 2s (0 outside the table's l
  /// range, for an invalid j or for ecm <= 0; clamped above emax).
  double operator()(int l, int twoJ, double ecm) const;
  /// All T_lj at `ecm` into out[(2s+1) l + (twoJ - 2l + 2s)/2], size (2s+1)(lmax + 1).
  void all(double ecm, double* out) const;
  int lmax() const { return m_lmax; }
  int twoS() const { return m_twoS; }
  /// Index of T_lj in the array of all().
  std::size_t index(int l, int twoJ) const {
    return static_cast<std::size_t>((m_twoS + 1) * l + (twoJ - 2 * l + m_twoS) / 2);
  }

private:
  double m_sqrtEmax;
  std::size_t m_nodes;
  int m_lmax;
  int m_twoS;
  std::vector<double> m_t; ///< [node * (2s+1)(lmax+1) + index(l, 2j)]
};
} // namespace lenu::generator
