#include "lenu/inelastic/SumRules.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Integrate.hpp"
#include "lenu/inelastic/HartreeFockMeanField.hpp"
#include "lenu/inelastic/MeanFieldStrength.hpp"

namespace lenu::inelastic {

namespace {
constexpr double kPi = constants::kPi;
}

void MomentConfig::validate() const {
  require(std::isfinite(eMin) && std::isfinite(eMax) && eMax > eMin,
          fmt::format("MomentConfig: range [{}, {}] MeV must be finite with eMax > eMin", eMin, eMax));
  require(std::isfinite(eta) && eta >= 0.0 && eta <= 20.0, fmt::format("MomentConfig.eta = {} MeV outside [0, 20]", eta));
  require(std::isfinite(panel) && panel > 0.0 && panel <= 20.0, fmt::format("MomentConfig.panel = {} MeV outside (0, 20]", panel));
  require(nodes >= 2 && nodes <= 64, fmt::format("MomentConfig.nodes = {} outside [2, 64]", nodes));
}

StrengthMoments strengthMoments(const OperatorStrength& model, const std::vector<LocalOperator>& components,
                                const MomentConfig& cfg) {
  cfg.validate();
  StrengthMoments m;
  for (const auto& op : components) {
    if (cfg.eta == 0.0) {
      for (const auto& l : model.lines(op)) {
        if (l.energy < cfg.eMin || l.energy > cfg.eMax) continue;
        m.m0 += l.strength;
        m.m1 += l.energy * l.strength;
        m.m0Lines += l.strength;
        m.m1Lines += l.energy * l.strength;
        if (l.energy > 0.0) m.mMinus1 += l.strength / l.energy;
      }
    }
    // Panels: break at the model's kinks, the continuum threshold (eta = 0) and cfg's points.
    const double lo = cfg.eta == 0.0 ? std::max(cfg.eMin, model.continuumThreshold(op)) : cfg.eMin;
    if (!(lo < cfg.eMax)) continue;
    std::vector<double> cuts = {lo, cfg.eMax};
    for (double b : cfg.breakPoints) cuts.push_back(b);
    if (const auto* mf = dynamic_cast<const MeanFieldStrength*>(&model)) {
      if (cfg.eta == 0.0) for (double b : mf->breakPoints(op)) cuts.push_back(b);
    }
    if (cfg.eta == 0.0 || lo < 0.0) cuts.push_back(0.0);
    std::sort(cuts.begin(), cuts.end());
    std::vector<double> ends;
    for (double c : cuts)
      if (c >= lo && c <= cfg.eMax && (ends.empty() || c > ends.back() + 1e-9)) ends.push_back(c);
    for (std::size_t s = 0; s + 1 < ends.size(); ++s) {
      const double a = ends[s], b = ends[s + 1];
      const int np = std::max(1, static_cast<int>(std::ceil((b - a) / cfg.panel - 1e-9)));
      const double w = (b - a) / np;
      for (int p = 0; p < np; ++p) {
        const GaussLegendre g(static_cast<std::size_t>(cfg.nodes), a + p * w, a + (p + 1) * w);
        for (std::size_t k = 0; k < g.x.size(); ++k) {
          const double e = g.x[k];
          const double sd = model.strengthDensity(op, e, cfg.eta) * g.w[k];
          m.m0 += sd;
          m.m1 += e * sd;
          if (e > 0.0) m.mMinus1 += sd / e;
        }
      }
    }
  }
  return m;
}

std::vector<StrengthLine> combinedLines(const OperatorStrength& model, const std::vector<LocalOperator>& components) {
  std::vector<StrengthLine> all;
  for (const auto& op : components) {
    for (const auto& l : model.lines(op)) {
      bool merged = false;
      for (auto& a : all)
        if (a.label == l.label && std::abs(a.energy - l.energy) < 1e-3) { a.strength += l.strength; merged = true; break; }
      if (!merged) all.push_back(l);
    }
  }
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.energy < b.energy; });
  return all;
}

double GroundStateDensities::moment(int k, bool protons, bool neutrons) const {
  double s = 0.0;
  for (std::size_t i = 0; i < r.size(); ++i) {
    const double rho = (protons ? rhoP[i] : 0.0) + (neutrons ? rhoN[i] : 0.0);
    s += rho * std::pow(r[i], k + 2);
  }
  const double h = r.size() > 1 ? r[1] - r[0] : 0.0;
  return 4.0 * kPi * s * h;
}

double GroundStateDensities::meanSquareRadius() const { return moment(2, true, true) / moment(0, true, true); }

GroundStateDensities groundStateDensities(const MeanFieldSpectrum& field) {
  GroundStateDensities d;
  const std::size_t n = field.meshSize();
  const double h = field.meshStep();
  d.Z = field.Z();
  d.N = field.A() - field.Z();
  d.r.resize(n);
  d.rhoP.assign(n, 0.0);
  d.rhoN.assign(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) d.r[i] = static_cast<double>(i + 1) * h;
  for (const auto& s : field.boundStates()) {
    if (s.occupation <= 0.0) continue;
    auto& rho = s.isospin == Isospin::Proton ? d.rhoP : d.rhoN;
    const double w = s.occupation * (2.0 * s.j + 1.0) / (4.0 * kPi);
    for (std::size_t i = 0; i < std::min(n, s.u.size()); ++i) rho[i] += w * s.u[i] * s.u[i] / (d.r[i] * d.r[i]);
  }
  d.hbar2Over2m = 0.5 * (field.hbar2Over2m(Isospin::Proton) + field.hbar2Over2m(Isospin::Neutron));
  if (const auto* hf = dynamic_cast<const HartreeFockMeanField*>(&field)) {
    const auto& mfp = hf->result().meanField.of(Isospin::Proton);
    const auto& mfn = hf->result().meanField.of(Isospin::Neutron);
    d.kineticP.assign(mfp.B.begin(), mfp.B.begin() + static_cast<long>(std::min(n, mfp.B.size())));
    d.kineticN.assign(mfn.B.begin(), mfn.B.begin() + static_cast<long>(std::min(n, mfn.B.size())));
    d.kineticP.resize(n, mfp.bAsymptotic);
    d.kineticN.resize(n, mfn.bAsymptotic);
  } else {
    d.kineticP.assign(n, field.hbar2Over2m(Isospin::Proton));
    d.kineticN.assign(n, field.hbar2Over2m(Isospin::Neutron));
  }
  return d;
}

double doubleCommutatorM1(const LocalOperator& op, const GroundStateDensities& d, bool meanFieldMass, double b1) {
  require(op.S == 0 && (op.isospin == IsospinOperator::Isoscalar || op.isospin == IsospinOperator::Isovector),
          fmt::format("doubleCommutatorM1: operator '{}' must be spin-independent and isospin-conserving", op.name));
  require(static_cast<bool>(op.radial), "doubleCommutatorM1: operator without radial function");
  const std::size_t n = d.r.size();
  require(n > 4, "doubleCommutatorM1: density mesh too small");
  const double h = d.r[1] - d.r[0];
  const double en = op.charge(true), ep = op.charge(false);
  const double L = op.L;
  double sum = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double r = d.r[i];
    const double f = op.radial(r);
    const double dr = 1e-4 * std::max(1.0, r);
    const double fp = (op.radial(r + dr) - op.radial(r - dr)) / (2.0 * dr);
    const double G = (2.0 * L + 1.0) / (4.0 * kPi) * (fp * fp + L * (L + 1.0) * f * f / (r * r));
    const double bp = meanFieldMass ? d.kineticP[i] : d.hbar2Over2m;
    const double bn = meanFieldMass ? d.kineticN[i] : d.hbar2Over2m;
    const double val = ep * ep * bp * d.rhoP[i] + en * en * bn * d.rhoN[i] + b1 * (en - ep) * (en - ep) * d.rhoN[i] * d.rhoP[i];
    sum += val * G * r * r;
  }
  return 4.0 * kPi * sum * h;
}

double trkEnhancement(const GroundStateDensities& d, double b1) {
  const double A = d.Z + d.N, NZ = static_cast<double>(d.N) * d.Z;
  require(NZ > 0.0, "trkEnhancement: needs N, Z > 0");
  double s = 0.0;
  for (std::size_t i = 0; i < d.r.size(); ++i) s += d.rhoN[i] * d.rhoP[i] * d.r[i] * d.r[i];
  const double h = d.r.size() > 1 ? d.r[1] - d.r[0] : 0.0;
  return b1 / d.hbar2Over2m * (A / NZ) * 4.0 * kPi * s * h;
}

double trkSumRule(int Z, int N, double hbar2Over2m, double kappa) {
  const double A = Z + N;
  return 9.0 / (4.0 * kPi) * hbar2Over2m * static_cast<double>(N) * Z / A * (1.0 + kappa);
}

double isoscalarEwsr(int L, int A, double rPower, double hbar2Over2m) {
  require(L >= 0, fmt::format("isoscalarEwsr: L = {} must be >= 0", L));
  if (L == 0) return hbar2Over2m * 4.0 / (4.0 * kPi) * A * rPower;
  return hbar2Over2m * L * (2.0 * L + 1.0) * (2.0 * L + 1.0) / (4.0 * kPi) * A * rPower;
}

double meanFieldClosureM0(const MeanFieldSpectrum& field, const LocalOperator& op) {
  require(static_cast<bool>(op.radial), "meanFieldClosureM0: operator without radial function");
  const double h = field.meshStep();
  const std::size_t n = field.meshSize();
  std::vector<double> f(n);
  for (std::size_t i = 0; i < n; ++i) f[i] = op.radial(static_cast<double>(i + 1) * h);
  const bool cons = op.isospin == IsospinOperator::Isoscalar || op.isospin == IsospinOperator::Isovector;
  auto isHole = [&](Isospin t) {
    return cons || (op.isospin == IsospinOperator::Minus ? t == Isospin::Neutron : t == Isospin::Proton);
  };
  auto partT = [&](Isospin t) {
    return cons ? t : (op.isospin == IsospinOperator::Minus ? Isospin::Proton : Isospin::Neutron);
  };
  // Closure per hole: sum over all particle states of |<p||F_J||h>|^2 = sum_{l_p j_p} (angular)^2
  // \int f^2 u_h^2 dr (radial completeness in each partial wave); minus what the strength
  // excludes (occupied particles, weight v_h^2 v_p^2; the diagonal p = h, weight v_h^2).
  double total = 0.0;
  const auto& bound = field.boundStates();
  for (const auto& hs : bound) {
    if (!isHole(hs.isospin) || hs.occupation <= 0.0) continue;
    const double e = op.charge(hs.isospin == Isospin::Neutron);
    double f2 = 0.0;
    for (std::size_t i = 0; i < std::min(n, hs.u.size()); ++i) f2 += hs.u[i] * hs.u[i] * f[i] * f[i];
    f2 *= h;
    // Angular closure for this J: sum over all (l_p, j_p) of the squared angular factor.
    double ang2 = 0.0;
    for (int lp = std::abs(hs.l - op.L); lp <= hs.l + op.L; ++lp)
      for (double jp : {lp + 0.5, lp - 0.5})
        if (jp > 0.0) {
          const double a = reducedSpinAngular(lp, jp, hs.l, hs.j, op.L, op.S, op.J);
          ang2 += a * a;
        }
    total += hs.occupation * e * e * ang2 * f2;
    // Pauli blocking and excluded diagonal terms.
    for (const auto& p : bound) {
      if (p.isospin != partT(hs.isospin)) continue;
      const double a = reducedSpinAngular(p.l, p.j, hs.l, hs.j, op.L, op.S, op.J);
      if (a == 0.0) continue;
      double ov = 0.0;
      for (std::size_t i = 0; i < std::min({n, hs.u.size(), p.u.size()}); ++i) ov += p.u[i] * f[i] * hs.u[i];
      const double me = e * a * ov * h;
      const double w = (cons && &p == &hs) ? hs.occupation : hs.occupation * p.occupation;
      total -= w * me * me;
    }
  }
  return total;
}

std::vector<SumRuleCheck> checkSumRules(const OperatorStrength& model, const SumRuleInputs& in,
                                        const std::vector<std::string>& which, const MomentConfig& cfg) {
  std::vector<SumRuleCheck> out;
  const auto& d = in.densities;
  const int Z = d.Z, N = d.N;
  const double r2 = d.meanSquareRadius();
  for (const auto& name : which) {
    if (name == "IS0" || name == "IS1" || name == "IS2" || name == "IV1") {
      const NamedOperator op = standardOperator(name, Z, N, r2);
      SumRuleCheck c;
      c.name = name + " m1";
      c.unit = fmt::format("{} MeV", op.strengthUnit.substr(0, op.strengthUnit.find('/')));
      c.model = strengthMoments(model, op.components, cfg).m1;
      c.reference = doubleCommutatorM1(op.components.front(), d, in.meanFieldMass, in.meanFieldMass ? 0.0 : in.b1);
      out.push_back(c);
    } else if (name == "F" || name == "GT" || name == "SD") {
      const NamedOperator minus = standardOperator(name, Z, N, r2);
      const NamedOperator plus = standardOperator(name + "+", Z, N, r2);
      SumRuleCheck c;
      c.name = name + " S- - S+";
      c.unit = minus.strengthUnit.substr(0, minus.strengthUnit.find('/'));
      MomentConfig wide = cfg;
      wide.eMin = std::min(cfg.eMin, -50.0); // charge-exchange energies may be negative
      c.model = strengthMoments(model, minus.components, wide).m0 - strengthMoments(model, plus.components, wide).m0;
      const double nz = N - Z;
      c.reference = name == "F" ? nz : name == "GT" ? 3.0 * nz
                                                     : 9.0 / (4.0 * kPi) * (d.moment(2, false, true) - d.moment(2, true, false));
      out.push_back(c);
    } else {
      throw Error(ErrorCode::InvalidArgument, fmt::format("checkSumRules: unknown sum rule '{}': use IS0, IS1, IS2, IV1, F, GT, SD", name));
    }
  }
  return out;
}

} // namespace lenu::inelastic
