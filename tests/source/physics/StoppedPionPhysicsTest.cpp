// Stopped-pion source physics: two-body and Michel kinematics, decay-time distributions.
#include <cmath>

#include <gtest/gtest.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Integrate.hpp"
#include "lenu/source/StoppedPionSource.hpp"

using namespace lenu;
using constants::kMassMuon;
using constants::kTauMuon;
using constants::kTauPion;

TEST(StoppedPionPhysics, PromptLineAndKaonLine) {
  EXPECT_NEAR(StoppedPionSource::promptEnergy(), 29.792, 1e-3); // (m_pi^2 - m_mu^2) / 2 m_pi
  EXPECT_NEAR(KaonDecayAtRestSource::lineEnergy(), 235.53, 1e-2);
}

// Michel spectra are normalised, end at m_mu/2 and have mean energies 0.3 m_mu (nu_e) and
// 0.35 m_mu (anti-nu_mu), and second moments 0.1 m_mu^2 and (2/15) m_mu^2.
TEST(StoppedPionPhysics, MichelSpectra) {
  const MichelNuE nue;
  const MichelNuMuBar numubar;
  QuadratureConfig cfg;
  cfg.relTol = 1e-12;
  for (const ContinuousSpectrum* s : {static_cast<const ContinuousSpectrum*>(&nue), static_cast<const ContinuousSpectrum*>(&numubar)}) {
    EXPECT_NEAR(integrate([&](double e) { return s->pdf(e); }, 0.0, s->eMax(), cfg), 1.0, 1e-12);
    EXPECT_DOUBLE_EQ(s->eMax(), kMassMuon / 2.0);
    EXPECT_EQ(s->pdf(s->eMax() + 1e-9), 0.0);
  }
  EXPECT_NEAR(nue.pdf(kMassMuon / 2.0), 0.0, 1e-15); // nu_e vanishes at the endpoint
  EXPECT_GT(numubar.pdf(kMassMuon / 2.0), 0.0);      // anti-nu_mu does not
  EXPECT_NEAR(EnergySpectrum::continuous(std::make_shared<MichelNuE>()).meanEnergy(), 0.3 * kMassMuon, 1e-9);
  EXPECT_NEAR(EnergySpectrum::continuous(std::make_shared<MichelNuMuBar>()).meanEnergy(), 0.35 * kMassMuon, 1e-9);
  EXPECT_NEAR(integrate([&](double e) { return e * e * nue.pdf(e); }, 0.0, nue.eMax(), cfg), 0.1 * kMassMuon * kMassMuon,
              1e-9);
  EXPECT_NEAR(integrate([&](double e) { return e * e * numubar.pdf(e); }, 0.0, nue.eMax(), cfg),
              2.0 / 15.0 * kMassMuon * kMassMuon, 1e-9);
}

// With a short pulse the emission times follow the decay laws: prompt survival exp(-t/tau_pi),
// delayed survival (tau_mu e^{-t/tau_mu} - tau_pi e^{-t/tau_pi}) / (tau_mu - tau_pi).
TEST(StoppedPionPhysics, TimingFollowsLifetimes) {
  const auto pulse = ProtonPulse::gaussian(0.5);
  for (double t : {50.0, 100.0, 500.0, 1000.0, 3000.0, 6000.0}) {
    const double prompt = pulse.emissionFraction(DecayChain::Prompt, t, 1e7);
    EXPECT_NEAR(prompt, std::exp(-t / kTauPion), 2e-3 * std::exp(-t / kTauPion) + 1e-12) << t;
    const double delayed = pulse.emissionFraction(DecayChain::Delayed, t, 1e7);
    const double expect = (kTauMuon * std::exp(-t / kTauMuon) - kTauPion * std::exp(-t / kTauPion)) / (kTauMuon - kTauPion);
    EXPECT_NEAR(delayed, expect, 1e-3 * expect) << t;
  }
}

// For the SNS pulse the fractions are normalised, the mean emission times are the pulse centroid
// plus the mean decay delays, and a prompt window (t < 1 us) separates flavours.
TEST(StoppedPionPhysics, SnsPulseFractionsAndMeans) {
  StoppedPionSource::Config c;
  c.protonsOnTarget = 1e23;
  c.pulse = ProtonPulse::gaussian(353.2);
  const StoppedPionSource s(c);
  QuadratureConfig cfg; // the binned pulse makes the pdf piecewise smooth: moderate tolerance
  cfg.relTol = 1e-6;
  cfg.absTol = 1e-2; // [ns]: the mean is tested to 0.5 ns
  cfg.maxIntervals = 20000;
  for (Flavour f : s.flavours()) {
    EXPECT_NEAR(s.timeFraction(f, {}), 1.0, 1e-9) << toString(f);
    double mean = 0.0;
    for (auto [a, b] : {std::pair{-2000.0, 2000.0}, std::pair{2000.0, 20000.0}, std::pair{20000.0, 1e5}}) {
      mean += integrate([&](double t) { return t * s.timePdf(f, t); }, a, b, cfg);
    }
    const double expect = f == Flavour::NuMu ? kTauPion : kTauPion + kTauMuon;
    EXPECT_NEAR(mean, expect, 0.5) << toString(f);
  }
  const double promptIn = s.timeFraction(Flavour::NuMu, {-1e4, 1000.0});
  const double delayedIn = s.timeFraction(Flavour::NuE, {-1e4, 1000.0});
  EXPECT_GT(promptIn, 0.99);
  EXPECT_LT(delayedIn, 0.40);
  EXPECT_GT(delayedIn, 0.30);
}

// J-PARC MLF-like double bunch: half of the prompt neutrinos in each bunch window.
TEST(StoppedPionPhysics, DoubleBunchSeparatesPromptNeutrinos) {
  const auto pulse = ProtonPulse::gaussianBunches(100.0, {0.0, 600.0}, {1.0, 1.0});
  const double first = pulse.emissionFraction(DecayChain::Prompt, -300.0, 300.0);
  EXPECT_NEAR(first, 0.5 * (1.0 - std::exp(-300.0 / kTauPion)), 5e-3);
  EXPECT_NEAR(pulse.emissionFraction(DecayChain::Beam, -300.0, 300.0), 0.5, 1e-6);
}
