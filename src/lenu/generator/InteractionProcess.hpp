#pragma once
/// @file InteractionProcess.hpp
/// One neutrino-nucleus process on one target nucleus for one flavour: its total cross section and
/// the generation of the final state at a given neutrino energy. Implementations: CevnsProcess,
/// InelasticProcess. Implementations are immutable after construction (tables built once), so
/// generate() may be called concurrently from several threads with separate engines.

#include <string>
#include <vector>

#include "lenu/core/Flavour.hpp"
#include "lenu/generator/Event.hpp"
#include "lenu/generator/Random.hpp"

namespace lenu::generator {

/// NuHepMC E.C.1 process ids of lenu (low-energy nuclear scattering, 100-199; CC 100-149, NC 150-199).
inline constexpr int kProcessCcLines = 100;     ///< CC to discrete final states
inline constexpr int kProcessCcContinuum = 101; ///< CC to the continuum
inline constexpr int kProcessCevns = 150;       ///< coherent elastic (NC)
inline constexpr int kProcessNcLines = 151;     ///< NC inelastic to discrete states
inline constexpr int kProcessNcContinuum = 152; ///< NC inelastic to the continuum

/// Name and description of a process id (for the NuHepMC header, G.R.8).
struct ProcessInfo {
  int id = 0;
  std::string name;
  std::string description;
};
/// All process ids lenu can write.
std::vector<ProcessInfo> processInfos();

class InteractionProcess {
public:
  virtual ~InteractionProcess() = default;
  /// Flavour of the incoming neutrino.
  virtual Flavour flavour() const = 0;
  /// Target nucleus.
  virtual int targetZ() const = 0;
  virtual int targetA() const = 0;
  /// Total cross section [fm^2] at neutrino energy E [MeV] (as used for sampling: from the tables).
  virtual double sigma(double energy) const = 0;
  /// Lowest energy with a non-zero cross section [MeV].
  virtual double thresholdEnergy() const = 0;
  /// Fill `event` (cleared by the caller; energy, flavour set) with the final state at energy E,
  /// neutrino along +z. E must be above threshold.
  virtual void generate(double energy, Engine& engine, Event& event) const = 0;
  /// One line for the run header.
  virtual std::string description() const = 0;
  /// Energies [MeV] at which sigma() is exact (table nodes); the energy sampler uses them.
  virtual std::vector<double> energyNodes() const = 0;
};

/// Unit vector with polar cosine c and azimuth phi about +z, times |p|.
FourMomentum momentumAlong(double pMag, double cosTheta, double phi, double energy);

} // namespace lenu::generator
