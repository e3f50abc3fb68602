// Physics validation of the inelastic layer: allowed-limit sum rules from the mean-field states,
// current conservation (CVC) of the impulse-approximation vector current, the q -> 0 limit,
// stopped-pion flux averages on 12C against LSND / KARMEN / LAMPF, 40Ar against the allowed
// model, the angular distribution at 30 MeV, neutrino / antineutrino asymmetry, multipole
// convergence. Numbers are printed for the record.
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>

#include <gtest/gtest.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Integrate.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/inelastic/AllowedResponse.hpp"
#include "lenu/inelastic/HartreeFockMeanField.hpp"
#include "lenu/inelastic/HartreeFockResponse.hpp"
#include "lenu/inelastic/InelasticCrossSection.hpp"
#include "lenu/inelastic/InelasticModels.hpp"
#include "lenu/inelastic/WoodsSaxonMeanField.hpp"
#include "lenu/source/EnergySpectrum.hpp"

using namespace lenu;
using namespace lenu::inelastic;

namespace {

std::shared_ptr<const MeanFieldSpectrum> hfField(int Z, int N) {
  HartreeFockConfig hc;
  hc.pairing.mode = PairingMode::Filling;
  const HartreeFockSolver solver(SkyrmeForce::load("SkM*"), hc);
  return HartreeFockMeanField::solve(solver, Z, N);
}

// Allowed strengths S_F = 4 pi sum |M_0|^2 and S_GT = 4 pi sum (|Sigma'_1|^2 + |Sigma''_1|^2) (units
// of g_V^2, g_A^2) at q -> 0 of a mean-field response: discrete lines + continuum integrated in omega.
struct Strength { double fermiBound = 0, fermiCont = 0, gtBound = 0, gtCont = 0; };
Strength allowedStrength(const HartreeFockResponse& r) {
  const double q = 0.2; // MeV: q R ~ 4e-3
  Strength s;
  auto add = [&](const std::vector<HartreeFockResponse::PairElements>& pairs, double w, bool cont) {
    for (const auto& p : pairs) {
      if (p.parity < 0) continue;
      const double f = 4 * constants::kPi * p.weight * w;
      if (p.J == 0) (cont ? s.fermiCont : s.fermiBound) += f * p.me[0] * p.me[0];
      if (p.J == 1) (cont ? s.gtCont : s.gtBound) += f * (p.me[5] * p.me[5] + p.me[6] * p.me[6]);
    }
  };
  for (std::size_t i = 0; i < r.lines().size(); ++i) add(r.linePairs(i, q), 1.0, false);
  // Continuum: omega panels up to 150 MeV above threshold (overlaps of bound and continuum states
  // of slightly different potentials fall off fast).
  const double w0 = r.continuumThreshold();
  for (double a = w0; a < w0 + 150.0; a += 2.0) {
    GaussLegendre g(8, a, a + 2.0);
    for (std::size_t k = 0; k < g.x.size(); ++k) add(r.continuumPairs(g.x[k], q), g.w[k], true);
  }
  return s;
}

void sumRules(const std::shared_ptr<const MeanFieldSpectrum>& mf, const char* name) {
  HartreeFockResponseConfig c;
  c.maxJ = 1;
  c.qValue = 0.0; // the shift does not change strengths
  const HartreeFockResponse minus(mf, ResponseMode::ChargedCurrentNu, c);
  const HartreeFockResponse plus(mf, ResponseMode::ChargedCurrentNuBar, c);
  const Strength sm = allowedStrength(minus), sp = allowedStrength(plus);
  const double NZ = mf->A() - 2 * mf->Z();
  const double fermi = sm.fermiBound + sm.fermiCont - sp.fermiBound - sp.fermiCont;
  const double ikeda = sm.gtBound + sm.gtCont - sp.gtBound - sp.gtCont;
  std::printf("[sum rules %s] Fermi S- = %.5f (bound %.5f + continuum %.5f), S+ = %.5f, S- - S+ = %.5f vs N-Z = %.0f\n",
              name, sm.fermiBound + sm.fermiCont, sm.fermiBound, sm.fermiCont, sp.fermiBound + sp.fermiCont, fermi, NZ);
  std::printf("[sum rules %s] GT S- = %.5f (bound+resonances %.5f + continuum %.5f), S+ = %.5f, S- - S+ = %.5f vs 3(N-Z) = %.0f\n",
              name, sm.gtBound + sm.gtCont, sm.gtBound, sm.gtCont, sp.gtBound + sp.gtCont, ikeda, 3 * NZ);
  EXPECT_NEAR(fermi / NZ, 1.0, 0.01);
  EXPECT_NEAR(ikeda / (3 * NZ), 1.0, 0.01);
}

double michelAverage(const std::function<double(double)>& f, double eMin) {
  const MichelNuE m;
  GaussLegendre g(48, eMin, m.eMax());
  double s = 0.0;
  for (std::size_t i = 0; i < g.x.size(); ++i) s += g.w[i] * m.pdf(g.x[i]) * f(g.x[i]);
  return s;
}

} // namespace

TEST(SumRules, FermiAndIkedaFromHartreeFockStates40Ar) { sumRules(hfField(18, 22), "HF SkM* 40Ar"); }

TEST(SumRules, FermiAndIkedaFromWoodsSaxonStates208Pb) {
  WoodsSaxonConfig w;
  w.Z = 82;
  w.N = 126;
  w.rMax = 22.0;
  sumRules(std::make_shared<WoodsSaxonMeanField>(w), "WS 208Pb");
}

// CVC: for a local potential without spin-orbit, q L_J = omega C_J holds exactly for the
// impulse-approximation convection current; spin-orbit and the Skyrme effective mass break it.
// Reports the departure per multipole; the default response uses CVC.
TEST(CurrentConservation, ImpulseLongitudinalVersusCvcPerMultipole) {
  EXPECT_EQ(HartreeFockResponseConfig{}.longitudinal, VectorLongitudinal::CVC);
  auto departure = [](const HartreeFockResponse& r, double omega, double q) {
    std::map<int, std::pair<double, double>> acc; // J -> (sum |qL - wC|^2, sum |wC|^2)
    const double mN = 0.5 * (constants::kMassProton + constants::kMassNeutron);
    auto add = [&](const std::vector<HartreeFockResponse::PairElements>& pairs, double w) {
      for (const auto& p : pairs) {
        if (p.parity != (p.J % 2 == 0 ? 1 : -1)) continue; // natural parity: Coulomb multipoles
        const double wc = p.omegaPH * p.me[0];
        const double ql = -q * (q / mN) * (p.me[3] - 0.5 * p.me[0]);
        acc[p.J].first += w * p.weight * (ql - wc) * (ql - wc);
        acc[p.J].second += w * p.weight * wc * wc;
      }
    };
    add(r.continuumPairs(omega, q), 1.0);
    for (std::size_t i = 0; i < r.lines().size(); ++i) add(r.linePairs(i, q), 1.0);
    std::map<int, double> out;
    for (auto& [J, v] : acc) if (v.second > 0) out[J] = std::sqrt(v.first / v.second);
    return out;
  };
  HartreeFockResponseConfig c;
  c.maxJ = 4;
  WoodsSaxonConfig w;
  w.Z = 8;
  w.N = 8;
  w.lambdaLs = 0.0;
  const HartreeFockResponse central(std::make_shared<WoodsSaxonMeanField>(w), ResponseMode::NeutralCurrent, c);
  w.lambdaLs = 0.44;
  const HartreeFockResponse withLs(std::make_shared<WoodsSaxonMeanField>(w), ResponseMode::NeutralCurrent, c);
  const HartreeFockResponse hf(hfField(8, 8), ResponseMode::NeutralCurrent, c);
  const double omega = 30.0, q = 150.0;
  const auto d0 = departure(central, omega, q), d1 = departure(withLs, omega, q), d2 = departure(hf, omega, q);
  for (auto& [J, v] : d0) {
    std::printf("[CVC 16O omega=%g q=%g] J=%d  |qL_imp - wC|/|wC|: WS central %.2e, WS + spin-orbit %.3f, HF SkM* %.3f\n",
                omega, q, J, v, d1.count(J) ? d1.at(J) : -1.0, d2.count(J) ? d2.at(J) : -1.0);
    EXPECT_LT(v, 0.02) << "J=" << J; // exact up to the mesh derivative
  }
  // The momentum-dependent Skyrme terms and spin-orbit break CVC by a visible amount.
  EXPECT_GT(d2.at(1), 10.0 * d0.at(1));
  // Siegert's theorem (long wavelength, conserved current): the convection transverse electric
  // multipole (q/m) Delta'_J -> (omega/q) sqrt((J+1)/J) M_J: checks Delta' against M.
  {
    const double qs = 5.0, mN = 0.5 * (constants::kMassProton + constants::kMassNeutron);
    std::map<int, std::pair<double, double>> acc;
    for (const auto& p : central.continuumPairs(20.0, qs)) {
      if (p.J < 1 || p.parity != (p.J % 2 == 0 ? 1 : -1)) continue;
      const double te = (qs / mN) * p.me[2];
      const double siegert = (p.omegaPH / qs) * std::sqrt((p.J + 1.0) / p.J) * p.me[0];
      acc[p.J].first += p.weight * te * te;
      acc[p.J].second += p.weight * siegert * siegert;
    }
    for (auto& [J, v] : acc) {
      std::printf("[Siegert 16O WS central, q = %g MeV] J=%d  |T_el conv| / |Siegert| = %.4f\n", qs, J, std::sqrt(v.first / v.second));
      if (J <= 2) {
        EXPECT_NEAR(std::sqrt(v.first / v.second), 1.0, 0.05);
      }
    }
  }
}

// q -> 0: the multipole responses of each line approach the allowed (Fermi + GT) strengths
// computed from the same states with closed-form reduced matrix elements (no Bessel functions).
TEST(AllowedLimit, MultipoleApproachesAllowedFromSameStates) {
  const auto mf = hfField(18, 22);
  HartreeFockResponseConfig c;
  c.maxJ = 4;
  c.qValue = 0.9934;
  const auto r = std::make_shared<HartreeFockResponse>(mf, ResponseMode::ChargedCurrentNu, c);
  const double h = mf->meshStep();
  const double gA = c.couplings.gA;
  std::vector<AllowedLevel> levels;
  for (std::size_t i = 0; i < r->lines().size(); ++i) {
    // Closed form: B(F) = w (2j+1) <u_p|u_h>^2 (same l, j); B(GT) = w g_A^2 |<j'||sigma||j>|^2 <u_p|u_h>^2.
    double bF = 0.0, bGT = 0.0;
    for (const auto& p : r->linePairs(i, 1e-3)) {
      if (p.J != 1 || p.parity < 0) continue;
      (void)p;
    }
    // recover the states from the labels' pair data through the bound spectrum
    const auto& line = r->lines()[i];
    for (const auto& hs : mf->boundStates()) {
      for (const auto& ps : mf->boundStates()) {
        if (hs.isospin != Isospin::Neutron || ps.isospin != Isospin::Proton || hs.l != ps.l) continue;
        if (std::abs(ps.energy - hs.energy + r->energyShift() - line.omega) > 1e-9) continue;
        if (line.label.find("resonance") != std::string::npos) continue;
        const double w = hs.occupation * (1.0 - ps.occupation);
        double ov = 0.0;
        for (std::size_t k = 0; k < hs.u.size(); ++k) ov += hs.u[k] * ps.u[k] * h;
        const double j = hs.j, jp = ps.j;
        double s2;
        if (std::abs(j - jp) < 0.1) s2 = j > hs.l ? (2 * j + 1) * (j + 1) / j : (2 * j + 1) * j / (j + 1);
        else s2 = 3.0 * (2 * j + 1) - (j > hs.l ? (2 * j + 1) * (j + 1) / j : (2 * j + 1) * j / (j + 1));
        if (std::abs(j - jp) < 0.1) bF += w * (2 * j + 1) * ov * ov;
        bGT += w * gA * gA * s2 * ov * ov;
      }
    }
    levels.push_back({line.omega - c.qValue, bF, bGT});
  }
  // Response level: W at q = 1 MeV (qR ~ 0.02) equals the allowed one to 1e-3.
  const AllowedResponse allowed(18, 40, ResponseMode::ChargedCurrentNu, c.qValue, levels, "from HF states");
  const double q1[1] = {1.0};
  double worst = 0.0;
  for (std::size_t i = 0; i < r->lines().size(); ++i) {
    if (levels[i].bF + levels[i].bGT < 0.05) continue; // tiny overlaps: q^2 r^2 terms are not small relative
    const auto a = allowed.lineResponses(i, q1)[0], m = r->lineResponses(i, q1)[0];
    double aF = 0, aGT = 0, mF = 0, mGT = 0;
    for (const auto& x : a.byMultipole) (x.J == 0 ? aF : aGT) += x.W.CC + x.W.LL + x.W.T;
    for (const auto& x : m.byMultipole) {
      if (x.J == 0 && x.parity > 0) mF += x.W.CC; // charge only: L_0 = (omega_V/q) C_0 is not an allowed term
      if (x.J == 1 && x.parity > 0) mGT += x.W.LL + x.W.T;
    }
    const double before = worst;
    if (aF > 0) worst = std::max(worst, std::abs(mF / aF - 1));
    if (aGT > 0) worst = std::max(worst, std::abs(mGT / aGT - 1));
    if (worst > before) std::printf("   worst so far: %s F %.5g/%.5g GT %.5g/%.5g\n", r->lines()[i].label.c_str(), mF, aF, mGT, aGT);
  }
  std::printf("[allowed limit 40Ar HF] max relative difference of line responses at q = 1 MeV: %.2e\n", worst);
  EXPECT_LT(worst, 1e-3);
  // Cross sections of the same lines: ratio multipole / allowed -> 1 near threshold, departs with q.
  auto linesOnly = [&](const InelasticCrossSection& xs, double E) {
    double s = 0.0;
    for (double v : xs.lineSigmas(E)) s += v;
    return s;
  };
  const InelasticCrossSection xm(r, Flavour::NuE), xa(std::make_shared<AllowedResponse>(allowed), Flavour::NuE);
  std::map<double, double> ratio;
  for (double E : {8.0, 15.0, 30.0, 50.0}) {
    ratio[E] = linesOnly(xm, E) / linesOnly(xa, E);
    std::printf("[allowed limit 40Ar HF] E = %4.0f MeV: sigma_lines(multipole) / sigma(allowed, same states) = %.4f\n", E,
                ratio[E]);
  }
  // Near threshold (q <~ 15 MeV, q R ~ 0.3) forbidden terms and q-dependence are a few percent.
  EXPECT_NEAR(ratio[8.0], 1.0, 0.05);
  EXPECT_LT(std::abs(ratio[8.0] - 1.0), std::abs(ratio[50.0] - 1.0));
}

TEST(StoppedPion, Carbon12AgainstLsndKarmenLampf) {
  const NuclideTable table = NuclideTable::load();
  const auto spec = EnergySpectrum::continuous(std::make_shared<MichelNuE>());
  InelasticModelOptions o;
  o.model = "allowed";
  const InelasticCrossSection allowed(makeInelasticResponse("C12", ResponseMode::ChargedCurrentNu, o, table), Flavour::NuE);
  o.model = "hf";
  const auto hfr = makeInelasticResponse("C12", ResponseMode::ChargedCurrentNu, o, table);
  const InelasticCrossSection hf(hfr, Flavour::NuE);
  const double gsAllowed = allowed.fluxAveraged(spec) / (1e-42 * units::cm2);
  const double inclusive = hf.fluxAveraged(spec) / (1e-42 * units::cm2);
  // The mean-field configuration of 12N(g.s.): n 1p3/2 -> p 1p1/2 (bound).
  std::size_t gsLine = hfr->lines().size();
  for (std::size_t i = 0; i < hfr->lines().size(); ++i)
    if (hfr->lines()[i].label == "n 1p3/2 -> p 1p1/2") gsLine = i;
  ASSERT_LT(gsLine, hfr->lines().size());
  const double gsHF = michelAverage([&](double E) { return hf.lineSigmas(E)[gsLine]; }, hf.thresholdEnergy()) /
                      (1e-42 * units::cm2);
  const double excitedHF = inclusive - gsHF;
  std::printf("[12C DAR nu_e, 1e-42 cm^2] allowed (B(GT) from 12B beta decay) g.s.: %.2f | LSND 8.9 +- 0.95, KARMEN 9.1 +- 0.94, "
              "LAMPF E225 10.5 +- 1.4\n", gsAllowed);
  std::printf("[12C DAR nu_e, 1e-42 cm^2] HF SkM* mean field (IPA, no RPA): g.s. configuration %.2f, excited %.2f, inclusive %.2f | "
              "LSND 12N* 4.3 +- 0.72, KARMEN 12N* 5.1 +- 0.8, LAMPF inclusive 14.1 +- 2.3\n", gsHF, excitedHF, inclusive);
  // Allowed g.s.: 15% = mirror asymmetry of 12B/12N ft values (~10%) + neglected q-dependence (~5%).
  EXPECT_NEAR(gsAllowed / 8.9, 1.0, 0.15);
  EXPECT_NEAR(gsAllowed / 9.1, 1.0, 0.15);
  EXPECT_NEAR(gsAllowed / 10.5, 1.0, 0.15);
  // Independent-particle mean field: no residual particle-hole interaction, so the whole p3/2 -> p1/2
  // spin-flip strength (16/3 g_A^2 times overlaps) sits in the g.s. instead of B(GT) = 1.6: the IPA
  // overestimates the inclusive cross section; it must not underestimate it, and stays within the
  // ratio of extreme single-particle to measured GT strength (16/3 * 1.2754^2 / 1.6 = 5.4).
  EXPECT_GT(inclusive / 14.1, 1.0);
  EXPECT_LT(inclusive / 14.1, 5.4);
  EXPECT_NEAR(gsHF / gsAllowed, 16.0 / 3.0 * 1.2754 * 1.2754 / 1.599, 0.25 * 16.0 / 3.0 * 1.2754 * 1.2754 / 1.599);
}

TEST(StoppedPion, Argon40MeanFieldNextToAllowed) {
  const NuclideTable table = NuclideTable::load();
  const auto spec = EnergySpectrum::continuous(std::make_shared<MichelNuE>());
  InelasticModelOptions o;
  o.model = "allowed";
  const InelasticCrossSection allowed(makeInelasticResponse("Ar40", ResponseMode::ChargedCurrentNu, o, table), Flavour::NuE);
  o.model = "hf";
  const InelasticCrossSection hf(makeInelasticResponse("Ar40", ResponseMode::ChargedCurrentNu, o, table), Flavour::NuE);
  o.model = "ws";
  const InelasticCrossSection ws(makeInelasticResponse("Ar40", ResponseMode::ChargedCurrentNu, o, table), Flavour::NuE);
  const double a = allowed.fluxAveraged(spec) / (1e-40 * units::cm2);
  const double h = hf.fluxAveraged(spec) / (1e-40 * units::cm2);
  const double w = ws.fluxAveraged(spec) / (1e-40 * units::cm2);
  std::printf("[40Ar DAR nu_e, 1e-40 cm^2] allowed (Bhattacharya 2009, Ex < 8 MeV): %.3f | HF SkM* multipole: %.3f | "
              "Woods-Saxon multipole: %.3f\n", a, h, w);
  // Both are dominated by the same Fermi (B(F) = 4) and GT strength; the mean field has no GT
  // quenching (measured B(GT) below 8 MeV = 8.3 vs IPA ~ 12 from the Ikeda sum) but misses nothing
  // above 8 MeV: agreement within a factor 2 is the physics expectation.
  EXPECT_GT(h / a, 0.5);
  EXPECT_LT(h / a, 2.0);
  EXPECT_NEAR(w / h, 1.0, 0.3); // two mean fields
  // The flux average (responses tabulated in q per omega node) equals the direct quadrature of
  // sigma(E) over the Michel spectrum.
  const double direct = michelAverage([&](double E) { return ws.sigma(E).total; }, ws.thresholdEnergy()) /
                        (1e-40 * units::cm2);
  std::printf("[40Ar DAR nu_e, WS] flux average via q tables %.4f, direct 48-node quadrature of sigma(E) %.4f (1e-40 cm^2)\n",
              w, direct);
  EXPECT_NEAR(w / direct, 1.0, 0.01);
}

// The talk (Pandey, seed 000): "MARLEY predicts a nearly flat angular distribution (only allowed
// transitions ...). CRPA includes ... forbidden transitions, predicts more backward strength."
TEST(AngularDistribution, Argon40At30MeVMultipoleMoreBackwardThanAllowed) {
  const NuclideTable table = NuclideTable::load();
  InelasticModelOptions o;
  o.model = "allowed";
  const InelasticCrossSection allowed(makeInelasticResponse("Ar40", ResponseMode::ChargedCurrentNu, o, table), Flavour::NuE);
  o.model = "hf";
  const InelasticCrossSection hf(makeInelasticResponse("Ar40", ResponseMode::ChargedCurrentNu, o, table), Flavour::NuE);
  GaussLegendre g(16, -1.0, 1.0);
  const auto da = allowed.dSigmaDCos(30.0, g.x), dh = hf.dSigmaDCos(30.0, g.x);
  double fa = 0, ba = 0, fh = 0, bh = 0, ma = 0, mh = 0, na = 0, nh = 0;
  for (std::size_t i = 0; i < g.x.size(); ++i) {
    (g.x[i] > 0 ? fa : ba) += g.w[i] * da[i];
    (g.x[i] > 0 ? fh : bh) += g.w[i] * dh[i];
    ma += g.w[i] * da[i] * g.x[i]; na += g.w[i] * da[i];
    mh += g.w[i] * dh[i] * g.x[i]; nh += g.w[i] * dh[i];
  }
  std::printf("[40Ar nu_e CC 30 MeV] backward/forward: allowed %.3f, HF multipole %.3f; <cos theta>: allowed %.3f, HF %.3f\n",
              ba / fa, bh / fh, ma / na, mh / nh);
  EXPECT_GT(bh / fh, ba / fa);
  EXPECT_LT(mh / nh, ma / na);
}

// Weak magnetism: the V x A interference enhances neutrino over antineutrino scattering
// (Llewellyn Smith 1972); fixes the sign of the W_T' term in lenu's multipole convention.
TEST(NeutralCurrent, NeutrinoExceedsAntineutrinoAndMultipolesConverge) {
  const NuclideTable table = NuclideTable::load();
  InelasticModelOptions o;
  o.model = "hf";
  o.maxJ = 7;
  const auto r = makeInelasticResponse("O16", ResponseMode::NeutralCurrent, o, table);
  const InelasticCrossSection nu(r, Flavour::NuMu), nubar(r, Flavour::NuMuBar);
  for (double E : {30.0, 50.0, 100.0}) {
    const auto a = nu.sigma(E), b = nubar.sigma(E);
    double top = 0.0;
    for (const auto& [k, v] : a.byMultipole) if (k[0] == '7') top += v;
    std::printf("[16O NC HF] E = %5.1f MeV: sigma(nu) = %.4g cm^2, sigma(nubar) = %.4g cm^2, ratio %.3f; J = 7 share %.1e\n",
                E, a.total / units::cm2, b.total / units::cm2, a.total / b.total, top / a.total);
    EXPECT_GT(a.total, b.total);
    EXPECT_LT(top / a.total, 1e-3); // converged in J
  }
}
