#pragma once
/// @file DiskCache.hpp
/// A directory of cached numerical results (arrays of doubles), each stored under a key string
/// that names every input it depends on. Used by expensive models (CrpaResponse) so that a second
/// run with the same inputs reads its results instead of recomputing them.
///
/// One file per key, named by a 64-bit FNV-1a hash of the key. File layout (native byte order):
///   "LENUCACHE1\n" | uint64 key length | key bytes | uint64 value count | values (double) |
///   uint64 FNV-1a checksum of key bytes and value bytes.
/// A read is accepted only if the magic, the full key (not just its hash), the file size implied
/// by the counts and the checksum all match; anything else (another key under a colliding name,
/// a truncated or corrupt file, an older layout) is a miss, so a stale or damaged file is never
/// used. Writes go to a unique temporary file in the same directory that is then renamed over
/// the final name (atomic on POSIX file systems), so concurrent readers see the old file or the
/// new one, never a partial one. The cache is best effort: a directory that cannot be created
/// or written makes store() do nothing (the caller has computed the values anyway).

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lenu {

/// 64-bit FNV-1a hash of bytes, continuing from `seed` (FNV offset basis by default).
std::uint64_t fnv1a64(const void* data, std::size_t size, std::uint64_t seed = 14695981039346656037ull);

class DiskCache {
public:
  /// A cache in `directory` (created on the first store). An empty path disables the cache.
  explicit DiskCache(std::filesystem::path directory = {});
  /// The default cache directory from the environment: empty (disabled) if LENU_NO_CACHE=1, else
  /// $LENU_CACHE_DIR, else $XDG_CACHE_HOME/lenu, else $HOME/.cache/lenu, else empty.
  static std::filesystem::path defaultDirectory();
  bool enabled() const { return !m_dir.empty(); }
  const std::filesystem::path& directory() const { return m_dir; }
  /// File that holds `key` (whether or not it exists).
  std::filesystem::path fileFor(std::string_view key) const;
  /// The values stored under `key`, or nothing (disabled, absent, mismatched or corrupt file).
  std::optional<std::vector<double>> load(std::string_view key) const;
  /// Stores `values` under `key` (write to a temporary file, then rename). Returns false if the
  /// cache is disabled or the file could not be written.
  bool store(std::string_view key, const std::vector<double>& values) const;

private:
  std::filesystem::path m_dir;
};

} // namespace lenu
