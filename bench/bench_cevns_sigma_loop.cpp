/// CEvNS sigma(E) of 40Ar (Helm) over 1e5 energies 1..100 MeV in one C++ loop: the reference for
/// bench/bench_python_cevns.py, which times the same loop through the Python module's vectorised
/// CevnsCrossSection.sigma(numpy array). Issue 11 asks the Python call to be within 2x of this.

#include <vector>

#include <benchmark/benchmark.h>

#include "lenu/core/Nuclide.hpp"
#include "lenu/models/FormFactorFactory.hpp"
#include "lenu/xsec/Cevns.hpp"

static void BM_CevnsSigmaLoop1e5(benchmark::State& state) {
  const auto table = lenu::NuclideTable::load();
  const lenu::Nuclide& ar = table.get("Ar40");
  const lenu::CevnsCrossSection xs(ar, lenu::makeFormFactorModel("helm")->forNuclide(ar));
  constexpr std::size_t kN = 100000;
  std::vector<double> energy(kN), out(kN);
  for (std::size_t i = 0; i < kN; ++i) {
    energy[i] = 1.0 + 99.0 * static_cast<double>(i) / static_cast<double>(kN - 1); // MeV
  }
  for (auto _ : state) {
    for (std::size_t i = 0; i < kN; ++i) {
      out[i] = xs.sigma(energy[i]);
    }
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kN));
}
BENCHMARK(BM_CevnsSigmaLoop1e5)->Unit(benchmark::kMillisecond);
