// The `lenu xsec cc|nc` commands (run through the built CLI; skipped if it has not been built).
#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "CliRun.hpp"
#include <nlohmann/json.hpp>

namespace {
using lenu::test::CliRun;

lenu::test::CliRun runLenu(const std::string& args) { return lenu::test::runCli(args, true); }

bool haveCli() { return std::filesystem::exists(LENU_CLI_PATH); }

} // namespace

TEST(InelasticCli, ChargedCurrentJsonKeys) {
  if (!haveCli()) GTEST_SKIP() << "lenu CLI not built";
  const CliRun r = runLenu("xsec cc Ar40 --energy 30 --model allowed --json");
  ASSERT_EQ(r.status, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_GT(j.at("sigma_cm2").get<double>(), 1e-40);
  EXPECT_LT(j.at("sigma_cm2").get<double>(), 1e-39);
  EXPECT_TRUE(j.at("by_multipole").contains("1+"));
  EXPECT_TRUE(j.at("by_multipole").contains("0+"));
  const CliRun f = runLenu("xsec cc Ar40 --model allowed --flux dar-nue --json");
  ASSERT_EQ(f.status, 0) << f.out;
  EXPECT_GT(nlohmann::json::parse(f.out).at("flux_averaged_xsec_cm2").get<double>(), 1e-40);
}

TEST(InelasticCli, MeanFieldNeutralCurrentAndErrors) {
  if (!haveCli()) GTEST_SKIP() << "lenu CLI not built";
  const CliRun r = runLenu("xsec nc O16 --energy 50 --model ws --json");
  ASSERT_EQ(r.status, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_GT(j.at("sigma_cm2").get<double>(), 0.0);
  EXPECT_LT(j.at("highest_multipole_share").get<double>(), 1e-3);
  const CliRun bad = runLenu("xsec cc Xx12 --energy 30");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.out.find("UnknownNuclide"), std::string::npos);
  const CliRun badFlavour = runLenu("xsec cc Ar40 --flavour nusterile");
  EXPECT_EQ(badFlavour.status, 2);
  EXPECT_NE(badFlavour.out.find("nusterile"), std::string::npos);
  const CliRun below = runLenu("xsec cc Ar40 --energy 1 --model allowed --json");
  ASSERT_EQ(below.status, 0);
  EXPECT_EQ(nlohmann::json::parse(below.out).at("sigma_cm2").get<double>(), 0.0);
}
