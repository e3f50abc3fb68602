#pragma once
/// @file SupernovaDetector.hpp
/// Supernova-neutrino detectors as data: data/detectors/<name>.toml (format in
/// docs/supernova-formats.md) gives the target material, fiducial mass and the interaction
/// channels with their thresholds, energy resolutions and efficiencies.
///
/// Detector model (deliberately simple, documented per channel kind):
///  - nue-cc / nuebar-cc (nucleus): with a CC de-excitation model (ChannelBuildConfig::ccDeexcitation,
///    lenu supernova --cc-deexcitation generator|full|lepton), E_vis = lepton kinetic energy + visible
///    de-excitation energy of the final nucleus; without one, E_vis = E_nu - offset (offset default:
///    the reaction threshold minus m_e). Gaussian resolution sigma = a sqrt(E_vis) + b E_vis, detected
///    if the smeared E_vis >= threshold.
///  - ibd (free protons): E_vis = E_nu - offset (default m_n - m_p), resolution and threshold as above.
///  - es (electrons): recoil kinetic energy T with Gaussian resolution sigma = a sqrt(T) + b T
///    (sharp if a = b = 0), detected if the smeared T >= threshold.
///  - cevns (nuclei): threshold on the true recoil kinetic energy T (keV in the file), no smearing.
///  - nc (nucleus): with an NC de-excitation model (ChannelBuildConfig::deexcitation) threshold and
///    resolution apply to the visible de-excitation energy; without one every interaction counts with
///    the channel efficiency (threshold and resolution not applied, said in the channel note).
/// All channels multiply by a constant efficiency above threshold.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "lenu/core/Nuclide.hpp"
#include "lenu/detector/TargetMaterial.hpp"

namespace lenu::supernova {

enum class ChannelKind { NueCC, NuebarCC, NC, IBD, ElectronScattering, Cevns };

/// "nue-cc", "nuebar-cc", "nc", "ibd", "es", "cevns".
std::string toString(ChannelKind k);
ChannelKind parseChannelKind(const std::string& s);

struct DetectorChannelSpec {
  ChannelKind kind = ChannelKind::NueCC;
  std::string target;           ///< nuclide ("Ar40") for nue-cc, nuebar-cc, nc; empty otherwise
  double threshold = 0.0;       ///< [MeV] (visible energy, or recoil T for es / cevns)
  double efficiency = 1.0;      ///< plateau efficiency above threshold (0..1]
  double resolutionA = 0.0;     ///< stochastic term a [MeV^(1/2)]: sigma = a sqrt(E) + b E
  double resolutionB = 0.0;     ///< constant term b
  std::optional<double> visibleOffset; ///< E_vis = E_nu - offset [MeV]
  std::string label;            ///< output name, e.g. "nue_Ar40_CC"
};

struct SupernovaDetector {
  std::string name;        ///< e.g. "dune-40kt"
  std::string description; ///< one line, with the sources of its numbers
  std::string material;    ///< chemical formula ("Ar", "H2O", "CH2", "Xe")
  double mass = 0.0;       ///< fiducial mass [kg]
  std::vector<DetectorChannelSpec> channels;
  std::filesystem::path file; ///< where it was read from

  /// Read a TOML file. Throws Error(IoError) if unreadable and Error(ConfigError) with
  /// file:line: key '...': message for bad or unknown keys and out-of-range values.
  static SupernovaDetector fromFile(const std::filesystem::path& file, const NuclideTable& table);
  /// A name ("dune-40kt") from data/detectors/, or a path to a .toml file.
  static SupernovaDetector load(const std::string& nameOrPath, const NuclideTable& table);
  /// Names of the detectors shipped in data/detectors/.
  static std::vector<std::string> available();
};

} // namespace lenu::supernova
