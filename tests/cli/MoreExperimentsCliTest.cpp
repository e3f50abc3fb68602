// `lenu predict` with the experiment files of issue 12 and the 40Ar allowed-table choice of issue 8
// (run through the built CLI; skipped if it has not been built).
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "CliRun.hpp"
#include <nlohmann/json.hpp>

namespace {
lenu::test::CliRun runLenu(const std::string& args) { return lenu::test::runCli(args, true); }
bool haveCli() { return std::filesystem::exists(LENU_CLI_PATH); }
} // namespace

// The published 127I measurement is carried into the JSON and printed next to the channel; the
// allowed model has no 127I table, so the channel carries a note instead of a number.
TEST(MoreExperimentsCli, NaIReferencePrintedWithInelasticPrediction) {
  if (!haveCli()) GTEST_SKIP() << "lenu CLI not built";
  const auto r = runLenu("predict coherent-nai-2023 --no-files --inelastic allowed --json");
  ASSERT_EQ(r.status, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  const auto& ref = j.at("inelastic").at("reference").at(0);
  EXPECT_EQ(ref.at("nuclide"), "I127");
  EXPECT_DOUBLE_EQ(ref.at("measured_flux_averaged_xsec_cm2").get<double>(), 9.2e-40);
  EXPECT_DOUBLE_EQ(ref.at("measured_flux_averaged_xsec_error_plus_cm2").get<double>(), 2.1e-40);
  bool noted = false;
  for (const auto& c : j["inelastic"]["channels"]) {
    if (c["nuclide"] == "I127" && c["channel"] == "CC" && c["flavour"] == "nue") noted = c.contains("note");
  }
  EXPECT_TRUE(noted);
  const auto t = runLenu("predict coherent-nai-2023 --no-files --inelastic allowed");
  ASSERT_EQ(t.status, 0) << t.out;
  EXPECT_NE(t.out.find("Published I127 CC nue: measured <sigma> = 9.20 +2.10 -1.80 x 1e-40 cm^2"), std::string::npos) << t.out;
}

// The completed (MARLEY) 40Ar table raises the DAR flux average over the measured-only table, and
// an unknown table name is a typed error that names the available ones.
TEST(MoreExperimentsCli, Argon40AllowedTables) {
  if (!haveCli()) GTEST_SKIP() << "lenu CLI not built";
  const auto a = runLenu("xsec cc Ar40 --model allowed --flux dar-nue --json");
  const auto b = runLenu("xsec cc Ar40 --model allowed:bhattacharya-cheoun --flux dar-nue --json");
  ASSERT_EQ(a.status, 0) << a.out;
  ASSERT_EQ(b.status, 0) << b.out;
  const double sa = nlohmann::json::parse(a.out).at("flux_averaged_xsec_cm2").get<double>();
  const double sb = nlohmann::json::parse(b.out).at("flux_averaged_xsec_cm2").get<double>();
  EXPECT_GT(sb / sa, 1.1);
  EXPECT_LT(sb / sa, 2.42);
  const auto bad = runLenu("xsec cc Ar40 --model allowed:qrpa --energy 30");
  EXPECT_EQ(bad.status, 2) << bad.out;
  EXPECT_NE(bad.out.find("bhattacharya-cheoun"), std::string::npos) << bad.out;
}

// JSNS2: counts per GWh, two-bunch source in the description.
TEST(MoreExperimentsCli, Jsns2Predicts) {
  if (!haveCli()) GTEST_SKIP() << "lenu CLI not built";
  const auto r = runLenu("predict jsns2 --no-files --json");
  ASSERT_EQ(r.status, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_NEAR(j.at("exposure").at("protons_on_target").get<double>() / 7.4898e21, 1.0, 1e-3);
  EXPECT_NEAR(j.at("exposure").at("distance_m").get<double>(), 24.0, 1e-12);
}
