#include "lenu/generator/GammaStrength.hpp"

#include <cmath>
#include <string>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"

namespace lenu::generator {
namespace {
constexpr double kMb = 0.1; // 1 mb = 0.1 fm^2

/// SLO shape E^(3-2L) sigma Gamma^2 / ((2L+1) pi^2 (hbar c)^2 ((E^2-E0^2)^2 + E^2 Gamma^2)).
double slo(const GiantResonance& r, int L, double e) {
  const double d = e * e - r.energy * r.energy;
  const double hc = constants::kHbarC;
  return std::pow(e, 3 - 2 * L) * r.sigma * r.width * r.width /
         ((2 * L + 1) * constants::kPi * constants::kPi * hc * hc * (d * d + e * e * r.width * r.width));
}
} // namespace

StandardLorentzian::StandardLorentzian(int Z, int A) {
  require(Z >= 1 && Z < A, "StandardLorentzian: need 1 <= Z < A, got Z=" + std::to_string(Z) + " A=" + std::to_string(A));
  const double a = A, z = Z, n = A - Z;
  // E1 GDR, spherical-nucleus fit of RIPL-2 p. 129: E0 = 31.2 A^-1/3 + 20.6 A^-1/6 MeV,
  // Gamma0 = 0.026 E0^1.91 MeV, sigma0 = 1.2 * 120 N Z / (A pi Gamma0) mb, i.e. the
  // Thomas-Reiche-Kuhn sum 60 NZ/A mb MeV times (1 + kappa), kappa = 0.2.
  m_e1.energy = 31.2 * std::pow(a, -1.0 / 3.0) + 20.6 * std::pow(a, -1.0 / 6.0);
  m_e1.width = 0.026 * std::pow(m_e1.energy, 1.91);
  m_e1.sigma = 1.2 * 120.0 * n * z / (a * constants::kPi * m_e1.width) * kMb;
  // E2 isoscalar resonance, Kopecky's global fit in RIPL-1 p. 103: E0 = 63 A^-1/3 MeV,
  // Gamma0 = 6.11 - 0.012 A MeV, sigma0 = 0.00014 Z^2 E0 / (A^1/3 Gamma0) mb.
  m_e2.energy = 63.0 * std::pow(a, -1.0 / 3.0);
  m_e2.width = 6.11 - 0.012 * a;
  m_e2.sigma = 0.00014 * z * z * m_e2.energy / (std::cbrt(a) * m_e2.width) * kMb;
  // M1 spin-flip resonance, RIPL-2 p. 132: E0 = 41 A^-1/3 MeV, Gamma0 = 4 MeV, sigma0 fixed by
  // f_E1(7 MeV) / f_M1(7 MeV) = 0.0588 A^0.878.
  m_m1.energy = 41.0 * std::pow(a, -1.0 / 3.0);
  m_m1.width = 4.0;
  m_m1.sigma = 1.0;
  constexpr double eRef = 7.0; // MeV
  m_m1.sigma = slo(m_e1, 1, eRef) / (0.0588 * std::pow(a, 0.878)) / slo(m_m1, 1, eRef);
}

double StandardLorentzian::strength(Radiation type, int L, double e) const {
  if (!(e > 0.0)) {
    return 0.0;
  }
  if (type == Radiation::Electric && L == 1) {
    return slo(m_e1, 1, e);
  }
  if (type == Radiation::Electric && L == 2) {
    return slo(m_e2, 2, e);
  }
  if (type == Radiation::Magnetic && L == 1) {
    return slo(m_m1, 1, e);
  }
  return 0.0;
}

double StandardLorentzian::transmission(Radiation type, int L, double e) const {
  return 2.0 * constants::kPi * std::pow(e, 2 * L + 1) * strength(type, L, e);
}

double StandardLorentzian::photoabsorption(double e) const {
  const double phc = constants::kPi * constants::kHbarC;
  return 3.0 * phc * phc * e * strength(Radiation::Electric, 1, e);
}

} // namespace lenu::generator
