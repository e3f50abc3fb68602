#pragma once
/// @file Diagnostics.hpp
/// Warnings of library code that computes on regardless (a model channel left out, an input
/// outside its tabulated range): collected here instead of printed, so the caller decides where
/// they go (the `lenu` commands print them on stderr and record them in the run summary). One
/// Diagnostics object is passed in by whoever builds the model (no global logger); it is
/// thread-safe and reports each key once.

#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace lenu {

class Diagnostics {
public:
  /// Called once per new warning, outside the internal lock, possibly from several threads at
  /// once (it must be thread-safe itself).
  using Sink = std::function<void(const std::string& message)>;
  explicit Diagnostics(Sink sink = {}) : m_sink(std::move(sink)) {}
  Diagnostics(const Diagnostics&) = delete;
  Diagnostics& operator=(const Diagnostics&) = delete;

  /// Record `message` under `key` unless `key` was recorded before; true if it is new.
  bool warnOnce(const std::string& key, const std::string& message);
  /// The recorded warnings, in the order they were first reported (which may depend on thread
  /// timing; sort them for reproducible output).
  std::vector<std::string> warnings() const;

private:
  mutable std::mutex m_mutex;
  std::set<std::string> m_keys;
  std::vector<std::string> m_messages;
  Sink m_sink;
};

} // namespace lenu
