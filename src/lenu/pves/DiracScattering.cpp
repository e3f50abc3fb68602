#include "lenu/pves/DiracScattering.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

#include <fmt/format.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_odeiv2.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/GslError.hpp"
#include "lenu/core/Integrate.hpp"
#include "lenu/pves/DiracCoulomb.hpp"

namespace lenu {
namespace {

using constants::kAlpha;
using constants::kHbarC;

/// j_n(x) / j_{n-1}(x) by backward recurrence of the ratios (stable for the minimal solution).
double besselRatio(int n, double x) {
  const int top = n + 40 + static_cast<int>(x);
  double ratio = 0.0;
  for (int m = top; m >= n; --m) {
    ratio = 1.0 / ((2.0 * m + 1.0) / x - ratio);
  }
  return ratio;
}

struct OdeParams {
  const DiracScattering* solver;
  double w;       // total energy [MeV]
  double mass;    // [MeV]
  double kappa;
  double helicity;
};

int phaseRhs(double r, const double y[], double dydr[], void* params) {
  const auto* p = static_cast<const OdeParams*>(params);
  const double v = p->solver->coulombPotential(r) + p->helicity * p->solver->weakPotential(r);
  const double phi2 = 2.0 * y[0];
  dydr[0] = (p->w - v + p->mass * std::cos(phi2)) / kHbarC - p->kappa / r * std::sin(phi2);
  return GSL_SUCCESS;
}

struct StepDeleter {
  void operator()(gsl_odeiv2_step* s) const { gsl_odeiv2_step_free(s); }
};

} // namespace

DiracScattering::DiracScattering(int Z, Config config) : m_Z(Z), m_cfg(config) {
  require(Z >= 1 && Z <= 100, fmt::format("DiracScattering: Z = {} outside 1..100", Z));
  requireNonNegative(m_cfg.electronMass, "electron mass", "MeV");
  requireInRange(m_cfg.stepFactor, 1e-3, 1.0, "stepFactor", "");
  requireInRange(m_cfg.innerRadius, 1e-6, 0.1, "innerRadius", "fm");
  requireInRange(m_cfg.tableSpacing, 1e-4, 0.05, "tableSpacing", "fm");
  requireInRange(m_cfg.tailTolerance, 1e-15, 1e-3, "tailTolerance", "");
  requireInRange(m_cfg.phaseTolerance, 1e-16, 1e-4, "phaseTolerance", "rad");
  require(m_cfg.maxNuclearPartialWaves >= 4,
          fmt::format("maxNuclearPartialWaves = {} must be >= 4", m_cfg.maxNuclearPartialWaves));
  requireInRange(m_cfg.normalisationTolerance, 1e-12, 0.1, "normalisationTolerance", "");
}

DiracScattering DiracScattering::pointCharge(int Z, Config config) {
  DiracScattering s(Z, config);
  s.m_point = true;
  return s;
}

DiracScattering::DiracScattering(int Z, std::shared_ptr<const RadialDensity> charge, double weakCharge,
                                 std::shared_ptr<const RadialDensity> weak, Config config)
    : DiracScattering(Z, config) {
  require(charge != nullptr, "DiracScattering: charge density is null");
  require(std::isfinite(weakCharge), "DiracScattering: weak charge must be finite");
  m_weakCharge = weakCharge;
  const double rMaxC = charge->rMax();
  const double rMaxW = weak ? weak->rMax() : 0.0;
  requirePositive(rMaxC, "charge density rMax", "fm");
  const double rMax = std::max(rMaxC, rMaxW);
  require(rMax <= 200.0, fmt::format("DiracScattering: density extends to rMax = {} fm (> 200 fm)", rMax));
  const double h = m_cfg.tableSpacing;
  const auto nCells = static_cast<std::size_t>(std::ceil(rMax / h));
  // Cumulative integrals on cells [r_i, r_i+1] by 6-point Gauss-Legendre.
  const GaussLegendre unit(6, 0.0, 1.0);
  std::vector<double> qIn(nCells + 1, 0.0);  // \int_0^r 4 pi s^2 rho_ch
  std::vector<double> tIn(nCells + 1, 0.0);  // \int_0^r 4 pi s rho_ch
  std::vector<double> absC(nCells + 1, 0.0); // \int_0^r 4 pi s^2 |rho_ch|
  std::vector<double> wIn(nCells + 1, 0.0);  // \int_0^r 4 pi s^2 rho_W
  std::vector<double> absW(nCells + 1, 0.0); // \int_0^r 4 pi s^2 |rho_W|
  const double fourPi = 4.0 * constants::kPi;
  for (std::size_t i = 0; i < nCells; ++i) {
    const double r0 = static_cast<double>(i) * h;
    double q = 0.0, t = 0.0, ac = 0.0, wq = 0.0, aw = 0.0;
    for (std::size_t j = 0; j < unit.x.size(); ++j) {
      const double s = r0 + unit.x[j] * h;
      const double wt = unit.w[j] * h * fourPi;
      const double rc = s <= rMaxC ? (*charge)(s) : 0.0;
      q += wt * s * s * rc;
      t += wt * s * rc;
      ac += wt * s * s * std::abs(rc);
      if (weak) {
        const double rw = s <= rMaxW ? (*weak)(s) : 0.0;
        wq += wt * s * s * rw;
        aw += wt * s * s * std::abs(rw);
      }
    }
    qIn[i + 1] = qIn[i] + q;
    tIn[i + 1] = tIn[i] + t;
    absC[i + 1] = absC[i] + ac;
    wIn[i + 1] = wIn[i] + wq;
    absW[i + 1] = absW[i] + aw;
  }
  const double qTot = qIn[nCells];
  const double tol = m_cfg.normalisationTolerance;
  if (!(std::abs(qTot - Z) <= tol * Z)) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("DiracScattering: charge density ({}) integrates to {:.6g}, expected Z = {} "
                            "(relative tolerance {:g})",
                            charge->description(), qTot, Z, tol));
  }
  double wTot = 0.0;
  if (weak) {
    wTot = wIn[nCells];
    require(weakCharge != 0.0, "DiracScattering: weak charge must be non-zero when a weak density is given");
    if (!(std::abs(wTot - weakCharge) <= tol * std::abs(weakCharge))) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("DiracScattering: weak density ({}) integrates to {:.6g}, expected Q_W = {:.6g} "
                              "(relative tolerance {:g})",
                              weak->description(), wTot, weakCharge, tol));
    }
  }
  // Matching radius: first cell edge beyond which the |density| tails are below tailTolerance.
  std::size_t iMatch = nCells;
  for (std::size_t i = 1; i <= nCells; ++i) {
    const bool cOk = absC[nCells] - absC[i] <= m_cfg.tailTolerance * absC[nCells];
    const bool wOk = !weak || absW[nCells] - absW[i] <= m_cfg.tailTolerance * absW[nCells];
    if (cOk && wOk) {
      iMatch = i;
      break;
    }
  }
  iMatch = std::max<std::size_t>(iMatch, 20);
  iMatch = std::min(iMatch, nCells);
  m_rMatch = static_cast<double>(iMatch) * h;
  const double cScale = Z / qTot;
  const double wScale = weak ? weakCharge / wTot : 0.0;
  const double hc3 = kHbarC * kHbarC * kHbarC;
  const double aFactor = constants::kFermiConstant * hc3 / (2.0 * std::sqrt(2.0));
  const std::size_t nTab = iMatch + 4;
  m_vc.assign(nTab + 3, 0.0);
  m_va.assign(nTab + 3, 0.0);
  for (std::size_t i = 0; i <= nTab; ++i) {
    const double r = static_cast<double>(i) * h;
    double v = 0.0;
    double a = 0.0;
    if (i <= nCells) {
      const double outer = (tIn[nCells] - tIn[i]);
      v = (i == 0 ? outer : qIn[i] / r + outer);
      v *= -kAlpha * kHbarC * cScale;
      if (weak && r <= rMaxW) {
        a = aFactor * wScale * (*weak)(r);
      }
    } else {
      v = -kAlpha * kHbarC * Z / r;
    }
    m_vc[i + 2] = v;
    m_va[i + 2] = a;
  }
  m_vc[0] = m_vc[4];
  m_vc[1] = m_vc[3];
  m_va[0] = m_va[4];
  m_va[1] = m_va[3];
}

double DiracScattering::interpolate(const std::vector<double>& table, double r) const {
  const double h = m_cfg.tableSpacing;
  const double u = r / h;
  auto i = static_cast<std::size_t>(u);
  const std::size_t last = table.size() - 4;
  if (i + 2 > last + 1) {
    i = last - 1;
  }
  const double t = u - static_cast<double>(i);
  // nodes at t = -1, 0, 1, 2 -> table[i+1 .. i+4]
  const double y0 = table[i + 1], y1 = table[i + 2], y2 = table[i + 3], y3 = table[i + 4];
  const double tm1 = t - 1.0, tm2 = t - 2.0, tp1 = t + 1.0;
  return -y0 * t * tm1 * tm2 / 6.0 + y1 * tp1 * tm1 * tm2 / 2.0 - y2 * tp1 * t * tm2 / 2.0 +
         y3 * tp1 * t * tm1 / 6.0;
}

double DiracScattering::coulombPotential(double r) const {
  if (m_point || r > m_rMatch) {
    return -kAlpha * kHbarC * m_Z / r;
  }
  return interpolate(m_vc, r);
}

double DiracScattering::weakPotential(double r) const {
  if (m_point || r > m_rMatch) {
    return 0.0;
  }
  return interpolate(m_va, r);
}

double DiracScattering::solvePhase(int kappa, double helicity, double w, double kStart) const {
  const double m = m_cfg.electronMass;
  const int absK = std::abs(kappa);
  double rStart = m_cfg.innerRadius;
  if (absK > 4) {
    rStart = std::max(rStart, 0.3 * absK / kStart);
  }
  rStart = std::min(rStart, 0.9 * m_rMatch);
  // Initial phase: regular free solution in the local potential at rStart.
  const double vs = coulombPotential(rStart) + helicity * weakPotential(rStart);
  const double wl = w - vs;
  const double kl = std::sqrt((wl - m) * (wl + m)) / kHbarC;
  const double x = kl * rStart;
  double phi0 = 0.0;
  if (kappa < 0) {
    phi0 = std::atan2(-(wl + m), kHbarC * kl * besselRatio(absK, x)); // l = |kappa| - 1
  } else {
    phi0 = std::atan2((wl + m) * besselRatio(kappa, x), kHbarC * kl);
  }
  const double hMax = m_cfg.stepFactor / kStart;
  OdeParams params{this, w, m, static_cast<double>(kappa), helicity};
  gsl_odeiv2_system sys{&phaseRhs, nullptr, 1, &params};
  gsl::useReturnCodes();
  std::unique_ptr<gsl_odeiv2_step, StepDeleter> step(gsl_odeiv2_step_alloc(gsl_odeiv2_step_rk8pd, 1));
  if (!step) {
    throw Error(ErrorCode::NotSupported, "DiracScattering: gsl_odeiv2_step_alloc(rk8pd, 1) failed");
  }
  double y[1] = {phi0};
  double yerr[1] = {0.0};
  double r = rStart;
  while (r < m_rMatch) {
    double h = std::min(hMax, 0.2 * r);
    if (r + h > m_rMatch || m_rMatch - (r + h) < 1e-3 * h) {
      h = m_rMatch - r;
    }
    const int status = gsl_odeiv2_step_apply(step.get(), r, h, y, yerr, nullptr, nullptr, &sys);
    if (status != GSL_SUCCESS) {
      throw Error(ErrorCode::NotConverged,
                  fmt::format("DiracScattering: Runge-Kutta step failed at r = {} fm for kappa = {}", r, kappa));
    }
    r += h;
  }
  const double pr = std::sin(y[0]);
  const double qr = std::cos(y[0]);
  const double zeta = -kAlpha * m_Z;
  const DiracCoulombFunctions c = diracCoulombFunctions(kappa, zeta, w, m, m_rMatch);
  const double num = qr * c.fu - pr * c.fl;
  const double den = pr * c.gl - qr * c.gu;
  const double logRatio = c.logScaleF - c.logScaleG;
  if (logRatio < -700.0) {
    return 0.0;
  }
  return std::atan(num / den * std::exp(logRatio));
}

HelicityPhaseShifts DiracScattering::phaseShifts(double kineticEnergy, int lMax) const {
  requireInRange(kineticEnergy, 0.01, 5000.0, "electron kinetic energy", "MeV");
  require(lMax >= 8 && lMax <= 1000000,
          fmt::format("DiracScattering: lMax = {} outside 8..1000000", lMax));
  const double m = m_cfg.electronMass;
  const double w = kineticEnergy + m;
  const double p = std::sqrt(kineticEnergy * (kineticEnergy + 2.0 * m));
  const double zeta = -kAlpha * m_Z;
  HelicityPhaseShifts out;
  out.totalEnergy = w;
  out.momentum = p;
  std::vector<double> dPlusNeg, dPlusPos, dMinusNeg, dMinusPos;
  int lNuc = -1;
  if (!m_point) {
    const double kStart = (w - coulombPotential(0.0)) / kHbarC;
    const bool hasWeak = m_weakCharge != 0.0 && std::any_of(m_va.begin(), m_va.end(), [](double a) { return a != 0.0; });
    const double xMatch = p / kHbarC * m_rMatch;
    int quiet = 0;
    for (int l = 0;; ++l) {
      if (l > m_cfg.maxNuclearPartialWaves) {
        throw Error(ErrorCode::NotConverged,
                    fmt::format("DiracScattering: nuclear phase shifts not below {} rad after {} partial "
                                "waves (T = {} MeV, r_match = {} fm)",
                                m_cfg.phaseTolerance, m_cfg.maxNuclearPartialWaves, kineticEnergy, m_rMatch));
      }
      double biggest = 0.0;
      double res[4] = {0.0, 0.0, 0.0, 0.0};
      bool failed = false;
      try {
        res[0] = solvePhase(-(l + 1), +1.0, w, kStart);
        res[1] = hasWeak ? solvePhase(-(l + 1), -1.0, w, kStart) : res[0];
        if (l > 0) {
          res[2] = solvePhase(l, +1.0, w, kStart);
          res[3] = hasWeak ? solvePhase(l, -1.0, w, kStart) : res[2];
        }
      } catch (const Error&) {
        // GSL cannot evaluate the Coulomb functions far inside the barrier, where the nucleus is
        // not felt; below the barrier it is an error.
        if (l < xMatch + 5.0) {
          throw;
        }
        failed = true;
      }
      if (failed) {
        break;
      }
      for (double d : res) {
        biggest = std::max(biggest, std::abs(d));
      }
      const double cNeg = diracCoulombPhase(-(l + 1), zeta, w, m);
      const double cPos = l > 0 ? diracCoulombPhase(l, zeta, w, m) : 0.0;
      dPlusNeg.push_back(cNeg + res[0]);
      dMinusNeg.push_back(cNeg + res[1]);
      dPlusPos.push_back(l > 0 ? cPos + res[2] : 0.0);
      dMinusPos.push_back(l > 0 ? cPos + res[3] : 0.0);
      lNuc = l;
      quiet = biggest < m_cfg.phaseTolerance ? quiet + 1 : 0;
      if (quiet >= 3 && l >= 3) {
        break;
      }
    }
  }
  const int lTop = std::max(lMax, lNuc + 8);
  for (int l = lNuc + 1; l <= lTop; ++l) {
    const double cNeg = diracCoulombPhase(-(l + 1), zeta, w, m);
    const double cPos = l > 0 ? diracCoulombPhase(l, zeta, w, m) : 0.0;
    dPlusNeg.push_back(cNeg);
    dMinusNeg.push_back(cNeg);
    dPlusPos.push_back(cPos);
    dMinusPos.push_back(cPos);
  }
  const double k = p / kHbarC;
  out.plus = DiracPhaseShifts{k, std::move(dPlusNeg), std::move(dPlusPos)};
  out.minus = DiracPhaseShifts{k, std::move(dMinusNeg), std::move(dMinusPos)};
  out.nuclearPartialWaves = std::max(lNuc, 0);
  return out;
}

} // namespace lenu
