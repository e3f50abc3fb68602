// Physics validation of the Skyrme Hartree-Fock solver: binding energies and charge radii against
// experiment (data/reference/ground_states.csv: AME2020, Angeli & Marinova 2013), invariants
// (particle number, functional vs single-particle-sum energy, mesh and box stability), charge form
// factors against de Vries Fourier-Bessel densities, PREX / CREX weak form factors, continuum states.
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "lenu/core/Csv.hpp"
#include "lenu/core/DataPath.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/formfactor/Phenomenological.hpp"
#include "lenu/structure/HartreeFock.hpp"
#include "lenu/structure/HartreeFockFormFactors.hpp"

using namespace lenu;

namespace {

struct Experiment {
  std::string nucleus;
  int Z, N;
  double B, rch;
};

std::vector<Experiment> experiments() {
  const auto csv = CsvTable::read(dataFile("reference/ground_states.csv"));
  std::vector<Experiment> out;
  for (std::size_t i = 0; i < csv.rows(); ++i) {
    out.push_back({csv.str(i, "nucleus"), static_cast<int>(csv.num(i, "Z")), static_cast<int>(csv.num(i, "N")),
                   csv.num(i, "binding_energy_MeV"), csv.num(i, "charge_radius_fm")});
  }
  return out;
}

const HartreeFockGroundState& groundState(const std::string& force, int Z, int N) {
  static std::map<std::string, std::unique_ptr<HartreeFockFormFactorModel>> models;
  auto& m = models[force];
  if (!m) m = std::make_unique<HartreeFockFormFactorModel>(force);
  return *m->groundState(Z, N);
}

const std::vector<std::string> kForces = {"SLy4", "SkM*", "SkI3", "SIII", "UNEDF1"};

// Force/nucleus pairs that miss the 2% (B) / 1.5% (r_ch) experimental tolerance with this solver.
// They are listed here on purpose (and reported), not hidden by a looser global tolerance; each
// must stay a miss (the test fails when one starts passing) and within 6%.
//  - SkI3: fitted with the full (two-body) c.m. correction subtracted a posteriori; lenu applies
//    the one-body (1 - 1/A) form only, which overbinds by roughly T/A - <P^2>/2mA (3-5% for A <= 48).
//  - UNEDF1: fitted with HFB (no c.m. correction) to heavier nuclei; 16O is underbound by 5%.
//  - 16O charge radius: all forces but SkI3 give 2.75-2.81 fm vs 2.699 fm (spherical HF without
//    c.m. correction of the radius); SIII also slightly overestimates 48Ca (1.53%).
const std::set<std::string> kKnownBindingMisses = {"SkI3/O16", "SkI3/Ca40", "SkI3/Ca48", "SkI3/Ar40",
                                                   "UNEDF1/O16"};
const std::set<std::string> kKnownRadiusMisses = {"SLy4/O16", "SkM*/O16", "SIII/O16", "UNEDF1/O16",
                                                  "SIII/Ca48"};

} // namespace

TEST(HartreeFockPhysics, BindingEnergiesAndChargeRadiiVersusExperiment) {
  std::printf("%-7s %-6s %10s %10s %7s | %7s %7s %7s | %9s %4s\n", "force", "nucl", "B_HF", "B_exp", "dB[%]", "rch_HF",
              "rch_exp", "dr[%]", "check", "iter");
  for (const auto& f : kForces) {
    for (const auto& e : experiments()) {
      const auto& gs = groundState(f, e.Z, e.N);
      const auto& r = gs.hf;
      const double dB = 100.0 * (r.bindingEnergy - e.B) / e.B;
      const double dr = 100.0 * (r.radii.charge - e.rch) / e.rch;
      std::printf("%-7s %-6s %10.3f %10.3f %7.2f | %7.4f %7.4f %7.2f | %9.1e %4d\n", f.c_str(), e.nucleus.c_str(),
                  r.bindingEnergy, e.B, dB, r.radii.charge, e.rch, dr, r.energyCheck, r.iterations);
      const std::string key = f + "/" + e.nucleus;
      if (kKnownBindingMisses.count(key)) {
        EXPECT_GT(std::abs(dB), 2.0) << key << " now passes: remove it from kKnownBindingMisses";
        EXPECT_LT(std::abs(dB), 6.0) << key;
      } else {
        EXPECT_LT(std::abs(dB), 2.0) << key;
      }
      if (kKnownRadiusMisses.count(key)) {
        EXPECT_GT(std::abs(dr), 1.5) << key << " now passes: remove it from kKnownRadiusMisses";
        EXPECT_LT(std::abs(dr), 6.0) << key;
      } else {
        EXPECT_LT(std::abs(dr), 1.5) << key;
      }
      // Invariants: particle numbers and the two energy evaluations.
      EXPECT_NEAR(r.particleNumber[0], e.Z, 1e-8) << key;
      EXPECT_NEAR(r.particleNumber[1], e.N, 1e-8) << key;
      EXPECT_LT(std::abs(r.energyCheck), 1e-3) << key << ": functional vs single-particle-sum energy [MeV]";
    }
  }
}

TEST(HartreeFockPhysics, MeshAndBoxStability208Pb) {
  const auto force = SkyrmeForce::load("SLy4");
  const auto ref = HartreeFockSolver(force).solve(82, 126);
  HartreeFockConfig fine;
  fine.meshStep = 0.05;
  const auto rFine = HartreeFockSolver(force, fine).solve(82, 126);
  HartreeFockConfig big;
  big.boxRadius = 24.0;
  const auto rBig = HartreeFockSolver(force, big).solve(82, 126);
  std::printf("208Pb SLy4: E(h=0.1,R=20) = %.5f, E(h=0.05) = %.5f, E(R=24) = %.5f MeV; r_ch %.5f %.5f %.5f fm\n",
              ref.energy.total, rFine.energy.total, rBig.energy.total, ref.radii.charge, rFine.radii.charge,
              rBig.radii.charge);
  EXPECT_NEAR(ref.energy.total, rFine.energy.total, 0.03); // 30 keV = 2e-5 relative (mesh)
  EXPECT_NEAR(ref.energy.total, rBig.energy.total, 0.001); // 1 keV (box)
  EXPECT_NEAR(ref.radii.charge, rFine.radii.charge, 1e-4);
  EXPECT_NEAR(ref.radii.charge, rBig.radii.charge, 1e-4);
}

TEST(HartreeFockPhysics, ChargeFormFactorVersusFourierBessel) {
  const auto table = NuclideTable::load();
  for (const auto& [name, Z, N] : {std::tuple<std::string, int, int>{"Pb208", 82, 126}, {"Ar40", 18, 22}}) {
    const auto fb = FourierBesselFormFactor(loadFourierBesselDensity(table.get(name)));
    const auto& gs = groundState("SLy4", Z, N);
    auto firstZero = [](const std::function<double(double)>& f) {
      double q = 0.05, prev = f(q);
      for (q = 0.06; q < 3.0; q += 0.01) {
        const double v = f(q);
        if (v * prev < 0.0) {
          double a = q - 0.01, b = q; // bisection
          for (int i = 0; i < 50; ++i) {
            const double m = 0.5 * (a + b);
            (f(m) * f(a) <= 0.0 ? b : a) = m;
          }
          return 0.5 * (a + b);
        }
        prev = v;
      }
      return -1.0;
    };
    const double qFb = firstZero([&](double q) { return fb(q); });
    const double qHf = firstZero([&](double q) { return (*gs.charge)(q); });
    std::printf("%s: first zero of F_ch: HF %.4f fm^-1, Fourier-Bessel %.4f fm^-1 (%.2f%%)\n", name.c_str(), qHf, qFb,
                100.0 * (qHf - qFb) / qFb);
    EXPECT_NEAR(qHf, qFb, 0.05 * qFb) << name;
    double worst = 0.0;
    for (double q = 0.02; q < 0.85 * qFb; q += 0.01) {
      worst = std::max(worst, std::abs((*gs.charge)(q) - fb(q)) / std::abs(fb(q)));
    }
    std::printf("%s: max |F_HF - F_FB| / |F_FB| below 0.85 q_zero: %.2f%%\n", name.c_str(), 100.0 * worst);
    EXPECT_LT(worst, 0.10) << name;
  }
}

TEST(HartreeFockPhysics, WeakFormFactorsNextToPrexAndCrex) {
  // PREX: F_W(0.475 fm^-1) = 0.204 +- 0.028 (Horowitz et al. PRC 85 (2012) 032501);
  // CREX: F_W(0.8733 fm^-1) = 0.1304 +- 0.0056 (Adhikari et al. PRL 129 (2022) 042501).
  for (const auto& f : kForces) {
    const double pb = (*groundState(f, 82, 126).weak)(0.475);
    const double ca = (*groundState(f, 20, 28).weak)(0.8733);
    std::printf("%-7s F_W(208Pb, 0.475) = %.4f (PREX 0.204 +- 0.028)   F_W(48Ca, 0.8733) = %.4f (CREX 0.1304 +- 0.0056)\n",
                f.c_str(), pb, ca);
    EXPECT_NEAR(pb, 0.204, 3 * 0.028) << f;
    EXPECT_NEAR(ca, 0.1304, 5 * 0.0056) << f; // Skyrme forces sit 2-3 sigma below CREX (known tension)
  }
  const auto& gs = groundState("SLy4", 82, 126);
  const double apv = bornParityViolatingAsymmetry(gs, 0.475);
  std::printf("Born A_PV(208Pb, q = 0.475 fm^-1) = %.4f ppm (PREX-I measured 0.656 +- 0.062 ppm, Coulomb-distorted)\n",
              apv * 1e6);
  // Born value; Coulomb distortion (not included) lowers it by roughly a third for 208Pb.
  EXPECT_GT(std::abs(apv) * 1e6, 0.6);
  EXPECT_LT(std::abs(apv) * 1e6, 1.2);
}

TEST(HartreeFockPhysics, DensitiesAndTransformsAreConsistent) {
  const auto& gs = groundState("SLy4", 20, 28);
  // Charge density integrates to Z; weak density to Q_W; forward transform reproduces F_ch.
  EXPECT_NEAR(radialMoment(*gs.chargeDensity, 0), 20.0, 2e-3);
  EXPECT_NEAR(radialMoment(*gs.weakDensity, 0), gs.weakCharge, 2e-3 * std::abs(gs.weakCharge));
  const DensityFormFactor back(gs.chargeDensity);
  for (double q : {0.3, 0.8, 1.2}) EXPECT_NEAR(back(q), (*gs.charge)(q), 2e-4) << q;
  // Charge radius from the density equals the radius formula without the spin-orbit term
  // (Kelly's G_E radii differ from CODATA / PDG ones by < 0.04 fm^2).
  const double r2Density = radialMoment(*gs.chargeDensity, 2) / 20.0;
  const double r2Formula = gs.hf.radii.charge * gs.hf.radii.charge - gs.hf.radii.spinOrbitContribution;
  EXPECT_NEAR(r2Density, r2Formula, 0.06);
}

TEST(HartreeFockPhysics, ContinuumStatesAreOrthogonalToBoundStates) {
  const auto& r = groundState("SLy4", 20, 28).hf;
  for (const auto t : {Isospin::Neutron, Isospin::Proton}) {
    const auto bound = boundState(r.meanField, t, 0, 3, 3.5); // 1f7/2
    for (double e : {2.0, 10.0, 30.0}) {
      const auto c = continuumState(r.meanField, t, 3, 3.5, e);
      double overlap = 0.0, norm = 0.0;
      for (std::size_t i = 0; i < bound.u.size(); ++i) {
        overlap += bound.u[i] * c.u[i] * r.meanField.meshStep;
        norm += c.u[i] * c.u[i] * r.meanField.meshStep;
      }
      EXPECT_LT(std::abs(overlap), 2e-3 * std::sqrt(norm)) << "E = " << e;
      EXPECT_TRUE(std::isfinite(c.phaseShift));
    }
  }
}
