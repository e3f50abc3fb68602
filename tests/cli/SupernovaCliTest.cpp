// The `lenu supernova` command (run through the built CLI; skipped if it has not been built).
#include <filesystem>
#include <map>
#include <string>

#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "CliRun.hpp"

namespace {
using lenu::test::CliRun;
bool haveCli() { return std::filesystem::exists(LENU_CLI_PATH); }
CliRun json(const std::string& args) { return lenu::test::runCli("supernova " + args + " --json", false); }
} // namespace

TEST(SupernovaCli, JsonKeysDistanceScalingAndBurstBins) {
  if (!haveCli()) GTEST_SKIP() << "lenu CLI not built";
  const CliRun a = json("--model pinched --burst --distance 10 --detector dune-40kt --ordering normal --inelastic-model allowed");
  ASSERT_EQ(a.status, 0) << a.out;
  const auto j = nlohmann::json::parse(a.out);
  for (const char* k : {"events_by_channel", "events_total", "time_bins_s", "counts_per_bin"}) {
    EXPECT_TRUE(j.contains(k)) << k;
  }
  const auto& bins = j.at("time_bins_s");
  const auto& counts = j.at("counts_per_bin");
  EXPECT_EQ(bins.size(), counts.size() + 1);
  // burst resolved: 1 ms bins at the start
  EXPECT_NEAR(bins[1].get<double>() - bins[0].get<double>(), 1e-3, 1e-9);
  double sum = 0.0;
  for (const auto& c : counts) sum += c.get<double>();
  EXPECT_NEAR(sum, j.at("events_total").get<double>(), 1e-6 * sum);
  EXPECT_GT(j.at("events_by_channel").at("nue-cc_Ar40").get<double>(), 1000.0);
  // 1/d^2
  const auto j20 = nlohmann::json::parse(json("--burst --distance 20").out);
  EXPECT_NEAR(j20.at("events_total").get<double>() * 4.0 / j.at("events_total").get<double>(), 1.0, 1e-9);
}

TEST(SupernovaCli, PinchedParametersPerFlavourAndOutputs) {
  if (!haveCli()) GTEST_SKIP() << "lenu CLI not built";
  const auto base = nlohmann::json::parse(json("--ordering none").out);
  // twice the nu_e energy at the same <E>: twice the nu_e CC
  const auto twice = nlohmann::json::parse(json("--ordering none --energy-erg nue=1e53").out);
  EXPECT_NEAR(twice.at("events_by_channel").at("nue-cc_Ar40").get<double>() /
                  base.at("events_by_channel").at("nue-cc_Ar40").get<double>(), 2.0, 1e-6);
  // hotter nu_e: more CC per neutrino
  const auto hot = nlohmann::json::parse(json("--ordering none --mean-energy nue=12 --alpha nue=3").out);
  EXPECT_GT(hot.at("events_by_channel").at("nue-cc_Ar40").get<double>(),
            base.at("events_by_channel").at("nue-cc_Ar40").get<double>());
  const auto dir = std::filesystem::temp_directory_path() / ("lenu_sn_cli_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto prefix = (dir / "sn").string();
  const CliRun r = lenu::test::runCli("supernova --detector hyperk-like --csv " + prefix + " --export-snowglobes " +
                                      (dir / "sg").string() + " --time-bin 10");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("ibd"), std::string::npos);
  for (const char* f : {"sn_time.csv", "sn_spectrum_enu.csv", "sn_time_energy.csv", "sn_observed_ibd.csv",
                        "sg/flux_lenu.dat", "sg/xs_ibd.dat", "sg/ibd_events_smeared.dat"}) {
    EXPECT_TRUE(std::filesystem::exists(dir / f)) << f;
  }
  // a moments table written by the user is read back
  const auto table = dir / "model.txt";
  {
    std::FILE* fp = std::fopen(table.string().c_str(), "w");
    ASSERT_NE(fp, nullptr);
    std::fputs("time_s L_nue_erg_s E_nue_MeV alpha_nue L_nuebar_erg_s E_nuebar_MeV alpha_nuebar L_nux_erg_s E_nux_MeV alpha_nux\n"
               "0 1e52 10 2.5 1e52 12 2.5 1e52 15 2.5\n5 1e52 10 2.5 1e52 12 2.5 1e52 15 2.5\n", fp);
    std::fclose(fp);
  }
  const CliRun t = json("--model " + table.string() + " --ordering none");
  ASSERT_EQ(t.status, 0) << t.out;
  EXPECT_GT(nlohmann::json::parse(t.out).at("events_total").get<double>(), 100.0);
  std::filesystem::remove_all(dir);
}

TEST(SupernovaCli, BadInputIsReportedWithTheAcceptedRange) {
  if (!haveCli()) GTEST_SKIP() << "lenu CLI not built";
  auto err = [](const std::string& args) { return lenu::test::runCli("supernova " + args, true); };
  CliRun r = err("--distance -3");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("--distance"), std::string::npos) << r.out;
  r = err("--ordering sideways");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("accepted: none, exchange, normal, inverted"), std::string::npos) << r.out;
  r = err("--detector no-such-detector");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("dune-40kt"), std::string::npos) << r.out;
  r = err("--mean-energy nue=500");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("out of range"), std::string::npos) << r.out;
  r = err("--mean-energy electron=10");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("nue, nuebar, nux"), std::string::npos) << r.out;
  r = err("--inelastic-model no-such-model");
  EXPECT_EQ(r.status, 2);
  r = err("--model /no/such/file");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("docs/supernova-formats.md"), std::string::npos) << r.out;
  r = lenu::test::runCli("supernova --help", true);
  EXPECT_EQ(r.status, 0);
  for (const char* k : {"--mean-energy", "--alpha", "--energy-erg", "--ordering", "[kpc]", "--inelastic-model"}) {
    EXPECT_NE(r.out.find(k), std::string::npos) << k;
  }
}

// --cc-deexcitation: the CC observed energy is the electron kinetic energy plus the visible
// de-excitation energy; with the DUNE 5 MeV threshold the detected nu_e CC count orders as
// lepton alone <= generator (neutrons invisible) <= full calorimetry, at equal interactions.
TEST(SupernovaCli, CcDeexcitationChoicesOrderTheDetectedCounts) {
  if (!haveCli())
    GTEST_SKIP() << "lenu CLI not built";
  std::map<std::string, nlohmann::json> j;
  for (const std::string m : {"lepton", "generator", "full", "none"}) {
    const CliRun r = json("--ordering none --cc-deexcitation " + m + " --nc-deexcitation full --time-bin 1000");
    ASSERT_EQ(r.status, 0) << r.out;
    j[m] = nlohmann::json::parse(r.out);
    EXPECT_EQ(j[m].at("cc_deexcitation").get<std::string>(), m);
  }
  auto det = [&](const std::string& m) { return j[m].at("events_by_channel").at("nue-cc_Ar40").get<double>(); };
  auto inter = [&](const std::string& m) { return j[m].at("interactions_by_channel").at("nue-cc_Ar40").get<double>(); };
  EXPECT_LT(det("lepton"), det("generator"));
  EXPECT_LT(det("generator"), det("full"));
  EXPECT_LT(det("full"), inter("full"));
  EXPECT_NEAR(inter("lepton") / inter("generator"), 1.0, 1e-12);
  EXPECT_NEAR(inter("none") / inter("generator"), 1.0, 1e-12);
  EXPECT_NE(j["generator"].at("notes").at("nue-cc_Ar40").get<std::string>().find("neutrons invisible"),
            std::string::npos);
  const CliRun bad = lenu::test::runCli("supernova --cc-deexcitation sometimes", true);
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.out.find("generator, full, lepton, none"), std::string::npos) << bad.out;
}
