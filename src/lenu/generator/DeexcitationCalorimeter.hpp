#pragma once
/// @file DeexcitationCalorimeter.hpp
/// The visible de-excitation energy of a residual nucleus from the generator's own de-excitation
/// model (Deexcitation.hpp: discrete gamma cascades from ENSDF level schemes, particle
/// evaporation above the separation energies): a nucleus at rest at excitation E_x is decayed
/// `samples` times and the energy a calorimeter sees is histogrammed. Implements
/// supernova::DeexcitationCalorimetry, so supernova rates use the same nuclear physics as the
/// events lenu generates.
///
/// Visible energy (a calorimetric detector such as liquid argon): every gamma's energy, the
/// kinetic energy of protons and alphas times `chargedVisibleFraction`, neutrons invisible (their
/// capture gammas arrive much later and are not part of the prompt signal), nuclear recoils
/// invisible. chargedVisibleFraction = 1 (no quenching) is an ASSUMPTION of lenu; set it for a
/// detector with a measured ionisation quenching.

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>

#include "lenu/core/Nuclide.hpp"
#include "lenu/generator/Deexcitation.hpp"
#include "lenu/supernova/DeexcitationCalorimetry.hpp"

namespace lenu::generator {

struct DeexcitationCalorimeterConfig {
  std::size_t samples = 2000;          ///< decays per excitation energy (statistical precision ~ 1/sqrt(samples))
  std::uint64_t seed = 0x6c656e75ULL;  ///< random seed; every (Z, A, E_x) gets its own reproducible stream
  double binWidth = 0.02;              ///< [MeV] width of the visible-energy histogram
  double chargedVisibleFraction = 1.0; ///< visible fraction of proton / alpha kinetic energy (ASSUMPTION: 1)
  bool neutronsVisible = false;        ///< count neutron kinetic energy as visible
};

class DeexcitationCalorimeter final : public supernova::DeexcitationCalorimetry {
public:
  /// Throws Error(InvalidArgument) for a null model or a config out of range (samples 10..10^7,
  /// binWidth 1e-4..1 MeV, chargedVisibleFraction 0..1).
  DeexcitationCalorimeter(std::shared_ptr<const Deexcitation> model, DeexcitationCalorimeterConfig cfg = {});
  /// Throws Error(UnknownNuclide) if the ground-state mass of (Z, A) is unknown, Error(InvalidArgument)
  /// for a negative or non-finite E_x [MeV]. Results are cached per (Z, A, E_x).
  supernova::VisibleEnergyDistribution visibleEnergy(int Z, int A, double excitation) const override;
  std::string description() const override;

private:
  std::shared_ptr<const Deexcitation> m_model;
  DeexcitationCalorimeterConfig m_cfg;
  mutable std::mutex m_mutex;
  mutable std::map<std::tuple<int, int, std::int64_t>, supernova::VisibleEnergyDistribution> m_cache;
};

/// The de-excitation models of a supernova prediction's NC and CC channels, by name (the choices of
/// `lenu supernova --nc-deexcitation / --cc-deexcitation` and of the Python bindings):
///   "generator": a DeexcitationCalorimeter on loadDeexcitation(table) (one instance for NC and CC),
///   "full": supernova::FullCalorimetry, "lepton" (CC only): supernova::InvisibleDeexcitation (the
///   charged lepton alone), "none": null (NC counted without spectrum; CC E_vis = E_nu - offset).
struct SupernovaCalorimetry {
  std::shared_ptr<const supernova::DeexcitationCalorimetry> nc; ///< for ChannelBuildConfig::deexcitation
  std::shared_ptr<const supernova::DeexcitationCalorimetry> cc; ///< for ChannelBuildConfig::ccDeexcitation
};
/// Throws Error(InvalidArgument) naming the accepted values for an unknown name.
SupernovaCalorimetry makeSupernovaCalorimetry(const std::string& nc, const std::string& cc, const NuclideTable& table);

} // namespace lenu::generator
