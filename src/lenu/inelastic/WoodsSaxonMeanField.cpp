#include "lenu/inelastic/WoodsSaxonMeanField.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_coulomb.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/GslError.hpp"

namespace lenu::inelastic {

namespace {
constexpr double kNucleonMass = 0.5 * (constants::kMassProton + constants::kMassNeutron);
} // namespace

std::string orbitalLabel(int nodes, int l, double j) {
  static const char* kL = "spdfghijklmno";
  const char lc = l < 13 ? kL[l] : '?';
  return fmt::format("{}{}{}/2", nodes + 1, lc, static_cast<int>(std::lround(2.0 * j)));
}

WoodsSaxonMeanField::WoodsSaxonMeanField(WoodsSaxonConfig cfg) : m_cfg(cfg) {
  require(m_cfg.Z >= 1 && m_cfg.N >= 1, fmt::format("WoodsSaxonConfig: Z = {}, N = {} must be >= 1", m_cfg.Z, m_cfg.N));
  requirePositive(m_cfg.V0, "WoodsSaxonConfig.V0", "MeV");
  requirePositive(m_cfg.r0, "WoodsSaxonConfig.r0", "fm");
  requirePositive(m_cfg.a, "WoodsSaxonConfig.a", "fm");
  requireInRange(m_cfg.meshStep, 1e-3, 0.5, "WoodsSaxonConfig.meshStep", "fm");
  const double R = m_cfg.r0 * std::cbrt(static_cast<double>(A()));
  require(m_cfg.rMax > R + 10.0 * m_cfg.a,
          fmt::format("WoodsSaxonConfig.rMax = {} fm must exceed R + 10 a = {} fm", m_cfg.rMax, R + 10.0 * m_cfg.a));
  m_n = static_cast<std::size_t>(std::floor(m_cfg.rMax / m_cfg.meshStep));
  for (int ti = 0; ti < 2; ++ti) {
    const Isospin t = ti == 0 ? Isospin::Proton : Isospin::Neutron;
    m_central[ti].resize(m_n);
    m_spinOrbit[ti].resize(m_n);
    for (std::size_t i = 0; i < m_n; ++i) {
      const double r = static_cast<double>(i + 1) * m_cfg.meshStep;
      // l = 1: j = 3/2 has <l.s> = 1/2, j = 1/2 has -1: separate the two parts.
      const double up = potential(t, 1, 1.5, r), dn = potential(t, 1, 0.5, r);
      m_spinOrbit[ti][i] = (up - dn) / 1.5;
      m_central[ti][i] = up - 0.5 * m_spinOrbit[ti][i];
    }
  }
  solveBound(Isospin::Neutron);
  solveBound(Isospin::Proton);
  fillOccupations(Isospin::Neutron, m_cfg.N);
  fillOccupations(Isospin::Proton, m_cfg.Z);
}

double WoodsSaxonMeanField::hbar2Over2m(Isospin) const {
  return constants::kHbarC * constants::kHbarC / (2.0 * kNucleonMass);
}

double WoodsSaxonMeanField::potential(Isospin t, int l, double j, double r) const {
  const double A = static_cast<double>(this->A());
  const double R = m_cfg.r0 * std::cbrt(A);
  const double asym = static_cast<double>(m_cfg.N - m_cfg.Z) / A;
  const double Vt = -m_cfg.V0 + (t == Isospin::Neutron ? 1.0 : -1.0) * m_cfg.V1 * asym;
  const double x = (r - R) / m_cfg.a;
  const double f = x > 50.0 ? 0.0 : 1.0 / (1.0 + std::exp(x));
  const double dfdr = -f * (1.0 - f) / m_cfg.a;
  const double ls = 0.5 * (j * (j + 1.0) - l * (l + 1.0) - 0.75);
  // Spin-orbit: -lambda V_t r0^2 (1/r) df/dr <l.s>; with V_t < 0 and df/dr < 0 it lowers j = l+1/2.
  double U = Vt * f - m_cfg.lambdaLs * Vt * m_cfg.r0 * m_cfg.r0 * dfdr / r * ls;
  if (t == Isospin::Proton) {
    const double zae = m_cfg.Z * constants::kAlpha * constants::kHbarC;
    U += r < R ? zae * (3.0 - r * r / (R * R)) / (2.0 * R) : zae / r;
  }
  return U;
}

int WoodsSaxonMeanField::integrateOutward(Isospin t, int l, double j, double e, std::vector<double>& u) const {
  const double h = m_cfg.meshStep;
  const double c = 1.0 / hbar2Over2m(t);
  u.assign(m_n, 0.0);
  const int ti = t == Isospin::Proton ? 0 : 1;
  const double ls = 0.5 * (j * (j + 1.0) - l * (l + 1.0) - 0.75);
  const auto& vc = m_central[ti];
  const auto& vs = m_spinOrbit[ti];
  auto gAt = [&](std::size_t i) {
    const double r = static_cast<double>(i + 1) * h;
    return l * (l + 1.0) / (r * r) + c * (vc[i] + ls * vs[i] - e);
  };
  auto g = [&](double r) { return gAt(static_cast<std::size_t>(std::lround(r / h)) - 1); };
  const double h12 = h * h / 12.0;
  // Start where Numerov is stable against the centrifugal term (h^2 g / 12 < 1/2), with the
  // regular power law u ~ r^(l+1) on two points; u = 0 closer to the origin.
  std::size_t i0 = l <= 2 ? 0 : static_cast<std::size_t>(std::ceil(std::sqrt(l * (l + 1.0) / 6.0)));
  if (i0 + 2 >= m_n) i0 = 0;
  const double r0 = static_cast<double>(i0 + 1) * h;
  const double r1 = r0 + h;
  double uPrev = 1e-20;
  double uCur = 1e-20 * std::pow(r1 / r0, l + 1);
  u[i0] = uPrev;
  u[i0 + 1] = uCur;
  double gPrev = g(r0);
  double gCur = g(r1);
  double wPrev = (1.0 - h12 * gPrev) * uPrev;
  double wCur = (1.0 - h12 * gCur) * uCur;
  if (i0 == 0) { // from the origin: w(0) = 0 is exact
    wPrev = 0.0;
    uCur = uPrev;
    gCur = gPrev;
    wCur = (1.0 - h12 * gCur) * uCur;
    u[1] = 0.0;
  }
  int nodes = 0;
  const std::size_t start = i0 == 0 ? 1 : i0 + 2;
  for (std::size_t i = start; i < m_n; ++i) {
    const double wNext = 2.0 * wCur - wPrev + h * h * gCur * uCur;
    const double r = static_cast<double>(i + 1) * h;
    const double gNext = g(r);
    const double uNext = wNext / (1.0 - h12 * gNext);
    if ((uNext < 0.0) != (uCur < 0.0) && uNext != 0.0) ++nodes;
    u[i] = uNext;
    wPrev = wCur;
    wCur = wNext;
    uCur = uNext;
    gCur = gNext;
    if (std::abs(uCur) > 1e100) { // rescale to avoid overflow in forbidden regions
      for (std::size_t k = 0; k <= i; ++k) u[k] *= 1e-100;
      wPrev *= 1e-100;
      wCur *= 1e-100;
      uCur *= 1e-100;
    }
  }
  return nodes;
}

void WoodsSaxonMeanField::solveBound(Isospin t) {
  const double h = m_cfg.meshStep;
  std::vector<double> u;
  for (int l = 0; l <= static_cast<int>(m_cfg.lMaxBound); ++l) {
    for (double j : {l + 0.5, l - 0.5}) {
      if (j < 0.0) continue;
      const int count = integrateOutward(t, l, j, -1e-7, u);
      double eLow = -m_cfg.V0 - m_cfg.V1 - 30.0;
      for (int n = 0; n < count; ++n) {
        double lo = eLow, hi = -1e-7;
        for (int it = 0; it < 200 && hi - lo > 1e-11; ++it) {
          const double mid = 0.5 * (lo + hi);
          if (integrateOutward(t, l, j, mid, u) >= n + 1) hi = mid; else lo = mid;
        }
        const double e = 0.5 * (lo + hi);
        integrateOutward(t, l, j, e, u);
        // Outer classical turning point for matching.
        const double c = 1.0 / hbar2Over2m(t);
        std::size_t im = m_n / 2;
        for (std::size_t i = m_n - 1; i > 2; --i) {
          const double r = static_cast<double>(i + 1) * h;
          if (l * (l + 1.0) / (r * r) + c * (potential(t, l, j, r) - e) < 0.0) { im = i; break; }
        }
        // Inward Numerov from rMax with a decaying start, matched at im.
        std::vector<double> v(m_n, 0.0);
        auto g = [&](std::size_t i) {
          const double r = static_cast<double>(i + 1) * h;
          return l * (l + 1.0) / (r * r) + c * (potential(t, l, j, r) - e);
        };
        const double kappa = std::sqrt(std::max(-c * e, 1e-12));
        v[m_n - 1] = 1e-30;
        v[m_n - 2] = 1e-30 * std::exp(kappa * h);
        const double h12 = h * h / 12.0;
        for (std::size_t i = m_n - 2; i > im; --i) {
          const double w1 = (1.0 - h12 * g(i)) * v[i];
          const double w2 = (1.0 - h12 * g(i + 1)) * v[i + 1];
          const double w0 = 2.0 * w1 - w2 + h * h * g(i) * v[i];
          v[i - 1] = w0 / (1.0 - h12 * g(i - 1));
          if (std::abs(v[i - 1]) > 1e100) {
            for (std::size_t k = i - 1; k < m_n; ++k) v[k] *= 1e-100;
          }
        }
        const double scale = u[im] / v[im];
        for (std::size_t i = im + 1; i < m_n; ++i) u[i] = v[i] * scale;
        double norm = 0.0;
        for (std::size_t i = 0; i < m_n; ++i) norm += u[i] * u[i];
        norm = std::sqrt(norm * h);
        int sign = 1;
        for (std::size_t i = 0; i < m_n; ++i) if (u[i] != 0.0) { sign = u[i] > 0 ? 1 : -1; break; }
        SingleParticleState s;
        s.n = n;
        s.l = l;
        s.j = j;
        s.isospin = t;
        s.energy = e;
        s.occupation = 0.0;
        s.u.resize(m_n);
        for (std::size_t i = 0; i < m_n; ++i) s.u[i] = sign * u[i] / norm;
        m_bound.push_back(std::move(s));
        eLow = e;
      }
    }
  }
}

void WoodsSaxonMeanField::fillOccupations(Isospin t, int count) {
  std::vector<SingleParticleState*> states;
  for (auto& s : m_bound) if (s.isospin == t) states.push_back(&s);
  std::sort(states.begin(), states.end(), [](auto* a, auto* b) { return a->energy < b->energy; });
  double left = count;
  for (auto* s : states) {
    const double d = s->degeneracy();
    const double take = std::min(left, d);
    s->occupation = take / d;
    left -= take;
  }
  if (left > 1e-9) {
    throw Error(ErrorCode::NotSupported,
                fmt::format("Woods-Saxon field for Z={}, N={}: only {} bound {} levels, {} nucleons left unplaced",
                            m_cfg.Z, m_cfg.N, states.size(), t == Isospin::Proton ? "proton" : "neutron", left));
  }
}

ContinuumState WoodsSaxonMeanField::continuumState(Isospin t, int l, double j, double energy) const {
  requirePositive(energy, "continuum energy", "MeV");
  ContinuumState cs;
  cs.l = l;
  cs.j = j;
  cs.isospin = t;
  cs.energy = energy;
  cs.k = std::sqrt(energy / hbar2Over2m(t));
  std::vector<double> u;
  integrateOutward(t, l, j, energy, u);
  const double h = m_cfg.meshStep;
  // Match u and u' (5-point derivative) to F, G at r_m = r_(n-3).
  const std::size_t im = m_n - 3;
  const double rm = static_cast<double>(im + 1) * h;
  const double du = (u[im - 2] - 8.0 * u[im - 1] + 8.0 * u[im + 1] - u[im + 2]) / (12.0 * h);
  const double eta = t == Isospin::Proton
      ? m_cfg.Z * constants::kAlpha * constants::kHbarC / (2.0 * hbar2Over2m(t) * cs.k)
      : 0.0;
  gsl_sf_result f, fp, g, gp;
  double eF = 0.0, eG = 0.0;
  gsl::useReturnCodes();
  const int st = gsl_sf_coulomb_wave_FG_e(eta, cs.k * rm, l, 0, &f, &fp, &g, &gp, &eF, &eG);
  if (st != GSL_SUCCESS && st != GSL_EOVRFLW && st != GSL_EUNDRFLW) {
    throw Error(ErrorCode::NotConverged, fmt::format("Coulomb functions failed: eta={}, kr={}, l={}: {}", eta, cs.k * rm, l, gsl_strerror(st)));
  }
  cs.u.assign(m_n, 0.0);
  if (eG > 600.0 || eF < -600.0) return cs; // deep under the barrier: no amplitude inside (u = 0)
  const double F = f.val * std::exp(eF), Fp = fp.val * std::exp(eF) * cs.k;
  const double G = g.val * std::exp(eG), Gp = gp.val * std::exp(eG) * cs.k;
  // u = a F + b G, u' = a F' + b G'; Wronskian F G' - F' G = k.
  const double wr = F * Gp - Fp * G;
  const double a = (u[im] * Gp - du * G) / wr;
  const double b = (F * du - Fp * u[im]) / wr;
  const double amp = std::hypot(a, b);
  if (!std::isfinite(amp) || !(amp > 0.0)) return cs;
  cs.phaseShift = std::atan2(b, a);
  cs.u.resize(m_n);
  for (std::size_t i = 0; i < m_n; ++i) cs.u[i] = u[i] / amp;
  return cs;
}

std::string WoodsSaxonMeanField::description() const {
  return fmt::format("Woods-Saxon (Bohr-Mottelson) Z={} N={}: V0={} MeV, V1={} MeV, r0={} fm, a={} fm, "
                     "lambda_ls={}, h={} fm, rMax={} fm",
                     m_cfg.Z, m_cfg.N, m_cfg.V0, m_cfg.V1, m_cfg.r0, m_cfg.a, m_cfg.lambdaLs, m_cfg.meshStep, m_cfg.rMax);
}

} // namespace lenu::inelastic
