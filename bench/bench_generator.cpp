// Event-generation throughput (Google Benchmark; never run by ctest):
//   CEvNS on CsI at the SNS (3 flavours, Cs + I)           target > 1e6 events/s/core
//   40Ar(nu_e, e-) allowed on the DAR nu_e spectrum, with the 40K gamma cascades  target > 2e4 /s
//   NuHepMC text formatting per event (lenu's direct formatter and HepMC3 3.1.2 WriterAscii)
//   loadDeexcitation construction time (Hauser-Feshbach default; Weisskopf-Ewing with its inverse cross sections)
//   scaling over 1 and 2 threads (->Threads(n), real time)
// Run: build/release/bench/bench_generator --benchmark_min_time=1

#include <memory>

#include <benchmark/benchmark.h>

#include "lenu/core/Nuclide.hpp"
#include "lenu/generator/CevnsProcess.hpp"
#include "lenu/generator/EventGenerator.hpp"
#include "lenu/generator/GeneratorSetup.hpp"
#include "lenu/generator/InelasticProcess.hpp"
#include "lenu/generator/NuHepMcWriter.hpp"
#include "lenu/inelastic/InelasticModels.hpp"
#include "lenu/models/FormFactorFactory.hpp"
#include "lenu/source/StoppedPionSource.hpp"

using namespace lenu;
using namespace lenu::generator;

namespace {

const NuclideTable& table() {
  static const NuclideTable t = NuclideTable::load();
  return t;
}

std::shared_ptr<StoppedPionSource> sns() {
  StoppedPionSource::Config c;
  c.protonsOnTarget = 1.76e23;
  return std::make_shared<StoppedPionSource>(c);
}

const EventGenerator& csi() {
  static const EventGenerator g = [] {
    const auto ff = makeFormFactorModel("klein-nystrand");
    std::vector<ProcessEntry> e;
    const std::vector<Flavour> fl{Flavour::NuMu, Flavour::NuE, Flavour::NuMuBar};
    for (Flavour f : fl) {
      for (const char* n : {"Cs133", "I127"}) {
        const Nuclide& nu = table().get(n);
        CevnsProcess::Config c;
        c.eMax = 52.9;
        c.extraNodes = {StoppedPionSource::promptEnergy()};
        e.push_back({std::make_shared<CevnsProcess>(CevnsCrossSection(nu, ff->forNuclide(nu)), f, c), 1.0});
      }
    }
    return EventGenerator(sns(), fl, e);
  }();
  return g;
}

const EventGenerator& argon() {
  static const EventGenerator g = [] {
    const Nuclide& ar = table().get("Ar40");
    const auto mode = inelastic::ResponseMode::ChargedCurrentNu;
    inelastic::InelasticModelOptions o;
    o.model = "allowed";
    auto resp = inelastic::makeInelasticResponse("Ar40", mode, o, table());
    InelasticProcess::Config c;
    c.eMax = 52.9;
    c.energyNodes = 96;
    c.cosNodes = 9;
    auto p = std::make_shared<InelasticProcess>(resp, Flavour::NuE, ar.nuclearMass(),
                                                ar.nuclearMass() + inelastic::chargedCurrentQValue(ar, mode, table()), c,
                                                loadDeexcitation(table()));
    return EventGenerator(sns(), {Flavour::NuE}, {{p, 1.0}});
  }();
  return g;
}

void run(benchmark::State& state, const EventGenerator& g) {
  Engine eng = blockEngine(1, static_cast<std::uint64_t>(state.thread_index()));
  Event ev;
  for (auto _ : state) {
    g.generate(eng, ev);
    benchmark::DoNotOptimize(ev.particles.data());
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_CevnsCsI(benchmark::State& state) { run(state, csi()); }
void BM_Ar40CcDarWithDeexcitation(benchmark::State& state) { run(state, argon()); }

/// Hauser-Feshbach de-excitation alone: 40K* at rest, excitation uniform in 8-40 MeV (the continuum
/// a supernova or CRPA spectrum populates), spin drawn from the level density; tables warm after the
/// first iterations (the cache is kept across them, as in a run).
void BM_Deexcitation40KContinuum(benchmark::State& state) {
  static const auto deex = loadDeexcitation(table());
  const double m0 = *deex->groundMass(19, 40);
  Engine eng = blockEngine(2, static_cast<std::uint64_t>(state.thread_index()));
  Event ev;
  for (auto _ : state) {
    const double m = m0 + 8.0 + 32.0 * uniform(eng);
    ev.vertices.assign(1, {kVertexPrimary});
    ev.particles.assign(1, {1000190400, kStatusFinal, {0.0, 0.0, 0.0, m}, m, 0, -1, 0.0});
    deex->decay(0, eng, ev);
    benchmark::DoNotOptimize(ev.particles.data());
  }
  state.SetItemsProcessed(state.iterations());
}

/// Construction of the de-excitation model (loadDeexcitation: level files, masses, and whatever
/// per-nucleus table is built before the first decay), Hauser-Feshbach (default) and Weisskopf-Ewing.
void BM_LoadDeexcitation(benchmark::State& state) {
  EvaporationConfig cfg;
  cfg.hauserFeshbach = state.range(0) != 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(loadDeexcitation(table(), cfg).get());
  }
}

void BM_NuHepMcFormat(benchmark::State& state, const EventGenerator& g) {
  static const NuHepMcFormatter f(RunMetadata{});
  const auto events = g.generateBlock(1, 0, 0, 1000);
  for (auto _ : state) {
    benchmark::DoNotOptimize(f.formatEvents(events));
  }
  state.SetItemsProcessed(state.iterations() * 1000);
}

} // namespace

BENCHMARK(BM_CevnsCsI)->Threads(1)->Threads(2)->UseRealTime();
BENCHMARK(BM_Ar40CcDarWithDeexcitation)->Threads(1)->Threads(2)->UseRealTime();
BENCHMARK(BM_Deexcitation40KContinuum)->Threads(1)->Threads(2)->UseRealTime();
BENCHMARK(BM_LoadDeexcitation)->Arg(1)->Arg(0)->Iterations(2)->Unit(benchmark::kMillisecond);
void BM_NuHepMcFormatHepMC3(benchmark::State& state, const EventGenerator& g) {
  static const NuHepMcFormatter f(RunMetadata{});
  const auto events = g.generateBlock(1, 0, 0, 1000);
  for (auto _ : state) {
    benchmark::DoNotOptimize(f.formatEventsHepMC3(events));
  }
  state.SetItemsProcessed(state.iterations() * 1000);
}

BENCHMARK_CAPTURE(BM_NuHepMcFormat, cevns, csi())->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_NuHepMcFormatHepMC3, cevns, csi())->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_NuHepMcFormatHepMC3, ar40cc, argon())->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_NuHepMcFormat, ar40cc, argon())->Unit(benchmark::kMillisecond);
