#pragma once
/// @file TabulatedSource.hpp
/// A neutrino source given as a table of fluences (docs/flux-format.md):
///
///   # free comment lines (provenance: where the table comes from)
///   energy_MeV,nue,numu,...            <- header: energy column, then any flavour names
///   10.0,1.2e10,3.4e9,...              <- dPhi/dE [neutrinos / cm^2 / MeV] at the reference distance
///
/// The fluence is the time-integrated flux over the exposure at `referenceDistance`; the source
/// emits isotropically, so fluences scale as 1/L^2. The table carries no timing: all neutrinos are
/// emitted at t = 0 (a window holds all of them if it contains 0).

#include <filesystem>
#include <map>
#include <memory>

#include "lenu/source/FluenceTableSource.hpp"

namespace lenu {

class TabulatedSource final : public FluenceTableSource {
public:
  /// Read the table; `referenceDistance` [fm] is where the fluences were given.
  TabulatedSource(const std::filesystem::path& file, double referenceDistance);
  TimeWindow timeRange() const override { return {-1.0, 1.0}; }
  std::string description() const override;

private:
  std::string missingFlavourMessage(Flavour f) const override;
  std::filesystem::path m_file;
  double m_distance;
};

} // namespace lenu
