// Continuum-RPA timings (issue 8): one CRPA response evaluation (40Ar CC nu, all multipoles
// J <= 6, one energy transfer, 48 momentum transfers) and sigma(E = 30 MeV) for 40Ar CC over all
// multipoles (the series summed until converged: J <= 3 at 30 MeV, the rest estimated at 2e-5 of
// sigma; BM_CrpaSigma30Ar40EveryMultipole computes J <= 6), on 1 and 2 OpenMP threads (argument).
// "Cold": the disk cache is off, every response is computed. "Cached": the response's disk cache (CrpaConfig.cacheDirectory, a
// temporary directory removed at exit) holds the responses from a first evaluation outside the
// timed loop, so the timed evaluations only read and validate the cache files.
#include <filesystem>
#include <memory>
#include <random>
#include <string>
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
struct TempCacheDir {
  std::filesystem::path path;
  TempCacheDir() {
    std::random_device rd;
    path = std::filesystem::temp_directory_path() / ("lenu-bench-crpa-" + std::to_string(rd()));
  }
  ~TempCacheDir() { std::filesystem::remove_all(path); }
};

std::shared_ptr<const NuclearResponse> ar40(const std::string& cacheDir) {
  InelasticModelOptions mo;
  mo.model = "crpa";
  mo.crpa.diskCache = !cacheDir.empty();
  mo.crpa.cacheDirectory = cacheDir;
  return makeInelasticResponse("Ar40", ResponseMode::ChargedCurrentNu, mo, NuclideTable::load());
}
std::shared_ptr<const NuclearResponse> cold() {
  static const auto r = ar40("");
  return r;
}
const TempCacheDir& cacheDir() {
  static const TempCacheDir d;
  return d;
}
std::shared_ptr<const NuclearResponse> cached() {
  static const auto r = ar40(cacheDir().path.string());
  return r;
}
void threads(const benchmark::State& st) {
#ifdef _OPENMP
  omp_set_num_threads(static_cast<int>(st.range(0)));
#else
  (void)st;
#endif
}
std::vector<double> qGrid() {
  std::vector<double> q;
  for (int i = 0; i < 48; ++i) q.push_back(5.0 + 5.0 * i);
  return q;
}
} // namespace

static void BM_CrpaResponseOneOmegaAllQ(benchmark::State& st) {
  const auto r = cold();
  threads(st);
  const auto q = qGrid();
  for (auto _ : st) benchmark::DoNotOptimize(r->continuumResponses(20.0, q));
}
BENCHMARK(BM_CrpaResponseOneOmegaAllQ)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

static void BM_CrpaResponseOneOmegaAllQCached(benchmark::State& st) {
  const auto r = cached();
  threads(st);
  const auto q = qGrid();
  benchmark::DoNotOptimize(r->continuumResponses(20.0, q)); // fills the cache
  for (auto _ : st) benchmark::DoNotOptimize(r->continuumResponses(20.0, q));
}
BENCHMARK(BM_CrpaResponseOneOmegaAllQCached)->Arg(1)->Unit(benchmark::kMicrosecond)->UseRealTime();

static void BM_CrpaSigma30Ar40(benchmark::State& st) {
  const auto r = cold();
  threads(st);
  const InelasticCrossSection xs(r, Flavour::NuE);
  for (auto _ : st) benchmark::DoNotOptimize(xs.sigma(30.0));
}
BENCHMARK(BM_CrpaSigma30Ar40)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

// sigma(30 MeV) on the omega contour (InelasticCrossSectionConfig::omegaContour: the limit of
// vanishing smearing, legs and a line 2.5 MeV above the real axis); range(1) = cos(theta) nodes.
static void BM_CrpaSigma30Ar40Contour(benchmark::State& st) {
  const auto r = cold();
  threads(st);
  InelasticCrossSectionConfig xc;
  xc.omegaContour = true;
  xc.cosNodes = static_cast<int>(st.range(1));
  const InelasticCrossSection xs(r, Flavour::NuE, xc);
  for (auto _ : st) benchmark::DoNotOptimize(xs.sigma(30.0));
}
BENCHMARK(BM_CrpaSigma30Ar40Contour)->Args({1, 16})->Args({1, 8})->Args({2, 16})->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

// Both rules with every multipole J <= 6 computed (multipoleTolerance = 0; the default stops
// after J = 3 when the series has converged there, see InelasticCrossSectionConfig);
// range(1) = 1: the omega contour.
static void BM_CrpaSigma30Ar40EveryMultipole(benchmark::State& st) {
  const auto r = cold();
  threads(st);
  InelasticCrossSectionConfig xc;
  xc.multipoleTolerance = 0.0;
  xc.omegaContour = st.range(1) != 0;
  const InelasticCrossSection xs(r, Flavour::NuE, xc);
  for (auto _ : st) benchmark::DoNotOptimize(xs.sigma(30.0));
}
BENCHMARK(BM_CrpaSigma30Ar40EveryMultipole)->Args({1, 0})->Args({1, 1})->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

static void BM_CrpaSigma30Ar40Cached(benchmark::State& st) {
  const auto r = cached();
  threads(st);
  const InelasticCrossSection xs(r, Flavour::NuE);
  benchmark::DoNotOptimize(xs.sigma(30.0)); // fills the cache
  for (auto _ : st) benchmark::DoNotOptimize(xs.sigma(30.0));
}
BENCHMARK(BM_CrpaSigma30Ar40Cached)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();
