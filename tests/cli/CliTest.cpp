// The command-line program, run as a user would: outputs, JSON keys, errors and exit codes.
#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "CliRun.hpp"
#include <nlohmann/json.hpp>
#include <sys/wait.h>

namespace {
lenu::test::CliRun run(const std::string& args) { return lenu::test::runCli(args, true); }
} // namespace

TEST(Cli, PredictJsonHasTheDocumentedKeys) {
  const auto r = run("predict coherent-csi-2017 --json --no-files");
  ASSERT_EQ(r.status, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  for (const char* k : {"events_total", "events_by_flavour", "flux_averaged_xsec_cm2", "form_factor", "exposure"}) {
    EXPECT_TRUE(j.contains(k)) << k;
  }
  for (const char* f : {"numu", "nue", "numubar"}) {
    EXPECT_GT(j["events_by_flavour"][f].get<double>(), 0.0) << f;
  }
  const double total = j["events_by_flavour"]["numu"].get<double>() + j["events_by_flavour"]["nue"].get<double>() +
                       j["events_by_flavour"]["numubar"].get<double>();
  EXPECT_NEAR(j["events_total"].get<double>(), total, 1e-9 * total);
  EXPECT_EQ(j["form_factor"], "klein-nystrand");
  EXPECT_NEAR(j["exposure"]["distance_m"].get<double>(), 19.3, 1e-9);
}

TEST(Cli, PredictWritesCsvAndPng) {
  const auto dir = std::filesystem::temp_directory_path() / "lenu_cli_predict";
  std::filesystem::remove_all(dir);
  const auto r = run("predict coherent-cenns10-2020 --output-dir " + dir.string());
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("Detected CEvNS events"), std::string::npos);
  EXPECT_NE(r.out.find("collaboration SM prediction: 128"), std::string::npos) << r.out;
  for (const char* s : {"recoil", "observable", "time", "energy_time"}) {
    for (const char* ext : {".csv", ".png"}) {
      const auto f = dir / (std::string("coherent-cenns10-2020_") + s + ext);
      EXPECT_TRUE(std::filesystem::exists(f)) << f;
      EXPECT_GT(std::filesystem::file_size(f), 100U) << f;
    }
  }
  std::filesystem::remove_all(dir);
}

TEST(Cli, XsecCevnsJson) {
  const auto r = run("xsec cevns Ar40 --energy 30 --json");
  ASSERT_EQ(r.status, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  // Ar40 at 30 MeV with Helm: ~1.7e-39 cm^2 (G_F^2 Q_W^2 E^2/(4 pi) = 2.0e-39 times F^2 suppression)
  EXPECT_GT(j["sigma_cm2"].get<double>(), 1.4e-39);
  EXPECT_LT(j["sigma_cm2"].get<double>(), 2.0e-39);
}

TEST(Cli, LayerCommandsRun) {
  EXPECT_EQ(run("formfactor Pb208 --model helm --model fourier-bessel --qmax 1 --points 11").status, 0);
  const auto flux = run("flux coherent-csi-2017 --window -1000 1000 --json");
  ASSERT_EQ(flux.status, 0) << flux.out;
  const auto j = nlohmann::json::parse(flux.out);
  EXPECT_GT(j["flavours"]["numu"]["time_fraction"].get<double>(), 0.99);
  EXPECT_LT(j["flavours"]["nue"]["time_fraction"].get<double>(), 0.4);
  const auto rate = run("rate --material Ar --mass 24.4 --distance 27.5 --pot 1.38e23 --nu-per-proton 0.09 --json");
  ASSERT_EQ(rate.status, 0) << rate.out;
  EXPECT_GT(nlohmann::json::parse(rate.out)["events_total"].get<double>(), 100.0);
}

// The model comparison of the talk: Klein-Nystrand (R_A = 1.2 A^(1/3) fm, a_k = 0.7 fm) has a
// larger rms radius than the Lewin-Smith Helm for 40Ar (3.61 vs 3.40 fm), so its CEvNS cross
// section falls below Helm's as the energy rises; the reference model differs from itself by 0.
TEST(Cli, CompareFormFactorsOrdersModelsByRadius) {
  const auto r = run("compare-formfactors Ar40 --models helm klein-nystrand --emax 50 --json");
  ASSERT_EQ(r.status, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  const auto& kn = j["models"]["klein-nystrand"]["sigma_relative_difference_percent"];
  const auto& helm = j["models"]["helm"]["sigma_relative_difference_percent"];
  EXPECT_EQ(helm.back().get<double>(), 0.0);
  EXPECT_LT(kn.back().get<double>(), -1.0);
  EXPECT_GT(kn.back().get<double>(), -10.0);
  EXPECT_NEAR(kn.front().get<double>(), 0.0, 0.05); // at 1 MeV every model gives Q_W^2
}

// Inelastic channels next to CEvNS in one prediction: nu_e CC on 40Ar with the measured allowed
// strengths is a few percent of the CEvNS events at CENNS-10 (flux-averaged ~2.4e-40 cm^2).
TEST(Cli, PredictCountsInelasticChannels) {
  const auto r = run("predict coherent-cenns10-2020 --no-files --inelastic allowed --json");
  ASSERT_EQ(r.status, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  bool found = false;
  for (const auto& c : j["inelastic"]["channels"]) {
    if (c["nuclide"] == "Ar40" && c["channel"] == "CC" && c["flavour"] == "nue") {
      found = true;
      EXPECT_GT(c["events"].get<double>(), 1.0);
      EXPECT_LT(c["events"].get<double>(), 0.2 * j["events_all_recoils_total"].get<double>());
    }
    if (c["channel"] == "CC" && c["flavour"] == "numu") {
      EXPECT_EQ(c["events"].get<double>(), 0.0); // 29.8 MeV < m_mu
    }
  }
  EXPECT_TRUE(found);
}

TEST(Cli, BadInputGivesClearErrors) {
  auto r = run("xsec cevns Ar41 --energy 30");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("UnknownNuclide"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Ar41"), std::string::npos) << r.out;
  r = run("xsec cevns Ar40 --energy -5");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("accepted range"), std::string::npos) << r.out;
  r = run("xsec cevns Ar40 --energy 30 --form-factor gauss");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("helm"), std::string::npos) << r.out;
  r = run("predict no-such-experiment");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("coherent-csi-2017"), std::string::npos) << r.out;
}

TEST(Cli, HelpTeachesUnits) {
  const auto r = run("predict --help");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("cm^2"), std::string::npos);
  const auto x = run("xsec cevns --help");
  EXPECT_NE(x.out.find("MeV"), std::string::npos);
}
