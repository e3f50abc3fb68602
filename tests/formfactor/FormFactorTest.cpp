#include <cmath>
#include <memory>

#include <gtest/gtest.h>

#include "lenu/core/Error.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/formfactor/Density.hpp"
#include "lenu/formfactor/Models.hpp"
#include "lenu/formfactor/Phenomenological.hpp"
#include "lenu/formfactor/WeakCharge.hpp"

using namespace lenu;

TEST(FormFactors, AllModelsAreOneAtZero) {
  const auto table = NuclideTable::load();
  std::vector<std::shared_ptr<const FormFactorModel>> models{
      std::make_shared<HelmModel>(), std::make_shared<KleinNystrandModel>(),
      std::make_shared<SymmetrizedFermiModel>(), std::make_shared<FourierBesselModel>(),
      std::make_shared<UnitModel>()};
  for (const char* name : {"O16", "Ar40", "Ca48", "Pb208"}) {
    const auto& n = table.get(name);
    for (const auto& m : models) {
      const auto ff = m->forNuclide(n);
      EXPECT_NEAR((*ff.proton)(0.0), 1.0, 1e-12) << m->name() << " " << name;
      EXPECT_NEAR((*ff.neutron)(0.0), 1.0, 1e-12) << m->name() << " " << name;
      EXPECT_NEAR((*ff.proton)(1e-7), 1.0, 1e-10) << m->name() << " " << name;
    }
  }
  auto rho = std::make_shared<SymmetrizedFermiDensity>(4.0, 0.5, 20.0);
  EXPECT_NEAR(DensityFormFactor(rho)(0.0), 1.0, 1e-12);
}

TEST(FormFactors, RejectBadInput) {
  const auto h = HelmFormFactor::lewinSmith(40);
  EXPECT_THROW(h(-0.1), Error);
  EXPECT_THROW(h(std::nan("")), Error);
  EXPECT_THROW(HelmFormFactor(-1.0, 0.9), Error);
  EXPECT_THROW(HelmFormFactor::fromRmsRadius(1.0, 0.9), Error);
  EXPECT_THROW(SymmetrizedFermiFormFactor(4.0, 0.0), Error);
  const auto table = NuclideTable::load();
  try {
    (void)FourierBesselModel().forNuclide(table.get("Xe132"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::NotSupported);
  }
}

TEST(FormFactors, RmsRadiusFormulas) {
  // Helm with Lewin-Smith parameters has exactly the rms radius of the symmetrized Fermi
  // distribution with the same c and a: 3/5 R0^2 + 3 s^2 = 3/5 c^2 + 7/5 pi^2 a^2.
  for (int a : {12, 40, 133, 208}) {
    const double c = 1.23 * std::cbrt(static_cast<double>(a)) - 0.60;
    EXPECT_NEAR(HelmFormFactor::lewinSmith(a).rmsRadius(), SymmetrizedFermiFormFactor(c, 0.52).rmsRadius(), 1e-12);
  }
  // and the rms radius is the slope at q = 0: F ~ 1 - q^2 <r^2> / 6
  const auto kn = KleinNystrandFormFactor::coherent(40);
  const double q = 1e-3;
  EXPECT_NEAR(std::sqrt(6.0 * (1.0 - kn(q)) / (q * q)), kn.rmsRadius(), 1e-4);
  const auto helm = HelmFormFactor::fromRmsRadius(5.5, 0.9);
  EXPECT_NEAR(helm.rmsRadius(), 5.5, 1e-12);
}

TEST(WeakCharge, TreeLevelAndRadiative) {
  const auto table = NuclideTable::load();
  const auto& ar = table.get("Ar40");
  const auto tree = NucleonWeakCharges::treeLevel();
  EXPECT_NEAR(tree.proton, 1.0 - 4.0 * 0.23857, 1e-12);
  EXPECT_NEAR(weakCharge(ar, tree), -22.0 + 18.0 * (1.0 - 4.0 * 0.23857), 1e-12);
  const WeakFormFactor w(ar, HelmModel().forNuclide(ar), tree);
  EXPECT_NEAR(w(0.0), 1.0, 1e-12);
  EXPECT_NEAR(w.chargeTimesFormFactor(0.0), weakCharge(ar, tree), 1e-12);
  const auto rad = NucleonWeakCharges::radiativelyCorrected();
  EXPECT_NEAR(weakCharge(ar, rad), 22.0 * rad.neutron + 18.0 * rad.proton, 1e-12);
  EXPECT_NEAR(NucleonWeakCharges::treeLevel(0.25).proton, 0.0, 1e-15); // vanishes at sin^2 = 1/4
  EXPECT_THROW(NucleonWeakCharges::treeLevel(1.5), Error);
}

// Radiatively corrected CEvNS couplings: the neutrino charge radius raises the proton coupling
// most for nu_e, so |Q_W| (dominated by the negative neutron charge) is smallest for nu_e and
// largest for nu_tau; antineutrinos as neutrinos; the neutron charge grows by 2.3% over tree level.
TEST(WeakCharge, RadiativeCevnsCouplingsAreFlavourDependent) {
  const auto table = NuclideTable::load();
  const auto& ar = table.get("Ar40");
  const double e = weakCharge(ar, NucleonWeakCharges::cevnsRadiative(Flavour::NuE));
  const double mu = weakCharge(ar, NucleonWeakCharges::cevnsRadiative(Flavour::NuMu));
  const double tau = weakCharge(ar, NucleonWeakCharges::cevnsRadiative(Flavour::NuTau));
  EXPECT_LT(std::abs(e), std::abs(mu));
  EXPECT_LT(std::abs(mu), std::abs(tau));
  EXPECT_DOUBLE_EQ(weakCharge(ar, NucleonWeakCharges::cevnsRadiative(Flavour::NuMuBar)), mu);
  EXPECT_NEAR(NucleonWeakCharges::cevnsRadiative(Flavour::NuE).neutron, -1.0234, 1e-12);
  EXPECT_EQ(parseWeakChargeScheme("radiative"), WeakChargeScheme::Radiative);
  EXPECT_THROW(parseWeakChargeScheme("pdg"), Error);
  EXPECT_DOUBLE_EQ(weakChargesFor(WeakChargeScheme::Tree, Flavour::NuE).proton, NucleonWeakCharges::treeLevel().proton);
}
