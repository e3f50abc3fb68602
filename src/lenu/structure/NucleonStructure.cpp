#include "lenu/structure/NucleonStructure.hpp"

#include <cmath>

#include "lenu/core/Constants.hpp"

namespace lenu::nucleon {

namespace {
double tauOf(double q) {
  const double qMeV = q * constants::kHbarC;
  return qMeV * qMeV / (4.0 * constants::kMassProton * constants::kMassProton);
}
} // namespace

double electricFormFactorProton(double q) {
  const double t = tauOf(q);
  return (1.0 - 0.24 * t) / (1.0 + t * (10.98 + t * (12.82 + t * 21.97)));
}

double electricFormFactorNeutron(double q) {
  const double t = tauOf(q);
  const double q2GeV = std::pow(q * constants::kHbarC / 1000.0, 2);
  const double gd = 1.0 / std::pow(1.0 + q2GeV / 0.71, 2);
  return 1.70 * t / (1.0 + 3.30 * t) * gd;
}

double chargeRadius2(double rp2, int Z, int N) {
  const double lambdaP = constants::kHbarC / constants::kMassProton;
  return rp2 + kProtonChargeRadius * kProtonChargeRadius + static_cast<double>(N) / Z * kNeutronChargeRadius2 +
         0.75 * lambdaP * lambdaP;
}

double spinOrbitChargeRadius2(const std::vector<SingleParticleState>& states, int Z) {
  double s = 0.0;
  for (const auto& st : states) {
    const bool proton = st.isospin == Isospin::Proton;
    const double mass = proton ? constants::kMassProton : constants::kMassNeutron;
    const double mu = proton ? kProtonAnomalousMoment : kNeutronAnomalousMoment;
    const double lam = constants::kHbarC / mass;
    s += st.degeneracy() * st.occupation * mu * lam * lam * (st.kappa() + 1.0);
  }
  return -s / Z;
}

double weakCharge(int Z, int N) { return Z * kProtonWeakCharge + N * kNeutronWeakCharge; }

double weakRadius2(double rp2, double rn2, int Z, int N) {
  const double rp2n = kProtonChargeRadius * kProtonChargeRadius;
  const double num = Z * (kProtonWeakCharge * (rp2 + rp2n) + kNeutronWeakCharge * kNeutronChargeRadius2) +
                     N * (kNeutronWeakCharge * (rn2 + rp2n) + kProtonWeakCharge * kNeutronChargeRadius2);
  return num / weakCharge(Z, N);
}

} // namespace lenu::nucleon
