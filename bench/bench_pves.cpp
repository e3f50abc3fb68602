// Benchmark: one distorted-wave A_PV of 208Pb at PREX-I kinematics (1063 MeV, 5 deg) with the
// de Vries Fourier-Bessel charge density and a symmetrized-Fermi weak density.
#include <memory>

#include <benchmark/benchmark.h>

#include "lenu/core/Nuclide.hpp"
#include "lenu/formfactor/Phenomenological.hpp"
#include "lenu/formfactor/WeakCharge.hpp"
#include "lenu/pves/ParityViolation.hpp"

namespace {

void BM_PvesPrexAsymmetry(benchmark::State& state) {
  const lenu::NuclideTable table = lenu::NuclideTable::load();
  const lenu::Nuclide& pb = table.get("Pb208");
  const lenu::FourierBesselDensity fb = lenu::loadFourierBesselDensity(pb);
  auto coeffs = fb.coefficients();
  for (double& c : coeffs) {
    c *= pb.Z / fb.norm();
  }
  auto charge = std::make_shared<lenu::FourierBesselDensity>(fb.cutoffRadius(), coeffs);
  const double qw = lenu::weakCharge(pb, lenu::NucleonWeakCharges::radiativelyCorrected());
  auto weak = std::make_shared<lenu::SymmetrizedFermiDensity>(
      lenu::SymmetrizedFermiFormFactor::halfDensityRadius(5.8, 0.605), 0.605, qw);
  for (auto _ : state) {
    const lenu::ParityViolatingScattering pv(pb.Z, pb.nuclearMass(), charge, qw, weak);
    benchmark::DoNotOptimize(pv.evaluate(1063.0, 5.0).apv);
  }
}
BENCHMARK(BM_PvesPrexAsymmetry)->Unit(benchmark::kMillisecond);

} // namespace
