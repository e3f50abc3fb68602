#include <cmath>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/source/StoppedPionSource.hpp"
#include "lenu/source/TabulatedSource.hpp"

using namespace lenu;

TEST(Source, NormalisationFromBeamEnergy) {
  StoppedPionSource::Config c;
  c.beamEnergy = 7.48 * units::GWh;
  c.protonEnergy = 1000.0;
  c.neutrinosPerFlavourPerProton = 0.08;
  const StoppedPionSource s(c);
  // 7.48 GWh / 1 GeV = 1.68e23 protons
  EXPECT_NEAR(s.protonsOnTarget() / 1.6807e23, 1.0, 1e-3);
  EXPECT_NEAR(s.totalNeutrinos(Flavour::NuE), 0.08 * s.protonsOnTarget(), 1.0);
  EXPECT_EQ(s.totalNeutrinos(Flavour::NuEBar), 0.0);
  EXPECT_THROW((void)s.spectrum(Flavour::NuTau), Error);
  // fluence at 20 m
  EXPECT_NEAR(s.fluence(Flavour::NuMu, 20.0 * units::m) * units::cm2,
              0.08 * s.protonsOnTarget() / (4.0 * constants::kPi * 2000.0 * 2000.0), 1e-3);
}

TEST(Source, BadConfigurationIsAnError) {
  StoppedPionSource::Config c;
  c.beamEnergy = -1.0;
  EXPECT_THROW(StoppedPionSource{c}, Error);
  c.protonsOnTarget = 0.0;
  EXPECT_THROW(StoppedPionSource{c}, Error);
  EXPECT_THROW(ProtonPulse::gaussian(-5.0), Error);
  EXPECT_THROW(ProtonPulse::histogram({0.0, 1.0}, {1.0, 2.0}, "bad"), Error);
}

TEST(Source, TabulatedFluxFile) {
  const auto path = std::filesystem::temp_directory_path() / "lenu_flux_test.csv";
  {
    std::ofstream out(path);
    out << "# test flux\nenergy_MeV,nue,numubar\n0,0,0\n10,2e10,1e10\n20,0,0\n";
  }
  const TabulatedSource s(path, 20.0 * units::m);
  EXPECT_EQ(s.flavours().size(), 2U);
  // integral of the triangle: 0.5 * 20 MeV * 2e10 cm^-2 MeV^-1 = 2e11 cm^-2 at 20 m
  EXPECT_NEAR(s.fluence(Flavour::NuE, 20.0 * units::m) * units::cm2, 2e11, 1e2);
  EXPECT_NEAR(s.fluence(Flavour::NuE, 40.0 * units::m) * units::cm2, 0.5e11, 1e2);
  EXPECT_NEAR(s.spectrum(Flavour::NuE).meanEnergy(), 10.0, 1e-6);
  EXPECT_NEAR(s.spectrum(Flavour::NuE).totalWeight(), 1.0, 1e-12);
  {
    std::ofstream out(path);
    out << "energy_MeV,nu_e\n0,1\n1,2\n";
  }
  try {
    TabulatedSource bad(path, 1.0);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::ConfigError);
    EXPECT_NE(std::string(e.what()).find("nu_e"), std::string::npos);
  }
  std::filesystem::remove(path);
}
