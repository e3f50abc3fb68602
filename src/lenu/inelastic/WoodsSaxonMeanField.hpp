#pragma once
/// @file WoodsSaxonMeanField.hpp
/// A local Woods-Saxon mean field with spin-orbit and Coulomb terms: a development and
/// cross-check stand-in for the Skyrme Hartree-Fock field. Bound states by Numerov shooting with
/// Sturm node counting; continuum states by outward Numerov integration matched to Coulomb
/// functions (GSL gsl_sf_coulomb_wave_FG_e).
///
/// Potential (A. Bohr & B.R. Mottelson, Nuclear Structure Vol. I (1969), Eqs. (2-181)-(2-182)):
///   U(r) = V_t f(r) + V_ls r0^2 (1/r) df/dr <l.s> + V_C(r),  f = 1/(1 + exp((r-R)/a)),
///   V_t = -V0 +- V1 (N-Z)/A (+ for neutrons, - for protons), R = r0 A^(1/3),
///   V_ls = -lambda_ls V_t (spin-orbit lowering j = l + 1/2), V_C of a uniform sphere of radius R.
/// Parameter values: V0 = 51 MeV, V1 = 33 MeV, r0 = 1.27 fm, a = 0.67 fm, lambda_ls = 0.44
/// (Bohr & Mottelson Vol. I, Eq. (2-182); UNCONFIRMED: quoted from the textbook, not re-read).

#include <array>
#include <map>
#include <tuple>

#include "lenu/inelastic/MeanFieldSpectrum.hpp"

namespace lenu::inelastic {

/// Woods-Saxon field configuration. Energies MeV, lengths fm.
struct WoodsSaxonConfig {
  int Z = 18;               ///< protons
  int N = 22;               ///< neutrons
  double V0 = 51.0;         ///< isoscalar depth [MeV]
  double V1 = 33.0;         ///< symmetry-term strength [MeV]
  double r0 = 1.27;         ///< radius parameter [fm]
  double a = 0.67;          ///< diffuseness [fm]
  double lambdaLs = 0.44;   ///< spin-orbit strength relative to the central depth
  double meshStep = 0.1;    ///< radial step h [fm]
  double rMax = 20.0;       ///< mesh end [fm] (continuum matching radius)
  double lMaxBound = 8;     ///< highest l searched for bound states
};

class WoodsSaxonMeanField final : public MeanFieldSpectrum {
public:
  /// Builds the field and its bound spectrum; fills Z protons and N neutrons in order of energy
  /// (fractional occupation of the last open level). Throws Error(InvalidArgument) on bad config,
  /// Error(NotSupported) if not enough bound levels exist for the nucleons.
  explicit WoodsSaxonMeanField(WoodsSaxonConfig cfg);

  int Z() const override { return m_cfg.Z; }
  int A() const override { return m_cfg.Z + m_cfg.N; }
  double meshStep() const override { return m_cfg.meshStep; }
  std::size_t meshSize() const override { return m_n; }
  const std::vector<SingleParticleState>& boundStates() const override { return m_bound; }
  ContinuumState continuumState(Isospin t, int l, double j, double energy) const override;
  double hbar2Over2m(Isospin t) const override;
  std::string description() const override;

  /// Potential U(r) [MeV] felt by species t in partial wave (l, j) (without centrifugal term).
  double potential(Isospin t, int l, double j, double r) const;

private:
  void solveBound(Isospin t);
  void fillOccupations(Isospin t, int count);
  /// Numerov outward integration at energy e; returns node count; u filled (unnormalised).
  int integrateOutward(Isospin t, int l, double j, double e, std::vector<double>& u) const;
  WoodsSaxonConfig m_cfg;
  std::size_t m_n = 0;
  std::array<std::vector<double>, 2> m_central; // central + Coulomb on the mesh [MeV]
  std::array<std::vector<double>, 2> m_spinOrbit; // coefficient of <l.s> on the mesh [MeV]
  std::vector<SingleParticleState> m_bound;
};

} // namespace lenu::inelastic
