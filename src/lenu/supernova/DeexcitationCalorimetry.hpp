#pragma once
/// @file DeexcitationCalorimetry.hpp
/// How much of a residual nucleus' excitation a detector sees. After an inelastic interaction the
/// nucleus (Z, A) is left at excitation E_x [MeV]; it de-excites by gammas and, above the
/// particle-separation energies, by emitting nucleons and alphas. A calorimetric detector (liquid
/// argon, scintillator) sees the gammas and the charged particles but not the neutrons. This
/// interface gives the distribution of that visible de-excitation energy; the supernova layer
/// folds it into the NC and CC observed-energy spectra (SupernovaRate.hpp). The supernova layer defines
/// it, higher layers implement it (the event generator's de-excitation model:
/// generator/DeexcitationCalorimeter.hpp), so the rate code never depends on the generator.

#include <string>
#include <vector>

namespace lenu::supernova {

/// A discrete probability distribution of the visible energy [MeV]: weighted points whose
/// weights sum to 1.
struct VisibleEnergyDistribution {
  std::vector<double> energy; ///< visible energy [MeV]
  std::vector<double> weight; ///< probability of each point
};

class DeexcitationCalorimetry {
public:
  virtual ~DeexcitationCalorimetry() = default;
  /// Distribution of the visible de-excitation energy of nucleus (Z, A) at excitation E_x [MeV]
  /// (E_x >= 0). Throws lenu::Error for an unknown nucleus or a negative E_x.
  virtual VisibleEnergyDistribution visibleEnergy(int Z, int A, double excitation) const = 0;
  /// One line naming the model and what it counts as visible.
  virtual std::string description() const = 0;
};

/// The limiting model: the whole excitation is visible (every decay by gammas, fully absorbed).
class FullCalorimetry final : public DeexcitationCalorimetry {
public:
  VisibleEnergyDistribution visibleEnergy(int Z, int A, double excitation) const override;
  std::string description() const override;
};

/// The other limit: no de-excitation energy is seen (a CC event shows its charged lepton only).
class InvisibleDeexcitation final : public DeexcitationCalorimetry {
public:
  VisibleEnergyDistribution visibleEnergy(int Z, int A, double excitation) const override;
  std::string description() const override;
};

} // namespace lenu::supernova
