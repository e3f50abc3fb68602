#include "lenu/formfactor/Density.hpp"

#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Integrate.hpp"

namespace lenu {

double sphericalJ0(double x) {
  if (std::abs(x) < 1e-4) {
    const double x2 = x * x;
    return 1.0 - x2 / 6.0 + x2 * x2 / 120.0;
  }
  return std::sin(x) / x;
}

double sphericalJ1(double x) {
  if (std::abs(x) < 1e-3) {
    const double x2 = x * x;
    return x / 3.0 * (1.0 - x2 / 10.0 + x2 * x2 / 280.0);
  }
  return (std::sin(x) / x - std::cos(x)) / x;
}

TabulatedDensity::TabulatedDensity(std::vector<double> r, std::vector<double> rho, std::string description)
    : m_spline(std::move(r), std::move(rho), 0.0), m_description(std::move(description)) {
  if (m_spline.xMin() < 0.0) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("tabulated density starts at r = {} fm < 0", m_spline.xMin()));
  }
}

double TabulatedDensity::operator()(double r) const {
  if (r < m_spline.xMin()) {
    return m_spline(m_spline.xMin());
  }
  return m_spline(r);
}

double radialMoment(const RadialDensity& rho, int k, double relTol) {
  QuadratureConfig cfg;
  cfg.relTol = relTol;
  cfg.absTol = 1e-14;
  return 4.0 * constants::kPi *
         integrate([&](double r) { return std::pow(r, 2 + k) * rho(r); }, 0.0, rho.rMax(), cfg);
}

double rmsRadius(const RadialDensity& rho) {
  const double n = radialMoment(rho, 0);
  if (!(std::abs(n) > 0.0)) {
    throw Error(ErrorCode::InvalidArgument, "rms radius of a density that integrates to zero");
  }
  return std::sqrt(radialMoment(rho, 2) / n);
}

DensityFormFactor::DensityFormFactor(std::shared_ptr<const RadialDensity> rho, std::size_t nodes)
    : m_rho(std::move(rho)) {
  const GaussLegendre gl(nodes, 0.0, m_rho->rMax());
  m_r = gl.x;
  m_wr.resize(nodes);
  m_norm = 0.0;
  for (std::size_t i = 0; i < nodes; ++i) {
    m_wr[i] = 4.0 * constants::kPi * gl.w[i] * m_r[i] * m_r[i] * (*m_rho)(m_r[i]);
    m_norm += m_wr[i];
  }
  if (!(std::abs(m_norm) > 0.0) || !std::isfinite(m_norm)) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("density '{}' integrates to {} : cannot normalise its form factor",
                            m_rho->description(), m_norm));
  }
}

double DensityFormFactor::operator()(double q) const {
  requireNonNegative(q, "momentum transfer q", "fm^-1");
  double s = 0.0;
  for (std::size_t i = 0; i < m_r.size(); ++i) {
    s += m_wr[i] * sphericalJ0(q * m_r[i]);
  }
  return s / m_norm;
}

std::string DensityFormFactor::description() const {
  return fmt::format("Bessel transform of [{}] ({} Gauss-Legendre nodes on [0, {:.2f}] fm)",
                     m_rho->description(), m_r.size(), m_rho->rMax());
}

} // namespace lenu
