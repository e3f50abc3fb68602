#include "lenu/inelastic/MultipoleOperators.hpp"

#include <cmath>
#include <cstdlib>

#include "lenu/core/Constants.hpp"
#include "lenu/core/GslError.hpp"

namespace lenu::inelastic {

namespace {

int twice(double j) { return static_cast<int>(std::lround(2.0 * j)); }
double hat(double j) { return std::sqrt(2.0 * j + 1.0); }
double phase(int n) { return (n % 2 == 0) ? 1.0 : -1.0; }

double sixj(int a2, int b2, int c2, int d2, int e2, int f2) {
  if (a2 < 0 || b2 < 0 || c2 < 0 || d2 < 0 || e2 < 0 || f2 < 0) return 0.0;
  return gsl::wigner6j(a2, b2, c2, d2, e2, f2);
}
double ninej(int a2, int b2, int c2, int d2, int e2, int f2, int g2, int h2, int i2) {
  if (a2 < 0 || b2 < 0 || c2 < 0 || d2 < 0 || e2 < 0 || f2 < 0 || g2 < 0 || h2 < 0 || i2 < 0) return 0.0;
  return gsl::wigner9j(a2, b2, c2, d2, e2, f2, g2, h2, i2);
}

// Factor turning an orbital reduced m.e. <la||T_k||lb> into <(la 1/2)ja||T_k||(lb 1/2)jb>
// (Edmonds 7.1.7): (-1)^(la + 1/2 + jb + k) hat(ja) hat(jb) {la ja 1/2; jb lb k}.
double orbitalFactor(int la, double ja, int lb, double jb, int k) {
  const int ph2 = 2 * la + 1 + twice(jb) + 2 * k; // twice the exponent
  return phase(ph2 / 2) * hat(ja) * hat(jb) * sixj(2 * la, twice(ja), 1, twice(jb), 2 * lb, 2 * k);
}

// Factor for [T_k(orbital) x sigma]_J (Edmonds 7.1.5): hat(ja) hat(jb) hat(J)
// {la lb k; 1/2 1/2 1; ja jb J} <1/2||sigma||1/2>, <1/2||sigma||1/2> = sqrt(6).
double spinFactor(int la, double ja, int lb, double jb, int k, int J) {
  return hat(ja) * hat(jb) * hat(J) * std::sqrt(6.0) *
         ninej(2 * la, 2 * lb, 2 * k, 1, 1, 2, twice(ja), twice(jb), 2 * J);
}

// Orbital reduced m.e. of j_L [Y_L x grad]_k between la and lb as coefficients of the radial
// integrals: returns {coef of Im_L (l' = lb+1), coef of Ip_L (l' = lb-1)} (Edmonds 7.1.1).
std::array<double, 2> gradTensor(int la, int L, int k, int lb) {
  std::array<double, 2> out{0.0, 0.0};
  if (L < 0 || k < 0) return out;
  const double pre = phase(la + lb + k) * std::sqrt(2.0 * k + 1.0);
  // l' = lb + 1: <lb+1||grad||lb> = +sqrt(lb+1) (d/dr - lb/r)
  {
    const int lp = lb + 1;
    const double s = sixj(2 * L, 2, 2 * k, 2 * lb, 2 * la, 2 * lp);
    out[0] = pre * s * reducedY(la, L, lp) * std::sqrt(lb + 1.0);
  }
  if (lb >= 1) { // l' = lb - 1: <lb-1||grad||lb> = -sqrt(lb) (d/dr + (lb+1)/r)
    const int lp = lb - 1;
    const double s = sixj(2 * L, 2, 2 * k, 2 * lb, 2 * la, 2 * lp);
    out[1] = pre * s * reducedY(la, L, lp) * (-std::sqrt(static_cast<double>(lb)));
  }
  return out;
}

} // namespace

double reducedY(int la, int L, int lb) {
  if (L < 0 || (la + L + lb) % 2 != 0) return 0.0;
  const double tj = gsl::wigner3j(2 * la, 2 * L, 2 * lb, 0, 0, 0);
  return phase(la) * std::sqrt((2.0 * la + 1.0) * (2.0 * L + 1.0) * (2.0 * lb + 1.0) / (4.0 * constants::kPi)) * tj;
}

AngularCoefficients angularCoefficients(int la, double ja, int lb, double jb, int J) {
  AngularCoefficients out;
  auto& c = out.c;
  const double Jd = J;
  const double am = std::sqrt((Jd + 1.0) / (2.0 * Jd + 1.0)); // curl: j_{J-1} coefficient
  const double ap = std::sqrt(Jd / (2.0 * Jd + 1.0));         // curl: j_{J+1} coefficient (with -)
  const double bm = std::sqrt(Jd / (2.0 * Jd + 1.0));         // grad: j_{J-1}
  const double bp = std::sqrt((Jd + 1.0) / (2.0 * Jd + 1.0)); // grad: j_{J+1}
  constexpr int M = static_cast<int>(SpOperator::M), D = static_cast<int>(SpOperator::Delta),
                DP = static_cast<int>(SpOperator::DeltaP), DPP = static_cast<int>(SpOperator::DeltaPP),
                S = static_cast<int>(SpOperator::Sigma), SP = static_cast<int>(SpOperator::SigmaP),
                SPP = static_cast<int>(SpOperator::SigmaPP), O = static_cast<int>(SpOperator::Omega);
  const double fJ = orbitalFactor(la, ja, lb, jb, J);
  // M_J
  c[M][0][1] = fJ * reducedY(la, J, lb);
  // Orbital gradient operators (orbital rank J): Delta (L = J), Delta', Delta'' (L = J -+ 1).
  auto addGrad = [&](int op, int L, double coef) {
    if (L < 0 || coef == 0.0) return;
    const auto g = gradTensor(la, L, J, lb);
    c[op][1][L - J + 1] += coef * fJ * g[0];
    c[op][2][L - J + 1] += coef * fJ * g[1];
  };
  if (J >= 1) addGrad(D, J, 1.0);
  if (J >= 1) addGrad(DP, J - 1, am);
  addGrad(DP, J + 1, -ap);
  if (J >= 1) addGrad(DPP, J - 1, bm);
  addGrad(DPP, J + 1, bp);
  // Spin operators [Y_L x sigma]_J.
  auto addSpin = [&](int op, int L, double coef) {
    if (L < 0 || coef == 0.0) return;
    c[op][0][L - J + 1] += coef * spinFactor(la, ja, lb, jb, L, J) * reducedY(la, L, lb);
  };
  if (J >= 1) addSpin(S, J, 1.0);
  if (J >= 1) addSpin(SP, J - 1, am);
  addSpin(SP, J + 1, -ap);
  if (J >= 1) addSpin(SPP, J - 1, bm);
  addSpin(SPP, J + 1, bp);
  // Omega_J = j_J Y_J (sigma.grad)/q = -sqrt(3) sum_k c_k [[Y_J x grad]_k x sigma]_J / q,
  // c_k = (-1)^(k+J+1) sqrt((2k+1) / (3 (2J+1))).
  for (int k = std::max(J - 1, 0); k <= J + 1; ++k) {
    const double ck = phase(k + J + 1) * std::sqrt((2.0 * k + 1.0) / (3.0 * (2.0 * J + 1.0)));
    const double sf = spinFactor(la, ja, lb, jb, k, J);
    if (sf == 0.0) continue;
    const auto g = gradTensor(la, J, k, lb);
    c[O][1][1] += -std::sqrt(3.0) * ck * sf * g[0];
    c[O][2][1] += -std::sqrt(3.0) * ck * sf * g[1];
  }
  for (const auto& op : c)
    for (const auto& kind : op)
      for (double v : kind)
        if (v != 0.0) out.zero = false;
  return out;
}

std::array<double, kNumSpOperators> reducedMatrixElements(const AngularCoefficients& a, const RadialIntegrals& r,
                                                          double qFm) {
  std::array<double, kNumSpOperators> out{};
  for (int o = 0; o < kNumSpOperators; ++o) {
    double s = 0.0;
    for (int kind = 0; kind < 3; ++kind)
      for (int i = 0; i < 3; ++i) s += a.c[o][kind][i] * r[kind][i];
    out[o] = s;
  }
  const double inv = 1.0 / qFm;
  out[static_cast<int>(SpOperator::Delta)] *= inv;
  out[static_cast<int>(SpOperator::DeltaP)] *= inv;
  out[static_cast<int>(SpOperator::DeltaPP)] *= inv;
  out[static_cast<int>(SpOperator::Omega)] *= inv;
  return out;
}

} // namespace lenu::inelastic
