#pragma once
/// @file NuHepMcWriter.hpp
/// NuHepMC 1.0 (https://github.com/NuHepMC/Spec, README "NuHepMC Specification Version 1.0.0";
/// arXiv:2310.13211) output through HepMC3's ASCII writer. Implemented:
///  G.R.1 GenRunInfo; G.R.2 NuHepMC.Version.{Major,Minor,Patch} = 1.0.0; G.R.3 ToolInfo (lenu);
///  G.R.4 NuHepMC.Conventions; G.R.5 via G.C.2; G.R.6 units "pb" "PerAtom"; G.R.7 weight "CV";
///  G.R.8 ProcessIDs + ProcessInfo[id].Name/Description; G.R.9 VertexStatusIDs + info;
///  G.R.10 ParticleStatusIDs + info; G.R.11 AdditionalParticleNumbers (empty: only PDG codes);
///  G.C.1 NuHepMC.Exposure.POT / .Livetime; G.C.2 NuHepMC.FluxAveragedTotalCrossSection;
///  G.C.4 NuHepMC.Beam[pdg].Type = Histogram, BinEdges, BinContent, EnergyUnit MEV, FluxUnit;
///  G.S.1 NuHepMC.Provenance.* (seed, block size, config text, command line, lenu version);
///  E.R.1 HepMC3 event graph; E.R.2 unique event numbers; E.R.3 signal_process_id;
///  E.R.4 units MEV, CM; E.R.5 lab_pos; E.C.1 process ids 100-199; E.C.2 tot_xs; E.C.3 proc_xs;
///  E.C.5 lab_pos with time [s]; V.R.1 vertex status 1 (primary), 21 (de-excitation);
///  P.R.1 particle status 1, 2, 4, 20.
/// Vector attributes: VectorAttributes.hpp. Events are formatted in blocks (text), so that blocks
/// produced by different threads or ranks are concatenated in order into one file.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "lenu/generator/Event.hpp"

namespace lenu::generator {

/// One beam species for G.C.4 (histogram of the neutrino energy distribution).
struct BeamHistogram {
  int pdg = 0;
  std::vector<double> edges;   ///< [MeV]
  std::vector<double> content; ///< neutrinos per bin (of the exposure), content NOT per width
};

/// What the run header records.
struct RunMetadata {
  std::uint64_t seed = 0;
  std::uint64_t blockSize = 0;
  std::string configFile;
  std::string configText;
  std::string commandLine;
  double fluxAveragedPb = 0.0;          ///< G.C.2 [pb per atom]
  std::optional<double> pot;            ///< G.C.1 protons on target
  std::optional<double> livetimeS;      ///< G.C.1 [s]
  std::vector<BeamHistogram> beams;
  std::vector<std::string> targetAbundance; ///< G.S.3 "100ZZZAAA0[x]"
  std::vector<std::string> citations;   ///< free-text citations of the models used
  std::string description;              ///< one paragraph
};

class NuHepMcFormatter {
public:
  explicit NuHepMcFormatter(RunMetadata meta);
  ~NuHepMcFormatter();
  NuHepMcFormatter(const NuHepMcFormatter&) = delete;
  NuHepMcFormatter& operator=(const NuHepMcFormatter&) = delete;
  /// File header: HepMC3 version lines and the GenRunInfo block.
  std::string header() const;
  /// The text of a sequence of events (no header, no footer): lenu's direct formatter, which
  /// writes exactly the text of HepMC3 3.1.2's WriterAscii for lenu's event graphs (tested
  /// byte for byte against formatEventsHepMC3) about 10x faster.
  std::string formatEvents(std::span<const Event> events) const;
  /// The same text through HepMC3 GenEvent + WriterAscii (reference implementation).
  std::string formatEventsHepMC3(std::span<const Event> events) const;
  /// The end-of-listing line.
  static std::string footer();

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

/// Speed of light [cm/ns] for vertex times (HepMC3 stores c t in length units).
inline constexpr double kSpeedOfLightCmPerNs = 29.9792458;

} // namespace lenu::generator
