#include "lenu/inelastic/AllowedResponse.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Csv.hpp"
#include "lenu/core/Error.hpp"

namespace lenu::inelastic {

std::vector<AllowedLevel> readAllowedLevels(const std::filesystem::path& path) {
  const CsvTable t = CsvTable::read(path);
  std::vector<AllowedLevel> out;
  for (std::size_t i = 0; i < t.rows(); ++i) {
    AllowedLevel l;
    l.excitation = t.num(i, "excitation_MeV");
    l.bF = t.num(i, "B_F");
    l.bGT = t.num(i, "B_GT");
    if (l.excitation < 0.0 || l.bF < 0.0 || l.bGT < 0.0) {
      throw Error(ErrorCode::ConfigError, fmt::format("{} line {}: negative excitation or strength", path.string(), t.line(i)));
    }
    out.push_back(l);
  }
  return out;
}

std::string allowedLevelTableFile(int Z, int A, ResponseMode mode, const std::string& variant) {
  const bool nu = mode == ResponseMode::ChargedCurrentNu;
  const std::string v = variant.empty() ? std::string("experiment") : variant;
  if (nu && Z == 18 && A == 40) {
    if (v == "experiment") return "inelastic/allowed_Ar40_K40.csv";
    if (v == "bhattacharya-cheoun") return "inelastic/allowed_Ar40_K40_bhattacharya_cheoun.csv";
    throw Error(ErrorCode::NotSupported,
                fmt::format("allowed model: unknown level table '{}' for Ar40; available: allowed (= allowed:experiment, "
                            "measured levels below 8 MeV), allowed:bhattacharya-cheoun (completed above 8 MeV by QRPA)",
                            v));
  }
  if (nu && Z == 6 && A == 12) {
    if (v == "experiment") return "inelastic/allowed_C12_N12.csv";
    throw Error(ErrorCode::NotSupported,
                fmt::format("allowed model: unknown level table '{}' for C12; available: allowed (= allowed:experiment)", v));
  }
  throw Error(ErrorCode::NotSupported,
              fmt::format("allowed model: no measured B(F)/B(GT) table for Z={} A={} ({}); available: nu CC on Ar40, C12", Z,
                          A, nu ? "nu" : "nubar"));
}

AllowedResponse::AllowedResponse(int Z, int A, ResponseMode mode, double qValue, std::vector<AllowedLevel> levels,
                                 std::string source)
    : m_Z(Z), m_A(A), m_mode(mode), m_q(qValue), m_levels(std::move(levels)), m_source(std::move(source)) {
  require(mode != ResponseMode::NeutralCurrent, "AllowedResponse: only charged-current level tables are available");
  require(!m_levels.empty(), "AllowedResponse: empty level table");
  std::sort(m_levels.begin(), m_levels.end(), [](auto& a, auto& b) { return a.excitation < b.excitation; });
  for (const auto& l : m_levels) {
    ResponseLine line;
    line.excitation = l.excitation;
    line.omega = m_q + l.excitation;
    line.label = fmt::format("Ex = {:.4f} MeV{}{}", l.excitation, l.bF > 0 ? fmt::format(" B(F) = {}", l.bF) : "",
                             l.bGT > 0 ? fmt::format(" B(GT) = {}", l.bGT) : "");
    m_lines.push_back(line);
  }
}

std::vector<ResponseSet> AllowedResponse::lineResponses(std::size_t index, std::span<const double> q) const {
  require(index < m_levels.size(), fmt::format("line index {} >= {}", index, m_levels.size()));
  const auto& l = m_levels[index];
  const double fourPi = 4.0 * constants::kPi;
  std::vector<ResponseSet> out(q.size());
  for (auto& s : out) {
    if (l.bF > 0.0) s.add(0, 1, ResponseFunctions{l.bF / fourPi, 0.0, 0.0, 0.0, 0.0});
    if (l.bGT > 0.0) s.add(1, 1, ResponseFunctions{0.0, 0.0, l.bGT / (3.0 * fourPi), 2.0 * l.bGT / (3.0 * fourPi), 0.0});
  }
  return out;
}

double AllowedResponse::continuumThreshold() const { return std::numeric_limits<double>::infinity(); }

std::vector<ResponseSet> AllowedResponse::continuumResponses(double, std::span<const double> q) const {
  return std::vector<ResponseSet>(q.size());
}

std::string AllowedResponse::description() const {
  return fmt::format("allowed approximation (Fermi + Gamow-Teller), {} levels, Q = {:.4f} MeV, table {}", m_levels.size(),
                     m_q, m_source);
}

} // namespace lenu::inelastic
