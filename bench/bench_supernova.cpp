// Benchmark of the supernova layer (one core): a full time-resolved DUNE 40 kt prediction, all
// channels of data/detectors/dune-40kt.toml, 1 ms bins over 10 s (10000 bins, plus the time x
// energy table), once the cross sections are cached (SupernovaChannels built outside the loop), with
// the CLI defaults (allowed model; NC and CC visible energies through the generator de-excitation).
// Also the one-time cost of building the channel tables with the allowed model, with and without the
// de-excitation fold.
#include <map>
#include <string>

#include <benchmark/benchmark.h>

#include "lenu/core/Nuclide.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/generator/DeexcitationCalorimeter.hpp"
#include "lenu/supernova/SupernovaRate.hpp"
#include "lenu/supernova/SupernovaSource.hpp"

using namespace lenu;
using namespace lenu::supernova;

namespace {
const NuclideTable& nuclides() {
  static const NuclideTable t = NuclideTable::load();
  return t;
}
const SupernovaChannels& dune(const std::string& model) {
  static std::map<std::string, SupernovaChannels> cache;
  auto it = cache.find(model);
  if (it == cache.end()) {
    ChannelBuildConfig bc;
    bc.inelasticModel = model;
    const auto calo = generator::makeSupernovaCalorimetry("generator", "generator", nuclides());
    bc.deexcitation = calo.nc;
    bc.ccDeexcitation = calo.cc;
    it = cache.emplace(model, SupernovaChannels::build(SupernovaDetector::load("dune-40kt", nuclides()), bc, nuclides())).first;
  }
  return it->second;
}
SupernovaPredictionConfig config() {
  SupernovaPredictionConfig pc;
  PinchedModelConfig m;
  m.neutronizationBurst = true;
  pc.source = makePinchedSupernova(m);
  pc.transformation = parseOrdering("normal");
  for (int i = 0; i <= 10000; ++i) {
    pc.timeEdges.push_back(i * units::ms);
  }
  return pc;
}
} // namespace

static void BM_DunePrediction_1msBins_10s(benchmark::State& state) {
  const auto& ch = dune(state.range(0) == 0 ? "allowed" : "hf");
  const auto pc = config();
  double n = 0.0;
  for (auto _ : state) {
    const auto p = predictSupernova(ch, pc);
    n = p.eventsTotal();
    benchmark::DoNotOptimize(n);
  }
  state.counters["events"] = n;
  state.counters["time_bins"] = 10000;
}
// Arg 0: allowed model (nuebar-cc and nc not served by it: empty channels); Arg 1: HF, every channel
// (nue-cc, nuebar-cc, nc, es) non-zero. The HF tables are built once before the first iteration.
BENCHMARK(BM_DunePrediction_1msBins_10s)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

static void BM_DuneChannelTables_Allowed(benchmark::State& state) {
  ChannelBuildConfig bc;
  bc.inelasticModel = "allowed";
  const auto det = SupernovaDetector::load("dune-40kt", nuclides());
  for (auto _ : state) {
    benchmark::DoNotOptimize(SupernovaChannels::build(det, bc, nuclides()).channels().size());
  }
}
BENCHMARK(BM_DuneChannelTables_Allowed)->Unit(benchmark::kMillisecond);

static void BM_DuneChannelTables_Allowed_GeneratorDeexcitation(benchmark::State& state) {
  ChannelBuildConfig bc;
  bc.inelasticModel = "allowed";
  const auto det = SupernovaDetector::load("dune-40kt", nuclides());
  for (auto _ : state) {
    // a new calorimeter per iteration: its cache of decays is part of the one-time cost
    const auto calo = generator::makeSupernovaCalorimetry("generator", "generator", nuclides());
    bc.deexcitation = calo.nc;
    bc.ccDeexcitation = calo.cc;
    benchmark::DoNotOptimize(SupernovaChannels::build(det, bc, nuclides()).channels().size());
  }
}
BENCHMARK(BM_DuneChannelTables_Allowed_GeneratorDeexcitation)->Unit(benchmark::kMillisecond);
