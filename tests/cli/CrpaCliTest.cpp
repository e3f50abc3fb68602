// `--model crpa` wherever `--model hf` works: xsec cc / nc (JSON), and the RPA reduction of the
// 12C CC cross section at 30 MeV relative to the mean-field model (J <= 1 to stay fast).
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "CliRun.hpp"

namespace {
bool haveCli() { return std::filesystem::exists(LENU_CLI_PATH); }
double sigma(const std::string& args) {
  const auto r = lenu::test::runCli(args, true);
  EXPECT_EQ(r.status, 0) << r.out;
  if (r.status != 0) return -1.0;
  return nlohmann::json::parse(r.out).at("sigma_cm2").get<double>();
}
} // namespace

TEST(CrpaCli, CrpaModelInXsecCommands) {
  if (!haveCli()) GTEST_SKIP() << "lenu CLI not built";
  const double hf = sigma("xsec cc C12 --energy 30 --model hf --maxj 2 --multipole-tolerance 0.5 --json");
  const double crpa = sigma("xsec cc C12 --energy 30 --model crpa --maxj 2 --multipole-tolerance 0.5 --json");
  const double crpaF = sigma("xsec cc C12 --energy 30 --model crpa:SkM* --maxj 2 --multipole-tolerance 0.5 --json");
  EXPECT_GT(crpa, 0.0);
  EXPECT_LT(crpa, hf); // repulsive spin-isospin interaction moves GT strength up: smaller sigma
  EXPECT_DOUBLE_EQ(crpa, crpaF);
  // maxj 1: the NC CRPA with the current and tau channels is ~7x slower than before (docs/physics.md)
  EXPECT_GT(sigma("xsec nc O16 --energy 40 --model crpa --maxj 1 --multipole-tolerance 0.5 --json"), 0.0);
  const auto bad = lenu::test::runCli("xsec cc C12 --energy 30 --model crpa:NoSuchForce --json", true);
  EXPECT_NE(bad.status, 0);
}
