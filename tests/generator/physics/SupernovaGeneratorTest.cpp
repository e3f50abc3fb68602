// 40Ar CC events from a supernova (examples/ar40-cc-supernova.toml): conservation in every event,
// the event-time distribution against the source's number rate times the flux-averaged cross
// section in each time bin (chi^2, p > kPValueThreshold), and the mean neutrino energy of the
// events against the flux x sigma weighted mean of the supernova layer's time-integrated spectrum.

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <cstdio>
#include <vector>

#include "../GeneratorTestSupport.hpp"
#include "lenu/core/DataPath.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Integrate.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/generator/EventGenerator.hpp"
#include "lenu/generator/GeneratorSetup.hpp"

using namespace lenu;
using namespace lenu::generator;
using namespace lenu::generator::testing;

namespace {

std::filesystem::path exampleFile() {
  return std::filesystem::path(LENU_SOURCE_DIR) / "examples" / "ar40-cc-supernova.toml";
}

/// \int_lo^hi g(E) f(E) sigma(E) dE for the continuous spectrum (composite Gauss-Legendre).
double foldSigma(const EnergySpectrum& spec, const InelasticProcess& p, double power) {
  const ContinuousSpectrum* c = spec.continuousPart();
  const double lo = p.thresholdEnergy(), hi = c->eMax();
  double s = 0.0;
  const int n = 150;
  for (int k = 0; k < n; ++k) {
    const double a = lo + (hi - lo) * k / n, b = lo + (hi - lo) * (k + 1) / n;
    s += GaussLegendre(8, a, b)([&](double e) { return std::pow(e, power) * c->pdf(e) * p.crossSection().sigma(e).total; });
  }
  return spec.continuousWeight() * s;
}

} // namespace

TEST(SupernovaGenerator, ArgonCcTimesAndEnergiesFollowTheSource) {
  const auto settings = readGeneratorSettings(exampleFile());
  ASSERT_TRUE(settings.supernova.enabled);
  const auto setup = buildGenerator(settings, nuclides());
  // the run summary gives the supernova distance in kpc (distance_kpc = 10.0 in the example), not in m
  EXPECT_NE(setup.summary.find("at 10 kpc"), std::string::npos) << setup.summary;
  EXPECT_EQ(setup.summary.find("e+20 m"), std::string::npos) << setup.summary;
  const EventGenerator& gen = *setup.generator;
  const NeutrinoSource& src = gen.source();
  ASSERT_FALSE(src.separable());
  ASSERT_EQ(gen.channels().size(), 1U);
  const auto* proc = dynamic_cast<const InelasticProcess*>(gen.channels().front().process);
  ASSERT_NE(proc, nullptr);
  const Flavour f = Flavour::NuE;

  const std::size_t kEvents = 10000;
  const auto events = gen.generateBlock(20261203, 0, 0, kEvents);
  // time bins [ns]: the burst in ms, the cooling phase in s
  std::vector<double> edges{src.timeRange().begin};
  for (double ms : {2.0, 4.0, 6.0, 8.0, 10.0, 15.0, 20.0, 30.0, 50.0, 100.0, 200.0, 400.0, 700.0, 1000.0, 1500.0,
                    2000.0, 3000.0, 4000.0, 5000.0, 6500.0, 8000.0}) {
    edges.push_back(ms * units::ms);
  }
  edges.push_back(src.timeRange().end);
  const std::size_t nb = edges.size() - 1;
  std::vector<double> obs(nb, 0.0), exp(nb, 0.0);
  double sumE = 0.0, sumE2 = 0.0;
  for (const auto& ev : events) {
    const auto c = checkConservation(ev);
    ASSERT_TRUE(c.ok(1e-8)) << c.firstProblem << " dp " << c.maxMomentum << " dE " << c.maxEnergy;
    ASSERT_EQ(ev.flavour, f);
    ASSERT_GE(ev.time, edges.front());
    ASSERT_LE(ev.time, edges.back());
    const auto it = std::upper_bound(edges.begin(), edges.end(), ev.time);
    obs[std::min(nb - 1, static_cast<std::size_t>(std::max<std::ptrdiff_t>(1, it - edges.begin()) - 1))] += 1.0;
    sumE += ev.energy;
    sumE2 += ev.energy * ev.energy;
  }
  // expected: N_f F_f(bin) <sigma>_{f,bin} with the spectrum of the bin (energy and time do not factorise)
  double tot = 0.0;
  for (std::size_t b = 0; b < nb; ++b) {
    const TimeWindow w{edges[b], edges[b + 1]};
    const double fr = src.timeFraction(f, w);
    exp[b] = fr > 0.0 ? fr * foldSigma(src.spectrum(f, w), *proc, 0.0) : 0.0;
    tot += exp[b];
  }
  for (auto& x : exp) {
    x *= static_cast<double>(kEvents) / tot;
  }
  const auto cs = chiSquare(obs, exp);
  std::printf("[chi2] 40Ar(nu_e,e-) supernova 10 kpc, burst, NO: event time    chi2 = %8.2f  ndf = %3d  p = %.4f\n",
              cs.chi2, cs.ndf, cs.pValue);
  EXPECT_GT(cs.pValue, kPValueThreshold);
  // the burst bins must be visible: more than the cooling phase alone would give
  EXPECT_GT(obs[2] + obs[3] + obs[4], 0.0);

  // mean neutrino energy against the flux x sigma weighted mean of the whole spectrum
  const auto whole = src.spectrum(f);
  const double meanExpected = foldSigma(whole, *proc, 1.0) / foldSigma(whole, *proc, 0.0);
  const double n = static_cast<double>(kEvents);
  const double mean = sumE / n;
  const double sdMean = std::sqrt(std::max(0.0, sumE2 / n - mean * mean) / n);
  std::printf("[mean] <E_nu> of events = %.4f +- %.4f MeV, flux x sigma weighted = %.4f MeV\n", mean, sdMean,
              meanExpected);
  EXPECT_NEAR(mean, meanExpected, 4.0 * sdMean);
  // and the generator's flux-averaged cross section equals the independent fold
  EXPECT_NEAR(gen.fluxAveragedSigma() / foldSigma(whole, *proc, 0.0), 1.0, 5e-3);
}

TEST(SupernovaGenerator, SourceConfigErrorsNameFileLineAndKey) {
  const auto dir = std::filesystem::temp_directory_path() / "lenu_gensn_cfg";
  std::filesystem::create_directories(dir);
  const auto file = dir / "bad.toml";
  {
    std::ofstream out(file);
    out << "[generator]\nexperiment = \"coh-ar-750\"\nprocess = \"cc\"\n\n[source]\ntype = \"supernova\"\n"
           "ordering = \"sideways\"\n";
  }
  try {
    (void)readGeneratorSettings(file);
    FAIL() << "no error for ordering = sideways";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::ConfigError);
    EXPECT_NE(std::string(e.what()).find("bad.toml:7: key 'source.ordering'"), std::string::npos) << e.what();
  }
  {
    std::ofstream out(file);
    out << "[generator]\nexperiment = \"coh-ar-750\"\nprocess = \"cc\"\n\n[source]\ntype = \"supernova\"\n"
           "distance_kpc = -1.0\n";
  }
  try {
    (void)readGeneratorSettings(file);
    FAIL() << "no error for distance_kpc = -1";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("bad.toml:7: key 'source.distance_kpc'"), std::string::npos) << e.what();
  }
  std::filesystem::remove_all(dir);
}
