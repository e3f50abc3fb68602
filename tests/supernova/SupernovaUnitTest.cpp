// Unit tests of the supernova layer: pinched spectra, sources and readers, flavour
// transformation, IBD and nu-e cross sections, detector files, the rate engine.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Integrate.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/supernova/ElectronCrossSections.hpp"
#include "lenu/supernova/FlavourTransformation.hpp"
#include "lenu/supernova/PinchedSpectrum.hpp"
#include "lenu/supernova/SnowglobesExport.hpp"
#include "lenu/supernova/SupernovaDetector.hpp"
#include "lenu/supernova/SupernovaRate.hpp"
#include "lenu/supernova/SupernovaSource.hpp"

using namespace lenu;
using namespace lenu::supernova;

namespace {

/// A scratch directory per process (test programs of two builds may run at the same time).
std::filesystem::path testDir() {
  struct Scratch {
    std::filesystem::path dir = std::filesystem::temp_directory_path() / ("lenu_supernova_test_" + std::to_string(::getpid()));
    Scratch() { std::filesystem::create_directories(dir); }
    ~Scratch() {
      std::error_code ec;
      std::filesystem::remove_all(dir, ec); // removed when the test program exits
    }
  };
  static const Scratch scratch;
  return scratch.dir;
}

std::filesystem::path tmpFile(const std::string& name, const std::string& text) {
  const auto dir = testDir();
  const auto p = dir / name;
  std::ofstream(p) << text;
  return p;
}

const NuclideTable& nuclides() {
  static const NuclideTable t = NuclideTable::load();
  return t;
}

/// DUNE channels with the allowed model on a coarse grid, built once per test program.
const SupernovaChannels& duneAllowed() {
  static const SupernovaChannels c = [] {
    ChannelBuildConfig bc;
    bc.inelasticModel = "allowed";
    bc.energy = {0.0, 100.0, 100};
    bc.inelasticNodes = 20;
    return SupernovaChannels::build(SupernovaDetector::load("dune-40kt", nuclides()), bc, nuclides());
  }();
  return c;
}

double channelEvents(const SupernovaPrediction& p, const std::string& label) {
  for (std::size_t c = 0; c < p.channels.size(); ++c) {
    if (p.channels[c] == label) {
      return p.eventsDetected[c];
    }
  }
  ADD_FAILURE() << "no channel " << label;
  return 0.0;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Pinched spectra: normalisation, <E>, <E^2>/<E>^2 = (2 + alpha)/(1 + alpha)

TEST(PinchedSpectrum, NormalisesAndRecoversMoments) {
  for (double mean : {8.0, 12.0, 16.0}) {
    for (double alpha : {0.0, 2.0, 2.3, 3.5, 8.0}) {
      const PinchedSpectrum s(mean, alpha);
      const double n = integrate([&](double e) { return s.pdf(e); }, 0.0, s.eMax());
      const double m1 = integrate([&](double e) { return e * s.pdf(e); }, 0.0, s.eMax());
      const double m2 = integrate([&](double e) { return e * e * s.pdf(e); }, 0.0, s.eMax());
      EXPECT_NEAR(n, 1.0, 1e-9) << mean << " " << alpha;
      EXPECT_NEAR(m1 / mean, 1.0, 1e-9);
      EXPECT_NEAR(m2 / (m1 * m1), (2.0 + alpha) / (1.0 + alpha), 1e-9);
      // moments -> alpha inverts
      EXPECT_NEAR(alphaFromMoments(m1, m2), alpha, 1e-7);
      // the CDF (incomplete Gamma function) agrees with quadrature of the pdf
      const double half = integrate([&](double e) { return s.pdf(e); }, 0.0, mean);
      EXPECT_NEAR(pinchedCdf(mean, mean, alpha), half, 1e-9);
    }
  }
}

TEST(PinchedSpectrum, RejectsBadParameters) {
  EXPECT_THROW(PinchedSpectrum(-1.0, 2.0), Error);
  EXPECT_THROW(PinchedSpectrum(10.0, -1.5), Error);
  EXPECT_THROW(PinchedSpectrum(std::nan(""), 2.0), Error);
  EXPECT_THROW(alphaFromMoments(10.0, 90.0), Error); // <E^2> < <E>^2
}

// ---------------------------------------------------------------------------------------------
// Sources

TEST(SupernovaSource, ConstantModelIsNormalisedToTheTotalEnergy) {
  PinchedModelConfig cfg;
  cfg.nue = {10.0, 3.0, 4e52 * kErg};
  const auto src = makePinchedSupernova(cfg);
  EXPECT_FALSE(src->separable());
  EXPECT_NEAR(src->totalEnergy(Flavour::NuE) / (4e52 * kErg), 1.0, 1e-12);
  // constant <E>: N = E / <E>
  EXPECT_NEAR(src->totalNeutrinos(Flavour::NuE) / (4e52 * kErg / 10.0), 1.0, 1e-9);
  EXPECT_NEAR(src->totalNeutrinos(Flavour::NuTauBar) / (5e52 * kErg / 15.0), 1.0, 1e-9);
  // time fractions add up; the pdf integrates to the fraction
  const TimeWindow a{-1.0, 1.0 * units::s}, b{1.0 * units::s, 20.0 * units::s};
  EXPECT_NEAR(src->timeFraction(Flavour::NuE, a) + src->timeFraction(Flavour::NuE, b), 1.0, 1e-12);
  const double pdfInt = integrate([&](double t) { return src->timePdf(Flavour::NuE, t); }, 0.0, 1.0 * units::s,
                                  QuadratureConfig{0.0, 1e-8, 2000, 6});
  EXPECT_NEAR(pdfInt, src->timeFraction(Flavour::NuE, a), 1e-6);
  // time-integrated spectrum is the pinched one
  const auto sp = src->spectrum(Flavour::NuE);
  EXPECT_NEAR(sp.meanEnergy(), 10.0, 1e-6);
  EXPECT_NEAR(sp.totalWeight(), 1.0, 1e-12);
}

TEST(SupernovaSource, BurstShapeAndEnergy) {
  const NeutronizationBurst burst;
  const auto s = burst.series();
  EXPECT_NEAR(s->at(burst.peakTime).luminosity / (3.8e53 * kErgPerSecond), 1.0, 1e-9);
  // half maximum at the read-off times (3.7 ms and 14.0 ms)
  EXPECT_NEAR(s->at(3.72 * units::ms).luminosity / s->at(burst.peakTime).luminosity, 0.5, 0.02);
  EXPECT_NEAR(s->at(14.0 * units::ms).luminosity / s->at(burst.peakTime).luminosity, 0.5, 0.02);
  // analytic energy: L_peak (sigma sqrt(pi/2) + tau), about 5e51 erg
  const double e = burst.peakLuminosity * (burst.riseWidth * std::sqrt(constants::kPi / 2.0) + burst.decayTime);
  EXPECT_NEAR(s->energyEmitted(-1e12, 1e12) / e, 1.0, 1e-3);
  EXPECT_GT(e / kErg, 4e51);
  EXPECT_LT(e / kErg, 6e51);
}

TEST(SupernovaSource, SeriesValidation) {
  EmissionSeries s;
  s.time = {0.0, 1.0};
  s.luminosity = {1.0, -1.0};
  s.meanEnergy = {10.0, 10.0};
  s.alpha = {2.0, 2.0};
  EXPECT_THROW(s.validate("test"), Error);
  s.luminosity = {1.0, 1.0};
  s.time = {1.0, 1.0};
  EXPECT_THROW(s.validate("test"), Error);
}

TEST(SupernovaReaders, MomentsTableWithAlphaOrSecondMoment) {
  // <E> = 10, alpha = 3 <-> <E^2> = 100 * 5/4 = 125
  const auto f = tmpFile("moments.txt",
                         "# test table\n"
                         "time_s L_nue_erg_s E_nue_MeV E2_nue_MeV2 L_nux_erg_s E_nux_MeV alpha_nux\n"
                         "0.0 1e52 10 125 2e52 15 2.5\n"
                         "1.0 1e52 10 125 2e52 15 2.5\n");
  const auto src = readMomentsTable(f);
  EXPECT_NEAR(src->totalEnergy(Flavour::NuE) / (1e52 * kErg), 1.0, 1e-12);
  EXPECT_NEAR(src->components(Flavour::NuE)[0]->alpha[0], 3.0, 1e-12);
  EXPECT_NEAR(src->totalNeutrinos(Flavour::NuMuBar) / (2e52 * kErg / 15.0), 1.0, 1e-9);
  EXPECT_EQ(src->totalNeutrinos(Flavour::NuEBar), 0.0);
  // the sniffing reader picks the same
  EXPECT_NEAR(readSupernovaModel(f)->totalNeutrinos(Flavour::NuE), src->totalNeutrinos(Flavour::NuE), 1.0);
}

TEST(SupernovaReaders, MomentsTableErrorsNameFileLineAndField) {
  const auto f = tmpFile("bad_moments.txt", "time_s L_nue_erg_s E_nue_MeV alpha_nue\n0 1e52 10 2\n1 1e52 x 2\n");
  try {
    readMomentsTable(f);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::ConfigError);
    EXPECT_NE(std::string(e.what()).find("bad_moments.txt:3"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("E_nue_MeV"), std::string::npos) << e.what();
  }
  const auto g = tmpFile("bad_moments2.txt", "time_s L_nue_erg_s E_nue_MeV\n0 1e52 10\n1 1e52 10\n");
  EXPECT_THROW(readMomentsTable(g), Error); // no alpha / E2
  EXPECT_THROW(readMomentsTable("/nonexistent/file.txt"), Error);
}

TEST(SupernovaReaders, NakazatoBlocksReduceToMoments) {
  // two blocks, two energy bins [5,15], [15,25] with all neutrinos at 10 and 20 MeV
  // dN/dE = 1e56 per MeV per s in each bin, dL/dE = dN/dE * E_bin * (erg/MeV)
  std::string text = "# Nakazato-like test\n";
  for (double t : {0.0, 1.0}) {
    text += fmt::format("{}\n", t);
    for (double e : {10.0, 20.0}) {
      const double dn = 1e56;
      const double dl = dn * e / kErg; // [erg/MeV/s]
      text += fmt::format("{} {} {} {} {} {} {} {}\n", e - 5.0, e + 5.0, dn, dn, dn, dl, dl, dl);
    }
  }
  const auto src = readNakazatoTable(tmpFile("nakazato.txt", text));
  const auto& s = *src->components(Flavour::NuE)[0];
  EXPECT_NEAR(s.meanEnergy[0], 15.0, 1e-9);              // (10 + 20)/2
  // <E^2> = (100 + 400)/2 = 250 -> alpha = (2*225 - 250)/(250 - 225) = 8
  EXPECT_NEAR(s.alpha[0], 8.0, 1e-9);
  EXPECT_NEAR(src->totalNeutrinos(Flavour::NuE) / (2e57 * units::s / units::s), 1.0, 1e-9); // 2 bins x 10 MeV x 1e56 / s x 1 s
}

TEST(SupernovaReaders, GarchingDirectory) {
  const auto dir = testDir() / "garching";
  std::filesystem::create_directories(dir);
  for (std::string fl : {"nue", "nuebar", "numu"}) {
    // digitised curves step back in time: 0.5 after 0.6 is sorted in
    std::ofstream(dir / ("luminosity_" + fl + "_garching.txt")) << "0 2\n0.6 2\n0.5 2\n1 2\n"; // 2e52 erg/s for 1 s
    std::ofstream(dir / ("avgen_" + fl + "_garching.txt")) << "0 10\n1 10\n";
    std::ofstream(dir / ("alpha_" + fl + "_garching.txt")) << "0.5 3\n1 3\n";
  }
  const auto src = readGarchingDirectory(dir);
  EXPECT_NEAR(src->totalEnergy(Flavour::NuE) / (2e52 * kErg), 1.0, 1e-9);
  EXPECT_NEAR(src->totalEnergy(Flavour::NuTau) / (2e52 * kErg), 1.0, 1e-9);
  EXPECT_NEAR(src->components(Flavour::NuE)[0]->at(0.1 * units::s).alpha, 3.0, 1e-12); // held constant before 0.5 s
}

TEST(SupernovaReaders, SnowglobesFluxFile) {
  std::string text;
  for (int i = 0; i <= 500; ++i) {
    const double e = 0.0002 * i;
    const double v = (i >= 25 && i <= 75) ? 1e10 : 0.0; // flat from 5 to 15 MeV
    text += fmt::format("{} {} 0 0 {} 0 0\n", e, v, 0.5 * v);
  }
  const double sum = 51 * 1e10;
  const SnowglobesFluenceSource src(tmpFile("flux.dat", text));
  const double area = 4.0 * constants::kPi * std::pow(10.0 * units::kpc, 2) / units::cm2;
  EXPECT_NEAR(src.totalNeutrinos(Flavour::NuE) / (sum * area), 1.0, 1e-9);
  EXPECT_NEAR(src.totalNeutrinos(Flavour::NuEBar) / (0.5 * sum * area), 1.0, 1e-9);
  EXPECT_EQ(src.totalNeutrinos(Flavour::NuMu), 0.0);
  EXPECT_NEAR(src.spectrum(Flavour::NuE).meanEnergy(), 10.0, 1e-3);
  EXPECT_THROW(SnowglobesFluenceSource(tmpFile("bad.dat", "0 1 2\n")), Error);
}

// ---------------------------------------------------------------------------------------------
// Flavour transformation

TEST(FlavourTransformation, ConservesTotalFluxForEveryScheme) {
  const std::array<double, 6> f0{3.0, 1.0, 1.0, 2.0, 1.5, 1.5};
  for (const char* name : {"none", "exchange", "normal", "inverted", "normal-nonadiabatic", "inverted-nonadiabatic"}) {
    const FlavourTransformation t(parseOrdering(name));
    const auto f = t.apply(f0);
    EXPECT_NEAR(f[0] + f[1] + f[2], f0[0] + f0[1] + f0[2], 1e-12) << name;
    EXPECT_NEAR(f[3] + f[4] + f[5], f0[3] + f0[4] + f0[5], 1e-12) << name;
    EXPECT_GE(t.pee(), 0.0);
    EXPECT_LE(t.pee(), 1.0);
  }
}

TEST(FlavourTransformation, SurvivalProbabilities) {
  const double d2r = constants::kPi / 180.0;
  const FlavourTransformation no(parseOrdering("normal"));
  EXPECT_NEAR(no.pee(), std::pow(std::sin(8.56 * d2r), 2), 1e-12);                                   // |U_e3|^2
  EXPECT_NEAR(no.peeBar(), std::pow(std::cos(33.68 * d2r) * std::cos(8.56 * d2r), 2), 1e-12);       // |U_e1|^2
  const FlavourTransformation io(parseOrdering("inverted"));
  EXPECT_NEAR(io.pee(), std::pow(std::sin(33.68 * d2r) * std::cos(8.59 * d2r), 2), 1e-12);          // |U_e2|^2
  EXPECT_NEAR(io.peeBar(), std::pow(std::sin(8.59 * d2r), 2), 1e-12);                               // |U_e3|^2
  const FlavourTransformation ex(parseOrdering("exchange"));
  EXPECT_EQ(ex.pee(), 0.0);
  const auto f = ex.apply({3.0, 1.0, 1.0, 2.0, 1.0, 1.0});
  EXPECT_DOUBLE_EQ(f[0], 1.0);
  EXPECT_DOUBLE_EQ(f[1], 2.0); // (3 + 1)/2
  // non-adiabatic H resonance, normal ordering: P_ee = |U_e2|^2
  const FlavourTransformation na(parseOrdering("normal-nonadiabatic"));
  EXPECT_NEAR(na.pee(), std::pow(std::sin(33.68 * d2r) * std::cos(8.56 * d2r), 2), 1e-12);
  EXPECT_THROW(parseOrdering("sideways"), Error);
}

TEST(FlavourTransformation, MswWithZeroMixingIsNoOscillation) {
  for (auto ord : {MassOrdering::Normal, MassOrdering::Inverted}) {
    for (auto scheme : {FlavourScheme::AdiabaticMsw, FlavourScheme::NonAdiabaticMsw}) {
      FlavourTransformationConfig c{scheme, ord, MixingAngles{0.0, 0.0}};
      const FlavourTransformation t(c);
      EXPECT_DOUBLE_EQ(t.pee(), 1.0);
      EXPECT_DOUBLE_EQ(t.peeBar(), 1.0);
      const std::array<double, 6> f0{3.0, 1.0, 1.0, 2.0, 1.5, 1.5};
      const auto f = t.apply(f0);
      for (std::size_t k = 0; k < 6; ++k) {
        EXPECT_DOUBLE_EQ(f[k], f0[k]);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Cross sections

TEST(InverseBetaDecay, FullFormulaAgreesWithStrumiaVissaniApproximation) {
  const InverseBetaDecay ibd;
  EXPECT_NEAR(ibd.threshold(), 1.806, 1e-3); // ((m_n + m_e)^2 - m_p^2)/(2 m_p)
  EXPECT_EQ(ibd.sigma(1.7), 0.0);
  // Strumia & Vissani quote their Eq. (25) as accurate to a few per mille below 300 MeV.
  for (double e : {3.0, 5.0, 10.0, 20.0, 40.0, 70.0, 100.0}) {
    std::printf("IBD E = %5.1f MeV: full %.4e cm^2, SV Eq.(25) %.4e cm^2, ratio %.4f\n", e, ibd.sigma(e) / units::cm2,
                InverseBetaDecay::sigmaApprox(e) / units::cm2, ibd.sigma(e) / InverseBetaDecay::sigmaApprox(e));
    EXPECT_NEAR(ibd.sigma(e) / InverseBetaDecay::sigmaApprox(e), 1.0, 0.01) << "E = " << e << " MeV";
  }
  // without the radiative correction the cross section is lower by about alpha/pi x 6 ~ 1.4%
  InverseBetaDecay::Config c;
  c.radiativeCorrection = false;
  const InverseBetaDecay bare(c);
  const double r = ibd.sigma(10.0) / bare.sigma(10.0);
  EXPECT_GT(r, 1.005);
  EXPECT_LT(r, 1.03);
}

TEST(ElectronScattering, AnalyticIntegralAndHighEnergyLimit) {
  for (Flavour f : kAllFlavours) {
    const ElectronScattering es(f);
    const double e = 20.0;
    const double tmax = ElectronScattering::maxRecoil(e);
    const double num = integrate([&](double t) { return es.dSigmaDT(e, t); }, 0.0, tmax);
    EXPECT_NEAR(es.sigma(e) / num, 1.0, 1e-10);
    EXPECT_NEAR(es.sigmaBetween(e, 0.0, 5.0) + es.sigmaBetween(e, 5.0, tmax), es.sigma(e), 1e-12 * es.sigma(e));
    // E >> m_e: sigma = 2 G_F^2 m_e E / pi (g1^2 + g2^2/3)
    const double gf = constants::kFermiConstant;
    const double lim = 2.0 * gf * gf * constants::kMassElectron * 500.0 / constants::kPi *
                       (es.g1() * es.g1() + es.g2() * es.g2() / 3.0) * constants::kHbarC * constants::kHbarC;
    EXPECT_NEAR(es.sigma(500.0) / lim, 1.0, 2e-3);
  }
  // nu_e e at 10 MeV: ~9.7e-44 cm^2 with sin^2 theta_W = 0.2386 (about 9.5e-45 (E/MeV) cm^2 is the textbook value)
  const double s = ElectronScattering(Flavour::NuE).sigma(10.0) / units::cm2;
  EXPECT_GT(s, 9.0e-44);
  EXPECT_LT(s, 1.0e-43);
  // hierarchy nu_e > anti-nu_e > nu_mu > anti-nu_mu
  EXPECT_GT(ElectronScattering(Flavour::NuE).sigma(10.0), ElectronScattering(Flavour::NuEBar).sigma(10.0));
  EXPECT_GT(ElectronScattering(Flavour::NuEBar).sigma(10.0), ElectronScattering(Flavour::NuMu).sigma(10.0));
  EXPECT_GT(ElectronScattering(Flavour::NuMu).sigma(10.0), ElectronScattering(Flavour::NuMuBar).sigma(10.0));
}

// ---------------------------------------------------------------------------------------------
// Detectors

TEST(SupernovaDetector, ShippedDetectorsLoad) {
  const auto names = SupernovaDetector::available();
  for (const char* n : {"dune-40kt", "dune-10kt", "hyperk-like", "scint-20kt", "xenonnt-like", "darkside20k-like"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
    const auto d = SupernovaDetector::load(n, nuclides());
    EXPECT_GT(d.mass, 0.0);
    EXPECT_FALSE(d.channels.empty());
  }
  EXPECT_THROW(SupernovaDetector::load("no-such-detector", nuclides()), Error);
}

TEST(SupernovaDetector, ErrorsNameFileLineAndKey) {
  auto expectError = [&](const std::string& body, const std::string& needle) {
    const auto f = tmpFile("det.toml", body);
    try {
      SupernovaDetector::fromFile(f, nuclides());
      ADD_FAILURE() << "no error for: " << body;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::ConfigError);
      EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("det.toml:"), std::string::npos) << e.what();
    }
  };
  const std::string head = "name = \"x\"\ndescription = \"y\"\nmaterial = \"Ar\"\nfiducial_mass_kt = 1.0\n";
  expectError(head + "[[channel]]\nkind = \"nue-cc\"\ntarget = \"Ar40\"\nthreshold_MeV = 5\nefficiency = 1.5\n",
              "det.toml:9: key 'channel[0].efficiency': value 1.5 out of range");
  expectError(head + "[[channel]]\nkind = \"teleport\"\nthreshold_MeV = 5\nefficiency = 1\n", "unknown channel kind");
  expectError(head + "[[channel]]\nkind = \"es\"\nthreshold_MeV = 5\nefficiency = 1\ncolour = 3\n", "unknown key 'channel[0].colour'");
  expectError(head + "[[channel]]\nkind = \"nue-cc\"\ntarget = \"O16\"\nthreshold_MeV = 5\nefficiency = 1\n",
              "not in the material");
  expectError("name = \"x\"\ndescription = \"y\"\nmaterial = \"Ar\"\n[[channel]]\nkind = \"es\"\n", "missing key 'fiducial_mass_kt'");
  expectError(head + "[[channel]]\nkind = \"nc\"\ntarget = \"Ar40\"\nthreshold_MeV = 3\nefficiency = 1\nvisible_offset_MeV = 1\n",
              "not used by channel kind 'nc'");
  expectError(head + "[[channel\n", "TOML syntax error");
}

// ---------------------------------------------------------------------------------------------
// Rate engine

TEST(SupernovaRate, ScalesWithDistanceAndExposureAndSumsConsistently) {
  SupernovaPredictionConfig pc;
  pc.source = makePinchedSupernova({});
  pc.transformation = parseOrdering("normal");
  pc.distance = 10.0 * units::kpc;
  const auto p10 = predictSupernova(duneAllowed(), pc);
  pc.distance = 5.0 * units::kpc;
  const auto p5 = predictSupernova(duneAllowed(), pc);
  const auto twice = duneAllowed().scaledMass(2.0);
  pc.distance = 10.0 * units::kpc;
  const auto p2 = predictSupernova(twice, pc);
  ASSERT_GT(p10.eventsTotal(), 100.0);
  EXPECT_NEAR(p5.eventsTotal() / p10.eventsTotal(), 4.0, 1e-9);
  EXPECT_NEAR(p2.eventsTotal() / p10.eventsTotal(), 2.0, 1e-9);
  for (std::size_t c = 0; c < p10.channels.size(); ++c) {
    double s = 0.0, e = 0.0;
    for (double x : p10.countsPerBin[c]) s += x;
    for (double x : p10.spectrumNu[c]) e += x;
    EXPECT_NEAR(s, p10.eventsDetected[c], 1e-9 * (1.0 + s));
    EXPECT_NEAR(e, p10.eventsDetected[c], 1e-9 * (1.0 + e));
    EXPECT_LE(p10.eventsDetected[c], p10.eventsInteracting[c] * (1.0 + 1e-12));
  }
  double table = 0.0;
  for (const auto& row : p10.timeEnergy) for (double x : row) table += x;
  EXPECT_NEAR(table, p10.eventsTotal(), 1e-9 * table);
  // channels the allowed model cannot serve carry a note, not silent zeros
  EXPECT_EQ(channelEvents(p10, "nuebar-cc_Ar40"), 0.0);
  EXPECT_FALSE(p10.notes[1].empty());
}

TEST(SupernovaRate, FluenceAtDetectorConservesTheEmittedNumber) {
  SupernovaPredictionConfig pc;
  pc.source = makePinchedSupernova({});
  pc.distance = 10.0 * units::kpc;
  const double area = 4.0 * constants::kPi * pc.distance * pc.distance;
  for (const char* o : {"none", "normal", "inverted", "exchange"}) {
    pc.transformation = parseOrdering(o);
    const auto p = predictSupernova(duneAllowed(), pc);
    double nu = 0.0, nubar = 0.0, emitted = 0.0, emittedBar = 0.0;
    for (std::size_t k = 0; k < 6; ++k) {
      double s = 0.0;
      for (double x : p.fluence[k]) s += x;
      (k < 3 ? nu : nubar) += s * area;
      (k < 3 ? emitted : emittedBar) += pc.source->totalNeutrinos(kAllFlavours[k]);
    }
    // binned on 1 MeV bins to 100 MeV with 1 ms steps: the pinched tails and the midpoint rule cost < 1e-3
    EXPECT_NEAR(nu / emitted, 1.0, 1e-3) << o;
    EXPECT_NEAR(nubar / emittedBar, 1.0, 1e-3) << o;
  }
}

TEST(SupernovaRate, MswWithZeroMixingEqualsNoOscillationInTheCounts) {
  SupernovaPredictionConfig pc;
  PinchedModelConfig m;
  m.neutronizationBurst = true;
  pc.source = makePinchedSupernova(m);
  pc.transformation = parseOrdering("none");
  const auto none = predictSupernova(duneAllowed(), pc);
  for (auto ord : {MassOrdering::Normal, MassOrdering::Inverted}) {
    pc.transformation = {FlavourScheme::AdiabaticMsw, ord, MixingAngles{0.0, 0.0}};
    const auto zero = predictSupernova(duneAllowed(), pc);
    for (std::size_t c = 0; c < none.channels.size(); ++c) {
      EXPECT_DOUBLE_EQ(zero.eventsDetected[c], none.eventsDetected[c]) << none.channels[c];
    }
  }
  // while real mixing changes them (normal ordering: nu_e CC from the hotter nu_x)
  pc.transformation = parseOrdering("normal");
  const auto no = predictSupernova(duneAllowed(), pc);
  EXPECT_GT(channelEvents(no, "nue-cc_Ar40"), 1.5 * channelEvents(none, "nue-cc_Ar40"));
}

TEST(SupernovaRate, SnowglobesExportLayouts) {
  SupernovaPredictionConfig pc;
  pc.source = makePinchedSupernova({});
  const auto p = predictSupernova(duneAllowed(), pc);
  const auto flux = snowglobesFluxText(p);
  EXPECT_EQ(std::count(flux.begin(), flux.end(), '\n'), 501);
  const auto xs = snowglobesCrossSectionText(duneAllowed().channels()[0], duneAllowed().config().energy);
  EXPECT_EQ(std::count(xs.begin(), xs.end(), '\n'), 1004);
  EXPECT_EQ(xs.rfind("-1.000000", std::string::npos) != std::string::npos, true);
  EXPECT_THROW(snowglobesRateText(p, 99, true), Error);
}

TEST(SupernovaRate, RejectsBadConfig) {
  SupernovaPredictionConfig pc;
  EXPECT_THROW(predictSupernova(duneAllowed(), pc), Error); // no source
  pc.source = makePinchedSupernova({});
  pc.distance = -1.0;
  EXPECT_THROW(predictSupernova(duneAllowed(), pc), Error);
  pc.distance = 1.0 * units::kpc;
  pc.timeEdges = {0.0, 1.0, 0.5};
  EXPECT_THROW(predictSupernova(duneAllowed(), pc), Error);
  ChannelBuildConfig bc;
  bc.inelasticModel = "no-such-model";
  EXPECT_THROW(SupernovaChannels::build(SupernovaDetector::load("dune-10kt", nuclides()), bc, nuclides()), Error);
}

// nu-e ES with the O(alpha) corrections of Bahcall, Kamionkowski & Sirlin, PRD 51 (1995) 6146.
TEST(ElectronScattering, RadiativeCorrectionsSizeSignAndQuadrature) {
  for (Flavour f : {Flavour::NuE, Flavour::NuEBar, Flavour::NuMu, Flavour::NuMuBar}) {
    const ElectronScattering tree(f);
    const ElectronScattering rc(f, true);
    ASSERT_TRUE(rc.radiative());
    for (double e : {10.0, 30.0}) {
      const double tmax = ElectronScattering::maxRecoil(e);
      // the two-panel Gauss-Legendre sum against an independent adaptive quadrature
      const double fine = integrate([&](double t) { return rc.dSigmaDT(e, t); }, 0.0, tmax);
      EXPECT_NEAR(rc.sigma(e) / fine, 1.0, 2e-3) << toString(f) << " E = " << e << " MeV";
      const double r = rc.sigma(e) / tree.sigma(e);
      std::printf("[es-rc] %-8s E = %4.0f MeV: sigma_rc = %.5e cm^2, sigma_tree = %.5e cm^2, ratio %.4f\n",
                  std::string(toString(f)).c_str(), e, rc.sigma(e) / units::cm2, tree.sigma(e) / units::cm2, r);
      // a few per cent (BKS: O(alpha) effects of order 1-5 %), never a sign flip or a factor
      EXPECT_GT(r, 0.9);
      EXPECT_LT(r, 1.1);
      // non-negative and finite over the recoil range, including the edges
      for (double t : {1e-6, 1e-3, 0.5 * tmax, tmax * (1.0 - 1e-9), tmax}) {
        const double v = rc.dSigmaDT(e, t);
        EXPECT_TRUE(std::isfinite(v) && v >= 0.0) << t;
      }
    }
  }
}
