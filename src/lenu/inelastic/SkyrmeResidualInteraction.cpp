#include "lenu/inelastic/SkyrmeResidualInteraction.hpp"

#include <cmath>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"

namespace lenu::inelastic {

ResidualStrengths skyrmeResidualStrengths(const SkyrmeForce& f, const HartreeFockResult& res,
                                          const std::vector<double>& r, const ResidualInteractionConfig& cfg) {
  require(res.protonDensity && res.neutronDensity, "skyrmeResidualStrengths: HF result without densities");
  const std::size_t n = r.size();
  ResidualStrengths out;
  for (int a = 0; a < 2; ++a)
    for (int b = 0; b < 2; ++b) {
      out.scalar[a][b].assign(n, 0.0);
      out.spin[a][b].assign(n, 0.0);
    }
  out.scalarCE.assign(n, 0.0);
  out.spinCE.assign(n, 0.0);
  if (!cfg.enabled) return out;
  if (cfg.gradientTerms) {
    for (int a = 0; a < 2; ++a)
      for (int b = 0; b < 2; ++b) out.gradient[a][b] = f.b2() - (a == b ? f.b2p() : 0.0);
    out.gradientCE = -f.b2p();
  }
  if (cfg.momentumTerms && cfg.currentTerms) {
    // E_j = -b1 j^2 + b1' sum_q j_q^2 = (1/2) sum_qq' V_qq' j_q . j_q',  V_qq' = -2 (b1 - b1' d_qq');
    // isospin-invariant functional (as v_CE): V_CE = +2 b1'.
    for (int a = 0; a < 2; ++a)
      for (int b = 0; b < 2; ++b) out.current[a][b] = -2.0 * (f.b1() - (a == b ? f.b1p() : 0.0));
    out.currentCE = 2.0 * f.b1p();
  }
  const bool exactTau = cfg.momentumTerms && cfg.exactTau;
  if (exactTau) {
    // E = b1 rho tau - b1' sum_q rho_q tau_q: d^2E / drho_q dtau_q' = b1 - b1' d_qq'; charge exchange -b1'.
    for (int a = 0; a < 2; ++a)
      for (int b = 0; b < 2; ++b) out.rhoTau[a][b] = f.b1() - (a == b ? f.b1p() : 0.0);
    out.rhoTauCE = -f.b1p();
  }
  const double kPi = constants::kPi;
  const double e2 = constants::kAlpha * constants::kHbarC;
  const double al = f.alpha;
  const double b0 = f.b0(), b0p = f.b0p(), b1 = f.b1(), b1p = f.b1p(), b3 = f.b3(), b3p = f.b3p();
  const double tau[2] = {-1.0, 1.0}; // proton, neutron
  for (std::size_t k = 0; k < n; ++k) {
    const double rq[2] = {std::max((*res.protonDensity)(r[k]), 0.0), std::max((*res.neutronDensity)(r[k]), 0.0)};
    const double rho = rq[0] + rq[1];
    const double rr = std::max(rho, 1e-14);
    const double ra = std::pow(rr, al);
    const double S = rq[0] * rq[0] + rq[1] * rq[1];
    const double kf2 = cfg.momentumTerms ? std::pow(1.5 * kPi * kPi * rho, 2.0 / 3.0) : 0.0;
    const double kf2s = exactTau ? 0.0 : kf2; // Landau-Migdal F0 of rho tau in the scalar channel
    for (int a = 0; a < 2; ++a)
      for (int b = 0; b < 2; ++b) {
        const double d = a == b ? 1.0 : 0.0;
        double v = b0 - b0p * d;
        if (cfg.rearrangement) {
          v += b3 * (al + 2.0) * (al + 1.0) / 3.0 * ra -
               b3p / 3.0 * (al * (al - 1.0) * ra / (rr * rr) * S + 2.0 * al * ra / rr * (rq[a] + rq[b]) + 2.0 * d * ra);
        } else {
          v += 2.0 / 3.0 * (b3 - b3p * d) * ra; // rho^a held fixed (no rearrangement)
        }
        v += 2.0 * kf2s * (b1 - b1p * d);
        if (cfg.coulomb && a == 0 && b == 0 && f.coulombExchange && rq[0] > 1e-10)
          v += -std::cbrt(3.0 / kPi) * e2 / (3.0 * std::cbrt(rq[0] * rq[0]));
        out.scalar[a][b][k] = v;
        if (cfg.spinChannel) {
          const double c0s = -f.t0 * (0.5 - f.x0) / 4.0 - f.t3 * (0.5 - f.x3) * ra / 24.0;
          const double c1s = -f.t0 / 8.0 - f.t3 * ra / 48.0;
          const double c0t = -(f.t1 * (1.0 - 2.0 * f.x1) - f.t2 * (1.0 + 2.0 * f.x2)) / 16.0;
          const double c1t = -(f.t1 - f.t2) / 16.0;
          out.spin[a][b][k] = 2.0 * (c0s + c1s * tau[a] * tau[b]) + 2.0 * kf2 * (c0t + c1t * tau[a] * tau[b]);
          if (a == 0 && b == 0) out.spinCE[k] = 4.0 * c1s + 4.0 * c1t * kf2;
        }
      }
    out.scalarCE[k] = -b0p - 2.0 / 3.0 * b3p * ra - 2.0 * b1p * kf2s;
  }
  return out;
}

} // namespace lenu::inelastic
