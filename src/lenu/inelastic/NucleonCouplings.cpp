#include "lenu/inelastic/NucleonCouplings.hpp"

#include <cmath>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"

namespace lenu::inelastic {

NucleonCouplings::NucleonCouplings(NucleonCouplingsConfig cfg) : m_cfg(cfg) {
  requirePositive(m_cfg.gA, "NucleonCouplingsConfig.gA", "");
  requirePositive(m_cfg.axialMass, "NucleonCouplingsConfig.axialMass", "MeV");
  requirePositive(m_cfg.vectorMass2, "NucleonCouplingsConfig.vectorMass2", "MeV^2");
  requireInRange(m_cfg.sin2ThetaW, 0.0, 1.0, "NucleonCouplingsConfig.sin2ThetaW", "");
}

NucleonFormFactors NucleonCouplings::at(Channel channel, Isospin nucleon, double q, double Q2) const {
  using namespace constants;
  const double mN = 0.5 * (kMassProton + kMassNeutron);
  const double Qp = std::max(Q2, 0.0);
  const double tau = Qp / (4.0 * mN * mN);
  const double gD = 1.0 / ((1.0 + Qp / m_cfg.vectorMass2) * (1.0 + Qp / m_cfg.vectorMass2));
  // Sachs form factors (Galster et al. 1971): G_E^p = G_D, G_M^N = mu_N G_D,
  // G_E^n = -mu_n tau G_D / (1 + lambda tau).
  const double gEp = gD;
  const double gEn = -m_cfg.muNeutron * tau * gD / (1.0 + m_cfg.galsterLambda * tau);
  const double gMp = m_cfg.muProton * gD;
  const double gMn = m_cfg.muNeutron * gD;
  // Dirac form factor F1 = (G_E + tau G_M) / (1 + tau).
  const double f1p = (gEp + tau * gMp) / (1.0 + tau);
  const double f1n = (gEn + tau * gMn) / (1.0 + tau);
  const double axialDipole = 1.0 / std::pow(1.0 + Qp / (m_cfg.axialMass * m_cfg.axialMass), 2);
  const double gA = m_cfg.gA * axialDipole;
  const double pole = m_cfg.pseudoscalar ? q * q / (kMassPiPlus * kMassPiPlus + Qp) : 0.0;

  NucleonFormFactors ff;
  ff.pionPole = pole;
  if (channel == Channel::ChargedCurrent) {
    ff.F1 = f1p - f1n; // CVC: isovector electromagnetic current
    ff.GM = gMp - gMn;
    ff.GA = gA;
    return ff;
  }
  // Neutral current J^Z = V^3 - A^3 - 2 sin^2(theta_W) J^em, V^3 = (1/2) tau_3 V^isovector.
  const double t3 = nucleon == Isospin::Proton ? 0.5 : -0.5;
  const double sw = m_cfg.sin2ThetaW;
  ff.F1 = t3 * (f1p - f1n) - 2.0 * sw * (nucleon == Isospin::Proton ? f1p : f1n);
  ff.GM = t3 * (gMp - gMn) - 2.0 * sw * (nucleon == Isospin::Proton ? gMp : gMn);
  ff.GA = t3 * gA; // strange axial form factor neglected
  return ff;
}

} // namespace lenu::inelastic
