// Continuum-RPA timings: one CRPA response evaluation (40Ar CC nu, all multipoles J <= 6, one
// energy transfer, 48 momentum transfers) and sigma(E = 30 MeV) for 40Ar CC over all multipoles,
// on 1 and 2 OpenMP threads (argument). No disk cache is implemented: every run is "cold".
#include <memory>
#include <vector>

#include <benchmark/benchmark.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "lenu/core/Nuclide.hpp"
#include "lenu/inelastic/InelasticCrossSection.hpp"
#include "lenu/inelastic/InelasticModels.hpp"

using namespace lenu;
using namespace lenu::inelastic;

namespace {
std::shared_ptr<const NuclearResponse> ar40() {
  static std::shared_ptr<const NuclearResponse> r = [] {
    InelasticModelOptions mo;
    mo.model = "crpa";
    return makeInelasticResponse("Ar40", ResponseMode::ChargedCurrentNu, mo, NuclideTable::load());
  }();
  return r;
}
void threads(const benchmark::State& st) {
#ifdef _OPENMP
  omp_set_num_threads(static_cast<int>(st.range(0)));
#else
  (void)st;
#endif
}
} // namespace

static void BM_CrpaResponseOneOmegaAllQ(benchmark::State& st) {
  const auto r = ar40();
  threads(st);
  std::vector<double> q;
  for (int i = 0; i < 48; ++i) q.push_back(5.0 + 5.0 * i);
  for (auto _ : st) benchmark::DoNotOptimize(r->continuumResponses(20.0, q));
}
BENCHMARK(BM_CrpaResponseOneOmegaAllQ)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

static void BM_CrpaSigma30Ar40(benchmark::State& st) {
  const auto r = ar40();
  threads(st);
  const InelasticCrossSection xs(r, Flavour::NuE);
  for (auto _ : st) benchmark::DoNotOptimize(xs.sigma(30.0));
}
BENCHMARK(BM_CrpaSigma30Ar40)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);
