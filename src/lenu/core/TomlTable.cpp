#include "lenu/core/TomlTable.hpp"

#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "lenu/core/Error.hpp"

namespace lenu {

TomlTable::TomlTable(const toml::table& table, std::string path, std::string file)
    : m_table(&table), m_path(std::move(path)), m_file(std::move(file)) {}

void TomlTable::fail(std::string_view key, const std::string& message) const {
  const toml::node* n = m_table->get(key);
  const auto line = n != nullptr ? n->source().begin.line : m_table->source().begin.line;
  throw Error(ErrorCode::ConfigError, fmt::format("{}:{}: key '{}': {}", m_file, line, qualified(key), message));
}

void TomlTable::missing(std::string_view key, std::string_view what) const {
  throw Error(ErrorCode::ConfigError,
              fmt::format("{}:{}: missing key '{}' ({} expected)", m_file, line(), qualified(key), what));
}

std::string TomlTable::qualified(std::string_view key) const {
  return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
}

bool TomlTable::has(std::string_view key) {
  m_used.insert(std::string(key));
  return m_table->contains(key);
}

bool TomlTable::contains(std::string_view key) const { return m_table->contains(key); }

int TomlTable::line() const { return static_cast<int>(m_table->source().begin.line); }

double TomlTable::finiteAt(std::string_view key) const {
  const auto v = m_table->get(key)->value<double>();
  if (!v || !std::isfinite(*v)) {
    fail(key, "expected a finite number");
  }
  return *v;
}

double TomlTable::checkRange(std::string_view key, double v, double lo, double hi) const {
  if (v < lo || v > hi) {
    fail(key, fmt::format("value {} out of range: accepted range is [{}, {}]", v, lo, hi));
  }
  return v;
}

double TomlTable::number(std::string_view key) {
  if (!has(key)) {
    missing(key, "a number");
  }
  return finiteAt(key);
}

double TomlTable::number(std::string_view key, double lo, double hi) {
  if (!has(key)) {
    missing(key, fmt::format("a number in [{}, {}]", lo, hi));
  }
  return checkRange(key, finiteAt(key), lo, hi);
}

double TomlTable::positive(std::string_view key) {
  const double v = number(key);
  if (!(v > 0.0)) {
    fail(key, fmt::format("value {} out of range: must be > 0", v));
  }
  return v;
}

std::optional<double> TomlTable::optNumber(std::string_view key) {
  if (!has(key)) {
    return std::nullopt;
  }
  return finiteAt(key);
}

std::optional<double> TomlTable::optNumber(std::string_view key, double lo, double hi) {
  if (!has(key)) {
    return std::nullopt;
  }
  return checkRange(key, finiteAt(key), lo, hi);
}

std::optional<std::int64_t> TomlTable::optInteger(std::string_view key, std::int64_t lo, std::int64_t hi) {
  if (!has(key)) {
    return std::nullopt;
  }
  const auto v = m_table->get(key)->value_exact<std::int64_t>();
  if (!v) {
    fail(key, "expected an integer");
  }
  if (*v < lo || *v > hi) {
    fail(key, fmt::format("value {} out of range: accepted range is [{}, {}]", *v, lo, hi));
  }
  return *v;
}

std::optional<bool> TomlTable::optBool(std::string_view key) {
  if (!has(key)) {
    return std::nullopt;
  }
  const auto v = m_table->get(key)->value_exact<bool>();
  if (!v) {
    fail(key, "expected true or false");
  }
  return *v;
}

std::string TomlTable::string(std::string_view key) {
  if (!has(key)) {
    missing(key, "a string");
  }
  const auto* s = m_table->get(key)->as_string();
  if (s == nullptr) {
    fail(key, "expected a string");
  }
  return s->get();
}

std::optional<std::string> TomlTable::optString(std::string_view key) {
  if (!has(key)) {
    return std::nullopt;
  }
  return string(key);
}

std::vector<double> TomlTable::numbers(std::string_view key) {
  if (!has(key)) {
    missing(key, "an array of numbers");
  }
  const auto* a = m_table->get(key)->as_array();
  if (a == nullptr) {
    fail(key, "expected an array of numbers");
  }
  std::vector<double> out;
  for (const auto& el : *a) {
    const auto v = el.value<double>();
    if (!v) {
      fail(key, "expected an array of numbers");
    }
    out.push_back(*v);
  }
  return out;
}

std::vector<std::string> TomlTable::strings(std::string_view key) {
  std::vector<std::string> out;
  if (!has(key)) {
    return out;
  }
  const auto* a = m_table->get(key)->as_array();
  if (a == nullptr) {
    fail(key, "expected an array of strings");
  }
  for (const auto& el : *a) {
    const auto v = el.value<std::string>();
    if (!v) {
      fail(key, "expected an array of strings");
    }
    out.push_back(*v);
  }
  return out;
}

TomlTable TomlTable::sub(std::string_view key) {
  if (!has(key)) {
    // both spellings: the key, and the table header the user writes
    throw Error(ErrorCode::ConfigError, fmt::format("{}:{}: missing key '{}' (a table expected): missing table [{}]",
                                                    m_file, line(), qualified(key), qualified(key)));
  }
  const auto* t = m_table->get(key)->as_table();
  if (t == nullptr) {
    fail(key, "expected a table");
  }
  return TomlTable(*t, qualified(key), m_file);
}

std::optional<TomlTable> TomlTable::optSub(std::string_view key) {
  if (!has(key)) {
    return std::nullopt;
  }
  return sub(key);
}

std::vector<TomlTable> TomlTable::tables(std::string_view key, ElementPath naming) {
  std::vector<TomlTable> out;
  if (!has(key)) {
    return out;
  }
  const std::string expected = fmt::format("expected an array of tables ([[{}]])", qualified(key));
  const auto* a = m_table->get(key)->as_array();
  if (a == nullptr) {
    fail(key, expected);
  }
  std::size_t i = 0;
  for (const auto& el : *a) {
    const auto* t = el.as_table();
    if (t == nullptr) {
      fail(key, expected);
    }
    out.emplace_back(*t, naming == ElementPath::KeyAndIndex ? fmt::format("{}[{}]", qualified(key), i) : qualified(key),
                     m_file);
    ++i;
  }
  return out;
}

void TomlTable::finish() const {
  for (const auto& [k, node] : *m_table) {
    if (m_used.count(std::string(k.str())) == 0U) {
      throw Error(ErrorCode::ConfigError,
                  fmt::format("{}:{}: unknown key '{}' (accepted here: {})", m_file, node.source().begin.line,
                              qualified(k.str()), fmt::join(m_used, ", ")));
    }
  }
}

} // namespace lenu
