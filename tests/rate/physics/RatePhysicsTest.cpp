// Rate physics: the binned recoil spectrum integrates to N x Phi x <sigma> (two independent
// routes), timing windows split the events as the source lifetimes say.
#include <cmath>

#include <gtest/gtest.h>

#include "lenu/core/Nuclide.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/formfactor/Models.hpp"
#include "lenu/rate/CevnsRate.hpp"
#include "lenu/source/StoppedPionSource.hpp"

using namespace lenu;

namespace {
CevnsRateConfig config(const char* material) {
  static const auto table = NuclideTable::load();
  CevnsRateConfig c;
  StoppedPionSource::Config sc;
  sc.protonsOnTarget = 1e23;
  sc.neutrinosPerFlavourPerProton = 0.09;
  c.source = std::make_shared<StoppedPionSource>(sc);
  c.target = TargetMaterial::fromFormula(material, table);
  c.targetMass = 100.0;
  c.distance = 20.0 * units::m;
  c.formFactor = std::make_shared<HelmModel>();
  return c;
}
} // namespace

TEST(RatePhysics, BinnedSpectrumIntegratesToFluxAveragedCrossSection) {
  for (const char* m : {"Ar", "CsI", "Ge"}) {
    const CevnsRate rate(config(m));
    const auto p = rate.predict();
    for (Flavour f : p.flavours) {
      const double direct = p.targetNuclei * p.fluence.at(f) * p.fluxAveragedXsec.at(f);
      EXPECT_NEAR(p.eventsAllRecoils.at(f) / direct, 1.0, 1e-3) << m << " " << toString(f);
      // perfect detector, no window: detected = all
      EXPECT_NEAR(p.eventsDetected.at(f), p.eventsAllRecoils.at(f), 1e-9 * p.eventsAllRecoils.at(f));
    }
  }
}

TEST(RatePhysics, RecoilMeshConvergence) {
  auto c = config("CsI");
  c.recoilBins = 200;
  const double coarse = CevnsRate(c).predict().eventsAllRecoilsTotal();
  c.recoilBins = 1600;
  const double fine = CevnsRate(c).predict().eventsAllRecoilsTotal();
  EXPECT_NEAR(coarse / fine, 1.0, 2e-4);
}

TEST(RatePhysics, TimeWindowSelectsFlavours) {
  auto c = config("Ar");
  const auto all = CevnsRate(c).predict();
  c.window = {-5000.0, 1000.0};
  const auto prompt = CevnsRate(c).predict();
  EXPECT_GT(prompt.eventsDetected.at(Flavour::NuMu) / all.eventsDetected.at(Flavour::NuMu), 0.99);
  // a short pulse would give 1 - survival(1 us) = 0.366; the 150 ns pulse spreads it
  const double delayed = prompt.eventsDetected.at(Flavour::NuE) / all.eventsDetected.at(Flavour::NuE);
  EXPECT_GT(delayed, 0.30);
  EXPECT_LT(delayed, 0.40);
  // the time histogram adds up to the events in the window (bins cover -1 us .. 12 us)
  double sum = 0.0;
  for (double v : prompt.timeCounts.at(Flavour::NuMu)) {
    sum += v;
  }
  EXPECT_NEAR(sum / prompt.eventsDetected.at(Flavour::NuMu), 1.0, 1e-3);
}

// With flavour-dependent couplings each flavour's cross section scales by its own Q_W^2.
TEST(RatePhysics, RadiativeCouplingsScaleEachFlavour) {
  auto c = config("Ar");
  c.formFactor = std::make_shared<UnitModel>();
  const auto tree = CevnsRate(c).predict();
  c.weakCharges = WeakChargeScheme::Radiative;
  const auto rad = CevnsRate(c).predict();
  static const auto table = NuclideTable::load();
  for (Flavour f : tree.flavours) {
    double num = 0.0;
    double den = 0.0;
    for (const auto& comp : c.target.components()) {
      const double qr = weakCharge(comp.nuclide, NucleonWeakCharges::cevnsRadiative(f));
      const double qt = weakCharge(comp.nuclide, NucleonWeakCharges::treeLevel());
      num += comp.atomsPerFormulaUnit * qr * qr;
      den += comp.atomsPerFormulaUnit * qt * qt;
    }
    // (isotopes of different mass weigh Q_W^2 with O(E/M) ~ 1e-6 kinematic differences)
    EXPECT_NEAR(rad.fluxAveragedXsec.at(f) / tree.fluxAveragedXsec.at(f), num / den, 1e-7) << toString(f);
  }
}
