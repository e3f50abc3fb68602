// CEvNS benchmarks (issue 2 targets: sigma(E) for one nucleus < 1 us; the whole COHERENT CsI
// prediction, spectra included, < 50 ms on one core).
#include <benchmark/benchmark.h>

#include "lenu/core/Nuclide.hpp"
#include "lenu/formfactor/Models.hpp"
#include "lenu/models/Experiment.hpp"
#include "lenu/xsec/Cevns.hpp"

using namespace lenu;

static void BM_CevnsSigmaHelm(benchmark::State& state) {
  const auto table = NuclideTable::load();
  const auto& n = table.get("Cs133");
  const CevnsCrossSection xs(n, HelmModel().forNuclide(n));
  double e = 30.0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(xs.sigma(e));
    e = e < 50.0 ? e + 0.01 : 10.0;
  }
}
BENCHMARK(BM_CevnsSigmaHelm);

static void BM_CevnsDSigmaDT(benchmark::State& state) {
  const auto table = NuclideTable::load();
  const auto& n = table.get("Ar40");
  const CevnsCrossSection xs(n, KleinNystrandModel().forNuclide(n));
  double t = 0.01;
  for (auto _ : state) {
    benchmark::DoNotOptimize(xs.dSigmaDT(40.0, t));
    t = t < 0.07 ? t + 1e-5 : 0.0;
  }
}
BENCHMARK(BM_CevnsDSigmaDT);

static void BM_PredictCoherentCsI(benchmark::State& state) {
  const auto table = NuclideTable::load();
  const auto x = loadExperiment(resolveExperimentFile("coherent-csi-2017"), table);
  const CevnsRate rate(x.rate);
  for (auto _ : state) {
    benchmark::DoNotOptimize(rate.predict());
  }
}
BENCHMARK(BM_PredictCoherentCsI)->Unit(benchmark::kMillisecond);

static void BM_PredictCoherentCsIFromFile(benchmark::State& state) {
  const auto table = NuclideTable::load();
  for (auto _ : state) {
    const auto x = loadExperiment(resolveExperimentFile("coherent-csi-2017"), table);
    benchmark::DoNotOptimize(CevnsRate(x.rate).predict());
  }
}
BENCHMARK(BM_PredictCoherentCsIFromFile)->Unit(benchmark::kMillisecond);
