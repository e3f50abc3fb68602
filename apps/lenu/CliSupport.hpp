#pragma once
/// @file CliSupport.hpp
/// Small helpers shared by the sub-commands: CSV text with unit-labelled headers, and the
/// run-time objects every command needs (the nuclide table).

#include <string>
#include <vector>

#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace lenu::cli {

/// CSV text: a '#' comment block, a header row (each column name carries its unit), rows.
struct CsvText {
  std::vector<std::string> comments;
  std::vector<std::string> header;
  std::vector<std::vector<double>> rows;
  std::string str() const {
    std::string s;
    for (const auto& c : comments) {
      s += "# " + c + "\n";
    }
    s += fmt::format("{}\n", fmt::join(header, ","));
    for (const auto& r : rows) {
      std::string line;
      for (std::size_t i = 0; i < r.size(); ++i) {
        line += fmt::format("{}{:.8g}", i == 0 ? "" : ",", r[i]);
      }
      s += line + "\n";
    }
    return s;
  }
};

/// Geometric or linear grid of n points from lo to hi.
inline std::vector<double> grid(double lo, double hi, std::size_t n, bool log) {
  std::vector<double> g(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double t = n == 1 ? 0.0 : static_cast<double>(i) / static_cast<double>(n - 1);
    g[i] = log ? lo * std::pow(hi / lo, t) : lo + (hi - lo) * t;
  }
  return g;
}

} // namespace lenu::cli
