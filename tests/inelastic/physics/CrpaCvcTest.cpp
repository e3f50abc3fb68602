// CVC longitudinal current of the continuum RPA with Lorentzian-smeared discrete states.
//
// Vector-current conservation gives, state by state, L_f = (E_f - omega_IAS)/q C_f: the
// longitudinal multipole of the isobaric analog state (E_f = omega_IAS) vanishes. In the CRPA
// the discrete states are Lorentzians of half-width eta; weighting them with the probe's
// omega - omega_IAS instead of their own E_f - omega_IAS gives the analog state a longitudinal
// tail (omega - omega_IAS)^2 |C|^2 L_eta(omega - omega_IAS) -> (eta/pi) |C|^2, which does not decay
// and shows as a spike of dsigma/dcos(theta) at forward angles, where q is smallest (it was
// +20% in the last angular bin of 40Ar at 30 MeV). CrpaResponse weights each pole with its own
// energy (header, "CVC longitudinal current"). The checks: the forward angular distribution is
// smooth (its second difference on a 0.1 grid is small against the distribution itself) and
// does not depend on eta, the artefact being proportional to eta.
#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

#include <gtest/gtest.h>

#include "lenu/core/Nuclide.hpp"
#include "lenu/inelastic/CrpaResponse.hpp"
#include "lenu/inelastic/HartreeFockMeanField.hpp"
#include "lenu/inelastic/InelasticCrossSection.hpp"
#include "lenu/inelastic/InelasticModels.hpp"

using namespace lenu;
using namespace lenu::inelastic;

namespace {
std::shared_ptr<const HartreeFockMeanField> argon40() {
  static std::shared_ptr<const HartreeFockMeanField> mf = [] {
    HartreeFockConfig hc;
    hc.pairing.mode = PairingMode::Filling;
    const HartreeFockSolver solver(SkyrmeForce::load("SkM*"), hc);
    return HartreeFockMeanField::solve(solver, 18, 22);
  }();
  return mf;
}

// dsigma/dcos(theta) [fm^2] of 40Ar nu_e CC at 30 MeV, CRPA J = 0 (the Fermi / analog-state
// multipole, where the CVC longitudinal term lives), smearing eta [MeV].
std::vector<double> forward(double eta, const std::vector<double>& cosines, bool stateEnergy = true) {
  const NuclideTable table = NuclideTable::load();
  CrpaConfig cc;
  cc.maxJ = 0;
  cc.eta = eta;
  cc.diskCache = false;
  cc.cvcStateEnergy = stateEnergy;
  cc.qValue = chargedCurrentQValue(table.get("Ar40"), ResponseMode::ChargedCurrentNu, table);
  auto r = std::make_shared<CrpaResponse>(argon40(), SkyrmeForce::load("SkM*"), ResponseMode::ChargedCurrentNu, cc);
  InelasticCrossSectionConfig xc;
  xc.coulomb = CoulombMode::None;
  xc.omegaPanel = 1.0; // 8 Gauss nodes per MeV: resolves the eta = 0.25 MeV Lorentzians
  xc.nodesPerPanel = 8;
  const InelasticCrossSection xs(r, Flavour::NuE, xc);
  return xs.dSigmaDCos(30.0, cosines);
}
} // namespace

TEST(CrpaCvc, ForwardAngularDistributionSmoothAndIndependentOfSmearing) {
  const std::vector<double> c{0.7, 0.8, 0.9, 1.0};
  const auto a = forward(0.5, c), b = forward(0.25, c);
  for (std::size_t i = 0; i < c.size(); ++i)
    std::printf("cos %.1f: dsigma/dcos %.6e (eta 0.5) %.6e (eta 0.25) fm^2\n", c[i], a[i], b[i]);
  for (const auto* d : {&a, &b}) {
    const auto& v = *d;
    for (double x : v) ASSERT_TRUE(std::isfinite(x) && x > 0.0);
    // smooth: second differences at the two forward points below 1% of the distribution
    // (a vector 0+ transition goes like 1 + beta cos; the old artefact was +20% at cos = 1)
    EXPECT_LT(std::abs(v[3] - 2.0 * v[2] + v[1]) / v[2], 0.01);
    EXPECT_LT(std::abs(v[2] - 2.0 * v[1] + v[0]) / v[1], 0.01);
  }
  // shape independent of eta to 1%: the forward rise relative to cos = 0.7
  EXPECT_NEAR((a[3] / a[0]) / (b[3] / b[0]), 1.0, 0.01);
  // The probe-energy form (CrpaConfig::cvcStateEnergy = false) has the spike: the check above
  // discriminates (measured: second difference at cos = 0.9 of +47% of the distribution).
  const auto old = forward(0.5, c, false);
  std::printf("probe-energy CVC, eta 0.5: cos 0.8 / 0.9 / 1.0: %.6e %.6e %.6e fm^2\n", old[1], old[2], old[3]);
  EXPECT_GT((old[3] - 2.0 * old[2] + old[1]) / old[2], 0.2);
}
