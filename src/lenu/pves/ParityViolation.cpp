#include "lenu/pves/ParityViolation.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Csv.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/formfactor/Density.hpp"
#include "lenu/pves/PartialWaveSeries.hpp"

namespace lenu {
namespace {
constexpr double kDeg = constants::kPi / 180.0;
} // namespace

AngularAcceptance AngularAcceptance::fromCsv(const std::string& path) {
  const CsvTable t = CsvTable::read(path);
  AngularAcceptance acc;
  for (std::size_t i = 0; i < t.rows(); ++i) {
    acc.thetaDeg.push_back(t.num(i, "theta_deg"));
    acc.weight.push_back(t.num(i, "weight"));
  }
  return acc;
}

ParityViolatingScattering::ParityViolatingScattering(int Z, double nuclearMass,
                                                     std::shared_ptr<const RadialDensity> charge,
                                                     double weakCharge,
                                                     std::shared_ptr<const RadialDensity> weak, Config config)
    : m_Z(Z), m_mass(nuclearMass), m_weakCharge(weakCharge), m_cfg(config),
      m_solver(Z, charge, weakCharge, weak, config.dirac) {
  requirePositive(nuclearMass, "nuclear mass", "MeV");
  require(weak != nullptr, "ParityViolatingScattering: weak density is null");
  require(weakCharge != 0.0, "ParityViolatingScattering: weak charge must be non-zero");
  require(m_cfg.reductions >= 0 && m_cfg.reductions <= 4,
          fmt::format("ParityViolatingScattering: reductions = {} outside 0..4", m_cfg.reductions));
  requireInRange(m_cfg.minAngleDeg, 0.05, 179.0, "minAngleDeg", "deg");
  requireInRange(m_cfg.maxAngleDeg, m_cfg.minAngleDeg, 180.0, "maxAngleDeg", "deg");
  requirePositive(m_cfg.tailFactor, "tailFactor", "");
  m_fch = std::make_shared<DensityFormFactor>(charge);
  m_fw = std::make_shared<DensityFormFactor>(weak);
}

void ParityViolatingScattering::checkKinematics(double kineticEnergy, double thetaDeg) const {
  requireInRange(kineticEnergy, m_cfg.minKineticEnergy, m_cfg.maxKineticEnergy, "beam kinetic energy", "MeV");
  requireInRange(thetaDeg, m_cfg.minAngleDeg, m_cfg.maxAngleDeg, "scattering angle", "deg");
}

double ParityViolatingScattering::q2At(double kineticEnergy, double thetaDeg) const {
  const double e = kineticEnergy + m_cfg.dirac.electronMass;
  const double s2 = std::pow(std::sin(0.5 * thetaDeg * kDeg), 2);
  const double ePrime = e / (1.0 + 2.0 * e * s2 / m_mass);
  return 4.0 * e * ePrime * s2;
}

double ParityViolatingScattering::angleForQ2(double kineticEnergy, double q2) const {
  requirePositive(q2, "Q^2", "MeV^2");
  const double e = kineticEnergy + m_cfg.dirac.electronMass;
  // Q^2 = 4 E^2 s2 / (1 + 2 E s2 / M)  =>  s2 = Q^2 / (4 E^2 - 2 E Q^2 / M)
  const double den = 4.0 * e * e - 2.0 * e * q2 / m_mass;
  require(den > 0.0, fmt::format("Q^2 = {} MeV^2 not reachable at T = {} MeV", q2, kineticEnergy));
  const double s2 = q2 / den;
  require(s2 <= 1.0, fmt::format("Q^2 = {} MeV^2 not reachable at T = {} MeV", q2, kineticEnergy));
  return 2.0 * std::asin(std::sqrt(s2)) / kDeg;
}

std::vector<PvesResult> ParityViolatingScattering::evaluate(double kineticEnergy,
                                                            const std::vector<double>& thetaDeg) const {
  require(!thetaDeg.empty(), "ParityViolatingScattering: no angles given");
  for (double th : thetaDeg) {
    checkKinematics(kineticEnergy, th);
  }
  const double thetaMin = *std::min_element(thetaDeg.begin(), thetaDeg.end()) * kDeg;
  const int lMax = std::max(m_cfg.minPartialWaves, static_cast<int>(std::ceil(m_cfg.tailFactor / thetaMin)));
  const HelicityPhaseShifts ph = m_solver.phaseShifts(kineticEnergy, lMax);
  const PartialWaveSeries plus(ph.plus, m_cfg.reductions);
  const PartialWaveSeries minus(ph.minus, m_cfg.reductions);
  const double e = ph.totalEnergy;
  const double p = ph.momentum;
  const double beta = p / e;
  const double za = m_Z * constants::kAlpha;
  std::vector<PvesResult> out;
  out.reserve(thetaDeg.size());
  for (double th : thetaDeg) {
    const double t = th * kDeg;
    const double sPlus = plus(t).crossSection();
    const double sMinus = minus(t).crossSection();
    PvesResult r;
    r.kineticEnergy = kineticEnergy;
    r.thetaDeg = th;
    const double s2 = std::pow(std::sin(0.5 * t), 2);
    const double recoil = 1.0 / (1.0 + 2.0 * e * s2 / m_mass);
    r.q2 = 4.0 * e * e * recoil * s2;
    r.q = std::sqrt(r.q2) / constants::kHbarC;
    r.crossSection = 0.5 * (sPlus + sMinus) * recoil;
    const double ruth = std::pow(za * constants::kHbarC / (2.0 * p * beta), 2) / (s2 * s2);
    r.mottCrossSection = ruth * (1.0 - beta * beta * s2) * recoil;
    r.apv = (sPlus - sMinus) / (sPlus + sMinus);
    const double fch = (*m_fch)(r.q);
    const double fw = (*m_fw)(r.q);
    r.apvBorn = -constants::kFermiConstant * r.q2 * m_weakCharge * fw /
                (4.0 * constants::kPi * constants::kAlpha * std::sqrt(2.0) * m_Z * fch);
    out.push_back(r);
  }
  return out;
}

PvesResult ParityViolatingScattering::evaluate(double kineticEnergy, double thetaDeg) const {
  return evaluate(kineticEnergy, std::vector<double>{thetaDeg}).front();
}

PvesResult ParityViolatingScattering::acceptanceAverage(double kineticEnergy,
                                                        const AngularAcceptance& acceptance) const {
  require(!acceptance.thetaDeg.empty() && acceptance.thetaDeg.size() == acceptance.weight.size(),
          fmt::format("angular acceptance: {} angles and {} weights (need equal, non-zero counts)",
                      acceptance.thetaDeg.size(), acceptance.weight.size()));
  double wSum = 0.0;
  for (double w : acceptance.weight) {
    require(std::isfinite(w) && w >= 0.0, fmt::format("angular acceptance: weight {} must be >= 0", w));
    wSum += w;
  }
  require(wSum > 0.0, "angular acceptance: all weights are zero");
  const std::vector<PvesResult> pts = evaluate(kineticEnergy, acceptance.thetaDeg);
  PvesResult avg;
  avg.kineticEnergy = kineticEnergy;
  double rate = 0.0;
  for (std::size_t i = 0; i < pts.size(); ++i) {
    const double w = acceptance.weight[i];
    const double wr = w * pts[i].crossSection;
    rate += wr;
    avg.crossSection += w * pts[i].crossSection;
    avg.mottCrossSection += w * pts[i].mottCrossSection;
    avg.apv += wr * pts[i].apv;
    avg.apvBorn += wr * pts[i].apvBorn;
    avg.q2 += wr * pts[i].q2;
    avg.thetaDeg += wr * pts[i].thetaDeg;
  }
  avg.crossSection /= wSum;
  avg.mottCrossSection /= wSum;
  avg.apv /= rate;
  avg.apvBorn /= rate;
  avg.q2 /= rate;
  avg.thetaDeg /= rate;
  avg.q = std::sqrt(avg.q2) / constants::kHbarC;
  return avg;
}

} // namespace lenu
