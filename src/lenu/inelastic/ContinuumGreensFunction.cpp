#include "lenu/inelastic/ContinuumGreensFunction.hpp"

#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/structure/Numerov.hpp"

namespace lenu::inelastic {

using cd = std::complex<double>;

ContinuumGreensFunction::ContinuumGreensFunction(const MeanField& field, Isospin species)
    : m_field(&field), m_t(species), m_h(field.meshStep), m_r(field.r) {
  require(m_r.size() > 10 && field.of(species).B.size() == m_r.size(), "ContinuumGreensFunction: mean field without mesh");
  m_zCoulomb = species == Isospin::Proton ? field.coulombTail(species, 1.0) : 0.0;
  // The local form of lenu::ContinuumSolver (B even about r = 0, B = B_asym beyond the box).
  m_form = localRadialForm(field, species);
}

cd ContinuumGreensFunction::outgoingLogDerivative(int l, cd eta, cd rho) {
  const cd I(0.0, 1.0);
  const cd a = I * eta - static_cast<double>(l);
  const cd b = I * eta + static_cast<double>(l) + 1.0;
  // Modified Lentz evaluation of a1/(b1 + a2/(b2 + ...)), a_n = (a+n-1)(b+n-1), b_n = 2(rho - eta + n i).
  constexpr double tiny = 1e-300;
  cd f = tiny, C = f, D = 0.0;
  bool done = false;
  for (int n = 1; n <= 200000; ++n) {
    const cd an = (a + static_cast<double>(n - 1)) * (b + static_cast<double>(n - 1));
    const cd bn = 2.0 * (rho - eta + static_cast<double>(n) * I);
    D = bn + an * D;
    if (std::abs(D) < tiny) D = tiny;
    C = bn + an / C;
    if (std::abs(C) < tiny) C = tiny;
    D = 1.0 / D;
    const cd delta = C * D;
    f *= delta;
    if (std::abs(an) == 0.0 || std::abs(delta - 1.0) < 1e-15) { done = true; break; }
  }
  if (!done) {
    throw Error(ErrorCode::NotConverged,
                fmt::format("Coulomb-Hankel CF2 did not converge: l={}, eta=({}, {}), rho=({}, {})", l, eta.real(),
                            eta.imag(), rho.real(), rho.imag()));
  }
  return I * (1.0 - eta / rho) + (I / rho) * f;
}

GreensFunctionSolution ContinuumGreensFunction::solve(int l, double j, cd energy) const {
  require(energy.imag() >= 0.0, fmt::format("ContinuumGreensFunction: Im E = {} MeV < 0 (use the conjugate)", energy.imag()));
  require(l >= 0 && std::abs(std::abs(j - l) - 0.5) < 1e-9, fmt::format("ContinuumGreensFunction: bad partial wave l={} j={}", l, j));
  const std::size_t n = m_r.size();
  const double h = m_h;
  const double h12 = h * h / 12.0;
  const double ls = j * (j + 1.0) - l * (l + 1.0) - 0.75;
  const double ll = l * (l + 1.0);
  std::vector<cd> g(n);
  for (std::size_t i = 0; i < n; ++i) g[i] = ll / (m_r[i] * m_r[i]) + m_form.soB[i] * ls + m_form.local[i] - energy * m_form.invB[i];
  GreensFunctionSolution s;
  // Regular solution: the outward Numerov of lenu::ContinuumSolver::state (structure/Numerov.hpp),
  // so that Im G = -pi u u holds to round-off.
  std::vector<cd> pr, po(n, 0.0);
  const std::size_t i0 = numerovOutward(l, h, m_r, [&](std::size_t i) { return g[i]; }, pr, NumerovRescale{1e150, 1e-150});
  // Outgoing solution: log-derivative at r_{n-1}, RK4 to r_{n-2} with the asymptotic equation,
  // then inward Numerov.
  {
    const cd k = std::sqrt(energy / m_form.bAsymptotic); // principal branch: Im k >= 0 for Im E >= 0
    require(std::abs(k) > 1e-8, "ContinuumGreensFunction: E = 0 exactly is not supported");
    const cd eta = m_zCoulomb / (2.0 * m_form.bAsymptotic * k);
    const double rEnd = m_r[n - 1];
    const cd L = k * outgoingLogDerivative(l, eta, k * rEnd);
    auto gAs = [&](double r) { return ll / (r * r) + (m_zCoulomb / r - energy) / m_form.bAsymptotic; };
    cd y = 1.0, dy = L;
    const int sub = 16;
    const double dr = -h / sub;
    double r = rEnd;
    for (int it = 0; it < sub; ++it) {
      const cd k1y = dy, k1d = gAs(r) * y;
      const cd k2y = dy + 0.5 * dr * k1d, k2d = gAs(r + 0.5 * dr) * (y + 0.5 * dr * k1y);
      const cd k3y = dy + 0.5 * dr * k2d, k3d = gAs(r + 0.5 * dr) * (y + 0.5 * dr * k2y);
      const cd k4y = dy + dr * k3d, k4d = gAs(r + dr) * (y + dr * k3y);
      y += dr / 6.0 * (k1y + 2.0 * k2y + 2.0 * k3y + k4y);
      dy += dr / 6.0 * (k1d + 2.0 * k2d + 2.0 * k3d + k4d);
      r += dr;
    }
    po[n - 1] = 1.0;
    po[n - 2] = y;
    cd wNext = (1.0 - h12 * g[n - 1]) * po[n - 1];
    cd wC = (1.0 - h12 * g[n - 2]) * po[n - 2];
    for (std::size_t i = n - 2; i-- > 0;) {
      const cd wP = 2.0 * wC - wNext + h * h * g[i + 1] * po[i + 1];
      po[i] = wP / (1.0 - h12 * g[i]);
      wNext = wC;
      wC = wP;
      if (std::norm(po[i]) > 1e300) { // |po| > 1e150 without the hypot
        for (std::size_t kk = i; kk < n; ++kk) po[kk] *= 1e-150;
        wNext *= 1e-150; wC *= 1e-150;
      }
    }
  }
  // Discrete Wronskian (conserved by the recursion), evaluated inside the nucleus.
  std::size_t iw = std::max(i0 + 2, n / 3);
  if (iw + 1 >= n) iw = n - 2;
  const cd wr0 = (1.0 - h12 * g[iw]) * pr[iw], wr1 = (1.0 - h12 * g[iw + 1]) * pr[iw + 1];
  const cd wo0 = (1.0 - h12 * g[iw]) * po[iw], wo1 = (1.0 - h12 * g[iw + 1]) * po[iw + 1];
  s.wronskian = (wr0 * wo1 - wr1 * wo0) / h;
  s.reg.resize(n);
  s.out.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double sb = std::sqrt(m_form.invB[i]);
    s.reg[i] = pr[i] * sb;
    s.out[i] = po[i] * sb;
  }
  if (!(std::abs(s.wronskian) > 0.0) || !std::isfinite(std::abs(s.wronskian))) {
    throw Error(ErrorCode::NotConverged, fmt::format("ContinuumGreensFunction: vanishing Wronskian at E=({}, {}) MeV, l={}, "
                                                     "j={} (an eigenvalue of the box?)", energy.real(), energy.imag(), l, j));
  }
  return s;
}

} // namespace lenu::inelastic
