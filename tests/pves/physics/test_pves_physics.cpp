// Physics validation of the Dirac partial-wave PVES calculation: point-charge limits, Coulomb
// distortions, diffraction minima, PREX-I and CREX.
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "../TestHelpers.hpp"
#include "lenu/core/Constants.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/formfactor/Density.hpp"
#include "lenu/pves/DiracScattering.hpp"
#include "lenu/pves/ParityViolation.hpp"
#include "lenu/pves/PartialWaveSeries.hpp"
#include "lenu/pves/WeakFormFactorFit.hpp"

using namespace lenu;
using constants::kAlpha;
using constants::kHbarC;
using constants::kPi;

namespace {
constexpr double kMe = constants::kMassElectron;
constexpr double kDeg = kPi / 180.0;

struct PointKinematics {
  double p, beta;
};
PointKinematics kin(double t) {
  const double w = t + kMe;
  const double p = std::sqrt(w * w - kMe * kMe);
  return {p, p / w};
}
double rutherford(int z, double t, double theta) {
  const auto k = kin(t);
  const double s2 = std::pow(std::sin(theta / 2), 2);
  return std::pow(z * kAlpha * kHbarC / (2 * k.p * k.beta), 2) / (s2 * s2);
}
double exactPoint(int z, double t, const std::vector<double>& thetaDeg, std::vector<double>& out) {
  const auto s = DiracScattering::pointCharge(z);
  const auto ph = s.phaseShifts(t, 2000);
  const PartialWaveSeries series(ph.plus);
  out.clear();
  for (double th : thetaDeg) {
    out.push_back(series(th * kDeg).crossSection());
  }
  return 0.0;
}
} // namespace

// McKinley & Feshbach, Phys. Rev. 74 (1948) 1759: to second order in Z alpha,
// sigma = sigma_R [1 - beta^2 sin^2(theta/2) + pi Z alpha beta sin(theta/2)(1 - sin(theta/2))].
TEST(PointCharge, McKinleyFeshbachForHydrogenAndHelium) {
  const std::vector<double> angles{1, 2, 5, 10, 20, 30, 45, 60};
  for (int z : {1, 2}) {
    std::vector<double> exact;
    exactPoint(z, 500.0, angles, exact);
    const double beta = kin(500.0).beta;
    for (std::size_t i = 0; i < angles.size(); ++i) {
      const double th = angles[i] * kDeg;
      const double s = std::sin(th / 2);
      const double mf = rutherford(z, 500.0, th) * (1 - beta * beta * s * s + kPi * z * kAlpha * beta * s * (1 - s));
      EXPECT_NEAR(exact[i] / mf, 1.0, 1e-3) << "Z " << z << " theta " << angles[i];
      std::printf("[MF] Z=%d T=500 MeV theta=%4.0f deg  exact/MF - 1 = %+.2e\n", z, angles[i], exact[i] / mf - 1);
    }
  }
}

// Z = 82: the exact point-Coulomb (Mott) cross section departs from the first-Born Mott formula by
// factors of 2-6 at large angles. Reference: the analytic fit to exact Mott cross sections of
// Lijian, Qing, Zhengming, Radiat. Phys. Chem. 45 (1995) 235, coefficients recomputed by
// Boschini et al. (arXiv:1111.4042; arXiv:1304.5871; stated accuracy ~1% for electrons), as
// transcribed for Pb in Geant4 source/processes/electromagnetic/standard/include/G4MottData.hh:
//   R = sigma / sigma_Rutherford = sum_{j=0..4} sum_{k=0..5} b_jk (beta - 0.7181287)^k (1 - cos theta)^(j/2).
TEST(PointCharge, LeadDepartsFromFirstBornAsExactMottFit) {
  const double b[5][6] = {{1.00055e0, -9.22411e-4, -8.38967e-3, 9.83942e-3, 5.26394e-2, 1.91419e-2},
                          {-4.49833e-1, 5.63865e-1, 1.41246e1, 1.0768e0, -9.28737e1, -8.44177e1},
                          {3.07189e0, 5.71077e0, -5.98888e1, -3.54715e1, 4.61066e2, 4.9067e2},
                          {-1.69869e0, -4.80968e0, 7.05579e1, 6.57062e1, -6.03887e2, -7.07793e2},
                          {-7.55851e-2, -6.55871e-1, -2.60213e1, -2.92042e1, 2.31249e2, 2.89188e2}};
  const std::vector<double> angles{30, 60, 90, 120, 150};
  for (double t : {1.0, 10.0, 100.0}) {
    std::vector<double> exact;
    exactPoint(82, t, angles, exact);
    const double beta = kin(t).beta;
    for (std::size_t i = 0; i < angles.size(); ++i) {
      const double th = angles[i] * kDeg;
      double fit = 0.0;
      for (int j = 0; j < 5; ++j) {
        for (int k = 0; k < 6; ++k) {
          fit += b[j][k] * std::pow(beta - 0.7181287, k) * std::pow(1 - std::cos(th), 0.5 * j);
        }
      }
      const double rExact = exact[i] / rutherford(82, t, th);
      const double rBorn = 1 - beta * beta * std::pow(std::sin(th / 2), 2);
      std::printf("[Mott Z=82] T=%5.1f MeV theta=%3.0f  exact/Ruth %.4f  fit %.4f  first-Born %.4f  exact/Born %.3f\n", t,
                  angles[i], rExact, fit, rBorn, rExact / rBorn);
      EXPECT_NEAR(rExact / fit, 1.0, 0.015) << "T " << t << " theta " << angles[i];
      if (angles[i] >= 60) {
        EXPECT_GT(rExact / rBorn, 2.0) << "exact Mott must exceed first Born by > 2 at " << angles[i];
      }
    }
  }
}

// 12C: Coulomb distortions are small (Z alpha = 0.04); 208Pb: large (Z alpha = 0.6).
TEST(Distortion, CarbonCloseToBornLeadFarFromIt) {
  const auto table = NuclideTable::load();
  const Nuclide& c12 = table.get("C12");
  const ParityViolatingScattering pc(c12.Z, c12.nuclearMass(), pvestest::chargeDensity(c12),
                                     pvestest::weakChargeOf(c12), pvestest::weakDensity(c12, 2.50));
  const auto rc = pc.evaluate(1000.0, 5.0);
  std::printf("[12C] T=1000 MeV 5 deg: A_PV = %.1f ppb, Born %.1f ppb, ratio %.4f\n", rc.apv * 1e9, rc.apvBorn * 1e9,
              rc.apv / rc.apvBorn);
  EXPECT_NEAR(rc.apv / rc.apvBorn, 1.0, 0.03);
  const Nuclide& pb = table.get("Pb208");
  const ParityViolatingScattering pp(pb.Z, pb.nuclearMass(), pvestest::chargeDensity(pb),
                                     pvestest::weakChargeOf(pb), pvestest::weakDensity(pb, 5.80));
  const auto rp = pp.evaluate(1063.0, 5.0);
  std::printf("[208Pb] T=1063 MeV 5 deg: A_PV = %.1f ppb, Born %.1f ppb, ratio %.4f\n", rp.apv * 1e9,
              rp.apvBorn * 1e9, rp.apv / rp.apvBorn);
  EXPECT_LT(rp.apv / rp.apvBorn, 0.85);
  EXPECT_GT(rp.apv / rp.apvBorn, 0.5);
}

// Numerical convergence: halving the radial step changes A_PV and dsigma by < 1e-5.
TEST(Distortion, StepSizeConverged) {
  const auto table = NuclideTable::load();
  const Nuclide& pb = table.get("Pb208");
  ParityViolatingScattering::Config fine;
  fine.dirac.stepFactor = 0.1;
  fine.minPartialWaves = 2000;
  const auto charge = pvestest::chargeDensity(pb);
  const auto weak = pvestest::weakDensity(pb, 5.80);
  const double qw = pvestest::weakChargeOf(pb);
  const auto a = ParityViolatingScattering(pb.Z, pb.nuclearMass(), charge, qw, weak).evaluate(1063.0, 5.0);
  const auto b = ParityViolatingScattering(pb.Z, pb.nuclearMass(), charge, qw, weak, fine).evaluate(1063.0, 5.0);
  EXPECT_NEAR(a.apv / b.apv, 1.0, 1e-5);
  EXPECT_NEAR(a.crossSection / b.crossSection, 1.0, 1e-5);
}

// Distortions fill in the diffraction minima of the 208Pb charge cross section: the Born cross
// section (Mott x |F_ch(q)|^2) has true zeros, the distorted-wave one only shallow minima.
TEST(Distortion, LeadDiffractionMinimaFilledIn) {
  const auto table = NuclideTable::load();
  const Nuclide& pb = table.get("Pb208");
  const auto charge = pvestest::chargeDensity(pb);
  const ParityViolatingScattering pp(pb.Z, pb.nuclearMass(), charge, pvestest::weakChargeOf(pb),
                                     pvestest::weakDensity(pb, 5.80));
  const DensityFormFactor fch(charge);
  std::vector<double> angles;
  for (double th = 10.0; th <= 30.0; th += 0.25) {
    angles.push_back(th);
  }
  const auto res = pp.evaluate(502.0, angles);
  // Locate the first Born minimum (first zero of F_ch) and the following maximum.
  std::vector<double> born;
  for (const auto& r : res) {
    const double f = fch(r.q);
    born.push_back(r.mottCrossSection * f * f);
  }
  std::size_t iMin = 1;
  while (iMin + 1 < born.size() && !(born[iMin] < born[iMin - 1] && born[iMin] < born[iMin + 1])) {
    ++iMin;
  }
  ASSERT_LT(iMin + 1, born.size()) << "no Born minimum between 10 and 30 deg";
  std::size_t iMax = iMin + 1;
  while (iMax + 1 < born.size() && !(born[iMax] > born[iMax - 1] && born[iMax] > born[iMax + 1])) {
    ++iMax;
  }
  ASSERT_LT(iMax + 1, born.size()) << "no Born maximum after the minimum";
  // Ratios of the cross sections divided by the point-charge Mott cross section (removes the
  // steep Mott fall-off): Born gives |F_ch|^2 at the minimum over |F_ch|^2 at the next maximum.
  const double bornRatio = born[iMin] / res[iMin].mottCrossSection / (born[iMax] / res[iMax].mottCrossSection);
  const double dwRatio = (res[iMin].crossSection / res[iMin].mottCrossSection) /
                         (res[iMax].crossSection / res[iMax].mottCrossSection);
  std::printf("[208Pb 502 MeV] Born minimum at %.2f deg, next maximum at %.2f deg: (sigma/sigma_Mott) min/max ratio "
              "Born %.2e, distorted wave %.3f\n",
              angles[iMin], angles[iMax], bornRatio, dwRatio);
  for (std::size_t i = 0; i < res.size(); i += 8) {
    std::printf("[208Pb 502 MeV] theta %5.2f deg: dsigma/dOmega DW %.4e mb/sr, Born %.4e mb/sr\n", angles[i],
                res[i].crossSection / 0.1, born[i] / 0.1);
  }
  EXPECT_LT(bornRatio, 0.01);
  EXPECT_GT(dwRatio, 0.5);

}

// PREX-I (Abrahamyan et al., PRL 108 (2012) 112502): E = 1.063 GeV, <Q^2> = 0.00880 GeV^2
// (q = 0.475 fm^-1, Horowitz et al., PRC 85 (2012) 032501(R)), A_PV = 656 +- 60 (stat) +- 14 (syst) ppb.
// CREX (Adhikari et al., PRL 129 (2022) 042501): E = 2.18 GeV, q = 0.8733 fm^-1 (Q^2 = 0.0297 GeV^2),
// A_PV = 2668 +- 106 (stat) +- 40 (syst) ppb; F_W = 0.1304 +- 0.0056.
// The effective angle is the one giving <Q^2> at the beam energy (no acceptance table here).
// Remaining differences (CREX F_W 4% low): (i) acceptance averaging: a flat +-0.5 deg acceptance
// makes <A_PV> 1.2% lower than A_PV(<Q^2>), so fitting A_PV(<Q^2>) to the measured average
// biases F_W low by about that much; (ii) the distorted-wave/Born ratio for 48Ca here is 0.955
// (not confirmed against the collaboration's DW code). F_W does not depend on the diffuseness
// of the fitting family (below), so the family is not the cause.
TEST(Experiments, PrexAndCrexWeakFormFactorsRecovered) {
  const auto table = NuclideTable::load();
  struct Case {
    const char* name;
    double t, q2, apv, err, fw, fwErr, q;
  };
  const Case cases[] = {{"Pb208", 1063.0, 0.00880e6, 656e-9, 61.6e-9, 0.204, 0.028, 0.475},
                        {"Ca48", 2180.0, 0.0297e6, 2668e-9, 113.3e-9, 0.1304, 0.0056, 0.8733}};
  for (const Case& c : cases) {
    const Nuclide& nu = table.get(c.name);
    const auto charge = pvestest::chargeDensity(nu);
    const WeakFormFactorFit fit(nu.Z, nu.N(), nu.nuclearMass(), charge);
    const ParityViolatingScattering probe(nu.Z, nu.nuclearMass(), charge, fit.weakCharge(),
                                          pvestest::weakDensity(nu, 1.02 * rmsRadius(*charge)));
    const double theta = probe.angleForQ2(c.t, c.q2);
    const auto pred = probe.evaluate(c.t, theta);
    const auto r = fit.fit(c.t, theta, c.apv, c.err, c.q);
    std::printf("[%s] T=%.0f MeV theta_eff=%.3f deg: A_PV(R_W = 1.02 R_ch) = %.0f ppb (Born %.0f); measured %.0f +- %.0f\n",
                c.name, c.t, theta, pred.apv * 1e9, pred.apvBorn * 1e9, c.apv * 1e9, c.err * 1e9);
    std::printf("[%s] fit: F_W(q=%.4f) = %.4f +- %.4f (published %.4f +- %.4f, ratio %.4f); R_W = %.3f +- %.3f fm; "
                "R_n = %.3f +- %.3f fm; R_p = %.3f fm; R_n-R_p = %.3f fm\n",
                c.name, r.q, r.formFactor, r.formFactorError, c.fw, c.fwErr, r.formFactor / c.fw, r.weakRadius,
                r.weakRadiusError, r.neutronRadius, r.neutronRadiusError, r.protonRadius,
                r.neutronRadius - r.protonRadius);
    EXPECT_NEAR(r.formFactor / c.fw, 1.0, 0.05) << c.name;
    EXPECT_NEAR(r.formFactorError / c.fwErr, 1.0, 0.2) << c.name;
    if (std::string(c.name) == "Ca48") {
      // F_W(q) at the measured q is fixed by A_PV almost independently of the density family
      // (the "model-independent" form factor of the collaborations), while R_W (and R_n) at
      // q R ~ 3 is not: a thinner surface (a = 0.50 fm) moves R_W by ~0.1 fm.
      WeakFormFactorFit::Config thin;
      thin.diffuseness = 0.50;
      const auto r2 = WeakFormFactorFit(nu.Z, nu.N(), nu.nuclearMass(), charge, thin).fit(c.t, theta, c.apv, c.err, c.q);
      std::printf("[%s] a = 0.50 fm: F_W = %.4f, R_W = %.3f fm, R_n-R_p = %.3f fm (a = 0.605: %.4f, %.3f, %.3f)\n",
                  c.name, r2.formFactor, r2.weakRadius, r2.neutronRadius - r2.protonRadius, r.formFactor,
                  r.weakRadius, r.neutronRadius - r.protonRadius);
      EXPECT_NEAR(r2.formFactor / r.formFactor, 1.0, 0.005);
      EXPECT_GT(std::abs(r2.weakRadius - r.weakRadius), 0.05);
    }
  }
}
