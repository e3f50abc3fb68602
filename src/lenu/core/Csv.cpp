#include "lenu/core/Csv.hpp"

#include <charconv>
#include <cmath>
#include <fstream>

#include <fmt/format.h>

#include "lenu/core/Error.hpp"

namespace lenu {

std::vector<std::string> splitCsvLine(std::string_view line) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      out.push_back(cur);
      cur.clear();
    } else if (c != '\r') {
      cur.push_back(c);
    }
  }
  out.push_back(cur);
  for (auto& s : out) {
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    s = b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  }
  return out;
}

bool parseDouble(std::string_view s, double& out) {
  if (s.empty()) {
    return false;
  }
  if (s.front() == '+') {
    s.remove_prefix(1);
  }
  const auto* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, out);
  return ec == std::errc() && ptr == end && std::isfinite(out);
}

CsvTable CsvTable::read(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) {
    throw Error(ErrorCode::IoError, fmt::format("cannot open '{}'", path.string()));
  }
  CsvTable t;
  t.m_path = path;
  std::string line;
  int lineNo = 0;
  while (std::getline(in, line)) {
    ++lineNo;
    if (line.empty() || line[0] == '#' || line.find_first_not_of(" \t\r") == std::string::npos) {
      continue;
    }
    auto fields = splitCsvLine(line);
    if (t.m_columns.empty()) {
      t.m_columns = std::move(fields);
      continue;
    }
    if (fields.size() != t.m_columns.size()) {
      throw Error(ErrorCode::ConfigError,
                  fmt::format("{}:{}: expected {} columns, found {}", path.string(), lineNo,
                              t.m_columns.size(), fields.size()));
    }
    t.m_rows.push_back(std::move(fields));
    t.m_lines.push_back(lineNo);
  }
  if (t.m_columns.empty()) {
    throw Error(ErrorCode::ConfigError, fmt::format("{}: no header line", path.string()));
  }
  return t;
}

std::size_t CsvTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < m_columns.size(); ++i) {
    if (m_columns[i] == name) {
      return i;
    }
  }
  throw Error(ErrorCode::ConfigError,
              fmt::format("{}: missing column '{}'", m_path.string(), name));
}

const std::string& CsvTable::str(std::size_t row, std::string_view col) const {
  return m_rows.at(row).at(column(col));
}

double CsvTable::num(std::size_t row, std::string_view col) const {
  double v = 0.0;
  const auto& s = str(row, col);
  if (!parseDouble(s, v)) {
    throw Error(ErrorCode::ConfigError,
                fmt::format("{}:{}: column '{}' holds '{}', expected a finite number",
                            m_path.string(), m_lines[row], col, s));
  }
  return v;
}

} // namespace lenu
