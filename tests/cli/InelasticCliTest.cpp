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
  // the multipole passes of sigma report what they skipped (0 if every multipole was computed)
  EXPECT_GE(j.at("skipped_multipoles_estimate_cm2").get<double>(), 0.0);
  EXPECT_LE(j.at("skipped_multipoles_estimate_cm2").get<double>(), 1e-4 * j.at("sigma_cm2").get<double>());
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

// --ga-quenching q scales g_A -> q g_A in the multipole models. With sigma = V + q I + q^2 A
// (vector, vector-axial interference, axial; all non-negative for nu CC) the quenched result must
// lie in [q^2 sigma, sigma]; 12C nu_e CC at 30 MeV is dominated by the axial 1+ strength, so it
// sits near the lower end. Out-of-range factors and the allowed model (measured B(GT)) are refused.
TEST(InelasticCli, AxialQuenchingOptionBoundsAndErrors) {
  if (!haveCli()) GTEST_SKIP() << "lenu CLI not built";
  const CliRun a = runLenu("xsec cc C12 --energy 30 --model ws --json");
  const CliRun b = runLenu("xsec cc C12 --energy 30 --model ws --ga-quenching 0.8 --json");
  ASSERT_EQ(a.status, 0) << a.out;
  ASSERT_EQ(b.status, 0) << b.out;
  const auto ja = nlohmann::json::parse(a.out), jb = nlohmann::json::parse(b.out);
  const double s1 = ja.at("sigma_cm2").get<double>(), sq = jb.at("sigma_cm2").get<double>();
  std::printf("12C nu_e CC (ws) sigma(30 MeV): g_A unquenched %.4e, x0.8 %.4e cm^2 (ratio %.3f)\n", s1, sq, sq / s1);
  EXPECT_NEAR(jb.at("g_A").get<double>(), 0.8 * 1.2754, 1e-12);
  EXPECT_LT(sq, s1);
  EXPECT_GE(sq, 0.64 * s1 * (1.0 - 1e-9));
  EXPECT_LT(sq, 0.8 * s1); // axial-dominated: closer to q^2 than to q
  for (const char* bad : {"0", "-0.5", "1.5", "nan"}) {
    const CliRun r = runLenu(std::string("xsec cc C12 --energy 30 --model ws --ga-quenching ") + bad);
    EXPECT_EQ(r.status, 2) << bad << ": " << r.out;
    EXPECT_NE(r.out.find("--ga-quenching"), std::string::npos) << r.out;
  }
  const CliRun al = runLenu("xsec cc Ar40 --energy 30 --model allowed --ga-quenching 0.8");
  EXPECT_EQ(al.status, 2) << al.out;
  EXPECT_NE(al.out.find("allowed"), std::string::npos) << al.out;
}
