#include "lenu/generator/LevelDensity.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"

namespace lenu::generator {

BackShiftedFermiGas::BackShiftedFermiGas(int A, double a, double backShift) : m_A(A), m_a(a), m_e1(backShift) {
  require(A >= 1 && a > 0.0, "BackShiftedFermiGas: need A >= 1 and a > 0 [1/MeV], got A=" + std::to_string(A) +
                                 " a=" + std::to_string(a));
}

BackShiftedFermiGas BackShiftedFermiGas::vonEgidyBucurescu(int Z, int A,
                                                           const std::function<std::optional<double>(int, int)>& mass) {
  const auto m = mass(Z, A);
  require(m.has_value() && Z >= 1 && Z < A, "BackShiftedFermiGas: no ground-state mass for Z=" + std::to_string(Z) +
                                                " A=" + std::to_string(A));
  const double a = A, z = Z, n = A - Z;
  // liquid-drop binding energy, von Egidy-Bucurescu 2005 Eq. (9) (Pearson's coefficients)
  const double bLd = 15.65 * a - 17.63 * std::pow(a, 2.0 / 3.0) - 0.864 / 1.233 * z * z / std::cbrt(a) -
                     (27.72 - 25.60 / std::cbrt(a)) * (n - z) * (n - z) / a;
  const double bExp = z * constants::kMassProton + n * constants::kMassNeutron - *m;
  const double shell = bLd - bExp; // S = M_exp - M_LD
  const auto up = mass(Z + 1, A + 2), down = mass(Z - 1, A - 2);
  double pa = 0.0;
  bool estimate = false;
  if (up && down) {
    pa = 0.5 * (*up - 2.0 * *m + *down);
  } else {
    estimate = true;
    const bool ee = Z % 2 == 0 && (A - Z) % 2 == 0, oo = Z % 2 == 1 && (A - Z) % 2 == 1;
    pa = ee ? 12.0 / std::sqrt(a) : oo ? -12.0 / std::sqrt(a) : 0.0;
  }
  const double sPrime = shell + 0.5 * pa;
  const double ld = (0.199 + 0.0096 * sPrime) * std::pow(a, 0.869);
  BackShiftedFermiGas out(A, std::max(ld, 0.05 * a), -0.381 + 0.5 * pa);
  out.m_estimate = estimate;
  return out;
}

double BackShiftedFermiGas::effectiveEnergy(double energy) const { return std::max(energy - m_e1, 0.5); }

double BackShiftedFermiGas::sigma2(double energy) const {
  const double u = effectiveEnergy(energy);
  return 0.0146 * std::pow(static_cast<double>(m_A), 5.0 / 3.0) * (1.0 + std::sqrt(1.0 + 4.0 * m_a * u)) / (2.0 * m_a);
}

double BackShiftedFermiGas::total(double energy) const {
  const double u = effectiveEnergy(energy);
  const double s = std::sqrt(sigma2(energy));
  return std::exp(2.0 * std::sqrt(m_a * u)) / (12.0 * std::sqrt(2.0) * s * std::pow(m_a, 0.25) * std::pow(u, 1.25));
}

double BackShiftedFermiGas::spinFactor(double energy, int twoJ) const {
  const double s2 = sigma2(energy);
  const double jh = 0.5 * (twoJ + 1); // J + 1/2
  return (twoJ + 1.0) / (2.0 * s2) * std::exp(-jh * jh / (2.0 * s2));
}

} // namespace lenu::generator
