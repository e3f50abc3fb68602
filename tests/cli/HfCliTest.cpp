// `lenu hf` run as a user would: the documented JSON keys and their physics, the pairing option, and
// the error path for an unknown nuclide or force (exit code 2, message naming the bad input).
#include <array>
#include <cmath>
#include <cstdio>
#include <string>

#include <gtest/gtest.h>

#include "CliRun.hpp"
#include <nlohmann/json.hpp>
#include <sys/wait.h>

namespace {

/// Runs the CLI with `args`; stderr is merged into the output only if `mergeStderr`.
lenu::test::CliRun runHfCli(const std::string& args, bool mergeStderr) { return lenu::test::runCli(args, mergeStderr); }

} // namespace

TEST(HfCli, Pb208JsonHasTheDocumentedKeys) {
  const auto r = runHfCli("hf Pb208 --force SLy4 --json", false);
  ASSERT_EQ(r.status, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  for (const char* k : {"binding_energy_MeV", "radii_fm", "converged", "iterations", "single_particle_states"}) {
    ASSERT_TRUE(j.contains(k)) << k;
  }
  // 208Pb: B = 1636.4 MeV (AME2020), r_ch = 5.501 fm (Angeli & Marinova 2013): SLy4 within 1%.
  const double b = j["binding_energy_MeV"].get<double>();
  EXPECT_NEAR(b, 1636.43, 0.01 * 1636.43);
  const auto& radii = j["radii_fm"];
  for (const char* k : {"proton", "neutron", "charge", "weak"}) {
    ASSERT_TRUE(radii.contains(k)) << k;
    EXPECT_GT(radii[k].get<double>(), 5.0) << k;
    EXPECT_LT(radii[k].get<double>(), 6.0) << k;
  }
  EXPECT_NEAR(radii["charge"].get<double>(), 5.501, 0.01 * 5.501);
  EXPECT_GT(radii["neutron"].get<double>(), radii["proton"].get<double>()); // neutron skin
  EXPECT_TRUE(j["converged"].get<bool>());
  EXPECT_GT(j["iterations"].get<int>(), 2);
  const auto& sps = j["single_particle_states"];
  ASSERT_TRUE(sps.is_array());
  ASSERT_GT(sps.size(), 40u);
  std::array<double, 2> count{};
  for (const auto& s : sps) {
    for (const char* k : {"n", "l", "j", "isospin", "energy_MeV", "occupation"}) {
      ASSERT_TRUE(s.contains(k)) << k << " in " << s.dump();
    }
    const int l = s["l"].get<int>();
    const double jj = s["j"].get<double>();
    EXPECT_NEAR(std::abs(jj - l), 0.5, 1e-12) << s.dump();
    EXPECT_GE(s["n"].get<int>(), 1); // spectroscopic n (1s, 1p, ...)
    const double v2 = s["occupation"].get<double>();
    EXPECT_GE(v2, 0.0);
    EXPECT_LE(v2, 1.0);
    const std::string iso = s["isospin"].get<std::string>();
    ASSERT_TRUE(iso == "proton" || iso == "neutron") << iso;
    if (v2 > 0.0) {
      EXPECT_LT(s["energy_MeV"].get<double>(), 0.0) << s.dump();
    }
    count[iso == "proton" ? 0 : 1] += (2.0 * jj + 1.0) * v2;
  }
  EXPECT_NEAR(count[0], 82.0, 1e-9); // doubly magic: occupations 0 or 1 summing to Z, N
  EXPECT_NEAR(count[1], 126.0, 1e-9);
}

TEST(HfCli, PairingOptionReachesTheSolver) {
  const auto r = runHfCli("hf Ar40 --force SLy4 --pairing filling --json", false);
  ASSERT_EQ(r.status, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  bool found = false;
  for (const auto& s : j["single_particle_states"]) {
    if (s["isospin"] == "proton" && s["n"] == 1 && s["l"] == 2 && s["j"] == 1.5) {
      EXPECT_NEAR(s["occupation"].get<double>(), 0.5, 1e-12); // 2 protons in the 1d3/2 shell
      found = true;
    }
  }
  EXPECT_TRUE(found);
  const auto bad = runHfCli("hf Ar40 --pairing magic", true);
  EXPECT_NE(bad.status, 0);
  EXPECT_NE(bad.out.find("magic"), std::string::npos) << bad.out;
}

TEST(HfCli, UnknownNuclideOrForceIsAClearError) {
  const auto r = runHfCli("hf Xx999", true);
  EXPECT_EQ(r.status, 2) << r.out;
  EXPECT_NE(r.out.find("Xx999"), std::string::npos) << "message names the bad nuclide: " << r.out;
  const auto f = runHfCli("hf Pb208 --force NoSuchForce", true);
  EXPECT_EQ(f.status, 2) << f.out;
  EXPECT_NE(f.out.find("NoSuchForce"), std::string::npos) << f.out;
  EXPECT_NE(f.out.find("SLy4"), std::string::npos) << "message lists the available forces: " << f.out;
}
