#pragma once
/// @file Csv.hpp
/// Reader for lenu's CSV data files: '#' lines are comments (provenance headers), the first
/// other line names the columns. Values are kept as strings with their line numbers so that
/// errors name file, line and column.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace lenu {

class CsvTable {
public:
  /// Parse a file; throws Error(IoError) if unreadable, Error(ConfigError) on ragged rows.
  static CsvTable read(const std::filesystem::path& path);

  std::size_t rows() const { return m_rows.size(); }
  const std::vector<std::string>& columns() const { return m_columns; }
  /// Index of a column; throws Error(ConfigError) naming the file if absent.
  std::size_t column(std::string_view name) const;
  /// Raw string at (row, column name).
  const std::string& str(std::size_t row, std::string_view col) const;
  /// Numeric value; throws Error(ConfigError) naming file, line and column if not a number.
  double num(std::size_t row, std::string_view col) const;
  /// Source line number of a data row (1-based).
  int line(std::size_t row) const { return m_lines[row]; }
  const std::filesystem::path& path() const { return m_path; }

private:
  std::filesystem::path m_path;
  std::vector<std::string> m_columns;
  std::vector<std::vector<std::string>> m_rows;
  std::vector<int> m_lines;
};

/// Split a line at commas, honouring double quotes.
std::vector<std::string> splitCsvLine(std::string_view line);
/// Parse a double strictly (whole string, finite); returns false on failure.
bool parseDouble(std::string_view s, double& out);

} // namespace lenu
