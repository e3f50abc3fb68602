// Continuum single-particle states of the Skyrme HF field (40Ar, SkM*, filling approximation,
// default mesh: box 20 fm, h = 0.1 fm): one scattering state per iteration, proton and neutron,
// partial waves l = 0, 3, 6 (j = l + 1/2), kinetic energy 10 MeV and 60 MeV. lenu has one continuum
// solver (structure/ContinuumSolver, Numerov on the local form phi = sqrt(B) u; issue 12 removed the
// RK4 one, which took 440-630 us per state here). Timed two ways: the free function
// lenu::continuumState (prepares the field on every call) and HartreeFockMeanField::continuumState
// (a ContinuumSolver prepared once).
#include <memory>

#include <benchmark/benchmark.h>

#include "lenu/inelastic/HartreeFockMeanField.hpp"
#include "lenu/structure/HartreeFock.hpp"

using namespace lenu;

namespace {
const inelastic::HartreeFockMeanField& ar40() {
  static const std::shared_ptr<inelastic::HartreeFockMeanField> mf = [] {
    HartreeFockConfig hc;
    hc.pairing.mode = PairingMode::Filling;
    return inelastic::HartreeFockMeanField::solve(HartreeFockSolver(SkyrmeForce::load("SkM*"), hc), 18, 22);
  }();
  return *mf;
}
Isospin species(const benchmark::State& st) { return st.range(0) == 0 ? Isospin::Proton : Isospin::Neutron; }
void args(benchmark::internal::Benchmark* b) {
  for (int t : {0, 1})
    for (int l : {0, 3, 6})
      for (int e : {10, 60}) b->Args({t, l, e});
  b->ArgNames({"neutron", "l", "E_MeV"});
}
} // namespace

/// The free function of the structure layer (builds the solver's tables from the MeanField per call).
static void BM_ContinuumState_StructureFreeFunction(benchmark::State& st) {
  const auto& mf = ar40();
  const int l = static_cast<int>(st.range(1));
  for (auto _ : st)
    benchmark::DoNotOptimize(
        continuumState(mf.result().meanField, species(st), l, l + 0.5, static_cast<double>(st.range(2))));
}
BENCHMARK(BM_ContinuumState_StructureFreeFunction)->Apply(args)->Unit(benchmark::kMicrosecond);

/// The inelastic layer's adapter (tables prepared once in its constructor).
static void BM_ContinuumState_HartreeFockMeanField(benchmark::State& st) {
  const auto& mf = ar40();
  const int l = static_cast<int>(st.range(1));
  for (auto _ : st)
    benchmark::DoNotOptimize(mf.continuumState(species(st), l, l + 0.5, static_cast<double>(st.range(2))));
}
BENCHMARK(BM_ContinuumState_HartreeFockMeanField)->Apply(args)->Unit(benchmark::kMicrosecond);
