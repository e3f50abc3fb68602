// Evaporation with optical-model (Koning-Delaroche) nucleon inverse cross sections: the sampled
// first-emission channel fractions follow the computed widths (chi^2, p > kPValueThreshold), and
// the proton channel tunnels through the Coulomb barrier rather than being cut sharply.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <vector>

#include "../GeneratorTestSupport.hpp"
#include "lenu/generator/Deexcitation.hpp"
#include "lenu/generator/GeneratorSetup.hpp"

using namespace lenu::generator;
using namespace lenu::generator::testing;

TEST(EvaporationPhysics, SampledChannelFractionsFollowTheWidths) {
  EvaporationConfig we;
  we.hauserFeshbach = false; // the Weisskopf-Ewing model (Hauser-Feshbach: HauserFeshbachPhysicsTest.cpp)
  auto deex = loadDeexcitation(nuclides(), we);
  const double m40K = *deex->groundMass(19, 40);
  Engine eng = blockEngine(2024, 0);
  for (double ex : {14.0, 22.0}) {
    const auto widths = deex->evaporationWidths(19, 40, ex);
    ASSERT_GE(widths.size(), 2u) << "n and p must both be open at " << ex << " MeV";
    double total = 0.0;
    for (const auto& w : widths) {
      ASSERT_GT(w.width, 0.0);
      total += w.width;
    }
    const int n = 20000;
    std::map<int, double> counts;
    for (int i = 0; i < n; ++i) {
      Event ev;
      ev.vertices.push_back({kVertexPrimary});
      const double m = m40K + ex;
      const FourMomentum p{m, 0.0, 0.0, 0.0};
      ev.particles.push_back({1000190400, kStatusTarget, p, m, -1, 0, 0.0});
      ev.particles.push_back({1000190400, kStatusFinal, p, m, 0, -1, 0.0});
      deex->decay(1, eng, ev);
      counts[ev.particles[2].pdg] += 1.0; // first emitted particle
    }
    std::vector<double> obs, expct;
    for (const auto& w : widths) {
      obs.push_back(counts[w.pdg]);
      expct.push_back(n * w.width / total);
      std::printf("[evap] 40K* %.0f MeV: pdg %d expected %.4f sampled %.4f\n", ex, w.pdg, w.width / total,
                  counts[w.pdg] / n);
    }
    const auto c = chiSquare(obs, expct);
    EXPECT_GT(c.pValue, kPValueThreshold) << "chi2 " << c.chi2 << " ndf " << c.ndf;
  }
}

// 0.37 MeV above S_p(40K) the proton must tunnel through a ~6 MeV barrier: its width is tiny but
// non-zero (optical model), far below the neutron's.
TEST(EvaporationPhysics, ProtonTunnelsBelowTheBarrier) {
  EvaporationConfig we;
  we.hauserFeshbach = false;
  auto deex = loadDeexcitation(nuclides(), we);
  const auto widths = deex->evaporationWidths(19, 40, 7.952);
  double wn = 0.0, wp = 0.0;
  for (const auto& w : widths) {
    (w.pdg == 2112 ? wn : w.pdg == 2212 ? wp : wn) += w.pdg == 1000020040 ? 0.0 : w.width;
  }
  EXPECT_GT(wn, 0.0);
  EXPECT_GE(wp, 0.0);
  EXPECT_LT(wp, 1e-4 * wn);
}
