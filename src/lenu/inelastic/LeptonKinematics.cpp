#include "lenu/inelastic/LeptonKinematics.hpp"

#include <algorithm>
#include <cmath>

namespace lenu::inelastic {

bool LeptonVertex::make(double Enu, double omega, double cosTheta, double ml, LeptonVertex& out) {
  const double El = Enu - omega;
  if (!(El > ml)) return false;
  out.Enu = Enu;
  out.El = El;
  out.ml = ml;
  out.kl = std::sqrt(std::max(El * El - ml * ml, 0.0));
  out.cosTheta = cosTheta;
  out.omega = omega;
  const double q2 = Enu * Enu + out.kl * out.kl - 2.0 * Enu * out.kl * cosTheta;
  out.q = std::sqrt(std::max(q2, 1e-12));
  out.Q2 = q2 - omega * omega;
  return true;
}

KinematicFactors kinematicFactors(const LeptonVertex& v) {
  const double kappa = v.kl / v.El;
  const double c = v.cosTheta;
  const double s2 = std::max(0.0, 1.0 - c * c);
  const double q = v.q;
  const double m2 = v.ml * v.ml;
  KinematicFactors f;
  f.CC = 1.0 + kappa * c;
  f.CL = -((v.omega / q) * (1.0 + kappa * c) + m2 / (v.El * q));
  f.LL = 1.0 + kappa * c - 2.0 * v.Enu * v.El * kappa * kappa * s2 / (q * q);
  f.T = 1.0 - kappa * c + v.Enu * v.El * kappa * kappa * s2 / (q * q);
  f.TP = (v.Enu + v.El) / q * (1.0 - kappa * c) - m2 / (v.El * q);
  return f;
}

} // namespace lenu::inelastic
