// Visible de-excitation energy of a residual nucleus (generator/DeexcitationCalorimeter) and its
// use in the NC observed-energy spectrum of a supernova detector (supernova/SupernovaRate).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>

#include <unistd.h>

#include "../GeneratorTestSupport.hpp"
#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/generator/DeexcitationCalorimeter.hpp"
#include "lenu/generator/GeneratorSetup.hpp"
#include "lenu/supernova/SupernovaRate.hpp"
#include "lenu/supernova/SupernovaSource.hpp"

using namespace lenu;
using namespace lenu::generator;
using lenu::generator::testing::nuclides;

namespace {
double mean(const supernova::VisibleEnergyDistribution& d) {
  double m = 0.0;
  for (std::size_t i = 0; i < d.energy.size(); ++i) {
    m += d.energy[i] * d.weight[i];
  }
  return m;
}
double maxEnergy(const supernova::VisibleEnergyDistribution& d) {
  return d.energy.empty() ? 0.0 : *std::max_element(d.energy.begin(), d.energy.end());
}
} // namespace

TEST(CalorimetryPhysics, BoundStatesAreFullyVisibleAndNeutronsCarryTheBindingAway) {
  const auto deex = loadDeexcitation(nuclides());
  const DeexcitationCalorimeter calo(deex);
  // below the lowest particle threshold of 40Ar every decay is a gamma cascade: all of E_x is seen
  const auto low = calo.visibleEnergy(18, 40, 5.0);
  EXPECT_NEAR(std::accumulate(low.weight.begin(), low.weight.end(), 0.0), 1.0, 1e-12);
  EXPECT_NEAR(mean(low), 5.0, 0.02);
  // above S_n, the neutron (invisible) takes its separation energy and kinetic energy: the visible
  // energy is at most E_x - S_n for neutron emission, E_x - S_p for proton emission (plus T_p)
  const double sn = *deex->groundMass(18, 39) + constants::kMassNeutron - *deex->groundMass(18, 40);
  ASSERT_GT(sn, 9.0);
  ASSERT_LT(sn, 11.0);
  const double ex = 16.0;
  const auto high = calo.visibleEnergy(18, 40, ex);
  EXPECT_NEAR(std::accumulate(high.weight.begin(), high.weight.end(), 0.0), 1.0, 1e-12);
  EXPECT_LE(maxEnergy(high), ex + 0.02);           // energy conservation
  EXPECT_LT(mean(high), ex - sn + 0.05) << mean(high); // binding energy never seen
  // reproducible: a new calorimeter with the same seed gives the same distribution
  const DeexcitationCalorimeter again(deex);
  const auto high2 = again.visibleEnergy(18, 40, ex);
  EXPECT_EQ(high.energy, high2.energy);
  EXPECT_EQ(high.weight, high2.weight);
  EXPECT_THROW((void)calo.visibleEnergy(18, 40, -1.0), Error);
  EXPECT_THROW((void)calo.visibleEnergy(99, 300, 5.0), Error);
  EXPECT_THROW(DeexcitationCalorimeter(nullptr), Error);
}

TEST(CalorimetryPhysics, NcSpectrumConservesCountsAndThresholdRemovesOnlyLowVisibleEnergy) {
  const auto f = std::filesystem::temp_directory_path() / ("lenu_calo_nc_" + std::to_string(::getpid()) + ".toml");
  auto detector = [&](double threshold) {
    std::ofstream(f) << "name = \"ar-nc\"\ndescription = \"1 kt Ar, NC only\"\nmaterial = \"Ar\"\nfiducial_mass_kt = 1.0\n"
                        "[[channel]]\nkind = \"nc\"\ntarget = \"Ar40\"\nthreshold_MeV = "
                     << threshold << "\nefficiency = 1.0\n";
    auto d = supernova::SupernovaDetector::fromFile(f, nuclides());
    std::filesystem::remove(f);
    return d;
  };
  supernova::ChannelBuildConfig bc;
  bc.inelasticModel = "hf";
  bc.energy = {0.0, 60.0, 60};
  bc.inelasticNodes = 12;
  // a model is required once the NC channel has a threshold
  EXPECT_THROW((void)supernova::SupernovaChannels::build(detector(3.0), bc, nuclides()), Error);
  supernova::SupernovaPredictionConfig pc;
  pc.source = supernova::makePinchedSupernova({});
  pc.transformation = supernova::parseOrdering("none");
  pc.timeEnergyTable = false;
  auto run = [&](double threshold, std::shared_ptr<const supernova::DeexcitationCalorimetry> calo) {
    bc.deexcitation = std::move(calo);
    return supernova::predictSupernova(supernova::SupernovaChannels::build(detector(threshold), bc, nuclides()), pc);
  };
  const auto full = run(0.0, std::make_shared<supernova::FullCalorimetry>());
  const auto& spec = full.observedSpectrum[0];
  const double sum = std::accumulate(spec.begin(), spec.end(), 0.0);
  ASSERT_GT(full.eventsInteracting[0], 0.0);
  // no threshold, full calorimetry: every interaction lands in the visible-energy spectrum
  EXPECT_NEAR(full.eventsDetected[0] / full.eventsInteracting[0], 1.0, 2e-3);
  EXPECT_NEAR(sum / full.eventsDetected[0], 1.0, 2e-3);
  // with full calorimetry the visible energy is E_x, so nothing sits below the NC threshold omega
  const auto gen = std::make_shared<DeexcitationCalorimeter>(loadDeexcitation(nuclides()));
  const auto g0 = run(0.0, gen);
  const auto g5 = run(5.0, gen);
  EXPECT_NEAR(g0.eventsDetected[0] / g0.eventsInteracting[0], 1.0, 2e-3);
  // a 5 MeV threshold removes exactly the visible-energy bins below 5 MeV of the threshold-free run
  double below = 0.0;
  for (std::size_t o = 0; o + 1 < g0.observedEdges[0].size(); ++o) {
    if (g0.observedEdges[0][o + 1] <= 5.0 + 1e-9) {
      below += g0.observedSpectrum[0][o];
    }
  }
  EXPECT_GT(below, 0.0);
  EXPECT_NEAR(g5.eventsDetected[0], g0.eventsDetected[0] - below, 1e-3 * g0.eventsDetected[0]);
  // invisible neutrons: the generator model sees less energy than full calorimetry
  auto meanVisible = [](const supernova::SupernovaPrediction& p) {
    double n = 0.0, e = 0.0;
    for (std::size_t o = 0; o + 1 < p.observedEdges[0].size(); ++o) {
      const double c = 0.5 * (p.observedEdges[0][o] + p.observedEdges[0][o + 1]);
      n += p.observedSpectrum[0][o];
      e += c * p.observedSpectrum[0][o];
    }
    return e / n;
  };
  EXPECT_LT(meanVisible(g0), meanVisible(full));
}
