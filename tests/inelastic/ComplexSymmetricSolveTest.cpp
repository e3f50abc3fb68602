// ComplexSymmetricLDLT (the CRPA's complex-symmetric solver) against Eigen's PartialPivLU on
// random complex symmetric systems of the RPA form 1 - P (P complex symmetric), and its failure
// modes: a vanishing pivot and a singular matrix raise Error(NotConverged), never NaN.
#include <cmath>
#include <complex>
#include <random>

#include <Eigen/Dense>
#include <gtest/gtest.h>

#include "lenu/core/Error.hpp"
#include "lenu/inelastic/ComplexSymmetricSolve.hpp"

using namespace lenu;
using namespace lenu::inelastic;
using cd = std::complex<double>;

namespace {
// 1 - P with P complex symmetric, entries uniform in [-s, s] + i [-s, s], s = scale / sqrt(n).
Eigen::MatrixXcd rpaLike(int n, double scale, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  const double s = scale / std::sqrt(static_cast<double>(n));
  Eigen::MatrixXcd A(n, n);
  for (int j = 0; j < n; ++j)
    for (int i = j; i < n; ++i) A(i, j) = A(j, i) = -s * cd(u(rng), u(rng));
  A.diagonal().array() += 1.0;
  return A;
}
Eigen::MatrixXcd randomMatrix(int n, int m, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  Eigen::MatrixXcd B(n, m);
  for (int j = 0; j < m; ++j)
    for (int i = 0; i < n; ++i) B(i, j) = cd(u(rng), u(rng));
  return B;
}
} // namespace

TEST(ComplexSymmetricSolve, AgreesWithPartialPivLUOnRandomSymmetricSystems) {
  std::mt19937_64 rng(20261204);
  for (int n : {1, 2, 7, 33, 90, 181}) {
    for (double scale : {0.3, 1.0, 2.0}) {
      const Eigen::MatrixXcd A = rpaLike(n, scale, rng);
      const Eigen::MatrixXcd B = randomMatrix(n, 11, rng);
      ComplexSymmetricLDLT ldlt;
      ASSERT_TRUE(ldlt.tryCompute(A)) << ldlt.failure();
      EXPECT_GT(ldlt.growth(), 0.0);
      EXPECT_LE(ldlt.growth(), ComplexSymmetricLDLT::kDefaultMaxGrowth);
      const Eigen::MatrixXcd X = ldlt.solve(B);
      const Eigen::MatrixXcd Xref = A.partialPivLu().solve(B);
      EXPECT_LT((X - Xref).norm() / Xref.norm(), 1e-12) << "n = " << n << ", scale = " << scale;
      EXPECT_LT((A * X - B).norm() / B.norm(), 1e-12) << "n = " << n << ", scale = " << scale;
      // Quadratic forms B^T A^-1 C through one substitution: (L^-1 B)^T diag(d)^-1 (L^-1 C).
      const Eigen::MatrixXcd C = randomMatrix(n, 3, rng);
      const Eigen::MatrixXcd YB = ldlt.halfSolve(B), YC = ldlt.halfSolve(C);
      Eigen::VectorXcd dinv(n);
      for (int k = 0; k < n; ++k) dinv(k) = ldlt.inverseDiagonal()[static_cast<std::size_t>(k)];
      const Eigen::MatrixXcd Q = YB.transpose() * dinv.asDiagonal() * YC;
      const Eigen::MatrixXcd Qref = B.transpose() * A.partialPivLu().solve(C);
      EXPECT_LT((Q - Qref).norm() / Qref.norm(), 1e-12) << "n = " << n << ", scale = " << scale;
    }
  }
}

TEST(ComplexSymmetricSolve, OnlyTheLowerTriangleIsRead) {
  std::mt19937_64 rng(7);
  const Eigen::MatrixXcd A = rpaLike(20, 1.0, rng);
  Eigen::MatrixXcd Aupper = A;
  for (int j = 1; j < 20; ++j)
    for (int i = 0; i < j; ++i) Aupper(i, j) = cd(1e300, -1e300); // garbage above the diagonal
  const Eigen::MatrixXcd B = randomMatrix(20, 2, rng);
  ComplexSymmetricLDLT ldlt;
  ldlt.compute(Aupper);
  EXPECT_LT((ldlt.solve(B) - A.partialPivLu().solve(B)).norm() / B.norm(), 1e-12);
}

TEST(ComplexSymmetricSolve, SingularPivotRaisesNotConverged) {
  // A zero leading pivot (the matrix is regular but needs pivoting): an error, not NaN.
  Eigen::MatrixXcd swap(2, 2);
  swap << 0.0, 1.0, 1.0, 0.0;
  ComplexSymmetricLDLT ldlt;
  EXPECT_FALSE(ldlt.tryCompute(swap));
  EXPECT_NE(ldlt.failure().find("pivot 0 of 2"), std::string::npos) << ldlt.failure();
  try {
    ldlt.compute(swap);
    FAIL() << "no error for a zero pivot";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::NotConverged);
  }
  // A singular matrix of rank 1, v v^T: the second pivot vanishes exactly.
  Eigen::VectorXcd v(3);
  v << cd(1.0, 0.5), cd(-2.0, 1.0), cd(0.5, 0.0);
  const Eigen::MatrixXcd R1 = v * v.transpose();
  EXPECT_FALSE(ldlt.tryCompute(R1));
  EXPECT_THROW(ldlt.compute(R1), Error);
  EXPECT_THROW((void)ldlt.solve(Eigen::MatrixXcd::Ones(3, 1)), Error); // no factorisation to use
  // A tiny leading pivot: the elimination would amplify round-off by ~1e12 (growth check).
  Eigen::MatrixXcd tiny(2, 2);
  tiny << 1e-12, 1.0, 1.0, 1.0;
  EXPECT_FALSE(ldlt.tryCompute(tiny));
  EXPECT_GT(ldlt.growth(), ComplexSymmetricLDLT::kDefaultMaxGrowth);
  // Non-finite input.
  Eigen::MatrixXcd bad = Eigen::MatrixXcd::Identity(2, 2);
  bad(1, 0) = cd(std::nan(""), 0.0);
  EXPECT_FALSE(ldlt.tryCompute(bad));
}
