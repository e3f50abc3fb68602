#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "lenu/core/DataPath.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/models/Experiment.hpp"
#include "lenu/models/FormFactorFactory.hpp"

using namespace lenu;

namespace {
std::string readAll(const std::filesystem::path& p) {
  std::ifstream in(p);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
std::filesystem::path writeTemp(const std::string& name, const std::string& text) {
  const auto p = std::filesystem::temp_directory_path() / name;
  std::ofstream(p) << text;
  return p;
}
/// Load a modified copy of the CsI experiment and return the error message (empty if it loads).
std::string errorOf(const std::string& from, const std::string& to, ErrorCode expected = ErrorCode::ConfigError) {
  auto text = readAll(resolveExperimentFile("coherent-csi-2017"));
  const auto pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  text.replace(pos, from.size(), to);
  const auto p = writeTemp("lenu_bad_experiment.toml", text);
  try {
    (void)loadExperiment(p, NuclideTable::load());
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), expected) << e.what();
    return e.what();
  }
  return {};
}
} // namespace

TEST(Experiment, ShippedFilesLoad) {
  const auto table = NuclideTable::load();
  const auto names = knownExperiments();
  EXPECT_GE(names.size(), 4U);
  for (const auto& n : names) {
    EXPECT_NO_THROW((void)loadExperiment(resolveExperimentFile(n), table)) << n;
  }
}

TEST(Experiment, UnknownNameListsKnownOnes) {
  try {
    (void)resolveExperimentFile("coherent-nai-2099");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("coherent-csi-2017"), std::string::npos);
  }
}

TEST(Experiment, MalformedFilesNameFileLineAndKey) {
  // unknown key, with its line
  auto msg = errorOf("mass_kg = 14.6", "mass_kg = 14.6\nmas_kg = 3");
  EXPECT_NE(msg.find("unknown key 'detector.mas_kg'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("lenu_bad_experiment.toml:"), std::string::npos) << msg;
  // missing key
  msg = errorOf("distance_m = 19.3", "");
  EXPECT_NE(msg.find("missing key 'detector.distance_m'"), std::string::npos) << msg;
  // out of range, with the line number of the key
  msg = errorOf("mass_kg = 14.6", "mass_kg = -14.6");
  EXPECT_NE(msg.find("detector.mass_kg"), std::string::npos) << msg;
  EXPECT_NE(msg.find("> 0"), std::string::npos) << msg;
  // wrong type
  msg = errorOf("value = 0.0878", "value = \"8.78%\"");
  EXPECT_NE(msg.find("detector.quenching.value"), std::string::npos) << msg;
  // TOML syntax error with line and column
  msg = errorOf("[detector]", "[detector");
  EXPECT_NE(msg.find("TOML syntax error"), std::string::npos) << msg;
  // unknown model names
  msg = errorOf("model = \"constant\"", "model = \"birks\"");
  EXPECT_NE(msg.find("accepted are constant, lindhard, polynomial"), std::string::npos) << msg;
  msg = errorOf("form_factor = \"klein-nystrand\"", "form_factor = \"gaussian\"", ErrorCode::UnknownModel);
  EXPECT_NE(msg.find("gaussian"), std::string::npos) << msg;
  // unknown material element
  msg = errorOf("material = \"CsI\"", "material = \"CsQ\"");
  EXPECT_NE(msg.find("detector.material"), std::string::npos) << msg;
}

TEST(FormFactorFactory, NamesAndErrors) {
  for (const char* n : {"helm", "klein-nystrand", "kn", "sf", "fb", "unit"}) {
    EXPECT_NO_THROW((void)makeFormFactorModel(n)) << n;
  }
  try {
    (void)makeFormFactorModel("hlem");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::UnknownModel);
    EXPECT_NE(std::string(e.what()).find("helm"), std::string::npos);
  }
}

// A kaon decay-at-rest source file: one 235.5 MeV nu_mu line with the K+ lifetime.
TEST(Experiment, KaonDecayAtRestSource) {
  const auto p = writeTemp("lenu_kdar.toml", R"(
[experiment]
name = "kdar-test"
citation = "test"
[source]
type = "kaon-dar"
neutrinos_per_proton = 0.001
protons_on_target = 1e22
[source.pulse]
shape = "bunches"
fwhm_ns = 100.0
centres_ns = [0.0, 600.0]
weights = [1.0, 1.0]
[detector]
material = "C3F8"
mass_kg = 100.0
distance_m = 24.0
[analysis]
form_factor = "helm"
)");
  const auto x = loadExperiment(p, NuclideTable::load());
  const auto& src = *x.rate.source;
  ASSERT_EQ(src.flavours().size(), 1U);
  EXPECT_NEAR(src.spectrum(Flavour::NuMu).meanEnergy(), 235.53, 0.01);
  EXPECT_NEAR(src.totalNeutrinos(Flavour::NuMu), 1e19, 1e10);
  EXPECT_NEAR(src.timeFraction(Flavour::NuMu, {-300.0, 300.0}), 0.5, 0.01);
}

// [[reference.inelastic]]: read, and bad channel / flavour / unknown keys reported with file and key.
TEST(Experiment, InelasticReferenceTable) {
  const auto table = NuclideTable::load();
  const std::string base = readAll(resolveExperimentFile("coherent-csi-2017"));
  const auto withRef = [&](const std::string& ref) {
    return writeTemp("lenu_inel_ref.toml", base + "\n[[reference.inelastic]]\n" + ref + "\n");
  };
  const auto x = loadExperiment(withRef("nuclide = \"I127\"\nchannel = \"CC\"\nflavour = \"nue\"\n"
                                        "measured_flux_averaged_xsec_cm2 = 9.2e-40\nobserved_events = 10.0"),
                                table);
  ASSERT_EQ(x.reference.inelastic.size(), 1U);
  EXPECT_EQ(x.reference.inelastic[0].flavour, Flavour::NuE);
  EXPECT_DOUBLE_EQ(*x.reference.inelastic[0].measuredXsecCm2, 9.2e-40);
  EXPECT_FALSE(x.reference.inelastic[0].predictionXsecCm2.has_value());
  const auto msgOf = [&](const std::string& ref) {
    try {
      (void)loadExperiment(withRef(ref), table);
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::ConfigError);
      return std::string(e.what());
    }
    return std::string();
  };
  auto msg = msgOf("nuclide = \"I127\"\nchannel = \"XX\"\nflavour = \"nue\"");
  EXPECT_NE(msg.find("reference.inelastic.channel"), std::string::npos) << msg;
  msg = msgOf("nuclide = \"I127\"\nchannel = \"CC\"\nflavour = \"nusterile\"");
  EXPECT_NE(msg.find("reference.inelastic.flavour"), std::string::npos) << msg;
  msg = msgOf("nuclide = \"I127\"\nchannel = \"CC\"\nflavour = \"nue\"\nmeasured_xsec = 1.0");
  EXPECT_NE(msg.find("unknown key 'reference.inelastic.measured_xsec'"), std::string::npos) << msg;
}
