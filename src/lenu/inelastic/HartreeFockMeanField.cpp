#include "lenu/inelastic/HartreeFockMeanField.hpp"

#include <cmath>

#include <fmt/format.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_coulomb.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/GslError.hpp"

namespace lenu::inelastic {

HartreeFockMeanField::HartreeFockMeanField(std::shared_ptr<const HartreeFockResult> result)
    : m_result(std::move(result)) {
  require(m_result != nullptr, "HartreeFockMeanField: null result");
  require(m_result->converged, fmt::format("HartreeFockMeanField: HF for Z={} N={} ({}) did not converge",
                                           m_result->Z, m_result->N, m_result->force));
  for (const auto& s : m_result->states) {
    if (s.energy < 0.0) m_states.push_back(s);
  }
  const auto& mfd = m_result->meanField;
  const double h = mfd.meshStep;
  const std::size_t n = mfd.r.size();
  for (int ti = 0; ti < 2; ++ti) {
    const auto& sp = mfd.species[ti];
    Prepared& p = m_prep[ti];
    p.bAsym = sp.bAsymptotic;
    p.invB.resize(n);
    p.soB.resize(n);
    p.localTerm.resize(n);
    auto B = [&](long i) -> double {
      if (i < 0) return sp.B[static_cast<std::size_t>(-i - 2 >= 0 ? -i - 2 : 0)]; // even extension about r = 0
      if (static_cast<std::size_t>(i) >= n) return sp.bAsymptotic;
      return sp.B[static_cast<std::size_t>(i)];
    };
    for (std::size_t i = 0; i < n; ++i) {
      const long k = static_cast<long>(i);
      const double r = mfd.r[i];
      const double b = sp.B[i];
      const double b1 = (B(k - 2) - 8.0 * B(k - 1) + 8.0 * B(k + 1) - B(k + 2)) / (12.0 * h);
      const double b2 = (-B(k - 2) + 16.0 * B(k - 1) - 30.0 * b + 16.0 * B(k + 1) - B(k + 2)) / (12.0 * h * h);
      p.invB[i] = 1.0 / b;
      p.soB[i] = sp.W[i] / (r * b);
      p.localTerm[i] = (b1 / r + sp.U[i]) / b + b2 / (2.0 * b) - b1 * b1 / (4.0 * b * b);
    }
  }
}

ContinuumState HartreeFockMeanField::referenceContinuumState(Isospin t, int l, double j, double energy) const {
  return lenu::continuumState(m_result->meanField, t, l, j, energy);
}

std::shared_ptr<HartreeFockMeanField> HartreeFockMeanField::solve(const HartreeFockSolver& solver, int Z, int N) {
  auto res = std::make_shared<HartreeFockResult>(solver.solve(Z, N));
  return std::make_shared<HartreeFockMeanField>(std::move(res));
}

ContinuumState HartreeFockMeanField::continuumState(Isospin t, int l, double j, double energy) const {
  requirePositive(energy, "continuum energy", "MeV");
  const auto& mfd = m_result->meanField;
  const Prepared& p = m_prep[t == Isospin::Proton ? 0 : 1];
  const double h = mfd.meshStep;
  const std::size_t n = mfd.r.size();
  const double ls = j * (j + 1.0) - l * (l + 1.0) - 0.75; // l.sigma
  const double ll = l * (l + 1.0);
  auto g = [&](std::size_t i) {
    const double r = mfd.r[i];
    return ll / (r * r) + p.soB[i] * ls + p.localTerm[i] - energy * p.invB[i];
  };
  std::vector<double> phi(n, 0.0);
  const double h12 = h * h / 12.0;
  std::size_t i0 = l <= 2 ? 0 : static_cast<std::size_t>(std::ceil(std::sqrt(ll / 6.0)));
  if (i0 + 3 >= n) i0 = 0;
  double uPrev, uCur, wPrev, wCur, gCur;
  std::size_t start;
  if (i0 == 0) {
    uPrev = 0.0; wPrev = 0.0;
    uCur = std::pow(h, l + 1); gCur = g(0); wCur = (1.0 - h12 * gCur) * uCur;
    phi[0] = uCur;
    start = 1;
  } else {
    const double r0 = mfd.r[i0], r1 = mfd.r[i0 + 1];
    uPrev = 1e-20; uCur = 1e-20 * std::pow(r1 / r0, l + 1);
    wPrev = (1.0 - h12 * g(i0)) * uPrev;
    gCur = g(i0 + 1);
    wCur = (1.0 - h12 * gCur) * uCur;
    phi[i0] = uPrev; phi[i0 + 1] = uCur;
    start = i0 + 2;
  }
  for (std::size_t i = start; i < n; ++i) {
    const double wNext = 2.0 * wCur - wPrev + h * h * gCur * uCur;
    const double gNext = g(i);
    const double uNext = wNext / (1.0 - h12 * gNext);
    phi[i] = uNext;
    wPrev = wCur; wCur = wNext; uCur = uNext; gCur = gNext;
    if (std::abs(uCur) > 1e100) {
      for (std::size_t k = 0; k <= i; ++k) phi[k] *= 1e-100;
      wPrev *= 1e-100; wCur *= 1e-100; uCur *= 1e-100;
    }
  }
  ContinuumState cs;
  cs.l = l;
  cs.j = j;
  cs.isospin = t;
  cs.energy = energy;
  cs.k = std::sqrt(energy / p.bAsym);
  // u = phi / sqrt(B); near the box edge B = B_asym.
  const std::size_t im = n - 3;
  const double sb = std::sqrt(p.bAsym);
  auto u = [&](std::size_t i) { return phi[i] * std::sqrt(p.invB[i]) ; };
  const double du = (u(im - 2) - 8.0 * u(im - 1) + 8.0 * u(im + 1) - u(im + 2)) / (12.0 * h);
  const double rm = mfd.r[im];
  const double eta = t == Isospin::Proton ? mfd.coulombTail(t, rm) * rm / (2.0 * p.bAsym * cs.k) : 0.0;
  gsl_sf_result f, fp, gg, gp;
  double eF = 0.0, eG = 0.0;
  gsl::useReturnCodes();
  const int st = gsl_sf_coulomb_wave_FG_e(eta, cs.k * rm, l, 0, &f, &fp, &gg, &gp, &eF, &eG);
  if (st != GSL_SUCCESS && st != GSL_EOVRFLW && st != GSL_EUNDRFLW) {
    throw Error(ErrorCode::NotConverged, fmt::format("Coulomb functions failed: eta={}, kr={}, l={}: {}", eta, cs.k * rm, l, gsl_strerror(st)));
  }
  cs.u.assign(n, 0.0);
  if (eG > 600.0 || eF < -600.0) return cs; // deep under the barrier: no amplitude inside (u = 0)
  const double F = f.val * std::exp(eF), Fp = fp.val * std::exp(eF) * cs.k;
  const double G = gg.val * std::exp(eG), Gp = gp.val * std::exp(eG) * cs.k;
  const double wr = F * Gp - Fp * G;
  const double a = (u(im) * Gp - du * G) / wr;
  const double b = (F * du - Fp * u(im)) / wr;
  const double amp = std::hypot(a, b);
  (void)sb;
  if (!std::isfinite(amp) || !(amp > 0.0)) return cs;
  cs.phaseShift = std::atan2(b, a);
  cs.u.resize(n);
  for (std::size_t i = 0; i < n; ++i) cs.u[i] = u(i) / amp;
  return cs;
}

std::string HartreeFockMeanField::description() const {
  return fmt::format("Skyrme Hartree-Fock ({}) Z={} N={}, binding {:.3f} MeV, h={} fm, box {} fm", m_result->force,
                     m_result->Z, m_result->N, m_result->bindingEnergy, m_result->meanField.meshStep,
                     m_result->meanField.r.empty() ? 0.0 : m_result->meanField.r.back());
}

} // namespace lenu::inelastic
