#pragma once
/// @file GeneratorSetup.hpp
/// `lenu generate` configuration (TOML, format in docs/generator.md; examples in examples/):
///
///   [generator]
///   experiment = "coherent-csi-2017"  # data/experiments/NAME.toml or a path: source, detector
///                                     # material, mass, distance, form factor, weak charges
///   process = "cevns"                 # "cevns", "cc" or "nc"
///   flavours = ["nue"]                # optional; default every flavour the source emits
///   inelastic_model = "allowed"       # cc / nc: any name makeInelasticResponse accepts
///   target = "Ar40"                   # cc / nc: target nucleus (default: most abundant isotope)
///   energy_nodes = 400                # cross-section table nodes (CEvNS) [2, 100000]
///   inelastic_energy_nodes = 48       # [2, 2000]
///   cos_nodes = 33                    # [3, 2001]
///   omega_nodes = 40                  # [3, 2001]
///   deexcitation = true               # gamma cascades (data/deexcitation/)
///   block_size = 10000                # events per reproducible block [1, 10^7]
///   target_mass_kg = 4.0e7            # optional: replaces the experiment's detector mass [kg]
///
///   [source]                          # optional: replaces the experiment's neutrino source
///   type = "supernova"                # the only type so far
///   model = "pinched"                 # or a model table (readSupernovaModel), relative to the config
///   distance_kpc = 10.0               # (0, 1e4]
///   burst = true                      # pinched: add the nu_e neutronization burst
///   ordering = "normal"               # none, exchange, normal, inverted, normal-nonadiabatic, ...
///   decay_time_s = 3.0, duration_s = 10.0   # pinched: L ~ exp(-t/tau) on [0, duration]
///   [source.nue] mean_energy_mev = 9.5, alpha = 2.5, energy_erg = 5e52   # also nuebar, nux
///
/// Parsed once into GeneratorSetup (typed); unknown keys, missing keys, wrong types and values out
/// of range are Error(ConfigError) naming file, line and key.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "lenu/core/Nuclide.hpp"
#include "lenu/generator/Deexcitation.hpp"
#include "lenu/generator/EventGenerator.hpp"
#include "lenu/generator/NuHepMcWriter.hpp"
#include "lenu/generator/SupernovaInput.hpp"

namespace lenu::generator {

enum class ProcessKind { Cevns, ChargedCurrent, NeutralCurrent };

struct GeneratorSettings {
  std::filesystem::path file;       ///< the config file
  std::string text;                 ///< its text (provenance)
  std::string experiment;           ///< name or path
  ProcessKind process = ProcessKind::Cevns;
  std::vector<Flavour> flavours;    ///< empty: all the source emits
  std::string inelasticModel = "allowed";
  std::string target;               ///< empty: most abundant isotope of the material
  std::size_t energyNodes = 400;
  std::size_t inelasticEnergyNodes = 48;
  std::size_t cosNodes = 33;
  std::size_t omegaNodes = 40;
  bool deexcitation = true;
  std::uint64_t blockSize = 10000;
  double targetMass = 0.0;          ///< [kg]; 0: the experiment's
  SupernovaSourceSettings supernova; ///< [source] type = "supernova"
};

/// Parse a config file; throws Error(ConfigError) with file:line: key '...'.
GeneratorSettings readGeneratorSettings(const std::filesystem::path& file);

/// A ready generator with everything the output needs.
struct GeneratorSetup {
  GeneratorSettings settings;
  std::shared_ptr<const EventGenerator> generator;
  RunMetadata metadata;          ///< seed / command line filled by the caller
  double expectedEvents = 0.0;   ///< interactions in the detector over the exposure
  std::string summary;           ///< human-readable, with units
  /// Warnings of the models while generating (e.g. de-excitation channels left out for a missing
  /// mass); the caller prints or records them.
  std::shared_ptr<Diagnostics> diagnostics;
};

/// Build the generator (loads the experiment, builds the cross-section tables once).
GeneratorSetup buildGenerator(const GeneratorSettings& settings, const NuclideTable& nuclides);

/// Level schemes shipped in data/deexcitation/ with AME2020 ground-state masses. `diagnostics`
/// receives the model's warnings (nullptr: the Deexcitation keeps its own).
std::shared_ptr<const Deexcitation> loadDeexcitation(const NuclideTable& nuclides, const EvaporationConfig& cfg = {},
                                                     std::shared_ptr<Diagnostics> diagnostics = nullptr);

/// Stable 64-bit FNV-1a hash (checkpoint identity).
std::uint64_t fnv1a(std::string_view s);

} // namespace lenu::generator
