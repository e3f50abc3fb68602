#include "lenu/supernova/PinchedSpectrum.hpp"

#include <cmath>

#include <fmt/format.h>
#include <gsl/gsl_sf_gamma.h>

#include "lenu/core/Error.hpp"

namespace lenu::supernova {

double pinchedLogNorm(double meanEnergy, double alpha) {
  const double a1 = alpha + 1.0;
  return a1 * std::log(a1) - a1 * std::log(meanEnergy) - std::lgamma(a1);
}

double pinchedPdf(double energy, double meanEnergy, double alpha) {
  if (energy <= 0.0) {
    return 0.0;
  }
  return std::exp(pinchedLogNorm(meanEnergy, alpha) + alpha * std::log(energy) - (alpha + 1.0) * energy / meanEnergy);
}

double pinchedCdf(double energy, double meanEnergy, double alpha) {
  if (energy <= 0.0) {
    return 0.0;
  }
  return gsl_sf_gamma_inc_P(alpha + 1.0, (alpha + 1.0) * energy / meanEnergy);
}

void validatePinched(double meanEnergy, double alpha, const std::string& what) {
  if (!(std::isfinite(meanEnergy) && meanEnergy >= kMinMeanEnergy && meanEnergy <= kMaxMeanEnergy)) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{}: mean energy {} MeV outside [{}, {}] MeV", what, meanEnergy, kMinMeanEnergy,
                            kMaxMeanEnergy));
  }
  if (!(std::isfinite(alpha) && alpha >= kMinAlpha && alpha <= kMaxAlpha)) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{}: pinching parameter alpha = {} outside [{}, {}]", what, alpha, kMinAlpha, kMaxAlpha));
  }
}

double alphaFromMoments(double meanEnergy, double meanSquareEnergy) {
  const double e2 = meanEnergy * meanEnergy;
  if (!(std::isfinite(meanSquareEnergy) && meanSquareEnergy > e2)) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("<E^2> = {} MeV^2 must exceed <E>^2 = {} MeV^2 (a spectrum has positive variance)",
                            meanSquareEnergy, e2));
  }
  const double alpha = (2.0 * e2 - meanSquareEnergy) / (meanSquareEnergy - e2);
  validatePinched(meanEnergy, alpha, "alpha from <E>, <E^2>");
  return alpha;
}

PinchedSpectrum::PinchedSpectrum(double meanEnergy, double alpha)
    : m_mean(meanEnergy), m_alpha(alpha), m_logNorm(0.0), m_eMax(0.0) {
  validatePinched(meanEnergy, alpha, "pinched spectrum");
  m_logNorm = pinchedLogNorm(meanEnergy, alpha);
  // (alpha+1) E/<E> = 60 + alpha ln(...) is far in the tail; add margin for large alpha.
  m_eMax = meanEnergy * (60.0 + 2.0 * std::max(alpha, 0.0)) / (alpha + 1.0) + meanEnergy;
}

double PinchedSpectrum::pdf(double energy) const {
  if (energy <= 0.0 || energy > m_eMax) {
    return 0.0;
  }
  return std::exp(m_logNorm + m_alpha * std::log(energy) - (m_alpha + 1.0) * energy / m_mean);
}

std::string PinchedSpectrum::description() const {
  return fmt::format("pinched spectrum <E> = {:.3g} MeV, alpha = {:.3g} (Keil, Raffelt, Janka 2003)", m_mean, m_alpha);
}

} // namespace lenu::supernova
