#pragma once
/// @file OpticalModel.hpp
/// Optical-model transmission coefficients for the statistical decay of excited nuclei (issue 9).
/// The Koning-Delaroche global nucleon potential (A.J. Koning, J.P. Delaroche, Nucl. Phys. A 713
/// (2003) 231, Sect. 4, Eqs. (1)-(8): global neutron and proton parametrisations; the coefficient
/// values are transcribed in OpticalModel.cpp), its radial Schroedinger equation with the complex
/// potential solved by Numerov's method and matched to Coulomb functions (GSL
/// gsl_sf_coulomb_wave_FG_e; eta = 0 for neutrons gives the Riccati-Bessel functions); then
/// T_lj = 1 - |S_lj|^2. Units: MeV, fm.

#include <cstddef>
#include <vector>

namespace lenu::generator {

/// Koning-Delaroche global potential at one energy, for a nucleon on target (Z, A).
struct OpticalPotential {
  double v = 0, rv = 0, av = 0;       ///< real volume depth [MeV], radius parameter [fm], diffuseness [fm]
  double w = 0;                       ///< imaginary volume depth [MeV] (geometry of the real volume)
  double wd = 0, rd = 0, ad = 0;      ///< imaginary surface depth [MeV], radius parameter, diffuseness [fm]
  double vso = 0, wso = 0, rso = 0, aso = 0; ///< spin-orbit depths [MeV], radius parameter, diffuseness [fm]
  double rc = 0;                      ///< Coulomb radius parameter [fm] (0 for neutrons)
};

/// KD global parameters for a neutron (projectileZ = 0) or proton (projectileZ = 1) of laboratory
/// kinetic energy `labEnergy` [MeV] on target (Z, A). KD fitted 24 <= A <= 209, 0.001 <= E <= 200
/// MeV; lighter targets (12C, 11B...) are an extrapolation, accepted and documented in
/// docs/generator.md. Throws lenu::Error for A < 4, Z outside [0, A] or E outside (0, 200] MeV.
OpticalPotential koningDelaroche(int projectileZ, int Z, int A, double labEnergy);

/// Transmission coefficients of one nucleon + target channel.
class OpticalModel {
public:
  /// projectileZ: 0 (neutron) or 1 (proton); target (Z, A) is the residual nucleus.
  OpticalModel(int projectileZ, int Z, int A);
  /// T_lj at centre-of-mass kinetic energy `ecm` [MeV]; twoJ = 2l +- 1. Returns a value in [0, 1].
  /// Throws lenu::Error for ecm outside (0, 200] MeV, l < 0 or twoJ not 2l +- 1.
  double transmission(int l, int twoJ, double ecm) const;
  /// Reaction cross section sigma_R = pi/k^2 sum_lj (2j+1)/2 T_lj [fm^2] at `ecm` [MeV].
  double reactionCrossSection(double ecm) const;
  /// Wave number k [1/fm] at `ecm` [MeV] (relativistic two-body kinematics).
  double waveNumber(double ecm) const;
  /// Largest l used by reactionCrossSection at `ecm` (until T_l < 1e-8).
  int lMax(double ecm) const;
  /// Override the potential (for tests: e.g. W = Wd = 0 must give |S| = 1).
  void setPotentialOverride(const OpticalPotential* pot) { m_override = pot; }

private:
  int m_zp, m_Z, m_A;
  double m_mp, m_mt; ///< projectile and target masses [MeV]
  const OpticalPotential* m_override = nullptr;
};

/// Spin-averaged transmission coefficients, tabulated once per (residual, particle) on
/// an energy grid and linearly interpolated: T_l(E) = sum_j (2j+1) T_lj / (2(2l+1)) (the spin-averaged
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
/// Optical-model T_lj of one (nucleon, residual) channel for every l <= lmax and both j = l +- 1/2,
/// tabulated once on a grid uniform in sqrt(E) from 0 to emax (T = 0 at E = 0; the neutron
/// s-wave T_0 ~ sqrt(E) is then linear between nodes) and interpolated linearly in sqrt(E).
/// The Hauser-Feshbach decay reads it; never recomputed per event.
class PartialWaveTable {
public:
  /// `nodes` >= 3 energies up to emax (0 < emax <= 200 MeV), l = 0..lmax.
  PartialWaveTable(const OpticalModel& model, double emax, std::size_t nodes, int lmax);
  /// T_lj at centre-of-mass energy `ecm` [MeV]; twoJ = 2l +- 1 (0 outside the table's l range or
  /// for ecm <= 0; clamped above emax).
  double operator()(int l, int twoJ, double ecm) const;
  /// All T_lj at `ecm` into out[2 l + (twoJ == 2l+1 ? 1 : 0)], size 2 (lmax + 1).
  void all(double ecm, double* out) const;
  int lmax() const { return m_lmax; }

private:
  double m_sqrtEmax;
  std::size_t m_nodes;
  int m_lmax;
  std::vector<double> m_t; ///< [node * 2(lmax+1) + 2l + (j = l + 1/2)]
};
} // namespace lenu::generator
