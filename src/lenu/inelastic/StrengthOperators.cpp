#include "lenu/inelastic/StrengthOperators.hpp"

#include <cmath>
#include <cstdlib>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/inelastic/MultipoleOperators.hpp"

namespace lenu::inelastic {

double reducedSpinAngular(int la, double ja, int lb, double jb, int L, int S, int J) {
  require(S == 0 || S == 1, fmt::format("reducedSpinAngular: S = {} must be 0 or 1", S));
  require(L >= 0 && J >= 0, fmt::format("reducedSpinAngular: L = {}, J = {} must be >= 0", L, J));
  if ((la + lb + L) % 2 != 0) return 0.0;
  if (std::abs(ja - jb) > J + 0.1 || ja + jb < J - 0.1) return 0.0;
  if (S == 0 && J != L) return 0.0;
  if (S == 1 && (std::abs(L - J) > 1 || (L == 0 && J == 0))) return 0.0;
  // angularCoefficients (Donnelly-Haxton basic operators) holds exactly these factors:
  //   M_J:       c[M][I0][L=J]        = <||Y_J||>
  //   Sigma_J:   c[Sigma][I0][L=J]    = <||[Y_J sigma]_J||>
  //   Sigma''_J: c[Sigma''][I0][L=J-1] = sqrt(J/(2J+1)) <||[Y_{J-1} sigma]_J||>,
  //              c[Sigma''][I0][L=J+1] = sqrt((J+1)/(2J+1)) <||[Y_{J+1} sigma]_J||>.
  const AngularCoefficients a = angularCoefficients(la, ja, lb, jb, J);
  constexpr int kM = static_cast<int>(SpOperator::M), kS = static_cast<int>(SpOperator::Sigma),
                kSpp = static_cast<int>(SpOperator::SigmaPP);
  const double Jd = J;
  if (S == 0) return a.c[kM][0][1];
  if (L == J) return a.c[kS][0][1];
  if (L == J - 1) return a.c[kSpp][0][0] / std::sqrt(Jd / (2.0 * Jd + 1.0));
  return a.c[kSpp][0][2] / std::sqrt((Jd + 1.0) / (2.0 * Jd + 1.0));
}

bool NamedOperator::chargeExchange() const {
  return !components.empty() && (components.front().isospin == IsospinOperator::Minus ||
                                 components.front().isospin == IsospinOperator::Plus);
}

std::string NamedOperator::partnerName() const {
  if (!chargeExchange()) return "";
  if (!name.empty() && name.back() == '+') return name.substr(0, name.size() - 1);
  return name + "+";
}

std::vector<std::string> standardOperatorNames() {
  return {"IS0", "IV1", "IS1", "IS2", "F", "GT", "SD", "F+", "GT+", "SD+"};
}

NamedOperator standardOperator(const std::string& name, int Z, int N, double meanSquareRadius) {
  require(Z >= 0 && N >= 0 && Z + N > 0, fmt::format("standardOperator: Z = {}, N = {} must be >= 0", Z, N));
  require(std::isfinite(meanSquareRadius) && meanSquareRadius > 0.0,
          fmt::format("standardOperator: mean-square radius {} fm^2 must be > 0", meanSquareRadius));
  const double A = Z + N;
  const double sq4pi = std::sqrt(4.0 * constants::kPi);
  NamedOperator op;
  op.name = name;
  auto comp = [&](int J, int L, int S, IsospinOperator t, std::function<double(double)> f, std::string unit) {
    LocalOperator c;
    c.name = name;
    c.J = J;
    c.L = L;
    c.S = S;
    c.isospin = t;
    c.radial = std::move(f);
    c.radialUnit = std::move(unit);
    return c;
  };
  const bool plus = !name.empty() && name.back() == '+';
  const IsospinOperator ce = plus ? IsospinOperator::Plus : IsospinOperator::Minus;
  const char* tauName = plus ? "tau_+ (p -> n)" : "tau_- (n -> p)";
  if (name == "IS0") {
    op.components.push_back(comp(0, 0, 0, IsospinOperator::Isoscalar, [](double r) { return r * r; }, "fm^2"));
    op.strengthUnit = "fm^4/MeV";
    op.description = "isoscalar monopole sum_i r_i^2 Y_00";
  } else if (name == "IS2") {
    op.L = 2;
    op.components.push_back(comp(2, 2, 0, IsospinOperator::Isoscalar, [](double r) { return r * r; }, "fm^2"));
    op.strengthUnit = "fm^4/MeV";
    op.description = "isoscalar quadrupole sum_i r_i^2 Y_2M";
  } else if (name == "IS1") {
    op.L = 1;
    const double c = 5.0 / 3.0 * meanSquareRadius;
    op.components.push_back(
        comp(1, 1, 0, IsospinOperator::Isoscalar, [c](double r) { return r * r * r - c * r; }, "fm^3"));
    op.strengthUnit = "fm^6/MeV";
    op.description = fmt::format("isoscalar dipole sum_i (r_i^3 - (5/3)<r^2> r_i) Y_1M, <r^2> = {:.4f} fm^2", meanSquareRadius);
  } else if (name == "IV1") {
    op.L = 1;
    LocalOperator c = comp(1, 1, 0, IsospinOperator::Isovector, [](double r) { return r; }, "fm");
    c.neutronCharge = Z / A;
    c.protonCharge = N / A;
    op.components.push_back(c);
    op.strengthUnit = "fm^2/MeV";
    op.description = fmt::format("isovector dipole (Z/A) sum_n r Y_1M - (N/A) sum_p r Y_1M (c.m. corrected), Z/A = {:.4f}, N/A = {:.4f}",
                                 Z / A, N / A);
  } else if (name == "F" || name == "F+") {
    op.components.push_back(comp(0, 0, 0, ce, [sq4pi](double) { return sq4pi; }, "1"));
    op.strengthUnit = "1/MeV";
    op.description = fmt::format("Fermi sum_i {} (= sqrt(4 pi) Y_00 tau)", tauName);
  } else if (name == "GT" || name == "GT+") {
    op.components.push_back(comp(1, 0, 1, ce, [sq4pi](double) { return sq4pi; }, "1"));
    op.strengthUnit = "1/MeV";
    op.description = fmt::format("Gamow-Teller sum_i sigma_i {} (= sqrt(4 pi) [Y_0 sigma]_1 tau)", tauName);
  } else if (name == "SD" || name == "SD+") {
    op.L = 1;
    for (int J = 0; J <= 2; ++J) op.components.push_back(comp(J, 1, 1, ce, [](double r) { return r; }, "fm"));
    op.strengthUnit = "fm^2/MeV";
    op.description = fmt::format("spin dipole sum_i r_i [Y_1 sigma_i]_J {}, J = 0, 1, 2 summed", tauName);
  } else {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("unknown operator '{}': use one of {}", name, fmt::join(standardOperatorNames(), ", ")));
  }
  return op;
}

} // namespace lenu::inelastic
