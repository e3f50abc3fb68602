// Benchmarks of the spherical Skyrme Hartree-Fock solver: 208Pb from scratch to 1e-8 MeV energy
// change (and 1e-9 fm^-3 density change), and 40Ar with constant-gap BCS (Auto pairing).
#include <benchmark/benchmark.h>

#include "lenu/structure/HartreeFock.hpp"

namespace {

void solve(benchmark::State& state, int Z, int N) {
  const lenu::HartreeFockSolver solver(lenu::SkyrmeForce::load("SLy4"));
  int iterations = 0;
  for (auto _ : state) {
    auto r = solver.solve(Z, N);
    iterations = r.iterations;
    benchmark::DoNotOptimize(r.energy.total);
  }
  state.counters["hf_iterations"] = iterations;
}

void BM_HartreeFock_Pb208_SLy4(benchmark::State& state) { solve(state, 82, 126); }
void BM_HartreeFock_Ar40_SLy4_BCS(benchmark::State& state) { solve(state, 18, 22); }

} // namespace

BENCHMARK(BM_HartreeFock_Pb208_SLy4)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HartreeFock_Ar40_SLy4_BCS)->Unit(benchmark::kMillisecond);
