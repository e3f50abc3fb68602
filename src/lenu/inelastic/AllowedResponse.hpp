#pragma once
/// @file AllowedResponse.hpp
/// Allowed approximation (q -> 0 limit of the multipole operators, lepton kinematics exact):
/// Fermi (J = 0+, vector charge) and Gamow-Teller (J = 1+, axial longitudinal and transverse
/// electric) transitions to discrete levels with measured strengths B(F), B(GT) (B(GT) including
/// g_A^2), as in MARLEY (S. Gardiner, PRC 103 (2021) 044604). In the response language
///   W_CC = B(F) / (4 pi),  W_LL = B(GT) / (12 pi),  W_T = B(GT) / (6 pi),  W_CL = W_T' = 0,
/// which reproduces dsigma/dcos = (G^2 V_ud^2 / 2pi) k E F [B(F)(1 + beta cos) + B(GT)(1 - beta cos / 3)].

#include <filesystem>
#include <vector>

#include "lenu/inelastic/NuclearResponse.hpp"

namespace lenu::inelastic {

/// One final level.
struct AllowedLevel {
  double excitation = 0.0; ///< excitation energy of the final nucleus [MeV]
  double bF = 0.0;         ///< Fermi strength
  double bGT = 0.0;        ///< Gamow-Teller strength including g_A^2
};

/// Read a level table (columns excitation_MeV, B_F, B_GT; '#' provenance header).
std::vector<AllowedLevel> readAllowedLevels(const std::filesystem::path& path);

/// Level tables of the allowed model, selected by the model name "allowed" or "allowed:TABLE":
///  - "experiment" (the default, model name "allowed"): measured strengths only. 40Ar -> 40K:
///    Bhattacharya et al., PRC 80 (2009) 055501, levels below Ex = 8 MeV (no strength above);
///    12C -> 12N(g.s.): from the 12B beta decay.
///  - "bhattacharya-cheoun" (40Ar only): the same measured levels below 8 MeV, completed above 8 MeV
///    by the QRPA B(GT) of Cheoun et al., EPJA 48 (2012) 137, as in MARLEY's
///    ve40ArCC_Bhattacharya2009.react (S. Gardiner, PRC 103 (2021) 044604).
/// Why "experiment" is the default: every number in it is measured, so lenu's multipole models
/// (hf, crpa) are compared with data-derived strength, not with another model; the QRPA values were
/// obtained by private communication and are not tabulated in the EPJA paper. The completed table
/// is the one to use for a like-for-like comparison with MARLEY, or for 40Ar cross sections at DAR
/// and supernova energies, where the experiment-only table lacks the Gamow-Teller resonance region
/// (Ex = 11-21 MeV; its B(GT) sum is 8.29 against 25.69 for the completed table).
/// Returns the data file relative to the data directory; throws Error(NotSupported) naming the
/// available tables when there is none for the target, channel and variant.
std::string allowedLevelTableFile(int Z, int A, ResponseMode mode, const std::string& variant);

class AllowedResponse final : public NuclearResponse {
public:
  /// CC only (mode ChargedCurrentNu or ChargedCurrentNuBar); qValue = nuclear-mass difference of
  /// final and initial ground states [MeV]. Throws Error(InvalidArgument) for NC or empty tables.
  AllowedResponse(int Z, int A, ResponseMode mode, double qValue, std::vector<AllowedLevel> levels,
                  std::string source);

  ResponseMode mode() const override { return m_mode; }
  int targetZ() const override { return m_Z; }
  int targetA() const override { return m_A; }
  double thresholdOmega() const override { return m_lines.empty() ? 0.0 : m_lines.front().omega; }
  const std::vector<ResponseLine>& lines() const override { return m_lines; }
  std::vector<ResponseSet> lineResponses(std::size_t index, std::span<const double> q) const override;
  double continuumThreshold() const override;
  std::vector<ResponseSet> continuumResponses(double omega, std::span<const double> q) const override;
  int maxMultipole() const override { return 1; }
  std::string description() const override;
  const std::vector<AllowedLevel>& levels() const { return m_levels; }

private:
  int m_Z, m_A;
  ResponseMode m_mode;
  double m_q;
  std::vector<AllowedLevel> m_levels;
  std::vector<ResponseLine> m_lines;
  std::string m_source;
};

} // namespace lenu::inelastic
