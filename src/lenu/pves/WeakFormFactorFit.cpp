#include "lenu/pves/WeakFormFactorFit.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/formfactor/Density.hpp"
#include "lenu/formfactor/Phenomenological.hpp"

namespace lenu {

WeakFormFactorFit::WeakFormFactorFit(int Z, int N, double nuclearMass, std::shared_ptr<const RadialDensity> charge,
                                     Config config)
    : m_Z(Z), m_N(N), m_mass(nuclearMass), m_charge(std::move(charge)), m_cfg(config) {
  require(Z >= 1 && N >= 1, fmt::format("WeakFormFactorFit: Z = {}, N = {} must be >= 1", Z, N));
  require(m_charge != nullptr, "WeakFormFactorFit: charge density is null");
  requirePositive(nuclearMass, "nuclear mass", "MeV");
  requireInRange(m_cfg.diffuseness, 0.1, 2.0, "weak diffuseness a", "fm");
  m_qw = m_cfg.charges.proton * Z + m_cfg.charges.neutron * N;
  require(m_qw < 0.0, fmt::format("WeakFormFactorFit: weak charge {} must be negative", m_qw));
  m_rch = rmsRadius(*m_charge);
}

PointRadii pointRadii(int Z, int N, double chargeRadius, double weakRadius, const WeakFormFactorFit::Config& cfg) {
  require(Z >= 1 && N >= 1, fmt::format("pointRadii: Z = {}, N = {} must be >= 1", Z, N));
  requirePositive(chargeRadius, "charge radius", "fm");
  requirePositive(weakRadius, "weak radius", "fm");
  const double z = Z;
  const double n = N;
  const double qp = cfg.charges.proton;
  const double qn = cfg.charges.neutron;
  const double qw = qp * z + qn * n;
  const double lambdaP = constants::kHbarC / constants::kMassProton;
  const double darwinFoldy = cfg.darwinFoldy ? 0.75 * lambdaP * lambdaP : 0.0;
  const double rp2 =
      chargeRadius * chargeRadius - cfg.protonMsr - n / z * cfg.neutronMsr - darwinFoldy - cfg.spinOrbitMsr;
  require(rp2 > 0.0, fmt::format("pointRadii: point-proton mean-square radius {} fm^2 <= 0 (R_ch = {} fm)", rp2,
                                 chargeRadius));
  // Q_W R_W^2 = Z [q_p (R_p^2 + r_p^2) + q_n <r_n^2>] + N [q_n (R_n^2 + r_p^2) + q_p <r_n^2>]
  const double rn2 = (qw * weakRadius * weakRadius - z * (qp * (rp2 + cfg.protonMsr) + qn * cfg.neutronMsr) -
                      n * qp * cfg.neutronMsr) / (n * qn) -
                     cfg.protonMsr;
  require(rn2 > 0.0, fmt::format("pointRadii: point-neutron mean-square radius {} fm^2 <= 0 (R_W = {} fm)", rn2,
                                 weakRadius));
  return {std::sqrt(rp2), std::sqrt(rn2)};
}

PvesResult WeakFormFactorFit::predict(double kineticEnergy, const AngularAcceptance& acceptance,
                                      double weakRadius) const {
  const double a = m_cfg.diffuseness;
  require(weakRadius * weakRadius > 7.0 / 5.0 * constants::kPi * constants::kPi * a * a + 1e-6,
          fmt::format("WeakFormFactorFit: weak radius {} fm too small for diffuseness {} fm", weakRadius, a));
  const double c = SymmetrizedFermiFormFactor::halfDensityRadius(weakRadius, a);
  auto weak = std::make_shared<SymmetrizedFermiDensity>(c, a, m_qw);
  const ParityViolatingScattering pv(m_Z, m_mass, m_charge, m_qw, weak, m_cfg.scattering);
  return pv.acceptanceAverage(kineticEnergy, acceptance);
}

WeakFormFactorFitResult WeakFormFactorFit::fit(double kineticEnergy, double thetaDeg, double apv,
                                               double apvError, std::optional<double> qQuote) const {
  return fit(kineticEnergy, AngularAcceptance{{thetaDeg}, {1.0}}, apv, apvError, qQuote);
}

WeakFormFactorFitResult WeakFormFactorFit::fit(double kineticEnergy, const AngularAcceptance& acceptance,
                                               double apv, double apvError, std::optional<double> qQuote) const {
  require(std::isfinite(apv) && apv > 0.0,
          fmt::format("WeakFormFactorFit: measured A_PV = {} must be positive", apv));
  require(std::isfinite(apvError) && apvError >= 0.0,
          fmt::format("WeakFormFactorFit: A_PV error = {} must be >= 0", apvError));
  const double a = m_cfg.diffuseness;
  const double rMin = std::sqrt(7.0 / 5.0) * constants::kPi * a + 0.05;
  // Secant iteration in R_W starting near the charge radius.
  double r0 = m_rch + 0.05;
  double r1 = m_rch + 0.25;
  PvesResult p0 = predict(kineticEnergy, acceptance, r0);
  PvesResult p1 = predict(kineticEnergy, acceptance, r1);
  double f0 = p0.apv - apv;
  double f1 = p1.apv - apv;
  int it = 2;
  while (std::abs(f1) > m_cfg.relativeTolerance * apv) {
    if (it >= m_cfg.maxIterations) {
      throw Error(ErrorCode::NotConverged,
                  fmt::format("WeakFormFactorFit: A_PV = {} not matched after {} iterations (last R_W = {} fm, "
                              "A_PV = {})",
                              apv, it, r1, p1.apv));
    }
    require(f1 != f0, "WeakFormFactorFit: A_PV does not depend on R_W (flat secant)");
    double r2 = r1 - f1 * (r1 - r0) / (f1 - f0);
    r2 = std::clamp(r2, std::max(rMin, r1 - 1.5), r1 + 1.5);
    if (r2 > 3.0 * m_rch + 5.0) {
      throw Error(ErrorCode::NotConverged,
                  fmt::format("WeakFormFactorFit: measured A_PV = {} needs R_W > {} fm (no solution in the "
                              "symmetrized-Fermi family)",
                              apv, r2));
    }
    r0 = r1;
    f0 = f1;
    r1 = r2;
    p1 = predict(kineticEnergy, acceptance, r1);
    f1 = p1.apv - apv;
    ++it;
  }
  const double h = m_cfg.derivativeStep;
  const double aUp = predict(kineticEnergy, acceptance, r1 + h).apv;
  const double aDn = predict(kineticEnergy, acceptance, r1 - h).apv;
  const double slope = (aUp - aDn) / (2.0 * h);
  require(slope != 0.0, "WeakFormFactorFit: dA_PV/dR_W vanishes; R_W is not constrained");

  WeakFormFactorFitResult res;
  res.iterations = it;
  res.slope = slope;
  res.weakRadius = r1;
  res.weakRadiusError = apvError / std::abs(slope);
  res.diffuseness = a;
  res.halfDensityRadius = SymmetrizedFermiFormFactor::halfDensityRadius(r1, a);
  res.q = qQuote ? *qQuote : p1.q;
  requirePositive(res.q, "q at which F_W is quoted", "fm^-1");
  const SymmetrizedFermiFormFactor ff(res.halfDensityRadius, a);
  res.formFactor = ff(res.q);
  const SymmetrizedFermiFormFactor ffUp(SymmetrizedFermiFormFactor::halfDensityRadius(r1 + h, a), a);
  const SymmetrizedFermiFormFactor ffDn(SymmetrizedFermiFormFactor::halfDensityRadius(r1 - h, a), a);
  res.formFactorError = std::abs((ffUp(res.q) - ffDn(res.q)) / (2.0 * h)) * res.weakRadiusError;
  res.apvBornAtFit = p1.apvBorn;
  res.chargeRadius = m_rch;
  const double n = m_N;
  const double qn = m_cfg.charges.neutron;
  const PointRadii radii = pointRadii(m_Z, m_N, m_rch, r1, m_cfg);
  res.protonRadius = radii.proton;
  res.neutronRadius = radii.neutron;
  res.neutronRadiusError = std::abs(m_qw / (qn * n)) * r1 / res.neutronRadius * res.weakRadiusError;
  return res;
}

} // namespace lenu
