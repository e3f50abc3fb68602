#include "lenu/inelastic/CrpaResponse.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include <limits>
#include <optional>
#include <string_view>
#include <tuple>
#include <utility>

#include <Eigen/Dense>
#include <fmt/format.h>
#include <gsl/gsl_sf_bessel.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Parallel.hpp"
#include "lenu/inelastic/ComplexSymmetricSolve.hpp"

namespace lenu::inelastic {

using cd = std::complex<double>;
using MatC = Eigen::MatrixXcd;

namespace {
constexpr double kNucleonMass = 0.5 * (constants::kMassProton + constants::kMassNeutron);
constexpr int kM = static_cast<int>(SpOperator::M), kD = static_cast<int>(SpOperator::Delta),
              kDP = static_cast<int>(SpOperator::DeltaP), kDPP = static_cast<int>(SpOperator::DeltaPP),
              kS = static_cast<int>(SpOperator::Sigma), kSP = static_cast<int>(SpOperator::SigmaP),
              kSPP = static_cast<int>(SpOperator::SigmaPP), kO = static_cast<int>(SpOperator::Omega);
bool isGradientOp(int o) { return o == kD || o == kDP || o == kDPP || o == kO; }

/// Version of the cached CRPA results: bump whenever a code change alters the responses for
/// the same inputs (the key also holds every input value, so input changes need no bump).
constexpr int kCrpaCacheVersion = 6; // 2: gradient (b2) residual term; 3: state-energy CVC; 4: current (j^2) and exact rho-tau terms; 5: localDensityCut; 6: q interpolation

// Appends doubles exactly (hexadecimal floating point).
void put(std::string& k, std::string_view name, double v) { k += fmt::format("{}={:a};", name, v); }

std::uint64_t hashDoubles(const std::vector<double>& v, std::uint64_t h) { return fnv1a64(v.data(), v.size() * sizeof(double), h); }

// Response sets <-> flat arrays for the disk cache: nq, then per q the number of multipoles and
// per multipole J, parity, CC, CL, LL, T, T'.
std::vector<double> encode(const std::vector<ResponseSet>& sets) {
  std::vector<double> v{static_cast<double>(sets.size())};
  for (const auto& s : sets) {
    v.push_back(static_cast<double>(s.byMultipole.size()));
    for (const auto& m : s.byMultipole)
      for (double x : {static_cast<double>(m.J), static_cast<double>(m.parity), m.W.CC, m.W.CL, m.W.LL, m.W.T, m.W.TP}) v.push_back(x);
  }
  return v;
}
std::optional<std::vector<ResponseSet>> decode(const std::vector<double>& v, std::size_t nq) {
  std::size_t k = 0;
  auto next = [&](double& x) { if (k >= v.size()) return false; x = v[k++]; return true; };
  double n = 0.0;
  if (!next(n) || n != static_cast<double>(nq)) return std::nullopt;
  std::vector<ResponseSet> sets(nq);
  for (auto& s : sets) {
    double m = 0.0;
    if (!next(m) || m < 0.0 || m > 1000.0) return std::nullopt;
    for (int i = 0; i < static_cast<int>(m); ++i) {
      MultipoleResponse r;
      double J = 0.0, par = 0.0;
      if (!next(J) || !next(par) || !next(r.W.CC) || !next(r.W.CL) || !next(r.W.LL) || !next(r.W.T) || !next(r.W.TP)) return std::nullopt;
      r.J = static_cast<int>(J);
      r.parity = static_cast<int>(par);
      s.byMultipole.push_back(r);
    }
  }
  if (k != v.size()) return std::nullopt;
  return sets;
}

// Same 4th-order derivative as HartreeFockResponse (u(0) = 0, parity continuation at r = -h).
std::vector<double> derivative(const std::vector<double>& u, double h, int l) {
  const std::size_t n = u.size();
  std::vector<double> d(n, 0.0);
  auto at = [&](long i) -> double {
    if (i >= 0 && static_cast<std::size_t>(i) < n) return u[static_cast<std::size_t>(i)];
    if (i == -1) return 0.0;
    if (i == -2) return (l % 2 == 0 ? -1.0 : 1.0) * u[0];
    return 0.0;
  };
  for (std::size_t i = 0; i < n; ++i) {
    const long k = static_cast<long>(i);
    d[i] = i + 2 < n ? (at(k - 2) - 8.0 * at(k - 1) + 8.0 * at(k + 1) - at(k + 2)) / (12.0 * h) : (at(k) - at(k - 1)) / h;
  }
  return d;
}

// Angular factor <a||[Y_L sigma^S]_J||b> from the basic-operator coefficients.
double angularFactor(const AngularCoefficients& a, int J, int L, int S) {
  if (S == 0) return L == J ? a.c[kM][0][1] : 0.0;
  if (L == J) return a.c[kS][0][1];
  if (L == J - 1) return J >= 1 ? a.c[kSPP][0][0] / std::sqrt(J / (2.0 * J + 1.0)) : 0.0;
  if (L == J + 1) return a.c[kSPP][0][2] / std::sqrt((J + 1.0) / (2.0 * J + 1.0));
  return 0.0;
}
// Angular coefficient of radial kind `kind` in <a||w(r) Y_JL1 . grad||b> (gradient on the ket),
// from those of Delta_J = M_JJ . grad / q (L = J) and Delta''_J = (1/q) grad M_J . grad / q
// (L = J -/+ 1 with the weights sqrt(J/(2J+1)), sqrt((J+1)/(2J+1)), MultipoleOperators.hpp).
double currentAngular(const AngularCoefficients& a, int J, int L, int kind) {
  const auto k = static_cast<std::size_t>(kind);
  if (L == J) return a.c[kD][k][1];
  if (L == J - 1) return J >= 1 ? a.c[kDPP][k][0] / std::sqrt(J / (2.0 * J + 1.0)) : 0.0;
  if (L == J + 1) return a.c[kDPP][k][2] / std::sqrt((J + 1.0) / (2.0 * J + 1.0));
  return 0.0;
}
// x[i] -= a[i] c for i in [from, to), complex numbers with split real and imaginary parts (the one
// kernel of ComplexLU's elimination and of both substitutions).
inline void subtractScaled(double* xr, double* xi, const double* ar, const double* ai, double cr, double ci,
                           std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    xr[i] -= ar[i] * cr - ai[i] * ci;
    xi[i] -= ar[i] * ci + ai[i] * cr;
  }
}
// LU decomposition with partial (row) pivoting, PA = LU, of a complex square matrix, with the
// real and imaginary parts stored apart (column-major) so that the elimination and substitution
// loops vectorise: the algorithm of Eigen::PartialPivLU (right-looking elimination, pivot of
// largest modulus in the column), several times faster for the RPA matrices (N ~ 100-400).
class ComplexLU {
public:
  void compute(const MatC& A) {
    m_n = static_cast<std::size_t>(A.rows());
    const std::size_t n = m_n;
    m_re.resize(n * n);
    m_im.resize(n * n);
    m_perm.resize(n);
    m_invDiag.resize(n);
    for (std::size_t j = 0; j < n; ++j)
      for (std::size_t i = 0; i < n; ++i) {
        const cd a = A(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
        m_re[j * n + i] = a.real();
        m_im[j * n + i] = a.imag();
      }
    for (std::size_t k = 0; k < n; ++k) {
      std::size_t p = k;
      double best = -1.0;
      for (std::size_t i = k; i < n; ++i) {
        const double m = m_re[k * n + i] * m_re[k * n + i] + m_im[k * n + i] * m_im[k * n + i];
        if (m > best) { best = m; p = i; }
      }
      if (!(best > 0.0) || !std::isfinite(best)) {
        throw Error(ErrorCode::NotConverged,
                    fmt::format("CRPA: the RPA matrix (1 - Pi0 D) is singular or not finite: pivot |a|^2 = {} in "
                                "column {} of {} (check the mesh, eta > 0 and the residual interaction)",
                                best, k, n));
      }
      m_perm[k] = p;
      if (p != k)
        for (std::size_t j = 0; j < n; ++j) {
          std::swap(m_re[j * n + k], m_re[j * n + p]);
          std::swap(m_im[j * n + k], m_im[j * n + p]);
        }
      const cd inv = 1.0 / cd(m_re[k * n + k], m_im[k * n + k]);
      m_invDiag[k] = inv;
      const double vr = inv.real(), vi = inv.imag();
      double* lr = m_re.data() + k * n;
      double* li = m_im.data() + k * n;
      for (std::size_t i = k + 1; i < n; ++i) {
        const double a = lr[i], b = li[i];
        lr[i] = a * vr - b * vi;
        li[i] = a * vi + b * vr;
      }
      for (std::size_t j = k + 1; j < n; ++j) {
        const double ur = m_re[j * n + k], ui = m_im[j * n + k];
        if (ur == 0.0 && ui == 0.0) continue;
        subtractScaled(m_re.data() + j * n, m_im.data() + j * n, lr, li, ur, ui, k + 1, n);
      }
    }
  }
  /// X = A^-1 B.
  MatC solve(const MatC& B) const {
    const std::size_t n = m_n, m = static_cast<std::size_t>(B.cols());
    std::vector<double> xr(n * m), xi(n * m);
    for (std::size_t j = 0; j < m; ++j)
      for (std::size_t i = 0; i < n; ++i) {
        const cd b = B(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
        xr[j * n + i] = b.real();
        xi[j * n + i] = b.imag();
      }
    for (std::size_t k = 0; k < n; ++k)
      if (m_perm[k] != k)
        for (std::size_t j = 0; j < m; ++j) {
          std::swap(xr[j * n + k], xr[j * n + m_perm[k]]);
          std::swap(xi[j * n + k], xi[j * n + m_perm[k]]);
        }
    constexpr std::size_t kColumns = 8; // right-hand sides per pass (they stay in L1 with a column of L or U)
    for (std::size_t j0 = 0; j0 < m; j0 += kColumns) {
      const std::size_t j1 = std::min(m, j0 + kColumns);
      for (std::size_t k = 0; k < n; ++k) { // L y = P b (unit diagonal)
        const double* lr = m_re.data() + k * n;
        const double* li = m_im.data() + k * n;
        for (std::size_t j = j0; j < j1; ++j) {
          const double yr = xr[j * n + k], yi = xi[j * n + k];
          if (yr == 0.0 && yi == 0.0) continue;
          subtractScaled(xr.data() + j * n, xi.data() + j * n, lr, li, yr, yi, k + 1, n);
        }
      }
      for (std::size_t k = n; k-- > 0;) { // U x = y
        const double* ur = m_re.data() + k * n;
        const double* ui = m_im.data() + k * n;
        const double vr = m_invDiag[k].real(), vi = m_invDiag[k].imag();
        for (std::size_t j = j0; j < j1; ++j) {
          const double a = xr[j * n + k], b = xi[j * n + k];
          const double yr = a * vr - b * vi, yi = a * vi + b * vr;
          xr[j * n + k] = yr;
          xi[j * n + k] = yi;
          if (yr == 0.0 && yi == 0.0) continue;
          subtractScaled(xr.data() + j * n, xi.data() + j * n, ur, ui, yr, yi, 0, k);
        }
      }
    }
    MatC X(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(m));
    for (std::size_t j = 0; j < m; ++j)
      for (std::size_t i = 0; i < n; ++i) X(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = cd(xr[j * n + i], xi[j * n + i]);
    return X;
  }
  Eigen::VectorXcd solve(const Eigen::VectorXcd& b) const { return solve(MatC(b)).col(0); }

private:
  std::size_t m_n = 0;
  std::vector<double> m_re, m_im; // L (unit diagonal, below) and U (on and above), column-major
  std::vector<std::size_t> m_perm; // row k was swapped with row m_perm[k] at step k
  std::vector<cd> m_invDiag;       // 1 / U(k, k)
};
} // namespace

namespace {
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && !defined(__SANITIZE_ADDRESS__)
// Also compiled for AVX2 (GCC function multi-versioning, chosen at load time): wider vectors, the
// same operations in the same order (FMA is not enabled: no contraction), the same results.
#define LENU_SIMD_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define LENU_SIMD_CLONES
#endif
// One pair's free polarization, upper triangle K <= K2 of an (a, c) block of Pi0 (column-major,
// leading dimension N, complex as interleaved doubles): col_K2[K] += AA x[K] y[K2] in real
// arithmetic (the complex product of finite numbers).
LENU_SIMD_CLONES void addPairPolarization(double* block, std::size_t N, const double* xd, const double* yd, double AA,
                                          std::size_t nK) {
  for (std::size_t K2 = 0; K2 < nK; ++K2) {
    double* col = block + 2 * K2 * N;
    const double yr = yd[2 * K2], yi = yd[2 * K2 + 1];
    for (std::size_t K = 0; K <= K2; ++K) {
      col[2 * K] += AA * (xd[2 * K] * yr - xd[2 * K + 1] * yi);
      col[2 * K + 1] += AA * (xd[2 * K] * yi + xd[2 * K + 1] * yr);
    }
  }
}

// Real-arithmetic complex product (no NaN/inf recovery branch: all operands are finite here).
inline cd cmul(cd a, cd b) {
  return {a.real() * b.real() - a.imag() * b.imag(), a.real() * b.imag() + a.imag() * b.real()};
}

// y[K] += a x[K] for K < n, complex as interleaved doubles, in real arithmetic.
LENU_SIMD_CLONES void axpyComplex(double* y, const double* x, cd a, std::size_t n) {
  const double ar = a.real(), ai = a.imag();
  for (std::size_t K = 0; K < n; ++K) {
    const double xr = x[2 * K], xi = x[2 * K + 1];
    y[2 * K] += ar * xr - ai * xi;
    y[2 * K + 1] += ar * xi + ai * xr;
  }
}
// Hat-vertex projection, one row j of the vertices: (pr, pi)[K] (+)= w[K] (gr, gi)[K], K < n
// (first: assign, the first row).
LENU_SIMD_CLONES void hatProject(const double* w, const double* gr, const double* gi, double* pr, double* pi, std::size_t n,
                                 bool first) {
  if (first) {
    for (std::size_t K = 0; K < n; ++K) {
      pr[K] = w[K] * gr[K];
      pi[K] = w[K] * gi[K];
    }
    return;
  }
  for (std::size_t K = 0; K < n; ++K) {
    pr[K] += w[K] * gr[K];
    pi[K] += w[K] * gi[K];
  }
}
// col[K] += c (pr, pi)[K] (col complex as interleaved doubles), K < n.
LENU_SIMD_CLONES void addScaledSplit(double* col, const double* pr, const double* pi, double c, std::size_t n) {
  for (std::size_t K = 0; K < n; ++K) {
    col[2 * K] += c * pr[K];
    col[2 * K + 1] += c * pi[K];
  }
}
// y[i] += v[i] x[i] (complex y, x as interleaved doubles, v real), i < n.
LENU_SIMD_CLONES void addBand(double* y, const double* x, const double* v, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    y[2 * i] += v[i] * x[2 * i];
    y[2 * i + 1] += v[i] * x[2 * i + 1];
  }
}
} // namespace

struct CrpaResponse::BlockState {
  std::size_t N = 0, nsp = 1, nt = 1, nK = 0;
  // D = local part (diagonal in type and radius, full in species) + gradient term (scalar type,
  // nearest-neighbour radii K, K+1, full in species) + Coulomb (scalar type, proton-proton,
  // dense in radius).
  std::vector<double> dloc;      // [(t * nK + K) * nsp * nsp + sp * nsp + sp2]
  std::vector<double> doff;      // (K, K+1) couplings, same layout (empty if none)
  Eigen::MatrixXd coul;          // nK x nK (empty if none)
  int coulType = -1;
  // The RPA system: symmetric form (ldlt, see factorise) or, where that fails, LU of 1 - Pi0 D.
  bool symmetric = false;
  ComplexSymmetricLDLT ldlt;
  std::vector<double> wInvSqrt; // per active unknown: |D_ii|^-1/2 (max_j |D_ij|^-1/2 where D_ii = 0)
  // rho-tau coupling (same node, types rhoType and tauType): [K * nsp * nsp + sp * nsp + sp2]
  // between rho_sp and tau_sp2 (and tau_sp2 and rho_sp; empty if none).
  std::vector<double> dx;
  std::size_t rhoType = 0, tauType = 0;
  ComplexLU lu;
  // Active unknowns (D row non-zero) if some are not: M = 1 - Pi0 D has unit columns there and
  // the active part decouples, x_act = M(act, act)^-1 b_act (D X needs x_act only).
  std::vector<std::size_t> act;
  MatC solve(const MatC& B) const {
    if (act.empty()) return lu.solve(B);
    MatC Bs(static_cast<Eigen::Index>(act.size()), B.cols());
    for (std::size_t i = 0; i < act.size(); ++i) Bs.row(static_cast<Eigen::Index>(i)) = B.row(static_cast<Eigen::Index>(act[i]));
    const MatC Xs = lu.solve(Bs);
    MatC X = MatC::Zero(B.rows(), B.cols());
    for (std::size_t i = 0; i < act.size(); ++i) X.row(static_cast<Eigen::Index>(act[i])) = Xs.row(static_cast<Eigen::Index>(i));
    return X;
  }
  std::size_t idx(std::size_t sp, std::size_t t, std::size_t K) const { return (sp * nt + t) * nK + K; }
  /// Y = X D (rows of X times D), X: rows x N; D from its diagonals (buildBands) and the Coulomb block.
  MatC rightMultiply(const MatC& X) const {
    MatC Y = MatC::Zero(X.rows(), X.cols());
    const long n = static_cast<long>(N);
    for (std::size_t b = 0; b < bandOff.size(); ++b) {
      const long off = bandOff[b];
      for (long r = std::max<long>(0, -off); r < std::min<long>(n, n - off); ++r) {
        const double d = bandVal[b][static_cast<std::size_t>(r)];
        if (d != 0.0) Y.col(static_cast<Eigen::Index>(r + off)) += d * X.col(static_cast<Eigen::Index>(r));
      }
    }
    if (coulType >= 0) {
      const auto c0 = static_cast<Eigen::Index>(idx(0, static_cast<std::size_t>(coulType), 0));
      const auto nc = static_cast<Eigen::Index>(nK);
      Y.middleCols(c0, nc) += X.middleCols(c0, nc) * coul.cast<std::complex<double>>();
    }
    return Y;
  }
  // D without its Coulomb block as diagonals: D(i, i + bandOff[b]) = bandVal[b][i] (zero where
  // i + off is outside [0, N)); built by buildBands() from dloc, doff and dx (before factorise,
  // rightMultiply and applyD use them).
  std::vector<long> bandOff;
  std::vector<std::vector<double>> bandVal;
  void buildBands() {
    bandOff.clear();
    bandVal.clear();
    auto add = [&](std::size_t row, std::size_t col, double d) {
      const long off = static_cast<long>(col) - static_cast<long>(row);
      std::size_t b = 0;
      while (b < bandOff.size() && bandOff[b] != off) ++b;
      if (b == bandOff.size()) {
        bandOff.push_back(off);
        bandVal.emplace_back(N, 0.0);
      }
      bandVal[b][row] += d;
    };
    for (std::size_t t = 0; t < nt; ++t)
      for (std::size_t K = 0; K < nK; ++K)
        for (std::size_t sp = 0; sp < nsp; ++sp)
          for (std::size_t sp2 = 0; sp2 < nsp; ++sp2) {
            const double d = dloc[(t * nK + K) * nsp * nsp + sp * nsp + sp2];
            if (d != 0.0) add(idx(sp2, t, K), idx(sp, t, K), d);
          }
    if (!doff.empty())
      for (std::size_t t = 0; t < nt; ++t)
        for (std::size_t K = 0; K + 1 < nK; ++K)
          for (std::size_t sp = 0; sp < nsp; ++sp)
            for (std::size_t sp2 = 0; sp2 < nsp; ++sp2) {
              const double d = doff[(t * nK + K) * nsp * nsp + sp * nsp + sp2];
              if (d == 0.0) continue;
              add(idx(sp2, t, K + 1), idx(sp, t, K), d);
              add(idx(sp2, t, K), idx(sp, t, K + 1), d);
            }
    if (!dx.empty())
      for (std::size_t K = 0; K < nK; ++K)
        for (std::size_t sp = 0; sp < nsp; ++sp)
          for (std::size_t sp2 = 0; sp2 < nsp; ++sp2) {
            const double d = dx[K * nsp * nsp + sp * nsp + sp2];
            if (d == 0.0) continue;
            add(idx(sp2, tauType, K), idx(sp, rhoType, K), d);
            add(idx(sp, rhoType, K), idx(sp2, tauType, K), d);
          }
  }
  /// y = D x for one vector (length N; y overwritten), D as its diagonals plus the Coulomb block.
  void applyD(const cd* x, cd* y) const {
    std::fill(y, y + N, cd(0.0));
    const long n = static_cast<long>(N);
    for (std::size_t b = 0; b < bandOff.size(); ++b) {
      const long off = bandOff[b];
      const long i0 = std::max<long>(0, -off), i1 = std::min<long>(n, n - off);
      if (i1 > i0)
        addBand(reinterpret_cast<double*>(y + i0), reinterpret_cast<const double*>(x + i0 + off), bandVal[b].data() + i0,
                static_cast<std::size_t>(i1 - i0));
    }
    if (coulType >= 0) {
      const std::size_t c0 = idx(0, static_cast<std::size_t>(coulType), 0);
      for (std::size_t K2 = 0; K2 < nK; ++K2) {
        double vr = 0.0, vi = 0.0;
        for (std::size_t K = 0; K < nK; ++K) {
          const double c = coul(static_cast<Eigen::Index>(K), static_cast<Eigen::Index>(K2));
          vr += c * x[c0 + K].real();
          vi += c * x[c0 + K].imag();
        }
        y[c0 + K2] += cd(vr, vi);
      }
    }
  }
  /// D X (D symmetric), column by column.
  MatC leftMultiply(const MatC& X) const {
    MatC Y(X.rows(), X.cols());
    for (Eigen::Index c = 0; c < X.cols(); ++c) applyD(X.col(c).data(), Y.col(c).data());
    return Y;
  }
  /// Factorises the RPA system for the free polarization pi0 (N x N, complex symmetric).
  /// K = D (1 - Pi0 D)^-1 is complex symmetric: with S = D - D Pi0 D = D (1 - Pi0 D) (complex
  /// symmetric) K = D S^-1 D, and with a positive diagonal scaling W (S~ = W^-1/2 S W^-1/2)
  ///   R0(A, n) K R0(n, B) = Z_A^T S~^-1 Z_B,  Z = W^-1/2 D R0(n, .),
  /// so an LDL^T of S~ (half an LU) and one triangular substitution per right-hand side serve.
  /// W = |diag D|; a row without diagonal entry (the tau channel, coupled to rho only by dx) takes
  /// the largest |D_ij| of its row. Unknowns outside `act` (if set) have zero rows and columns of D
  /// and drop out of K (see act): the system is formed on the active unknowns only (D restricted
  /// to them is invertible when every active row of D is non-zero and the rho-tau coupling is
  /// regular; if not, a pivot vanishes and the LU path is taken). Where a row of D is zero or the
  /// LDL^T fails its pivot/growth check (D near singular, or a system that needs pivoting), the LU
  /// of 1 - Pi0 D (on the active unknowns) is used instead.
  void factorise(const MatC& pi0) {
    const std::size_t na = act.empty() ? N : act.size();
    auto at = [&](std::size_t i) { return static_cast<Eigen::Index>(act.empty() ? i : act[i]); };
    const MatC pd = rightMultiply(pi0); // Pi0 D
    // Columns of D (= rows, D symmetric) of the active unknowns: D e_j.
    std::vector<cd> ej(N, cd(0.0)), dcol(N);
    auto columnOfD = [&](std::size_t j) {
      ej[static_cast<std::size_t>(at(j))] = 1.0;
      applyD(ej.data(), dcol.data());
      ej[static_cast<std::size_t>(at(j))] = 0.0;
    };
    // W: |D_jj|, or the largest |D_ij| of the row among the active unknowns where D_jj = 0 (the
    // Coulomb block only couples scalar unknowns, which have a diagonal entry).
    std::vector<char> active(N, act.empty() ? 1 : 0);
    for (std::size_t i : act) active[i] = 1;
    std::vector<double> diag(N, 0.0), rowMax(N, 0.0);
    const long nl = static_cast<long>(N);
    for (std::size_t b = 0; b < bandOff.size(); ++b) {
      const long off = bandOff[b];
      for (long r = std::max<long>(0, -off); r < std::min<long>(nl, nl - off); ++r) {
        const double d = std::abs(bandVal[b][static_cast<std::size_t>(r)]);
        if (off == 0) diag[static_cast<std::size_t>(r)] += bandVal[b][static_cast<std::size_t>(r)];
        if (active[static_cast<std::size_t>(r + off)]) rowMax[static_cast<std::size_t>(r)] = std::max(rowMax[static_cast<std::size_t>(r)], d);
      }
    }
    if (coulType >= 0) {
      const std::size_t c0 = idx(0, static_cast<std::size_t>(coulType), 0);
      for (std::size_t K = 0; K < nK; ++K) diag[c0 + K] += coul(static_cast<Eigen::Index>(K), static_cast<Eigen::Index>(K));
    }
    wInvSqrt.assign(na, 0.0);
    bool ok = true;
    for (std::size_t j = 0; j < na && ok; ++j) {
      const auto aj = static_cast<std::size_t>(at(j));
      double w = std::abs(diag[aj]);
      if (w == 0.0) w = rowMax[aj];
      ok = w > 0.0 && std::isfinite(w);
      if (ok) wInvSqrt[j] = 1.0 / std::sqrt(w);
    }
    if (ok) {
      // S~ = W^-1/2 (D - D Pi0 D) W^-1/2 on the active unknowns, lower triangle (column j of
      // D Pi0 D = D applied to column j of Pi0 D).
      const auto m = static_cast<Eigen::Index>(na);
      MatC S(m, m);
      std::vector<cd> dpd(N);
      for (std::size_t j = 0; j < na; ++j) {
        columnOfD(j);
        applyD(pd.col(at(j)).data(), dpd.data());
        for (std::size_t i = j; i < na; ++i) {
          const auto ai = static_cast<std::size_t>(at(i));
          S(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = (dcol[ai] - dpd[ai]) * (wInvSqrt[i] * wInvSqrt[j]);
        }
      }
      symmetric = ldlt.tryCompute(S);
    }
    if (symmetric) return;
    MatC M = -pd;
    M.diagonal().array() += 1.0;
    if (act.empty()) {
      lu.compute(M);
      return;
    }
    const auto m = static_cast<Eigen::Index>(na);
    MatC Ms(m, m);
    for (Eigen::Index j = 0; j < m; ++j)
      for (Eigen::Index i = 0; i < m; ++i) Ms(i, j) = M(at(static_cast<std::size_t>(i)), at(static_cast<std::size_t>(j)));
    lu.compute(Ms);
  }
  /// left, right with R0(A, n) D (1 - Pi0 D)^-1 R0(n, B) = left.col(A)^T right.col(B) for the
  /// columns of R0n = R0(n, .).
  std::pair<MatC, MatC> rpaFactors(const MatC& R0n) const {
    if (!symmetric) return {R0n, leftMultiply(solve(R0n))};
    const MatC DR = leftMultiply(R0n);
    MatC Z;
    if (act.empty()) {
      Z = DR;
      for (Eigen::Index i = 0; i < Z.rows(); ++i) Z.row(i) *= wInvSqrt[static_cast<std::size_t>(i)];
    } else {
      Z.resize(static_cast<Eigen::Index>(act.size()), DR.cols());
      for (std::size_t i = 0; i < act.size(); ++i)
        Z.row(static_cast<Eigen::Index>(i)) = DR.row(static_cast<Eigen::Index>(act[i])) * wInvSqrt[i];
    }
    MatC Y = ldlt.halfSolve(Z);
    MatC right = Y;
    const auto& dinv = ldlt.inverseDiagonal();
    for (Eigen::Index i = 0; i < Y.rows(); ++i) right.row(i) *= dinv[static_cast<std::size_t>(i)];
    return {std::move(Y), std::move(right)};
  }
};

CrpaResponse::CrpaResponse(std::shared_ptr<const HartreeFockMeanField> meanField, SkyrmeForce force, ResponseMode mode,
                           CrpaConfig cfg)
    : m_mf(std::move(meanField)), m_force(std::move(force)), m_mode(mode), m_cfg(cfg), m_couplings(cfg.couplings) {
  require(m_mf != nullptr, "CrpaResponse: mean field is null");
  require(m_cfg.maxJ >= 0 && m_cfg.maxJ <= 12, fmt::format("CrpaConfig.maxJ = {} outside [0, 12]", m_cfg.maxJ));
  requireInRange(m_cfg.eta, 1e-6, 10.0, "CrpaConfig.eta", "MeV");
  requireInRange(m_cfg.spreadingWidth, 0.0, 20.0, "CrpaConfig.spreadingWidth", "MeV");
  requireInRange(m_cfg.coarseStep, 0.05, 0.5, "CrpaConfig.coarseStep", "fm");
  requireInRange(m_cfg.localDensityCut, 0.0, 1e-3, "CrpaConfig.localDensityCut", "fm^-3");
  requireInRange(m_cfg.qInterpolationTolerance, 0.0, 1e-4, "CrpaConfig.qInterpolationTolerance", "(relative)");
  requireInRange(m_cfg.ncThreshold, 0.01, 50.0, "CrpaConfig.ncThreshold", "MeV");
  const MeanField& field = m_mf->result().meanField;
  m_green[0] = std::make_unique<ContinuumGreensFunction>(field, Isospin::Proton);
  m_green[1] = std::make_unique<ContinuumGreensFunction>(field, Isospin::Neutron);
  const double h = m_mf->meshStep();
  m_nFine = m_mf->meshSize();
  const auto& bound = m_mf->boundStates();
  for (const auto& s : bound) {
    if (s.occupation < m_cfg.minWeight) continue;
    Hole hole;
    hole.s = &s;
    hole.species = s.isospin == Isospin::Proton ? 0 : 1;
    hole.du = derivative(s.u, h, s.l);
    hole.bm.resize(s.u.size());
    hole.bp.resize(s.u.size());
    for (std::size_t i = 0; i < s.u.size(); ++i) {
      const double r = static_cast<double>(i + 1) * h;
      hole.bm[i] = hole.du[i] - (s.l + 1.0) * s.u[i] / r;
      hole.bp[i] = hole.du[i] + s.l * s.u[i] / r;
    }
    double tail = 0.0;
    hole.iMax = s.u.size();
    for (std::size_t i = s.u.size(); i-- > 0;) {
      tail += s.u[i] * s.u[i] * h;
      if (tail > 1e-12) { hole.iMax = std::min(s.u.size(), i + 2); break; }
    }
    m_holes.push_back(std::move(hole));
  }
  require(!m_holes.empty(), "CrpaResponse: no occupied states");
  // Directions: forward holes / particle species, backward holes / particle species.
  const int fwdHole = mode == ResponseMode::ChargedCurrentNu ? 1 : 0;   // CC nu: neutron holes
  auto include = [&](const Hole& hh, bool forward) {
    if (mode == ResponseMode::NeutralCurrent) return true;
    return forward ? hh.species == fwdHole : hh.species != fwdHole;
  };
  for (std::size_t ih = 0; ih < m_holes.size(); ++ih) {
    const auto& hh = m_holes[ih];
    for (int dir = 0; dir < 2; ++dir) {
      const bool forward = dir == 0;
      if (!include(hh, forward)) continue;
      const int ps = mode == ResponseMode::NeutralCurrent ? hh.species : 1 - hh.species;
      for (int l = 0; l <= hh.s->l + m_cfg.maxJ + 1; ++l) {
        for (int js = -1; js <= 1; js += 2) {
          const double j = l + 0.5 * js;
          if (j < 0.0) continue;
          if (std::abs(j - hh.s->j) > m_cfg.maxJ + 0.1) continue;
          m_waves.push_back({ih, l, j, forward, ps, {}, {}});
        }
      }
    }
  }
  // Coarse mesh.
  // RPA mesh: up to where every hole density tail int_r^inf u^2 is below 1e-9.
  std::size_t iMaxAll = 0;
  for (const auto& hh : m_holes) {
    double tail = 0.0;
    std::size_t im = hh.s->u.size();
    for (std::size_t i = hh.s->u.size(); i-- > 0;) {
      tail += hh.s->u[i] * hh.s->u[i] * h;
      if (tail > 1e-9) { im = i + 1; break; }
    }
    iMaxAll = std::max(iMaxAll, im);
  }
  m_stride = std::max<std::size_t>(1, static_cast<std::size_t>(std::lround(m_cfg.coarseStep / h)));
  m_nK = std::min((iMaxAll + m_stride - 1) / m_stride, (m_nFine - 1) / m_stride);
  for (std::size_t K = 0; K < m_nK; ++K) m_rK.push_back(static_cast<double>((K + 1) * m_stride) * h);
  m_dK = static_cast<double>(m_stride) * h;
  // Current and tau channels only where the HF density is at least kHatDensityCut: beyond it
  // their couplings (constants times the hole densities) are negligible and the RPA matrix smaller.
  constexpr double kHatDensityCut = 1e-5; // fm^-3
  {
    const auto& res = m_mf->result();
    m_nKhat = 0;
    for (std::size_t K = 0; K < m_nK; ++K)
      if ((*res.protonDensity)(m_rK[K]) + (*res.neutronDensity)(m_rK[K]) >= kHatDensityCut) m_nKhat = K + 1;
    m_nKloc = 0;
    for (std::size_t K = 0; K < m_nK; ++K)
      if ((*res.protonDensity)(m_rK[K]) + (*res.neutronDensity)(m_rK[K]) >= m_cfg.localDensityCut) m_nKloc = K + 1;
    m_nKhat = std::min(m_nKhat, m_nKloc);
  }
  // The RPA unknowns end at the last interacting node: beyond it D has zero rows and columns, so
  // those nodes drop out of the RPA system exactly (the free response is summed on the fine mesh,
  // Wave::sources, and keeps the full hole tails).
  require(m_nKloc > 0, fmt::format("CrpaResponse: no RPA node with HF density >= localDensityCut = {:g} fm^-3", m_cfg.localDensityCut));
  m_nK = m_nKloc;
  m_rK.resize(m_nK);
  m_v = skyrmeResidualStrengths(m_force, m_mf->result(), m_rK, m_cfg.interaction);
  // Blocks J^pi with their channels and pairs.
  for (int J = 0; J <= m_cfg.maxJ; ++J) {
    for (int parity : {1, -1}) {
      Block b;
      b.J = J;
      b.parity = parity;
      const bool natural = parity == (J % 2 == 0 ? 1 : -1);
      if (natural) {
        b.typeL[b.ntype] = J; b.typeS[b.ntype] = 0; ++b.ntype;
        if (J >= 1) { b.typeL[b.ntype] = J; b.typeS[b.ntype] = 1; ++b.ntype; }
      } else {
        if (J >= 1) { b.typeL[b.ntype] = J - 1; b.typeS[b.ntype] = 1; ++b.ntype; }
        b.typeL[b.ntype] = J + 1; b.typeS[b.ntype] = 1; ++b.ntype;
      }
      if (!m_cfg.interaction.spinChannel) {
        // keep only the scalar type (spin channels carry no interaction)
        int nt = 0;
        for (int t = 0; t < b.ntype; ++t)
          if (b.typeS[t] == 0) { b.typeL[nt] = b.typeL[t]; b.typeS[nt] = 0; ++nt; }
        b.ntype = nt;
      }
      // Current channels Y_JL1 . j: natural parity L = J -/+ 1 (convection current, longitudinal
      // and transverse), unnatural parity L = J (magnetic).
      if (m_cfg.interaction.enabled && m_cfg.interaction.momentumTerms && m_cfg.interaction.currentTerms) {
        const int first = b.ntype;
        if (natural) {
          if (J >= 1) { b.typeL[b.ntype] = J - 1; b.typeS[b.ntype] = 2; ++b.ntype; }
          b.typeL[b.ntype] = J + 1; b.typeS[b.ntype] = 2; ++b.ntype;
        } else if (J >= 1) {
          b.typeL[b.ntype] = J; b.typeS[b.ntype] = 2; ++b.ntype;
        }
        b.hasCurrent = b.ntype > first;
      }
      // Kinetic-density channel tau_J (natural parity) of the exact rho-tau term.
      if (natural && m_cfg.interaction.enabled && m_cfg.interaction.momentumTerms && m_cfg.interaction.exactTau) {
        b.typeL[b.ntype] = J; b.typeS[b.ntype] = 3; ++b.ntype;
        b.hasCurrent = true;
      }
      for (std::size_t iw = 0; iw < m_waves.size(); ++iw) {
        const auto& w = m_waves[iw];
        const auto* hs = m_holes[w.hole].s;
        if (((w.l + hs->l) % 2 == 0 ? 1 : -1) != parity) continue;
        if (std::abs(w.j - hs->j) > J + 0.1 || w.j + hs->j < J - 0.1) continue;
        Pair p;
        p.wave = iw;
        p.ang = w.forward ? angularCoefficients(w.l, w.j, hs->l, hs->j, J) : angularCoefficients(hs->l, hs->j, w.l, w.j, J);
        if (p.ang.zero) continue;
        for (int t = 0; t < b.ntype; ++t) p.chanA[t] = b.typeS[t] >= 2 ? 0.0 : angularFactor(p.ang, J, b.typeL[t], b.typeS[t]);
        if (b.hasCurrent) {
          // <x||A||y> = (1/2)[<x||T||y> - eps (-1)^(j_x - j_y) <y||T||x>], T = w Y_JL1 . grad (gradient
          // on the ket), U = grad . w Y_JL1 = A - T from (T^M)^+ = -(-1)^(M+L+1-J) U^-M (Y_JL1^M* =
          // (-1)^(M+L+1-J) Y_JL1^-M, grad anti-hermitian), eps = (-1)^(L+1-J). <p||T||h> = sum_k a(p,h)_k
          // int u_p w K_k[u_h] (K_0 = 1, K_1 = d/dr - (l_h+1)/r, K_2 = d/dr + l_h/r), <h||T||p> by parts
          // = sum_k a(h,p)_k int u_p Kbar_k[w u_h] (Kbar_1 = -d/dr - (l_p+1)/r, Kbar_2 = -d/dr + l_p/r).
          const AngularCoefficients other =
              w.forward ? angularCoefficients(hs->l, hs->j, w.l, w.j, J) : angularCoefficients(w.l, w.j, hs->l, hs->j, J);
          const AngularCoefficients& aph = w.forward ? p.ang : other;
          const AngularCoefficients& ahp = w.forward ? other : p.ang;
          const double sig = (std::lround(std::abs(w.j - hs->j)) % 2 == 0) ? 1.0 : -1.0;
          p.J = J;
          for (int t = 0; t < b.ntype; ++t) {
            if (b.typeS[t] == 3) {
              // <p||tau_K||h> = -<p|| grad . (w Y_J grad) ||h> = -[<p||w Y_J Lap||h> + <p||grad(w Y_J) . grad||h>],
              // grad(f Y_J) = sqrt(J/(2J+1)) (f' + (J+1) f/r) Y_J,J-1 - sqrt((J+1)/(2J+1)) (f' - J f/r) Y_J,J+1
              // (MultipoleOperators.hpp); backward <h||tau||p> = (-1)^(j_h - j_p) <p||tau||h> (hermitian, rank J).
              const double ph = w.forward ? 1.0 : sig;
              auto& c = p.cur[static_cast<std::size_t>(t)];
              c[0] = ph * aph.c[kM][0][1];
              for (int k = 0; k < 3; ++k) {
                c[static_cast<std::size_t>(1 + k)] = ph * currentAngular(aph, J, J - 1, k);
                c[static_cast<std::size_t>(4 + k)] = ph * currentAngular(aph, J, J + 1, k);
              }
              continue;
            }
            if (b.typeS[t] != 2) continue;
            const int L = b.typeL[t];
            const double eps = ((L + 1 - J) % 2 == 0) ? 1.0 : -1.0;
            const double fF = w.forward ? 0.5 : -0.5 * eps * sig, fB = w.forward ? -0.5 * eps * sig : 0.5;
            auto& c = p.cur[static_cast<std::size_t>(t)];
            c[0] = fF * currentAngular(aph, J, L, 0) + fB * currentAngular(ahp, J, L, 0);
            c[1] = fF * currentAngular(aph, J, L, 1);
            c[2] = fF * currentAngular(aph, J, L, 2);
            c[3] = fB * currentAngular(ahp, J, L, 1);
            c[4] = fB * currentAngular(ahp, J, L, 2);
          }
        }
        b.pairs.push_back(std::move(p));
      }
      if (!b.pairs.empty()) m_blocks.push_back(std::move(b));
    }
  }
  // Hat-vertex sources of the current and tau channels, once per pair.
  {
    const std::size_t Lh = 2 * m_stride + 1;
    std::vector<double> tmp;
    for (auto& b : m_blocks) {
      if (!b.hasCurrent) continue;
      const auto nt = static_cast<std::size_t>(b.ntype);
      for (auto& p : b.pairs) {
        p.hat.assign(nt * m_nK * Lh, 0.0);
        p.hatPos.assign(nt * m_nK * 2, 0);
        for (std::size_t t = 0; t < nt; ++t) {
          if (b.typeS[t] < 2) continue;
          for (std::size_t K = 0; K < m_nK; ++K) {
            const std::size_t i0 = currentSource(p, static_cast<int>(t), b.typeS[t] == 3, K, tmp);
            require(tmp.size() <= Lh, "CrpaResponse: hat source longer than its support");
            std::copy(tmp.begin(), tmp.end(), p.hat.begin() + static_cast<std::ptrdiff_t>((t * m_nK + K) * Lh));
            p.hatPos[(t * m_nK + K) * 2] = static_cast<std::uint32_t>(i0);
            p.hatPos[(t * m_nK + K) * 2 + 1] = static_cast<std::uint32_t>(tmp.size());
          }
        }
        // The same vertices as dense rows over the nodes K < m_nKhat (see Pair::hatW).
        p.hatW.assign(nt * Lh * m_nKhat, 0.0);
        for (std::size_t t = 0; t < nt; ++t) {
          if (b.typeS[t] < 2) continue;
          for (std::size_t K = 0; K < m_nKhat; ++K) {
            const std::size_t i0 = p.hatPos[(t * m_nK + K) * 2], n = p.hatPos[(t * m_nK + K) * 2 + 1];
            for (std::size_t jj = 0; jj < n; ++jj) {
              const long j = static_cast<long>(i0 + jj) - (static_cast<long>(K * m_stride) - 1);
              require(j >= 0 && j < static_cast<long>(Lh), "CrpaResponse: hat vertex outside its support");
              p.hatW[(t * Lh + static_cast<std::size_t>(j)) * m_nKhat + K] = p.hat[(t * m_nK + K) * Lh + jj];
            }
          }
        }
      }
    }
  }
  // Source functions (kind, L) per wave, shared by the blocks (see Wave::sources).
  auto used = [](const Pair& p, int kind, int d) {
    for (int o = 0; o < 8; ++o)
      if (p.ang.c[static_cast<std::size_t>(o)][static_cast<std::size_t>(kind)][static_cast<std::size_t>(d)] != 0.0) return true;
    return false;
  };
  for (const auto& b : m_blocks)
    for (const auto& p : b.pairs)
      for (int kind = 0; kind < 3; ++kind)
        for (int d = 0; d < 3; ++d) {
          const std::array<int, 2> key{kind, b.J - 1 + d};
          auto& src = m_waves[p.wave].sources;
          if (key[1] >= 0 && used(p, kind, d) && std::find(src.begin(), src.end(), key) == src.end()) src.push_back(key);
        }
  for (auto& w : m_waves) {
    std::sort(w.sources.begin(), w.sources.end());
    w.products.assign(w.sources.size() * w.sources.size(), 0);
  }
  for (auto& b : m_blocks)
    for (auto& p : b.pairs) {
      auto& w = m_waves[p.wave];
      std::vector<int> list;
      for (int kind = 0; kind < 3; ++kind)
        for (int d = 0; d < 3; ++d) {
          const std::array<int, 2> key{kind, b.J - 1 + d};
          int s = -1;
          if (key[1] >= 0 && used(p, kind, d))
            s = static_cast<int>(std::find(w.sources.begin(), w.sources.end(), key) - w.sources.begin());
          p.source[static_cast<std::size_t>(kind * 3 + d)] = s;
          if (s >= 0) list.push_back(s);
        }
      for (std::size_t k = 0; k < list.size(); ++k)
        for (std::size_t k2 = k; k2 < list.size(); ++k2)
          w.products[static_cast<std::size_t>(list[k]) * w.sources.size() + static_cast<std::size_t>(list[k2])] = 1;
    }
  // Disk cache: the key names every input (see CrpaConfig::cacheDirectory).
  if (m_cfg.diskCache) m_cache = DiskCache(m_cfg.cacheDirectory.empty() ? DiskCache::defaultDirectory() : std::filesystem::path(m_cfg.cacheDirectory));
  m_key = cacheKeyOf();
  // Energy shift and analog configuration, as HartreeFockResponse.
  const int holeT = mode == ResponseMode::ChargedCurrentNuBar ? 0 : 1;
  const int partT = mode == ResponseMode::ChargedCurrentNu ? 0 : 1;
  const SingleParticleState* top = nullptr;
  for (const auto& hh : m_holes)
    if (hh.s->occupation >= 0.1 && (mode == ResponseMode::NeutralCurrent || hh.species == holeT))
      if (!top || hh.s->energy > top->energy) top = hh.s;
  require(top != nullptr, "CrpaResponse: no hole level with occupation >= 0.1");
  if (mode == ResponseMode::NeutralCurrent) {
    m_threshold = m_cfg.ncThreshold;
  } else {
    require(std::isfinite(m_cfg.qValue) && m_cfg.qValue > -50.0 && m_cfg.qValue < 100.0,
            fmt::format("CrpaConfig.qValue = {} MeV: a CC response needs the measured Q-value", m_cfg.qValue));
    double ePartLow = std::numeric_limits<double>::infinity();
    for (const auto& s : bound)
      if ((s.isospin == Isospin::Proton ? 0 : 1) == partT && 1.0 - s.occupation >= 0.1) ePartLow = std::min(ePartLow, s.energy);
    if (!std::isfinite(ePartLow)) ePartLow = 0.0;
    m_shift = m_cfg.qValue - (ePartLow - top->energy);
    double eAnalog = 0.0;
    bool found = false;
    for (const auto& s : bound)
      if ((s.isospin == Isospin::Proton ? 0 : 1) == partT && s.n == top->n && s.l == top->l && std::abs(s.j - top->j) < 0.1) {
        eAnalog = s.energy;
        found = true;
      }
    m_omegaIAS = found ? m_shift + eAnalog - top->energy : m_shift;
    m_threshold = m_cfg.qValue;
    // The residual interaction moves the analog state: the CVC longitudinal current is conserved
    // about the RPA isobaric analog state, located as the peak of the Fermi (tau) strength
    // (scan in 0.25 MeV steps with eta = 0.25 MeV, parabolic refinement).
    // (N = Z: no analog strength to locate; the free analog configuration is kept.)
    if (m_cfg.interaction.enabled && m_mf->A() != 2 * m_mf->Z()) {
      const std::string analogKey = m_key + "|analog state";
      if (const auto hit = m_cache.load(analogKey); hit && hit->size() == 1) {
        m_omegaIAS = (*hit)[0];
        return;
      }
      const LocalOperator fermi{"F", 0, 0, 0,
                                mode == ResponseMode::ChargedCurrentNu ? IsospinOperator::Minus : IsospinOperator::Plus,
                                [](double) { return std::sqrt(4.0 * constants::kPi); }, ""};
      const double lo = m_omegaIAS - 5.0, step = 0.25;
      std::vector<double> sv;
      for (double e = lo; e <= m_omegaIAS + 30.0; e += step) sv.push_back(-operatorResponse(fermi, cd(e, 0.25)).imag());
      std::size_t k = 0;
      for (std::size_t i = 1; i < sv.size(); ++i) if (sv[i] > sv[k]) k = i;
      double x = lo + step * static_cast<double>(k);
      if (k > 0 && k + 1 < sv.size()) {
        const double den = sv[k - 1] - 2.0 * sv[k] + sv[k + 1];
        if (den < 0.0) x += 0.5 * step * (sv[k - 1] - sv[k + 1]) / den;
      }
      m_omegaIAS = x;
      m_cache.store(analogKey, {m_omegaIAS});
    }
  }
}

std::size_t CrpaResponse::currentSource(const Pair& p, int type, bool tauType, std::size_t K, std::vector<double>& s) const {
  // Vertex of the current channel at node K: the delta function of the local channels replaced by
  // the hat function b_K (peak 1 at r_K, zero at r_(K-/+1), int b_K dr = dK), w_K = b_K / (dK r^2), so
  // that the channel value is the radial current component at r_K to O(dK^2) and no derivative of
  // the Green's function is needed (the gradients act on the hole or, by parts, on w_K u_h; the
  // derivative of g = w u_h by central differences, exact summation by parts on the fine mesh).
  const auto& w = m_waves[p.wave];
  const auto& hole = m_holes[w.hole];
  const auto& u = hole.s->u;
  const auto& c = p.cur[static_cast<std::size_t>(type)];
  const double h = m_mf->meshStep();
  const long i0 = std::max<long>(0, static_cast<long>(K * m_stride) - 1);
  const long i1 = std::min<long>(static_cast<long>(std::min(u.size(), m_nFine)) - 1, static_cast<long>((K + 2) * m_stride) - 1);
  s.clear();
  if (i1 < i0) return static_cast<std::size_t>(i0);
  const double rK = m_rK[K], dK = m_dK;
  auto wAt = [&](long i) {
    if (i < i0 + 1 || i > i1 - 1 || i < 0) return 0.0;
    const double r = static_cast<double>(i + 1) * h;
    return std::max(0.0, 1.0 - std::abs(r - rK) / dK) / (dK * r * r);
  };
  auto gAt = [&](long i) { return i >= 0 && i < static_cast<long>(u.size()) ? wAt(i) * u[static_cast<std::size_t>(i)] : 0.0; };
  const double lp = w.l;
  s.resize(static_cast<std::size_t>(i1 - i0 + 1));
  if (tauType) {
    const double J = p.J, lh = hole.s->l;
    const double cm = J >= 1 ? std::sqrt(J / (2.0 * J + 1.0)) : 0.0, cp = -std::sqrt((J + 1.0) / (2.0 * J + 1.0));
    auto uAt = [&](long i) { return i >= 0 && i < static_cast<long>(u.size()) ? u[static_cast<std::size_t>(i)] : 0.0; };
    for (long i = i0; i <= i1; ++i) {
      const double r = static_cast<double>(i + 1) * h;
      const auto ii = static_cast<std::size_t>(i);
      const double wi = wAt(i), dw = (wAt(i + 1) - wAt(i - 1)) / (2.0 * h);
      const double lap = (uAt(i + 1) - 2.0 * uAt(i) + uAt(i - 1)) / (h * h) - lh * (lh + 1.0) * u[ii] / (r * r);
      const double gm = cm * (dw + (J + 1.0) * wi / r), gp = cp * (dw - J * wi / r);
      const double kk[3] = {u[ii], hole.bm[ii], hole.bp[ii]};
      double v = c[0] * wi * lap;
      for (int k = 0; k < 3; ++k) v += (c[static_cast<std::size_t>(1 + k)] * gm + c[static_cast<std::size_t>(4 + k)] * gp) * kk[k];
      s[static_cast<std::size_t>(i - i0)] = -v;
    }
    return static_cast<std::size_t>(i0);
  }
  for (long i = i0; i <= i1; ++i) {
    const double r = static_cast<double>(i + 1) * h;
    const double wi = wAt(i), g = gAt(i), dg = (gAt(i + 1) - gAt(i - 1)) / (2.0 * h);
    const auto ii = static_cast<std::size_t>(i);
    s[static_cast<std::size_t>(i - i0)] = c[0] * g + c[1] * wi * hole.bm[ii] + c[2] * wi * hole.bp[ii] +
                                           c[3] * (-dg - (lp + 1.0) * g / r) + c[4] * (-dg + lp * g / r);
  }
  return static_cast<std::size_t>(i0);
}

std::size_t CrpaResponse::hatSource(const Pair& p, std::size_t type, std::size_t K, std::vector<double>& s) const {
  const std::size_t Lh = 2 * m_stride + 1, k = type * m_nK + K;
  const std::size_t n = p.hatPos[k * 2 + 1];
  s.assign(p.hat.begin() + static_cast<std::ptrdiff_t>(k * Lh), p.hat.begin() + static_cast<std::ptrdiff_t>(k * Lh + n));
  return p.hatPos[k * 2];
}

std::vector<GreensFunctionSolution> CrpaResponse::solutions(cd z, const Block* only) const {
  std::vector<char> need(m_waves.size(), only ? 0 : 1);
  if (only)
    for (const auto& p : only->pairs) need[p.wave] = 1;
  return solutions(z, need);
}

std::vector<GreensFunctionSolution> CrpaResponse::solutions(cd z, const std::vector<char>& need) const {
  std::vector<GreensFunctionSolution> sols(m_waves.size());
  const long nw = static_cast<long>(m_waves.size());
  parallelFor(nw, [&](long k) {
    if (!need[static_cast<std::size_t>(k)]) return;
    const auto& w = m_waves[static_cast<std::size_t>(k)];
    const double eh = m_holes[w.hole].s->energy;
    const auto& g = *m_green[static_cast<std::size_t>(w.particleSpecies)];
    if (w.forward) {
      sols[static_cast<std::size_t>(k)] = g.solve(w.l, w.j, eh + z);
    } else {
      GreensFunctionSolution s = g.solve(w.l, w.j, eh - std::conj(z));
      for (auto& v : s.reg) v = std::conj(v);
      for (auto& v : s.out) v = std::conj(v);
      s.wronskian = std::conj(s.wronskian);
      sols[static_cast<std::size_t>(k)] = std::move(s);
    }
  });
  return sols;
}

CrpaResponse::BlockState CrpaResponse::prepare(const Block& b, const std::vector<GreensFunctionSolution>& sols,
                                               double /*etaTot*/) const {
  BlockState st;
  const std::size_t nsp = static_cast<std::size_t>(speciesCount());
  const std::size_t nt = static_cast<std::size_t>(b.ntype);
  const std::size_t nK = m_nK;
  // Local channels: the polarization among the interacting nodes K < m_nKloc only (the rows and
  // columns beyond meet zero rows of D and drop out of the RPA system, see act below).
  const std::size_t nKl = m_nKloc;
  st.N = nsp * nt * nK;
  const std::size_t N = st.N;
  auto idx = [&](std::size_t sp, std::size_t t, std::size_t K) { return (sp * nt + t) * nK + K; };
  MatC pi0 = MatC::Zero(static_cast<Eigen::Index>(N), static_cast<Eigen::Index>(N));
  std::vector<double> f(nK);
  std::vector<cd> x(nK), y(nK);
  for (const auto& p : b.pairs) {
    const auto& w = m_waves[p.wave];
    const auto& hole = m_holes[w.hole];
    const auto& s = sols[p.wave];
    const std::size_t sp = static_cast<std::size_t>(speciesIndex(hole.species));
    const double weight = hole.s->occupation;
    const cd invW = 1.0 / s.wronskian;
    // T(K, K') = f_K G(r_K, r_K') f_K' = x_min(K,K') y_max(K,K'), f_K = u_h(r_K) / r_K^2.
    for (std::size_t K = 0; K < nK; ++K) {
      const std::size_t i = (K + 1) * m_stride - 1;
      f[K] = i < hole.s->u.size() ? hole.s->u[i] / (m_rK[K] * m_rK[K]) : 0.0;
      x[K] = s.reg[i] * f[K];
      y[K] = s.out[i] * f[K] * invW;
    }
    // T is symmetric: only the upper triangles K <= K' of the (a, c) blocks are summed here,
    // the lower ones are copied below.
    for (std::size_t a = 0; a < nt; ++a)
      for (std::size_t c = 0; c < nt; ++c) {
        const double AA = weight * p.chanA[a] * p.chanA[c];
        if (AA == 0.0) continue;
        addPairPolarization(reinterpret_cast<double*>(pi0.data() + idx(sp, c, 0) * N + idx(sp, a, 0)), N,
                            reinterpret_cast<const double*>(x.data()), reinterpret_cast<const double*>(y.data()), AA, nKl);
      }
  }
  for (std::size_t sp = 0; sp < nsp; ++sp)
    for (std::size_t a = 0; a < nt; ++a)
      for (std::size_t c = 0; c < nt; ++c)
        for (std::size_t K2 = 0; K2 < nKl; ++K2)
          for (std::size_t K = 0; K < K2; ++K)
            pi0(static_cast<Eigen::Index>(idx(sp, a, K2)), static_cast<Eigen::Index>(idx(sp, c, K))) =
                pi0(static_cast<Eigen::Index>(idx(sp, a, K)), static_cast<Eigen::Index>(idx(sp, c, K2)));
  // Current channels: hat-function vertices (currentSource), exact discrete Green's function
  // products for overlapping supports (|K - K'| <= 2), separable x_K y_K' beyond.
  if (b.hasCurrent) {
    const double h = m_mf->meshStep();
    const long nF = static_cast<long>(m_nFine);
    const std::size_t Lh = 2 * m_stride + 1, nKh = m_nKhat;
    std::vector<cd> X(nt * nK), Y(nt * nK), xl(nK), yl(nK);
    std::vector<double> gwr, gwi;
    cd* P = pi0.data();
    for (const auto& p : b.pairs) {
      const auto& w = m_waves[p.wave];
      const auto& hole = m_holes[w.hole];
      const auto& s = sols[p.wave];
      const std::size_t sp = static_cast<std::size_t>(speciesIndex(hole.species));
      const double weight = hole.s->occupation;
      const cd invW = 1.0 / s.wronskian;
      auto hatV = [&](std::size_t t, std::size_t K) { return p.hat.data() + (t * nK + K) * Lh; };
      auto hatI0 = [&](std::size_t t, std::size_t K) { return static_cast<std::size_t>(p.hatPos[(t * nK + K) * 2]); };
      auto hatN = [&](std::size_t t, std::size_t K) { return static_cast<std::size_t>(p.hatPos[(t * nK + K) * 2 + 1]); };
      for (std::size_t K = 0; K < nK; ++K) {
        const std::size_t i = (K + 1) * m_stride - 1;
        f[K] = i < hole.s->u.size() ? hole.s->u[i] / (m_rK[K] * m_rK[K]) : 0.0;
        // local-channel vertex values reg f and out f (the separable Green's function beyond the window)
        xl[K] = f[K] == 0.0 ? cd(0.0) : s.reg[i] * f[K];
        yl[K] = f[K] == 0.0 ? cd(0.0) : s.out[i] * f[K];
      }
      for (std::size_t t = 0; t < nt; ++t) {
        if (b.typeS[t] < 2) continue;
        for (std::size_t K = 0; K < nKh; ++K) {
          const double* sv = hatV(t, K);
          const std::size_t i0 = hatI0(t, K), n = hatN(t, K);
          double xr = 0.0, xi = 0.0, yr = 0.0, yi = 0.0;
          for (std::size_t k = 0; k < n; ++k) {
            const double hs = h * sv[k];
            xr += hs * s.reg[i0 + k].real();
            xi += hs * s.reg[i0 + k].imag();
            yr += hs * s.out[i0 + k].real();
            yi += hs * s.out[i0 + k].imag();
          }
          X[t * nK + K] = cd(xr, xi);
          Y[t * nK + K] = cd(yr, yi);
        }
      }
      for (std::size_t t2 = 0; t2 < nt; ++t2) {
        if (b.typeS[t2] < 2) continue;
        for (std::size_t K2 = 0; K2 < nKh; ++K2) {
          const std::size_t n2 = hatN(t2, K2);
          if (n2 == 0) continue;
          const double* s2 = hatV(t2, K2);
          const long i20 = static_cast<long>(hatI0(t2, K2)), i21 = i20 + static_cast<long>(n2) - 1;
          const long lo = std::max<long>(0, (static_cast<long>(K2) - 2) * static_cast<long>(m_stride) - 1);
          const long hi = std::min<long>(nF - 1, (static_cast<long>(K2) + 4) * static_cast<long>(m_stride) - 1);
          // G s2 on the window [lo, hi] (it contains the supports of the sources at K2 -/+ 2 and their nodes)
          cd Otot = 0.0;
          for (long k = i20; k <= i21; ++k) Otot += (h * s2[static_cast<std::size_t>(k - i20)]) * s.out[static_cast<std::size_t>(k)];
          // gwin as split real and imaginary parts, scaled by h (the quadrature weight of the
          // vertex integrals below).
          const auto nWin = static_cast<std::size_t>(std::max<long>(0, hi - lo + 1));
          gwr.assign(nWin, 0.0);
          gwi.assign(nWin, 0.0);
          cd A = 0.0, B = Otot;
          for (long i = lo; i <= hi; ++i) {
            const auto ii = static_cast<std::size_t>(i);
            if (i >= i20 && i <= i21) {
              const double hs = h * s2[static_cast<std::size_t>(i - i20)];
              A += hs * s.reg[ii];
              B -= hs * s.out[ii];
            }
            const cd g = cmul(cmul(s.out[ii], A) + cmul(s.reg[ii], B), invW);
            gwr[static_cast<std::size_t>(i - lo)] = g.real();
            gwi[static_cast<std::size_t>(i - lo)] = g.imag();
          }
          const cd X2 = cmul(X[t2 * nK + K2], invW), Y2 = cmul(Y[t2 * nK + K2], invW);
          cd* col = P + idx(sp, t2, K2) * N;
          // Separable below (K <= K2 - 3: x_K y_K2) and above (K >= K2 + 3: x_K2 y_K) the band.
          const std::size_t kb0 = K2 >= 2 ? K2 - 2 : 0, kb1 = std::min(nKh, K2 + 3); // band [kb0, kb1)
          const std::size_t kl0 = K2 >= 3 ? K2 - 3 : 0, kl1 = std::min(nKl, K2 + 4); // local window [kl0, kl1)
          for (std::size_t t = 0; t < nt; ++t) {
            if (b.typeS[t] >= 2) {
              cd* c0 = col + idx(sp, t, 0);
              axpyComplex(reinterpret_cast<double*>(c0), reinterpret_cast<const double*>(X.data() + t * nK), weight * Y2, kb0);
              if (kb1 < nKh)
                axpyComplex(reinterpret_cast<double*>(c0 + kb1), reinterpret_cast<const double*>(Y.data() + t * nK + kb1),
                            weight * X2, nKh - kb1);
              for (std::size_t K = kb0; K < kb1; ++K) {
                const double* s1 = hatV(t, K);
                const long i10 = static_cast<long>(hatI0(t, K));
                const std::size_t n1 = hatN(t, K);
                // the support [i10, i10 + n1) clipped to the window [lo, hi]
                const long ka = std::max<long>(0, lo - i10), kz = std::min<long>(static_cast<long>(n1), hi - i10 + 1);
                double vr = 0.0, vi = 0.0;
                for (long k = ka; k < kz; ++k) {
                  const auto iw = static_cast<std::size_t>(i10 + k - lo);
                  vr += s1[k] * gwr[iw];
                  vi += s1[k] * gwi[iw];
                }
                c0[K] += (weight * h) * cd(vr, vi);
              }
            } else {
              // Local rows of the current column; the transposed (current row, local column)
              // entries are copied once after the pair loop.
              const double Aa = weight * p.chanA[t];
              if (Aa == 0.0) continue;
              cd* c0 = col + idx(sp, t, 0);
              axpyComplex(reinterpret_cast<double*>(c0), reinterpret_cast<const double*>(xl.data()), Aa * Y2, kl0);
              if (kl1 < nKl)
                axpyComplex(reinterpret_cast<double*>(c0 + kl1), reinterpret_cast<const double*>(yl.data() + kl1), Aa * X2,
                            nKl - kl1);
              for (std::size_t K = kl0; K < kl1; ++K) {
                if (f[K] == 0.0) continue;
                const long li = static_cast<long>((K + 1) * m_stride - 1);
                cd val;
                if (li >= lo && li <= hi) val = cd(gwr[static_cast<std::size_t>(li - lo)], gwi[static_cast<std::size_t>(li - lo)]) * f[K];
                else if (K < K2) val = cmul(xl[K], Y2);
                else val = cmul(yl[K], X2);
                c0[K] += Aa * val;
              }
            }
          }
        }
      }
    }
    // Pi0 is symmetric: the (current row, local column) entries from the (local row, current column) ones.
    for (std::size_t sp = 0; sp < nsp; ++sp)
      for (std::size_t t2 = 0; t2 < nt; ++t2) {
        if (b.typeS[t2] < 2) continue;
        for (std::size_t K2 = 0; K2 < nKh; ++K2) {
          const std::size_t c2 = idx(sp, t2, K2);
          for (std::size_t t = 0; t < nt; ++t) {
            if (b.typeS[t] >= 2) continue;
            for (std::size_t K = 0; K < nKl; ++K) P[idx(sp, t, K) * N + c2] = P[c2 * N + idx(sp, t, K)];
          }
        }
      }
  }
  // Interaction kernel.
  st.nsp = nsp;
  st.nt = nt;
  st.nK = nK;
  st.dloc.assign(nt * nK * nsp * nsp, 0.0);
  const double norm = 1.0 / (2.0 * b.J + 1.0);
  const double dK = static_cast<double>(m_stride) * m_mf->meshStep();
  for (std::size_t a = 0; a < nt; ++a) {
    const bool spin = b.typeS[a] != 0; // spin or current: no gradient or Coulomb term
    const bool nc = m_mode == ResponseMode::NeutralCurrent;
    for (std::size_t sp = 0; sp < nsp; ++sp)
      for (std::size_t sp2 = 0; sp2 < nsp; ++sp2)
        for (std::size_t K = 0; K < nK; ++K) {
          double v;
          if (b.typeS[a] == 3 || (b.typeS[a] == 2 && K >= m_nKhat)) v = 0.0; // tau couples to rho only (dx below)
          else if (K >= m_nKloc) v = 0.0;                                      // beyond localDensityCut
          else if (b.typeS[a] == 2) v = nc ? m_v.current[sp][sp2] : m_v.currentCE;
          else if (nc) v = spin ? m_v.spin[sp][sp2][K] : m_v.scalar[sp][sp2][K];
          else v = spin ? m_v.spinCE[K] : m_v.scalarCE[K];
          st.dloc[(a * nK + K) * nsp * nsp + sp * nsp + sp2] = dK * m_rK[K] * m_rK[K] * v * norm;
        }
    // Gradient term g int [rho' rho'' + J(J+1) rho rho'' / r^2] r^2 dr (SkyrmeResidualInteraction)
    // on the RPA nodes r_K = (K+1) dK: the derivative on the segment between nodes K-1 and K
    // (midpoint (K+1/2) dK), node -1 the origin (rho_J(0) = 0 for J >= 1; J = 0: zero slope, no
    // segment), node nK beyond the mesh (rho = 0): a symmetric tridiagonal matrix.
    if (!spin && m_cfg.interaction.enabled && m_cfg.interaction.gradientTerms) {
      auto seg2 = [&](std::size_t K) { const double rm = (static_cast<double>(K) + 0.5) * dK; return rm * rm / dK; };
      for (std::size_t sp = 0; sp < nsp; ++sp)
        for (std::size_t sp2 = 0; sp2 < nsp; ++sp2) {
          const double g = (m_mode == ResponseMode::NeutralCurrent ? m_v.gradient[sp][sp2] : m_v.gradientCE) * norm;
          if (g == 0.0) continue;
          if (st.doff.empty()) st.doff.assign(nt * nK * nsp * nsp, 0.0);
          // (the mesh of the interaction ends at node m_nKloc: beyond, rho = 0 as beyond node nK)
          for (std::size_t K = 0; K < m_nKloc; ++K) {
            const double diag = (K == 0 && b.J == 0 ? 0.0 : seg2(K)) + seg2(K + 1) + b.J * (b.J + 1.0) * dK;
            st.dloc[(a * nK + K) * nsp * nsp + sp * nsp + sp2] += g * diag;
            if (K + 1 < m_nKloc) st.doff[(a * nK + K) * nsp * nsp + sp * nsp + sp2] = -g * seg2(K + 1);
          }
        }
    }
    if (!spin && m_mode == ResponseMode::NeutralCurrent && m_cfg.interaction.enabled && m_cfg.interaction.coulomb) {
      // Coulomb direct, multipole J: e^2 4 pi/(2J+1) r<^J / r>^(J+1) between proton densities.
      const double e2 = constants::kAlpha * constants::kHbarC;
      st.coulType = static_cast<int>(a);
      st.coul.resize(static_cast<Eigen::Index>(nK), static_cast<Eigen::Index>(nK));
      for (std::size_t K = 0; K < nK; ++K)
        for (std::size_t K2 = 0; K2 < nK; ++K2) {
          const double r1 = std::min(m_rK[K], m_rK[K2]), r2 = std::max(m_rK[K], m_rK[K2]);
          const double vc = e2 * 4.0 * constants::kPi * norm * std::pow(r1 / r2, b.J) / r2;
          st.coul(static_cast<Eigen::Index>(K), static_cast<Eigen::Index>(K2)) =
              K >= m_nKloc || K2 >= m_nKloc ? 0.0 : dK * m_rK[K] * m_rK[K] * dK * m_rK[K2] * m_rK[K2] * vc * norm;
        }
    }
  }
  // rho-tau term: E = sum_qq' (b1 - b1' d_qq') rho_q tau_q', the same node weights as the local channels.
  for (std::size_t a = 0; a < nt; ++a) {
    if (b.typeS[a] != 3) continue;
    st.tauType = a;
    st.rhoType = 0;
    for (std::size_t c = 0; c < nt; ++c)
      if (b.typeS[c] == 0) st.rhoType = c;
    st.dx.assign(nK * nsp * nsp, 0.0);
    for (std::size_t K = 0; K < m_nKhat; ++K)
      for (std::size_t sp = 0; sp < nsp; ++sp)
        for (std::size_t sp2 = 0; sp2 < nsp; ++sp2) {
          const double v = m_mode == ResponseMode::NeutralCurrent ? m_v.rhoTau[sp][sp2] : m_v.rhoTauCE;
          st.dx[K * nsp * nsp + sp * nsp + sp2] = dK * m_rK[K] * m_rK[K] * v * norm;
        }
  }
  // Current / tau unknowns beyond m_nKhat carry no interaction (zero rows and columns of D): the
  // RPA system on the active part only.
  st.act.clear();
  bool reduced = false;
  for (std::size_t sp = 0; sp < nsp; ++sp)
    for (std::size_t t = 0; t < nt; ++t)
      for (std::size_t K = 0; K < nK; ++K) {
        if ((b.typeS[t] >= 2 && K >= m_nKhat) || K >= m_nKloc) { reduced = true; continue; }
        st.act.push_back(idx(sp, t, K));
      }
  if (!reduced) st.act.clear();
  st.buildBands();
  st.factorise(pi0);
  return st;
}

namespace {

// The Green's function applied to one source b (length n on the fine mesh, zero beyond):
//   g[i] = int G(r_i, r) b(r) dr = [out_i h sum_{k<=i} reg_k b_k + reg_i h sum_{k>i} out_k b_k] / W
// for i < m (m >= n: beyond the source only the first term remains).
void applyGreen(const GreensFunctionSolution& s, const double* b, std::size_t n, double h, std::size_t m, cd invW,
                cd* g) {
  cd acc = 0.0;
  for (std::size_t i = n; i-- > 0;) {
    g[i] = cmul(s.reg[i], acc); // reg_i h sum_{k>i} out_k b_k
    acc += (h * b[i]) * s.out[i];
  }
  acc = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    acc += (h * b[i]) * s.reg[i];
    g[i] = cmul(cmul(s.out[i], acc) + g[i], invW);
  }
  const cd tail = cmul(acc, invW);
  for (std::size_t i = n; i < m; ++i) g[i] = cmul(s.out[i], tail);
}


// applyGreen for ns sources at once, interleaved: source k at b[i * ns + k] (i < n), result in
// gr / gi[i * ns + k] (real, imaginary part; i < m), in real arithmetic so that the loops over
// the sources vectorise; with outW = out / W (the Wronskian folded into the outgoing solution once
// per wave): g[i] = outW_i h sum_{k<=i} reg_k b_k + reg_i h sum_{k>i} outW_k b_k.
LENU_SIMD_CLONES void applyGreenBatch(const GreensFunctionSolution& s, const cd* outW, const double* b, std::size_t ns, std::size_t n,
                     double h, std::size_t m, double* gr, double* gi, std::vector<double>& acc) {
  acc.assign(2 * ns, 0.0);
  double* ar = acc.data();
  double* ai = acc.data() + ns;
  for (std::size_t i = n; i-- > 0;) {
    const double rr = s.reg[i].real(), ri = s.reg[i].imag(), orr = outW[i].real(), oi = outW[i].imag();
    const double* bi = b + i * ns;
    double* gri = gr + i * ns;
    double* gii = gi + i * ns;
    for (std::size_t k = 0; k < ns; ++k) {
      gri[k] = rr * ar[k] - ri * ai[k]; // reg_i h sum_{k>i} outW_k b_k
      gii[k] = rr * ai[k] + ri * ar[k];
      const double hb = h * bi[k];
      ar[k] += hb * orr;
      ai[k] += hb * oi;
    }
  }
  std::fill(acc.begin(), acc.end(), 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    const double rr = s.reg[i].real(), ri = s.reg[i].imag(), orr = outW[i].real(), oi = outW[i].imag();
    const double* bi = b + i * ns;
    double* gri = gr + i * ns;
    double* gii = gi + i * ns;
    for (std::size_t k = 0; k < ns; ++k) {
      const double hb = h * bi[k];
      ar[k] += hb * rr;
      ai[k] += hb * ri;
      gri[k] += orr * ar[k] - oi * ai[k];
      gii[k] += orr * ai[k] + oi * ar[k];
    }
  }
  for (std::size_t k = 0; k < ns; ++k) {
    const double tr = ar[k], ti = ai[k];
    for (std::size_t i = n; i < m; ++i) {
      const double orr = outW[i].real(), oi = outW[i].imag();
      gr[i * ns + k] = orr * tr - oi * ti;
      gi[i * ns + k] = orr * ti + oi * tr;
    }
  }
}

// Source products of W momentum transfers at once: sr / si[(k * nS + k2) * W + qq] += sum_{i < n}
// b[i, k, qq] g[i, k, qq] for k2 >= k (b, g interleaved with ns = nS * W columns per mesh point,
// column k * W + qq; each sum runs over i in mesh order; the loop over qq is one vector).
template <std::size_t W>
LENU_SIMD_CLONES void sourceProducts(const double* bases, const double* gre, const double* gim, std::size_t n, std::size_t nS,
                                     double* sr, double* si) {
  const std::size_t ns = nS * W;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k < nS; ++k) {
      const double* bk = bases + i * ns + k * W;
      for (std::size_t k2 = k; k2 < nS; ++k2) {
        const double* gr = gre + i * ns + k2 * W;
        const double* gi = gim + i * ns + k2 * W;
        double* a = sr + (k * nS + k2) * W;
        double* b = si + (k * nS + k2) * W;
#pragma omp simd
        for (std::size_t qq = 0; qq < W; ++qq) {
          a[qq] += bk[qq] * gr[qq];
          b[qq] += bk[qq] * gi[qq];
        }
      }
    }
}

// P_o[K] = sum_k c_k[o] g_k[K] (complex g as interleaved doubles, sources k in order) for the
// operators o that are on.
LENU_SIMD_CLONES void combineSources(double* P, const double* gw, const std::array<std::array<double, 8>, 9>& coef,
                                     const std::array<std::size_t, 9>& sidx, std::size_t nbs, const std::array<bool, 8>& on,
                                     std::size_t nK, std::size_t n) {
  // rows K < n of each column (stride nK)
  for (std::size_t o = 0; o < 8; ++o) {
    if (!on[o]) continue;
    double* Po = P + 2 * o * nK;
    std::fill(Po, Po + 2 * n, 0.0);
    for (std::size_t k = 0; k < nbs; ++k) {
      const double c = coef[k][o];
      if (c == 0.0) continue;
      const double* gk = gw + 2 * sidx[k] * nK;
      for (std::size_t K = 0; K < 2 * n; ++K) Po[K] += c * gk[K];
    }
  }
}
// col[K] += f[K] P[K] (complex col, P interleaved; real f), K < nK.
LENU_SIMD_CLONES void addScaledRows(double* col, const double* f, const double* P, std::size_t nK) {
  for (std::size_t K = 0; K < nK; ++K) {
    col[2 * K] += f[K] * P[2 * K];
    col[2 * K + 1] += f[K] * P[2 * K + 1];
  }
}
} // namespace

namespace {
// Weak-multipole coefficients of the basic operators (index species * 8 + operator), per
// multipole kind: Coulomb (c), longitudinal (l), the CVC vector part per unit of excitation
// energy above the analog state (v, state-energy CVC only), transverse electric (e) and magnetic
// (m). Each coefficient is i^p a with the amplitude a (T = double on the real axis, complex where
// continued) and p = 0 or 1, so that Re(conj(k_i) k_k) = cos(pi (p_k - p_i) / 2) a_i a_k, which
// continues analytically (phase).
template <class T> struct WeakCoefficients {
  struct Kind {
    std::vector<T> a;
    std::vector<int> p;
    void set(std::size_t i, T amp, int pw = 0) { a[i] = amp; p[i] = pw; }
  };
  Kind c, l, v, e, m;
  explicit WeakCoefficients(std::size_t n) {
    for (Kind* k : {&c, &l, &v, &e, &m}) {
      k->a.assign(n, T(0.0));
      k->p.assign(n, 0);
    }
  }
};
// cos(pi (p2 - p1) / 2) for p1, p2 in {0, 1}
inline double phase(int p1, int p2) {
  const int d = (p2 - p1 + 4) % 4;
  return d == 0 ? 1.0 : d == 2 ? -1.0 : 0.0;
}
// The coefficients of one species with form factors ff at momentum transfer q and energy transfer
// omega [MeV]; CVC longitudinal: with stateEnergyCvc the vector part v = F1 / q (weighted later
// with the states' energies above the analog state), else omegaV F1 / q in l (omegaV = omega -
// omega_IAS); impulse: the convection current.
template <class T, class FF>
void addWeakCoefficients(WeakCoefficients<T>& k, std::size_t o0, const FF& ff, T q, T omega, T omegaV, bool cvc,
                         bool stateEnergyCvc) {
  const T qm = q / kNucleonMass;
  k.c.set(o0 + kM, ff.F1);
  k.c.set(o0 + kO, qm * ff.GA, 1);
  k.c.set(o0 + kSPP, qm * ff.GA * 0.5 - (omega / q) * ff.GA * ff.pionPole, 1);
  if (cvc) {
    if (stateEnergyCvc) k.v.set(o0 + kM, ff.F1 / q);
    else k.l.set(o0 + kM, (omegaV / q) * ff.F1);
  } else {
    k.l.set(o0 + kDPP, -qm * ff.F1);
    k.l.set(o0 + kM, 0.5 * qm * ff.F1);
  }
  k.l.set(o0 + kSPP, ff.GA * (1.0 - ff.pionPole), 1);
  k.e.set(o0 + kDP, qm * ff.F1);
  k.e.set(o0 + kS, 0.5 * qm * ff.GM);
  k.e.set(o0 + kSP, -ff.GA, 1);
  k.m.set(o0 + kD, -qm * ff.F1, 1);
  k.m.set(o0 + kSP, 0.5 * qm * ff.GM, 1);
  k.m.set(o0 + kS, -ff.GA);
}
} // namespace

std::vector<double> CrpaResponse::momentumNodes(std::span<const double> qs) const {
  std::vector<double> nodes(qs.begin(), qs.end());
  const double tol = m_cfg.qInterpolationTolerance;
  if (!(tol > 0.0) || qs.size() < 4) return nodes;
  const auto [lo, hi] = std::minmax_element(qs.begin(), qs.end());
  const double a = m_rK[m_nKloc - 1] * 0.5 * (*hi - *lo) / constants::kHbarC;
  if (!(a > 0.0)) return nodes;
  // smallest n with 2 a^n / n! <= tol (the first neglected Chebyshev coefficient of exp(2 i a x))
  std::size_t n = 1;
  double term = 2.0 * a;
  while (term > tol && n < qs.size()) term *= a / static_cast<double>(++n);
  n = std::max<std::size_t>(n, 3);
  if (n >= qs.size()) return nodes;
  nodes.resize(n);
  const double mid = 0.5 * (*hi + *lo), half = 0.5 * (*hi - *lo);
  for (std::size_t j = 0; j < n; ++j) nodes[j] = mid - half * std::cos(constants::kPi * static_cast<double>(j) / static_cast<double>(n - 1));
  nodes.front() = *lo;
  nodes.back() = *hi;
  return nodes;
}

std::vector<double> CrpaResponse::complexMomentumNodes(std::span<const cd> qc) const {
  require(!qc.empty(), "CrpaResponse::analyticResponses: no momentum transfer requested");
  double lo = qc[0].real(), hi = lo;
  for (const cd& q : qc) {
    require(std::isfinite(q.real()) && std::isfinite(q.imag()) && q.real() > 0.0,
            fmt::format("CrpaResponse::analyticResponses: q = {}{:+}i MeV must be finite with Re q > 0", q.real(), q.imag()));
    lo = std::min(lo, q.real());
    hi = std::max(hi, q.real());
  }
  if (hi - lo < 1.0) { // at least 1 MeV wide, inside q > 0
    const double mid = 0.5 * (lo + hi);
    lo = std::max(0.5 * mid, mid - 0.5);
    hi = lo + 1.0;
  }
  const double mid = 0.5 * (hi + lo), half = 0.5 * (hi - lo);
  // Chebyshev series of an entire function of exponential type 2 r_int / hbar c: the n-th term is
  // bounded by 2 a^n / n! on [lo, hi] and by 2 (a rho)^n / n! at a complex point on the Bernstein
  // ellipse rho (|x + sqrt(x^2 - 1)|, x the point mapped to [-1, 1]).
  double rho = 1.0;
  for (const cd& q : qc) {
    const cd x = (q - mid) / half;
    rho = std::max(rho, std::abs(x + std::sqrt(x - 1.0) * std::sqrt(x + 1.0)));
  }
  const double tol = m_cfg.qInterpolationTolerance > 0.0 ? m_cfg.qInterpolationTolerance : 1e-9;
  const double a = m_rK[m_nKloc - 1] * half / constants::kHbarC * rho;
  std::size_t n = 1;
  double term = 2.0 * a;
  while (term > tol && n < 60) term *= a / static_cast<double>(++n);
  n = std::max<std::size_t>(n + 1, 4);
  std::vector<double> nodes(n);
  for (std::size_t j = 0; j < n; ++j) nodes[j] = mid - half * std::cos(constants::kPi * static_cast<double>(j) / static_cast<double>(n - 1));
  nodes.front() = lo;
  nodes.back() = hi;
  return nodes;
}

std::vector<ResponseSet> CrpaResponse::weakResponses(cd z, std::span<const double> qReqIn, bool stateEnergyCvc,
                                                     std::span<const cd> qComplex, std::vector<AnalyticResponseSet>* xout,
                                                     MultipoleRange range) const {
  // The response matrices are computed at the nodes qs (the requested q, or Chebyshev-Lobatto
  // nodes, see momentumNodes) and interpolated to the requested q in the last step. With xout,
  // the analytic continuation at the complex qComplex (always interpolated from real nodes).
  const std::vector<double> qNodes = xout ? complexMomentumNodes(qComplex) : momentumNodes(qReqIn);
  const std::span<const double> qReq = xout ? std::span<const double>(qNodes) : qReqIn;
  std::vector<ResponseSet> out(xout ? 0 : qReq.size());
  const std::span<const double> qs(qNodes);
  const bool interpolate = xout || qNodes.size() < qReq.size();
  std::vector<std::vector<AnalyticResponseSet>> xpartial(xout ? m_blocks.size() : 0, std::vector<AnalyticResponseSet>(qComplex.size()));
  // The blocks of the requested multipoles and the partial waves they use.
  std::vector<char> blockOn(m_blocks.size(), 0), waveOn(m_waves.size(), 0);
  for (std::size_t ib = 0; ib < m_blocks.size(); ++ib) {
    if (!range.contains(m_blocks[ib].J)) continue;
    blockOn[ib] = 1;
    for (const auto& p : m_blocks[ib].pairs) waveOn[p.wave] = 1;
  }
  const auto sols = solutions(z, waveOn);
  const double omega = z.real() + m_shift;
  const cd omegaC = z + m_shift - cd(0.0, 0.5 * m_cfg.spreadingWidth); // the probe's (complex) omega of xout
  const double omegaV = omega - m_omegaIAS;
  const bool cvcStates = stateEnergyCvc && m_cfg.longitudinal == VectorLongitudinal::CVC;
  const double etaPi = z.imag() / constants::kPi;
  const double h = m_mf->meshStep();
  const int Lmax = m_cfg.maxJ + 2;
  // Bessel functions and their r-derivatives on the fine mesh: [iq][L][i].
  std::size_t nB = 0;
  for (const auto& hh : m_holes) nB = std::max(nB, hh.iMax);
  const std::size_t nq = qs.size();
  std::vector<double> jt(nq * static_cast<std::size_t>(Lmax + 1) * nB), djt(jt.size());
  {
    std::vector<double> jl(static_cast<std::size_t>(Lmax + 2));
    for (std::size_t iq = 0; iq < nq; ++iq) {
      const double qFm = std::max(qs[iq], 1e-6) / constants::kHbarC;
      for (std::size_t i = 0; i < nB; ++i) {
        const double x = qFm * static_cast<double>(i + 1) * h;
        gsl_sf_bessel_jl_steed_array(Lmax + 1, x, jl.data());
        for (int L = 0; L <= Lmax; ++L) {
          const std::size_t k = (iq * static_cast<std::size_t>(Lmax + 1) + static_cast<std::size_t>(L)) * nB + i;
          jt[k] = jl[static_cast<std::size_t>(L)];
          const double dl = L == 0 ? -jl[1] : (L * jl[static_cast<std::size_t>(L - 1)] - (L + 1.0) * jl[static_cast<std::size_t>(L + 1)]) / (2.0 * L + 1.0);
          djt[k] = qFm * dl;
        }
      }
    }
  }
  auto jAt = [&](std::size_t iq, int L) { return jt.data() + (iq * static_cast<std::size_t>(Lmax + 1) + static_cast<std::size_t>(L)) * nB; };
  auto djAt = [&](std::size_t iq, int L) { return djt.data() + (iq * static_cast<std::size_t>(Lmax + 1) + static_cast<std::size_t>(L)) * nB; };
  const std::size_t nsp = static_cast<std::size_t>(speciesCount());
  const std::size_t nExt = 8 * nsp;
  const auto nE = static_cast<Eigen::Index>(nExt);
  // Fine-mesh points where the applied sources are needed: the source range and the RPA mesh.
  const std::size_t mG = std::min(m_nFine, std::max(nB, m_nK * m_stride));
  const Channel channel = m_mode == ResponseMode::NeutralCurrent ? Channel::NeutralCurrent : Channel::ChargedCurrent;
  // the nucleon of species index sp (NC: 0 proton, 1 neutron; CC: the hole's)
  auto isospinOf = [&](std::size_t sp) {
    if (m_mode == ResponseMode::NeutralCurrent) return sp == 0 ? Isospin::Proton : Isospin::Neutron;
    return m_mode == ResponseMode::ChargedCurrentNu ? Isospin::Neutron : Isospin::Proton;
  };
  const long nb = static_cast<long>(m_blocks.size());
  const long nw = static_cast<long>(m_waves.size());
  const std::size_t nK = m_nK;
  std::vector<std::vector<ResponseSet>> partial(m_blocks.size(), std::vector<ResponseSet>(qReq.size()));
  // Barycentric weights of the Chebyshev-Lobatto nodes, (-1)^j, halved at the ends.
  std::vector<double> bary(nq);
  for (std::size_t j = 0; j < nq; ++j) bary[j] = (j % 2 == 0 ? 1.0 : -1.0) * (j == 0 || j + 1 == nq ? 0.5 : 1.0);
  // Per block: the RPA state (one LU per block and omega), the external operators (species,
  // basic operator) the block couples to as compact columns, the mixed free propagators R0(n, A)
  // of all q side by side (columns iq * nA + column, so that one LU solve serves every momentum
  // transfer) and the free parts R0(A, B) per q.
  struct Work {
    BlockState st;
    std::vector<int> column;
    std::vector<std::size_t> active;
    MatC R0n;
    std::vector<MatC> Rf;
    // Per pair: weight chanA[a] u_h(r_K) / r_K^2 at [a * nK + K] (the radial factor of the
    // mixed propagators, q-independent).
    std::vector<std::vector<double>> fK;
  };
  std::vector<Work> work(m_blocks.size());
  parallelFor(nb, [&](long ib) {
    if (!blockOn[static_cast<std::size_t>(ib)]) return;
    const Block& b = m_blocks[static_cast<std::size_t>(ib)];
    Work& wk = work[static_cast<std::size_t>(ib)];
    wk.st = prepare(b, sols, z.imag());
    wk.column.assign(nExt, -1);
    for (const auto& p : b.pairs) {
      const std::size_t sp = static_cast<std::size_t>(speciesIndex(m_holes[m_waves[p.wave].hole].species));
      for (std::size_t o = 0; o < 8; ++o)
        for (const auto& kd : p.ang.c[o])
          for (double c : kd)
            if (c != 0.0 && wk.column[sp * 8 + o] < 0) wk.column[sp * 8 + o] = 0;
    }
    for (std::size_t e = 0; e < nExt; ++e)
      if (wk.column[e] == 0) { wk.column[e] = static_cast<int>(wk.active.size()); wk.active.push_back(e); }
    const auto nA = static_cast<Eigen::Index>(wk.active.size());
    wk.R0n = MatC::Zero(static_cast<Eigen::Index>(wk.st.N), nA * static_cast<Eigen::Index>(nq));
    wk.Rf.assign(nq, MatC::Zero(nA, nA));
    const std::size_t nt = static_cast<std::size_t>(b.ntype);
    wk.fK.assign(b.pairs.size(), std::vector<double>(nt * nK, 0.0));
    for (std::size_t ip = 0; ip < b.pairs.size(); ++ip) {
      const Pair& p = b.pairs[ip];
      const auto& hole = m_holes[m_waves[p.wave].hole];
      const auto& u = hole.s->u;
      for (std::size_t a = 0; a < nt; ++a) {
        const double A = hole.s->occupation * p.chanA[a];
        if (A == 0.0) continue;
        for (std::size_t K = 0; K < nK; ++K) {
          const std::size_t i = (K + 1) * m_stride - 1;
          if (i < u.size()) wk.fK[ip][a * nK + K] = A * u[i] / (m_rK[K] * m_rK[K]);
        }
      }
    }
  });
  // Per q, each wave's sources (kind, L) with G applied, once for all blocks (Wave::sources):
  // their values on the RPA mesh gK and their products F(s, s2) = int b_s G b_s2 (G(r, r') =
  // G(r', r) on the mesh, so s <= s2 suffices).
  std::vector<std::size_t> gOff(m_waves.size() + 1, 0), fOff(m_waves.size() + 1, 0);
  std::size_t maxS = 0;
  for (std::size_t iw = 0; iw < m_waves.size(); ++iw) {
    const std::size_t nS = m_waves[iw].sources.size();
    gOff[iw + 1] = gOff[iw] + nS * nK;
    fOff[iw + 1] = fOff[iw] + nS * nS;
    maxS = std::max(maxS, nS);
  }
  // Momentum transfers in chunks of kQChunk (fewer parallel regions, bounded memory).
  constexpr std::size_t kQChunk = 4;
  std::vector<cd> gK(gOff.back() * kQChunk), Fw(fOff.back() * kQChunk);
  // The outgoing solutions divided by the Wronskian (q-independent), on the mesh up to mG.
  std::vector<std::vector<cd>> outW(m_waves.size());
  for (std::size_t iw = 0; iw < m_waves.size(); ++iw) {
    if (!waveOn[iw]) continue;
    if (m_waves[iw].sources.empty()) continue;
    const cd invW = 1.0 / sols[iw].wronskian;
    outW[iw].resize(mG);
    for (std::size_t i = 0; i < mG; ++i) outW[iw][i] = sols[iw].out[i] * invW;
  }
  // With current channels the applied sources are also kept on the fine points [0, mF) that the
  // hat-function vertices reach (nodes K < m_nKhat), in polyphase form for the vertex projections
  // (Pair::hatW): per source, gP[m * nP + K'] = Re (G b)(i) and gP[(stride + m) * nP + K'] = Im,
  // i = stride (K' - 1) + m (0 outside [0, mF)), at gP[qq * gpTot + (gOff[iw] / nK + k) * pLen].
  bool anyCurrent = false;
  for (const auto& b : m_blocks) anyCurrent = anyCurrent || b.hasCurrent;
  const std::size_t mF = std::min(mG, (m_nKhat + 2) * m_stride);
  const std::size_t nP = m_nKhat + 2, pLen = 2 * m_stride * nP;
  const std::size_t gpTot = anyCurrent ? gOff.back() / std::max<std::size_t>(nK, 1) * pLen : 0;
  std::vector<double> gP(gpTot * kQChunk);
  for (std::size_t q0 = 0; q0 < nq; q0 += kQChunk) {
    const std::size_t q1 = std::min(nq, q0 + kQChunk);
    const std::size_t nqc = q1 - q0;
    // Per wave, the sources of all q of the chunk in one batch (columns k * kQChunk + qq, the
    // columns qq >= nqc of a last, shorter chunk zero): the same reg and out serve every q, and
    // the loops over the batch vectorise.
    FirstFailure failure;
#ifdef _OPENMP
#pragma omp parallel
#endif
    {
      std::vector<double> bases(maxS * kQChunk * nB), gre(maxS * kQChunk * mG), gim(maxS * kQChunk * mG), acc;
      std::vector<double> sums;
#ifdef _OPENMP
#pragma omp for schedule(dynamic)
#endif
      for (long iw = 0; iw < nw; ++iw) failure.run([&] {
        if (!waveOn[static_cast<std::size_t>(iw)]) return;
        const auto& w = m_waves[static_cast<std::size_t>(iw)];
        const std::size_t nS = w.sources.size();
        if (nS == 0) return;
        const std::size_t ns = nS * kQChunk;
        const auto& hole = m_holes[w.hole];
        const auto& s = sols[static_cast<std::size_t>(iw)];
        const std::size_t n = hole.iMax;
        const auto& u = hole.s->u;
        const int lp = w.l;
        for (std::size_t k = 0; k < nS; ++k) {
          const int kind = w.sources[k][0];
          std::array<const double*, kQChunk> jl{}, djl{};
          for (std::size_t qq = 0; qq < nqc; ++qq) {
            jl[qq] = jAt(q0 + qq, w.sources[k][1]);
            djl[qq] = djAt(q0 + qq, w.sources[k][1]);
          }
          double* src = bases.data() + k * kQChunk; // interleaved: src[i * ns + qq]
          const double* fk = kind == 0 ? u.data() : kind == 1 ? hole.bm.data() : hole.bp.data();
          for (std::size_t i = 0; i < n; ++i) {
            double* si = src + i * ns;
            const double r = static_cast<double>(i + 1) * h;
            for (std::size_t qq = 0; qq < kQChunk; ++qq) {
              if (qq >= nqc) {
                si[qq] = 0.0;
              } else if (w.forward) {
                si[qq] = jl[qq][i] * fk[i];
              } else {
                const double f = jl[qq][i] * u[i];
                const double df = djl[qq][i] * u[i] + jl[qq][i] * hole.du[i];
                si[qq] = kind == 0 ? f : kind == 1 ? -df - (lp + 1.0) * f / r : -df + lp * f / r;
              }
            }
          }
        }
        applyGreenBatch(s, outW[static_cast<std::size_t>(iw)].data(), bases.data(), ns, n, h, mG, gre.data(), gim.data(), acc);
        for (std::size_t qq = 0; qq < nqc; ++qq)
          for (std::size_t k = 0; k < nS; ++k) {
            cd* gk = gK.data() + qq * gOff.back() + gOff[static_cast<std::size_t>(iw)] + k * nK;
            const std::size_t c = k * kQChunk + qq;
            for (std::size_t K = 0; K < m_nKloc; ++K) { // the interacting nodes only (R0n rows, addScaledRows)
              const std::size_t i = (K + 1) * m_stride - 1;
              gk[K] = cd(gre[i * ns + c], gim[i * ns + c]);
            }
            if (anyCurrent) {
              double* gp = gP.data() + qq * gpTot + (gOff[static_cast<std::size_t>(iw)] / nK + k) * pLen;
              for (std::size_t m = 0; m < m_stride; ++m)
                for (std::size_t Kp = 0; Kp < nP; ++Kp) {
                  const bool in = Kp >= 1 && m_stride * (Kp - 1) + m < mF;
                  const std::size_t i = in ? m_stride * (Kp - 1) + m : 0;
                  gp[m * nP + Kp] = in ? gre[i * ns + c] : 0.0;
                  gp[(m_stride + m) * nP + Kp] = in ? gim[i * ns + c] : 0.0;
                }
            }
          }
        // F(k, k2) = int b_k G b_k2 for all k2 >= k in one pass over i (contiguous in k2; each
        // sum runs over i in order, the unneeded products cost less than selecting the needed).
        sums.assign(2 * kQChunk * nS * nS, 0.0);
        double* sr = sums.data();
        double* si = sums.data() + kQChunk * nS * nS;
        sourceProducts<kQChunk>(bases.data(), gre.data(), gim.data(), n, nS, sr, si);
        for (std::size_t qq = 0; qq < nqc; ++qq) {
          cd* fw = Fw.data() + qq * fOff.back() + fOff[static_cast<std::size_t>(iw)];
          for (std::size_t k = 0; k < nS; ++k)
            for (std::size_t k2 = k; k2 < nS; ++k2)
              if (w.products[k * nS + k2]) fw[k * nS + k2] = cd(sr[(k * nS + k2) * kQChunk + qq], si[(k * nS + k2) * kQChunk + qq]);
        }
      });
    }
    failure.rethrowIfAny();
    // Per block: the mixed propagators R0(n, A) and free parts R0(A, B) of these q.
    parallelFor(nb, [&](long ib) {
      if (!blockOn[static_cast<std::size_t>(ib)]) return;
      const Block& b = m_blocks[static_cast<std::size_t>(ib)];
      Work& wk = work[static_cast<std::size_t>(ib)];
      const std::size_t nt = static_cast<std::size_t>(b.ntype);
      auto idx = [&](std::size_t sp, std::size_t t, std::size_t K) { return (sp * nt + t) * nK + K; };
      const auto nA = static_cast<Eigen::Index>(wk.active.size());
      for (std::size_t iq = q0; iq < q1; ++iq) {
        const double qFm = std::max(qs[iq], 1e-6) / constants::kHbarC;
        const auto col0 = static_cast<Eigen::Index>(iq) * nA;
        MatC& rf = wk.Rf[iq];
        std::array<std::array<double, 8>, 9> coef{};
        std::array<std::size_t, 9> sidx{};
        std::vector<cd> P(8 * nK);
        std::array<cd, 81> F{};
        std::array<cd, 72> T{};
        std::vector<double> prv;
        for (std::size_t ip = 0; ip < b.pairs.size(); ++ip) {
          const Pair& p = b.pairs[ip];
          const auto& w = m_waves[p.wave];
          const auto& hole = m_holes[w.hole];
          const std::size_t sp = static_cast<std::size_t>(speciesIndex(hole.species));
          const double weight = hole.s->occupation;
          const std::size_t nS = w.sources.size();
          std::size_t nbs = 0;
          std::array<bool, 8> on{};
          for (int kind = 0; kind < 3; ++kind)
            for (int d = 0; d < 3; ++d) {
              const int sI = p.source[static_cast<std::size_t>(kind * 3 + d)];
              if (sI < 0) continue;
              for (int o = 0; o < 8; ++o) {
                const double c = p.ang.c[static_cast<std::size_t>(o)][static_cast<std::size_t>(kind)][static_cast<std::size_t>(d)] * (isGradientOp(o) ? 1.0 / qFm : 1.0);
                coef[nbs][static_cast<std::size_t>(o)] = c;
                if (c != 0.0) on[static_cast<std::size_t>(o)] = true;
              }
              sidx[nbs++] = static_cast<std::size_t>(sI);
            }
          // Mixed propagators: R0(n_(a,K), A_o) = weight chanA[a] u(r_K)/r_K^2 sum_k c_k[o] (G b_k)(r_K).
          const cd* gw = gK.data() + (iq - q0) * gOff.back() + gOff[p.wave];
          combineSources(reinterpret_cast<double*>(P.data()), reinterpret_cast<const double*>(gw), coef, sidx, nbs, on, nK, m_nKloc);
          for (std::size_t a = 0; a < nt; ++a) {
            if (weight * p.chanA[a] == 0.0) continue;
            const double* fK = wk.fK[ip].data() + a * nK;
            for (std::size_t o = 0; o < 8; ++o) {
              if (!on[o]) continue;
              // column o, rows (sp, a, K) of R0n, real and imaginary parts interleaved
              double* col = reinterpret_cast<double*>(wk.R0n.data() + (col0 + wk.column[sp * 8 + o]) * wk.R0n.rows() +
                                                      static_cast<Eigen::Index>(idx(sp, a, 0)));
              addScaledRows(col, fK, reinterpret_cast<const double*>(P.data() + o * nK), m_nKloc);
            }
          }
          // Current rows: R0(j_(t,K), A_o) = weight h sum_i s_tK(i) sum_k c_k[o] (G b_k)(r_i).
          if (b.hasCurrent) {
            // Each applied source (G b_k)(r_i) projected on the pair's hat vertices (type t, all
            // nodes K at once, one vertex row j at a time on the polyphase sources), then combined
            // per operator: R0n(row (t, K), o) += h weight sum_k c_k[o] pr_k[K].
            const double* gpw = gP.data() + (iq - q0) * gpTot + gOff[p.wave] / nK * pLen;
            const std::size_t Lh = 2 * m_stride + 1, nKh = m_nKhat;
            const double hw = h * weight;
            if (prv.size() < 2 * nbs * nKh) prv.resize(2 * nbs * nKh);
            for (std::size_t t = 0; t < nt; ++t) {
              if (b.typeS[t] < 2) continue;
              const double* Wt = p.hatW.data() + t * Lh * nKh;
              for (std::size_t k = 0; k < nbs; ++k) {
                double* pre = prv.data() + 2 * k * nKh;
                const double* Pk = gpw + sidx[k] * pLen;
                for (std::size_t j = 0; j < Lh; ++j) {
                  const std::size_t jm = j + m_stride - 1, m = jm % m_stride, d1 = jm / m_stride;
                  hatProject(Wt + j * nKh, Pk + m * nP + d1, Pk + (m_stride + m) * nP + d1, pre, pre + nKh, nKh, j == 0);
                }
              }
              for (std::size_t o = 0; o < 8; ++o) {
                if (!on[o]) continue;
                double* col = reinterpret_cast<double*>(wk.R0n.data() + (col0 + wk.column[sp * 8 + o]) * wk.R0n.rows() +
                                                        static_cast<Eigen::Index>(idx(sp, t, 0)));
                for (std::size_t k = 0; k < nbs; ++k)
                  if (coef[k][o] != 0.0) addScaledSplit(col, prv.data() + 2 * k * nKh, prv.data() + (2 * k + 1) * nKh, hw * coef[k][o], nKh);
              }
            }
          }
          // Free part, forward and backward (the backward term cancels the Pauli-blocked
          // hole-hole poles of the forward one, which lie at omega > 0):
          // R0(A_o, A_o2) += sum_{k,k2} c_k[o] F(k, k2) c_k2[o2] h weight, F symmetric.
          const cd* fw = Fw.data() + (iq - q0) * fOff.back() + fOff[p.wave];
          for (std::size_t k = 0; k < nbs; ++k)
            for (std::size_t k2 = k; k2 < nbs; ++k2)
              F[k * nbs + k2] = F[k2 * nbs + k] = fw[sidx[k] * nS + sidx[k2]] * (h * weight);
          for (std::size_t k = 0; k < nbs; ++k)
            for (std::size_t o2 = 0; o2 < 8; ++o2) {
              if (!on[o2]) continue;
              cd t = 0.0;
              for (std::size_t k2 = 0; k2 < nbs; ++k2)
                if (coef[k2][o2] != 0.0) t += coef[k2][o2] * F[k * nbs + k2];
              T[k * 8 + o2] = t;
            }
          for (std::size_t o = 0; o < 8; ++o) {
            if (!on[o]) continue;
            for (std::size_t o2 = 0; o2 < 8; ++o2) {
              if (!on[o2]) continue;
              cd v = 0.0;
              for (std::size_t k = 0; k < nbs; ++k)
                if (coef[k][o] != 0.0) v += coef[k][o] * T[k * 8 + o2];
              rf(wk.column[sp * 8 + o], wk.column[sp * 8 + o2]) += v;
            }
          }
        }
      }
    });
  }
  parallelFor(nb, [&](long ib) {
    if (!blockOn[static_cast<std::size_t>(ib)]) return;
    const Block& b = m_blocks[static_cast<std::size_t>(ib)];
    const Work& wk = work[static_cast<std::size_t>(ib)];
    const BlockState& st = wk.st;
    const MatC& R0n = wk.R0n;
    const std::vector<MatC>& Rf = wk.Rf;
    const std::vector<std::size_t>& active = wk.active;
    const auto nA = static_cast<Eigen::Index>(active.size());
    // RPA: R = R0(A, B) + R0(A, n) D (1 - Pi0 D)^-1 R0(n, B), all q at once.
    MatC left, right;
    const bool rpa = m_cfg.interaction.enabled && st.N > 0;
    if (rpa) std::tie(left, right) = st.rpaFactors(R0n);
    // The response matrices at the nodes; interpolated, with the gradient operators' rows and
    // columns times q (entire in q).
    std::vector<MatC> RaN(nq);
    auto scale = [&](Eigen::Index i, double qFm) { return isGradientOp(static_cast<int>(active[static_cast<std::size_t>(i)] % 8)) ? qFm : 1.0; };
    for (std::size_t iq = 0; iq < nq; ++iq) {
      const auto col0 = static_cast<Eigen::Index>(iq) * nA;
      RaN[iq] = Rf[iq];
      if (rpa) RaN[iq].noalias() += left.middleCols(col0, nA).transpose() * right.middleCols(col0, nA);
      if (interpolate) {
        const double qFm = std::max(qs[iq], 1e-6) / constants::kHbarC;
        for (Eigen::Index i = 0; i < nA; ++i)
          for (Eigen::Index k = 0; k < nA; ++k) RaN[iq](i, k) *= scale(i, qFm) * scale(k, qFm);
      }
    }
    if (xout) {
      // Analytic continuation: the interpolant at complex q, the symmetric part of R itself
      // (X = -(1/pi) R, W = Im X on the real axis) contracted with the weak couplings continued
      // in q and omega. Every coefficient is i^p a with a real on the real axis and p = 0 or 1, so
      // that Re(conj(k_i) k_k) = cos(pi (p_k - p_i) / 2) a_i a_k continues analytically.
      // CVC with the probe's omega: in the limit of vanishing smearing the state energy is omega.
      for (std::size_t iq = 0; iq < qComplex.size(); ++iq) {
        const cd qv = qComplex[iq];
        MatC Ra = MatC::Zero(nA, nA);
        cd den = 0.0;
        std::size_t hit = nq;
        for (std::size_t j = 0; j < nq; ++j)
          if (qv == cd(qs[j], 0.0)) hit = j;
        if (hit < nq) {
          Ra = RaN[hit];
        } else {
          for (std::size_t j = 0; j < nq; ++j) {
            const cd c = bary[j] / (qv - qs[j]);
            den += c;
            Ra += c * RaN[j];
          }
          Ra /= den;
        }
        const cd qFm = qv / constants::kHbarC;
        auto scaleC = [&](Eigen::Index i) { return isGradientOp(static_cast<int>(active[static_cast<std::size_t>(i)] % 8)) ? qFm : cd(1.0); };
        const cd Q2 = qv * qv - omegaC * omegaC;
        WeakCoefficients<cd> kw(nExt);
        for (std::size_t sp = 0; sp < nsp; ++sp)
          addWeakCoefficients(kw, sp * 8, m_couplings.at(channel, isospinOf(sp), qv, Q2), qv, omegaC, omegaC - m_omegaIAS,
                              m_cfg.longitudinal == VectorLongitudinal::CVC, false);
        const auto &kc = kw.c, &kl = kw.l, &ke = kw.e, &km = kw.m;
        AnalyticResponseFunctions X;
        for (Eigen::Index i = 0; i < nA; ++i)
          for (Eigen::Index k = 0; k < nA; ++k) {
            const std::size_t ei = active[static_cast<std::size_t>(i)], ek = active[static_cast<std::size_t>(k)];
            const cd r = -0.5 * (Ra(i, k) + Ra(k, i)) / (scaleC(i) * scaleC(k)) / constants::kPi;
            X.CC += phase(kc.p[ei], kc.p[ek]) * kc.a[ei] * kc.a[ek] * r;
            X.CL += 2.0 * phase(kl.p[ek], kc.p[ei]) * kc.a[ei] * kl.a[ek] * r;
            X.LL += phase(kl.p[ei], kl.p[ek]) * kl.a[ei] * kl.a[ek] * r;
            X.T += (phase(ke.p[ei], ke.p[ek]) * ke.a[ei] * ke.a[ek] + phase(km.p[ei], km.p[ek]) * km.a[ei] * km.a[ek]) * r;
            X.TP += 2.0 * phase(km.p[ek], ke.p[ei]) * ke.a[ei] * km.a[ek] * r;
          }
        xpartial[static_cast<std::size_t>(ib)][iq].add(b.J, b.parity, X);
      }
      return;
    }
    for (std::size_t iq = 0; iq < qReq.size(); ++iq) {
      const double qMeV = std::max(qReq[iq], 1e-6);
      MatC Ra;
      if (!interpolate) {
        Ra = std::move(RaN[iq]);
      } else {
        std::size_t hit = nq;
        for (std::size_t j = 0; j < nq; ++j)
          if (qReq[iq] == qs[j]) hit = j;
        if (hit < nq) {
          Ra = RaN[hit];
        } else {
          Ra = MatC::Zero(nA, nA);
          double den = 0.0;
          for (std::size_t j = 0; j < nq; ++j) {
            const double c = bary[j] / (qReq[iq] - qs[j]);
            den += c;
            Ra += c * RaN[j];
          }
          Ra /= den;
        }
        const double qFm = qMeV / constants::kHbarC;
        for (Eigen::Index i = 0; i < nA; ++i)
          for (Eigen::Index k = 0; k < nA; ++k) Ra(i, k) /= scale(i, qFm) * scale(k, qFm);
      }
      MatC R = MatC::Zero(nE, nE);
      for (Eigen::Index i = 0; i < nA; ++i)
        for (Eigen::Index k = 0; k < nA; ++k)
          R(static_cast<Eigen::Index>(active[static_cast<std::size_t>(i)]), static_cast<Eigen::Index>(active[static_cast<std::size_t>(k)])) = Ra(i, k);
      // Spectral matrix S = -(1/pi) Im of the symmetric part.
      Eigen::MatrixXd S(static_cast<Eigen::Index>(nExt), static_cast<Eigen::Index>(nExt));
      for (Eigen::Index i = 0; i < S.rows(); ++i)
        for (Eigen::Index k = 0; k < S.cols(); ++k) S(i, k) = -0.5 * (R(i, k) + R(k, i)).imag() / constants::kPi;
      // State-energy CVC (see the header, "CVC longitudinal current"): with the Lorentzian
      // weights w_f = a_f L_eta(omega - E_f) of S, Y = sum_f w_f (E_f - omega_IAS)
      // = (omega - omega_IAS) S - (eta/pi) Re R, exact for any set of poles.
      Eigen::MatrixXd Y;
      if (cvcStates) {
        Y.resize(S.rows(), S.cols());
        for (Eigen::Index i = 0; i < S.rows(); ++i)
          for (Eigen::Index k = 0; k < S.cols(); ++k)
            Y(i, k) = omegaV * S(i, k) - etaPi * 0.5 * (R(i, k) + R(k, i)).real();
      }
      // Weak-multipole coefficients per species; kl: longitudinal coefficients weighted with S; kv:
      // the CVC vector part (F1/q per unit of excitation energy above the analog state), weighted
      // with Y (linear terms) and the single-pole estimate (quadratic term), or, without
      // state-energy CVC, folded into kl.
      const double Q2 = qMeV * qMeV - omega * omega;
      WeakCoefficients<double> kw(nExt);
      for (std::size_t sp = 0; sp < nsp; ++sp)
        addWeakCoefficients(kw, sp * 8, m_couplings.at(channel, isospinOf(sp), qMeV, Q2), qMeV, omega, omegaV,
                            m_cfg.longitudinal == VectorLongitudinal::CVC, cvcStates);
      const auto &kc = kw.c, &kl = kw.l, &kv = kw.v, &ke = kw.e, &km = kw.m;
      // Re(conj(k_i) k_k) of coefficients i^p a
      auto re = [](const WeakCoefficients<double>::Kind& x, std::size_t i, const WeakCoefficients<double>::Kind& y,
                   std::size_t k) { return phase(x.p[i], y.p[k]) * x.a[i] * y.a[k]; };
      ResponseFunctions W;
      for (std::size_t i = 0; i < nExt; ++i)
        for (std::size_t k = 0; k < nExt; ++k) {
          const double s = S(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k));
          if (s == 0.0) continue;
          W.CC += re(kc, i, kc, k) * s;
          W.CL += 2.0 * re(kl, k, kc, i) * s;
          W.LL += re(kl, i, kl, k) * s;
          W.T += (re(ke, i, ke, k) + re(km, i, km, k)) * s;
          W.TP += 2.0 * re(km, k, ke, i) * s;
        }
      if (cvcStates) {
        // Linear terms exact; quadratic term sum_f w_f (E_f - omega_IAS)^2 |v_f|^2 from the
        // single-pole estimate y^2 / s (exact where one pole dominates, e.g. the analog state
        // and its Lorentzian tail; a lower bound by Cauchy-Schwarz otherwise).
        double sV = 0.0, yV = 0.0;
        for (std::size_t i = 0; i < nExt; ++i)
          for (std::size_t k = 0; k < nExt; ++k) {
            const auto ii = static_cast<Eigen::Index>(i), kk = static_cast<Eigen::Index>(k);
            const double y = Y(ii, kk);
            if (y == 0.0 && S(ii, kk) == 0.0) continue;
            W.CL += 2.0 * re(kv, k, kc, i) * y;
            W.LL += 2.0 * re(kv, i, kl, k) * y;
            const double vv = re(kv, i, kv, k);
            sV += vv * S(ii, kk);
            yV += vv * y;
          }
        if (sV > 0.0) W.LL += yV * yV / sV;
      }
      partial[static_cast<std::size_t>(ib)][iq].add(b.J, b.parity, W);
    }
  });
  if (xout) {
    xout->assign(qComplex.size(), AnalyticResponseSet{});
    for (const auto& part : xpartial)
      for (std::size_t iq = 0; iq < qComplex.size(); ++iq)
        for (const auto& m : part[iq].byMultipole) (*xout)[iq].add(m.J, m.parity, m.X);
    return out;
  }
  for (const auto& part : partial)
    for (std::size_t iq = 0; iq < qReq.size(); ++iq)
      for (const auto& m : part[iq].byMultipole) out[iq].add(m.J, m.parity, m.W);
  return out;
}

std::vector<ResponseSet> CrpaResponse::lineResponses(std::size_t index, std::span<const double>) const {
  throw Error(ErrorCode::InvalidArgument, fmt::format("CrpaResponse has no discrete lines (index {} requested)", index));
}

std::vector<ResponseSet> CrpaResponse::continuumResponses(double omega, std::span<const double> q) const {
  return continuumResponsesIn(omega, q, MultipoleRange{});
}

std::vector<ResponseSet> CrpaResponse::continuumResponsesIn(double omega, std::span<const double> q, MultipoleRange range) const {
  if (!(omega > m_threshold)) return std::vector<ResponseSet>(q.size());
  if (range.lo <= 0 && range.hi >= m_cfg.maxJ) range = MultipoleRange{}; // every block: the key of the full set
  const cd z(omega - m_shift, m_cfg.eta + 0.5 * m_cfg.spreadingWidth);
  if (!m_cache.enabled()) return weakResponses(z, q, m_cfg.cvcStateEnergy, {}, nullptr, range);
  std::string key = m_key + "|continuum;";
  if (!range.isAll()) key += fmt::format("J={}..{};", range.lo, range.hi);
  put(key, "omega", omega);
  for (double x : q) put(key, "q", x);
  if (const auto hit = m_cache.load(key))
    if (auto sets = decode(*hit, q.size())) return std::move(*sets);
  auto sets = weakResponses(z, q, m_cfg.cvcStateEnergy, {}, nullptr, range);
  m_cache.store(key, encode(sets));
  return sets;
}

std::string CrpaResponse::cacheKeyOf() const {
  std::string k = fmt::format("lenu CrpaResponse v{};mode={};Z={};N={};", kCrpaCacheVersion, static_cast<int>(m_mode), m_mf->Z(),
                              m_mf->A() - m_mf->Z());
  const SkyrmeForce& f = m_force;
  k += "force=" + f.name + ";";
  for (auto [n, v] : {std::pair{"t0", f.t0}, {"t1", f.t1}, {"t2", f.t2}, {"t3", f.t3}, {"x0", f.x0}, {"x1", f.x1}, {"x2", f.x2},
                      {"x3", f.x3}, {"alpha", f.alpha}, {"b4", f.b4}, {"b4p", f.b4p}, {"h2mp", f.hbar2Over2mProton},
                      {"h2mn", f.hbar2Over2mNeutron}})
    put(k, n, v);
  k += fmt::format("j2={};cm={};cex={};", f.j2Terms, static_cast<int>(f.cmCorrection), f.coulombExchange);
  const CrpaConfig& c = m_cfg;
  const NucleonCouplingsConfig& nc = c.couplings;
  k += fmt::format("maxJ={};long={};cvcE={};", c.maxJ, static_cast<int>(c.longitudinal), c.cvcStateEnergy);
  for (auto [n, v] : {std::pair{"Q", c.qValue}, {"eta", c.eta}, {"spread", c.spreadingWidth}, {"step", c.coarseStep},
                      {"minW", c.minWeight}, {"locCut", c.localDensityCut}, {"ncThr", c.ncThreshold}, {"qTol", c.qInterpolationTolerance}, {"gA", nc.gA}, {"MA", nc.axialMass},
                      {"MV2", nc.vectorMass2}, {"mup", nc.muProton}, {"mun", nc.muNeutron}, {"galster", nc.galsterLambda},
                      {"sw2", nc.sin2ThetaW}})
    put(k, n, v);
  const auto& ic = c.interaction;
  k += fmt::format("ps={};res={}{}{}{}{}{}{}{};", nc.pseudoscalar, ic.enabled, ic.momentumTerms, ic.spinChannel, ic.rearrangement,
                   ic.coulomb, ic.gradientTerms, ic.currentTerms, ic.exactTau);
  // The HF field: mesh, potentials, occupied and unoccupied bound states, residual strengths.
  const MeanField& mf = m_mf->result().meanField;
  std::uint64_t h = fnv1a64(&mf.meshStep, sizeof mf.meshStep);
  h = hashDoubles(mf.r, h);
  for (const auto& sp : mf.species) {
    for (const auto* v : {&sp.B, &sp.U, &sp.W, &sp.coulomb}) h = hashDoubles(*v, h);
    h = fnv1a64(&sp.bAsymptotic, sizeof sp.bAsymptotic, h);
  }
  for (const auto& s : m_mf->boundStates()) {
    const double d[] = {static_cast<double>(s.n), static_cast<double>(s.l), s.j, s.isospin == Isospin::Proton ? 0.0 : 1.0,
                        s.energy, s.occupation};
    h = hashDoubles(s.u, fnv1a64(d, sizeof d, h));
  }
  h = hashDoubles(m_rK, h);
  for (int a = 0; a < 2; ++a)
    for (int b = 0; b < 2; ++b) h = hashDoubles(m_v.spin[a][b], hashDoubles(m_v.scalar[a][b], h));
  h = hashDoubles(m_v.spinCE, hashDoubles(m_v.scalarCE, h));
  k += fmt::format("field={:016x};states={}", h, m_mf->boundStates().size());
  return k;
}

std::vector<ResponseSet> CrpaResponse::responsesAt(cd omega, std::span<const double> q) const {
  require(omega.imag() > 0.0, fmt::format("CrpaResponse::responsesAt: Im omega = {} MeV must be > 0", omega.imag()));
  return weakResponses(omega - m_shift, q, false);
}

std::vector<AnalyticResponseSet> CrpaResponse::analyticResponses(cd omega, std::span<const cd> q) const {
  return analyticResponsesIn(omega, q, MultipoleRange{});
}

std::vector<AnalyticResponseSet> CrpaResponse::analyticResponsesIn(cd omega, std::span<const cd> q, MultipoleRange range) const {
  require(std::isfinite(omega.real()) && std::isfinite(omega.imag()) && omega.imag() > 0.0,
          fmt::format("CrpaResponse::analyticResponses: Im omega = {} MeV must be > 0", omega.imag()));
  std::vector<AnalyticResponseSet> x;
  weakResponses(omega - m_shift + cd(0.0, 0.5 * m_cfg.spreadingWidth), {}, false, q, &x, range);
  return x;
}

cd CrpaResponse::operatorResponse(const LocalOperator& op, cd omega) const {
  require(omega.imag() > 0.0, fmt::format("CrpaResponse::operatorResponse: Im omega = {} MeV must be > 0", omega.imag()));
  require(op.radial != nullptr, fmt::format("operator {}: no radial function", op.name));
  require(op.S == 0 || op.S == 1, fmt::format("operator {}: S = {} not 0 or 1", op.name, op.S));
  const bool ok = m_mode == ResponseMode::NeutralCurrent
                      ? (op.isospin == IsospinOperator::Isoscalar || op.isospin == IsospinOperator::Isovector)
                      : (m_mode == ResponseMode::ChargedCurrentNu ? op.isospin == IsospinOperator::Minus
                                                                  : op.isospin == IsospinOperator::Plus);
  require(ok, fmt::format("operator {}: isospin structure does not match the response mode of this CRPA response", op.name));
  const Block* blk = nullptr;
  for (const auto& b : m_blocks)
    if (b.J == op.J && b.parity == op.parity()) blk = &b;
  if (!blk) return 0.0;
  const cd z = omega - m_shift;
  const auto sols = solutions(z, blk);
  const BlockState st = prepare(*blk, sols, z.imag());
  const double h = m_mf->meshStep();
  const std::size_t nt = static_cast<std::size_t>(blk->ntype);
  const std::size_t nK = m_nK;
  std::vector<double> fr(m_nFine);
  for (std::size_t i = 0; i < m_nFine; ++i) fr[i] = op.radial(static_cast<double>(i + 1) * h);
  Eigen::VectorXcd R0n = Eigen::VectorXcd::Zero(static_cast<Eigen::Index>(st.N));
  cd Rf = 0.0;
  std::vector<cd> g(m_nFine);
  for (const auto& p : blk->pairs) {
    const auto& w = m_waves[p.wave];
    const auto& hole = m_holes[w.hole];
    const auto& s = sols[p.wave];
    const double A = angularFactor(p.ang, op.J, op.L, op.S);
    if (A == 0.0) continue;
    // signed effective charge of the operator on this hole's species (species 1 = neutron):
    // tau_z = +1 on neutrons, and IV1's c.m.-free charges Z/A, N/A (LocalOperator::charge)
    const double tz = op.charge(hole.species == 1);
    const std::size_t sp = static_cast<std::size_t>(speciesIndex(hole.species));
    const double weight = hole.s->occupation;
    const std::size_t n = hole.iMax;
    std::vector<double> src(n);
    for (std::size_t i = 0; i < n; ++i) src[i] = A * tz * fr[i] * hole.s->u[i];
    applyGreen(s, src.data(), n, h, m_nFine, 1.0 / s.wronskian, g.data());
    for (std::size_t a = 0; a < nt; ++a) {
      const double Aa = weight * p.chanA[a];
      if (Aa == 0.0) continue;
      for (std::size_t K = 0; K < nK; ++K) {
        const std::size_t i = (K + 1) * m_stride - 1;
        if (i >= hole.s->u.size()) continue;
        const double fK = Aa * hole.s->u[i] / (m_rK[K] * m_rK[K]);
        R0n(static_cast<Eigen::Index>((sp * nt + a) * nK + K)) += g[i] * fK;
      }
    }
    if (blk->hasCurrent) {
      std::vector<double> sv;
      for (std::size_t t = 0; t < nt; ++t) {
        if (blk->typeS[t] < 2) continue;
        for (std::size_t K = 0; K < m_nKhat; ++K) {
          const std::size_t i0 = hatSource(p, t, K, sv);
          cd acc = 0.0;
          for (std::size_t j = 0; j < sv.size(); ++j) acc += (h * weight * sv[j]) * g[i0 + j];
          R0n(static_cast<Eigen::Index>((sp * nt + t) * nK + K)) += acc;
        }
      }
    }
    cd F = 0.0;
    for (std::size_t i = 0; i < n; ++i) F += src[i] * g[i];
    Rf += F * h * weight;
  }
  cd R = Rf;
  if (m_cfg.interaction.enabled && st.N > 0) {
    const auto [left, right] = st.rpaFactors(MatC(R0n));
    R += (left.col(0).array() * right.col(0).array()).sum(); // no conjugation
  }
  return R;
}

double CrpaResponse::strengthDensity(const LocalOperator& op, double energy, double eta) const {
  requireInRange(eta, 1e-6, 20.0, "CRPA strength smearing eta", "MeV");
  return -operatorResponse(op, cd(energy, eta)).imag() / constants::kPi;
}

std::string CrpaResponse::description() const {
  const char* m = m_mode == ResponseMode::ChargedCurrentNu ? "CC nu" : m_mode == ResponseMode::ChargedCurrentNuBar ? "CC nubar" : "NC";
  const auto& ic = m_cfg.interaction;
  return fmt::format("HF-CRPA response ({}), force {}, J <= {}, eta {} MeV, spreading {} MeV, RPA mesh {} fm x {}, "
                     "residual: {}{}{}{}{}{} on r <= {:.1f} fm (rho >= {:g} fm^-3), shift {:.3f} MeV; field: {}",
                     m, m_force.name, m_cfg.maxJ, m_cfg.eta, m_cfg.spreadingWidth, m_cfg.coarseStep, m_nK,
                     ic.enabled ? "t0,t3" : "none", ic.enabled && ic.momentumTerms ? (ic.exactTau ? "+t1,t2(rho tau exact)" : "+t1,t2(LM)") : "",
                     ic.enabled && ic.gradientTerms ? "+grad" : "", ic.enabled && ic.momentumTerms && ic.currentTerms ? "+j2" : "",
                     ic.enabled && ic.spinChannel ? "+spin" : "", ic.enabled && ic.coulomb && m_mode == ResponseMode::NeutralCurrent ? "+Coulomb" : "",
                     m_nKloc > 0 ? m_rK[m_nKloc - 1] : 0.0, m_cfg.localDensityCut, m_shift, m_mf->description());
}

} // namespace lenu::inelastic
