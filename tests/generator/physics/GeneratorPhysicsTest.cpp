// Physics validation of the event generator: 10^5 sampled events per process against the
// analytic distributions of the cross-section layers (chi^2, p-value threshold
// kPValueThreshold = 1e-3 with fixed seeds), the event-weighted total against the flux-averaged
// cross section, and energy / momentum / charge / baryon-number conservation in every event.

#include <cmath>
#include <cstdio>
#include <vector>

#include "../GeneratorTestSupport.hpp"
#include "lenu/core/Constants.hpp"
#include "lenu/core/Integrate.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/generator/EventGenerator.hpp"
#include "lenu/generator/GeneratorSetup.hpp"

using namespace lenu;
using namespace lenu::generator;
using namespace lenu::generator::testing;

namespace {

constexpr int kEvents = 100000;

double frac(std::size_t b, std::size_t n) { return static_cast<double>(b) / static_cast<double>(n); }

double binIntegral(const std::function<double(double)>& f, double a, double b) {
  return GaussLegendre(8, a, b)([&](double x) { return f(x); });
}

void expectConserved(const Event& ev) {
  const auto c = checkConservation(ev);
  ASSERT_TRUE(c.ok(1e-8)) << c.firstProblem << " dp " << c.maxMomentum << " dE " << c.maxEnergy;
}

void report(const char* what, const ChiSquare& c) {
  std::printf("[chi2] %-52s chi2 = %8.2f  ndf = %3d  p = %.4f\n", what, c.chi2, c.ndf, c.pValue);
}

} // namespace

TEST(CevnsPhysics, RecoilSpectrumMatchesDsigmaDT) {
  for (const char* nucleus : {"Ar40", "Cs133"}) {
    const double E = 30.0;
    auto src = std::make_shared<LineSource>(Flavour::NuMu, E);
    auto proc = cevnsProcess(nucleus, Flavour::NuMu, 60.0, {E});
    EventGenerator gen(src, {Flavour::NuMu}, {{proc, 1.0}});
    const auto& xs = proc->crossSection();
    const double tMax = xs.maxRecoil(E);
    const std::size_t nb = 40;
    std::vector<double> obs(nb, 0.0), exp(nb, 0.0);
    Engine eng = blockEngine(101, 0);
    Event ev;
    for (int i = 0; i < kEvents; ++i) {
      gen.generate(eng, ev);
      expectConserved(ev);
      ASSERT_DOUBLE_EQ(ev.energy, E);
      const auto b = std::min(nb - 1, static_cast<std::size_t>(ev.recoil / tMax * static_cast<double>(nb)));
      obs[b] += 1.0;
    }
    const double sigma = xs.sigma(E);
    for (std::size_t b = 0; b < nb; ++b) {
      exp[b] = kEvents * binIntegral([&](double T) { return xs.dSigmaDT(E, T); }, tMax * frac(b, nb), tMax * frac(b + 1, nb)) / sigma;
    }
    const auto c = chiSquare(obs, exp);
    report((std::string("CEvNS T on ") + nucleus + ", E = 30 MeV").c_str(), c);
    EXPECT_GT(c.pValue, kPValueThreshold);
  }
}

TEST(CevnsPhysics, NeutrinoEnergyFollowsFluxTimesSigma) {
  auto src = snsSource();
  auto proc = cevnsProcess("Ar40", Flavour::NuE, 52.9);
  EventGenerator gen(src, {Flavour::NuE}, {{proc, 1.0}});
  const auto xs = cevnsXs("Ar40");
  const auto spec = src->spectrum(Flavour::NuE);
  const double eMax = spec.maxEnergy();
  const std::size_t nb = 40;
  std::vector<double> obs(nb, 0.0), exp(nb, 0.0);
  Engine eng = blockEngine(102, 0);
  Event ev;
  double sumSigma = 0.0;
  for (int i = 0; i < kEvents; ++i) {
    gen.generate(eng, ev);
    expectConserved(ev);
    obs[std::min(nb - 1, static_cast<std::size_t>(ev.energy / eMax * static_cast<double>(nb)))] += 1.0;
    sumSigma += 1.0 / xs.sigma(ev.energy);
  }
  double tot = 0.0;
  for (std::size_t b = 0; b < nb; ++b) {
    exp[b] = binIntegral([&](double e) { return spec.continuousPart()->pdf(e) * xs.sigma(e); }, eMax * frac(b, nb),
                         eMax * frac(b + 1, nb));
    tot += exp[b];
  }
  for (auto& x : exp) {
    x *= kEvents / tot;
  }
  const auto c = chiSquare(obs, exp);
  report("CEvNS E_nu on Ar40, DAR nu_e (Michel x sigma)", c);
  EXPECT_GT(c.pValue, kPValueThreshold);
  // event-weighted total: for events drawn from f sigma / <sigma>, <1/sigma>_events = 1/<sigma>
  const double fa = spec.average([&](double e) { return xs.sigma(e); }, 1e-10);
  const double est = kEvents / sumSigma;
  std::printf("[xsec] CEvNS Ar40 DAR nu_e: <sigma> = %.6e cm^2 (integral), %.6e cm^2 (events), generator %.6e cm^2\n",
              fa / units::cm2, est / units::cm2, gen.fluxAveragedSigma() / units::cm2);
  EXPECT_NEAR(gen.fluxAveragedSigma() / fa, 1.0, 1e-4);
  EXPECT_NEAR(est / fa, 1.0, 0.01); // MC estimate: statistical error ~0.2 % for 1e5 events
}

TEST(InelasticPhysics, ArgonCcLinesAndAnglesMatchTheAllowedCrossSection) {
  const double E = 30.0;
  auto src = std::make_shared<LineSource>(Flavour::NuE, E);
  auto proc = argonCc(52.9, {E});
  EventGenerator gen(src, {Flavour::NuE}, {{proc, 1.0}});
  const auto& xs = proc->crossSection();
  const auto lineSig = xs.lineSigmas(E);
  const std::size_t nl = lineSig.size();
  std::vector<double> lineObs(nl, 0.0), lineExp(nl, 0.0);
  const std::size_t nb = 20;
  std::vector<double> cosObs(nb, 0.0), cosExp(nb, 0.0);
  Engine eng = blockEngine(103, 0);
  Event ev;
  for (int i = 0; i < kEvents; ++i) {
    gen.generate(eng, ev);
    expectConserved(ev);
    for (std::size_t l = 0; l < nl; ++l) {
      if (std::abs(ev.excitation - proc->lineExcitation(l)) < 1e-9) {
        lineObs[l] += 1.0;
      }
    }
    cosObs[std::min(nb - 1, static_cast<std::size_t>((ev.cosTheta + 1.0) / 2.0 * static_cast<double>(nb)))] += 1.0;
  }
  double tot = 0.0;
  for (double s : lineSig) {
    tot += s;
  }
  for (std::size_t l = 0; l < nl; ++l) {
    lineExp[l] = kEvents * lineSig[l] / tot;
  }
  const auto cl = chiSquare(lineObs, lineExp);
  report("40Ar(nu_e,e-) allowed: final level (omega) fractions, 30 MeV", cl);
  EXPECT_GT(cl.pValue, kPValueThreshold);
  std::vector<double> grid;
  for (std::size_t b = 0; b <= nb; ++b) {
    grid.push_back(-1.0 + 2.0 * frac(b, nb));
  }
  const auto d = xs.dSigmaDCos(E, grid); // linear in cos inside the allowed approximation
  double sum = 0.0;
  for (std::size_t b = 0; b < nb; ++b) {
    cosExp[b] = 0.5 * (d[b] + d[b + 1]) * (grid[b + 1] - grid[b]);
    sum += cosExp[b];
  }
  for (auto& x : cosExp) {
    x *= kEvents / sum;
  }
  const auto cc = chiSquare(cosObs, cosExp);
  report("40Ar(nu_e,e-) allowed: cos(theta_e), 30 MeV", cc);
  EXPECT_GT(cc.pValue, kPValueThreshold);
  EXPECT_NEAR(sum / tot, 1.0, 1e-6);
}

TEST(InelasticPhysics, ArgonCcEnergySpectrumAndFluxAverage) {
  auto src = snsSource();
  const Nuclide& ar = nuclides().get("Ar40");
  inelastic::InelasticModelOptions o;
  o.model = "allowed";
  const auto mode = inelastic::ResponseMode::ChargedCurrentNu;
  auto resp = inelastic::makeInelasticResponse("Ar40", mode, o, nuclides());
  InelasticProcess::Config c;
  c.eMax = 52.9;
  c.energyNodes = 200;
  c.cosNodes = 5;
  auto proc = std::make_shared<InelasticProcess>(resp, Flavour::NuE, ar.nuclearMass(),
                                                 ar.nuclearMass() + inelastic::chargedCurrentQValue(ar, mode, nuclides()), c);
  EventGenerator gen(src, {Flavour::NuE}, {{proc, 1.0}});
  const auto& xs = proc->crossSection();
  const auto spec = src->spectrum(Flavour::NuE);
  const double lo = proc->thresholdEnergy(), hi = spec.maxEnergy();
  const std::size_t nb = 30;
  std::vector<double> obs(nb, 0.0), exp(nb, 0.0);
  Engine eng = blockEngine(104, 0);
  Event ev;
  for (int i = 0; i < kEvents; ++i) {
    gen.generate(eng, ev);
    expectConserved(ev);
    obs[std::min(nb - 1, static_cast<std::size_t>((ev.energy - lo) / (hi - lo) * static_cast<double>(nb)))] += 1.0;
  }
  double tot = 0.0;
  for (std::size_t b = 0; b < nb; ++b) {
    exp[b] = binIntegral([&](double e) { return spec.continuousPart()->pdf(e) * xs.sigma(e).total; },
                         lo + (hi - lo) * frac(b, nb), lo + (hi - lo) * frac(b + 1, nb));
    tot += exp[b];
  }
  for (auto& x : exp) {
    x *= kEvents / tot;
  }
  const auto cs = chiSquare(obs, exp);
  report("40Ar(nu_e,e-) allowed: E_nu on DAR nu_e", cs);
  EXPECT_GT(cs.pValue, kPValueThreshold);
  const double fa = xs.fluxAveraged(spec);
  std::printf("[xsec] 40Ar(nu_e,e-) allowed, DAR nu_e: generator <sigma> = %.6e cm^2, InelasticCrossSection::fluxAveraged "
              "= %.6e cm^2\n",
              gen.fluxAveragedSigma() / units::cm2, fa / units::cm2);
  EXPECT_NEAR(gen.fluxAveragedSigma() / fa, 1.0, 2e-3);
}

TEST(InelasticPhysics, NeutralCurrentContinuumOmegaAndAngle) {
  // Woods-Saxon mean-field NC response of 40Ar (J <= 2): discrete lines and a continuum
  const double E = 50.0;
  const Nuclide& ar = nuclides().get("Ar40");
  inelastic::InelasticModelOptions o;
  o.model = "ws";
  o.maxJ = 2;
  auto resp = inelastic::makeInelasticResponse("Ar40", inelastic::ResponseMode::NeutralCurrent, o, nuclides());
  InelasticProcess::Config c;
  c.eMax = E;
  c.energyNodes = 2;
  c.cosNodes = 17;
  c.omegaNodes = 161;
  auto proc = std::make_shared<InelasticProcess>(resp, Flavour::NuMu, ar.nuclearMass(), ar.nuclearMass(), c);
  auto src = std::make_shared<LineSource>(Flavour::NuMu, E);
  EventGenerator gen(src, {Flavour::NuMu}, {{proc, 1.0}});
  const auto& xs = proc->crossSection();
  const double wc = resp->continuumThreshold();
  const std::size_t nb = 20;
  std::vector<double> wObs(nb, 0.0), wExp(nb, 0.0), cObs(nb, 0.0), cExp(nb, 0.0);
  std::vector<double> partObs(2, 0.0), partExp(2, 0.0);
  Engine eng = blockEngine(105, 0);
  Event ev;
  for (int i = 0; i < kEvents; ++i) {
    gen.generate(eng, ev);
    expectConserved(ev);
    const bool cont = ev.processId == kProcessNcContinuum;
    partObs[cont ? 1 : 0] += 1.0;
    if (cont) {
      const double omega = ev.energy - ev.particles[2].p.e; // lepton energy transfer
      wObs[std::min(nb - 1, static_cast<std::size_t>((omega - wc) / (E - wc) * static_cast<double>(nb)))] += 1.0;
      cObs[std::min(nb - 1, static_cast<std::size_t>((ev.cosTheta + 1.0) / 2.0 * static_cast<double>(nb)))] += 1.0;
    }
  }
  // omega marginal from dsigma/domega; cos marginal from the double differential
  double sw = 0.0;
  for (std::size_t b = 0; b < nb; ++b) {
    const double a = wc + (E - wc) * frac(b, nb), bb = wc + (E - wc) * frac(b + 1, nb);
    GaussLegendre g(6, a, bb);
    const auto d = xs.dSigmaDOmega(E, g.x);
    for (std::size_t k = 0; k < d.size(); ++k) {
      wExp[b] += g.w[k] * d[k];
    }
    sw += wExp[b];
  }
  double sc = 0.0;
  GaussLegendre gw(96, wc, E);
  for (std::size_t b = 0; b < nb; ++b) {
    GaussLegendre gc(3, -1.0 + 2.0 * frac(b, nb), -1.0 + 2.0 * frac(b + 1, nb));
    for (std::size_t k = 0; k < gc.x.size(); ++k) {
      for (std::size_t m = 0; m < gw.x.size(); ++m) {
        cExp[b] += gc.w[k] * gw.w[m] * 2.0 * constants::kPi * xs.doubleDifferential(E, gw.x[m], gc.x[k]);
      }
    }
    sc += cExp[b];
  }
  const double nCont = partObs[1];
  for (auto& x : wExp) x *= nCont / sw;
  for (auto& x : cExp) x *= nCont / sc;
  const auto s = xs.sigma(E);
  partExp[0] = kEvents * s.lines / s.total;
  partExp[1] = kEvents * s.continuum / s.total;
  const auto cw = chiSquare(wObs, wExp);
  const auto cc = chiSquare(cObs, cExp);
  const auto cp = chiSquare(partObs, partExp);
  report("40Ar(nu,nu') WS: continuum omega, E = 50 MeV", cw);
  report("40Ar(nu,nu') WS: continuum cos(theta), E = 50 MeV", cc);
  report("40Ar(nu,nu') WS: lines vs continuum fraction", cp);
  EXPECT_GT(cw.pValue, kPValueThreshold);
  EXPECT_GT(cc.pValue, kPValueThreshold);
  EXPECT_GT(cp.pValue, kPValueThreshold);
}
