#pragma once
/// @file SupernovaRate.hpp
/// Time-resolved supernova event rates. Two steps:
///  1. SupernovaChannels::build: every channel of a detector tabulates its cross sections once on
///     an energy grid (inelastic responses on a coarse grid of `inelasticNodes` energies, spaced
///     quadratically from threshold (dense at low energy), sqrt(sigma) linearly
///     interpolated; IBD, nu-e scattering and CEvNS at every bin centre), with and without the
///     detector's threshold/efficiency, plus its observed-energy response matrix.
///  2. predictSupernova: for every time bin (split into steps of at most `maxStep`) the emitted
///     spectra are binned, scaled by 1/(4 pi d^2), flavour-transformed and folded with the
///     tabulated cross sections. No cross section is recomputed per time bin.
///
///   N_channel(t-bin) = N_targets sum_f sum_j Phi_f(t-bin, E_j) sigma_det,f(E_j).

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "lenu/core/Nuclide.hpp"
#include "lenu/source/NeutrinoSource.hpp"
#include "lenu/supernova/DeexcitationCalorimetry.hpp"
#include "lenu/supernova/FlavourTransformation.hpp"
#include "lenu/supernova/SupernovaDetector.hpp"

namespace lenu::supernova {

/// Uniform neutrino-energy bins [MeV].
struct EnergyGrid {
  double lo = 0.0;    ///< [MeV]
  double hi = 100.0;  ///< [MeV]
  std::size_t n = 200;
  std::vector<double> edges() const;
  std::vector<double> centres() const;
};

struct ChannelBuildConfig {
  std::string inelasticModel = "allowed"; ///< any name makeInelasticResponse accepts ("allowed", "hf", "ws", "crpa", ...)
  std::string formFactor = "helm";        ///< CEvNS form-factor model (makeFormFactorModel)
  EnergyGrid energy{};                    ///< neutrino-energy bins
  int inelasticNodes = 40;                ///< energies at which inelastic sigma(E) is computed (>= 4)
  double observedBinWidth = 1.0;          ///< [MeV] observed-energy bins (CEvNS: 1 keV)
  bool esRadiativeCorrections = false;    ///< nu-e ES with the O(alpha) corrections of Bahcall, Kamionkowski & Sirlin (1995)
  /// NC channels: visible de-excitation energy of the final nucleus (null: NC interactions are
  /// counted with the channel efficiency; a threshold or resolution of the channel is then not
  /// applied and the channel note says so; no spectrum). With a model, the NC channel's threshold,
  /// resolution and efficiency apply to the visible energy and it gets an observed-energy spectrum.
  std::shared_ptr<const DeexcitationCalorimetry> deexcitation;
  /// nu_e / anti-nu_e CC channels on nuclei: with a model, the visible energy is the charged
  /// lepton's kinetic energy plus the visible de-excitation energy of the final nucleus at
  /// E_x = omega - Q (the same fold as NC, calorimetricResponse in SupernovaRate.cpp); threshold,
  /// resolution and efficiency apply to it. Positron annihilation photons are not added
  /// (ASSUMPTION of lenu: the observed energy is the kinetic energy). Null: the simple model
  /// E_vis = E_nu - offset (SupernovaDetector.hpp), de-excitation not modelled.
  std::shared_ptr<const DeexcitationCalorimetry> ccDeexcitation;
  double calorimetryOmegaStep = 0.5; ///< [MeV] excitation-energy step of the continuum fold (NC and CC)
  /// Neutrino energies (quadratic from threshold, as inelasticNodes, at most inelasticNodes) at which
  /// the visible-energy shape is computed; linear in E_nu between them (the shape of the visible
  /// energy minus its E_nu-dependent part, E_nu - Q - m_l for CC, varies slowly).
  int calorimetryNodes = 12;
  /// [MeV] step of the visible-energy histogram of the fold (rounding of the visible energy <= half of it).
  double calorimetryBinWidth = 0.05;
  /// The continuum asks the de-excitation model at excitation nodes: step calorimetryOmegaStep up to
  /// calorimetryOmegaStep / calorimetryRelativeStep (10 MeV by default), relative step above; an E_x
  /// between nodes takes the nearest node's visible energies scaled by E_x / E_node (the cost of the
  /// generator model is its decays per node).
  double calorimetryRelativeStep = 0.05;
};

/// One channel with its cached cross sections.
struct ChannelTable {
  DetectorChannelSpec spec;
  double targets = 0.0;                            ///< number of targets in the fiducial mass
  std::array<std::vector<double>, 6> sigma;        ///< [flavour as kAllFlavours][E bin] per target [fm^2] (empty: flavour not served)
  std::array<std::vector<double>, 6> sigmaDetected;///< same, times detection probability [fm^2]
  std::vector<double> observedEdges;               ///< observed-energy bin edges [MeV] (empty: no spectrum, e.g. nc)
  std::string observedQuantity;                    ///< what the observed energy is
  std::array<std::vector<double>, 6> response;     ///< [f][E bin * nObs + obs] detected sigma per observed bin [fm^2]
  std::string note;                                ///< why a channel is absent or approximate (empty if none)
  std::string model;                               ///< cross-section model used
};

class SupernovaChannels {
public:
  /// Tabulate every channel of the detector. Channels the inelastic model cannot serve
  /// (Error NotSupported / UnknownNuclide) stay in the list with zero cross sections and a note;
  /// an unknown model name throws Error(UnknownModel).
  static SupernovaChannels build(const SupernovaDetector& detector, const ChannelBuildConfig& cfg,
                                 const NuclideTable& table);
  const std::vector<ChannelTable>& channels() const { return m_channels; }
  const SupernovaDetector& detector() const { return m_detector; }
  const ChannelBuildConfig& config() const { return m_cfg; }
  /// Same channels, target numbers scaled by `factor` (exposure scaling).
  SupernovaChannels scaledMass(double factor) const;

private:
  SupernovaDetector m_detector;
  ChannelBuildConfig m_cfg;
  std::vector<ChannelTable> m_channels;
};

struct SupernovaPredictionConfig {
  std::shared_ptr<const NeutrinoSource> source; ///< required
  double distance = 10.0 * 3.0856775814913673e34; ///< [fm] (10 kpc)
  FlavourTransformationConfig transformation{};
  std::vector<double> timeEdges;                ///< [ns] increasing; empty: defaultTimeEdges(source)
  double maxStep = 1.0e6;                       ///< longest integration step inside a time bin [ns] (1 ms)
  bool timeEnergyTable = true;                  ///< fill the time x energy table
};

/// Time bins resolving the burst: 1 ms up to 100 ms after the start of emission (or t = 0.1 s),
/// 10 ms up to 1 s, 100 ms afterwards, covering the source's timeRange() [ns].
std::vector<double> defaultTimeEdges(const NeutrinoSource& source);

struct SupernovaPrediction {
  std::vector<std::string> channels;                 ///< labels
  std::vector<double> targets;                       ///< per channel
  std::vector<double> eventsDetected;                ///< per channel, inside the time bins
  std::vector<double> eventsInteracting;             ///< per channel, no threshold / efficiency
  std::vector<std::string> notes;                    ///< per channel
  std::vector<double> timeEdges;                     ///< [ns]
  std::vector<std::vector<double>> countsPerBin;     ///< [channel][time bin] detected
  std::vector<double> totalPerBin;                   ///< [time bin] all channels
  std::vector<double> energyEdges;                   ///< neutrino energy [MeV]
  std::vector<std::vector<double>> spectrumNu;       ///< [channel][E bin] detected, by neutrino energy
  std::vector<std::vector<double>> observedEdges;    ///< [channel] observed-energy edges [MeV]
  std::vector<std::vector<double>> observedSpectrum; ///< [channel][obs bin] detected
  std::vector<std::string> observedQuantity;         ///< [channel]
  std::vector<std::vector<double>> timeEnergy;       ///< [time bin][E bin] detected, all channels
  std::array<std::vector<double>, 6> fluence;        ///< [flavour][E bin] at the detector after transformation [1/fm^2]
  std::string transformation;                        ///< description
  double eventsTotal() const;
};

/// Run the prediction. Throws Error(InvalidArgument) for a missing source, a non-positive
/// distance or non-increasing time edges.
SupernovaPrediction predictSupernova(const SupernovaChannels& channels, const SupernovaPredictionConfig& cfg);

} // namespace lenu::supernova
