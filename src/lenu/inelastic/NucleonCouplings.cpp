#include "lenu/inelastic/NucleonCouplings.hpp"

#include <algorithm>
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

namespace {
// The form factors as rational functions of Q2, for real (NucleonFormFactors) or complex
// (NucleonFormFactorsComplex) arguments.
template <class FF, class T>
FF formFactors(const NucleonCouplingsConfig& cfg, Channel channel, Isospin nucleon, T q, T Qp) {
  using namespace constants;
  const double mN = 0.5 * (kMassProton + kMassNeutron);
  const T tau = Qp / (4.0 * mN * mN);
  const T dv = 1.0 + Qp / cfg.vectorMass2;
  const T gD = 1.0 / (dv * dv);
  // Sachs form factors (Galster et al. 1971): G_E^p = G_D, G_M^N = mu_N G_D,
  // G_E^n = -mu_n tau G_D / (1 + lambda tau).
  const T gEp = gD;
  const T gEn = -cfg.muNeutron * tau * gD / (1.0 + cfg.galsterLambda * tau);
  const T gMp = cfg.muProton * gD;
  const T gMn = cfg.muNeutron * gD;
  // Dirac form factor F1 = (G_E + tau G_M) / (1 + tau).
  const T f1p = (gEp + tau * gMp) / (1.0 + tau);
  const T f1n = (gEn + tau * gMn) / (1.0 + tau);
  const T da = 1.0 + Qp / (cfg.axialMass * cfg.axialMass);
  const T gA = cfg.gA / (da * da);
  const T pole = cfg.pseudoscalar ? q * q / (kMassPiPlus * kMassPiPlus + Qp) : T(0.0);

  FF ff;
  ff.pionPole = pole;
  if (channel == Channel::ChargedCurrent) {
    ff.F1 = f1p - f1n; // CVC: isovector electromagnetic current
    ff.GM = gMp - gMn;
    ff.GA = gA;
    return ff;
  }
  // Neutral current J^Z = V^3 - A^3 - 2 sin^2(theta_W) J^em, V^3 = (1/2) tau_3 V^isovector.
  const double t3 = nucleon == Isospin::Proton ? 0.5 : -0.5;
  const double sw = cfg.sin2ThetaW;
  ff.F1 = t3 * (f1p - f1n) - 2.0 * sw * (nucleon == Isospin::Proton ? f1p : f1n);
  ff.GM = t3 * (gMp - gMn) - 2.0 * sw * (nucleon == Isospin::Proton ? gMp : gMn);
  ff.GA = t3 * gA; // strange axial form factor neglected
  return ff;
}
} // namespace

NucleonFormFactors NucleonCouplings::at(Channel channel, Isospin nucleon, double q, double Q2) const {
  return formFactors<NucleonFormFactors>(m_cfg, channel, nucleon, q, std::max(Q2, 0.0));
}

NucleonFormFactorsComplex NucleonCouplings::at(Channel channel, Isospin nucleon, std::complex<double> q,
                                               std::complex<double> Q2) const {
  return formFactors<NucleonFormFactorsComplex>(m_cfg, channel, nucleon, q, Q2);
}

} // namespace lenu::inelastic
