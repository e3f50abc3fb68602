// Unit tests of the structure layer: force files, radial eigen-solver against the harmonic
// oscillator, continuum states against free waves and a square well, typed errors.
#include <cmath>
#include <filesystem>
#include <tuple>
#include <fstream>

#include <gtest/gtest.h>

#include "lenu/core/Error.hpp"
#include "lenu/structure/HartreeFock.hpp"
#include "lenu/structure/NucleonStructure.hpp"
#include "lenu/structure/SkyrmeForce.hpp"

using namespace lenu;

namespace {

MeanField analyticField(double bConst, const std::function<double(double)>& u, double box = 20.0, double h = 0.1) {
  MeanField f;
  f.meshStep = h;
  const int n = static_cast<int>(std::lround(box / h));
  f.Z = 0;
  f.N = 8;
  for (int k = 0; k < n; ++k) f.r.push_back((k + 1) * h);
  for (auto& s : f.species) {
    s.bAsymptotic = bConst;
    s.B.assign(n, bConst);
    s.W.assign(n, 0.0);
    s.coulomb.assign(n, 0.0);
    s.U.resize(n);
    for (int k = 0; k < n; ++k) s.U[k] = u(f.r[k]);
  }
  return f;
}

ErrorCode codeOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  ADD_FAILURE() << "no lenu::Error thrown";
  return ErrorCode::BelowThreshold;
}

} // namespace

TEST(SkyrmeForce, AllShippedForcesLoad) {
  const auto names = SkyrmeForce::available();
  EXPECT_GE(names.size(), 5u);
  for (const auto& n : names) {
    const auto f = SkyrmeForce::load(n);
    EXPECT_FALSE(f.reference.empty()) << n;
    EXPECT_FALSE(f.transcription.empty()) << n;
    EXPECT_GT(f.hbar2Over2mNeutron, 20.0) << n;
  }
}

TEST(SkyrmeForce, ParametersAsTranscribed) {
  const auto sly4 = SkyrmeForce::load("SLy4");
  EXPECT_DOUBLE_EQ(sly4.t0, -2488.913);
  EXPECT_DOUBLE_EQ(sly4.b4, 61.5);
  EXPECT_DOUBLE_EQ(sly4.b4p, 61.5);
  EXPECT_EQ(sly4.cmCorrection, CenterOfMassCorrection::OneBody);
  // b-coefficients of Sky3D forces.f90: b0 = t0 (1 + x0/2).
  EXPECT_NEAR(sly4.b0(), -2488.913 * (1 + 0.417), 1e-9);
  const auto skm = SkyrmeForce::load("SkM*"); // alias of SkMs.toml
  EXPECT_EQ(skm.name, "SkM*");
  const auto un = SkyrmeForce::load("unedf1");
  EXPECT_DOUBLE_EQ(un.b4, 38.368);
  EXPECT_EQ(un.cmCorrection, CenterOfMassCorrection::None);
  EXPECT_DOUBLE_EQ(SkyrmeForce::load("SkI3").b4p, 0.0);
  EXPECT_EQ(SkyrmeForce::load("SkI3").cmCorrection, CenterOfMassCorrection::TwoBodyAfterVariation);
}

TEST(SkyrmeForce, UnknownForceIsTyped) {
  EXPECT_EQ(codeOf([] { SkyrmeForce::load("SkE2"); }), ErrorCode::UnknownModel);
  try {
    SkyrmeForce::load("NoSuchForce");
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("SLy4"), std::string::npos) << "message lists the available forces";
  }
}

TEST(SkyrmeForce, UnknownKeyNamesFileLineAndKey) {
  const auto path = std::filesystem::temp_directory_path() / "lenu_bad_force.toml";
  {
    std::ofstream out(path);
    out << "name = \"X\"\nreference = \"r\"\ntranscription = \"t\"\nt0 = 1.0\nt1 = 1.0\nt2 = 1.0\nt3 = 1.0\n"
           "x0 = 0.0\nx1 = 0.0\nx2 = 0.0\nx3 = 0.0\nalpha = 0.5\nW0 = 100.0\nhbar2_over_2m = 20.7\n"
           "cm_correction = \"one-body\"\nsigma = 0.3\n";
  }
  try {
    SkyrmeForce::fromFile(path);
    FAIL() << "unknown key accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::ConfigError);
    const std::string m = e.what();
    EXPECT_NE(m.find("sigma"), std::string::npos);
    EXPECT_NE(m.find(":16"), std::string::npos) << m;
  }
  std::filesystem::remove(path);
}

TEST(RadialSolver, HarmonicOscillatorSpectrum) {
  // U = c r^2 with B = hbar^2/2m: E = hbar omega (2n + l + 3/2), hbar omega = 2 sqrt(B c).
  const double b = 20.7355, c = 0.5, shift = -150.0; // shifted so that the levels are bound
  const auto field = analyticField(b, [c, shift](double r) { return c * r * r + shift; });
  const double hw = 2.0 * std::sqrt(b * c);
  for (int l = 0; l <= 3; ++l) {
    for (int n = 0; n <= 2; ++n) {
      const auto s = boundState(field, Isospin::Neutron, n, l, l + 0.5);
      EXPECT_NEAR(s.energy, shift + hw * (2 * n + l + 1.5), 1e-5 * hw) << "n=" << n << " l=" << l;
      double norm = 0.0;
      for (double u : s.u) norm += u * u * field.meshStep;
      EXPECT_NEAR(norm, 1.0, 1e-10);
      EXPECT_GT(s.u[2], 0.0); // sign convention
    }
  }
}

TEST(CenterOfMass, ClosedShellOscillatorGivesThreeQuartersHbarOmega) {
  // For a closed-shell harmonic-oscillator Slater determinant the c.m. moves in the oscillator ground
  // state: <P^2>/(2 m A) = 3/4 hbar omega exactly, while the one-body part alone, T/A, is 9/8 hbar omega
  // for 16O: this tests the exchange term, its 6j / reduced-matrix-element factors and the quadrature.
  const double b = 20.7355, c = 1.0, shift = -200.0;
  const auto field = analyticField(b, [=](double r) { return c * r * r + shift; }, 16.0, 0.05);
  const double hw = 2.0 * std::sqrt(b * c);
  auto shell = [&](std::vector<std::tuple<int, int, double>> nlj) {
    std::vector<SingleParticleState> states;
    for (auto t : {Isospin::Proton, Isospin::Neutron}) {
      for (const auto& [n, l, j] : nlj) {
        auto s = boundState(field, t, n, l, j);
        s.occupation = 1.0;
        states.push_back(s);
      }
    }
    return states;
  };
  // 16O: 0s1/2, 0p3/2, 0p1/2 (A = 16); 40Ca adds 0d5/2, 1s1/2, 0d3/2 (A = 40).
  std::vector<std::tuple<int, int, double>> o16 = {{0, 0, 0.5}, {0, 1, 1.5}, {0, 1, 0.5}};
  auto ca40 = o16;
  ca40.insert(ca40.end(), {{0, 2, 2.5}, {1, 0, 0.5}, {0, 2, 1.5}});
  EXPECT_NEAR(centerOfMassEnergy(shell(o16), 0.05, b, 16), 0.75 * hw, 1e-4 * hw);
  EXPECT_NEAR(centerOfMassEnergy(shell(ca40), 0.05, b, 40), 0.75 * hw, 1e-4 * hw);
  // Any determinant inside the lowest (0 hbar omega) configuration keeps the c.m. in its ground state
  // (Elliott & Skyrme), e.g. 0s + 0p3/2 only; a 2 hbar omega determinant does not: 0s1/2 + 0d5/2 protons
  // have no exchange term (Delta l = 2), so E_cm = T/A = [2 (3/4) + 6 (7/4)] hbar omega / 8 = 3/2 hbar omega.
  EXPECT_NEAR(centerOfMassEnergy(shell({{0, 0, 0.5}, {0, 1, 1.5}}), 0.05, b, 12), 0.75 * hw, 1e-4 * hw);
  std::vector<SingleParticleState> sd = {boundState(field, Isospin::Proton, 0, 0, 0.5),
                                         boundState(field, Isospin::Proton, 0, 2, 2.5)};
  for (auto& s : sd) s.occupation = 1.0;
  EXPECT_NEAR(centerOfMassEnergy(sd, 0.05, b, 8), 1.5 * hw, 1e-4 * hw);
}

TEST(RadialSolver, FreeWaveHasZeroPhaseShift) {
  const auto field = analyticField(20.7355, [](double) { return 0.0; });
  for (int l : {0, 1, 3}) {
    const auto c = continuumState(field, Isospin::Neutron, l, l + 0.5, 10.0);
    EXPECT_NEAR(std::remainder(c.phaseShift, M_PI), 0.0, 1e-6) << l;
    // u = k r j_l(k r) (Riccati-Bessel) at r = 5 fm for l = 0: sin(k r).
    if (l == 0) {
      EXPECT_NEAR(std::abs(c.u[49]), std::abs(std::sin(c.k * 5.0)), 1e-6);
    }
  }
}

TEST(RadialSolver, SquareWellSWavePhaseShift) {
  // tan(delta_0 + k a) = (k/K) tan(K a) for U = -V0 (r < a); the edge lies between mesh points,
  // so the discretised well is exact to O(h): 0.01 rad at h = 0.01 fm.
  const double b = 20.7355, v0 = 30.0, a = 3.005, e = 5.0;
  const auto field = analyticField(b, [=](double r) { return r < a ? -v0 : 0.0; }, 15.0, 0.01);
  const auto c = continuumState(field, Isospin::Neutron, 0, 0.5, e);
  const double k = std::sqrt(e / b), kk = std::sqrt((e + v0) / b);
  const double expected = std::atan(k / kk * std::tan(kk * a)) - k * a;
  EXPECT_NEAR(std::remainder(c.phaseShift - expected, M_PI), 0.0, 1e-2);
}

TEST(HartreeFockConfig, ValidatesRanges) {
  HartreeFockConfig c;
  c.meshStep = -0.1;
  EXPECT_EQ(codeOf([&] { c.validate(); }), ErrorCode::InvalidArgument);
  c = {};
  c.boxRadius = 1000.0;
  EXPECT_EQ(codeOf([&] { HartreeFockSolver(SkyrmeForce::load("SLy4"), c); }), ErrorCode::InvalidArgument);
}

TEST(HartreeFockSolver, TypedErrors) {
  const HartreeFockSolver s(SkyrmeForce::load("SLy4"));
  EXPECT_EQ(codeOf([&] { s.solve(1, 0); }), ErrorCode::NotSupported);
  EXPECT_EQ(codeOf([&] { s.solve(150, 250); }), ErrorCode::NotSupported);
  HartreeFockConfig c;
  c.maxIterations = 3;
  const HartreeFockSolver few(SkyrmeForce::load("SLy4"), c);
  try {
    few.solve(8, 8);
    FAIL() << "3 iterations cannot converge to 1e-8 MeV";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::NotConverged);
    EXPECT_NE(std::string(e.what()).find("iteration history"), std::string::npos);
  }
  HartreeFockConfig none;
  none.pairing.mode = PairingMode::None;
  // 40Ar (Z = 18) leaves the proton 1d3/2 shell half filled.
  EXPECT_EQ(codeOf([&] { HartreeFockSolver(SkyrmeForce::load("SLy4"), none).solve(18, 22); }), ErrorCode::NotSupported);
}

TEST(HartreeFockSolver, StateLabels) {
  SingleParticleState s;
  s.n = 0;
  s.l = 3;
  s.j = 3.5;
  EXPECT_EQ(stateLabel(s), "1f7/2");
  s.n = 2;
  s.l = 0;
  s.j = 0.5;
  EXPECT_EQ(stateLabel(s), "3s1/2");
}

TEST(NucleonStructure, FormFactorLimits) {
  EXPECT_DOUBLE_EQ(nucleon::electricFormFactorProton(0.0), 1.0);
  EXPECT_DOUBLE_EQ(nucleon::electricFormFactorNeutron(0.0), 0.0);
  // Proton msr radius implied by Kelly's fit, -6 dG/dq^2 at q -> 0, is 0.7..0.8 fm^2.
  const double q = 1e-3;
  const double r2 = -6.0 * (nucleon::electricFormFactorProton(q) - 1.0) / (q * q);
  EXPECT_GT(r2, 0.65);
  EXPECT_LT(r2, 0.80);
  // Spin-saturated shells give no spin-orbit radius correction.
  std::vector<SingleParticleState> sat(2);
  sat[0].l = 1;
  sat[0].j = 1.5;
  sat[0].occupation = 1.0;
  sat[1].l = 1;
  sat[1].j = 0.5;
  sat[1].occupation = 1.0;
  EXPECT_NEAR(nucleon::spinOrbitChargeRadius2(sat, 8), 0.0, 1e-15);
}
