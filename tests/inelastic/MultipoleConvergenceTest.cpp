// The multipole series is extended until converged (MultipoleConvergence.hpp), never reported
// truncated; responses at extreme momentum transfer are finite (no GSL abort).
#include <cmath>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "lenu/core/Error.hpp"
#include "lenu/core/Flavour.hpp"
#include "lenu/inelastic/InelasticCrossSection.hpp"
#include "lenu/inelastic/InelasticModels.hpp"
#include "lenu/inelastic/MultipoleConvergence.hpp"
#include "lenu/source/EnergySpectrum.hpp"

using namespace lenu;
using namespace lenu::inelastic;

namespace {
const NuclideTable& table() {
  static const NuclideTable t = NuclideTable::load();
  return t;
}
ResponseFactory wsFactory(const std::string& target, ResponseMode mode) {
  return [target, mode](int J) {
    InelasticModelOptions o;
    o.model = "ws";
    o.maxJ = J;
    return makeInelasticResponse(target, mode, o, table());
  };
}
} // namespace

TEST(MultipoleConvergence, LowerMultipolesDoNotDependOnTheTruncation) {
  // The extension only adds multipoles: sigma_J for J <= 4 is the same with maxJ = 4 and 8.
  const auto f = wsFactory("O16", ResponseMode::NeutralCurrent);
  const InelasticCrossSection a(f(4), Flavour::NuMu), b(f(8), Flavour::NuMu);
  const auto sa = a.sigma(100.0), sb = b.sigma(100.0);
  ASSERT_GT(sa.total, 0.0);
  for (const auto& [label, v] : sa.byMultipole) {
    ASSERT_TRUE(sb.byMultipole.count(label)) << label;
    EXPECT_NEAR(sb.byMultipole.at(label), v, 1e-9 * sa.total) << label;
  }
  EXPECT_GT(sb.total, sa.total);
  // highestMultipole is the J = maxJ part
  const double top4 = sa.byMultipole.at("4+") + sa.byMultipole.at("4-");
  EXPECT_NEAR(sa.highestMultipole, top4, 1e-12 * sa.total);
}

TEST(MultipoleConvergence, ExtendsUntilTheHighestMultipoleIsBelowTolerance) {
  MultipoleConvergenceConfig mc;
  mc.startJ = 2;
  mc.tolerance = 1e-3;
  ConvergedInelasticCrossSection xs(wsFactory("O16", ResponseMode::NeutralCurrent), Flavour::NuMu, {}, mc);
  const ConvergedSigma r = xs.sigma(100.0);
  EXPECT_GT(r.maxJ, 2);
  EXPECT_LE(r.highestShare, 1e-3);
  // independent check: the series taken to J = 12 differs by less than a few times the tolerance
  const InelasticCrossSection ref(wsFactory("O16", ResponseMode::NeutralCurrent)(12), Flavour::NuMu);
  const double full = ref.sigma(100.0).total;
  EXPECT_NEAR(r.sigma.total, full, 3e-3 * full);
  EXPECT_LT(r.sigma.total, full);
  // the truncated J = 2 series is NOT within tolerance (the test would not detect anything otherwise)
  const InelasticCrossSection j2(wsFactory("O16", ResponseMode::NeutralCurrent)(2), Flavour::NuMu);
  EXPECT_LT(j2.sigma(100.0).total, (1.0 - 1e-2) * full);
}

TEST(MultipoleConvergence, ThrowsNotConvergedNamingToleranceAndJ) {
  MultipoleConvergenceConfig mc;
  mc.startJ = 2;
  mc.capJ = 3;
  mc.tolerance = 1e-3;
  ConvergedInelasticCrossSection xs(wsFactory("O16", ResponseMode::NeutralCurrent), Flavour::NuMu, {}, mc);
  try {
    (void)xs.sigma(120.0);
    FAIL() << "a truncated series was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::NotConverged);
    const std::string m = e.what();
    EXPECT_NE(m.find("J = 3"), std::string::npos) << m;
    EXPECT_NE(m.find("tolerance 1.0e-03"), std::string::npos) << m;
    EXPECT_NE(m.find("E_nu = 120 MeV"), std::string::npos) << m;
  }
  // flux average: a line at 120 MeV behaves the same
  EXPECT_THROW((void)xs.fluxAveraged(EnergySpectrum::line(120.0)), Error);
  // config checks
  mc.tolerance = 0.0;
  EXPECT_THROW(ConvergedInelasticCrossSection(wsFactory("O16", ResponseMode::NeutralCurrent), Flavour::NuMu, {}, mc), Error);
  mc.tolerance = 1e-3;
  mc.capJ = kMaxMultipoleCap + 1;
  EXPECT_THROW(ConvergedInelasticCrossSection(wsFactory("O16", ResponseMode::NeutralCurrent), Flavour::NuMu, {}, mc), Error);
}

TEST(MultipoleConvergence, CompleteModelsNeedNoExtension) {
  // The allowed approximation has J <= 1 only: complete whatever maxJ is asked for.
  ConvergedInelasticCrossSection xs(
      [](int J) {
        InelasticModelOptions o;
        o.model = "allowed";
        o.maxJ = J;
        return makeInelasticResponse("Ar40", ResponseMode::ChargedCurrentNu, o, table());
      },
      Flavour::NuE);
  const ConvergedSigma r = xs.sigma(40.0);
  EXPECT_EQ(r.maxJ, 1);
  EXPECT_GT(r.sigma.total, 0.0);
  const auto f = xs.fluxAveraged(EnergySpectrum::line(40.0));
  EXPECT_NEAR(f.total, r.sigma.total, 1e-12 * r.sigma.total);
}

TEST(MultipoleConvergence, ExtremeMomentumTransferIsFiniteAndEnergyCapIsTyped) {
  // q = 1e6 MeV: j_L(q r) at q r ~ 1e5 used to abort in GSL (Steed's method); now finite.
  const auto resp = wsFactory("O16", ResponseMode::NeutralCurrent)(6);
  const double qs[] = {1e3, 1e6, 2e6};
  const auto sets = resp->continuumResponses(30.0, qs);
  for (const auto& s : sets) {
    const ResponseFunctions W = s.total();
    for (double v : {W.CC, W.CL, W.LL, W.T, W.TP}) EXPECT_TRUE(std::isfinite(v));
  }
  const InelasticCrossSection xs(resp, Flavour::NuMu);
  try {
    (void)xs.sigma(1e6);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::NotSupported);
  }
  EXPECT_THROW((void)xs.sigma(std::nan("")), Error);
  EXPECT_THROW((void)xs.dSigmaDCos(30.0, {2.0}), Error);
}
