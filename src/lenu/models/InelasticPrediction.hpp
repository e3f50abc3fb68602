#pragma once
/// @file InelasticPrediction.hpp
/// Inelastic CC and NC interaction counts for an experiment's source, target and exposure:
/// N = N_nuclei x fluence_f x <sigma>_f for every target isotope (abundance >= 1%), flavour and
/// channel the inelastic models support. Counts are interactions in the target (no detector
/// response: the final states de-excite into gammas and nucleons, which a later event generator
/// will follow).

#include <string>
#include <vector>

#include "lenu/core/Flavour.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/rate/CevnsRate.hpp"

namespace lenu {

struct InelasticCount {
  std::string nuclide;     ///< target isotope, e.g. "Ar40"
  std::string channel;     ///< "CC" or "NC"
  Flavour flavour = Flavour::NuE;
  double fluxAveragedXsec = 0.0; ///< <sigma> [fm^2]
  double events = 0.0;     ///< expected interactions
  std::string note;        ///< why a channel is absent or zero (empty if computed)
};

/// Inelastic counts with the named response model ("hf", "hf:FORCE", "ws", "allowed").
/// Channels a model cannot serve are listed with a note, not silently dropped.
std::vector<InelasticCount> predictInelastic(const CevnsRateConfig& rate, const std::string& model,
                                             const NuclideTable& table);

} // namespace lenu
