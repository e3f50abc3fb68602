// Continuum RPA machinery: the boundary continued fraction against GSL Coulomb functions and the
// closed-form Riccati-Hankel functions, the Green's function against the energy-normalised
// continuum states of the same HF field (Im G = -pi u_E u_E), and the free response of the
// Green's-function machinery against HartreeFockResponse (independent method), CC and NC.
#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdio>
#include <memory>
#include <tuple>
#include <vector>

#include <gsl/gsl_sf_coulomb.h>
#include <gtest/gtest.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/inelastic/ContinuumGreensFunction.hpp"
#include "lenu/inelastic/CrpaResponse.hpp"
#include "lenu/inelastic/HartreeFockMeanField.hpp"
#include "lenu/inelastic/HartreeFockResponse.hpp"

using namespace lenu;
using namespace lenu::inelastic;
using cd = std::complex<double>;

namespace {
std::shared_ptr<const HartreeFockMeanField> field(int Z, int N) {
  static std::shared_ptr<const HartreeFockMeanField> o16, ca40;
  HartreeFockConfig hc;
  hc.pairing.mode = PairingMode::Filling;
  const HartreeFockSolver solver(SkyrmeForce::load("SkM*"), hc);
  auto& slot = Z == 8 ? o16 : ca40;
  if (!slot) slot = HartreeFockMeanField::solve(solver, Z, N);
  return slot;
}
} // namespace

TEST(CrpaGreen, ContinuedFractionMatchesGslAndHankel) {
  for (int l : {0, 1, 3, 6}) {
    for (double eta : {0.3, 1.5}) {
      for (double rho : {2.0, 6.0, 15.0}) {
        if (rho < eta + std::sqrt(eta * eta + l * (l + 1.0))) continue; // GSL inaccurate inside the turning point
        gsl_sf_result F, Fp, G, Gp;
        double eF, eG;
        gsl_sf_coulomb_wave_FG_e(eta, rho, l, 0, &F, &Fp, &G, &Gp, &eF, &eG);
        const cd H(G.val * std::exp(eG), F.val * std::exp(eF)), Hp(Gp.val * std::exp(eG), Fp.val * std::exp(eF));
        const cd ref = Hp / H;
        const cd got = ContinuumGreensFunction::outgoingLogDerivative(l, eta, rho);
        EXPECT_LT(std::abs(got - ref), 1e-9 * std::abs(ref) + 1e-12) << "l=" << l << " eta=" << eta << " rho=" << rho;
      }
    }
  }
  // Inside the Coulomb turning point (where gsl_sf_coulomb_wave_FG_e loses accuracy): reference
  // values of H+'/H+ from mpmath 1.x coulombf/coulombg (50-digit arithmetic, numerical derivative).
  EXPECT_LT(std::abs(ContinuumGreensFunction::outgoingLogDerivative(0, 1.5, 2.0) - cd(-0.434377437598129, 0.236905036722068)), 1e-10);
  EXPECT_LT(std::abs(ContinuumGreensFunction::outgoingLogDerivative(1, 1.5, 2.0) - cd(-0.677481316323586, 0.128702859500337)), 1e-10);
  // eta = 0: Riccati-Hankel h1(rho) ~ e^{i rho}(1 + i/rho), also for imaginary rho (decaying).
  for (cd rho : {cd(3.0, 0.0), cd(0.0, 2.5), cd(4.0, 1.0)}) {
    const cd I(0.0, 1.0);
    const cd ref1 = I + (-I / (rho * rho)) / (1.0 + I / rho);
    EXPECT_LT(std::abs(ContinuumGreensFunction::outgoingLogDerivative(1, 0.0, rho) - ref1), 1e-12);
    EXPECT_LT(std::abs(ContinuumGreensFunction::outgoingLogDerivative(0, 0.0, rho) - I), 1e-12);
  }
}

TEST(CrpaGreen, ImaginaryPartIsEnergyNormalisedContinuumState) {
  const auto mf = field(8, 8);
  const MeanField& m = mf->result().meanField;
  for (Isospin t : {Isospin::Proton, Isospin::Neutron}) {
    const ContinuumGreensFunction g(m, t);
    for (int l : {0, 3}) {
      for (double E : {4.0, 25.0}) {
        const double j = l + 0.5;
        const auto s = g.solve(l, j, E);
        ContinuumState cs = mf->continuumState(t, l, j, E);
        const double norm = 1.0 / (constants::kPi * mf->hbar2Over2m(t) * cs.k);
        double maxRef = 0.0, maxDiff = 0.0;
        for (std::size_t i : {15u, 30u, 45u, 60u}) {
          for (std::size_t k : {20u, 50u}) {
            const double ref = -constants::kPi * cs.u[i] * cs.u[k] * norm;
            maxRef = std::max(maxRef, std::abs(ref));
            maxDiff = std::max(maxDiff, std::abs(s(i, k).imag() - ref));
          }
        }
        std::printf("l=%d E=%.1f maxRef=%.3e maxDiff=%.3e\n", l, E, maxRef, maxDiff);
        EXPECT_LT(maxDiff, 3e-5 * maxRef) << "t=" << (t == Isospin::Proton ? "p" : "n") << " l=" << l << " E=" << E;
      }
    }
  }
  // Bound-state pole: the residue of G at e_b is u_b(r) u_b(r') (contour integral around the
  // pole, (1/pi) Im of the upper half circle; the structure solver's bound state has its own
  // discretisation, so agreement is to the discretisation error).
  const ContinuumGreensFunction gn(m, Isospin::Neutron);
  int checked = 0;
  for (const auto& b : mf->boundStates()) {
    if (b.isospin != Isospin::Neutron) continue;
    const double rad = 0.05;
    cd Iu = 0.0;
    const int nth = 48;
    for (int k = 0; k < nth; ++k) {
      const double th = constants::kPi * (k + 0.5) / nth;
      const cd e = b.energy + rad * std::polar(1.0, th);
      Iu += gn.solve(b.l, b.j, e)(20, 30) * cd(0.0, rad) * std::polar(1.0, th) * (constants::kPi / nth);
    }
    const double res = Iu.imag() / constants::kPi;
    EXPECT_NEAR(res, b.u[20] * b.u[30], 2e-3 * std::abs(b.u[20] * b.u[30]) + 1e-6) << b.l << " " << b.j;
    ++checked;
  }
  EXPECT_GE(checked, 3);
}

namespace {
// Free response from the Green's function (interaction off) vs HartreeFockResponse.
void compareFree(ResponseMode mode, int Z, int N, const std::vector<double>& omegas) {
  const auto mf = field(Z, N);
  HartreeFockResponseConfig hc;
  hc.maxJ = 3;
  hc.qValue = 15.0;
  const HartreeFockResponse hf(mf, mode, hc);
  CrpaConfig cc;
  cc.maxJ = 3;
  cc.qValue = 15.0;
  cc.eta = 1e-5;
  cc.interaction.enabled = false;
  const CrpaResponse crpa(mf, SkyrmeForce::load("SkM*"), mode, cc);
  EXPECT_NEAR(crpa.energyShift(), hf.energyShift(), 1e-12);
  const std::vector<double> qs = {50.0, 200.0, 400.0};
  for (double w : omegas) {
    const auto a = hf.continuumResponses(w, qs);
    const auto b = crpa.continuumResponses(w, qs);
    for (std::size_t iq = 0; iq < qs.size(); ++iq) {
      for (const auto& m : a[iq].byMultipole) {
        ResponseFunctions x;
        for (const auto& mb : b[iq].byMultipole)
          if (mb.J == m.J && mb.parity == m.parity) x = mb.W;
        const double scale = std::abs(m.W.CC) + std::abs(m.W.LL) + std::abs(m.W.T) + 1e-12;
        const double diff = std::abs(x.CC - m.W.CC) + std::abs(x.CL - m.W.CL) + std::abs(x.LL - m.W.LL) +
                            std::abs(x.T - m.W.T) + std::abs(x.TP - m.W.TP);
        EXPECT_LT(diff, 2e-3 * scale + 1e-9) << "omega=" << w << " q=" << qs[iq] << " J=" << m.J << m.parity
                                              << " HF CC=" << m.W.CC << " T=" << m.W.T << " GF CC=" << x.CC << " T=" << x.T;
      }
    }
    std::printf("free GF vs HF, omega=%.1f MeV q=200 MeV: W_T %.6e vs %.6e 1/MeV\n", w, b[1].total().T, a[1].total().T);
  }
}
} // namespace

TEST(CrpaFree, NeutralCurrentEqualsHartreeFockResponse) { compareFree(ResponseMode::NeutralCurrent, 8, 8, {27.3, 41.7}); }
TEST(CrpaFree, ChargedCurrentEqualsHartreeFockResponse) { compareFree(ResponseMode::ChargedCurrentNu, 8, 8, {33.1, 52.9}); }

// Momentum-transfer interpolation (CrpaConfig::qInterpolationTolerance): the weak responses from
// the Chebyshev-Lobatto nodes agree with the direct evaluation at every requested q, within the
// a-priori bound (measured: far inside it), and a looser tolerance uses fewer nodes.
TEST(CrpaMomentum, InterpolationMatchesDirectEvaluation) {
  const auto mf = field(8, 8);
  CrpaConfig cc;
  cc.maxJ = 3;
  cc.qValue = 15.0;
  cc.diskCache = false;
  auto make = [&](double tol) {
    CrpaConfig c = cc;
    c.qInterpolationTolerance = tol;
    return std::make_unique<CrpaResponse>(mf, SkyrmeForce::load("SkM*"), ResponseMode::ChargedCurrentNu, c);
  };
  const auto direct = make(0.0), fine = make(1e-6), loose = make(1e-4);
  std::vector<double> qs;
  for (int i = 0; i < 40; ++i) qs.push_back(5.0 + 3.0 * i); // 5 .. 122 MeV
  EXPECT_EQ(direct->momentumNodes(qs).size(), qs.size());
  const std::size_t nFine = fine->momentumNodes(qs).size(), nLoose = loose->momentumNodes(qs).size();
  EXPECT_LT(nFine, qs.size());
  EXPECT_LT(nLoose, nFine);
  EXPECT_EQ(fine->momentumNodes(std::vector<double>{10.0, 20.0, 30.0}).size(), 3u); // too few q to interpolate
  for (double w : {18.0, 31.0}) {
    const auto a = direct->continuumResponses(w, qs), b = fine->continuumResponses(w, qs), c = loose->continuumResponses(w, qs);
    double scale = 0.0, dFine = 0.0, dLoose = 0.0;
    for (std::size_t iq = 0; iq < qs.size(); ++iq)
      for (const auto& m : a[iq].byMultipole) {
        ResponseFunctions x, y;
        for (const auto& mb : b[iq].byMultipole)
          if (mb.J == m.J && mb.parity == m.parity) x = mb.W;
        for (const auto& mc : c[iq].byMultipole)
          if (mc.J == m.J && mc.parity == m.parity) y = mc.W;
        scale = std::max({scale, std::abs(m.W.CC), std::abs(m.W.LL), std::abs(m.W.T), std::abs(m.W.TP)});
        for (auto [r, u, v] : {std::tuple{m.W.CC, x.CC, y.CC}, {m.W.CL, x.CL, y.CL}, {m.W.LL, x.LL, y.LL}, {m.W.T, x.T, y.T},
                               {m.W.TP, x.TP, y.TP}}) {
          dFine = std::max(dFine, std::abs(u - r));
          dLoose = std::max(dLoose, std::abs(v - r));
        }
      }
    ASSERT_GT(scale, 0.0);
    std::printf("q interpolation, 16O CC omega=%.0f MeV, 40 q in [5, 122] MeV: %zu nodes max|dW|/max|W| = %.2e, "
                "%zu nodes %.2e\n", w, nFine, dFine / scale, nLoose, dLoose / scale);
    EXPECT_LT(dFine, 1e-6 * scale);
    EXPECT_LT(dLoose, 1e-4 * scale);
    EXPECT_GT(dLoose, dFine); // the node count matters: the test can tell them apart
  }
  CrpaConfig bad = cc;
  bad.qInterpolationTolerance = 1e-3;
  EXPECT_THROW(CrpaResponse(mf, SkyrmeForce::load("SkM*"), ResponseMode::ChargedCurrentNu, bad), Error);
}
