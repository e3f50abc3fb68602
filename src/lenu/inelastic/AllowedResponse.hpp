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
