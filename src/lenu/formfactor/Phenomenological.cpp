#include "lenu/formfactor/Phenomenological.hpp"

#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Csv.hpp"
#include "lenu/core/DataPath.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/formfactor/Density.hpp"

namespace lenu {

using constants::kPi;

namespace {

/// 3 j1(x)/x, the uniform-sphere form factor.
double sphere(double x) {
  if (std::abs(x) < 1e-3) {
    const double x2 = x * x;
    return 1.0 - x2 / 10.0 + x2 * x2 / 280.0;
  }
  return 3.0 * sphericalJ1(x) / x;
}

} // namespace

// ---------------------------------------------------------------- Helm
HelmFormFactor::HelmFormFactor(double r0, double s) : m_r0(r0), m_s(s) {
  requirePositive(r0, "Helm radius R0", "fm");
  requirePositive(s, "Helm surface thickness s", "fm");
}

HelmFormFactor HelmFormFactor::lewinSmith(int massNumber) {
  require(massNumber >= 1, fmt::format("mass number {} must be >= 1", massNumber));
  // Lewin & Smith, Astropart. Phys. 6 (1996) 87, Eqs. (4.10)-(4.11).
  const double c = 1.23 * std::cbrt(static_cast<double>(massNumber)) - 0.60;
  const double a = 0.52;
  const double s = 0.9;
  const double r02 = c * c + 7.0 / 3.0 * kPi * kPi * a * a - 5.0 * s * s;
  return HelmFormFactor(std::sqrt(r02), s);
}

HelmFormFactor HelmFormFactor::fromRmsRadius(double rms, double s) {
  requirePositive(rms, "rms radius", "fm");
  const double r02 = 5.0 / 3.0 * (rms * rms - 3.0 * s * s);
  if (r02 <= 0.0) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("Helm rms radius {} fm too small for s = {} fm (needs > sqrt(3) s = {} fm)",
                            rms, s, std::sqrt(3.0) * s));
  }
  return HelmFormFactor(std::sqrt(r02), s);
}

double HelmFormFactor::operator()(double q) const {
  requireNonNegative(q, "momentum transfer q", "fm^-1");
  return sphere(q * m_r0) * std::exp(-0.5 * q * q * m_s * m_s);
}

double HelmFormFactor::rmsRadius() const { return std::sqrt(0.6 * m_r0 * m_r0 + 3.0 * m_s * m_s); }

std::string HelmFormFactor::description() const {
  return fmt::format("Helm (R0 = {:.4f} fm, s = {:.3f} fm, rms = {:.4f} fm)", m_r0, m_s, rmsRadius());
}

HelmDensity::HelmDensity(double r0, double s, double norm) : m_r0(r0), m_s(s), m_norm(norm) {
  requirePositive(r0, "Helm radius R0", "fm");
  requirePositive(s, "Helm surface thickness s", "fm");
}

double HelmDensity::operator()(double r) const {
  // Uniform sphere (radius R0, unit density) folded with a normalised 3-D Gaussian of width s:
  // rho(r) = [erf((R0-r)/(sqrt2 s)) + erf((R0+r)/(sqrt2 s))]/2
  //        + s/(r sqrt(2 pi)) [exp(-(R0+r)^2/(2 s^2)) - exp(-(R0-r)^2/(2 s^2))].
  const double sq2s = std::sqrt(2.0) * m_s;
  double fold = 0.5 * (std::erf((m_r0 - r) / sq2s) + std::erf((m_r0 + r) / sq2s));
  if (r > 1e-6) {
    fold += m_s / (r * std::sqrt(2.0 * kPi)) *
            (std::exp(-(m_r0 + r) * (m_r0 + r) / (2.0 * m_s * m_s)) -
             std::exp(-(m_r0 - r) * (m_r0 - r) / (2.0 * m_s * m_s)));
  } else {
    // limit r -> 0 of the second term: -2 R0/(s sqrt(2 pi)) exp(-R0^2/(2 s^2))
    fold -= 2.0 * m_r0 / (m_s * std::sqrt(2.0 * kPi)) * std::exp(-m_r0 * m_r0 / (2.0 * m_s * m_s));
  }
  return m_norm * fold / (4.0 / 3.0 * kPi * m_r0 * m_r0 * m_r0);
}

std::string HelmDensity::description() const {
  return fmt::format("Helm density (R0 = {:.4f} fm, s = {:.3f} fm, norm {})", m_r0, m_s, m_norm);
}

// ---------------------------------------------------------------- Klein-Nystrand
KleinNystrandFormFactor::KleinNystrandFormFactor(double radius, double ak) : m_radius(radius), m_ak(ak) {
  requirePositive(radius, "Klein-Nystrand radius R_A", "fm");
  requirePositive(ak, "Klein-Nystrand Yukawa range a_k", "fm");
}

KleinNystrandFormFactor KleinNystrandFormFactor::coherent(int massNumber) {
  require(massNumber >= 1, fmt::format("mass number {} must be >= 1", massNumber));
  return KleinNystrandFormFactor(1.2 * std::cbrt(static_cast<double>(massNumber)), 0.7);
}

double KleinNystrandFormFactor::operator()(double q) const {
  requireNonNegative(q, "momentum transfer q", "fm^-1");
  return sphere(q * m_radius) / (1.0 + q * q * m_ak * m_ak);
}

double KleinNystrandFormFactor::rmsRadius() const {
  return std::sqrt(0.6 * m_radius * m_radius + 6.0 * m_ak * m_ak);
}

std::string KleinNystrandFormFactor::description() const {
  return fmt::format("Klein-Nystrand (R_A = {:.4f} fm, a_k = {:.3f} fm, rms = {:.4f} fm)", m_radius, m_ak,
                     rmsRadius());
}

KleinNystrandDensity::KleinNystrandDensity(double radius, double ak, double norm)
    : m_radius(radius), m_ak(ak), m_norm(norm) {
  requirePositive(radius, "Klein-Nystrand radius R_A", "fm");
  requirePositive(ak, "Klein-Nystrand Yukawa range a_k", "fm");
}

double KleinNystrandDensity::operator()(double r) const {
  // Uniform sphere of unit integral folded with y(r) = exp(-r/a)/(4 pi a^2 r) (unit integral).
  const double rho0 = 3.0 / (4.0 * kPi * m_radius * m_radius * m_radius);
  const double x = m_radius / m_ak;
  const double y = r / m_ak;
  if (r < m_radius) {
    const double shy = y < 1e-6 ? 1.0 : std::sinh(y) / y;
    return m_norm * rho0 * (1.0 - (1.0 + x) * std::exp(-x) * shy);
  }
  return m_norm * rho0 * (x * std::cosh(x) - std::sinh(x)) * std::exp(-y) / y;
}

std::string KleinNystrandDensity::description() const {
  return fmt::format("Klein-Nystrand density (R_A = {:.4f} fm, a_k = {:.3f} fm, norm {})", m_radius, m_ak,
                     m_norm);
}

// ---------------------------------------------------------------- symmetrized Fermi
SymmetrizedFermiDensity::SymmetrizedFermiDensity(double c, double a, double norm)
    : m_c(c), m_a(a), m_norm(norm) {
  requirePositive(c, "symmetrized-Fermi half-density radius c", "fm");
  requirePositive(a, "symmetrized-Fermi diffuseness a", "fm");
  m_rho0 = 3.0 / (4.0 * kPi * c * (c * c + kPi * kPi * a * a));
}

double SymmetrizedFermiDensity::operator()(double r) const {
  // sinh(c/a)/(cosh(r/a)+cosh(c/a)) written to avoid overflow for c/a, r/a >> 1.
  const double x = m_c / m_a;
  const double y = r / m_a;
  const double num = 0.5 * (1.0 - std::exp(-2.0 * x));
  const double m = std::max(x, y);
  const double den = 0.5 * (std::exp(y - m) + std::exp(-y - m)) + 0.5 * (std::exp(x - m) + std::exp(-x - m));
  return m_norm * m_rho0 * num * std::exp(x - m) / den;
}

std::string SymmetrizedFermiDensity::description() const {
  return fmt::format("symmetrized Fermi density (c = {:.4f} fm, a = {:.4f} fm, norm {})", m_c, m_a, m_norm);
}

SymmetrizedFermiFormFactor::SymmetrizedFermiFormFactor(double c, double a) : m_c(c), m_a(a) {
  requirePositive(c, "symmetrized-Fermi half-density radius c", "fm");
  requirePositive(a, "symmetrized-Fermi diffuseness a", "fm");
}

double SymmetrizedFermiFormFactor::operator()(double q) const {
  requireNonNegative(q, "momentum transfer q", "fm^-1");
  if (q < 1e-5) {
    const double r2 = 0.6 * m_c * m_c + 1.4 * kPi * kPi * m_a * m_a;
    return 1.0 - q * q * r2 / 6.0;
  }
  const double qc = q * m_c;
  const double pqa = kPi * q * m_a;
  if (pqa > 300.0) {
    return 0.0; // exp(-300): far below double precision of any observable
  }
  return 3.0 / (qc * (qc * qc + pqa * pqa)) * (pqa / std::sinh(pqa)) *
         (pqa / std::tanh(pqa) * std::sin(qc) - qc * std::cos(qc));
}

double SymmetrizedFermiFormFactor::rmsRadius() const {
  return std::sqrt(0.6 * m_c * m_c + 1.4 * kPi * kPi * m_a * m_a);
}

double SymmetrizedFermiFormFactor::halfDensityRadius(double rms, double a) {
  const double c2 = (rms * rms - 1.4 * kPi * kPi * a * a) / 0.6;
  if (c2 <= 0.0) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("rms radius {} fm too small for diffuseness {} fm", rms, a));
  }
  return std::sqrt(c2);
}

std::string SymmetrizedFermiFormFactor::description() const {
  return fmt::format("symmetrized Fermi (c = {:.4f} fm, a = {:.4f} fm, rms = {:.4f} fm)", m_c, m_a,
                     rmsRadius());
}

// ---------------------------------------------------------------- Fourier-Bessel
FourierBesselDensity::FourierBesselDensity(double cutoffRadius, std::vector<double> coefficients,
                                           std::string label)
    : m_R(cutoffRadius), m_a(std::move(coefficients)), m_label(std::move(label)) {
  requirePositive(cutoffRadius, "Fourier-Bessel cutoff radius R", "fm");
  require(!m_a.empty(), "Fourier-Bessel density needs at least one coefficient");
}

double FourierBesselDensity::operator()(double r) const {
  if (r > m_R) {
    return 0.0;
  }
  double s = 0.0;
  for (std::size_t i = 0; i < m_a.size(); ++i) {
    s += m_a[i] * sphericalJ0(static_cast<double>(i + 1) * kPi * r / m_R);
  }
  return s;
}

double FourierBesselDensity::norm() const {
  // 4 pi \int_0^R r^2 j0(nu pi r/R) dr = 4 pi R^3 (-1)^(nu+1) / (nu pi)^2
  double s = 0.0;
  for (std::size_t i = 0; i < m_a.size(); ++i) {
    const double nu = static_cast<double>(i + 1);
    const double sign = (i % 2 == 0) ? 1.0 : -1.0;
    s += sign * m_a[i] / (nu * nu * kPi * kPi);
  }
  return 4.0 * kPi * m_R * m_R * m_R * s;
}

std::string FourierBesselDensity::description() const {
  return fmt::format("Fourier-Bessel density{} (R = {} fm, {} coefficients)",
                     m_label.empty() ? "" : " of " + m_label, m_R, m_a.size());
}

FourierBesselFormFactor::FourierBesselFormFactor(FourierBesselDensity density)
    : m_density(std::move(density)), m_norm(m_density.norm()) {}

double FourierBesselFormFactor::operator()(double q) const {
  requireNonNegative(q, "momentum transfer q", "fm^-1");
  // 4 pi \int_0^R r^2 j0(q r) j0(q_nu r) dr = 4 pi (-1)^nu sin(qR) / (q (q^2 - q_nu^2)),
  // q_nu = nu pi / R; limits q -> 0 and q -> q_nu taken analytically.
  const double R = m_density.cutoffRadius();
  const auto& a = m_density.coefficients();
  double s = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const double nu = static_cast<double>(i + 1);
    const double qn = nu * kPi / R;
    const double sign = (i % 2 == 0) ? -1.0 : 1.0; // (-1)^nu
    double term = 0.0;
    if (std::abs(q - qn) < 1e-7 * qn) {
      term = R / (2.0 * qn * qn);
    } else if (q < 1e-6) {
      term = -sign * R / (qn * qn) * (1.0 - q * q * R * R / 6.0);
    } else {
      term = sign * std::sin(q * R) / (q * (q * q - qn * qn));
    }
    s += a[i] * term;
  }
  return 4.0 * kPi * s / m_norm;
}

std::string FourierBesselFormFactor::description() const {
  return "analytic transform of the " + m_density.description();
}

FourierBesselDensity loadFourierBesselDensity(const Nuclide& nuclide) {
  const auto path = dataFile("fourier_bessel.csv");
  const auto csv = CsvTable::read(path);
  for (std::size_t i = 0; i < csv.rows(); ++i) {
    const auto& key = csv.str(i, "nuclide");
    if (key != nuclide.name() && key != fmt::format("{}{}", nuclide.A, nuclide.symbol)) {
      continue;
    }
    std::vector<double> coeff;
    std::string list = csv.str(i, "coefficients");
    std::size_t pos = 0;
    while (pos <= list.size()) {
      const auto next = list.find(';', pos);
      const auto item = list.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
      double v = 0.0;
      if (!parseDouble(item, v)) {
        throw Error(ErrorCode::ConfigError, fmt::format("{}:{}: bad coefficient '{}'", path.string(),
                                                        csv.line(i), item));
      }
      coeff.push_back(v);
      if (next == std::string::npos) {
        break;
      }
      pos = next + 1;
    }
    return FourierBesselDensity(csv.num(i, "R_fm"), std::move(coeff), nuclide.name() + " (de Vries 1987)");
  }
  throw Error(ErrorCode::NotSupported,
              fmt::format("no Fourier-Bessel charge density for {} in {}", nuclide.name(), path.string()));
}

} // namespace lenu
