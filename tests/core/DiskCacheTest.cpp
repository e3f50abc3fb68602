// DiskCache: exact round trip, and every damaged or mismatched file is a miss (never read stale).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "lenu/core/DiskCache.hpp"

using namespace lenu;
namespace fs = std::filesystem;

namespace {
fs::path tempDir(const char* tag) {
  std::random_device rd;
  const fs::path d = fs::temp_directory_path() / ("lenu-cache-test-" + std::string(tag) + "-" + std::to_string(rd()));
  fs::remove_all(d);
  return d;
}
} // namespace

TEST(DiskCache, RoundTripIsExact) {
  const fs::path dir = tempDir("roundtrip");
  const DiskCache c(dir);
  const std::vector<double> v = {1.0 / 3.0, -2.5e-300, 7.0, 0.0};
  EXPECT_FALSE(c.load("key A").has_value());
  ASSERT_TRUE(c.store("key A", v));
  const auto got = c.load("key A");
  ASSERT_TRUE(got.has_value());
  ASSERT_EQ(got->size(), v.size());
  for (std::size_t i = 0; i < v.size(); ++i) EXPECT_EQ((*got)[i], v[i]);
  EXPECT_FALSE(c.load("key B").has_value());
  // no temporary file left behind
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir)) { ++files; EXPECT_EQ(e.path().extension(), ".bin"); }
  EXPECT_EQ(files, 1);
  fs::remove_all(dir);
}

TEST(DiskCache, DamagedOrForeignFilesAreMisses) {
  const fs::path dir = tempDir("damaged");
  const DiskCache c(dir);
  const std::vector<double> v(100, 2.0);
  ASSERT_TRUE(c.store("key A", v));
  const fs::path f = c.fileFor("key A");
  const auto size = fs::file_size(f);
  // another key's file under this key's name (a hash collision): the stored key is compared
  ASSERT_TRUE(c.store("key B", v));
  fs::copy_file(c.fileFor("key B"), f, fs::copy_options::overwrite_existing);
  EXPECT_FALSE(c.load("key A").has_value());
  // truncated
  ASSERT_TRUE(c.store("key A", v));
  fs::resize_file(f, size - 8);
  EXPECT_FALSE(c.load("key A").has_value());
  fs::resize_file(f, 20);
  EXPECT_FALSE(c.load("key A").has_value());
  // one payload byte changed: the checksum fails
  ASSERT_TRUE(c.store("key A", v));
  {
    std::fstream io(f, std::ios::in | std::ios::out | std::ios::binary);
    io.seekp(static_cast<std::streamoff>(size / 2));
    io.put('\x5a');
  }
  EXPECT_FALSE(c.load("key A").has_value());
  // extra bytes appended
  ASSERT_TRUE(c.store("key A", v));
  { std::ofstream app(f, std::ios::binary | std::ios::app); app.put('x'); }
  EXPECT_FALSE(c.load("key A").has_value());
  // rewritten: valid again
  ASSERT_TRUE(c.store("key A", v));
  EXPECT_TRUE(c.load("key A").has_value());
  fs::remove_all(dir);
}

TEST(DiskCache, DisabledCacheStoresNothing) {
  const DiskCache c;
  EXPECT_FALSE(c.enabled());
  EXPECT_FALSE(c.store("k", {1.0}));
  EXPECT_FALSE(c.load("k").has_value());
}
