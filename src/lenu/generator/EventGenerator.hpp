#pragma once
/// @file EventGenerator.hpp
/// Unweighted events from a neutrino source and a set of processes on the nuclei of a target:
/// a channel (flavour f, process p on nucleus i) is chosen with probability proportional to
/// N_f n_i <sigma_p>_f (N_f neutrinos of flavour f, n_i atoms of nucleus i per formula unit),
/// the neutrino energy from f(E) sigma_p(E) (spectral lines with weight w_l sigma_p(E_l); the
/// continuous part by exact inverse CDF of the piecewise-linear product on the process's energy
/// nodes), the final state by the process, and the emission time from the source's timePdf
/// (tabulated once on `timeNodes` points over timeRange(); for a stopped-pion source the proton
/// pulse convolved with the decay laws).
/// For a non-separable source (separable() == false: a supernova, whose spectrum changes with
/// time) the emission time and energy are sampled jointly from a time x energy table: the time
/// range is cut into Config::timeWindows windows w of about equal emitted number; the channel
/// and window are chosen together with weight N_f F_f(w) n_i <sigma_p>_{f,w} (F_f(w) =
/// timeFraction, <sigma>_{f,w} over spectrum(f, w)), then E from spectrum(f, w) sigma_p(E) and t
/// from timePdf inside w. So the event-time distribution is the number rate times the
/// flux-averaged cross section of each window; only the correlation of t and E inside one window
/// (1% of the neutrinos by default) is neglected.
/// The flux-averaged total cross section per target atom (NuHepMC G.C.2) is
///   <sigma> = sum_c N_f n_i <sigma_p>_f / (sum_f N_f sum_i n_i).

#include <cstdint>
#include <memory>
#include <vector>

#include "lenu/generator/InteractionProcess.hpp"
#include "lenu/generator/TabulatedSampler.hpp"
#include "lenu/source/NeutrinoSource.hpp"

namespace lenu::generator {

/// A process and the number of its target atoms per formula unit of the target material.
struct ProcessEntry {
  std::shared_ptr<const InteractionProcess> process;
  double atoms = 1.0;
};

class EventGenerator {
public:
  struct Config {
    std::size_t timeNodes = 4001; ///< nodes of the emission-time table (separable source)
    /// Non-separable source (supernova): windows of about equal emitted number, each with its own
    /// spectrum(f, window) and a time table of windowTimeNodes nodes.
    std::size_t timeWindows = 100;
    std::size_t windowTimeNodes = 17;
  };
  /// `flavours`: the flavours to simulate (each must be emitted by the source).
  EventGenerator(std::shared_ptr<const NeutrinoSource> source, std::vector<Flavour> flavours,
                 std::vector<ProcessEntry> processes, Config cfg);
  EventGenerator(std::shared_ptr<const NeutrinoSource> source, std::vector<Flavour> flavours,
                 std::vector<ProcessEntry> processes)
      : EventGenerator(std::move(source), std::move(flavours), std::move(processes), Config{}) {}

  /// Generate one event (event.number is left to the caller).
  void generate(Engine& engine, Event& event) const;
  /// Events [first, first + count) of block `block` of the run with seed `seed` (the block's
  /// own engine: Random.hpp). Event numbers = global index first + k.
  std::vector<Event> generateBlock(std::uint64_t seed, std::uint64_t block, std::uint64_t first, std::size_t count) const;

  /// Flux-averaged total cross section per target atom [fm^2].
  double fluxAveragedSigma() const { return m_fluxAveraged; }
  /// Flux-averaged cross section per target atom of flavour f only [fm^2] (0 if not simulated).
  double fluxAveragedSigma(Flavour f) const;
  /// Fraction of events in each channel and the channel descriptions (for summaries and tests).
  struct ChannelInfo {
    Flavour flavour;
    const InteractionProcess* process;
    double atoms;
    double meanSigma;   ///< <sigma_p>_f over the normalised spectrum [fm^2]
    double probability; ///< fraction of events
  };
  const std::vector<ChannelInfo>& channels() const { return m_info; }
  const std::vector<Flavour>& flavours() const { return m_flavours; }
  const NeutrinoSource& source() const { return *m_source; }
  /// Total neutrinos of the simulated flavours (exposure) and atoms per formula unit.
  double totalNeutrinos() const { return m_totalNeutrinos; }
  double atomsPerFormulaUnit() const { return m_atoms; }

private:
  struct Channel {
    const InteractionProcess* process = nullptr;
    Flavour flavour = Flavour::NuE;
    std::vector<double> lineEnergies;
    DiscreteSampler part;        // lines..., continuous
    TabulatedSampler continuous; // f sigma on nodes
    std::size_t timeIndex = 0;
    std::size_t info = 0;        // index into m_info
  };
  std::shared_ptr<const NeutrinoSource> m_source;
  std::vector<Flavour> m_flavours;
  std::vector<ProcessEntry> m_processes;
  std::vector<Channel> m_channels;
  std::vector<ChannelInfo> m_info;
  DiscreteSampler m_channelChoice;
  std::vector<TabulatedSampler> m_time; // per flavour
  double m_fluxAveraged = 0.0, m_totalNeutrinos = 0.0, m_atoms = 0.0;
};

} // namespace lenu::generator
