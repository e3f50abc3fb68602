#include "lenu/pves/DiracCoulomb.hpp"

#include <cmath>
#include <complex>

#include <fmt/format.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_coulomb.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/GslError.hpp"

namespace lenu {
namespace {

constexpr double kPi = constants::kPi;

void checkArguments(int kappa, double zeta, double totalEnergy, double mass) {
  require(kappa != 0, "Dirac-Coulomb functions: kappa must be non-zero");
  require(std::isfinite(zeta) && zeta != 0.0 && std::abs(zeta) < 0.86,
          fmt::format("Dirac-Coulomb functions: potential strength zeta = {} must satisfy "
                      "0 < |zeta| < 0.86 (gamma > 1/2)",
                      zeta));
  require(std::isfinite(totalEnergy) && mass >= 0.0 && totalEnergy > mass,
          fmt::format("Dirac-Coulomb functions: total energy {} MeV must exceed the mass {} MeV",
                      totalEnergy, mass));
}

int orbitalL(int kappa) { return kappa > 0 ? kappa : -kappa - 1; }

/// arg Gamma(x + i y) for x > 0, continuous in x (Stirling series after upward recurrence).
/// Computed from small terms so that the absolute error stays ~1e-16 even for x ~ 1e5, where
/// general complex log-Gamma routines lose ~1e-11 (relative to |ln Gamma|) and the rounding
/// noise would break the Yennie-Ravenhall-Wilson reduction of the Coulomb tail.
double argGamma(double x, double y) {
  double shift = 0.0;
  while (x < 20.0) {
    shift += std::atan2(y, x);
    x += 1.0;
  }
  const std::complex<double> z(x, y);
  const std::complex<double> iz = 1.0 / z;
  const std::complex<double> iz2 = iz * iz;
  // Stirling: ln Gamma(z) = (z - 1/2) ln z - z + ln(2 pi)/2 + 1/(12 z) - 1/(360 z^3) + 1/(1260 z^5)
  //           - 1/(1680 z^7) + 1/(1188 z^9) (Abramowitz & Stegun 6.1.40).
  const std::complex<double> series =
      iz * (1.0 / 12.0 + iz2 * (-1.0 / 360.0 + iz2 * (1.0 / 1260.0 + iz2 * (-1.0 / 1680.0 + iz2 / 1188.0))));
  const double argZ = std::atan2(y, x);
  const double imag = (x - 0.5) * argZ + y * std::log(std::abs(z)) - y + series.imag();
  return imag - shift;
}

} // namespace

double diracCoulombPhase(int kappa, double zeta, double totalEnergy, double mass) {
  checkArguments(kappa, zeta, totalEnergy, mass);
  const double w = totalEnergy;
  const double p = std::sqrt((w - mass) * (w + mass));
  const double k = static_cast<double>(kappa);
  const double gamma = std::sqrt(k * k - zeta * zeta);
  const double eta = zeta * w / p;
  // kappa + gamma and gamma - |kappa| without cancellation for kappa < 0.
  const double gammaMinusAbs = -zeta * zeta / (gamma + std::abs(k));
  const double kPlusGamma = kappa < 0 ? gammaMinusAbs : k + gamma;
  const double nu = std::atan2(-kPlusGamma * p, zeta * (w + mass));
  const int l = orbitalL(kappa);
  // gamma - l - 1 = (gamma - |kappa|) + (|kappa| - l - 1)
  const double gammaMinusL1 = gammaMinusAbs + static_cast<double>(std::abs(kappa) - l - 1);
  // A shift by pi (for zeta < 0, kappa < 0 in RADIAL's convention) does not change exp(2 i delta).
  return nu - gammaMinusL1 * 0.5 * kPi + argGamma(gamma, eta);
}

DiracCoulombFunctions diracCoulombFunctions(int kappa, double zeta, double totalEnergy, double mass,
                                            double r) {
  checkArguments(kappa, zeta, totalEnergy, mass);
  require(std::isfinite(r) && r > 0.0, fmt::format("Dirac-Coulomb functions: r = {} fm must be > 0", r));
  const double w = totalEnergy;
  const double p = std::sqrt((w - mass) * (w + mass));
  const double x = p / constants::kHbarC * r;
  const double k = static_cast<double>(kappa);
  const double gamma = std::sqrt(k * k - zeta * zeta);
  const double eta = zeta * w / p;
  const double rla = std::sqrt(gamma * gamma + eta * eta);
  const double p1 = k + gamma;
  const double p2 = gamma * mass - k * w;
  const double nur = zeta * (w + mass);
  const double nui = -p1 * p;
  double rnorm = 1.0 / (std::sqrt(nur * nur + nui * nui) * gamma);
  if (zeta < 0.0 && kappa < 0) {
    rnorm = -rnorm;
  }

  gsl_sf_result fm1;
  gsl_sf_result fpm1;
  gsl_sf_result gm1;
  gsl_sf_result gpm1;
  double expF = 0.0;
  double expG = 0.0;
  gsl::useReturnCodes();
  const int status = gsl_sf_coulomb_wave_FG_e(eta, x, gamma - 1.0, 0, &fm1, &fpm1, &gm1, &gpm1, &expF, &expG);
  if (status != GSL_SUCCESS && status != GSL_EOVRFLW) {
    throw Error(ErrorCode::NotConverged,
                fmt::format("Dirac-Coulomb functions: GSL Coulomb functions failed for order {}, eta {}, "
                            "x = kr = {}: {}",
                            gamma - 1.0, eta, x, gsl_strerror(status)));
  }
  // Raising operator: F_gamma from F_{gamma-1} and its derivative (same scale).
  const double sla = gamma / x + eta / gamma;
  const double f = gamma * (sla * fm1.val - fpm1.val) / rla;
  const double g = gamma * (sla * gm1.val - gpm1.val) / rla;

  const double q1 = rla * p * rnorm;
  const double cp1 = p1 * q1;
  const double cq1 = zeta * q1;
  const double cp2 = zeta * p2 * rnorm;
  const double cq2 = p1 * p2 * rnorm;

  DiracCoulombFunctions out;
  out.fu = cp1 * f + cp2 * fm1.val;
  out.fl = -cq1 * f - cq2 * fm1.val;
  out.gu = cp1 * g + cp2 * gm1.val;
  out.gl = -cq1 * g - cq2 * gm1.val;
  out.logScaleF = expF;
  out.logScaleG = expG;
  return out;
}

} // namespace lenu
