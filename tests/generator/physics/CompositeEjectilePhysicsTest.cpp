// Composite ejectiles (d, t, 3He; alpha with an optical model) in the Hauser-Feshbach decay, and
// level lifetimes of the discrete gamma cascades (issue 9): sampled channel fractions against the
// tabulated widths (chi^2), charge / baryon number / four-momentum conservation in every event,
// suppression of d, t, 3He against n, p for 40K* at 15-20 MeV, NuHepMC output of the new particles,
// and the mean delay of the gammas of a level against its mean life tau = T1/2 / ln 2.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <vector>

#include <HepMC3/GenEvent.h>
#include <HepMC3/GenParticle.h>
#include <HepMC3/ReaderAscii.h>

#include "../GeneratorTestSupport.hpp"
#include "lenu/core/Constants.hpp"
#include "lenu/generator/Deexcitation.hpp"
#include "lenu/generator/GeneratorSetup.hpp"
#include "lenu/generator/HauserFeshbach.hpp"
#include "lenu/generator/NuHepMcWriter.hpp"

using namespace lenu;
using namespace lenu::generator;
using namespace lenu::generator::testing;

namespace {
const Deexcitation& deex() {
  static const auto d = loadDeexcitation(nuclides());
  return *d;
}
constexpr int kD = 1000010020, kT = 1000010030, kH = 1000020030, kA = 1000020040;
const char* nameOf(int pdg) {
  switch (pdg) {
  case 22: return "gamma";
  case 2112: return "n";
  case 2212: return "p";
  case kD: return "d";
  case kT: return "t";
  case kH: return "3He";
  case kA: return "alpha";
  default: return "?";
  }
}
/// One excited nucleus (Z, A, ex) moving along a fixed direction, de-excited.
Event decayOnce(int Z, int A, double ex, Engine& eng) {
  const double m = *deex().groundMass(Z, A) + ex;
  Event ev;
  ev.vertices.push_back({kVertexPrimary});
  const FourMomentum p = momentumAlong(25.0, 0.3, 0.4, std::sqrt(625.0 + m * m));
  ev.particles.push_back({nucleusPdg(Z, A), kStatusTarget, p, m, -1, 0, 0.0});
  ev.particles.push_back({nucleusPdg(Z, A), kStatusFinal, p, m, 0, -1, 0.0});
  deex().decay(1, eng, ev);
  return ev;
}
} // namespace

// Separation energies of the composite channels of 40K from the AME2020 masses (data/nuclides.csv +
// data/deexcitation/evaporation_masses.csv): d, t, 3He thresholds lie above the nucleon ones
// (S_n = 7.80, S_p = 7.58 MeV), so the matching energy is unchanged; S_d by an independent route
// through the masses; printed for the report.
TEST(CompositeEjectiles, SeparationEnergiesOf40K) {
  const auto* hf = deex().hauserFeshbach();
  ASSERT_NE(hf, nullptr);
  const double sn = hf->separationEnergy(19, 40, 2112), sp = hf->separationEnergy(19, 40, 2212);
  std::printf("[sep] 40K: S_n %.4f, S_p %.4f", sn, sp);
  for (int pdg : {kD, kT, kH, kA}) {
    const double s = hf->separationEnergy(19, 40, pdg);
    std::printf(", S_%s %.4f", nameOf(pdg), s);
    if (pdg != kA) {
      EXPECT_GT(s, std::max(sn, sp)) << nameOf(pdg); // the matching energy E_m stays min(S_n, S_p, levels)
    }
  }
  std::printf(" MeV\n");
  // S_d = S_p(40K) + S_n(39Ar) - B_d: the deuteron channel is the proton channel plus a neutron
  // removal minus the deuteron binding 2.2246 MeV (independent route through the masses)
  const double bd = constants::kMassProton + constants::kMassNeutron - *deex().groundMass(1, 2);
  const double snAr39 = *deex().groundMass(18, 38) + constants::kMassNeutron - *deex().groundMass(18, 39);
  EXPECT_NEAR(hf->separationEnergy(19, 40, kD), sp + snAr39 - bd, 1e-6);
  EXPECT_NEAR(bd, 2.2246, 1e-3);
}

// Channel fractions of fixed compound states (bin centre, 2J, pi) follow the tabulated widths:
// chi^2 over the channels (those with expected count < 5 merged), p > kPValueThreshold. Printed:
// fractions and the mean kinetic energy <E> [MeV] (residual-frame approximation ex - S - E') per
// ejectile.
TEST(CompositeEjectiles, SampledChannelFractionsFollowTheWidths) {
  const auto* hf = deex().hauserFeshbach();
  Engine eng = blockEngine(901, 0);
  for (auto [ex, tj, par] : std::vector<std::tuple<double, int, int>>{{16.0, 4, -1}, {25.0, 4, -1}, {25.0, 2, 1}}) {
    const double e = hf->binCentre(19, 40, ex);
    const auto widths = hf->widths(19, 40, e, tj, par);
    double total = 0.0;
    for (const auto& w : widths) {
      total += w.width;
    }
    std::map<int, double> counts, esum;
    const int n = 100000;
    for (int i = 0; i < n; ++i) {
      const auto t = hf->sample(19, 40, e, tj, par, eng);
      ASSERT_TRUE(t.has_value());
      counts[t->pdg] += 1.0;
      const double s = t->pdg == 22 ? 0.0 : hf->separationEnergy(19, 40, t->pdg);
      esum[t->pdg] += e - s - t->excitation;
    }
    std::vector<double> o, x;
    double oSmall = 0.0, xSmall = 0.0;
    std::set<int> open;
    for (const auto& w : widths) {
      open.insert(w.pdg);
      const double expect = n * w.width / total;
      std::printf("[hf2] 40K* %.3f MeV 2J=%d pi=%+d: %-5s width fraction %.3e sampled %.3e  <E> %.3f MeV\n", e, tj, par,
                  nameOf(w.pdg), w.width / total, counts[w.pdg] / n, counts[w.pdg] > 0 ? esum[w.pdg] / counts[w.pdg] : 0.0);
      if (expect < 5.0) {
        oSmall += counts[w.pdg];
        xSmall += expect;
      } else {
        o.push_back(counts[w.pdg]);
        x.push_back(expect);
      }
    }
    if (xSmall > 0.0) {
      o.push_back(oSmall);
      x.push_back(xSmall);
    }
    for (const auto& [pdg, c] : counts) {
      EXPECT_TRUE(open.count(pdg)) << "sampled a closed channel " << pdg;
    }
    const auto c = chiSquare(o, x);
    EXPECT_GT(c.pValue, kPValueThreshold) << "chi2 " << c.chi2 << " ndf " << c.ndf << " at " << e << " MeV";
    if (ex == 25.0) {
      EXPECT_TRUE(open.count(kD) && open.count(kT) && open.count(kA)) << "d, t, alpha open at 25 MeV";
    }
  }
}

// d, t, 3He from 40K* at 15-20 MeV (spins from the level density, first emission): strongly
// suppressed against n + p (S_d = 11.95, S_3He = 16.70, S_t = 17.54 MeV: little phase space, Coulomb
// barriers). Requirements: (d + t + 3He) / (n + p) below 0.1 (an order of magnitude) at each energy;
// a channel below its threshold has exactly zero width (t, 3He at 15 MeV); t and 3He, with the higher
// thresholds, below d. Fractions printed.
TEST(CompositeEjectiles, SuppressedAgainstNucleonsIn40KAt15To20MeV) {
  const auto* hf = deex().hauserFeshbach();
  Engine eng = blockEngine(902, 0);
  for (double ex : {15.0, 17.5, 20.0}) {
    const double e = hf->binCentre(19, 40, ex);
    std::map<int, double> w;
    double total = 0.0;
    const int nSpin = 4000;
    for (int i = 0; i < nSpin; ++i) {
      const auto [tj, par] = hf->sampleSpin(19, 40, e, eng);
      const auto ws = hf->widths(19, 40, e, tj, par);
      double sum = 0.0;
      for (const auto& c : ws) {
        sum += c.width;
      }
      for (const auto& c : ws) {
        w[c.pdg] += c.width / sum / nSpin; // branching of this state, averaged over the spin population
      }
    }
    for (const auto& [pdg, f] : w) {
      total += f;
    }
    const double composite = w[kD] + w[kT] + w[kH];
    const double nucleons = w[2112] + w[2212];
    std::printf("[hf2] 40K* %.3f MeV (J from rho): n %.4f p %.4f gamma %.4f alpha %.3e d %.3e t %.3e 3He %.3e; "
                "(d+t+3He)/(n+p) = %.3e\n",
                e, w[2112], w[2212], w[22], w[kA], w[kD], w[kT], w[kH], composite / nucleons);
    EXPECT_NEAR(total, 1.0, 1e-9);
    EXPECT_GT(nucleons, 0.5);
    EXPECT_LT(composite / nucleons, 0.1);
    EXPECT_GT(w[kD], 0.0); // open above S_d = 11.95 MeV
    EXPECT_LT(w[kT] + w[kH], w[kD]);
    for (int pdg : {kT, kH}) {
      if (e < hf->separationEnergy(19, 40, pdg)) {
        EXPECT_EQ(w[pdg], 0.0) << nameOf(pdg) << " below its threshold";
      }
    }
  }
}

// Full de-excitation events of 40K* and 40Ar* at 22-40 MeV: charge, baryon number, energy and
// momentum conserved at every vertex (checkConservation), every nucleus left in its ground state,
// and d, t, 3He appear among the emitted particles (PDG 1000010020, 1000010030, 1000020030).
TEST(CompositeEjectiles, EventsConserveChargeBaryonNumberAndFourMomentum) {
  Engine eng = blockEngine(903, 0);
  std::map<int, int> emitted;
  for (auto [Z, A] : std::vector<std::pair<int, int>>{{19, 40}, {18, 40}}) {
    for (double ex : {22.0, 30.0, 40.0}) {
      for (int i = 0; i < 1500; ++i) {
        const Event ev = decayOnce(Z, A, ex, eng);
        const auto c = checkConservation(ev, 1e-7);
        ASSERT_TRUE(c.ok(1e-7)) << c.firstProblem << " Z " << Z << " Ex " << ex;
        int q = 0, b = 0;
        for (const auto& p : ev.particles) {
          if (p.status != kStatusFinal) {
            continue;
          }
          q += pdgCharge(p.pdg);
          b += pdgBaryonNumber(p.pdg);
          if (p.origin > 0) {
            ++emitted[p.pdg];
          }
          if (p.pdg > 1000000000) {
            const int z = (p.pdg / 10000) % 1000, a = (p.pdg / 10) % 1000;
            ASSERT_NEAR(p.mass, *deex().groundMass(z, a), 1e-9) << p.pdg;
          }
        }
        ASSERT_EQ(q, Z);
        ASSERT_EQ(b, A);
      }
    }
  }
  std::printf("[hf2] 9000 events 40K*, 40Ar* at 22/30/40 MeV: n %d p %d gamma %d d %d t %d 3He %d alpha %d\n", emitted[2112],
              emitted[2212], emitted[22], emitted[kD], emitted[kT], emitted[kH], emitted[kA]);
  EXPECT_GT(emitted[kD], 0);
  EXPECT_GT(emitted[kA], 0);
}

// NuHepMC output of the composite ejectiles: events holding d, t or 3He are written by lenu's
// direct formatter byte-identical to HepMC3's writer, and read back by HepMC3 with the PDG codes
// and the final-state charge intact.
TEST(CompositeEjectiles, NuHepMcCarriesTheNewParticles) {
  Engine eng = blockEngine(904, 0);
  std::vector<Event> events;
  std::set<int> wanted{kD, kT, kH};
  std::set<int> found;
  for (int i = 0; i < 200000 && (found != wanted || events.size() < 5); ++i) {
    Event ev = decayOnce(19, 40, 35.0, eng);
    bool keep = false;
    for (const auto& p : ev.particles) {
      if (wanted.count(p.pdg) && p.status == kStatusFinal) {
        keep = !found.count(p.pdg) || events.size() < 5;
        found.insert(p.pdg);
      }
    }
    if (keep) {
      ev.number = events.size();
      events.push_back(std::move(ev));
    }
  }
  ASSERT_EQ(found, wanted) << "d, t and 3He all sampled from 40K* at 35 MeV";
  NuHepMcFormatter f(RunMetadata{});
  const std::string fast = f.formatEvents(events);
  ASSERT_EQ(fast, f.formatEventsHepMC3(events));
  const auto path = std::filesystem::temp_directory_path() / "lenu_composite_ejectiles.hepmc3";
  {
    std::ofstream out(path);
    out << f.header() << fast << NuHepMcFormatter::footer();
  }
  HepMC3::ReaderAscii rd(path.string());
  std::set<int> read;
  for (const auto& ev : events) {
    HepMC3::GenEvent g;
    ASSERT_TRUE(rd.read_event(g));
    int q = 0;
    for (const auto& p : g.particles()) {
      if (p->status() == kStatusFinal) {
        q += pdgCharge(p->pid());
        read.insert(p->pid());
      }
    }
    EXPECT_EQ(q, 19);
    EXPECT_EQ(g.particles().size(), ev.particles.size());
  }
  for (int pdg : wanted) {
    EXPECT_TRUE(read.count(pdg)) << pdg;
  }
  std::filesystem::remove(path);
}

// Level lifetimes: the 1643.6 keV 0+ isomer of 40K (T1/2 = 336 ns, RIPL-3/ENSDF, K40.dat) emits its
// gammas after an exponentially distributed delay: the mean delay equals tau = T1/2 / ln 2 within
// 4 standard errors (tau / sqrt(N)) and so does the standard deviation (exponential law); the
// 29.8 keV level (T1/2 = 4.25 ns) then adds its own delay to the last gamma. A level without a
// half-life ("?") emits promptly.
TEST(LevelLifetimes, MeanSampledDelayEqualsTheMeanLife) {
  const LevelScheme* s = deex().scheme(19, 40);
  ASSERT_NE(s, nullptr);
  const std::size_t iso = s->levelAt(1.64364), low = s->levelAt(0.0298299);
  ASSERT_NEAR(s->levels[iso].halfLife, 336.0, 1e-9); // ns
  ASSERT_NEAR(s->levels[low].halfLife, 4.25, 1e-9);
  const double tau = s->levels[iso].lifetime, tauLow = s->levels[low].lifetime;
  EXPECT_NEAR(tau, 336.0 / std::log(2.0), 1e-9);
  Engine eng = blockEngine(905, 0);
  const int n = 20000;
  double sum = 0.0, sum2 = 0.0, sumLow = 0.0;
  int nLow = 0;
  for (int i = 0; i < n; ++i) {
    const Event ev = decayOnce(19, 40, s->levels[iso].energy, eng);
    // first emitted gamma (from the isomer), then the chain below
    const Particle& g = ev.particles[2];
    ASSERT_EQ(g.pdg, 22);
    sum += g.time;
    sum2 += g.time * g.time;
    // 1.6138 MeV branch to the 29.8 keV level: the last gamma's delay after the first
    if (ev.particles.size() == 6 && std::abs(ev.particles[3].mass - *deex().groundMass(19, 40) - s->levels[low].energy) < 1e-6) {
      sumLow += ev.particles[4].time - g.time;
      ++nLow;
    }
  }
  const double mean = sum / n, sd = std::sqrt(sum2 / n - mean * mean);
  const double meanLow = sumLow / nLow;
  std::printf("[life] 40K 1643.6 keV: tau = %.2f ns, mean delay %.2f +- %.2f ns, sd %.2f ns (N = %d); 29.8 keV: tau = %.3f ns, "
              "mean %.3f +- %.3f ns (N = %d)\n",
              tau, mean, tau / std::sqrt(n), sd, n, tauLow, meanLow, tauLow / std::sqrt(nLow), nLow);
  EXPECT_NEAR(mean, tau, 4.0 * tau / std::sqrt(n));
  EXPECT_NEAR(sd, tau, 4.0 * tau * std::sqrt(2.0 / n)); // exponential: sd = tau, standard error tau sqrt(2/N)
  ASSERT_GT(nLow, 1000);
  EXPECT_NEAR(meanLow, tauLow, 4.0 * tauLow / std::sqrt(nLow));
  // a level with unknown half-life: prompt
  std::size_t unknown = 0;
  for (std::size_t k = 1; k < s->levels.size(); ++k) {
    if (s->levels[k].halfLife == 0.0 && s->levels[k].energy < 7.5) {
      unknown = k;
      break;
    }
  }
  ASSERT_GT(unknown, 0u);
  EXPECT_EQ(s->levels[unknown].lifetime, 0.0);
}
