// Benchmarks of the inelastic layer (one core): sigma(E) for 40Ar CC at 30 MeV with all
// multipoles J <= 6 on the Skyrme HF (SkM*) mean field, and the stopped-pion (Michel nu_e)
// flux-averaged cross section. The response (HF solution, resonance search) is built once.
#include <map>
#include <memory>
#include <string>

#include <benchmark/benchmark.h>

#include "lenu/core/Nuclide.hpp"
#include "lenu/inelastic/InelasticCrossSection.hpp"
#include "lenu/inelastic/InelasticModels.hpp"
#include "lenu/source/EnergySpectrum.hpp"

using namespace lenu;
using namespace lenu::inelastic;

namespace {
const InelasticCrossSection& argonCC(const std::string& model) {
  static const NuclideTable table = NuclideTable::load();
  static std::map<std::string, std::unique_ptr<InelasticCrossSection>> cache;
  auto& p = cache[model];
  if (!p) {
    InelasticModelOptions o;
    o.model = model;
    o.maxJ = 6;
    p = std::make_unique<InelasticCrossSection>(makeInelasticResponse("Ar40", ResponseMode::ChargedCurrentNu, o, table),
                                                Flavour::NuE);
  }
  return *p;
}
} // namespace

static void BM_SigmaAr40CC30MeV_HF(benchmark::State& state) {
  const auto& xs = argonCC("hf");
  for (auto _ : state) benchmark::DoNotOptimize(xs.sigma(30.0).total);
}
BENCHMARK(BM_SigmaAr40CC30MeV_HF)->Unit(benchmark::kMillisecond);

static void BM_FluxAveragedAr40CC_DAR_HF(benchmark::State& state) {
  const auto& xs = argonCC("hf");
  const auto spec = EnergySpectrum::continuous(std::make_shared<MichelNuE>());
  for (auto _ : state) benchmark::DoNotOptimize(xs.fluxAveraged(spec));
}
BENCHMARK(BM_FluxAveragedAr40CC_DAR_HF)->Unit(benchmark::kMillisecond);

static void BM_BuildAr40CCResponse_HF(benchmark::State& state) {
  static const NuclideTable table = NuclideTable::load();
  InelasticModelOptions o;
  o.model = "hf";
  for (auto _ : state) benchmark::DoNotOptimize(makeInelasticResponse("Ar40", ResponseMode::ChargedCurrentNu, o, table));
}
BENCHMARK(BM_BuildAr40CCResponse_HF)->Unit(benchmark::kMillisecond);
