// Unit tests of the inelastic layer: lepton kinematics, angular algebra, mean-field solvers,
// Coulomb corrections, allowed-model cross-section assembly, and error handling.
#include <algorithm>
#include <cmath>
#include <complex>
#include <memory>

#include <gsl/gsl_sf_coulomb.h>
#include <gtest/gtest.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Flavour.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/core/Spline.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/inelastic/AllowedResponse.hpp"
#include "lenu/inelastic/CoulombCorrection.hpp"
#include "lenu/inelastic/HartreeFockMeanField.hpp"
#include "lenu/inelastic/HartreeFockResponse.hpp"
#include "lenu/inelastic/InelasticCrossSection.hpp"
#include "lenu/inelastic/InelasticModels.hpp"
#include "lenu/inelastic/LeptonKinematics.hpp"
#include "lenu/inelastic/MultipoleOperators.hpp"
#include "lenu/inelastic/NucleonCouplings.hpp"
#include "lenu/inelastic/WoodsSaxonMeanField.hpp"

using namespace lenu;
using namespace lenu::inelastic;

namespace {

// Lepton tensor L^{mu nu} / 8 = k^mu k'^nu + k'^mu k^nu - g^{mu nu} k.k' in a frame with q along z,
// computed from four-vectors (independent of the closed-form factors).
struct Tensor { double L00, L03, L33, LT; };
Tensor leptonTensor(double Enu, double omega, double cosTheta, double m) {
  const double El = Enu - omega, kl = std::sqrt(El * El - m * m);
  const double s = std::sqrt(1.0 - cosTheta * cosTheta);
  const double k[3] = {0.0, 0.0, Enu};
  const double kp[3] = {kl * s, 0.0, kl * cosTheta};
  double q[3] = {k[0] - kp[0], k[1] - kp[1], k[2] - kp[2]};
  const double qm = std::sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2]);
  const double z[3] = {q[0] / qm, q[1] / qm, q[2] / qm};
  // x: in the scattering plane, perpendicular to z
  double x[3] = {z[2], 0.0, -z[0]};
  const double kz = k[0] * z[0] + k[2] * z[2], kpz = kp[0] * z[0] + kp[2] * z[2];
  const double kx = k[0] * x[0] + k[2] * x[2], kpx = kp[0] * x[0] + kp[2] * x[2];
  const double kk = Enu * El - (k[0] * kp[0] + k[2] * kp[2]);
  Tensor t;
  t.L00 = 2.0 * Enu * El - kk;
  t.L03 = Enu * kpz + El * kz;
  t.L33 = 2.0 * kz * kpz + kk;
  t.LT = 0.5 * ((2.0 * kx * kpx + kk) + kk); // (L11 + L22)/2, k_y = 0
  return t;
}

} // namespace

TEST(LeptonKinematics, FactorsMatchTheLeptonTensor) {
  for (double m : {0.0, constants::kMassElectron, constants::kMassMuon}) {
    for (double c : {-0.9, -0.2, 0.3, 0.95}) {
      const double E = 250.0, w = 40.0;
      LeptonVertex v;
      ASSERT_TRUE(LeptonVertex::make(E, w, c, m, v));
      const KinematicFactors f = kinematicFactors(v);
      const Tensor t = leptonTensor(E, w, c, m);
      // Common normalisation: L00 = E_nu E_l v_CC (with L/8 as above and v factors per unit E E).
      const double n = t.L00 / f.CC;
      EXPECT_NEAR(-t.L03 / n, f.CL, 1e-10) << "m=" << m << " c=" << c;
      EXPECT_NEAR(t.L33 / n, f.LL, 1e-10);
      EXPECT_NEAR(t.LT / n, f.T, 1e-10);
    }
  }
}

// Current conservation: for a conserved vector current (longitudinal L = (omega/q) C) and a
// massless lepton, the charge-longitudinal combination v_CC + 2 (omega/q) v_CL + (omega/q)^2 v_LL
// equals (1 + cos) (Q^2/q^2)^2, so it vanishes at Q^2 -> 0 (forward scattering). This is why, with
// the CVC prescription omega_V = omega - omega_IAS (Coulomb-displaced), the vector C/L terms of
// transitions below the analog state do NOT cancel forward and dsigma/dcos rises over the last few
// degrees (a physical consequence of the prescription; absent with --longitudinal impulse).
TEST(LeptonKinematics, ConservedCurrentChargeLongitudinalVanishesForward) {
  for (double c : {-0.7, 0.0, 0.5, 0.9, 0.99, 1.0}) {
    const double E = 30.0, w = 12.0;
    LeptonVertex v;
    ASSERT_TRUE(LeptonVertex::make(E, w, c, 0.0, v));
    const KinematicFactors f = kinematicFactors(v);
    const double x = w / v.q;
    const double comb = f.CC + 2.0 * x * f.CL + x * x * f.LL;
    const double r = v.Q2 / (v.q * v.q);
    EXPECT_NEAR(comb, (1.0 + c) * r * r, 1e-12) << "c=" << c;
    if (c == 1.0) {
      EXPECT_NEAR(comb, 0.0, 1e-12);
    }
  }
}

TEST(LeptonKinematics, ClosedBelowThreshold) {
  LeptonVertex v;
  EXPECT_FALSE(LeptonVertex::make(10.0, 9.8, 0.0, constants::kMassElectron, v));
  EXPECT_TRUE(LeptonVertex::make(10.0, 9.0, 0.0, constants::kMassElectron, v));
}

TEST(MultipoleOperators, LongWavelengthLimits) {
  // Fermi: <l j||Y_0||l j> = sqrt(2j+1)/sqrt(4 pi); GT: Sigma'_1 / Sigma''_1 -> sqrt(2) at q -> 0.
  for (int l = 0; l <= 3; ++l) {
    for (double j : {l + 0.5, l - 0.5}) {
      if (j < 0) continue;
      const AngularCoefficients a = angularCoefficients(l, j, l, j, 0);
      EXPECT_NEAR(a.c[0][0][1], std::sqrt((2 * j + 1) / (4 * constants::kPi)), 1e-12);
      const AngularCoefficients g = angularCoefficients(l, j, l, j, 1);
      const double sp = g.c[static_cast<int>(SpOperator::SigmaP)][0][0];
      const double spp = g.c[static_cast<int>(SpOperator::SigmaPP)][0][0];
      EXPECT_NEAR(sp / spp, std::sqrt(2.0), 1e-12);
      // 4 pi (Sigma'^2 + Sigma''^2) = |<j||sigma||j>|^2 = (2j+1)(j+1)/j or (2j+1) j/(j+1).
      const double s2 = 4 * constants::kPi * (sp * sp + spp * spp);
      const double expect = j > l ? (2 * j + 1) * (j + 1) / j : (2 * j + 1) * j / (j + 1);
      EXPECT_NEAR(s2, expect, 1e-10) << "l=" << l << " j=" << j;
    }
  }
  // Parity: M_1 between equal l vanishes.
  EXPECT_TRUE(angularCoefficients(1, 1.5, 1, 1.5, 1).c[0][0][1] == 0.0);
}

TEST(WoodsSaxon, BoundStatesOrthonormalAndOrdered) {
  WoodsSaxonConfig c;
  c.Z = 20;
  c.N = 20;
  const WoodsSaxonMeanField ws(c);
  const auto& s = ws.boundStates();
  const double h = ws.meshStep();
  for (const auto& a : s) {
    for (const auto& b : s) {
      if (a.isospin != b.isospin || a.l != b.l || std::abs(a.j - b.j) > 0.1) continue;
      double o = 0.0;
      for (std::size_t i = 0; i < a.u.size(); ++i) o += a.u[i] * b.u[i] * h;
      EXPECT_NEAR(o, a.n == b.n ? 1.0 : 0.0, 2e-6);
    }
  }
  // 40Ca: 1d3/2 is the last occupied proton and neutron level, 1f7/2 empty, spin-orbit ordering.
  double n1d32 = 0, n1d52 = 0, n1f72 = 0;
  for (const auto& a : s) {
    if (a.isospin != Isospin::Neutron || a.n != 0) continue;
    if (a.l == 2 && a.j > 2) n1d52 = a.energy;
    if (a.l == 2 && a.j < 2) { n1d32 = a.energy; EXPECT_NEAR(a.occupation, 1.0, 1e-12); }
    if (a.l == 3 && a.j > 3) { n1f72 = a.energy; EXPECT_NEAR(a.occupation, 0.0, 1e-12); }
  }
  EXPECT_LT(n1d52, n1d32);
  EXPECT_LT(n1d32, n1f72);
}

TEST(WoodsSaxon, ContinuumHasUnitAmplitude) {
  WoodsSaxonConfig c;
  c.Z = 8;
  c.N = 8;
  c.rMax = 40.0;
  const WoodsSaxonMeanField ws(c);
  // Far outside, u = sin(kr + phase): max |u| over the last wavelength -> 1.
  for (Isospin t : {Isospin::Neutron, Isospin::Proton}) {
    const ContinuumState cs = ws.continuumState(t, 2, 2.5, 20.0);
    double mx = 0.0;
    const double lambda = 2.0 * constants::kPi / cs.k;
    for (std::size_t i = cs.u.size() - static_cast<std::size_t>(lambda / ws.meshStep()); i < cs.u.size(); ++i)
      mx = std::max(mx, std::abs(cs.u[i]));
    EXPECT_NEAR(mx, 1.0, 0.02);
  }
  EXPECT_THROW(ws.continuumState(Isospin::Neutron, 0, 0.5, -1.0), Error);
}

namespace {

// Independent reference for lenu's continuum solver (Numerov on the local form phi = sqrt(B) u):
// RK4 on the first-order system u' = p/B, p' = (B'/r + B l(l+1)/r^2 + U + W l.s/r - E) u with
// cubic-spline fields, on h/8 substeps from u ~ r^(l+1), matched to F_l, G_l at the box edge.
// (This was the structure layer's own solver until issue 12 kept one; it is ~200x slower.)
struct Reference {
  double phaseShift = 0.0;
  std::vector<double> u;
};
Reference rk4ContinuumState(const MeanField& field, Isospin t, int l, double j, double energy) {
  const auto& sp = field.of(t);
  const int n = static_cast<int>(field.r.size());
  const double h = field.meshStep;
  const double rBox = field.r.back();
  std::vector<double> rr(n + 1, 0.0), bb(n + 1), uu(n + 1), ww(n + 1, 0.0);
  for (int k = 0; k < n; ++k) {
    rr[k + 1] = field.r[k];
    bb[k + 1] = sp.B[k];
    uu[k + 1] = sp.U[k];
    ww[k + 1] = sp.W[k];
  }
  bb[0] = (4.0 * sp.B[0] - sp.B[1]) / 3.0; // even in r: f(0) from f(h), f(2h)
  uu[0] = (4.0 * sp.U[0] - sp.U[1]) / 3.0;
  const Spline sB(rr, bb), sU(rr, uu), sW(rr, ww);
  const double ls = j * (j + 1.0) - l * (l + 1.0) - 0.75;
  const double ll = l * (l + 1.0);
  auto rhs = [&](double rIn, double u, double p, double& du, double& dp) {
    const double r = std::min(rIn, rBox);
    const double b = sB(r);
    du = p / b;
    dp = (sB.derivative(r) / r + b * ll / (r * r) + sU(r) + sW(r) * ls / r - energy) * u;
  };
  const int sub = 8;
  const double dr = h / sub;
  double r = dr, u = std::pow(r, l + 1), p = sB(r) * (l + 1) * std::pow(r, l);
  std::vector<double> uMesh(static_cast<std::size_t>(n), 0.0);
  std::size_t next = 0;
  for (int step = 0; step < n * sub - 1; ++step) {
    double k1u, k1p, k2u, k2p, k3u, k3p, k4u, k4p;
    rhs(r, u, p, k1u, k1p);
    rhs(r + 0.5 * dr, u + 0.5 * dr * k1u, p + 0.5 * dr * k1p, k2u, k2p);
    rhs(r + 0.5 * dr, u + 0.5 * dr * k2u, p + 0.5 * dr * k2p, k3u, k3p);
    rhs(r + dr, u + dr * k3u, p + dr * k3p, k4u, k4p);
    u += dr / 6.0 * (k1u + 2 * k2u + 2 * k3u + k4u);
    p += dr / 6.0 * (k1p + 2 * k2p + 2 * k3p + k4p);
    r = (step + 2) * dr;
    if ((step + 2) % sub == 0) uMesh[next++] = u;
  }
  const double k = std::sqrt(energy / sp.bAsymptotic);
  const double eta = t == Isospin::Proton ? field.Z * constants::kAlpha * constants::kHbarC / (2.0 * sp.bAsymptotic * k) : 0.0;
  gsl_sf_result f, fp, g, gp;
  double ef = 0.0, eg = 0.0;
  const int status = gsl_sf_coulomb_wave_FG_e(eta, k * rBox, static_cast<double>(l), 0, &f, &fp, &g, &gp, &ef, &eg);
  EXPECT_EQ(status, 0);
  const double du = p / sB(rBox) / k;
  const double wr = f.val * gp.val - fp.val * g.val;
  const double a = (uMesh.back() * gp.val - du * g.val) / wr;
  const double b = (du * f.val - uMesh.back() * fp.val) / wr;
  const double amp = std::hypot(a, b);
  Reference out;
  out.phaseShift = std::atan2(b, a);
  for (double v : uMesh) out.u.push_back(v / amp);
  return out;
}

} // namespace

TEST(HartreeFockMeanField, ContinuumAgreesWithIndependentRk4) {
  HartreeFockConfig hc;
  hc.pairing.mode = PairingMode::Filling;
  const HartreeFockSolver solver(SkyrmeForce::load("SkM*"), hc);
  const auto mf = HartreeFockMeanField::solve(solver, 8, 8);
  for (Isospin t : {Isospin::Neutron, Isospin::Proton}) {
    for (int l : {0, 1, 3}) {
      for (double e : {2.0, 25.0}) {
        const auto a = mf->continuumState(t, l, l + 0.5, e);
        const auto b = rk4ContinuumState(mf->result().meanField, t, l, l + 0.5, e);
        EXPECT_NEAR(std::remainder(a.phaseShift - b.phaseShift, 2 * constants::kPi), 0.0, 2e-3) << l << " " << e;
        double d = 0.0;
        for (std::size_t i = 0; i < std::min(a.u.size(), b.u.size()); ++i) d = std::max(d, std::abs(a.u[i] - b.u[i]));
        EXPECT_LT(d, 5e-3);
      }
    }
  }
}

TEST(CoulombCorrection, FermiFunctionLimitsAndSwitch) {
  EXPECT_NEAR(fermiFunction(0, 40, 20.0, constants::kMassElectron, -1), 1.0, 1e-10);
  EXPECT_GT(fermiFunction(19, 40, 20.0, constants::kMassElectron, -1), 1.0);
  EXPECT_LT(fermiFunction(17, 40, 20.0, constants::kMassElectron, +1), 1.0);
  // Auto: Fermi function at low, MEMA at high electron energy (Pb: crossing between 5 and 50 MeV).
  EXPECT_FALSE(coulombFactor(CoulombMode::Auto, 83, 208, 5.0, constants::kMassElectron, -1).mema);
  EXPECT_TRUE(coulombFactor(CoulombMode::Auto, 83, 208, 50.0, constants::kMassElectron, -1).mema);
  const auto m = coulombFactor(CoulombMode::MEMA, 19, 40, 30.0, constants::kMassElectron, -1);
  EXPECT_GT(m.kEff, 30.0);
  EXPECT_GT(m.factor, 1.0);
  EXPECT_EQ(coulombFactor(CoulombMode::None, 19, 40, 30.0, constants::kMassElectron, -1).factor, 1.0);
  EXPECT_THROW(parseCoulombMode("bogus"), Error);
}

// The quadratures split where CoulombMode::Auto switches from the Fermi function to MEMA (the
// effective momentum, and with it q, jumps there): 40Ar(nu_e, e-)40K has one switch, where the two
// factors are equal (the Auto factor is continuous, the momentum is not).
// The continuations to complex energy (omega contours): equal to the real functions on the real
// axis, and analytic (the derivatives along the real and the imaginary direction agree:
// Cauchy-Riemann, f'(E) = -i df/dy).
TEST(CoulombCorrection, ComplexContinuationIsAnalyticAndRealOnTheAxis) {
  using cd = std::complex<double>;
  const double me = constants::kMassElectron;
  for (CoulombMode mode : {CoulombMode::Fermi, CoulombMode::MEMA}) {
    for (double E : {1.2, 8.0, 35.0}) {
      const CoulombFactor r = coulombFactor(mode, 19, 40, E, me, -1);
      const CoulombFactorComplex c = coulombFactor(mode, 19, 40, cd(E, 0.0), me, -1);
      EXPECT_NEAR(c.factor.real() / r.factor, 1.0, 1e-12) << toString(mode) << " E=" << E;
      EXPECT_NEAR(c.factor.imag(), 0.0, 1e-12 * r.factor);
      EXPECT_NEAR(c.kEff.real(), r.kEff, 1e-10 * r.kEff);
      const cd z(E, -0.7); // lepton energy E_nu - omega on a contour: Im E < 0
      const double h = 1e-5;
      const cd dx = (coulombFactor(mode, 19, 40, z + h, me, -1).factor - coulombFactor(mode, 19, 40, z - h, me, -1).factor) / (2.0 * h);
      const cd dy = (coulombFactor(mode, 19, 40, z + cd(0.0, h), me, -1).factor -
                     coulombFactor(mode, 19, 40, z - cd(0.0, h), me, -1).factor) / (2.0 * h);
      EXPECT_LT(std::abs(dx + cd(0.0, 1.0) * dy), 1e-6 * (std::abs(dx) + 1e-3)) << toString(mode) << " E=" << E;
    }
  }
  EXPECT_THROW(coulombFactor(CoulombMode::Auto, 19, 40, cd(10.0, 0.0), me, -1), Error);
  const NucleonCouplings nc;
  for (Channel ch : {Channel::ChargedCurrent, Channel::NeutralCurrent}) {
    const inelastic::NucleonFormFactors r = nc.at(ch, Isospin::Proton, 150.0, 150.0 * 150.0 - 30.0 * 30.0);
    const NucleonFormFactorsComplex c = nc.at(ch, Isospin::Proton, cd(150.0, 0.0), cd(150.0 * 150.0 - 30.0 * 30.0, 0.0));
    for (auto [x, y] : {std::pair{r.F1, c.F1}, {r.GM, c.GM}, {r.GA, c.GA}, {r.pionPole, c.pionPole}}) {
      EXPECT_NEAR(y.real(), x, 1e-14 * std::abs(x));
      EXPECT_EQ(y.imag(), 0.0);
    }
  }
}

TEST(CoulombCorrection, AutoSwitchFoundAndSplitAt) {
  InelasticModelOptions o;
  o.model = "allowed";
  const InelasticCrossSection xs(makeInelasticResponse("Ar40", ResponseMode::ChargedCurrentNu, o, NuclideTable::load()),
                                 Flavour::NuE);
  ASSERT_EQ(xs.coulombSwitchEnergies().size(), 1u);
  const double El = xs.coulombSwitchEnergies()[0], me = constants::kMassElectron;
  EXPECT_GT(El, 5.0);
  EXPECT_LT(El, 100.0);
  const auto below = coulombFactor(CoulombMode::Auto, 19, 40, El - 1e-6, me, -1);
  const auto above = coulombFactor(CoulombMode::Auto, 19, 40, El + 1e-6, me, -1);
  EXPECT_NE(below.mema, above.mema);
  EXPECT_NEAR(fermiFunction(19, 40, El, me, -1), coulombFactor(CoulombMode::MEMA, 19, 40, El, me, -1).factor, 1e-6);
  EXPECT_GT(std::abs(above.kEff - below.kEff), 1.0); // MeV: the jump the split keeps out of every panel
  // NC and CoulombMode::None: no switch.
  InelasticCrossSectionConfig none;
  none.coulomb = CoulombMode::None;
  const InelasticCrossSection xn(makeInelasticResponse("Ar40", ResponseMode::ChargedCurrentNu, o, NuclideTable::load()),
                                 Flavour::NuE, none);
  EXPECT_TRUE(xn.coulombSwitchEnergies().empty());
}

TEST(AllowedModel, CrossSectionAssemblyMatchesClosedForm) {
  // One GT and one Fermi level; Coulomb off: sigma = G^2 V^2 / pi * k E (B_F + B_GT) per level, and
  // dsigma/dcos = G^2 V^2/(2 pi) k E [B_F (1 + beta cos) + B_GT (1 - beta cos/3)].
  std::vector<AllowedLevel> lv{{1.0, 0.0, 1.5}, {3.0, 2.0, 0.0}};
  auto r = std::make_shared<AllowedResponse>(18, 40, ResponseMode::ChargedCurrentNu, 1.0, lv, "test");
  InelasticCrossSectionConfig cfg;
  cfg.coulomb = CoulombMode::None;
  const InelasticCrossSection xs(r, Flavour::NuE, cfg);
  const double E = 25.0, me = constants::kMassElectron;
  const double G2 = constants::kFermiConstant * constants::kFermiConstant * cfg.vud * cfg.vud / constants::kPi *
                    constants::kHbarC * constants::kHbarC;
  double expect = 0.0;
  for (const auto& l : lv) {
    const double El = E - 1.0 - l.excitation, k = std::sqrt(El * El - me * me);
    expect += G2 * k * El * (l.bF + l.bGT);
  }
  EXPECT_NEAR(xs.sigma(E).total / expect, 1.0, 1e-10);
  const std::vector<double> c{-1.0, 0.0, 1.0};
  const auto d = xs.dSigmaDCos(E, c);
  for (std::size_t i = 0; i < c.size(); ++i) {
    double e = 0.0;
    for (const auto& l : lv) {
      const double El = E - 1.0 - l.excitation, k = std::sqrt(El * El - me * me), b = k / El;
      e += 0.5 * G2 * k * El * (l.bF * (1 + b * c[i]) + l.bGT * (1 - b * c[i] / 3.0));
    }
    EXPECT_NEAR(d[i] / e, 1.0, 1e-10);
  }
}

TEST(InelasticErrors, BadInputIsReportedClearly) {
  const NuclideTable table = NuclideTable::load();
  InelasticModelOptions o;
  o.model = "allowed";
  // Unknown target.
  try {
    makeInelasticResponse("Xx999", ResponseMode::ChargedCurrentNu, o, table);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::UnknownNuclide);
  }
  // Unknown flavour name.
  EXPECT_THROW(parseFlavour("nusterile"), Error);
  // Unknown model, NC allowed, no table.
  o.model = "rpa-from-the-future";
  try {
    makeInelasticResponse("Ar40", ResponseMode::ChargedCurrentNu, o, table);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::UnknownModel);
  }
  o.model = "allowed";
  EXPECT_THROW(makeInelasticResponse("Ar40", ResponseMode::NeutralCurrent, o, table), Error);
  EXPECT_THROW(makeInelasticResponse("Pb208", ResponseMode::ChargedCurrentNu, o, table), Error);
  // Flavour / response mismatch.
  auto r = makeInelasticResponse("Ar40", ResponseMode::ChargedCurrentNu, o, table);
  EXPECT_THROW(InelasticCrossSection(r, Flavour::NuEBar), Error);
  // Below threshold: zero, not an error.
  const InelasticCrossSection xs(r, Flavour::NuE);
  EXPECT_GT(xs.thresholdEnergy(), 3.0);
  EXPECT_EQ(xs.sigma(xs.thresholdEnergy() - 0.01).total, 0.0);
  EXPECT_GT(xs.sigma(xs.thresholdEnergy() + 0.5).total, 0.0);
  EXPECT_THROW(xs.sigma(-1.0), Error);
  // Q-value of 40Ar -> 40K from AME2020 nuclear masses: atomic-mass difference 1.5044 MeV minus m_e,
  // plus the change of the total electron binding energy (+2 keV): 0.9954 MeV.
  EXPECT_NEAR(chargedCurrentQValue(table.get("Ar40"), ResponseMode::ChargedCurrentNu, table), 0.9954, 5e-4);
  // 40Ar -> 40Cl (anti-nu_e): atomic-mass difference 7.4821 MeV plus m_e (Z decreases), minus
  // the change of the electron binding energy (~1 keV): 7.992 MeV.
  EXPECT_NEAR(chargedCurrentQValue(table.get("Ar40"), ResponseMode::ChargedCurrentNuBar, table), 7.992, 2e-3);
  // Final nucleus missing from both tables (132Cs): UnknownNuclide.
  try {
    chargedCurrentQValue(table.get("Xe132"), ResponseMode::ChargedCurrentNu, table);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::UnknownNuclide);
  }
}
