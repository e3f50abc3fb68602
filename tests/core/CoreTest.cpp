#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

#include <gtest/gtest.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Csv.hpp"
#include "lenu/core/DataPath.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Flavour.hpp"
#include "lenu/core/Integrate.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/core/Spline.hpp"
#include "lenu/core/Units.hpp"

using namespace lenu;

TEST(Units, ConversionsAreConsistent) {
  EXPECT_DOUBLE_EQ(1.0 * units::cm2 / units::fm2, 1e26);
  EXPECT_DOUBLE_EQ(1.0 * units::GeV / units::MeV, 1e3);
  EXPECT_DOUBLE_EQ(1.0 * units::us / units::ns, 1e3);
  // 1 GWh = 3.6e12 J = 2.2469e25 MeV
  EXPECT_NEAR(units::GWh / 2.24694e25, 1.0, 1e-5);
}

TEST(Errors, RangeChecksNameValueAndRange) {
  try {
    requirePositive(-1.0, "neutrino energy", "MeV");
    FAIL() << "no throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
    EXPECT_NE(std::string(e.what()).find("neutrino energy"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("(0, inf)"), std::string::npos);
  }
  EXPECT_THROW(requireNonNegative(std::nan(""), "x", "fm"), Error);
  EXPECT_THROW(requireInRange(2.0, 0.0, 1.0, "x", ""), Error);
  EXPECT_NO_THROW(requireInRange(1.0, 0.0, 1.0, "x", ""));
}

TEST(Flavours, ParseAndPrintRoundTrip) {
  for (Flavour f : kAllFlavours) {
    EXPECT_EQ(parseFlavour(toString(f)), f);
  }
  EXPECT_THROW(parseFlavour("nu_e"), Error);
  EXPECT_TRUE(isAntineutrino(Flavour::NuMuBar));
  EXPECT_FALSE(isAntineutrino(Flavour::NuE));
}

TEST(Integrate, KnownIntegralsAndFailure) {
  EXPECT_NEAR(integrate([](double x) { return std::sin(x); }, 0.0, constants::kPi), 2.0, 1e-12);
  EXPECT_NEAR(integrateSingular([](double x) { return 1.0 / std::sqrt(x); }, 0.0, 1.0), 2.0, 1e-9);
  QuadratureConfig tight;
  tight.maxIntervals = 3;
  tight.relTol = 1e-14;
  try {
    integrate([](double x) { return std::sin(1.0 / (x + 1e-3)); }, 0.0, 1.0, tight);
    FAIL() << "expected NotConverged";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::NotConverged);
  }
  const GaussLegendre gl(8, -1.0, 1.0);
  // an 8-point rule integrates x^14 exactly: 2/15
  EXPECT_NEAR(gl([](double x) { return std::pow(x, 14); }), 2.0 / 15.0, 1e-14);
}

TEST(Spline, ReproducesLinearDataAndIntegrates) {
  const Spline s({0.0, 1.0, 2.0, 3.0}, {1.0, 3.0, 5.0, 7.0});
  EXPECT_NEAR(s(1.5), 4.0, 1e-12);
  EXPECT_NEAR(s.derivative(2.2), 2.0, 1e-12);
  EXPECT_NEAR(s.integral(0.0, 3.0), 12.0, 1e-12);
  EXPECT_EQ(s(5.0), 0.0);
  EXPECT_THROW(Spline({0.0, 0.0, 1.0}, {1.0, 2.0, 3.0}), Error);
  EXPECT_THROW(Spline({0.0, 1.0}, {1.0}), Error);
}

TEST(Csv, ErrorsNameFileLineAndColumn) {
  const auto path = std::filesystem::temp_directory_path() / "lenu_csv_test.csv";
  {
    std::ofstream out(path);
    out << "# provenance\nname,value\nfoo,1.5\nbar,abc\n";
  }
  const auto t = CsvTable::read(path);
  EXPECT_EQ(t.rows(), 2U);
  EXPECT_DOUBLE_EQ(t.num(0, "value"), 1.5);
  try {
    (void)t.num(1, "value");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::ConfigError);
    EXPECT_NE(std::string(e.what()).find(":4:"), std::string::npos) << e.what();
  }
  EXPECT_THROW((void)t.column("missing"), Error);
  std::filesystem::remove(path);
}

TEST(Nuclides, LookupByAnySpelling) {
  const auto table = NuclideTable::load();
  EXPECT_EQ(table.get("Ar40").Z, 18);
  EXPECT_EQ(table.get("40Ar").N(), 22);
  EXPECT_EQ(table.get("pb-208").A, 208);
  EXPECT_EQ(table.get(55, 133).name(), "Cs133");
  EXPECT_EQ(table.get("Cs133").spinParity, "7/2+");
  EXPECT_DOUBLE_EQ(table.get("Cs133").spin(), 3.5);
  for (const char* bad : {"Ar", "Xx40", "Ar400", "", "40"}) {
    try {
      (void)table.get(bad);
      FAIL() << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::UnknownNuclide) << bad;
    }
  }
}

TEST(Nuclides, NaturalAbundancesSumToOne) {
  const auto table = NuclideTable::load();
  for (const char* el : {"H", "C", "O", "F", "Na", "Ar", "Ca", "Fe", "Ge", "I", "Xe", "Cs", "W", "Hg", "Pb"}) {
    double s = 0.0;
    for (const auto& n : table.naturalIsotopes(el)) {
      s += n.abundance;
    }
    EXPECT_NEAR(s, 1.0, 1e-3) << el;
  }
}

// Physics: the AME2020 atomic masses of the table and the AME2020 binding energies of
// data/reference/measurements.csv are independent transcriptions; with the electron binding
// energy (Lunney et al.) they must agree: M_nuc = Z m_p + N m_n - B + [B_el - Z * 13.6057 eV].
TEST(Nuclides, MassesAgreeWithBindingEnergies) {
  const auto table = NuclideTable::load();
  const auto ref = CsvTable::read(dataFile("reference/measurements.csv"));
  int checked = 0;
  for (std::size_t i = 0; i < ref.rows(); ++i) {
    const auto& id = ref.str(i, "id");
    if (id.rfind("B-", 0) != 0) {
      continue;
    }
    const auto& n = table.get(id.substr(2));
    const double b = ref.num(i, "value");
    const double z = n.Z;
    const double bEl = (14.4381 * std::pow(z, 2.39) + 1.55468e-6 * std::pow(z, 5.35)) * units::eV;
    const double expected = z * constants::kMassProton + n.N() * constants::kMassNeutron - b + bEl - z * 13.6057 * units::eV;
    EXPECT_NEAR(n.nuclearMass(), expected, 2e-3) << n.name(); // B given to 1 keV
    ++checked;
  }
  EXPECT_GE(checked, 8);
}
