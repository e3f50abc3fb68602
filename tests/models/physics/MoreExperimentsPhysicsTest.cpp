// lenu next to the collaborations for the experiment files added for issue 12: COHERENT CsI[Na]
// full dataset, COHERENT NaIvE-185 (127I nu_e CC through the inelastic prediction) and JSNS2 at
// the J-PARC MLF (two-bunch pulse). Sources of every number: data/experiments/SOURCES.md.
#include <cmath>
#include <cstdio>

#include <gtest/gtest.h>

#include "lenu/core/Units.hpp"
#include "lenu/inelastic/InelasticCrossSection.hpp"
#include "lenu/inelastic/InelasticModels.hpp"
#include "lenu/models/Experiment.hpp"
#include "lenu/models/InelasticPrediction.hpp"
#include "lenu/source/StoppedPionSource.hpp"

using namespace lenu;

namespace {
Experiment load(const char* name) { return loadExperiment(resolveExperimentFile(name), NuclideTable::load()); }
} // namespace

// CsI[Na] full dataset (PRL 129 (2022) 081801). SM flux-averaged cross section (189 +- 6) x 1e-40
// cm^2: lenu within 5 % (the SM band is 3 %; the rest is the form factor: Klein-Nystrand for both
// Cs and I here, and lenu's tree-level couplings). Events: the paper's SM count was not found; the
// fit (306 +- 20) scales the SM prediction as a whole, so the SM count it implies is
// 306 x 189 / 165 = 350.5 (+- 23 from the fit). lenu within 15 %: Poisson photo-statistics instead
// of the release's Gamma PE response, the time-efficiency origin, the 6.5 % fit error.
TEST(MoreExperiments, CsIFullDataset2022) {
  const auto x = load("coherent-csi-2022");
  const auto p = CevnsRate(x.rate).predict();
  const double xs = p.fluxAveragedXsecAll / units::cm2;
  const double implied = 306.0 * 189.0 / 165.0;
  std::printf("[CsI 2022] <sigma> lenu %.2f x 1e-40 cm^2 | SM 189 +- 6, measured 165 +30 -25 | detected events lenu %.1f | "
              "SM implied by the fit %.1f, observed 306 +- 20 | all recoils %.1f\n",
              xs / 1e-40, p.eventsDetectedTotal(), implied, p.eventsAllRecoilsTotal());
  EXPECT_NEAR(xs / 189e-40, 1.0, 0.05);
  EXPECT_NEAR(p.eventsDetectedTotal() / implied, 1.0, 0.15);
  // The release's polynomial quenching, E_ee = a T + b T^2 + c T^3 + d T^4 (T in MeVnr), as read back
  // from the file: QF(T) = E_ee / T at 10 and 30 keVnr.
  const auto qf = [](double tMeV) {
    return (0.0554628 * tMeV + 4.30681 * tMeV * tMeV - 111.707 * std::pow(tMeV, 3) + 840.384 * std::pow(tMeV, 4)) / tMeV;
  };
  const auto& q = *x.rate.detector->config().quenching;
  EXPECT_NEAR(q.factor(0.010), qf(0.010), 1e-9);
  EXPECT_NEAR(q.factor(0.030), qf(0.030), 1e-9);
  // Exposure: 13.99 GWh at 1 GeV per proton = 3.14e23 POT.
  const auto* sp = dynamic_cast<const StoppedPionSource*>(x.rate.source.get());
  ASSERT_NE(sp, nullptr);
  EXPECT_NEAR(sp->protonsOnTarget() / 3.1435e23, 1.0, 1e-3);
  // More data than 2017: the full dataset's 13.99 GWh against 7.48 GWh.
  const auto p17 = CevnsRate(load("coherent-csi-2017").rate).predict();
  EXPECT_GT(p.eventsAllRecoilsTotal(), 1.7 * p17.eventsAllRecoilsTotal());
}

// NaIvE-185 (PRL 131 (2023) 221801): the inclusive 127I(nu_e, e-) flux average, measured
// 9.2 +2.1 -1.8 x 1e-40 cm^2, "~41 % lower than MARLEY with a measured GT strength" (15.6).
// lenu's mean field (HF SkM*, independent particles, no RPA, unquenched g_A = 1.27) is expected
// above both: the whole unquenched Ikeda strength 3(N - Z) = 63 sits at low excitation. The test
// states that expectation with a range: lenu/measured between 2 and 6 (ratio of the unquenched
// to the measured GT-dominated strength, with a factor-1.5 margin each way). The CRPA of issue 8
// is the model meant to close the gap. The reference table is read from the file and matched
// to lenu's channel.
TEST(MoreExperiments, NaI127IChargedCurrentThroughInelasticPrediction) {
  const auto x = load("coherent-nai-2023");
  ASSERT_EQ(x.reference.inelastic.size(), 1U);
  const auto& ref = x.reference.inelastic.front();
  EXPECT_EQ(ref.nuclide, "I127");
  EXPECT_EQ(ref.channel, "CC");
  EXPECT_EQ(ref.flavour, Flavour::NuE);
  ASSERT_TRUE(ref.measuredXsecCm2 && ref.measuredXsecErrorPlusCm2 && ref.measuredXsecErrorMinusCm2 && ref.predictionXsecCm2);
  // The flux average of the channel alone (the inelastic prediction computes all channels; this is
  // the one with a measurement): the source's nu_e spectrum over the HF response.
  const NuclideTable nuclides = NuclideTable::load();
  inelastic::InelasticModelOptions o;
  o.model = "hf";
  const inelastic::InelasticCrossSection xs(
      inelastic::makeInelasticResponse("I127", inelastic::ResponseMode::ChargedCurrentNu, o, nuclides), Flavour::NuE);
  const double lenu = xs.fluxAveraged(x.rate.source->spectrum(Flavour::NuE, x.rate.window)) / units::cm2;
  const double sigmaUp = (lenu - *ref.measuredXsecCm2) / *ref.measuredXsecErrorPlusCm2;
  std::printf("[NaI 127I nu_e CC] <sigma> lenu (hf) %.2f | measured %.1f +%.1f -%.1f | MARLEY (derived) %.1f (x 1e-40 cm^2) | "
              "lenu/measured %.2f (%.1f sigma above)\n", lenu / 1e-40, *ref.measuredXsecCm2 / 1e-40,
              *ref.measuredXsecErrorPlusCm2 / 1e-40, *ref.measuredXsecErrorMinusCm2 / 1e-40, *ref.predictionXsecCm2 / 1e-40,
              lenu / *ref.measuredXsecCm2, sigmaUp);
  EXPECT_GT(lenu / *ref.measuredXsecCm2, 2.0);
  EXPECT_LT(lenu / *ref.measuredXsecCm2, 6.0);
  EXPECT_GT(lenu, *ref.predictionXsecCm2); // no quenching: above MARLEY's measured-GT value too
}

// JSNS2 at the J-PARC MLF. (1) The neutrino yield per proton was derived from JSNS2's measured
// nu_e flux (6.7e-9 cm^-2 proton^-1 at 24 m): lenu's fluence per proton must give it back to the
// rounding of r (0.1 %). (2) Two-bunch pulse: prompt nu_mu follow the protons, so their time pdf
// has two peaks at the bunch centres and falls by > 10x between them (bunches 100 ns FWHM, 540 ns
// apart); the delayed flavours (tau_mu = 2197 ns) show no gap between the bunches. (3) The allowed
// 12C(nu_e, e-)12N(g.s.) count equals N(12C) x fluence x <sigma>, the 12C atoms being 98.9 % of
// the 18 carbons of each C18H30 (natural abundance), and <sigma> within 15 % of LSND's
// (8.9 +- 0.95) x 1e-42 cm^2 (the reaction JSNS2 used to measure the flux).
TEST(MoreExperiments, Jsns2TwoBunchSourceAndCarbonGroundState) {
  const auto x = load("jsns2");
  const auto* sp = dynamic_cast<const StoppedPionSource*>(x.rate.source.get());
  ASSERT_NE(sp, nullptr);
  const double perProton = x.rate.source->fluence(Flavour::NuE, x.rate.distance) * units::cm2 / sp->protonsOnTarget();
  std::printf("[JSNS2] nu_e fluence per proton at 24 m: %.4e cm^-2 (measured 6.7 +- 2.3 e-9); POT per GWh %.4e\n",
              perProton, sp->protonsOnTarget());
  EXPECT_NEAR(perProton / 6.7e-9, 1.0, 1e-3);
  EXPECT_NEAR(sp->protonsOnTarget() / (1e9 * 3600.0 / (3000.0 * 1.602176634e-13)), 1.0, 1e-6);
  const double peak = x.rate.source->timePdf(Flavour::NuMu, 270.0), dip = x.rate.source->timePdf(Flavour::NuMu, 0.0);
  const double peak2 = x.rate.source->timePdf(Flavour::NuMu, -270.0);
  std::printf("[JSNS2] prompt nu_mu time pdf: %.3e /ns at the bunch centres, %.3e /ns between them\n", peak, dip);
  EXPECT_NEAR(peak2 / peak, 1.0, 1e-6);
  EXPECT_GT(peak, 10.0 * dip);
  const double dPeak = x.rate.source->timePdf(Flavour::NuE, 270.0), dDip = x.rate.source->timePdf(Flavour::NuE, 0.0);
  EXPECT_GT(dDip / dPeak, 0.5); // delayed: a step up at the second bunch, no gap between them
  const auto counts = predictInelastic(x.rate, "allowed", NuclideTable::load());
  const InelasticCount* gs = nullptr;
  for (const auto& c : counts) {
    if (c.nuclide == "C12" && c.channel == "CC" && c.flavour == Flavour::NuE) gs = &c;
  }
  ASSERT_NE(gs, nullptr);
  ASSERT_TRUE(gs->note.empty()) << gs->note;
  const double nC12 = 17000.0 / (18 * 12.0107 + 30 * 1.00794) * 18 * 0.9894 * 6.02214076e26; // 17 t, kmol
  const double expected = nC12 * x.rate.source->fluence(Flavour::NuE, x.rate.distance) * gs->fluxAveragedXsec;
  std::printf("[JSNS2] 12C(nu_e, e-)12N(g.s.) per GWh in 17 t: %.1f (allowed <sigma> = %.2f x 1e-42 cm^2; LSND 8.9 +- 0.95)\n",
              gs->events, gs->fluxAveragedXsec / units::cm2 / 1e-42);
  EXPECT_NEAR(gs->events / expected, 1.0, 2e-3);
  EXPECT_NEAR(gs->fluxAveragedXsec / units::cm2 / 8.9e-42, 1.0, 0.15);
}
