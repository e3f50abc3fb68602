#include "lenu/core/DiskCache.hpp"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <system_error>
#include <thread>

#include <fmt/format.h>
#include <unistd.h>

namespace lenu {

namespace {
constexpr char kMagic[] = "LENUCACHE1\n";
constexpr std::size_t kMagicSize = sizeof(kMagic) - 1;

std::uint64_t checksum(std::string_view key, const double* v, std::size_t n) {
  return fnv1a64(v, n * sizeof(double), fnv1a64(key.data(), key.size()));
}
} // namespace

std::uint64_t fnv1a64(const void* data, std::size_t size, std::uint64_t seed) {
  const auto* p = static_cast<const unsigned char*>(data);
  std::uint64_t h = seed;
  for (std::size_t i = 0; i < size; ++i) {
    h ^= p[i];
    h *= 1099511628211ull; // FNV-1a 64-bit prime
  }
  return h;
}

DiskCache::DiskCache(std::filesystem::path directory) : m_dir(std::move(directory)) {}

std::filesystem::path DiskCache::defaultDirectory() {
  auto env = [](const char* name) -> std::string {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
  };
  if (env("LENU_NO_CACHE") == "1") return {};
  if (const auto d = env("LENU_CACHE_DIR"); !d.empty()) return d;
  if (const auto d = env("XDG_CACHE_HOME"); !d.empty()) return std::filesystem::path(d) / "lenu";
  if (const auto d = env("HOME"); !d.empty()) return std::filesystem::path(d) / ".cache" / "lenu";
  return {};
}

std::filesystem::path DiskCache::fileFor(std::string_view key) const {
  return m_dir / fmt::format("{:016x}.bin", fnv1a64(key.data(), key.size()));
}

std::optional<std::vector<double>> DiskCache::load(std::string_view key) const {
  if (!enabled()) return std::nullopt;
  std::ifstream in(fileFor(key), std::ios::binary);
  if (!in) return std::nullopt;
  in.seekg(0, std::ios::end);
  const auto fileSize = static_cast<std::uint64_t>(in.tellg());
  in.seekg(0, std::ios::beg);
  char magic[kMagicSize];
  std::uint64_t keyLen = 0, count = 0, sum = 0;
  if (!in.read(magic, kMagicSize) || std::memcmp(magic, kMagic, kMagicSize) != 0) return std::nullopt;
  if (!in.read(reinterpret_cast<char*>(&keyLen), sizeof keyLen) || keyLen != key.size()) return std::nullopt;
  std::string stored(key.size(), '\0');
  if (!in.read(stored.data(), static_cast<std::streamsize>(keyLen)) || stored != key) return std::nullopt;
  if (!in.read(reinterpret_cast<char*>(&count), sizeof count)) return std::nullopt;
  const std::uint64_t header = kMagicSize + 2 * sizeof(std::uint64_t) + keyLen;
  if (count > (fileSize - header) / sizeof(double) || fileSize != header + count * sizeof(double) + sizeof sum)
    return std::nullopt;
  std::vector<double> values(count);
  if (!in.read(reinterpret_cast<char*>(values.data()), static_cast<std::streamsize>(count * sizeof(double))))
    return std::nullopt;
  if (!in.read(reinterpret_cast<char*>(&sum), sizeof sum) || sum != checksum(key, values.data(), values.size()))
    return std::nullopt;
  return values;
}

bool DiskCache::store(std::string_view key, const std::vector<double>& values) const {
  if (!enabled()) return false;
  std::error_code ec;
  std::filesystem::create_directories(m_dir, ec);
  if (ec) return false;
  const auto final = fileFor(key);
  // unique temporary name: process, thread and a random token (no shared counter)
  std::random_device rd;
  const auto tmp = std::filesystem::path(final).concat(
      fmt::format(".tmp.{}.{:x}.{:08x}", static_cast<long>(::getpid()),
                  std::hash<std::thread::id>{}(std::this_thread::get_id()), rd()));
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    const std::uint64_t keyLen = key.size(), count = values.size(), sum = checksum(key, values.data(), values.size());
    out.write(kMagic, kMagicSize);
    out.write(reinterpret_cast<const char*>(&keyLen), sizeof keyLen);
    out.write(key.data(), static_cast<std::streamsize>(key.size()));
    out.write(reinterpret_cast<const char*>(&count), sizeof count);
    out.write(reinterpret_cast<const char*>(values.data()), static_cast<std::streamsize>(values.size() * sizeof(double)));
    out.write(reinterpret_cast<const char*>(&sum), sizeof sum);
    out.close();
    if (!out) {
      std::filesystem::remove(tmp, ec);
      return false;
    }
  }
  std::filesystem::rename(tmp, final, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return false;
  }
  return true;
}

} // namespace lenu
