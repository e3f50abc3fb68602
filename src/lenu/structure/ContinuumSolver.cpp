#include "lenu/structure/ContinuumSolver.hpp"

#include <cmath>

#include <fmt/format.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_coulomb.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/GslError.hpp"
#include "lenu/structure/Numerov.hpp"

namespace lenu {

namespace {

/// e^2 = alpha hbar c [MeV fm].
constexpr double kE2 = constants::kAlpha * constants::kHbarC;

void checkField(const MeanField& field) {
  const std::size_t n = field.r.size();
  bool ok = n >= 40 && field.meshStep > 0.0;
  for (const auto& s : field.species) {
    ok = ok && s.B.size() == n && s.U.size() == n && s.W.size() == n && s.bAsymptotic > 0.0;
  }
  if (!ok) throw Error(ErrorCode::InvalidArgument, "MeanField is empty or inconsistent: use HartreeFockResult::meanField");
}

} // namespace

LocalRadialForm localRadialForm(const MeanField& field, Isospin t) {
  checkField(field);
  const auto& sp = field.of(t);
  const double h = field.meshStep;
  const std::size_t n = field.r.size();
  LocalRadialForm p;
  p.bAsymptotic = sp.bAsymptotic;
  p.invB.resize(n);
  p.soB.resize(n);
  p.local.resize(n);
  // B on the mesh index i (r = (i+1) h): even about r = 0 (i = -1 is r = 0, taken as B(h)),
  // B_asym beyond the box.
  auto B = [&](long i) -> double {
    if (i < 0) return sp.B[static_cast<std::size_t>(-i - 2 >= 0 ? -i - 2 : 0)];
    if (static_cast<std::size_t>(i) >= n) return sp.bAsymptotic;
    return sp.B[static_cast<std::size_t>(i)];
  };
  for (std::size_t i = 0; i < n; ++i) {
    const long k = static_cast<long>(i);
    const double r = field.r[i];
    const double b = sp.B[i];
    require(b > 0.0 && std::isfinite(b), fmt::format("MeanField: B(r = {} fm) = {} MeV fm^2 must be > 0", r, b));
    const double b1 = (B(k - 2) - 8.0 * B(k - 1) + 8.0 * B(k + 1) - B(k + 2)) / (12.0 * h);
    const double b2 = (-B(k - 2) + 16.0 * B(k - 1) - 30.0 * b + 16.0 * B(k + 1) - B(k + 2)) / (12.0 * h * h);
    p.invB[i] = 1.0 / b;
    p.soB[i] = sp.W[i] / (r * b);
    p.local[i] = (b1 / r + sp.U[i]) / b + b2 / (2.0 * b) - b1 * b1 / (4.0 * b * b);
  }
  return p;
}

ContinuumSolver::ContinuumSolver(const MeanField& field)
    : m_h(field.meshStep), m_r(field.r), m_zE2(field.Z * kE2),
      m_form{localRadialForm(field, Isospin::Proton), localRadialForm(field, Isospin::Neutron)} {}

ContinuumState ContinuumSolver::state(Isospin t, int l, double j, double energy, double rMax) const {
  if (l < 0 || l > 60 || std::abs(std::abs(j - l) - 0.5) > 1e-9) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("invalid partial wave l = {}, j = {}: accepted 0 <= l <= 60, j = l +- 1/2, j > 0", l, j));
  }
  requirePositive(energy, "continuum energy", "MeV");
  requireInRange(energy, 0.0, 1000.0, "continuum energy", "MeV");
  const double h = m_h;
  const std::size_t n = m_r.size();
  if (rMax < 0.0) rMax = m_r.back();
  requireInRange(rMax, h, 1000.0, "continuum rMax", "fm");
  const LocalRadialForm& p = form(t);
  const double ls = j * (j + 1.0) - l * (l + 1.0) - 0.75; // l.sigma
  const double ll = l * (l + 1.0);
  auto g = [&](std::size_t i) {
    const double r = m_r[i];
    return ll / (r * r) + p.soB[i] * ls + p.local[i] - energy * p.invB[i];
  };
  // Outward Numerov for phi from phi ~ r^(l+1) (structure/Numerov.hpp; the continuum-RPA Green's
  // function, inelastic/ContinuumGreensFunction, starts its regular solution with the same function,
  // so that Im G = -pi u u holds to round-off).
  std::vector<double> phi;
  numerovOutward(l, h, m_r, g, phi);
  ContinuumState cs;
  cs.l = l;
  cs.j = j;
  cs.isospin = t;
  cs.energy = energy;
  cs.k = std::sqrt(energy / p.bAsymptotic);
  // Matching at r_m = r_{n-3} (B = B_asym there): u = phi / sqrt(B), du/dr by fourth-order differences.
  const std::size_t im = n - 3;
  auto u = [&](std::size_t i) { return phi[i] * std::sqrt(p.invB[i]); };
  const double du = (u(im - 2) - 8.0 * u(im - 1) + 8.0 * u(im + 1) - u(im + 2)) / (12.0 * h);
  const double rm = m_r[im];
  const double zE2 = t == Isospin::Proton ? m_zE2 : 0.0;
  const double eta = zE2 / (2.0 * p.bAsymptotic * cs.k);
  gsl::useReturnCodes();
  // F, F', G, G' (derivatives with respect to r) at radius x / k, with GSL's exponent scaling.
  struct Fg {
    double F, Fp, G, Gp, expF, expG;
  };
  auto coulombFG = [&](double x) {
    gsl_sf_result f, fp, gg, gp;
    double eF = 0.0, eG = 0.0;
    const int st = gsl_sf_coulomb_wave_FG_e(eta, x, static_cast<double>(l), 0, &f, &fp, &gg, &gp, &eF, &eG);
    if (st != GSL_SUCCESS && st != GSL_EOVRFLW && st != GSL_EUNDRFLW) {
      gsl::fail(st, "gsl_sf_coulomb_wave_FG_e",
                fmt::format("eta={}, kr={}, l={} (E={} MeV, {})", eta, x, l, energy,
                            t == Isospin::Proton ? "proton" : "neutron"));
    }
    return Fg{f.val, fp.val * cs.k, gg.val, gp.val * cs.k, eF, eG};
  };
  const Fg m = coulombFG(cs.k * rm);
  const int nOut = static_cast<int>(std::floor(rMax / h + 1e-9));
  cs.u.assign(static_cast<std::size_t>(nOut), 0.0);
  if (m.expG > 600.0 || m.expF < -600.0) return cs; // deep under the barrier: no amplitude inside
  const double F = m.F * std::exp(m.expF), Fp = m.Fp * std::exp(m.expF);
  const double G = m.G * std::exp(m.expG), Gp = m.Gp * std::exp(m.expG);
  const double wr = F * Gp - Fp * G; // = -k (Wronskian) up to round-off
  const double a = (u(im) * Gp - du * G) / wr;
  const double b = (F * du - Fp * u(im)) / wr;
  const double amp = std::hypot(a, b);
  // amp = inf: the regular solution at the matching radius is dominated by G_l so strongly (deep
  // under the Coulomb + centrifugal barrier, e.g. a 3 keV proton on 48Ca) that u / amp underflows:
  // no amplitude inside, as in the branch above. NaN or zero is a failure.
  if (std::isinf(amp)) return cs;
  if (!std::isfinite(amp) || !(amp > 0.0)) {
    throw Error(ErrorCode::NotConverged,
                fmt::format("continuum state l = {}, j = {}, E = {} MeV ({}): matching amplitude {} at r = {} fm", l,
                            j, energy, t == Isospin::Proton ? "proton" : "neutron", amp, rm));
  }
  cs.phaseShift = std::atan2(b, a);
  const double cd = a / amp, sd = b / amp;
  for (int i = 0; i < nOut; ++i) {
    const auto k = static_cast<std::size_t>(i);
    if (k < n) {
      cs.u[k] = u(k) / amp;
    } else {
      const Fg o = coulombFG(cs.k * (i + 1) * h);
      cs.u[k] = cd * o.F * std::exp(o.expF) + sd * o.G * std::exp(o.expG);
    }
  }
  return cs;
}

ContinuumState continuumState(const MeanField& field, Isospin isospin, int l, double j, double energy, double rMax) {
  return ContinuumSolver(field).state(isospin, l, j, energy, rMax);
}

} // namespace lenu
