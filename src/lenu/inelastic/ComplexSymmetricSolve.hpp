#pragma once
/// @file ComplexSymmetricSolve.hpp
/// LDL^T factorisation A = L diag(d) L^T of a complex symmetric matrix (A^T = A, not Hermitian),
/// without pivoting, with a growth check, for the continuum-RPA systems (CrpaResponse): half the
/// work of an LU decomposition, and the quadratic forms B^T A^-1 C that the RPA needs take one
/// triangular substitution instead of two, (L^-1 B)^T diag(d)^-1 (L^-1 C).
///
/// Method: right-looking symmetric Gaussian elimination (G.H. Golub & C.F. Van Loan, Matrix
/// Computations, 4th ed., Sec. 4.1.2, Algorithm 4.1.2, which holds verbatim for complex symmetric
/// matrices: only transposition, no conjugation, is used), on the lower triangle, real and
/// imaginary parts stored apart so that the loops vectorise. Without pivoting the elimination is
/// backward stable when the growth of the entries stays bounded (Golub & Van Loan Sec. 3.4.5);
/// the factorisation therefore fails when a pivot vanishes, is not finite, or when the largest
/// entry of an eliminated column exceeds `maxGrowth` times the largest entry of A. A caller can
/// then fall back to a pivoted LU (tryCompute), or report the failure (compute throws
/// Error(NotConverged) with the column, pivot and growth).

#include <complex>
#include <cstddef>
#include <string>
#include <vector>

#include <Eigen/Dense>

namespace lenu::inelastic {

/// LDL^T of a complex symmetric matrix (lower triangle used).
class ComplexSymmetricLDLT {
public:
  /// Default bound on the element growth (max |eliminated column entry| / max |A_ij|): with
  /// round-off u ~ 1e-16 the backward error stays below ~1e-12 relative.
  static constexpr double kDefaultMaxGrowth = 1e4;

  /// Factorises A (square; only its lower triangle is read). Throws Error(NotConverged) if a
  /// pivot vanishes or is not finite or the growth exceeds maxGrowth (message: column, size,
  /// pivot, growth), Error(InvalidArgument) if A is not square.
  void compute(const Eigen::MatrixXcd& A, double maxGrowth = kDefaultMaxGrowth);
  /// As compute, but returns false (and keeps the reason in failure()) instead of throwing.
  bool tryCompute(const Eigen::MatrixXcd& A, double maxGrowth = kDefaultMaxGrowth);

  std::size_t size() const { return m_n; }
  /// Why the last tryCompute failed (empty after success).
  const std::string& failure() const { return m_failure; }
  /// Largest |entry| of the eliminated columns over max |A_ij| (the growth estimate).
  double growth() const { return m_growth; }

  /// X = A^-1 B.
  Eigen::MatrixXcd solve(const Eigen::MatrixXcd& B) const;
  /// Y = L^-1 B (unit lower triangular substitution): B^T A^-1 C = Y_B^T diag(d)^-1 Y_C.
  Eigen::MatrixXcd halfSolve(const Eigen::MatrixXcd& B) const;
  /// 1 / d_k, k = 0..n-1.
  const std::vector<std::complex<double>>& inverseDiagonal() const { return m_invDiag; }

private:
  void forward(std::vector<double>& xr, std::vector<double>& xi, std::size_t m) const;
  std::size_t m_n = 0;
  std::vector<double> m_re, m_im;               // L below the diagonal, column-major n x n
  std::vector<std::complex<double>> m_invDiag;  // 1 / d_k
  std::string m_failure;
  double m_growth = 0.0;
};

} // namespace lenu::inelastic
