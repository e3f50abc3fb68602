#include "lenu/pves/PartialWaveSeries.hpp"

#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Error.hpp"

namespace lenu {

PartialWaveSeries::PartialWaveSeries(const DiracPhaseShifts& phases, int reductions)
    : m_k(phases.wavenumber), m_reductions(reductions) {
  require(m_k > 0.0 && std::isfinite(m_k),
          fmt::format("PartialWaveSeries: wavenumber {} fm^-1 must be > 0", m_k));
  require(reductions >= 0 && reductions <= 6,
          fmt::format("PartialWaveSeries: {} reductions requested, accepted 0..6", reductions));
  require(phases.kappaNegative.size() == phases.kappaPositive.size(),
          "PartialWaveSeries: kappa < 0 and kappa > 0 phase tables must have equal length");
  const int nTotal = static_cast<int>(phases.kappaNegative.size());
  require(nTotal > reductions + 2,
          fmt::format("PartialWaveSeries: {} partial waves are too few for {} reductions", nTotal, reductions));
  using C = std::complex<double>;
  std::vector<C> a(nTotal);
  std::vector<C> b(nTotal);
  for (int l = 0; l < nTotal; ++l) {
    const C eNeg = std::polar(1.0, 2.0 * phases.kappaNegative[l]);
    const C ePos = l > 0 ? std::polar(1.0, 2.0 * phases.kappaPositive[l]) : C(0.0);
    a[l] = static_cast<double>(l + 1) * eNeg + static_cast<double>(l) * ePos;
    b[l] = l > 0 ? ePos - eNeg : C(0.0);
  }
  int n = nTotal;
  for (int red = 0; red < reductions; ++red) {
    std::vector<C> a2(n - 1);
    std::vector<C> b2(n - 1);
    for (int l = 0; l < n - 1; ++l) {
      const double dl = static_cast<double>(l);
      C va = a[l] - (dl + 1.0) / (2.0 * dl + 3.0) * a[l + 1];
      C vb = b[l] - (dl + 2.0) / (2.0 * dl + 3.0) * b[l + 1];
      if (l > 0) {
        va -= dl / (2.0 * dl - 1.0) * a[l - 1];
        vb -= (dl - 1.0) / (2.0 * dl - 1.0) * b[l - 1];
      }
      a2[l] = va;
      b2[l] = l > 0 ? vb : C(0.0);
    }
    a = std::move(a2);
    b = std::move(b2);
    --n;
  }
  m_a = std::move(a);
  m_b = std::move(b);
}

DiracAmplitudes PartialWaveSeries::operator()(double theta) const {
  require(std::isfinite(theta) && theta > 0.0 && theta <= 3.14159265358979323846 + 1e-12,
          fmt::format("PartialWaveSeries: angle {} rad outside (0, pi]", theta));
  using C = std::complex<double>;
  const double x = std::cos(theta);
  const double s = std::sin(theta);
  // Legendre P_l and associated P_l^1 (without the Condon-Shortley sign) by upward recurrence.
  double pPrev = 1.0;  // P_0
  double p = x;        // P_1
  double qPrev = 0.0;  // P_0^1
  double q = s;        // P_1^1
  C sumF = m_a[0] * pPrev;
  C sumG(0.0);
  const int n = static_cast<int>(m_a.size());
  for (int l = 1; l < n; ++l) {
    sumF += m_a[l] * p;
    sumG += m_b[l] * q;
    const double dl = static_cast<double>(l);
    const double pNext = ((2.0 * dl + 1.0) * x * p - dl * pPrev) / (dl + 1.0);
    const double qNext = ((2.0 * dl + 1.0) * x * q - (dl + 1.0) * qPrev) / dl;
    pPrev = p;
    p = pNext;
    qPrev = q;
    q = qNext;
  }
  const double half = std::sin(0.5 * theta);
  const double divisor = std::pow(2.0 * half * half, m_reductions); // (1 - cos theta)^m
  const C factor = 1.0 / (C(0.0, 2.0 * m_k) * divisor);
  return DiracAmplitudes{sumF * factor, sumG * factor};
}

} // namespace lenu
