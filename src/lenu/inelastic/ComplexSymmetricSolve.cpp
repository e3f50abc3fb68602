#include "lenu/inelastic/ComplexSymmetricSolve.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Error.hpp"

namespace lenu::inelastic {

using cd = std::complex<double>;

namespace {
// x[i] -= a[i] c for i in [from, to), split complex (the one kernel of the elimination and of
// the forward substitution).
inline void subtractScaled(double* xr, double* xi, const double* ar, const double* ai, double cr, double ci,
                           std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    xr[i] -= ar[i] * cr - ai[i] * ci;
    xi[i] -= ar[i] * ci + ai[i] * cr;
  }
}
// x[i] = (x[i] - a[i] c) - b[i] e for i in [from, to): two steps of subtractScaled in one pass
// (the same operations in the same order per element, x loaded and stored once).
inline void subtractScaled2(double* xr, double* xi, const double* ar, const double* ai, double cr, double ci,
                            const double* br, const double* bi, double er, double ei, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    const double yr = xr[i] - (ar[i] * cr - ai[i] * ci);
    const double yi = xi[i] - (ar[i] * ci + ai[i] * cr);
    xr[i] = yr - (br[i] * er - bi[i] * ei);
    xi[i] = yi - (br[i] * ei + bi[i] * er);
  }
}

// The hot loops are also compiled for AVX2 (x86-64 GCC function multi-versioning, chosen at load
// time): wider vectors, the same operations in the same order (no FMA contraction: FMA is not
// enabled), so the results do not depend on the instruction set.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && !defined(__SANITIZE_ADDRESS__)
#define LENU_SIMD_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define LENU_SIMD_CLONES
#endif

// Trailing update of two pivots k, k + 1: columns j >= k + 2, rows i >= j (column-major n x n).
LENU_SIMD_CLONES void updateTrailing2(double* re, double* im, std::size_t n, std::size_t k, const double* vr, const double* vi) {
  const double* l0r = re + k * n;
  const double* l0i = im + k * n;
  const double* l1r = re + (k + 1) * n;
  const double* l1i = im + (k + 1) * n;
  for (std::size_t j = k + 2; j < n; ++j)
    subtractScaled2(re + j * n, im + j * n, l0r, l0i, vr[j], vi[j], l1r, l1i, vr[n + j], vi[n + j], j, n);
}

// L y = x for the right-hand sides j0 <= j < j1 (unit lower L, column-major n x n), in place.
LENU_SIMD_CLONES void forwardColumns(const double* re, const double* im, std::size_t n, double* xr, double* xi, std::size_t j0,
                                     std::size_t j1) {
  // two columns of L per pass: x_i = (x_i - L(i, k) y_k) - L(i, k+1) y_{k+1}, with y_{k+1}
  // = x_{k+1} - L(k+1, k) y_k (the same operations as one column at a time)
  std::size_t k = 0;
  for (; k + 2 < n; k += 2) {
    const double* l0r = re + k * n;
    const double* l0i = im + k * n;
    const double* l1r = re + (k + 1) * n;
    const double* l1i = im + (k + 1) * n;
    for (std::size_t j = j0; j < j1; ++j) {
      double* yr = xr + j * n;
      double* yi = xi + j * n;
      const double y0r = yr[k], y0i = yi[k];
      subtractScaled(yr, yi, l0r, l0i, y0r, y0i, k + 1, k + 2);
      subtractScaled2(yr, yi, l0r, l0i, y0r, y0i, l1r, l1i, yr[k + 1], yi[k + 1], k + 2, n);
    }
  }
  for (; k + 1 < n; ++k) {
    const double* lr = re + k * n;
    const double* li = im + k * n;
    for (std::size_t j = j0; j < j1; ++j) subtractScaled(xr + j * n, xi + j * n, lr, li, xr[j * n + k], xi[j * n + k], k + 1, n);
  }
}
} // namespace

void ComplexSymmetricLDLT::compute(const Eigen::MatrixXcd& A, double maxGrowth) {
  if (!tryCompute(A, maxGrowth)) throw Error(ErrorCode::NotConverged, m_failure);
}

bool ComplexSymmetricLDLT::tryCompute(const Eigen::MatrixXcd& A, double maxGrowth) {
  require(A.rows() == A.cols(), fmt::format("ComplexSymmetricLDLT: matrix {} x {} is not square", A.rows(), A.cols()));
  m_failure.clear();
  m_n = static_cast<std::size_t>(A.rows());
  const std::size_t n = m_n;
  m_re.assign(n * n, 0.0);
  m_im.assign(n * n, 0.0);
  m_invDiag.assign(n, 0.0);
  double amax = 0.0; // max |A_ij|^2 over the lower triangle
  for (std::size_t j = 0; j < n; ++j)
    for (std::size_t i = j; i < n; ++i) {
      const cd a = A(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
      m_re[j * n + i] = a.real();
      m_im[j * n + i] = a.imag();
      amax = std::max(amax, std::norm(a));
    }
  if (!std::isfinite(amax)) {
    m_failure = fmt::format("ComplexSymmetricLDLT: the {} x {} matrix has a non-finite entry", n, n);
    return false;
  }
  double cmax = 0.0; // max |entry|^2 of the eliminated columns (pivots included)
  std::vector<double> vr(2 * n), vi(2 * n); // A(., k) before scaling, of the current one or two pivots
  // Pivot k: checks, L(., k) = A(., k) / d_k (A(., k) kept in v[off ...]).
  auto pivot = [&](std::size_t k, std::size_t off) {
    double* lr = m_re.data() + k * n;
    double* li = m_im.data() + k * n;
    const cd p(lr[k], li[k]);
    double col = std::norm(p);
    for (std::size_t i = k + 1; i < n; ++i) col = std::max(col, lr[i] * lr[i] + li[i] * li[i]);
    cmax = std::max(cmax, col);
    m_growth = amax > 0.0 ? std::sqrt(cmax / amax) : 0.0;
    if (!(std::norm(p) > 0.0) || !std::isfinite(std::norm(p)) || !(m_growth <= maxGrowth)) {
      m_failure = fmt::format("ComplexSymmetricLDLT: pivot {} of {} is ({:.6g}, {:.6g}) with element growth {:.6g} "
                              "(limit {:.3g}; max |A_ij| = {:.6g}): the matrix is singular or needs pivoting",
                              k, n, p.real(), p.imag(), m_growth, maxGrowth, std::sqrt(amax));
      return false;
    }
    const cd inv = 1.0 / p;
    m_invDiag[k] = inv;
    lr[k] = 1.0;
    li[k] = 0.0;
    const double wr = inv.real(), wi = inv.imag();
    for (std::size_t i = k + 1; i < n; ++i) {
      vr[off + i] = lr[i];
      vi[off + i] = li[i];
      const double x = lr[i], y = li[i];
      lr[i] = x * wr - y * wi;
      li[i] = x * wi + y * wr;
    }
    return true;
  };
  // Schur complement, lower triangle: A(i, j) -= L(i, k) A(j, k), i >= j > k; two pivots per
  // pass over the trailing columns (column k + 1 is first updated by pivot k alone).
  for (std::size_t k = 0; k < n; k += 2) {
    if (!pivot(k, 0)) return false;
    const double* l0r = m_re.data() + k * n;
    const double* l0i = m_im.data() + k * n;
    if (k + 1 == n) break;
    subtractScaled(m_re.data() + (k + 1) * n, m_im.data() + (k + 1) * n, l0r, l0i, vr[k + 1], vi[k + 1], k + 1, n);
    if (!pivot(k + 1, n)) return false;
    updateTrailing2(m_re.data(), m_im.data(), n, k, vr.data(), vi.data());
  }
  return true;
}

void ComplexSymmetricLDLT::forward(std::vector<double>& xr, std::vector<double>& xi, std::size_t m) const {
  const std::size_t n = m_n;
  constexpr std::size_t kColumns = 8; // right-hand sides per pass (they stay in cache with a column of L)
  for (std::size_t j0 = 0; j0 < m; j0 += kColumns) {
    const std::size_t j1 = std::min(m, j0 + kColumns);
    forwardColumns(m_re.data(), m_im.data(), n, xr.data(), xi.data(), j0, j1);
  }
}

namespace {
void split(const Eigen::MatrixXcd& B, std::vector<double>& xr, std::vector<double>& xi) {
  const auto n = static_cast<std::size_t>(B.rows()), m = static_cast<std::size_t>(B.cols());
  xr.resize(n * m);
  xi.resize(n * m);
  for (std::size_t j = 0; j < m; ++j)
    for (std::size_t i = 0; i < n; ++i) {
      const cd b = B(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
      xr[j * n + i] = b.real();
      xi[j * n + i] = b.imag();
    }
}
Eigen::MatrixXcd join(const std::vector<double>& xr, const std::vector<double>& xi, std::size_t n, std::size_t m) {
  Eigen::MatrixXcd X(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(m));
  for (std::size_t j = 0; j < m; ++j)
    for (std::size_t i = 0; i < n; ++i) X(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = cd(xr[j * n + i], xi[j * n + i]);
  return X;
}
} // namespace

Eigen::MatrixXcd ComplexSymmetricLDLT::halfSolve(const Eigen::MatrixXcd& B) const {
  require(static_cast<std::size_t>(B.rows()) == m_n && m_failure.empty(),
          fmt::format("ComplexSymmetricLDLT::halfSolve: {} rows for a factorisation of size {} (or no factorisation)", B.rows(), m_n));
  std::vector<double> xr, xi;
  split(B, xr, xi);
  forward(xr, xi, static_cast<std::size_t>(B.cols()));
  return join(xr, xi, m_n, static_cast<std::size_t>(B.cols()));
}

Eigen::MatrixXcd ComplexSymmetricLDLT::solve(const Eigen::MatrixXcd& B) const {
  require(static_cast<std::size_t>(B.rows()) == m_n && m_failure.empty(),
          fmt::format("ComplexSymmetricLDLT::solve: {} rows for a factorisation of size {} (or no factorisation)", B.rows(), m_n));
  const std::size_t n = m_n, m = static_cast<std::size_t>(B.cols());
  std::vector<double> xr, xi;
  split(B, xr, xi);
  forward(xr, xi, m);
  for (std::size_t j = 0; j < m; ++j) {
    double* yr = xr.data() + j * n;
    double* yi = xi.data() + j * n;
    for (std::size_t k = 0; k < n; ++k) { // diag(d)^-1
      const cd y = cd(yr[k], yi[k]) * m_invDiag[k];
      yr[k] = y.real();
      yi[k] = y.imag();
    }
    for (std::size_t k = n; k-- > 0;) { // L^T x = y: x_k -= sum_{i > k} L(i, k) x_i
      const double* lr = m_re.data() + k * n;
      const double* li = m_im.data() + k * n;
      double sr = 0.0, si = 0.0;
      for (std::size_t i = k + 1; i < n; ++i) {
        sr += lr[i] * yr[i] - li[i] * yi[i];
        si += lr[i] * yi[i] + li[i] * yr[i];
      }
      yr[k] -= sr;
      yi[k] -= si;
    }
  }
  return join(xr, xi, n, m);
}

} // namespace lenu::inelastic
