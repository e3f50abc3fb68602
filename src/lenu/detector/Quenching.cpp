#include "lenu/detector/Quenching.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "lenu/core/Error.hpp"
#include "lenu/core/Units.hpp"

namespace lenu {

ConstantQuenching::ConstantQuenching(double qf) : m_qf(qf) {
  requireInRange(qf, 1e-6, 1.0, "quenching factor", "");
}

std::string ConstantQuenching::description() const { return fmt::format("constant quenching factor {}", m_qf); }

LindhardQuenching::LindhardQuenching(double k, int z) : m_k(k), m_z(z) {
  requirePositive(k, "Lindhard k", "");
  require(z >= 1, fmt::format("Lindhard quenching needs Z >= 1 (got {})", z));
}

double LindhardQuenching::factor(double recoil) const {
  requireNonNegative(recoil, "recoil energy", "MeV");
  const double eps = 11.5 * std::pow(static_cast<double>(m_z), -7.0 / 3.0) * recoil / units::keV;
  if (eps <= 0.0) {
    return 0.0;
  }
  const double g = 3.0 * std::pow(eps, 0.15) + 0.7 * std::pow(eps, 0.6) + eps;
  return m_k * g / (1.0 + m_k * g);
}

std::string LindhardQuenching::description() const {
  return fmt::format("Lindhard quenching (k = {}, Z = {})", m_k, m_z);
}

PolynomialQuenching::PolynomialQuenching(std::vector<double> coefficients) : m_c(std::move(coefficients)) {
  require(!m_c.empty(), "polynomial quenching needs at least one coefficient");
  for (double c : m_c) {
    require(std::isfinite(c), "polynomial quenching coefficients must be finite");
  }
}

double PolynomialQuenching::factor(double recoil) const {
  requireNonNegative(recoil, "recoil energy", "MeV");
  const double t = recoil / units::keV;
  double s = 0.0;
  for (auto it = m_c.rbegin(); it != m_c.rend(); ++it) {
    s = s * t + *it;
  }
  return std::clamp(s, 0.0, 1.0);
}

std::string PolynomialQuenching::description() const {
  return fmt::format("polynomial quenching QF = sum c_i (T/keVnr)^i, c = [{}]", fmt::join(m_c, ", "));
}

} // namespace lenu
