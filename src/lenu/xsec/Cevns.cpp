#include "lenu/xsec/Cevns.hpp"

#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"

namespace lenu {

using constants::kHbarC;

CevnsCrossSection::CevnsCrossSection(const Nuclide& nuclide, NucleonFormFactors ff, NucleonWeakCharges charges)
    : CevnsCrossSection(nuclide, std::move(ff), std::move(charges), Config{}) {}

CevnsCrossSection::CevnsCrossSection(const Nuclide& nuclide, NucleonFormFactors ff, NucleonWeakCharges charges,
                                     Config cfg)
    : m_nuclide(nuclide), m_weak(nuclide, std::move(ff), std::move(charges)), m_mass(nuclide.nuclearMass()),
      m_prefactor(constants::kFermiConstant * constants::kFermiConstant * m_mass * kHbarC * kHbarC /
                  (4.0 * constants::kPi)),
      m_unitRule(cfg.sigmaNodes, 0.0, 1.0) {
  require(cfg.sigmaNodes >= 4, fmt::format("CEvNS sigmaNodes = {} must be >= 4", cfg.sigmaNodes));
}

double CevnsCrossSection::maxRecoil(double energy) const {
  requireInRange(energy, 0.0, kMaxCevnsEnergy, "neutrino energy E", "MeV");
  return 2.0 * energy * energy / (m_mass + 2.0 * energy);
}

double CevnsCrossSection::minNeutrinoEnergy(double recoil) const {
  requireNonNegative(recoil, "recoil energy T", "MeV");
  return 0.5 * (recoil + std::sqrt(recoil * recoil + 2.0 * m_mass * recoil));
}

double CevnsCrossSection::momentumTransfer(double recoil) const {
  requireNonNegative(recoil, "recoil energy T", "MeV");
  return std::sqrt(2.0 * m_mass * recoil + recoil * recoil) / kHbarC;
}

double CevnsCrossSection::dSigmaDT(double energy, double recoil) const {
  requireInRange(energy, 0.0, kMaxCevnsEnergy, "neutrino energy E", "MeV");
  requireNonNegative(recoil, "recoil energy T", "MeV");
  if (energy == 0.0 || recoil > maxRecoil(energy)) {
    return 0.0;
  }
  const double kin = 1.0 - recoil / energy - m_mass * recoil / (2.0 * energy * energy);
  if (kin <= 0.0) {
    return 0.0;
  }
  const double qwf = m_weak.chargeTimesFormFactor(momentumTransfer(recoil));
  return m_prefactor * kin * qwf * qwf;
}

double CevnsCrossSection::dSigmaDCosTheta(double energy, double cosTheta) const {
  requireInRange(energy, 0.0, kMaxCevnsEnergy, "neutrino energy E", "MeV");
  requireInRange(cosTheta, -1.0, 1.0, "cos(theta)", "");
  const double ePrime = energy / (1.0 + energy * (1.0 - cosTheta) / m_mass);
  const double recoil = std::max(0.0, energy - ePrime);
  return dSigmaDT(energy, std::min(recoil, maxRecoil(energy))) * ePrime * ePrime / m_mass;
}

double CevnsCrossSection::sigma(double energy) const {
  requireInRange(energy, 0.0, kMaxCevnsEnergy, "neutrino energy E", "MeV");
  if (energy == 0.0) {
    return 0.0;
  }
  // Integrate in p = hbar c q: T(p) = sqrt(M^2 + p^2) - M, dT/dp = p / (M + T).
  const double tMax = maxRecoil(energy);
  const double pMax = std::sqrt(2.0 * m_mass * tMax + tMax * tMax);
  const double kinA = 1.0 / energy;
  const double kinB = m_mass / (2.0 * energy * energy);
  double s = 0.0;
  for (std::size_t i = 0; i < m_unitRule.x.size(); ++i) {
    const double p = pMax * m_unitRule.x[i];
    const double t = p * p / (std::sqrt(m_mass * m_mass + p * p) + m_mass);
    const double kin = 1.0 - t * (kinA + kinB);
    const double qwf = m_weak.chargeTimesFormFactor(p / kHbarC);
    s += m_unitRule.w[i] * kin * qwf * qwf * p / (m_mass + t);
  }
  return m_prefactor * s * pMax;
}

double CevnsCrossSection::sigmaAdaptive(double energy, double relTol) const {
  requireInRange(energy, 0.0, kMaxCevnsEnergy, "neutrino energy E", "MeV");
  QuadratureConfig cfg;
  cfg.relTol = relTol;
  return integrate([&](double t) { return dSigmaDT(energy, t); }, 0.0, maxRecoil(energy), cfg);
}

} // namespace lenu
