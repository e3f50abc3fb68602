// Physics validation of the Skyrme Hartree-Fock solver: binding energies and charge radii against
// experiment (data/reference/ground_states.csv: AME2020, Angeli & Marinova 2013), invariants
// (particle number, functional vs single-particle-sum energy, mesh and box stability), charge form
// factors against de Vries Fourier-Bessel densities, PREX / CREX weak form factors, continuum states.
#include <cmath>
#include <array>
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
#include "lenu/structure/NucleonStructure.hpp"

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
//  - UNEDF1: fitted with HFB (no c.m. correction) to heavier nuclei; 16O is underbound by 5%.
//  - 16O charge radius: every force gives 2.75-2.81 fm vs 2.699 fm (spherical HF, no c.m. correction
//    of the radius); SIII also slightly overestimates 48Ca (1.53%).
//  (SkI3 binding energies, 2.5-5% too large with the one-body (1 - 1/A) c.m. factor, are within
//   0.9% of experiment with the full c.m. correction after the variation that the force file prescribes.)
const std::set<std::string> kKnownBindingMisses = {"UNEDF1/O16"};
const std::set<std::string> kKnownRadiusMisses = {"SLy4/O16", "SkM*/O16", "SkI3/O16", "SIII/O16", "UNEDF1/O16",
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

// lenu's SLy4 against published spherical SLy4 Hartree-Fock results (no pairing at these closed
// shells): the tables of Carlson, Dutra, Lourenco & Margueron, arXiv:2209.03257, as released in
// the public data file jeromemargueron/nucleiHF data/dict-res.txt (provenance and column
// identification in data/reference/sly4_published.csv). Issue 3 acceptance: within 0.3%.
TEST(HartreeFockPhysics, Sly4AgreesWithPublishedHartreeFock) {
  const auto csv = CsvTable::read(dataFile("reference/sly4_published.csv"));
  const auto table = NuclideTable::load();
  int checked = 0;
  for (std::size_t i = 0; i < csv.rows(); ++i) {
    if (csv.str(i, "source") != "nucleiHF") {
      continue;
    }
    const auto& n = table.get(csv.str(i, "nuclide"));
    const auto& gs = groundState("SLy4", n.Z, n.N());
    const double b = csv.num(i, "binding_energy_MeV");
    const double rch = csv.num(i, "charge_radius_fm");
    const double rp = csv.num(i, "proton_rms_fm");
    const double rn = csv.num(i, "neutron_rms_fm");
    std::printf("SLy4 %-6s B %9.3f (published %9.3f)  r_ch %.4f (%.4f)  r_p %.4f (%.4f)  r_n %.4f (%.4f) fm\n",
                n.name().c_str(), gs.hf.bindingEnergy, b, gs.hf.radii.charge, rch, gs.hf.radii.proton, rp,
                gs.hf.radii.neutron, rn);
    EXPECT_NEAR(gs.hf.bindingEnergy / b, 1.0, 3e-3) << n.name();
    EXPECT_NEAR(gs.hf.radii.charge / rch, 1.0, 3e-3) << n.name();
    EXPECT_NEAR(gs.hf.radii.proton / rp, 1.0, 3e-3) << n.name();
    EXPECT_NEAR(gs.hf.radii.neutron / rn, 1.0, 3e-3) << n.name();
    ++checked;
  }
  EXPECT_EQ(checked, 4);
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
  // Charge radius from the density (which includes the spin-orbit term) equals the radius formula
  // (Kelly's G_E radii differ from CODATA / PDG ones by < 0.04 fm^2); the spin-orbit term alone, from the
  // q^2 slope of F_ch with and without it, matches spinOrbitContribution (48Ca: f7/2 neutrons, ~ -0.1 fm^2).
  const double r2Density = radialMoment(*gs.chargeDensity, 2) / 20.0;
  const double r2Formula = gs.hf.radii.charge * gs.hf.radii.charge;
  EXPECT_NEAR(r2Density, r2Formula, 0.06);
  const double q = 0.02;
  const double withSo = (*gs.charge)(q);
  const double withoutSo = nucleon::electricFormFactorProton(q) * (*gs.proton)(q) +
                           28.0 / 20.0 * nucleon::electricFormFactorNeutron(q) * (*gs.neutron)(q);
  const double r2So = -6.0 * (withSo - withoutSo) / (q * q);
  std::printf("48Ca SLy4: spin-orbit r_ch^2 term from F_ch %.4f fm^2, from the radius formula %.4f fm^2\n", r2So,
              gs.hf.radii.spinOrbitContribution);
  EXPECT_LT(gs.hf.radii.spinOrbitContribution, -0.05);
  EXPECT_NEAR(r2So, gs.hf.radii.spinOrbitContribution, 0.01 * std::abs(gs.hf.radii.spinOrbitContribution));
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

TEST(HartreeFockPhysics, FullCenterOfMassCorrectionOfSkI3) {
  // SkI3 prescribes the full c.m. energy after the variation: 0 < E_cm < T/A (the exchange term
  // is positive), and for 16O it lies near 3/4 hbar omega of the oscillator that fits its radius,
  // hbar omega = hbar^2 / (m b^2) with <r^2>_point = (b^2 / A) sum (N + 3/2) = 2.25 b^2 (0s0p shells).
  const auto& r = groundState("SkI3", 8, 8).hf;
  const double ecm = -r.energy.centerOfMass;
  const double tOverA = r.energy.kinetic / 16.0;
  const double b2 = r.radii.matter * r.radii.matter / 2.25;
  const double hw = 2.0 * 20.7525 / b2;
  std::printf("SkI3 16O: E_cm = %.3f MeV, T/A = %.3f MeV, 3/4 hbar omega(r_matter) = %.3f MeV\n", ecm, tOverA,
              0.75 * hw);
  EXPECT_GT(ecm, 0.0);
  EXPECT_LT(ecm, tOverA);
  EXPECT_NEAR(ecm, 0.75 * hw, 0.1 * 0.75 * hw);
  EXPECT_DOUBLE_EQ(groundState("SLy4", 8, 8).hf.energy.centerOfMass, 0.0); // one-body factor in `kinetic`
}

namespace {

HartreeFockResult solveAr40(PairingMode mode) {
  HartreeFockConfig c;
  c.pairing.mode = mode;
  return HartreeFockSolver(SkyrmeForce::load("SLy4"), c).solve(18, 22);
}

void checkOccupations(const HartreeFockResult& r, const std::string& what) {
  std::array<double, 2> count{};
  for (const auto& s : r.states) {
    EXPECT_GE(s.occupation, 0.0) << what;
    EXPECT_LE(s.occupation, 1.0) << what;
    count[s.isospin == Isospin::Proton ? 0 : 1] += s.degeneracy() * s.occupation;
  }
  EXPECT_NEAR(count[0], 18.0, 1e-8) << what << ": sum (2j+1) v^2 of protons";
  EXPECT_NEAR(count[1], 22.0, 1e-8) << what << ": sum (2j+1) v^2 of neutrons";
  EXPECT_NEAR(r.particleNumber[0], 18.0, 1e-8) << what;
  EXPECT_NEAR(r.particleNumber[1], 22.0, 1e-8) << what;
  EXPECT_LT(std::abs(r.energyCheck), 1e-3) << what << ": functional vs single-particle-sum energy [MeV]";
}

} // namespace

TEST(HartreeFockPhysics, PairingOptionsFor40Ar) {
  const auto fill = solveAr40(PairingMode::Filling);
  const auto gap = solveAr40(PairingMode::ConstantGap);
  const auto delta = solveAr40(PairingMode::DeltaPairing);
  checkOccupations(fill, "filling");
  checkOccupations(gap, "constant gap");
  checkOccupations(delta, "delta pairing");
  // Filling approximation: Z = 18 leaves 2 protons in the 1d3/2 shell (degeneracy 4): v^2 = 1/2.
  for (const auto& s : fill.states) {
    if (s.isospin == Isospin::Proton && s.n == 0 && s.l == 2 && s.j == 1.5) {
      EXPECT_NEAR(s.occupation, 0.5, 1e-12);
    }
  }
  EXPECT_DOUBLE_EQ(fill.energy.pairing, 0.0);
  EXPECT_DOUBLE_EQ(fill.pairingGap[0], 0.0);
  // BCS: negative pairing energy, positive average gaps, Fermi energy bound; the constant gap is the
  // requested 12/sqrt(A) MeV.
  for (const auto* r : {&gap, &delta}) {
    EXPECT_LT(r->energy.pairing, 0.0);
    EXPECT_GT(r->pairingGap[0], 0.1);
    EXPECT_GT(r->pairingGap[1], 0.1);
    EXPECT_LT(r->fermiEnergy[0], 0.0);
    EXPECT_LT(r->fermiEnergy[1], 0.0);
  }
  EXPECT_NEAR(gap.pairingGap[0], 12.0 / std::sqrt(40.0), 0.15 * 12.0 / std::sqrt(40.0)); // soft window
  // Variational sandwich: the filling state is (the limit of) the HF minimum, so the mean-field part of a
  // BCS state is less bound, B_BCS - |E_pair| <= B_fill; delta-pairing BCS minimises the full functional
  // (E_pair = 0 in the filling limit), so B_delta >= B_fill. (The constant-gap energy is not variational.)
  std::printf("40Ar SLy4: B(filling) = %.3f, B(constant gap) = %.3f (E_pair %.3f), B(delta) = %.3f (E_pair %.3f, "
              "gaps %.3f %.3f) MeV\n",
              fill.bindingEnergy, gap.bindingEnergy, gap.energy.pairing, delta.bindingEnergy, delta.energy.pairing,
              delta.pairingGap[0], delta.pairingGap[1]);
  EXPECT_LE(gap.bindingEnergy + gap.energy.pairing, fill.bindingEnergy);
  EXPECT_LE(delta.bindingEnergy + delta.energy.pairing, fill.bindingEnergy);
  EXPECT_GE(delta.bindingEnergy, fill.bindingEnergy);
  // Pure HF refuses the open proton shell (typed error tested in the unit tests); closed-shell 40Ca
  // under Auto uses no pairing at all.
  EXPECT_DOUBLE_EQ(groundState("SLy4", 20, 20).hf.energy.pairing, 0.0);
}
