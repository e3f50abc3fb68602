#pragma once
/// @file Experiment.hpp
/// Experiments as data: a TOML file (data/experiments/*.toml, format in docs/experiment-format.md)
/// describes the neutrino source, the detector and the analysis; loadExperiment() validates it
/// (unknown keys, missing keys, wrong types and out-of-range values are errors naming file, line
/// and key) and builds the CEvNS rate configuration.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "lenu/core/Flavour.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/rate/CevnsRate.hpp"

namespace lenu {

/// A published inelastic (CC or NC) measurement, table [[reference.inelastic]] of an experiment
/// file, printed by `lenu predict --inelastic` next to lenu's value for the same channel.
struct InelasticReference {
  std::string nuclide;   ///< target isotope, e.g. "I127"
  std::string channel;   ///< "CC" or "NC"
  Flavour flavour = Flavour::NuE;
  std::optional<double> measuredXsecCm2;       ///< measured flux-averaged cross section [cm^2]
  std::optional<double> measuredXsecErrorPlusCm2;
  std::optional<double> measuredXsecErrorMinusCm2;
  std::optional<double> observedEvents;        ///< measured (fitted) interactions
  std::optional<double> observedEventsError;
  std::optional<double> predictionXsecCm2;     ///< the collaboration's model prediction [cm^2]
  std::string predictionLabel;                 ///< which model (e.g. "MARLEY")
  std::string citation;
};

/// Published numbers an experiment file quotes, printed next to lenu's prediction.
struct ExperimentReference {
  std::optional<double> smEvents;          ///< collaboration's SM prediction [events]
  std::optional<double> smEventsError;
  std::optional<double> observedEvents;    ///< measured (fitted) CEvNS events
  std::optional<double> observedEventsError;
  std::optional<double> smXsecCm2;         ///< SM flux-averaged cross section [cm^2]
  std::optional<double> smXsecErrorCm2;
  std::optional<double> measuredXsecCm2;   ///< measured flux-averaged cross section [cm^2]
  std::optional<double> measuredXsecErrorCm2;
  std::string citation;
  std::vector<InelasticReference> inelastic;  ///< inelastic channels ([[reference.inelastic]])
};

struct Experiment {
  std::string name;
  std::string description;
  std::string citation;
  std::filesystem::path file;
  std::string formFactorName;
  CevnsRateConfig rate;
  ExperimentReference reference;
};

/// A name ("coherent-csi-2017") resolves to data/experiments/NAME.toml; anything containing
/// '/' or ending in ".toml" is a path. Throws Error(IoError) listing the known experiments.
std::filesystem::path resolveExperimentFile(std::string_view nameOrPath);
/// Names of the experiment files shipped in data/experiments/.
std::vector<std::string> knownExperiments();
/// Parse, validate and build. `formFactorOverride` replaces the file's form-factor model.
Experiment loadExperiment(const std::filesystem::path& file, const NuclideTable& nuclides,
                          const std::optional<std::string>& formFactorOverride = std::nullopt);

} // namespace lenu
