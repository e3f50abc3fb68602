// The `lenu response` command (run through the built CLI; skipped if it has not been built).
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "CliRun.hpp"

namespace {
using lenu::test::CliRun;
bool haveCli() { return std::filesystem::exists(LENU_CLI_PATH); }
CliRun run(const std::string& args, bool merge = true) { return lenu::test::runCli(args, merge); }
} // namespace

TEST(ResponseCli, MonopoleJsonMomentsAndEwsr) {
  if (!haveCli()) GTEST_SKIP() << "lenu CLI not built";
  const CliRun r = run("response O16 --operator IS0 --model hf --force SkM* --range 0:100:21 --eta 0.5 --json", false);
  ASSERT_EQ(r.status, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  for (const char* k : {"m0", "m1", "centroid_MeV", "ewsr_fraction", "m_minus1", "lines", "curve"}) EXPECT_TRUE(j.contains(k)) << k;
  // The mean field exhausts its own double commutator (hbar^2/2m*(r)) over 0..100 MeV ...
  EXPECT_NEAR(j.at("m1").get<double>() / j.at("ewsr_reference_mean_field").get<double>(), 1.0, 0.02);
  // ... which exceeds the functional's bare-mass EWSR by the effective-mass factor.
  EXPECT_GT(j.at("ewsr_fraction").get<double>(), 1.05);
  EXPECT_LT(j.at("ewsr_fraction").get<double>(), 1.3);
  const double c = j.at("centroid_MeV").get<double>();
  EXPECT_GT(c, 15.0);
  EXPECT_LT(c, 40.0);
  EXPECT_EQ(j.at("curve").at("E_MeV").size(), 21u);
  EXPECT_EQ(j.at("strength_unit").get<std::string>(), "fm^4/MeV");
}

TEST(ResponseCli, GamowTellerIkedaAndOutputs) {
  if (!haveCli()) GTEST_SKIP() << "lenu CLI not built";
  const auto dir = std::filesystem::temp_directory_path() / "lenu_response_cli";
  std::filesystem::create_directories(dir);
  const std::string csv = (dir / "gt.csv").string(), png = (dir / "gt.png").string();
  const CliRun r = run("response Ca48 --operator GT --range -10:60:15 --json --csv " + csv + " --plot " + png, false);
  ASSERT_EQ(r.status, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j.at("ewsr_fraction").is_null()); // charge exchange: the non-energy-weighted sum rule instead
  EXPECT_NEAR(j.at("sum_rule").at("fraction").get<double>(), 1.0, 0.01);
  EXPECT_DOUBLE_EQ(j.at("sum_rule").at("reference").get<double>(), 24.0);
  EXPECT_FALSE(j.at("lines").empty());
  EXPECT_EQ(j.at("strength_unit").get<std::string>(), "1/MeV");
  EXPECT_TRUE(std::filesystem::exists(csv));
  EXPECT_TRUE(std::filesystem::exists(png));
  std::filesystem::remove_all(dir);
  const CliRun t = run("response Ca40 --operator IV1 --model ws --range 0:40:5 --eta 0 --data");
  ASSERT_EQ(t.status, 0) << t.out;
  EXPECT_NE(t.out.find("TRK"), std::string::npos);
  EXPECT_NE(t.out.find("Ca40"), std::string::npos);
  EXPECT_NE(t.out.find("centroid m1/m0"), std::string::npos);
}

TEST(ResponseCli, HelpAndBadInput) {
  if (!haveCli()) GTEST_SKIP() << "lenu CLI not built";
  const CliRun h = run("response --help");
  EXPECT_EQ(h.status, 0);
  for (const char* s : {"IS0", "fm^4/MeV", "Gamow-Teller", "TRK", "Examples"}) EXPECT_NE(h.out.find(s), std::string::npos) << s;
  const CliRun op = run("response O16 --operator E9");
  EXPECT_EQ(op.status, 2);
  EXPECT_NE(op.out.find("E9"), std::string::npos);
  EXPECT_NE(op.out.find("IS0"), std::string::npos);
  const CliRun nuc = run("response Xx99 --operator IS0");
  EXPECT_EQ(nuc.status, 2);
  EXPECT_NE(nuc.out.find("UnknownNuclide"), std::string::npos);
  for (const char* eta : {"-0.5", "nan", "25"}) {
    const CliRun e = run(std::string("response O16 --operator IS0 --eta ") + eta);
    EXPECT_EQ(e.status, 2) << eta << ": " << e.out;
    EXPECT_NE(e.out.find("eta"), std::string::npos) << e.out;
  }
  for (const char* rg : {"10:5:3", "0:40", "nan:40:5", "0:40:1"}) {
    const CliRun e = run(std::string("response O16 --operator IS0 --range ") + rg);
    EXPECT_EQ(e.status, 2) << rg << ": " << e.out;
    EXPECT_NE(e.out.find("--range"), std::string::npos) << e.out;
  }
  const CliRun model = run("response O16 --operator IS0 --model rpa7");
  EXPECT_EQ(model.status, 2);
  EXPECT_NE(model.out.find("rpa7"), std::string::npos);
  const CliRun wsForce = run("response O16 --operator IS0 --model ws --force SLy4");
  EXPECT_EQ(wsForce.status, 2);
  const CliRun noOp = run("response O16");
  EXPECT_NE(noOp.status, 0);
}
