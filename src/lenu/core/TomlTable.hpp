#pragma once
/// @file TomlTable.hpp
/// Key bookkeeping for one table of a TOML input file (STYLE.md rule 3: files are parsed once at
/// the edge into typed structs; unknown keys are errors that name the file, line and key).
/// Used by the experiment files (models), the supernova detector files (supernova) and the
/// generator configuration (generator). Every error is Error(ConfigError) with one of the forms
///   FILE:LINE: key 'PATH.KEY': MESSAGE           (a value that is there but wrong; LINE of the key)
///   FILE:LINE: missing key 'PATH.KEY' (WHAT expected)   (LINE of the table)
///   FILE:LINE: unknown key 'PATH.KEY' (accepted here: ...)   (LINE of the key)

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

namespace lenu {

/// One TOML table with the file it came from and its dotted path in that file. Every accessor
/// marks its key as known; finish() then rejects any key of the table that no accessor asked for.
/// Holds a reference to the parsed table: the toml::table must outlive this object.
class TomlTable {
public:
  /// How the tables of an array of tables ([[key]]) are named in messages.
  enum class ElementPath {
    Key,         ///< "path.key" for every element
    KeyAndIndex, ///< "path.key[i]", i counted from 0
  };

  /// @param table  the parsed table
  /// @param path   its dotted path in the file ("" for the root table), the prefix of key names
  /// @param file   the file name printed in messages
  TomlTable(const toml::table& table, std::string path, std::string file);

  /// Throws Error(ConfigError) "FILE:LINE: key 'PATH.KEY': message", LINE of the key if it is
  /// present, else of the table.
  [[noreturn]] void fail(std::string_view key, const std::string& message) const;
  /// Throws Error(ConfigError) "FILE:LINE: missing key 'PATH.KEY' (what expected)", LINE of the table.
  [[noreturn]] void missing(std::string_view key, std::string_view what) const;
  /// "PATH.KEY" (or "KEY" in the root table).
  std::string qualified(std::string_view key) const;
  /// Marks the key as known; true if the table has it.
  bool has(std::string_view key);
  /// True if the table has the key; does not mark it as known.
  bool contains(std::string_view key) const;
  /// Line of the table in the file (1-based).
  int line() const;

  /// A finite number (integer or float), required. Throws if missing or not a finite number.
  double number(std::string_view key);
  /// A finite number in [lo, hi], required.
  double number(std::string_view key, double lo, double hi);
  /// A finite number > 0, required.
  double positive(std::string_view key);
  /// A finite number if the key is present, else nullopt.
  std::optional<double> optNumber(std::string_view key);
  /// A finite number in [lo, hi] if the key is present, else nullopt.
  std::optional<double> optNumber(std::string_view key, double lo, double hi);
  /// An integer (not a float) in [lo, hi] if the key is present, else nullopt.
  std::optional<std::int64_t> optInteger(std::string_view key, std::int64_t lo, std::int64_t hi);
  /// true or false if the key is present, else nullopt.
  std::optional<bool> optBool(std::string_view key);
  /// A string, required.
  std::string string(std::string_view key);
  /// A string if the key is present, else nullopt.
  std::optional<std::string> optString(std::string_view key);
  /// An array of numbers, required (elements need not be finite).
  std::vector<double> numbers(std::string_view key);
  /// An array of strings; empty if the key is absent.
  std::vector<std::string> strings(std::string_view key);
  /// The sub-table [PATH.KEY], required.
  TomlTable sub(std::string_view key);
  /// The sub-table [PATH.KEY] if the key is present, else nullopt.
  std::optional<TomlTable> optSub(std::string_view key);
  /// The tables of the array of tables [[PATH.KEY]]; empty if the key is absent.
  std::vector<TomlTable> tables(std::string_view key, ElementPath naming = ElementPath::Key);

  /// Throws Error(ConfigError) on the first key of the table that no accessor asked for.
  void finish() const;

private:
  double finiteAt(std::string_view key) const;
  double checkRange(std::string_view key, double v, double lo, double hi) const;

  const toml::table* m_table;
  std::string m_path;
  std::string m_file;
  std::set<std::string> m_used;
};

} // namespace lenu
