// Disk cache of CRPA responses (issue 8): a second construction and evaluation reads the cache
// and returns bit-identical responses; changing one input (force, grid, smearing) misses it; a
// truncated cache file is detected and recomputed. Every test uses its own temporary directory.
#include <cstring>
#include <filesystem>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "lenu/inelastic/CrpaResponse.hpp"
#include "lenu/inelastic/HartreeFockMeanField.hpp"

using namespace lenu;
using namespace lenu::inelastic;
namespace fs = std::filesystem;

namespace {
std::shared_ptr<const HartreeFockMeanField> o16() {
  static const auto f = [] {
    HartreeFockConfig hc;
    hc.pairing.mode = PairingMode::Filling;
    return HartreeFockMeanField::solve(HartreeFockSolver(SkyrmeForce::load("SkM*"), hc), 8, 8);
  }();
  return f;
}

struct TempDir {
  fs::path path;
  TempDir() {
    std::random_device rd;
    path = fs::temp_directory_path() / ("lenu-crpa-cache-" + std::to_string(rd()));
    fs::remove_all(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::set<std::string> files() const {
    std::set<std::string> out;
    if (fs::exists(path))
      for (const auto& e : fs::directory_iterator(path)) out.insert(e.path().filename().string());
    return out;
  }
};

CrpaConfig config(const TempDir& d) {
  CrpaConfig c;
  c.maxJ = 1;
  c.cacheDirectory = d.path.string();
  return c;
}

std::vector<double> flat(const std::vector<ResponseSet>& sets) {
  std::vector<double> v;
  for (const auto& s : sets)
    for (const auto& m : s.byMultipole)
      for (double x : {double(m.J), double(m.parity), m.W.CC, m.W.CL, m.W.LL, m.W.T, m.W.TP}) v.push_back(x);
  return v;
}

bool bitIdentical(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

ino_t inode(const fs::path& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 ? st.st_ino : 0;
}

const std::vector<double> kQ = {60.0, 180.0};
constexpr double kOmega = 22.0;
} // namespace

TEST(CrpaCache, SecondEvaluationReadsTheCacheBitIdentical) {
  TempDir d;
  const CrpaResponse r1(o16(), SkyrmeForce::load("SkM*"), ResponseMode::NeutralCurrent, config(d));
  ASSERT_TRUE(r1.cache().enabled());
  const auto a = flat(r1.continuumResponses(kOmega, kQ));
  ASSERT_FALSE(a.empty());
  const auto files = d.files();
  ASSERT_EQ(files.size(), 1u); // one entry (N = Z: no analog-state scan)
  const fs::path f = d.path / *files.begin();
  const ino_t before = inode(f);
  const CrpaResponse r2(o16(), SkyrmeForce::load("SkM*"), ResponseMode::NeutralCurrent, config(d));
  EXPECT_EQ(r2.cacheKey(), r1.cacheKey());
  const auto b = flat(r2.continuumResponses(kOmega, kQ));
  EXPECT_TRUE(bitIdentical(a, b));
  EXPECT_EQ(d.files(), files);
  EXPECT_EQ(inode(f), before); // read, not rewritten
  // the same evaluation without the cache: identical values (the cache stores them exactly)
  CrpaConfig off = config(d);
  off.diskCache = false;
  const CrpaResponse r3(o16(), SkyrmeForce::load("SkM*"), ResponseMode::NeutralCurrent, off);
  EXPECT_FALSE(r3.cache().enabled());
  EXPECT_TRUE(bitIdentical(flat(r3.continuumResponses(kOmega, kQ)), a));
}

TEST(CrpaCache, ChangingOneInputMissesTheCache) {
  TempDir d;
  const CrpaResponse base(o16(), SkyrmeForce::load("SkM*"), ResponseMode::NeutralCurrent, config(d));
  const auto a = flat(base.continuumResponses(kOmega, kQ));
  std::size_t expected = d.files().size();
  ASSERT_EQ(expected, 1u);
  auto check = [&](const CrpaResponse& r, const char* what) {
    EXPECT_NE(r.cacheKey(), base.cacheKey()) << what;
    const auto b = flat(r.continuumResponses(kOmega, kQ));
    EXPECT_EQ(d.files().size(), ++expected) << what << ": a new entry, the old one not reused";
    EXPECT_FALSE(bitIdentical(a, b)) << what;
  };
  {
    SkyrmeForce f = SkyrmeForce::load("SkM*");
    f.t3 *= 1.01; // the force (same name)
    check(CrpaResponse(o16(), f, ResponseMode::NeutralCurrent, config(d)), "t3");
  }
  {
    CrpaConfig c = config(d);
    c.coarseStep = 0.3; // the RPA grid
    check(CrpaResponse(o16(), SkyrmeForce::load("SkM*"), ResponseMode::NeutralCurrent, c), "coarseStep");
  }
  {
    CrpaConfig c = config(d);
    c.eta = 0.6;
    check(CrpaResponse(o16(), SkyrmeForce::load("SkM*"), ResponseMode::NeutralCurrent, c), "eta");
  }
  {
    CrpaConfig c = config(d);
    c.interaction.spinChannel = false;
    check(CrpaResponse(o16(), SkyrmeForce::load("SkM*"), ResponseMode::NeutralCurrent, c), "spinChannel");
  }
  {
    CrpaConfig c = config(d);
    c.interaction.gradientTerms = false;
    check(CrpaResponse(o16(), SkyrmeForce::load("SkM*"), ResponseMode::NeutralCurrent, c), "gradientTerms");
  }
  {
    CrpaConfig c = config(d);
    c.interaction.currentTerms = false;
    check(CrpaResponse(o16(), SkyrmeForce::load("SkM*"), ResponseMode::NeutralCurrent, c), "currentTerms");
  }
  {
    CrpaConfig c = config(d);
    c.interaction.exactTau = false;
    check(CrpaResponse(o16(), SkyrmeForce::load("SkM*"), ResponseMode::NeutralCurrent, c), "exactTau");
  }
  // the evaluation point is part of the key too
  const auto b = flat(base.continuumResponses(kOmega + 1.0, kQ));
  EXPECT_EQ(d.files().size(), ++expected);
  EXPECT_FALSE(bitIdentical(a, b));
}

TEST(CrpaCache, TruncatedFileIsDetectedAndRecomputed) {
  TempDir d;
  const CrpaResponse r(o16(), SkyrmeForce::load("SkM*"), ResponseMode::NeutralCurrent, config(d));
  const auto a = flat(r.continuumResponses(kOmega, kQ));
  const auto files = d.files();
  ASSERT_EQ(files.size(), 1u);
  const fs::path f = d.path / *files.begin();
  const auto size = fs::file_size(f);
  fs::resize_file(f, size / 2);
  const ino_t before = inode(f);
  const auto b = flat(r.continuumResponses(kOmega, kQ));
  EXPECT_TRUE(bitIdentical(a, b));
  EXPECT_EQ(fs::file_size(f), size); // rewritten whole
  EXPECT_NE(inode(f), before);       // by rename of a new file
}
