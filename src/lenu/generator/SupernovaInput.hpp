#pragma once
/// @file SupernovaInput.hpp
/// The `[source] type = "supernova"` block of a generator config (docs/generator.md): a supernova
/// source built by the supernova layer (makePinchedSupernova or readSupernovaModel), seen through
/// an MSW flavour transformation (FlavourTransformation.hpp, Dighe & Smirnov, PRD 62 (2000) 033007).

#include <filesystem>
#include <memory>
#include <string>

#include "lenu/source/NeutrinoSource.hpp"
#include "lenu/supernova/FlavourTransformation.hpp"
#include "lenu/supernova/SupernovaSource.hpp"

namespace lenu::generator {

struct SupernovaSourceSettings {
  bool enabled = false;                  ///< a [source] table with type = "supernova" was given
  std::string model = "pinched";         ///< "pinched" or a model table path (readSupernovaModel)
  supernova::PinchedModelConfig pinched; ///< "pinched": per-flavour <E>, alpha, energy; burst flag
  double distance = 10.0 * units::kpc;   ///< [fm]
  std::string ordering = "none";         ///< parseOrdering name: none, exchange, normal, inverted, ...
};

/// The source at the detector: the model with the flavour transformation applied. Because the
/// survival probabilities are energy independent, the transformed source is again a
/// SupernovaSource whose flavours are the components of the original ones with scaled
/// luminosities (F_e = P F0_e + (1 - P)(F0_mu + F0_tau)/2 etc.; totals conserved).
std::shared_ptr<const NeutrinoSource> makeSupernovaSource(const SupernovaSourceSettings& s);

/// Apply a flavour transformation to a supernova source (exact in t and E).
std::shared_ptr<const supernova::SupernovaSource> transformSupernova(const supernova::SupernovaSource& src,
                                                                     const supernova::FlavourTransformation& ft);

} // namespace lenu::generator
