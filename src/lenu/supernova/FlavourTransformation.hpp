#pragma once
/// @file FlavourTransformation.hpp
/// Flavour transformation between the supernova core and the detector, in the standard
/// MSW picture of Dighe & Smirnov, PRD 62 (2000) 033007 (no collective effects, no Earth matter).
/// With P_ee and Pbar_ee the nu_e and anti-nu_e survival probabilities and F0 the fluences at the
/// neutrinosphere (F0_x = (F0_mu + F0_tau)/2):
///
///   F_e = P_ee F0_e + (1 - P_ee) F0_x,    F_mu = F_tau = [(1 - P_ee) F0_e + (1 + P_ee) F0_x] / 2,
///
/// and the same for antineutrinos with Pbar_ee. The total F_e + F_mu + F_tau is conserved.
/// Survival probabilities from the level-crossing picture, with P_H and P_L the crossing (hopping)
/// probabilities at the H (atmospheric) and L (solar) resonances:
///   normal ordering:    P_ee = (1 - P_H) |U_e3|^2 + P_H [(1 - P_L) |U_e2|^2 + P_L |U_e1|^2],
///                       Pbar_ee = |U_e1|^2
///   inverted ordering:  P_ee = (1 - P_L) |U_e2|^2 + P_L |U_e1|^2,
///                       Pbar_ee = (1 - P_H) |U_e3|^2 + P_H |U_e1|^2
/// with |U_e1|^2 = c12^2 c13^2, |U_e2|^2 = s12^2 c13^2, |U_e3|^2 = s13^2. Adiabatic MSW: P_H =
/// P_L = 0, except that a vanishing mixing angle makes its resonance maximally non-adiabatic
/// (Landau-Zener: P = exp(-pi gamma / 2) with gamma ~ sin^2 2theta -> P = 1), so zero mixing gives
/// no transformation. Non-adiabatic H resonance: P_H = 1 (P_L = 0).

#include <array>
#include <string>
#include <vector>

#include "lenu/core/Flavour.hpp"

namespace lenu::supernova {

enum class FlavourScheme {
  None,              ///< no transformation
  CompleteExchange,  ///< nu_e <-> nu_x and anti-nu_e <-> anti-nu_x (P_ee = Pbar_ee = 0)
  AdiabaticMsw,      ///< P_H = P_L = 0
  NonAdiabaticMsw,   ///< P_H = 1, P_L = 0
};
enum class MassOrdering { Normal, Inverted };

/// Mixing angles. Default: NuFIT 6.0 (2024) best fits with Super-Kamiokande atmospheric data,
/// I. Esteban et al., JHEP 12 (2024) 216 [arXiv:2410.05380], www.nu-fit.org/?q=node/294, as
/// transcribed in snewpy (python/snewpy/neutrino.py, parameter_presets['NuFIT6.0']):
///   theta12 = 33.68 deg (both orderings); theta13 = 8.56 deg (NO), 8.59 deg (IO).
struct MixingAngles {
  double theta12Deg = 33.68;
  double theta13Deg = 8.56;
  /// NuFIT 6.0 values for the ordering (theta13 differs between NO and IO).
  static MixingAngles nufit60(MassOrdering ordering);
};

struct FlavourTransformationConfig {
  FlavourScheme scheme = FlavourScheme::None;
  MassOrdering ordering = MassOrdering::Normal;
  MixingAngles angles = MixingAngles::nufit60(MassOrdering::Normal);
};

class FlavourTransformation {
public:
  /// Throws Error(InvalidArgument) for angles outside [0, 90] deg.
  explicit FlavourTransformation(FlavourTransformationConfig cfg = {});
  /// nu_e survival probability P_ee.
  double pee() const { return m_pee; }
  /// anti-nu_e survival probability Pbar_ee.
  double peeBar() const { return m_peeBar; }
  /// Apply to fluences indexed like kAllFlavours (nue, numu, nutau, nuebar, numubar, nutaubar).
  std::array<double, 6> apply(const std::array<double, 6>& f0) const;
  /// The same for binned fluences: f[k][j] (flavour k as in kAllFlavours, energy bin j), in place.
  void applyInPlace(std::array<std::vector<double>, 6>& f) const;
  std::string description() const;
  const FlavourTransformationConfig& config() const { return m_cfg; }

private:
  FlavourTransformationConfig m_cfg;
  double m_pee = 1.0;
  double m_peeBar = 1.0;
};

/// Parse "none", "exchange", "normal", "inverted", "normal-nonadiabatic", "inverted-nonadiabatic"
/// (CLI names); throws Error(InvalidArgument) listing the names.
FlavourTransformationConfig parseOrdering(const std::string& name);

} // namespace lenu::supernova
