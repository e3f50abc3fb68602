#pragma once
/// @file MeanFieldStrength.hpp
/// Independent-particle (Hartree-Fock or Woods-Saxon mean-field) strength of local one-body
/// operators: the OperatorStrength of a MeanFieldSpectrum, without residual interaction.
///
/// For a (filled-shell) 0+ target the final states are particle-hole configurations |p h^-1; J>:
///   S(E) = sum_{h,p} v_h^2 (1 - v_p^2) |<p||F_J||h>|^2 delta(E - e_p + e_h - shift),
///   <p||f [Y_L x sigma^S]_J t||h> = (isospin factor) <(l_p 1/2)j_p||[Y_L x sigma^S]_J||(l_h 1/2)j_h>
///                                   * int u_p(r) f(r) u_h(r) dr
/// (reducedSpinAngular for the angular factor). Bound particles give discrete lines (Pauli
/// blocked by v_p^2); continuum particles of energy e_p > 0 give a density, with the
/// energy-normalised states u_E = u / sqrt(pi (hbar^2/2m) k) of the same mean field
/// (MeanFieldSpectrum::continuumState), as HartreeFockResponse does. Continuum single-particle
/// resonances narrower than `narrowResonanceWidth` are treated as lines exactly as in
/// HartreeFockResponse (whose resonance search is reused): their strength is the Breit-Wigner
/// window integral, and the window is removed from the continuum density.
///
/// Energies: E = e_p - e_h for isospin-conserving operators; for tau_-/tau_+, E = e_p - e_h +
/// shift with the shift of HartreeFockResponse (lowest particle-hole configuration at the
/// ground-state Q-value M(final) - M(target)), or no shift if the Q-value is not given.
///
/// strengthDensity(op, E, eta): eta = 0 -> the continuum density only (lines separate, from
/// lines()); eta > 0 -> lines (resonances through their window quadrature) and continuum folded
/// with the Lorentzian (eta/pi)/((E-E')^2 + eta^2); the continuum is tabulated once per operator
/// on a grid of `foldStep` up to `foldMax` and folded exactly as a piecewise-linear function.

#include <array>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "lenu/inelastic/HartreeFockResponse.hpp"
#include "lenu/inelastic/MeanFieldSpectrum.hpp"
#include "lenu/inelastic/OperatorStrength.hpp"

namespace lenu::inelastic {

/// Options of MeanFieldStrength.
struct MeanFieldStrengthConfig {
  /// Ground-state Q-values M_nuc(Z+1) - M_nuc(Z) (tau_-) and M_nuc(Z-1) - M_nuc(Z) (tau_+) [MeV];
  /// NaN (default): no shift, E = e_p - e_h.
  double qValueMinus = std::numeric_limits<double>::quiet_NaN();
  double qValuePlus = std::numeric_limits<double>::quiet_NaN();
  double minWeight = 1e-6;           ///< ignore pairs with v_h^2 (1 - v_p^2) below this
  double narrowResonanceWidth = 0.5; ///< [MeV] see HartreeFockResponseConfig
  int maxL = 4;                      ///< highest orbital rank L of an operator, 0..6
  double foldStep = 0.2;             ///< continuum table step for eta > 0 [MeV], (0, 2]
  double foldMax = 100.0;            ///< continuum table end for eta > 0 [MeV], (0, 500]
  void validate() const;             ///< throws Error(InvalidArgument)
};

/// Mean-field strength of local operators.
class MeanFieldStrength final : public OperatorStrength {
public:
  explicit MeanFieldStrength(std::shared_ptr<const MeanFieldSpectrum> meanField, MeanFieldStrengthConfig cfg = {});

  /// Bound lines and narrow resonances (strength integrated over the resonance window, placed
  /// at the resonance energy), sorted by energy.
  std::vector<StrengthLine> lines(const LocalOperator& op) const override;
  /// See file comment. eta in [0, 20] MeV; E finite; for eta > 0, E <= foldMax.
  double strengthDensity(const LocalOperator& op, double energy, double eta) const override;
  double continuumThreshold(const LocalOperator& op) const override;
  std::string description() const override;

  /// Energies [MeV] where the continuum density has kinks or steps (hole thresholds, edges of
  /// resonance windows): break points for quadratures.
  std::vector<double> breakPoints(const LocalOperator& op) const;
  /// Energy shift [MeV] added to e_p - e_h for an operator of this isospin type.
  double energyShift(IsospinOperator t) const;
  const MeanFieldSpectrum& meanField() const { return *m_mf; }
  const MeanFieldStrengthConfig& config() const { return m_cfg; }

private:
  struct SubLine { double energy, strength; std::string label; int group; };
  struct Channel {
    std::once_flag once;
    std::unique_ptr<HartreeFockResponse> helper; // resonance search and shift (null if no holes)
    double shift = 0.0;
  };
  const Channel& channel(IsospinOperator t) const;
  std::vector<SubLine> subLines(const LocalOperator& op) const;
  double continuumDensity(const LocalOperator& op, double energy) const;
  std::shared_ptr<const std::vector<double>> table(const LocalOperator& op) const;
  void check(const LocalOperator& op) const;

  std::shared_ptr<const MeanFieldSpectrum> m_mf;
  MeanFieldStrengthConfig m_cfg;
  mutable std::array<Channel, 3> m_channels; // isospin-conserving, minus, plus
  mutable std::mutex m_tableMutex;
  mutable std::map<std::string, std::shared_ptr<const std::vector<double>>> m_tables;
};

} // namespace lenu::inelastic
