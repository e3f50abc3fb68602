#include "lenu/inelastic/InelasticCrossSection.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <exception>
#include <limits>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Integrate.hpp"
#include "lenu/core/Parallel.hpp"
#include "lenu/core/Spline.hpp"

namespace lenu::inelastic {

namespace {
using namespace constants;

// Gauss-Legendre panels covering [a, b] with panels of width <= w and n nodes each.
void panels(double a, double b, double w, int n, std::vector<double>& x, std::vector<double>& wt) {
  x.clear();
  wt.clear();
  if (!(b > a)) return;
  const int np = std::max(1, static_cast<int>(std::ceil((b - a) / w)));
  const double h = (b - a) / np;
  for (int p = 0; p < np; ++p) {
    GaussLegendre gl(static_cast<std::size_t>(n), a + p * h, a + (p + 1) * h);
    x.insert(x.end(), gl.x.begin(), gl.x.end());
    wt.insert(wt.end(), gl.w.begin(), gl.w.end());
  }
}

// As panels, with the sub-intervals between the cuts inside (a, b) covered separately (the
// integrand is smooth on each, so Gauss-Legendre converges; a jump inside a panel would make it
// converge like the node spacing).
void panelsSplit(double a, double b, const std::vector<double>& cuts, double w, int n, std::vector<double>& x,
                 std::vector<double>& wt) {
  std::vector<double> edges{a};
  for (double c : cuts)
    if (c > a + 1e-9 && c < b - 1e-9) edges.push_back(c);
  std::sort(edges.begin() + 1, edges.end());
  edges.push_back(b);
  x.clear();
  wt.clear();
  std::vector<double> px, pw;
  for (std::size_t i = 0; i + 1 < edges.size(); ++i) {
    panels(edges[i], edges[i + 1], w, n, px, pw);
    x.insert(x.end(), px.begin(), px.end());
    wt.insert(wt.end(), pw.begin(), pw.end());
  }
}
} // namespace

InelasticCrossSection::InelasticCrossSection(std::shared_ptr<const NuclearResponse> response, Flavour flavour,
                                             InelasticCrossSectionConfig cfg)
    : m_response(std::move(response)), m_flavour(flavour), m_cfg(cfg) {
  require(m_response != nullptr, "InelasticCrossSection: response is null");
  require(m_cfg.cosNodes >= 2 && m_cfg.cosNodes <= 200, fmt::format("cosNodes = {} outside [2, 200]", m_cfg.cosNodes));
  require(m_cfg.nodesPerPanel >= 1 && m_cfg.nodesPerPanel <= 20, "nodesPerPanel outside [1, 20]");
  requireInRange(m_cfg.contourHeight, 0.1, 10.0, "contourHeight", "MeV");
  require(m_cfg.contourLegPanels >= 1 && m_cfg.contourLegPanels <= 8,
          fmt::format("contourLegPanels = {} outside [1, 8]", m_cfg.contourLegPanels));
  require(m_cfg.contourLineNodes >= 1 && m_cfg.contourLineNodes <= 20,
          fmt::format("contourLineNodes = {} outside [1, 20]", m_cfg.contourLineNodes));
  require(m_cfg.contourLegNodes >= 1 && m_cfg.contourLegNodes <= 20,
          fmt::format("contourLegNodes = {} outside [1, 20]", m_cfg.contourLegNodes));
  requireInRange(m_cfg.omegaPanel, 0.01, 50.0, "omegaPanel", "MeV");
  require(m_cfg.fluxEnergyNodes >= 2 && m_cfg.fluxEnergyNodes <= 200,
          fmt::format("fluxEnergyNodes = {} outside [2, 200]", m_cfg.fluxEnergyNodes));
  require(m_cfg.fluxQNodes >= 4 && m_cfg.fluxQNodes <= 2000, fmt::format("fluxQNodes = {} outside [4, 2000]", m_cfg.fluxQNodes));
  require(std::isfinite(m_cfg.multipoleTolerance) && m_cfg.multipoleTolerance >= 0.0 && m_cfg.multipoleTolerance <= 1e-2,
          fmt::format("multipoleTolerance = {} outside [0, 1e-2] (0: every multipole)", m_cfg.multipoleTolerance));
  requirePositive(m_cfg.maxEnergy, "maxEnergy", "MeV");
  const bool anti = isAntineutrino(flavour);
  m_helicity = anti ? 1.0 : -1.0;
  const ResponseMode mode = m_response->mode();
  m_cc = mode != ResponseMode::NeutralCurrent;
  if (m_cc) {
    const bool wantAnti = mode == ResponseMode::ChargedCurrentNuBar;
    if (wantAnti != anti) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("flavour {} does not match a {} charged-current response (use {})", toString(flavour),
                              wantAnti ? "nubar" : "nu", wantAnti ? "nuebar/numubar" : "nue/numu"));
    }
    switch (flavour) {
    case Flavour::NuE: case Flavour::NuEBar: m_ml = kMassElectron; break;
    case Flavour::NuMu: case Flavour::NuMuBar: m_ml = kMassMuon; break;
    case Flavour::NuTau: case Flavour::NuTauBar: m_ml = 1776.93; break; // PDG 2024 tau mass [MeV]
    }
    m_leptonCharge = anti ? 1 : -1;
    m_finalZ = m_response->targetZ() + (anti ? -1 : 1);
    findCoulombSwitches();
  }
}

void InelasticCrossSection::findCoulombSwitches() {
  // CoulombMode::Auto takes the smaller of the Fermi function and the MEMA factor, and with MEMA
  // the effective momentum: where the choice flips, the momentum transfer of the responses jumps.
  // Scan the lepton energy (logarithmic, 800 points from k = 0.01 MeV to maxEnergy), then bisect
  // each flip to 1e-9 MeV.
  m_coulombSwitch.clear();
  if (!m_cc || m_cfg.coulomb != CoulombMode::Auto || m_finalZ == 0) return;
  const int A = m_response->targetA();
  auto mema = [&](double El) { return coulombFactor(CoulombMode::Auto, m_finalZ, A, El, m_ml, m_leptonCharge).mema; };
  const double lo = std::sqrt(m_ml * m_ml + 1e-4), hi = std::max(m_cfg.maxEnergy, 2.0 * lo);
  constexpr int kScan = 800;
  double prevE = lo;
  bool prev = mema(lo);
  for (int i = 1; i <= kScan; ++i) {
    const double E = lo * std::pow(hi / lo, static_cast<double>(i) / kScan);
    const bool cur = mema(E);
    if (cur != prev) {
      double a = prevE, b = E;
      while (b - a > 1e-9) {
        const double mid = 0.5 * (a + b);
        (mema(mid) == prev ? a : b) = mid;
      }
      m_coulombSwitch.push_back(0.5 * (a + b));
    }
    prev = cur;
    prevE = E;
  }
}

void InelasticCrossSection::checkEnergy(double Enu) const {
  requirePositive(Enu, "neutrino energy", "MeV");
  if (Enu > m_cfg.maxEnergy) {
    throw Error(ErrorCode::NotSupported,
                fmt::format("neutrino energy {} MeV above the largest energy the inelastic cross section serves ({} MeV; "
                            "the multipole models are valid up to 150 MeV)",
                            Enu, m_cfg.maxEnergy));
  }
}

double InelasticCrossSection::thresholdEnergy() const { return m_response->thresholdOmega() + m_ml; }

bool InelasticCrossSection::vertexFactor(double Enu, double omega, double& pref, double& kForQ, double& El) const {
  El = Enu - omega;
  if (!(El > m_ml)) return false;
  const double k = std::sqrt(El * El - m_ml * m_ml);
  double f = 1.0;
  kForQ = k;
  if (m_cc) {
    const CoulombFactor cf = coulombFactor(m_cfg.coulomb, m_finalZ, m_response->targetA(), El, m_ml, m_leptonCharge);
    f = cf.factor;
    kForQ = cf.kEff > 0.0 ? cf.kEff : k;
  }
  const double v2 = m_cc ? m_cfg.vud * m_cfg.vud : 1.0;
  pref = kFermiConstant * kFermiConstant * v2 / kPi * k * El * f * kHbarC * kHbarC;
  return pref > 0.0;
}

double InelasticCrossSection::contract(const KinematicFactors& f, const ResponseFunctions& W) const {
  return f.CC * W.CC + f.CL * W.CL + f.LL * W.LL + f.T * W.T + m_helicity * f.TP * W.TP;
}

double InelasticCrossSection::omegaPanel() const {
  // Gauss-Legendre with n nodes on a panel of half-width a integrates a Lorentzian of half-width
  // g with a relative error bounded by ~ rho^(-2n), rho = g/a + sqrt(1 + (g/a)^2) (the pole's
  // Bernstein ellipse): a = g (panel = FWHM), 4 nodes: rho^-8 = 9e-4 for one peak at the worst
  // place, far less for a spectrum. Measured, 40Ar CC CRPA (eta = 0.5 MeV), relative to 8 nodes
  // per 1 or 2 MeV panel (which agree to < 4e-5): panel = FWHM x 4 nodes sigma(30 MeV, J <= 6)
  // +1.2e-4, sigma(40, J <= 1) +9e-5, sigma(50, J <= 1) +2e-5; panel 1.5 FWHM: +2e-5, -1.9e-3,
  // -1.8e-4; the former 2 MeV x 4: +6.0e-3 at 30 MeV. 8 instead of 16 cos nodes: -6.5e-6 at 30 MeV.
  const double res = m_response->continuumResolution();
  if (!m_cfg.resolveResponseWidth || !(res > 0.0) || !std::isfinite(res)) return m_cfg.omegaPanel;
  return std::min(m_cfg.omegaPanel, std::max(0.01, kPanelsPerResolution * res));
}

std::vector<double> InelasticCrossSection::omegaCuts(double Enu) const {
  std::vector<double> cuts;
  for (double El : m_coulombSwitch) cuts.push_back(Enu - El);
  return cuts;
}

InelasticSigma InelasticCrossSection::sigma(double Enu) const {
  checkEnergy(Enu);
  InelasticSigma out;
  out.energy = Enu;
  const int topJ = m_response->maxMultipole();
  out.highestJ = topJ;
  if (Enu <= thresholdEnergy()) return out;
  GaussLegendre gc(static_cast<std::size_t>(m_cfg.cosNodes), -1.0, 1.0);
  std::vector<double> qs(gc.x.size());
  std::vector<KinematicFactors> kf(gc.x.size());
  auto prepare = [&](double omega, double& pref) -> bool {
    double kq = 0.0, El = 0.0;
    if (!vertexFactor(Enu, omega, pref, kq, El)) return false;
    for (std::size_t i = 0; i < gc.x.size(); ++i) {
      LeptonVertex v;
      LeptonVertex::make(Enu, omega, gc.x[i], m_ml, v);
      kf[i] = kinematicFactors(v);
      // responses at the (effective) momentum transfer
      qs[i] = std::sqrt(std::max(Enu * Enu + kq * kq - 2.0 * Enu * kq * gc.x[i], 1e-12));
    }
    return true;
  };
  // sigma per multipole J (both parities), lines and continuum.
  std::vector<double> byJ(static_cast<std::size_t>(std::max(topJ, 0) + 1), 0.0);
  auto addSets = [&](const std::vector<ResponseSet>& sets, double weight, double& part) {
    for (std::size_t i = 0; i < sets.size(); ++i) {
      for (const auto& m : sets[i].byMultipole) {
        const double c = 2.0 * kPi * gc.w[i] * weight * contract(kf[i], m.W);
        out.byMultipole[multipoleLabel(m.J, m.parity)] += c;
        if (m.J >= 0 && m.J <= topJ) byJ[static_cast<std::size_t>(m.J)] += c;
        part += c;
      }
    }
  };
  const auto& lines = m_response->lines();
  for (std::size_t n = 0; n < lines.size(); ++n) {
    double pref = 0.0;
    if (!prepare(lines[n].omega, pref)) continue;
    addSets(m_response->lineResponses(n, qs), pref, out.lines);
  }
  const bool contour = m_cfg.omegaContour && m_response->hasAnalyticContinuation();
  std::vector<double> wx, ww;
  if (!contour) panelsSplit(m_response->continuumThreshold(), Enu - m_ml, omegaCuts(Enu), omegaPanel(), m_cfg.nodesPerPanel, wx, ww);
  // The continuum nodes are independent: their responses are computed in parallel (OpenMP;
  // NuclearResponse's const methods are thread-compatible), then summed in node order, so the
  // result does not depend on the number of threads.
  struct Node {
    bool ok = false;
    double pref = 0.0;
    std::vector<KinematicFactors> kf;
    std::vector<ResponseSet> sets;
  };
  auto continuumPass = [&](MultipoleRange range) {
    if (contour) {
      out.continuum += contourContinuum(Enu, out, range, byJ);
      return;
    }
    std::vector<Node> nodes(wx.size());
    parallelFor(static_cast<long>(wx.size()), [&](long k) {
      Node& nd = nodes[static_cast<std::size_t>(k)];
      const double omega = wx[static_cast<std::size_t>(k)];
      double kq = 0.0, El = 0.0;
      if (!vertexFactor(Enu, omega, nd.pref, kq, El)) return;
      std::vector<double> q(gc.x.size());
      nd.kf.resize(gc.x.size());
      for (std::size_t i = 0; i < gc.x.size(); ++i) {
        LeptonVertex v;
        LeptonVertex::make(Enu, omega, gc.x[i], m_ml, v);
        nd.kf[i] = kinematicFactors(v);
        q[i] = std::sqrt(std::max(Enu * Enu + kq * kq - 2.0 * Enu * kq * gc.x[i], 1e-12));
      }
      nd.sets = range.isAll() ? m_response->continuumResponses(omega, q) : m_response->continuumResponsesIn(omega, q, range);
      nd.ok = true;
    });
    for (std::size_t k = 0; k < nodes.size(); ++k) {
      if (!nodes[k].ok) continue;
      kf = std::move(nodes[k].kf);
      addSets(nodes[k].sets, nodes[k].pref * ww[k], out.continuum);
    }
  };
  const int first = kMultipoleFirstPass;
  if (m_cfg.multipoleTolerance > 0.0 && topJ > first) {
    continuumPass(MultipoleRange{0, first});
    // The series has converged at J = first if the last two multipoles fall off fast, the last is
    // small and the geometric estimate of the rest is below the tolerance (see the config).
    const double sPrev = std::abs(byJ[static_cast<std::size_t>(first - 1)]), sLast = std::abs(byJ[static_cast<std::size_t>(first)]);
    const double S = std::abs(out.lines + out.continuum);
    const double r = sPrev > 0.0 ? sLast / sPrev : 1.0;
    const double rest = sLast * r / (1.0 - std::min(r, 0.5));
    if (sPrev > 0.0 && r <= 0.25 && sLast <= 0.01 * S && rest <= m_cfg.multipoleTolerance * S) {
      out.highestJ = first;
      out.skippedMultipolesEstimate = rest;
    } else {
      continuumPass(MultipoleRange{first + 1, topJ});
    }
  } else {
    continuumPass(MultipoleRange{});
  }
  out.highestMultipole = byJ[static_cast<std::size_t>(std::max(out.highestJ, 0))];
  out.total = out.lines + out.continuum;
  return out;
}

double InelasticCrossSection::contourContinuum(double Enu, InelasticSigma& out, MultipoleRange range,
                                              std::vector<double>& byJ) const {
  using cd = std::complex<double>;
  const double a = m_response->continuumThreshold(), b = Enu - m_ml;
  if (!(b > a)) return 0.0;
  // The line at height H: every singularity of the integrand (poles and cuts of the response on
  // and below the real axis, the lepton factors' branch points at and beyond the kinematic end)
  // is at least H away, so Gauss-Legendre panels of width 2 H converge like (1 + sqrt 2)^(-2n)
  // (n = 5: 1.5e-4 for one pole at the worst place; measured, 40Ar CC sigma(15 MeV), where the bound
  // states below the line carry most of it: n = 4 erred by 3.8e-4, n = 5 and 6 by ~3e-4, n = 8 by < 1e-6).
  const double H = m_cfg.contourHeight;
  const double lineW = 2.0 * H;
  std::vector<double> edges{a};
  for (double c : omegaCuts(Enu))
    if (c > a + 1e-9 && c < b - 1e-9) edges.push_back(c);
  std::sort(edges.begin() + 1, edges.end());
  edges.push_back(b);
  // The Coulomb prescription of each interval (Auto resolved at its midpoint; the switch points
  // are the interval edges).
  std::vector<CoulombMode> mode(edges.size() - 1, CoulombMode::None);
  if (m_cc) {
    for (std::size_t j = 0; j + 1 < edges.size(); ++j) {
      if (m_cfg.coulomb != CoulombMode::Auto) { mode[j] = m_cfg.coulomb; continue; }
      const double El = Enu - 0.5 * (edges[j] + edges[j + 1]);
      mode[j] = coulombFactor(CoulombMode::Auto, m_finalZ, m_response->targetA(), El, m_ml, m_leptonCharge).mema
                    ? CoulombMode::MEMA : CoulombMode::Fermi;
    }
  }
  // Nodes: per distinct z, the (interval, dz) uses. Legs: y in [0, H] on geometric panels (ratio
  // 3), the lowest with y = y1 t^2 (a square-root end, as at the kinematic end, is then smooth).
  struct Use { std::size_t interval; cd dz; };
  struct Node { cd z; std::vector<Use> uses; };
  std::vector<Node> nodes;
  // A Coulomb switch lies anywhere in the spectrum (near a threshold cusp or a narrow state), the
  // threshold and the kinematic end at fixed places: the legs at switches get
  // kSwitchLegExtraPanels more panels (measured, 40Ar CC at 50 MeV: the switch leg on 2 panels
  // erred by -3e-4, the other legs by 5e-5).
  auto leg = [&](int np, std::vector<double>& legY, std::vector<double>& legW) {
    std::vector<double> ye{0.0};
    for (int k = np - 1; k >= 0; --k) ye.push_back(H * std::pow(3.0, -k));
    GaussLegendre gl(static_cast<std::size_t>(m_cfg.contourLegNodes), 0.0, 1.0);
    for (std::size_t p = 0; p + 1 < ye.size(); ++p) {
      for (std::size_t i = 0; i < gl.x.size(); ++i) {
        if (p == 0) {
          legY.push_back(ye[1] * gl.x[i] * gl.x[i]);
          legW.push_back(2.0 * ye[1] * gl.x[i] * gl.w[i]);
        } else {
          legY.push_back(ye[p] + (ye[p + 1] - ye[p]) * gl.x[i]);
          legW.push_back((ye[p + 1] - ye[p]) * gl.w[i]);
        }
      }
    }
  };
  std::vector<double> endY, endW, swY, swW;
  leg(m_cfg.contourLegPanels, endY, endW);
  leg(m_cfg.contourLegPanels + kSwitchLegExtraPanels, swY, swW);
  for (std::size_t j = 0; j + 1 < edges.size(); ++j) {
    // leg up at the left edge (the same z as the previous interval's leg down: merged below)
    const bool swL = j > 0, swR = j + 2 < edges.size();
    const auto& yL = swL ? swY : endY;
    const auto& wL = swL ? swW : endW;
    for (std::size_t i = 0; i < yL.size(); ++i) nodes.push_back({cd(edges[j], yL[i]), {{j, cd(0.0, wL[i])}}});
    std::vector<double> px, pw;
    panels(edges[j], edges[j + 1], lineW, m_cfg.contourLineNodes, px, pw);
    for (std::size_t i = 0; i < px.size(); ++i) nodes.push_back({cd(px[i], H), {{j, cd(pw[i], 0.0)}}});
    const auto& yR = swR ? swY : endY;
    const auto& wR = swR ? swW : endW;
    for (std::size_t i = 0; i < yR.size(); ++i) nodes.push_back({cd(edges[j + 1], yR[i]), {{j, cd(0.0, -wR[i])}}});
  }
  // Merge the two legs at each inner edge into one node set (one response call per z).
  {
    std::vector<Node> merged;
    for (auto& nd : nodes) {
      bool done = false;
      for (auto& m : merged)
        if (m.z == nd.z) { m.uses.insert(m.uses.end(), nd.uses.begin(), nd.uses.end()); done = true; break; }
      if (!done) merged.push_back(std::move(nd));
    }
    nodes = std::move(merged);
  }
  GaussLegendre gc(static_cast<std::size_t>(m_cfg.cosNodes), -1.0, 1.0);
  const std::size_t nc = gc.x.size();
  const int topJ = m_response->maxMultipole();
  const double v2 = m_cc ? m_cfg.vud * m_cfg.vud : 1.0;
  const double pref0 = kFermiConstant * kFermiConstant * v2 / kPi * kHbarC * kHbarC;
  // Per node: the contributions Im(dz pref sum_i 2 pi w_i contract) per multipole.
  struct Result { std::vector<std::pair<std::pair<int, int>, double>> parts; };
  std::vector<Result> results(nodes.size());
  parallelFor(static_cast<long>(nodes.size()), [&](long n) {
    const Node& nd = nodes[static_cast<std::size_t>(n)];
    const cd El = Enu - nd.z;
    const cd k = std::sqrt(El * El - m_ml * m_ml);
    std::vector<cd> qs;
    struct Kin { cd pref; std::vector<std::array<cd, 5>> f; };
    std::vector<Kin> kin;
    for (const Use& u : nd.uses) {
      const CoulombFactorComplex cf = coulombFactor(mode[u.interval], m_finalZ, m_response->targetA(), El, m_ml, m_leptonCharge);
      const cd kq = m_cc ? cf.kEff : k;
      Kin kn;
      kn.pref = pref0 * k * El * cf.factor * u.dz;
      const cd kappa = k / El;
      for (std::size_t i = 0; i < nc; ++i) {
        const double c = gc.x[i], s2 = 1.0 - c * c, m2 = m_ml * m_ml;
        qs.push_back(std::sqrt(Enu * Enu + kq * kq - 2.0 * Enu * kq * c));
        const cd q = std::sqrt(Enu * Enu + k * k - 2.0 * Enu * k * c);
        const cd w = nd.z;
        std::array<cd, 5> f;
        f[0] = 1.0 + kappa * c;
        f[1] = -((w / q) * (1.0 + kappa * c) + m2 / (El * q));
        f[2] = 1.0 + kappa * c - 2.0 * Enu * El * kappa * kappa * s2 / (q * q);
        f[3] = 1.0 - kappa * c + Enu * El * kappa * kappa * s2 / (q * q);
        f[4] = m_helicity * ((Enu + El) / q * (1.0 - kappa * c) - m2 / (El * q));
        kn.f.push_back(f);
      }
      kin.push_back(std::move(kn));
    }
    const auto sets = range.isAll() ? m_response->analyticResponses(nd.z, qs) : m_response->analyticResponsesIn(nd.z, qs, range);
    Result& r = results[static_cast<std::size_t>(n)];
    for (std::size_t u = 0; u < kin.size(); ++u)
      for (std::size_t i = 0; i < nc; ++i) {
        const auto& f = kin[u].f[i];
        for (const auto& m : sets[u * nc + i].byMultipole) {
          const cd c = f[0] * m.X.CC + f[1] * m.X.CL + f[2] * m.X.LL + f[3] * m.X.T + f[4] * m.X.TP;
          const double v = (2.0 * kPi * gc.w[i] * kin[u].pref * c).imag();
          r.parts.push_back({{m.J, m.parity}, v});
        }
      }
  });
  double total = 0.0;
  for (const auto& r : results)
    for (const auto& [jp, v] : r.parts) {
      out.byMultipole[multipoleLabel(jp.first, jp.second)] += v;
      if (jp.first >= 0 && jp.first <= topJ) byJ[static_cast<std::size_t>(jp.first)] += v;
      total += v;
    }
  return total;
}

double InelasticCrossSection::doubleDifferential(double Enu, double omega, double cosTheta) const {
  checkEnergy(Enu);
  require(std::isfinite(omega) && std::isfinite(cosTheta) && std::abs(cosTheta) <= 1.0,
          fmt::format("double differential: omega = {} MeV must be finite and cos(theta) = {} in [-1, 1]", omega, cosTheta));
  double pref = 0.0, kq = 0.0, El = 0.0;
  if (!vertexFactor(Enu, omega, pref, kq, El)) return 0.0;
  LeptonVertex v;
  LeptonVertex::make(Enu, omega, cosTheta, m_ml, v);
  const double q[1] = {std::sqrt(std::max(Enu * Enu + kq * kq - 2.0 * Enu * kq * cosTheta, 1e-12))};
  const auto sets = m_response->continuumResponses(omega, q);
  return pref * contract(kinematicFactors(v), sets[0].total());
}

std::vector<double> InelasticCrossSection::dSigmaDCos(double Enu, const std::vector<double>& cosTheta) const {
  checkEnergy(Enu);
  for (double c : cosTheta) {
    require(std::abs(c) <= 1.0, fmt::format("dsigma/dcos: cos(theta) = {} outside [-1, 1]", c));
  }
  std::vector<double> out(cosTheta.size(), 0.0);
  if (Enu <= thresholdEnergy()) return out;
  std::vector<double> qs(cosTheta.size());
  std::vector<KinematicFactors> kf(cosTheta.size());
  auto add = [&](double omega, double weight, bool line, std::size_t n) {
    double pref = 0.0, kq = 0.0, El = 0.0;
    if (!vertexFactor(Enu, omega, pref, kq, El)) return;
    for (std::size_t i = 0; i < cosTheta.size(); ++i) {
      LeptonVertex v;
      LeptonVertex::make(Enu, omega, cosTheta[i], m_ml, v);
      kf[i] = kinematicFactors(v);
      qs[i] = std::sqrt(std::max(Enu * Enu + kq * kq - 2.0 * Enu * kq * cosTheta[i], 1e-12));
    }
    const auto sets = line ? m_response->lineResponses(n, qs) : m_response->continuumResponses(omega, qs);
    for (std::size_t i = 0; i < cosTheta.size(); ++i) out[i] += 2.0 * kPi * weight * pref * contract(kf[i], sets[i].total());
  };
  for (std::size_t n = 0; n < m_response->lines().size(); ++n) add(m_response->lines()[n].omega, 1.0, true, n);
  std::vector<double> wx, ww;
  panelsSplit(m_response->continuumThreshold(), Enu - m_ml, omegaCuts(Enu), omegaPanel(), m_cfg.nodesPerPanel, wx, ww);
  for (std::size_t k = 0; k < wx.size(); ++k) add(wx[k], ww[k], false, 0);
  return out;
}

std::vector<double> InelasticCrossSection::dSigmaDOmega(double Enu, const std::vector<double>& omega) const {
  checkEnergy(Enu);
  for (double w : omega) {
    require(std::isfinite(w), "dsigma/domega: energy transfer omega must be finite");
  }
  std::vector<double> out(omega.size(), 0.0);
  GaussLegendre gc(static_cast<std::size_t>(m_cfg.cosNodes), -1.0, 1.0);
  for (std::size_t k = 0; k < omega.size(); ++k) {
    double pref = 0.0, kq = 0.0, El = 0.0;
    if (omega[k] <= m_response->continuumThreshold() || !vertexFactor(Enu, omega[k], pref, kq, El)) continue;
    std::vector<double> qs(gc.x.size());
    std::vector<KinematicFactors> kf(gc.x.size());
    for (std::size_t i = 0; i < gc.x.size(); ++i) {
      LeptonVertex v;
      LeptonVertex::make(Enu, omega[k], gc.x[i], m_ml, v);
      kf[i] = kinematicFactors(v);
      qs[i] = std::sqrt(std::max(Enu * Enu + kq * kq - 2.0 * Enu * kq * gc.x[i], 1e-12));
    }
    const auto sets = m_response->continuumResponses(omega[k], qs);
    for (std::size_t i = 0; i < gc.x.size(); ++i) out[k] += 2.0 * kPi * gc.w[i] * pref * contract(kf[i], sets[i].total());
  }
  return out;
}

std::vector<double> InelasticCrossSection::lineSigmas(double Enu) const {
  checkEnergy(Enu);
  const auto& lines = m_response->lines();
  std::vector<double> out(lines.size(), 0.0);
  GaussLegendre gc(static_cast<std::size_t>(m_cfg.cosNodes), -1.0, 1.0);
  for (std::size_t n = 0; n < lines.size(); ++n) {
    double pref = 0.0, kq = 0.0, El = 0.0;
    if (!vertexFactor(Enu, lines[n].omega, pref, kq, El)) continue;
    std::vector<double> qs(gc.x.size());
    std::vector<KinematicFactors> kf(gc.x.size());
    for (std::size_t i = 0; i < gc.x.size(); ++i) {
      LeptonVertex v;
      LeptonVertex::make(Enu, lines[n].omega, gc.x[i], m_ml, v);
      kf[i] = kinematicFactors(v);
      qs[i] = std::sqrt(std::max(Enu * Enu + kq * kq - 2.0 * Enu * kq * gc.x[i], 1e-12));
    }
    const auto sets = m_response->lineResponses(n, qs);
    for (std::size_t i = 0; i < gc.x.size(); ++i) out[n] += 2.0 * kPi * gc.w[i] * pref * contract(kf[i], sets[i].total());
  }
  return out;
}

double InelasticCrossSection::fluxAveraged(const EnergySpectrum& spectrum) const {
  return fluxAveragedDetailed(spectrum).total;
}

InelasticFluxAverage InelasticCrossSection::fluxAveragedDetailed(const EnergySpectrum& spectrum) const {
  InelasticFluxAverage out;
  for (const auto& l : spectrum.lines()) {
    const InelasticSigma s = sigma(l.energy);
    out.total += l.weight * s.total;
    out.highestMultipole += l.weight * s.highestMultipole;
  }
  const ContinuousSpectrum* c = spectrum.continuousPart();
  if (!c) return out;
  const double eMax = c->eMax();
  checkEnergy(eMax);
  const double wC = spectrum.continuousWeight();
  if (eMax <= thresholdEnergy()) return out;
  if (m_cfg.omegaContour && m_response->hasAnalyticContinuation()) {
    // sigma(E) on the omega contour (the eta -> 0 limit) integrated over E: Gauss-Legendre in t with
    // E = E_lo + (E_max - E_lo) t^2 (sigma rises from the threshold like a power of E - E_thr).
    const double eLo = std::max(thresholdEnergy(), c->eMin());
    if (!(eMax > eLo)) return out;
    GaussLegendre gt(static_cast<std::size_t>(m_cfg.fluxEnergyNodes), 0.0, 1.0);
    double s = 0.0, sTop = 0.0;
    for (std::size_t i = 0; i < gt.x.size(); ++i) {
      const double t = gt.x[i], E = eLo + (eMax - eLo) * t * t, w = gt.w[i] * 2.0 * t * (eMax - eLo);
      const double f = c->pdf(E);
      if (!(f > 0.0)) continue;
      const InelasticSigma si = sigma(E);
      s += w * f * si.total;
      // the part of J = maxMultipole (where the passes skipped it, their estimate of all J > 3 bounds it)
      sTop += w * f * (si.highestJ == m_response->maxMultipole() ? si.highestMultipole : si.skippedMultipolesEstimate);
    }
    out.total += wC * s;
    out.highestMultipole += wC * sTop;
    return out;
  }
  const int topJ = m_response->maxMultipole();
  GaussLegendre gc(static_cast<std::size_t>(m_cfg.cosNodes), -1.0, 1.0);
  // For one omega (line or continuum node): tabulate the responses on a q grid spanning all
  // energies E in [omega + m, eMax], then integrate over E (Gauss-Legendre) and cos(theta).
  // Returns {all multipoles, highest multipole}.
  auto omegaIntegral = [&](double omega, bool line, std::size_t n) -> std::array<double, 2> {
    const double eLow = std::max(omega + m_ml, c->eMin());
    if (!(eMax > eLow)) return {0.0, 0.0};
    // q range of all (E, cos) points of this omega (with the effective momentum if MEMA), then
    // a logarithmic grid over it (the longitudinal responses vary like 1/q at small q).
    // Gauss-Legendre in E on each side of the energies E = omega + E_l where the Coulomb choice flips.
    struct { std::vector<double> x, w; } ge;
    {
      std::vector<double> cuts;
      for (double El : m_coulombSwitch) cuts.push_back(omega + El);
      panelsSplit(eLow, eMax, cuts, eMax - eLow + 1.0, m_cfg.fluxEnergyNodes, ge.x, ge.w);
    }
    double qLo = std::numeric_limits<double>::infinity(), qHi = 0.0;
    std::vector<double> kqs(ge.x.size(), -1.0), prefs(ge.x.size(), 0.0);
    for (std::size_t ie = 0; ie < ge.x.size(); ++ie) {
      double El = 0.0;
      if (!vertexFactor(ge.x[ie], omega, prefs[ie], kqs[ie], El)) { kqs[ie] = -1.0; continue; }
      qLo = std::min(qLo, std::abs(ge.x[ie] - kqs[ie]));
      qHi = std::max(qHi, ge.x[ie] + kqs[ie]);
    }
    if (!(qHi > 0.0)) return {0.0, 0.0};
    qLo = std::max(0.999 * qLo, 1e-3);
    qHi *= 1.001;
    const int nq = m_cfg.fluxQNodes;
    std::vector<double> qg(static_cast<std::size_t>(nq));
    for (int i = 0; i < nq; ++i) qg[i] = qLo * std::pow(qHi / qLo, static_cast<double>(i) / (nq - 1));
    const auto sets = line ? m_response->lineResponses(n, qg) : m_response->continuumResponses(omega, qg);
    std::vector<double> y(qg.size());
    std::vector<Spline> sp; // 0..4: all multipoles, 5..9: the highest multipole
    for (int comp = 0; comp < 10; ++comp) {
      for (std::size_t i = 0; i < qg.size(); ++i) {
        ResponseFunctions W;
        if (comp < 5) {
          W = sets[i].total();
        } else {
          for (const auto& m : sets[i].byMultipole)
            if (m.J == topJ) W += m.W;
        }
        const double v[5] = {W.CC, W.CL, W.LL, W.T, W.TP};
        y[i] = v[comp % 5];
      }
      sp.emplace_back(qg, y);
    }
    double s = 0.0, sTop = 0.0;
    for (std::size_t ie = 0; ie < ge.x.size(); ++ie) {
      const double E = ge.x[ie];
      const double f = c->pdf(E);
      if (f <= 0.0 || kqs[ie] < 0.0) continue;
      const double kq = kqs[ie];
      double ang = 0.0, angTop = 0.0;
      for (std::size_t i = 0; i < gc.x.size(); ++i) {
        LeptonVertex v;
        LeptonVertex::make(E, omega, gc.x[i], m_ml, v);
        const double q = std::clamp(std::sqrt(std::max(E * E + kq * kq - 2.0 * E * kq * gc.x[i], 1e-12)), qLo, qHi);
        const KinematicFactors kfv = kinematicFactors(v);
        const ResponseFunctions W{sp[0](q), sp[1](q), sp[2](q), sp[3](q), sp[4](q)};
        const ResponseFunctions Wt{sp[5](q), sp[6](q), sp[7](q), sp[8](q), sp[9](q)};
        ang += gc.w[i] * contract(kfv, W);
        angTop += gc.w[i] * contract(kfv, Wt);
      }
      s += ge.w[ie] * f * prefs[ie] * 2.0 * kPi * ang;
      sTop += ge.w[ie] * f * prefs[ie] * 2.0 * kPi * angTop;
    }
    return {s, sTop};
  };
  double cont = 0.0, contTop = 0.0;
  for (std::size_t n = 0; n < m_response->lines().size(); ++n) {
    const auto v = omegaIntegral(m_response->lines()[n].omega, true, n);
    cont += v[0];
    contTop += v[1];
  }
  std::vector<double> wx, ww;
  panels(m_response->continuumThreshold(), eMax - m_ml, omegaPanel(), m_cfg.nodesPerPanel, wx, ww);
  for (std::size_t k = 0; k < wx.size(); ++k) {
    const auto v = omegaIntegral(wx[k], false, 0);
    cont += ww[k] * v[0];
    contTop += ww[k] * v[1];
  }
  out.total += wC * cont;
  out.highestMultipole += wC * contTop;
  return out;
}

} // namespace lenu::inelastic
