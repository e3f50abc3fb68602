// Visible de-excitation energy of a residual nucleus (generator/DeexcitationCalorimeter) and its
// use in the NC and CC observed-energy spectra of a supernova detector (supernova/SupernovaRate).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <utility>

#include <unistd.h>

#include "../GeneratorTestSupport.hpp"
#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/generator/DeexcitationCalorimeter.hpp"
#include "lenu/generator/GeneratorSetup.hpp"
#include "lenu/inelastic/InelasticModels.hpp"
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
  // without a model the NC threshold cannot apply: every interaction counts and the note says so
  {
    const auto plain = supernova::SupernovaChannels::build(detector(3.0), bc, nuclides());
    EXPECT_NE(plain.channels()[0].note.find("NOT applied"), std::string::npos) << plain.channels()[0].note;
    EXPECT_TRUE(plain.channels()[0].observedEdges.empty());
  }
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

namespace {
/// A 1 kt argon detector with the nu_e and anti-nu_e CC channels on 40Ar, threshold and resolution given.
supernova::SupernovaDetector argonCC(double threshold, double resolution) {
  const auto f = std::filesystem::temp_directory_path() / ("lenu_calo_cc_" + std::to_string(::getpid()) + ".toml");
  std::ofstream(f)
      << "name = \"ar-cc\"\ndescription = \"1 kt Ar, CC only\"\nmaterial = \"Ar\"\nfiducial_mass_kt = 1.0\n"
         "[[channel]]\nkind = \"nue-cc\"\ntarget = \"Ar40\"\nthreshold_MeV = "
      << threshold << "\nefficiency = 1.0\nresolution_constant = " << resolution
      << "\n[[channel]]\nkind = \"nuebar-cc\"\ntarget = \"Ar40\"\nthreshold_MeV = " << threshold
      << "\nefficiency = 1.0\nresolution_constant = " << resolution << "\n";
  auto d = supernova::SupernovaDetector::fromFile(f, nuclides());
  std::filesystem::remove(f);
  return d;
}

/// Counts and mean of an observed spectrum (bin centres) [events, MeV].
std::pair<double, double> countsAndMean(const std::vector<double>& edges, const std::vector<double>& spec) {
  double n = 0.0, e = 0.0;
  for (std::size_t o = 0; o + 1 < edges.size(); ++o) {
    n += spec[o];
    e += 0.5 * (edges[o] + edges[o + 1]) * spec[o];
  }
  return {n, n > 0.0 ? e / n : 0.0};
}
} // namespace

// CC visible energy on 40Ar: E_vis = T_e + V(E_x), E_x = omega - Q (40K* for nu_e, 40Cl* for anti-nu_e),
// V from the generator's de-excitation (gammas, p, alpha visible, neutrons invisible). Checked against
// the two limits of the same fold: 'lepton' (V = 0: E_vis = T_e) and 'full' (V = E_x: E_vis = E_nu - Q - m_e).
TEST(CalorimetryPhysics, CcVisibleEnergyLiesBetweenTheLeptonAndFullCalorimetry) {
  supernova::ChannelBuildConfig bc;
  bc.inelasticModel = "hf"; // continuum above the particle thresholds of 40K / 40Cl: neutron losses matter
  bc.energy = {0.0, 60.0, 60};
  bc.inelasticNodes = 12;
  supernova::SupernovaPredictionConfig pc;
  pc.source = supernova::makePinchedSupernova({});
  pc.transformation = supernova::parseOrdering("none");
  pc.timeEnergyTable = false;
  const auto gen = std::make_shared<DeexcitationCalorimeter>(loadDeexcitation(nuclides()));
  auto build = [&](double threshold, std::shared_ptr<const supernova::DeexcitationCalorimetry> calo) {
    bc.ccDeexcitation = std::move(calo);
    return supernova::SupernovaChannels::build(argonCC(threshold, 0.0), bc, nuclides());
  };
  const auto chFull = build(0.0, std::make_shared<supernova::FullCalorimetry>());
  const auto chLep = build(0.0, std::make_shared<supernova::InvisibleDeexcitation>());
  const auto chGen = build(0.0, gen);
  const auto full = supernova::predictSupernova(chFull, pc);
  const auto lep = supernova::predictSupernova(chLep, pc);
  const auto g0 = supernova::predictSupernova(chGen, pc);
  const auto& ar = nuclides().get("Ar40");
  const auto centres = bc.energy.centres();
  for (std::size_t c = 0; c < 2; ++c) {
    const bool nu = c == 0;
    const double Q = inelastic::chargedCurrentQValue(
        ar, nu ? inelastic::ResponseMode::ChargedCurrentNu : inelastic::ResponseMode::ChargedCurrentNuBar, nuclides());
    ASSERT_GT(g0.eventsInteracting[c], 0.0) << g0.notes[c];
    const auto [nFull, mFull] = countsAndMean(full.observedEdges[c], full.observedSpectrum[c]);
    const auto [nLep, mLep] = countsAndMean(lep.observedEdges[c], lep.observedSpectrum[c]);
    const auto [nGen, mGen] = countsAndMean(g0.observedEdges[c], g0.observedSpectrum[c]);
    std::printf("[cc-calorimetry] %s (Q = %.3f MeV): %.2f interactions; visible spectrum: counts lepton %.2f, "
                "generator %.2f, full %.2f; mean visible energy lepton %.2f, generator %.2f, full %.2f MeV\n",
                g0.channels[c].c_str(), Q, g0.eventsInteracting[c], nLep, nGen, nFull, mLep, mGen, mFull);
    // no threshold: the fold conserves the counts (the visible energy is > 0: the lepton's T > 0)
    EXPECT_NEAR(g0.eventsDetected[c] / g0.eventsInteracting[c], 1.0, 1e-3);
    EXPECT_NEAR(nGen / g0.eventsDetected[c], 1.0, 1e-3);
    EXPECT_NEAR(nFull / full.eventsInteracting[c], 1.0, 1e-3);
    EXPECT_NEAR(nLep / lep.eventsInteracting[c], 1.0, 1e-3);
    // the electron alone < electron + visible de-excitation < electron + all of E_x (neutrons carry
    // their separation and kinetic energies away: the generator mean stays strictly below full)
    EXPECT_LT(mLep, mGen);
    EXPECT_LT(mGen, mFull);
    EXPECT_GT(mFull - mGen, 0.05);
    // energy conservation bin by bin: E_vis <= E_nu - Q - m_e (full: equal), E_vis >= 0
    const auto& tab = chGen.channels()[c];
    const auto& tabFull = chFull.channels()[c];
    const std::size_t k = nu ? 0 : 3;
    const std::size_t nObs = tab.observedEdges.size() - 1;
    for (std::size_t j = 0; j < centres.size(); ++j) {
      const double eMaxVis = centres[j] - Q - constants::kMassElectron;
      double meanFull = 0.0, sumFull = 0.0;
      for (std::size_t o = 0; o < nObs; ++o) {
        const double r = tab.response[k][j * nObs + o];
        if (tab.observedEdges[o] > eMaxVis + bc.calorimetryBinWidth) {
          EXPECT_EQ(r, 0.0) << tab.spec.label << " E_nu " << centres[j] << " MeV, observed bin "
                            << tab.observedEdges[o];
        }
        sumFull += tabFull.response[k][j * nObs + o];
        meanFull += tabFull.response[k][j * nObs + o] * 0.5 * (tab.observedEdges[o] + tab.observedEdges[o + 1]);
      }
      if (sumFull > 0.0) {
        // full calorimetry: the whole E_nu - Q - m_e in one 1 MeV observed bin
        EXPECT_NEAR(meanFull / sumFull, eMaxVis, 0.5 + bc.calorimetryBinWidth)
            << tab.spec.label << " E_nu " << centres[j];
      }
    }
  }
  // a threshold lowers the counts monotonically and removes exactly the visible-energy bins below it
  double previous = g0.eventsDetected[0];
  for (const double thr : {2.0, 5.0, 10.0, 15.0, 20.0}) {
    const auto p = supernova::predictSupernova(build(thr, gen), pc);
    double below = 0.0;
    for (std::size_t o = 0; o + 1 < g0.observedEdges[0].size(); ++o) {
      if (g0.observedEdges[0][o + 1] <= thr + 1e-9) {
        below += g0.observedSpectrum[0][o];
      }
    }
    std::printf("[cc-calorimetry] nu_e CC, threshold %4.1f MeV: %.3f detected of %.3f interactions\n", thr,
                p.eventsDetected[0], p.eventsInteracting[0]);
    EXPECT_LT(p.eventsDetected[0], previous) << thr;
    EXPECT_NEAR(p.eventsDetected[0], g0.eventsDetected[0] - below, 1e-3 * g0.eventsDetected[0]) << thr;
    previous = p.eventsDetected[0];
  }
}

// DUNE 40 kt at 10 kpc, the pinched standard parameter set of PinchedModelConfig, no oscillation:
// nu_e and anti-nu_e CC on 40Ar with the data/detectors/dune-40kt.toml threshold (5 MeV) and 10%
// resolution applied to the visible energy (generator de-excitation), for the allowed and HF models.
TEST(CalorimetryPhysics, DuneCcCountsInVisibleEnergy) {
  supernova::SupernovaPredictionConfig pc;
  pc.source = supernova::makePinchedSupernova({});
  pc.transformation = supernova::parseOrdering("none");
  pc.timeEnergyTable = false;
  const auto calo = makeSupernovaCalorimetry("generator", "generator", nuclides());
  const auto det = supernova::SupernovaDetector::load("dune-40kt", nuclides());
  for (const std::string model : {"allowed", "hf"}) {
    supernova::ChannelBuildConfig bc;
    bc.inelasticModel = model;
    bc.inelasticNodes = model == "allowed" ? 40 : 16;
    bc.deexcitation = calo.nc;
    bc.ccDeexcitation = calo.cc;
    const auto p = supernova::predictSupernova(supernova::SupernovaChannels::build(det, bc, nuclides()), pc);
    for (std::size_t c = 0; c < p.channels.size(); ++c) {
      if (p.channels[c] != "nue-cc_Ar40" && p.channels[c] != "nuebar-cc_Ar40" && p.channels[c] != "nc_Ar40") {
        continue;
      }
      std::printf("[DUNE 40 kt, 10 kpc, %s] %-15s interactions %8.1f, detected (E_vis > 5 MeV, 10%% resolution) %8.1f"
                  "  %s\n",
                  model.c_str(), p.channels[c].c_str(), p.eventsInteracting[c], p.eventsDetected[c],
                  p.notes[c].c_str());
      EXPECT_LE(p.eventsDetected[c], p.eventsInteracting[c] * (1.0 + 1e-9));
      if (p.channels[c] == "nue-cc_Ar40") {
        // a 5 MeV cut on the visible energy keeps most nu_e CC events of a ~10 MeV spectrum
        EXPECT_GT(p.eventsDetected[c], 0.5 * p.eventsInteracting[c]);
        EXPECT_LT(p.eventsDetected[c], p.eventsInteracting[c]);
      }
    }
  }
}
