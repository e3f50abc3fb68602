#include "lenu/supernova/SupernovaRate.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Integrate.hpp"
#include "lenu/detector/TargetMaterial.hpp"
#include "lenu/inelastic/InelasticCrossSection.hpp"
#include "lenu/inelastic/InelasticModels.hpp"
#include "lenu/models/FormFactorFactory.hpp"
#include "lenu/supernova/ElectronCrossSections.hpp"
#include "lenu/supernova/SupernovaSource.hpp"
#include "lenu/xsec/Cevns.hpp"

namespace lenu::supernova {

std::vector<double> EnergyGrid::edges() const {
  std::vector<double> e(n + 1);
  for (std::size_t i = 0; i <= n; ++i) {
    e[i] = lo + (hi - lo) * static_cast<double>(i) / static_cast<double>(n);
  }
  return e;
}

std::vector<double> EnergyGrid::centres() const {
  std::vector<double> c(n);
  for (std::size_t i = 0; i < n; ++i) {
    c[i] = lo + (hi - lo) * (static_cast<double>(i) + 0.5) / static_cast<double>(n);
  }
  return c;
}

namespace {

constexpr std::size_t kNuE = 0, kNuEBar = 3;

std::size_t flavourIndex(Flavour f) {
  for (std::size_t k = 0; k < 6; ++k) {
    if (kAllFlavours[k] == f) {
      return k;
    }
  }
  return 0;
}

/// Gaussian smearing of a visible energy into [lo, hi) above the threshold (probability).
double smearedFraction(double evis, double sigma, double lo, double hi, double threshold) {
  const double a = std::max(lo, threshold);
  if (!(hi > a) || evis <= 0.0) {
    return 0.0;
  }
  if (sigma <= 0.0) {
    return (evis >= a && evis < hi) ? 1.0 : 0.0;
  }
  const double s = std::sqrt(2.0) * sigma;
  return 0.5 * (std::erf((hi - evis) / s) - std::erf((a - evis) / s));
}

std::vector<double> uniformEdges(double lo, double hi, double width) {
  const auto n = static_cast<std::size_t>(std::max(1.0, std::round((hi - lo) / width)));
  std::vector<double> e(n + 1);
  for (std::size_t i = 0; i <= n; ++i) {
    e[i] = lo + (hi - lo) * static_cast<double>(i) / static_cast<double>(n);
  }
  return e;
}

/// Node energies of the coarse inelastic grid: quadratic from threshold to eMax (as inelasticSigma).
std::vector<double> inelasticNodeEnergies(double thr, double eMax, int nodes) {
  std::vector<double> e(static_cast<std::size_t>(nodes));
  for (std::size_t k = 0; k < e.size(); ++k) {
    const double u = static_cast<double>(k) / static_cast<double>(e.size() - 1);
    e[k] = thr + (eMax - thr) * u * u;
  }
  return e;
}

/// sigma(E) of an inelastic channel on a coarse grid from threshold, linearly interpolated.
std::vector<double> inelasticSigma(const inelastic::InelasticCrossSection& xs, const std::vector<double>& centres,
                                   double eMax, int nodes) {
  const double thr = xs.thresholdEnergy();
  std::vector<double> out(centres.size(), 0.0);
  if (!(thr < eMax)) {
    return out;
  }
  // quadratic spacing: dense just above threshold and at supernova energies, sparse in the tail
  const std::vector<double> e = inelasticNodeEnergies(thr, eMax, nodes);
  std::vector<double> s(e.size());
  for (std::size_t k = 0; k < e.size(); ++k) {
    // interpolate sqrt(sigma): exact for the (E - E_thr)^2 rise of a CC cross section above a level
    s[k] = k == 0 ? 0.0 : std::sqrt(std::max(0.0, xs.sigma(e[k]).total));
  }
  for (std::size_t j = 0; j < centres.size(); ++j) {
    const double x = centres[j];
    if (x <= thr || x > eMax) {
      continue;
    }
    const auto it = std::upper_bound(e.begin(), e.end(), x);
    const auto i = std::min<std::size_t>(static_cast<std::size_t>(it - e.begin()), e.size() - 1);
    const double u = (x - e[i - 1]) / (e[i] - e[i - 1]);
    const double r = s[i - 1] + u * (s[i] - s[i - 1]);
    out[j] = r * r;
  }
  return out;
}

/// Detection and observed-energy response of a smeared channel (E_vis = E_nu - offset).
void smearedResponse(ChannelTable& ch, std::size_t k, const std::vector<double>& centres) {
  const auto& sp = ch.spec;
  const std::size_t nObs = ch.observedEdges.size() - 1;
  ch.sigmaDetected[k].assign(centres.size(), 0.0);
  ch.response[k].assign(centres.size() * nObs, 0.0);
  const double offset = sp.visibleOffset.value_or(0.0);
  for (std::size_t j = 0; j < centres.size(); ++j) {
    const double s = ch.sigma[k][j];
    if (s <= 0.0) {
      continue;
    }
    const double evis = centres[j] - offset;
    const double width = sp.resolutionA * std::sqrt(std::max(evis, 0.0)) + sp.resolutionB * std::max(evis, 0.0);
    const double pdet = smearedFraction(evis, width, -1e300, 1e300, sp.threshold);
    ch.sigmaDetected[k][j] = sp.efficiency * pdet * s;
    for (std::size_t o = 0; o < nObs; ++o) {
      ch.response[k][j * nObs + o] =
          sp.efficiency * s * smearedFraction(evis, width, ch.observedEdges[o], ch.observedEdges[o + 1], sp.threshold);
    }
  }
}

/// Adds `weight` x (the Gaussian of a visible energy `evis` [MeV], width a sqrt(E) + b E, above the
/// threshold) to the detected total and to the observed bins; only the bins within 8 sigma are visited.
void addSmeared(const DetectorChannelSpec& sp, double evis, double weight, const std::vector<double>& edges,
                double& detected, double* bins) {
  const double e = std::max(evis, 0.0);
  const double width = sp.resolutionA * std::sqrt(e) + sp.resolutionB * e;
  detected += weight * smearedFraction(e, width, -1e300, 1e300, sp.threshold);
  const double lo = e - 8.0 * width, hi = e + 8.0 * width;
  auto o = static_cast<std::size_t>(std::upper_bound(edges.begin(), edges.end(), lo) - edges.begin());
  o = o > 0 ? o - 1 : 0;
  for (; o + 1 < edges.size() && edges[o] <= hi; ++o) {
    bins[o] += weight * smearedFraction(e, width, edges[o], edges[o + 1], sp.threshold);
  }
}

/// Observed-energy response of an inelastic channel (NC and CC alike) through the de-excitation of
/// the final nucleus (Zf, A). At each coarse node energy E_n the response's omega distribution
/// (continuum dsigma/domega in steps `calorimetryOmegaStep`, and the line cross sections) gives the
/// excitation E_x = omega - Q of the final nucleus (Q = M(final) - M(target), 0 for NC; the nuclear
/// recoil q^2/2M < 0.2 MeV at these energies is neglected); `calo` maps E_x to the visible
/// de-excitation energy V. The visible energy is
///   NC: E_vis = V,   CC: E_vis = T_l + V = (E_nu - omega - m_l) + V = (E_nu - Q - m_l) + (V - E_x),
/// i.e. E_vis = s(E_nu) + X with s = 0 (NC) or E_nu - Q - m_l (CC). The distribution of X (NC: V;
/// CC: minus the energy the neutrons, the separation energies and the recoil carry away) varies slowly
/// with E_nu: it is histogrammed (step `calorimetryBinWidth`) per unit sigma at the nodes and
/// interpolated linearly in E_nu between them; s(E_j) is then exact at every bin centre. Threshold,
/// Gaussian resolution and efficiency of the channel apply to E_vis.
void calorimetricResponse(ChannelTable& ch, const std::vector<std::size_t>& ks,
                          const inelastic::InelasticCrossSection& xs, const std::vector<double>& centres,
                          const ChannelBuildConfig& cfg, const DeexcitationCalorimetry& calo, double qValue) {
  const auto& resp = xs.response();
  const bool cc = xs.chargedCurrent();
  const int A = resp.targetA();
  const int Zf = resp.targetZ() + (resp.mode() == inelastic::ResponseMode::ChargedCurrentNu      ? 1
                                   : resp.mode() == inelastic::ResponseMode::ChargedCurrentNuBar ? -1
                                                                                                 : 0);
  const double ml = xs.leptonMass();
  const double Q = cc ? qValue : 0.0;
  const std::size_t nObs = ch.observedEdges.size() - 1;
  const double thr = xs.thresholdEnergy();
  const double eMax = cfg.energy.hi;
  for (std::size_t k : ks) {
    ch.sigmaDetected[k].assign(centres.size(), 0.0);
    ch.response[k].assign(centres.size() * nObs, 0.0);
  }
  if (!(thr < eMax)) {
    return;
  }
  const auto nodes = inelasticNodeEnergies(thr, eMax, std::min(cfg.inelasticNodes, cfg.calorimetryNodes));
  const double step = cfg.calorimetryOmegaStep;
  const double dx = cfg.calorimetryBinWidth;
  std::vector<double> omega;
  if (std::isfinite(resp.continuumThreshold())) {
    for (double w = std::max(resp.continuumThreshold(), 0.0) + 0.5 * step; w < eMax; w += step) {
      omega.push_back(w);
    }
  }
  // X of every final-state point, per continuum omega and per line (independent of E_nu). The
  // continuum asks the de-excitation model at the nearest node of an excitation grid (step
  // calorimetryOmegaStep up to E_b = step / calorimetryRelativeStep, relative step above) and scales
  // that node's visible energies by E_x / E_node (exact for a gamma cascade, V = E_x, and for a decay
  // by neutrons alone, V = 0); lines use their own E_x.
  const double rel = cfg.calorimetryRelativeStep;
  const double eB = step / rel;
  auto xValues = [&](double om, double ex, double exAsked) {
    auto d = calo.visibleEnergy(Zf, A, std::max(exAsked, 0.0));
    for (auto& v : d.energy) {
      const double visible = exAsked > 0.0 ? std::max(v, 0.0) * ex / exAsked : std::max(v, 0.0);
      v = cc ? visible - (om - Q) : visible; // CC: V - E_x, E_x = omega - Q: T_l + V = s(E_nu) + X
    }
    return d;
  };
  auto gridNode = [&](double ex) {
    if (ex < eB) {
      return std::round(ex / step) * step;
    }
    return eB * std::pow(1.0 + rel, std::round(std::log(ex / eB) / std::log1p(rel)));
  };
  std::vector<VisibleEnergyDistribution> contX(omega.size()), lineX(resp.lines().size());
  for (std::size_t i = 0; i < omega.size(); ++i) {
    const double ex = std::max(omega[i] - Q, 0.0);
    contX[i] = xValues(omega[i], ex, gridNode(ex));
  }
  for (std::size_t l = 0; l < lineX.size(); ++l) {
    lineX[l] = xValues(resp.lines()[l].omega, resp.lines()[l].excitation, resp.lines()[l].excitation);
  }
  // X histogram per node, per unit sigma: index i <-> X = (i - offset) dx, X in [-eMax, eMax]
  const auto offset = static_cast<std::ptrdiff_t>(std::ceil(eMax / dx));
  const auto nX = static_cast<std::size_t>(2 * offset + 1);
  std::vector<std::vector<double>> hist(nodes.size(), std::vector<double>(nX, 0.0));
  for (std::size_t n = 1; n < nodes.size(); ++n) {
    const double E = nodes[n];
    std::vector<double> w;
    for (double x : omega) {
      if (x < E - ml) {
        w.push_back(x);
      }
    }
    const auto ds = w.empty() ? std::vector<double>{} : xs.dSigmaDOmega(E, w);
    const auto ls = xs.lineSigmas(E);
    double total = 0.0;
    auto add = [&](const VisibleEnergyDistribution& d, double s) {
      if (!(s > 0.0)) {
        return;
      }
      total += s;
      for (std::size_t p = 0; p < d.energy.size(); ++p) {
        // NC: V = 0 (neutrons only) stays invisible; 0 < V < dx must not round to 0
        const double x = d.energy[p];
        const double r = cc || x <= 0.0 ? std::round(x / dx) : std::max(std::round(x / dx), 1.0);
        const auto i =
            std::clamp<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(r) + offset, 0, static_cast<std::ptrdiff_t>(nX) - 1);
        hist[n][static_cast<std::size_t>(i)] += s * d.weight[p];
      }
    };
    for (std::size_t i = 0; i < ds.size(); ++i) {
      add(contX[i], ds[i] * step);
    }
    for (std::size_t l = 0; l < ls.size(); ++l) {
      add(lineX[l], ls[l]);
    }
    if (total > 0.0) {
      for (auto& v : hist[n]) {
        v /= total;
      }
    }
  }
  hist[0] = hist.size() > 1 ? hist[1] : hist[0];
  const std::size_t k0 = ks.front();
  std::vector<double> bins(nObs);
  for (std::size_t j = 0; j < centres.size(); ++j) {
    const double s = ch.sigma[k0][j];
    if (s <= 0.0) {
      continue;
    }
    const auto it = std::upper_bound(nodes.begin(), nodes.end(), centres[j]);
    const auto i = std::clamp<std::size_t>(static_cast<std::size_t>(it - nodes.begin()), 1, nodes.size() - 1);
    const double u = std::clamp((centres[j] - nodes[i - 1]) / (nodes[i] - nodes[i - 1]), 0.0, 1.0);
    const double shift = cc ? centres[j] - Q - ml : 0.0;
    double detected = 0.0;
    std::fill(bins.begin(), bins.end(), 0.0);
    for (std::size_t x = 0; x < nX; ++x) {
      const double h = (1.0 - u) * hist[i - 1][x] + u * hist[i][x];
      if (h > 0.0) {
        const double X = static_cast<double>(static_cast<std::ptrdiff_t>(x) - offset) * dx;
        // CC: E_vis = T_l + V > 0; a value <= 0 comes from rounding X or from a final state open at
        // the upper node only (interpolation): put at the lowest step, counted as E_vis -> 0+
        const double evis = cc ? std::max(shift + X, 0.5 * dx) : X;
        addSmeared(ch.spec, evis, h * ch.spec.efficiency, ch.observedEdges, detected, bins.data());
      }
    }
    detected = std::min(detected, 1.0); // a probability (the weights sum to 1 up to rounding)
    for (std::size_t k : ks) {
      ch.sigmaDetected[k][j] = ch.sigma[k][j] * detected;
      for (std::size_t o = 0; o < nObs; ++o) {
        ch.response[k][j * nObs + o] = ch.sigma[k][j] * bins[o];
      }
    }
  }
}

} // namespace

SupernovaChannels SupernovaChannels::build(const SupernovaDetector& detector, const ChannelBuildConfig& cfg,
                                           const NuclideTable& table) {
  require(cfg.energy.n >= 2 && cfg.energy.n <= 100000, "energy grid needs 2..100000 bins");
  require(cfg.energy.lo >= 0.0 && cfg.energy.hi > cfg.energy.lo && cfg.energy.hi <= 1000.0,
          fmt::format("energy grid [{}, {}] MeV must satisfy 0 <= lo < hi <= 1000 MeV", cfg.energy.lo, cfg.energy.hi));
  require(cfg.inelasticNodes >= 4 && cfg.inelasticNodes <= 1000,
          fmt::format("inelasticNodes = {} outside [4, 1000]", cfg.inelasticNodes));
  requirePositive(cfg.observedBinWidth, "observed-energy bin width", "MeV");
  require(cfg.calorimetryNodes >= 4 && cfg.calorimetryNodes <= 1000,
          fmt::format("calorimetryNodes = {} outside [4, 1000]", cfg.calorimetryNodes));
  require(cfg.calorimetryBinWidth >= 1e-3 && cfg.calorimetryBinWidth <= 1.0,
          fmt::format("calorimetry bin width {} MeV outside [0.001, 1] MeV", cfg.calorimetryBinWidth));
  require(cfg.calorimetryRelativeStep >= 1e-3 && cfg.calorimetryRelativeStep <= 0.5,
          fmt::format("calorimetry relative excitation step {} outside [0.001, 0.5]", cfg.calorimetryRelativeStep));
  require(cfg.calorimetryOmegaStep >= 0.01 && cfg.calorimetryOmegaStep <= 5.0,
          fmt::format("calorimetry omega step {} MeV outside [0.01, 5] MeV", cfg.calorimetryOmegaStep));
  SupernovaChannels out;
  out.m_detector = detector;
  out.m_cfg = cfg;
  const auto mat = TargetMaterial::fromFormula(detector.material, table);
  const auto& comps = mat.components();
  const auto centres = cfg.energy.centres();
  const std::size_t nE = centres.size();
  inelastic::InelasticModelOptions opts;
  opts.model = cfg.inelasticModel;

  for (const auto& sp : detector.channels) {
    ChannelTable ch;
    ch.spec = sp;
    auto nucleiOf = [&](const std::string& name) {
      for (std::size_t i = 0; i < comps.size(); ++i) {
        if (comps[i].nuclide.name() == name) {
          return mat.nucleiOf(i, detector.mass);
        }
      }
      return 0.0;
    };
    switch (sp.kind) {
    case ChannelKind::NueCC:
    case ChannelKind::NuebarCC:
    case ChannelKind::NC: {
      const bool cc = sp.kind != ChannelKind::NC;
      // the de-excitation model of this channel kind (null: not modelled)
      const DeexcitationCalorimetry* calo = cc ? cfg.ccDeexcitation.get() : cfg.deexcitation.get();
      const bool ncUnmodelledCuts =
          !cc && !calo && (sp.threshold > 0.0 || sp.resolutionA > 0.0 || sp.resolutionB > 0.0);
      ch.targets = nucleiOf(sp.target);
      ch.model = cfg.inelasticModel;
      std::vector<std::pair<Flavour, std::vector<std::size_t>>> uses;
      if (sp.kind == ChannelKind::NueCC) {
        uses = {{Flavour::NuE, {kNuE}}};
      } else if (sp.kind == ChannelKind::NuebarCC) {
        uses = {{Flavour::NuEBar, {kNuEBar}}};
      } else {
        uses = {{Flavour::NuE, {0, 1, 2}}, {Flavour::NuEBar, {3, 4, 5}}};
      }
      try {
        for (const auto& [f, ks] : uses) {
          const auto mode = inelastic::responseMode(cc, f);
          const auto resp = inelastic::makeInelasticResponse(sp.target, mode, opts, table);
          const inelastic::InelasticCrossSection xs(resp, f);
          const auto s = inelasticSigma(xs, centres, cfg.energy.hi, cfg.inelasticNodes);
          for (std::size_t k : ks) {
            ch.sigma[k] = s;
          }
          if (calo != nullptr) {
            ch.observedEdges = uniformEdges(0.0, cfg.energy.hi, cfg.observedBinWidth);
            const double q = cc ? inelastic::chargedCurrentQValue(table.get(sp.target), mode, table) : 0.0;
            calorimetricResponse(ch, ks, xs, centres, cfg, *calo, q);
          }
          if (cc && calo == nullptr && !ch.spec.visibleOffset) {
            ch.spec.visibleOffset = xs.thresholdEnergy() - constants::kMassElectron;
          }
        }
      } catch (const Error& e) {
        if (e.code() == ErrorCode::UnknownModel) {
          throw;
        }
        for (auto& s : ch.sigma) {
          s.clear();
        }
        for (auto& s : ch.sigmaDetected) {
          s.clear();
        }
        for (auto& s : ch.response) {
          s.clear();
        }
        ch.note = fmt::format("not computed with model '{}': {}", cfg.inelasticModel, e.what());
      }
      if (calo != nullptr) {
        ch.observedEdges = uniformEdges(0.0, cfg.energy.hi, cfg.observedBinWidth);
        ch.observedQuantity = cc ? "visible energy: lepton kinetic energy + visible de-excitation energy of the final "
                                   "nucleus, smeared [MeV]"
                                 : "visible de-excitation energy of the final nucleus, smeared [MeV]";
        if (ch.note.empty()) {
          ch.note = (cc ? "CC: lepton kinetic energy + " : "NC: ") + calo->description();
        }
      } else if (cc) {
        ch.observedEdges = uniformEdges(0.0, cfg.energy.hi, cfg.observedBinWidth);
        ch.observedQuantity = "visible energy E_nu - offset, smeared [MeV]";
        for (std::size_t k = 0; k < 6; ++k) {
          if (!ch.sigma[k].empty()) {
            smearedResponse(ch, k, centres);
          }
        }
      } else {
        ch.observedEdges.clear();
        for (std::size_t k = 0; k < 6; ++k) {
          if (!ch.sigma[k].empty()) {
            ch.sigmaDetected[k] = ch.sigma[k];
            for (auto& v : ch.sigmaDetected[k]) {
              v *= sp.efficiency;
            }
          }
        }
        if (ch.note.empty()) {
          ch.note =
              ncUnmodelledCuts
                  ? "NC: every interaction counted with the channel efficiency; the channel's threshold and "
                    "resolution (which apply to the visible de-excitation energy) are NOT applied: no "
                    "de-excitation model (ChannelBuildConfig::deexcitation, lenu supernova --nc-deexcitation)"
                  : "NC: every interaction counted with the channel efficiency (de-excitation energies not modelled)";
        }
      }
      break;
    }
    case ChannelKind::IBD: {
      for (std::size_t i = 0; i < comps.size(); ++i) {
        if (comps[i].nuclide.Z == 1 && comps[i].nuclide.A == 1) {
          ch.targets = mat.nucleiOf(i, detector.mass);
        }
      }
      if (ch.targets <= 0.0) {
        throw Error(ErrorCode::ConfigError, fmt::format("{}: channel ibd needs hydrogen in the material '{}'",
                                                        detector.file.string(), detector.material));
      }
      const InverseBetaDecay ibd;
      ch.model = "Strumia-Vissani 2003 (full, with radiative correction)";
      ch.sigma[kNuEBar].resize(nE);
      for (std::size_t j = 0; j < nE; ++j) {
        ch.sigma[kNuEBar][j] = ibd.sigma(centres[j]);
      }
      if (!ch.spec.visibleOffset) {
        ch.spec.visibleOffset = constants::kMassNeutron - constants::kMassProton;
      }
      ch.observedEdges = uniformEdges(0.0, cfg.energy.hi, cfg.observedBinWidth);
      ch.observedQuantity = "visible energy E_nu - offset, smeared [MeV]";
      smearedResponse(ch, kNuEBar, centres);
      break;
    }
    case ChannelKind::ElectronScattering: {
      for (std::size_t i = 0; i < comps.size(); ++i) {
        ch.targets += comps[i].nuclide.Z * mat.nucleiOf(i, detector.mass);
      }
      ch.model = cfg.esRadiativeCorrections
                     ? "O(alpha) electroweak + QED corrected (Bahcall, Kamionkowski & Sirlin, PRD 51 (1995) 6146)"
                     : "tree level ('t Hooft 1971), no radiative corrections";
      ch.observedEdges = uniformEdges(0.0, cfg.energy.hi, cfg.observedBinWidth);
      const bool smearES = sp.resolutionA > 0.0 || sp.resolutionB > 0.0;
      ch.observedQuantity = smearES ? "electron recoil kinetic energy T, Gaussian-smeared [MeV]"
                                    : "electron recoil kinetic energy T [MeV] (no smearing)";
      const std::size_t nObs = ch.observedEdges.size() - 1;
      for (std::size_t k = 0; k < 6 && smearES; ++k) {
        // Gaussian resolution sigma(T) = a sqrt(T) + b T in the recoil energy: fold dsigma/dT with
        // the fraction of the Gaussian in each observed bin above the threshold (Gauss-Legendre in T)
        const ElectronScattering es(kAllFlavours[k], cfg.esRadiativeCorrections);
        ch.sigma[k].assign(nE, 0.0);
        ch.sigmaDetected[k].assign(nE, 0.0);
        ch.response[k].assign(nE * nObs, 0.0);
        for (std::size_t j = 0; j < nE; ++j) {
          const double e = centres[j];
          const double tmax = ElectronScattering::maxRecoil(e);
          ch.sigma[k][j] = es.sigma(e);
          const GaussLegendre gl(64, 0.0, tmax);
          for (std::size_t n = 0; n < gl.x.size(); ++n) {
            const double t = gl.x[n];
            const double w = gl.w[n] * es.dSigmaDT(e, t) * sp.efficiency;
            const double width = sp.resolutionA * std::sqrt(t) + sp.resolutionB * t;
            ch.sigmaDetected[k][j] += w * smearedFraction(t, width, -1e300, 1e300, sp.threshold);
            for (std::size_t o = 0; o < nObs; ++o) {
              ch.response[k][j * nObs + o] +=
                  w * smearedFraction(t, width, ch.observedEdges[o], ch.observedEdges[o + 1], sp.threshold);
            }
          }
        }
      }
      for (std::size_t k = 0; k < 6 && !smearES; ++k) {
        const ElectronScattering es(kAllFlavours[k], cfg.esRadiativeCorrections);
        ch.sigma[k].resize(nE);
        ch.sigmaDetected[k].resize(nE);
        ch.response[k].assign(nE * nObs, 0.0);
        for (std::size_t j = 0; j < nE; ++j) {
          const double e = centres[j];
          ch.sigma[k][j] = es.sigma(e);
          ch.sigmaDetected[k][j] = sp.efficiency * es.sigmaBetween(e, sp.threshold, ElectronScattering::maxRecoil(e));
          for (std::size_t o = 0; o < nObs; ++o) {
            ch.response[k][j * nObs + o] =
                sp.efficiency * es.sigmaBetween(e, std::max(ch.observedEdges[o], sp.threshold), ch.observedEdges[o + 1]);
          }
        }
      }
      break;
    }
    case ChannelKind::Cevns: {
      const auto ffModel = makeFormFactorModel(cfg.formFactor);
      ch.model = fmt::format("CEvNS tree level, form factor {}", cfg.formFactor);
      std::vector<CevnsCrossSection> xs;
      std::vector<double> w;
      double total = 0.0;
      double tMaxAll = 0.0;
      for (std::size_t i = 0; i < comps.size(); ++i) {
        xs.emplace_back(comps[i].nuclide, ffModel->forNuclide(comps[i].nuclide));
        w.push_back(mat.nucleiOf(i, detector.mass));
        total += w.back();
        tMaxAll = std::max(tMaxAll, xs.back().maxRecoil(cfg.energy.hi));
      }
      ch.targets = total;
      for (auto& x : w) {
        x /= total;
      }
      // observed: nuclear recoil T, 1 keV bins up to the largest T_max (at most 1000 bins)
      const double width = std::max(1.0 * units::keV, tMaxAll / 1000.0);
      ch.observedEdges = uniformEdges(0.0, tMaxAll, width);
      ch.observedQuantity = "nuclear recoil kinetic energy T [MeV] (no quenching, no smearing)";
      const std::size_t nObs = ch.observedEdges.size() - 1;
      std::vector<double> s(nE, 0.0), sd(nE, 0.0), r(nE * nObs, 0.0);
      const GaussLegendre unit(16, 0.0, 1.0);
      const GaussLegendre unit4(4, 0.0, 1.0);
      for (std::size_t j = 0; j < nE; ++j) {
        const double e = centres[j];
        for (std::size_t i = 0; i < xs.size(); ++i) {
          s[j] += w[i] * xs[i].sigma(e);
          const double tmax = xs[i].maxRecoil(e);
          if (tmax > sp.threshold) {
            double acc = 0.0;
            for (std::size_t q = 0; q < unit.x.size(); ++q) {
              const double t = sp.threshold + (tmax - sp.threshold) * unit.x[q];
              acc += unit.w[q] * xs[i].dSigmaDT(e, t);
            }
            sd[j] += w[i] * sp.efficiency * acc * (tmax - sp.threshold);
            for (std::size_t o = 0; o < nObs; ++o) {
              const double a = std::max(ch.observedEdges[o], sp.threshold);
              const double b = std::min(ch.observedEdges[o + 1], tmax);
              if (!(b > a)) {
                continue;
              }
              double bin = 0.0;
              for (std::size_t q = 0; q < unit4.x.size(); ++q) {
                bin += unit4.w[q] * xs[i].dSigmaDT(e, a + (b - a) * unit4.x[q]);
              }
              r[j * nObs + o] += w[i] * sp.efficiency * bin * (b - a);
            }
          }
        }
      }
      for (std::size_t k = 0; k < 6; ++k) {
        ch.sigma[k] = s;
        ch.sigmaDetected[k] = sd;
        ch.response[k] = r;
      }
      break;
    }
    }
    out.m_channels.push_back(std::move(ch));
  }
  return out;
}

SupernovaChannels SupernovaChannels::scaledMass(double factor) const {
  requirePositive(factor, "mass scale factor", "");
  SupernovaChannels c = *this;
  c.m_detector.mass *= factor;
  for (auto& ch : c.m_channels) {
    ch.targets *= factor;
  }
  return c;
}

std::vector<double> defaultTimeEdges(const NeutrinoSource& source) {
  const auto r = source.timeRange();
  std::vector<double> e{r.begin};
  const double fineEnd = std::max(r.begin, 0.0) + 0.1 * units::s;
  while (e.back() < r.end) {
    const double t = e.back();
    const double step = t < fineEnd ? 1.0 * units::ms : (t < 1.0 * units::s ? 10.0 * units::ms : 100.0 * units::ms);
    const double next = std::min(t + step, r.end);
    if (r.end - next < 1e-6 * step) {
      e.push_back(r.end);
      break;
    }
    e.push_back(next);
  }
  if (e.size() < 2) {
    e.push_back(r.begin + 1.0 * units::ms);
  }
  return e;
}

double SupernovaPrediction::eventsTotal() const {
  double s = 0.0;
  for (double x : eventsDetected) {
    s += x;
  }
  return s;
}

SupernovaPrediction predictSupernova(const SupernovaChannels& channels, const SupernovaPredictionConfig& cfg) {
  require(cfg.source != nullptr, "supernova prediction: no source");
  requirePositive(cfg.distance, "distance", "fm");
  requirePositive(cfg.maxStep, "maximum integration step", "ns");
  const auto& src = *cfg.source;
  const FlavourTransformation transform(cfg.transformation);
  SupernovaPrediction p;
  p.timeEdges = cfg.timeEdges.empty() ? defaultTimeEdges(src) : cfg.timeEdges;
  require(p.timeEdges.size() >= 2, "supernova prediction: need at least one time bin");
  for (std::size_t i = 0; i < p.timeEdges.size(); ++i) {
    if (!std::isfinite(p.timeEdges[i]) || (i > 0 && !(p.timeEdges[i] > p.timeEdges[i - 1]))) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("time bin edges must be finite and increasing (edge {} = {} s)", i, p.timeEdges[i] / units::s));
    }
  }
  const auto& grid = channels.config().energy;
  p.energyEdges = grid.edges();
  const auto centres = grid.centres();
  std::vector<double> logc(centres.size()), widths(centres.size());
  for (std::size_t j = 0; j < centres.size(); ++j) {
    logc[j] = std::log(centres[j]);
    widths[j] = p.energyEdges[j + 1] - p.energyEdges[j];
  }
  const std::size_t nE = centres.size();
  const std::size_t nT = p.timeEdges.size() - 1;
  const auto& chs = channels.channels();
  const std::size_t nC = chs.size();
  p.transformation = transform.description();
  p.countsPerBin.assign(nC, std::vector<double>(nT, 0.0));
  p.totalPerBin.assign(nT, 0.0);
  p.spectrumNu.assign(nC, std::vector<double>(nE, 0.0));
  if (cfg.timeEnergyTable) {
    p.timeEnergy.assign(nT, std::vector<double>(nE, 0.0));
  }
  std::vector<double> interacting(nC, 0.0);
  for (auto& f : p.fluence) {
    f.assign(nE, 0.0);
  }
  const double invArea = 1.0 / (4.0 * constants::kPi * cfg.distance * cfg.distance);
  const auto* sn = dynamic_cast<const SupernovaSource*>(&src);
  const auto emitted = src.flavours();
  std::array<bool, 6> emits{};
  for (Flavour f : emitted) {
    emits[flavourIndex(f)] = true;
  }
  std::array<std::vector<double>, 6> step;
  for (auto& s : step) {
    s.assign(nE, 0.0);
  }
  for (std::size_t b = 0; b < nT; ++b) {
    const double t0 = p.timeEdges[b];
    const double t1 = p.timeEdges[b + 1];
    const auto nSub = sn != nullptr ? static_cast<std::size_t>(std::max(1.0, std::ceil((t1 - t0) / cfg.maxStep))) : 1U;
    for (std::size_t s = 0; s < nSub; ++s) {
      const double s0 = t0 + (t1 - t0) * static_cast<double>(s) / static_cast<double>(nSub);
      const double s1 = t0 + (t1 - t0) * static_cast<double>(s + 1) / static_cast<double>(nSub);
      bool any = false;
      for (std::size_t k = 0; k < 6; ++k) {
        std::fill(step[k].begin(), step[k].end(), 0.0);
        if (!emits[k]) {
          continue;
        }
        const Flavour f = kAllFlavours[k];
        if (sn != nullptr) {
          // flavours sharing the same emission components (the four nu_x) are computed once
          bool copied = false;
          for (std::size_t q = 0; q < k; ++q) {
            if (emits[q] && sn->components(kAllFlavours[q]) == sn->components(f)) {
              step[k] = step[q];
              copied = true;
              break;
            }
          }
          if (!copied) {
            sn->addBinnedEmission(f, s0, s1, centres, logc, widths, step[k]);
          }
        } else {
          const double frac = src.timeFraction(f, {s0, s1});
          if (frac > 0.0) {
            const double n = src.totalNeutrinos(f) * frac;
            const auto spec = src.spectrum(f, {s0, s1});
            if (const auto* c = spec.continuousPart()) {
              for (std::size_t j = 0; j < nE; ++j) {
                step[k][j] += n * spec.continuousWeight() * c->pdf(centres[j]) * widths[j];
              }
            }
            for (const auto& l : spec.lines()) {
              for (std::size_t j = 0; j < nE; ++j) {
                if (l.energy >= p.energyEdges[j] && l.energy < p.energyEdges[j + 1]) {
                  step[k][j] += n * l.weight;
                }
              }
            }
          }
        }
        any = true;
      }
      if (!any) {
        continue;
      }
      for (auto& v : step) {
        for (auto& x : v) {
          x *= invArea;
        }
      }
      transform.applyInPlace(step);
      for (std::size_t k = 0; k < 6; ++k) {
        for (std::size_t j = 0; j < nE; ++j) {
          p.fluence[k][j] += step[k][j];
        }
      }
      for (std::size_t c = 0; c < nC; ++c) {
        const auto& ch = chs[c];
        double binSum = 0.0;
        double inter = 0.0;
        for (std::size_t k = 0; k < 6; ++k) {
          if (ch.sigmaDetected[k].empty()) {
            continue;
          }
          const double* sd = ch.sigmaDetected[k].data();
          const double* si = ch.sigma[k].data();
          const double* fl = step[k].data();
          double* spec = p.spectrumNu[c].data();
          for (std::size_t j = 0; j < nE; ++j) {
            const double r = ch.targets * fl[j] * sd[j];
            spec[j] += r;
            binSum += r;
            inter += fl[j] * si[j];
            if (cfg.timeEnergyTable) {
              p.timeEnergy[b][j] += r;
            }
          }
        }
        p.countsPerBin[c][b] += binSum;
        interacting[c] += ch.targets * inter;
      }
    }
  }
  for (std::size_t c = 0; c < nC; ++c) {
    const auto& ch = chs[c];
    p.channels.push_back(ch.spec.label);
    p.targets.push_back(ch.targets);
    p.notes.push_back(ch.note);
    double sum = 0.0;
    for (std::size_t b = 0; b < nT; ++b) {
      sum += p.countsPerBin[c][b];
      p.totalPerBin[b] += p.countsPerBin[c][b];
    }
    p.eventsDetected.push_back(sum);
    p.eventsInteracting.push_back(interacting[c]);
    p.observedEdges.push_back(ch.observedEdges);
    p.observedQuantity.push_back(ch.observedQuantity);
    std::vector<double> obs(ch.observedEdges.empty() ? 0 : ch.observedEdges.size() - 1, 0.0);
    const std::size_t nObs = obs.size();
    for (std::size_t k = 0; k < 6 && nObs > 0; ++k) {
      if (ch.response[k].empty()) {
        continue;
      }
      for (std::size_t j = 0; j < nE; ++j) {
        const double fl = p.fluence[k][j] * ch.targets;
        if (fl == 0.0) {
          continue;
        }
        const double* r = ch.response[k].data() + j * nObs;
        for (std::size_t o = 0; o < nObs; ++o) {
          obs[o] += fl * r[o];
        }
      }
    }
    p.observedSpectrum.push_back(std::move(obs));
  }
  return p;
}

} // namespace lenu::supernova
