// Hauser-Feshbach de-excitation with spin and parity (HauserFeshbach.hpp): gamma strength functions
// against the TRK sum rule, level-density systematics, J/pi selection rules of every sampled
// transition, energy conservation, channel branching vs the tabulated widths (chi^2), and the
// neutron spectrum against the Weisskopf-Ewing evaporation limit.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <vector>

#include "../GeneratorTestSupport.hpp"
#include "lenu/core/Constants.hpp"
#include "lenu/generator/Deexcitation.hpp"
#include "lenu/generator/GammaStrength.hpp"
#include "lenu/generator/GeneratorSetup.hpp"
#include "lenu/generator/HauserFeshbach.hpp"
#include "lenu/generator/LevelDensity.hpp"

using namespace lenu;
using namespace lenu::generator;
using namespace lenu::generator::testing;

namespace {
const Deexcitation& hfDeexcitation() {
  static const auto d = loadDeexcitation(nuclides());
  return *d;
}
} // namespace

// The E1 photoabsorption cross section of the strength function, integrated over E, equals the
// Thomas-Reiche-Kuhn sum 2 pi^2 alpha (hbar c)^2 / m_N * NZ/A [MeV fm^2] (computed here from the
// constants, ~60 NZ/A mb MeV) times (1 + kappa), kappa = 0.2 of the RIPL GDR systematics, within 1%.
TEST(GammaStrength, E1PhotoabsorptionExhaustsTrkTimesOnePlusKappa) {
  for (auto [Z, A] : std::vector<std::pair<int, int>>{{19, 40}, {18, 40}, {6, 12}, {82, 208}}) {
    const StandardLorentzian f(Z, A);
    // midpoint rule on E = x / (1 - x), x in (0, 1): the whole half line
    double integral = 0.0;
    const int nx = 400000;
    for (int i = 0; i < nx; ++i) {
      const double x = (i + 0.5) / nx, e = x / (1.0 - x);
      integral += f.photoabsorption(e) / ((1.0 - x) * (1.0 - x)) / nx;
    }
    const double mN = 0.5 * (constants::kMassProton + constants::kMassNeutron);
    const double trk = 2.0 * constants::kPi * constants::kPi * constants::kAlpha * constants::kHbarC *
                       constants::kHbarC / mN * (A - Z) * Z / A;
    std::printf("[gsf] Z=%d A=%d: E_GDR = %.2f MeV, Gamma = %.2f MeV, int sigma dE = %.2f mb MeV, TRK = %.2f mb MeV, ratio %.4f\n",
                Z, A, f.e1().energy, f.e1().width, integral * 10.0, trk * 10.0, integral / trk);
    EXPECT_NEAR(integral / trk, 1.2, 0.012) << "Z=" << Z << " A=" << A;
  }
}

// T_XL = 2 pi E^(2L+1) f_XL: far below the resonances every SLO T_XL ~ E^4 (f_XL ~ E^(3-2L)); E1 dominates M1 by the RIPL ratio 0.0588 A^0.878 at 7 MeV; no strength at E <= 0.
TEST(GammaStrength, TransmissionsScaleWithTheMultipoleOrder) {
  const StandardLorentzian f(19, 40);
  const double e = 0.05;
  EXPECT_NEAR(f.transmission(Radiation::Electric, 1, 2 * e) / f.transmission(Radiation::Electric, 1, e), 16.0, 0.05);
  EXPECT_NEAR(f.transmission(Radiation::Magnetic, 1, 2 * e) / f.transmission(Radiation::Magnetic, 1, e), 16.0, 0.05);
  EXPECT_NEAR(f.transmission(Radiation::Electric, 2, 2 * e) / f.transmission(Radiation::Electric, 2, e), 16.0, 0.05);
  EXPECT_NEAR(f.strength(Radiation::Electric, 1, 7.0) / f.strength(Radiation::Magnetic, 1, 7.0),
              0.0588 * std::pow(40.0, 0.878), 1e-9);
  EXPECT_EQ(f.transmission(Radiation::Electric, 1, 0.0), 0.0);
  EXPECT_EQ(f.strength(Radiation::Electric, 3, 5.0), 0.0);
}

// Level density: sum_J (2J+1)-spin factor is a probability (sums to 1 over J); the level density
// rises with energy; a ~ A/8 within 40% for the A = 40 nuclei (the textbook scale), and the
// von Egidy-Bucurescu pairing comes from masses (not the estimate) for 40K (42Ca, 38Ar known).
TEST(LevelDensity, SpinDistributionIsNormalisedAndDensityRises) {
  const auto* hf = hfDeexcitation().hauserFeshbach();
  ASSERT_NE(hf, nullptr);
  for (auto [Z, A] : std::vector<std::pair<int, int>>{{19, 40}, {18, 40}, {19, 39}, {18, 39}}) {
    const auto& ld = hf->levelDensity(Z, A);
    std::printf("[ld] Z=%d A=%d: a = %.3f /MeV, E1 = %.3f MeV, pairing estimate %d, rho(8 MeV) = %.3g /MeV, sigma^2(8 MeV) = %.2f, "
                "E_m = %.3f MeV\n",
                Z, A, ld.a(), ld.backShift(), ld.usedPairingEstimate(), ld.total(8.0), ld.sigma2(8.0), hf->matchingEnergy(Z, A));
    for (double e : {3.0, 8.0, 20.0}) {
      double s = 0.0;
      for (int tj = A % 2; tj < 200; tj += 2) {
        s += ld.spinFactor(e, tj);
      }
      EXPECT_NEAR(s, 1.0, 0.02) << "E=" << e;
      EXPECT_GT(ld.total(e + 1.0), ld.total(e));
    }
    EXPECT_NEAR(ld.a() / (A / 8.0), 1.0, 0.4);
  }
  EXPECT_FALSE(hf->levelDensity(19, 40).usedPairingEstimate());
}

// Every sampled transition obeys angular-momentum and parity conservation: particle channels
// |J - J'| <= j <= J + J', j = l +- s, pi = pi' (-1)^l; gammas |J - J'| <= L <= J + J', E1 flips the
// parity, M1/E2 keep it; the residual excitation is kinematically allowed.
TEST(HauserFeshbachPhysics, SampledTransitionsConserveSpinAndParity) {
  const auto* hf = hfDeexcitation().hauserFeshbach();
  Engine eng = blockEngine(77, 0);
  std::map<int, int> seen;
  int n = 0;
  for (double ex : {8.3, 12.0, 18.0, 30.0}) {
    for (int tj : {0, 2, 5 * 2, 8}) {
      for (int par : {1, -1}) {
        for (int i = 0; i < 400; ++i) {
          const auto t = hf->sample(19, 40, ex, tj, par, eng);
          ASSERT_TRUE(t.has_value()) << ex;
          ++n;
          ++seen[t->pdg];
          if (t->pdg == 22) {
            ASSERT_TRUE(t->l == 1 || t->l == 2);
            ASSERT_LE(std::abs(tj - t->twoJ), 2 * t->l);
            ASSERT_GE(tj + t->twoJ, 2 * t->l);
            const int change = (t->electric && t->l == 1) ? -1 : 1;
            ASSERT_EQ(t->parity, par * change) << "L=" << t->l << " E=" << t->electric;
            ASSERT_FALSE(!t->electric && t->l == 2);
            ASSERT_LT(t->excitation, ex);
          } else {
            // 2s: alpha 0, deuteron 2, n, p, t, 3He 1
            const int twoS = t->pdg == 1000020040 ? 0 : t->pdg == 1000010020 ? 2 : 1;
            ASSERT_TRUE(t->twoj >= std::abs(2 * t->l - twoS) && t->twoj <= 2 * t->l + twoS) << t->pdg;
            ASSERT_EQ((t->twoj + twoS) % 2, 0);
            ASSERT_LE(std::abs(tj - t->twoJ), t->twoj);
            ASSERT_GE(tj + t->twoJ, t->twoj);
            ASSERT_EQ(par, t->parity * (t->l % 2 == 0 ? 1 : -1));
            ASSERT_EQ(t->twoJ % 2, t->A % 2);
          }
          ASSERT_GE(t->excitation, 0.0);
        }
      }
    }
  }
  std::printf("[hf] 40K* sampled %d transitions: gamma %d, n %d, p %d, alpha %d, d %d, t %d, 3He %d\n", n, seen[22], seen[2112],
              seen[2212], seen[1000020040], seen[1000010020], seen[1000010030], seen[1000020030]);
  EXPECT_GT(seen[22], 0);
  EXPECT_GT(seen[2112], 0);
  EXPECT_GT(seen[2212], 0);
}

// Channel branching of one compound state (40K*, E = bin centre, 2J, pi fixed) follows the tabulated
// widths: chi^2 over the channels with p > kPValueThreshold.
TEST(HauserFeshbachPhysics, ChannelBranchingFollowsTheWidths) {
  const auto* hf = hfDeexcitation().hauserFeshbach();
  Engine eng = blockEngine(78, 0);
  for (auto [ex, tj, par] : std::vector<std::tuple<double, int, int>>{{9.0, 2, 1}, {16.0, 4, -1}, {24.0, 2, 1}}) {
    const double e = hf->binCentre(19, 40, ex);
    const auto widths = hf->widths(19, 40, e, tj, par);
    double total = 0.0;
    for (const auto& w : widths) {
      total += w.width;
    }
    std::map<int, double> counts;
    const int n = 20000;
    for (int i = 0; i < n; ++i) {
      counts[hf->sample(19, 40, e, tj, par, eng)->pdg] += 1.0;
    }
    std::vector<double> o, x;
    for (const auto& w : widths) {
      o.push_back(counts[w.pdg]);
      x.push_back(n * w.width / total);
      std::printf("[hf] 40K* %.3f MeV 2J=%d pi=%+d: pdg %d width fraction %.4f sampled %.4f\n", e, tj, par, w.pdg,
                  w.width / total, counts[w.pdg] / n);
    }
    ASSERT_GE(widths.size(), 2u);
    const auto c = chiSquare(o, x);
    EXPECT_GT(c.pValue, kPValueThreshold) << "chi2 " << c.chi2 << " ndf " << c.ndf;
  }
}

// Full events: energy and momentum conserved at every vertex, every nucleus ends in its ground
// state, for 40K* and 40Ar* (NC) from 5 to 40 MeV, with spins drawn from the level density.
TEST(HauserFeshbachPhysics, EventsConserveEnergyAndEndInGroundStates) {
  const Deexcitation& d = hfDeexcitation();
  Engine eng = blockEngine(79, 0);
  std::map<int, int> emitted;
  for (auto [Z, A] : std::vector<std::pair<int, int>>{{19, 40}, {18, 40}}) {
    const double m0 = *d.groundMass(Z, A);
    for (double ex : {5.0, 9.0, 15.0, 25.0, 40.0}) {
      for (int i = 0; i < 500; ++i) {
        Event ev;
        ev.vertices.push_back({kVertexPrimary});
        const double m = m0 + ex;
        const FourMomentum p = momentumAlong(30.0, 0.3, 0.4, std::sqrt(900.0 + m * m));
        ev.particles.push_back({nucleusPdg(Z, A), kStatusTarget, p, m, -1, 0, 0.0});
        ev.particles.push_back({nucleusPdg(Z, A), kStatusFinal, p, m, 0, -1, 0.0});
        d.decay(1, eng, ev);
        const auto c = checkConservation(ev);
        ASSERT_TRUE(c.ok(1e-7)) << c.firstProblem << " Ex " << ex;
        for (const auto& q : ev.particles) {
          if (q.status != kStatusFinal) {
            continue;
          }
          if (q.pdg > 1000000000 && (q.pdg / 10) % 1000 > 4) { // nuclei (not d, t, 3He, alpha)
            const int z = (q.pdg / 10000) % 1000, a = (q.pdg / 10) % 1000;
            ASSERT_NEAR(q.mass, *d.groundMass(z, a), 1e-9) << q.pdg << " Ex " << ex;
          } else if (q.origin > 0) {
            ++emitted[q.pdg];
          }
        }
      }
    }
  }
  std::printf("[hf] 5000 events: gammas %d, n %d, p %d, alpha %d\n", emitted[22], emitted[2112], emitted[2212],
              emitted[1000020040]);
  EXPECT_GT(emitted[2112], 1000);
  EXPECT_GT(emitted[22], 1000);
}

// Neutron spectrum vs the Weisskopf-Ewing limit: compound states of 40K* at 20 MeV with spins
// drawn from rho(E, J) (the population of a spin-blind excitation), first emission only; the
// Weisskopf-Ewing spectrum eps sigma_R(eps) rho_39K(E - S_n - eps) with the same optical model
// and level density. The J-summed Hauser-Feshbach spectrum approaches it when the residual spin
// distribution is broad: mean neutron energies agree within 15%.
TEST(HauserFeshbachPhysics, NeutronSpectrumApproachesTheWeisskopfEwingLimit) {
  const auto* hf = hfDeexcitation().hauserFeshbach();
  Engine eng = blockEngine(80, 0);
  const double ex = hf->binCentre(19, 40, 20.0);
  const Deexcitation& d = hfDeexcitation();
  const double sn = *d.groundMass(19, 39) + constants::kMassNeutron - *d.groundMass(19, 40);
  double sum = 0.0;
  int nn = 0;
  for (int i = 0; i < 20000; ++i) {
    const auto [tj, par] = hf->sampleSpin(19, 40, ex, eng);
    const auto t = hf->sample(19, 40, ex, tj, par, eng);
    if (t && t->pdg == 2112) {
      sum += ex - sn - t->excitation;
      ++nn;
    }
  }
  ASSERT_GT(nn, 2000);
  const double meanHf = sum / nn;
  const OpticalModel om(0, 19, 39);
  const InverseCrossSection sigma(om, 40.0, 64);
  const auto& ld = hf->levelDensity(19, 39);
  double w0 = 0.0, w1 = 0.0;
  const double de = 0.02;
  for (double eps = 0.5 * de; eps < ex - sn; eps += de) {
    const double w = eps * sigma(eps) * ld.total(ex - sn - eps);
    w0 += w;
    w1 += w * eps;
  }
  const double meanWe = w1 / w0;
  std::printf("[hf] 40K* %.3f MeV: mean neutron energy HF %.3f MeV (%d n), Weisskopf-Ewing %.3f MeV\n", ex, meanHf, nn,
              meanWe);
  EXPECT_NEAR(meanHf / meanWe, 1.0, 0.15);
}
