#include "lenu/supernova/ElectronCrossSections.hpp"

#include <algorithm>
#include <cmath>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Integrate.hpp"

namespace lenu::supernova {

namespace {
using constants::kMassElectron;
using constants::kMassNeutron;
using constants::kMassProton;
constexpr double kMe2 = kMassElectron * kMassElectron;
} // namespace

InverseBetaDecay::InverseBetaDecay() : InverseBetaDecay(Config{}) {}

InverseBetaDecay::InverseBetaDecay(Config cfg) : m_cfg(cfg) {
  requireInRange(cfg.cosThetaC, 0.9, 1.0, "cos(theta_C)", "");
  requireInRange(cfg.g1, -2.0, -1.0, "g_1(0)", "");
  requirePositive(cfg.mv2, "M_V^2", "MeV^2");
  requirePositive(cfg.ma2, "M_A^2", "MeV^2");
  require(cfg.energyNodes >= 4 && cfg.energyNodes <= 200, "IBD energyNodes must be in [4, 200]");
}

double InverseBetaDecay::threshold() const {
  const double m = kMassNeutron + kMassElectron;
  return (m * m - kMassProton * kMassProton) / (2.0 * kMassProton);
}

void InverseBetaDecay::positronRange(double enu, double& e1, double& e2) const {
  e1 = e2 = 0.0;
  if (!(enu > threshold())) {
    return;
  }
  const double mp = kMassProton, mn = kMassNeutron;
  const double s = mp * mp + 2.0 * mp * enu;
  const double rs = std::sqrt(s);
  const double enuCm = (s - mp * mp) / (2.0 * rs);
  const double eeCm = (s - mn * mn + kMe2) / (2.0 * rs);
  const double arg = (s - (mn - kMassElectron) * (mn - kMassElectron)) * (s - (mn + kMassElectron) * (mn + kMassElectron));
  const double peCm = std::sqrt(std::max(arg, 0.0)) / (2.0 * rs);
  const double delta = (mn * mn - mp * mp - kMe2) / (2.0 * mp);
  e1 = enu - delta - enuCm * (eeCm + peCm) / mp;
  e2 = enu - delta - enuCm * (eeCm - peCm) / mp;
}

double InverseBetaDecay::dSigmaDEe(double enu, double ee) const {
  double e1 = 0.0, e2 = 0.0;
  positronRange(enu, e1, e2);
  if (!(ee >= e1 && ee <= e2) || e2 <= e1) {
    return 0.0;
  }
  const double mp = kMassProton, mn = kMassNeutron;
  const double M = 0.5 * (mp + mn);
  const double M2 = M * M;
  const double D = mn - mp;
  const double mpi2 = constants::kMassPiPlus * constants::kMassPiPlus;
  const double t = mn * mn - mp * mp - 2.0 * mp * (enu - ee);
  const double su = 2.0 * mp * (enu + ee) - kMe2;
  const double sm = 2.0 * mp * enu; // s - m_p^2
  // form factors (Strumia-Vissani Eq. (7))
  const double x = t / (4.0 * M2);
  const double dv = (1.0 - x) * std::pow(1.0 - t / m_cfg.mv2, 2);
  const double f1 = (1.0 - (1.0 + m_cfg.xi) * x) / dv;
  const double f2 = m_cfg.xi / dv;
  const double g1 = m_cfg.g1 / std::pow(1.0 - t / m_cfg.ma2, 2);
  const double g2 = 2.0 * M2 * g1 / (mpi2 - t);
  const double f1s = f1 * f1, f2s = f2 * f2, g1s = g1 * g1, g2s = g2 * g2;
  // A, B, C of Eq. (6)
  const double a1 = (t - kMe2) * (4.0 * f1s * (4.0 * M2 + t + kMe2) + 4.0 * g1s * (-4.0 * M2 + t + kMe2) +
                                  f2s * (t * t / M2 + 4.0 * t + 4.0 * kMe2) + 4.0 * kMe2 * t * g2s / M2 +
                                  8.0 * f1 * f2 * (2.0 * t + kMe2) + 16.0 * kMe2 * g1 * g2);
  const double a2 = D * D * ((4.0 * f1s + t * f2s / M2) * (4.0 * M2 + t - kMe2) + 4.0 * g1s * (4.0 * M2 - t + kMe2) +
                             4.0 * kMe2 * g2s * (t - kMe2) / M2 + 8.0 * f1 * f2 * (2.0 * t - kMe2) +
                             16.0 * kMe2 * g1 * g2);
  const double a3 = 32.0 * kMe2 * M * D * g1 * (f1 + f2);
  const double A = (a1 - a2 - a3) / 16.0;
  const double B = (16.0 * t * g1 * (f1 + f2) + 4.0 * kMe2 * D * (f2s + f1 * f2 + 2.0 * g1 * g2) / M) / 16.0;
  const double C = (4.0 * (f1s + g1s) - t * f2s / M2) / 16.0;
  const double m2 = A - su * B + su * su * C;
  const double gf = constants::kFermiConstant;
  const double hc = constants::kHbarC;
  const double dsdt = gf * gf * m_cfg.cosThetaC * m_cfg.cosThetaC / (2.0 * constants::kPi * sm * sm) * m2 * hc * hc;
  double rc = 1.0;
  if (m_cfg.radiativeCorrection) {
    rc += constants::kAlpha / constants::kPi *
          (6.00 + 1.5 * std::log(mp / (2.0 * ee)) + 1.2 * std::pow(kMassElectron / ee, 1.5));
  }
  return 2.0 * mp * dsdt * rc;
}

double InverseBetaDecay::sigma(double enu) const {
  double e1 = 0.0, e2 = 0.0;
  positronRange(enu, e1, e2);
  if (!(e2 > e1)) {
    return 0.0;
  }
  const GaussLegendre gl(static_cast<std::size_t>(m_cfg.energyNodes), e1, e2);
  return gl([&](double ee) { return dSigmaDEe(enu, ee); });
}

double InverseBetaDecay::sigmaApprox(double enu) {
  const double ee = enu - (kMassNeutron - kMassProton);
  if (!(ee > kMassElectron)) {
    return 0.0;
  }
  const double pe = std::sqrt(ee * ee - kMe2);
  const double l = std::log(enu);
  return 1e-43 * units::cm2 * pe * ee * std::pow(enu, -0.07056 + 0.02018 * l - 0.001953 * l * l * l);
}

ElectronScattering::ElectronScattering(Flavour flavour, bool radiative) : m_flavour(flavour), m_radiative(radiative) {
  const double sw = constants::kSin2ThetaW;
  const bool e = flavour == Flavour::NuE || flavour == Flavour::NuEBar;
  const double left = (e ? 0.5 : -0.5) + sw;
  const double right = sw;
  if (isAntineutrino(flavour)) {
    m_g1 = right;
    m_g2 = left;
  } else {
    m_g1 = left;
    m_g2 = right;
  }
}

double ElectronScattering::maxRecoil(double enu) { return 2.0 * enu * enu / (kMassElectron + 2.0 * enu); }

namespace {
/// Dilogarithm Li_2(x) = -\int_0^x ln(1 - t)/t dt for 0 <= x <= 1.
double dilog(double x) {
  if (x <= 0.0) {
    return 0.0;
  }
  if (x >= 1.0) {
    return constants::kPi * constants::kPi / 6.0;
  }
  if (x > 0.5) {
    return constants::kPi * constants::kPi / 6.0 - std::log(x) * std::log(1.0 - x) - dilog(1.0 - x);
  }
  double sum = 0.0, p = x;
  for (int k = 1; k < 200; ++k) {
    const double term = p / (static_cast<double>(k) * k);
    sum += term;
    if (term < 1e-17 * sum) {
      break;
    }
    p *= x;
  }
  return sum;
}
} // namespace

double ElectronScattering::dSigmaDTRadiative(double enu, double recoil) const {
  const double me = kMassElectron;
  const double t = recoil;
  const double ee = t + me;                       // electron total energy
  const double l = std::sqrt(std::max(ee * ee - kMe2, 0.0)); // electron momentum
  const double z = t / enu;
  if (!(t > 0.0) || !(l > 0.0) || !(z < 1.0)) {
    return 0.0;
  }
  const double beta = l / ee;
  // electroweak part: kappa(T), rho_NC (BKS Appendix A)
  const double x = std::sqrt(1.0 + 2.0 * me / t);
  const double iT = (1.0 / 3.0 + (3.0 - x * x) * (0.5 * x * std::log((x + 1.0) / (x - 1.0)) - 1.0)) / 6.0;
  const bool e = m_flavour == Flavour::NuE || m_flavour == Flavour::NuEBar;
  const double kappa = e ? 0.9791 + 0.0097 * iT : 0.9970 - 0.00037 * iT;
  const double s2 = kSin2ThetaWMZ;
  const double c1 = kRhoNC * (0.5 - kappa * s2) - (e ? 1.0 : 0.0);
  const double c2 = -kRhoNC * kappa * s2;
  const double gl = isAntineutrino(m_flavour) ? c2 : c1;
  const double gr = isAntineutrino(m_flavour) ? c1 : c2;
  // QED part (BKS Appendix B)
  const double argL = 1.0 - z - me / (ee + l);
  if (!(argL > 0.0)) {
    return 0.0; // T within rounding of T_max
  }
  const double lz = std::log(z), l1z = std::log(1.0 - z), lzm = std::log(argL);
  const double f0 = ee / l * std::log((ee + l) / me) - 1.0;
  const double sp = -dilog(z), spb = -dilog(beta), sp1 = -dilog(1.0 - z); // Spence L(x) = -Li_2(x)
  const double fMinus = f0 * (2.0 * lzm - l1z - 0.5 * lz - 5.0 / 12.0) + 0.5 * (sp - spb) - 0.5 * l1z * l1z -
                        (11.0 / 12.0 + 0.5 * z) * l1z + z * (lz + 0.5 * std::log(2.0 * enu / me)) -
                        (31.0 / 18.0 + lz / 12.0) * beta - 11.0 / 12.0 * z + z * z / 24.0;
  const double omz2 = (1.0 - z) * (1.0 - z);
  const double fPlus = f0 * (omz2 * (2.0 * lzm - l1z - 0.5 * lz - 2.0 / 3.0) - 0.5 * (z * z * lz + 1.0 - z)) -
                       0.5 * omz2 * (l1z * l1z + beta * (sp1 - lz * l1z)) +
                       l1z * (0.5 * z * z * lz + (1.0 - z) / 3.0 * (2.0 * z - 0.5)) - 0.5 * z * z * sp1 -
                       z * (1.0 - 2.0 * z) / 3.0 * lz - z * (1.0 - z) / 6.0 -
                       beta / 12.0 * (lz + (1.0 - z) * (115.0 - 109.0 * z) / 6.0); // this is (1-z)^2 f_+
  const double fPm = 2.0 * f0 * lzm;
  const double a = constants::kAlpha / constants::kPi;
  const double gf = constants::kFermiConstant;
  const double pref = 2.0 * gf * gf * me / constants::kPi * constants::kHbarC * constants::kHbarC;
  const double v = gl * gl * (1.0 + a * fMinus) + gr * gr * (omz2 + a * fPlus) - gr * gl * me / enu * z * (1.0 + a * fPm);
  return std::isfinite(v) ? pref * std::max(v, 0.0) : 0.0;
}

double ElectronScattering::dSigmaDT(double enu, double recoil) const {
  if (!(enu > 0.0) || recoil < 0.0 || recoil > maxRecoil(enu)) {
    return 0.0;
  }
  if (m_radiative) {
    return dSigmaDTRadiative(enu, recoil);
  }
  const double gf = constants::kFermiConstant;
  const double pref = 2.0 * gf * gf * kMassElectron / constants::kPi * constants::kHbarC * constants::kHbarC;
  const double y = 1.0 - recoil / enu;
  return pref * (m_g1 * m_g1 + m_g2 * m_g2 * y * y - m_g1 * m_g2 * kMassElectron * recoil / (enu * enu));
}

double ElectronScattering::sigmaBetween(double enu, double tLo, double tHi) const {
  if (!(enu > 0.0)) {
    return 0.0;
  }
  const double tmax = maxRecoil(enu);
  const double a = std::clamp(tLo, 0.0, tmax);
  const double b = std::clamp(tHi, 0.0, tmax);
  if (!(b > a)) {
    return 0.0;
  }
  if (m_radiative) {
    // log singularities (integrable) at T -> 0 and T -> T_max: two Gauss-Legendre panels, the
    // second one over the last 5% of the recoil range where ln(1 - z - m_e/(E_e + l)) diverges
    const double split = std::clamp(0.95 * tmax, a, b);
    auto f = [&](double t) { return dSigmaDTRadiative(enu, t); };
    double sum = 0.0;
    if (split > a) {
      sum += GaussLegendre(64, a, split)(f);
    }
    if (b > split) {
      sum += GaussLegendre(32, split, b)(f);
    }
    return sum;
  }
  const double gf = constants::kFermiConstant;
  const double pref = 2.0 * gf * gf * kMassElectron / constants::kPi * constants::kHbarC * constants::kHbarC;
  auto prim = [&](double t) {
    const double y = 1.0 - t / enu;
    return m_g1 * m_g1 * t - m_g2 * m_g2 * enu * y * y * y / 3.0 -
           m_g1 * m_g2 * kMassElectron * t * t / (2.0 * enu * enu);
  };
  return pref * (prim(b) - prim(a));
}

} // namespace lenu::supernova
