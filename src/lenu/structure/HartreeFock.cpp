#include "lenu/structure/HartreeFock.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <functional>
#include <map>
#include <numeric>

#include <Eigen/Dense>
#include <fmt/format.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_coulomb.h>
#include <gsl/gsl_sf_coupling.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/GslError.hpp"
#include "lenu/core/Spline.hpp"
#include "lenu/structure/NucleonStructure.hpp"

namespace lenu {

namespace {

constexpr double kPi = constants::kPi;
/// e^2 = alpha hbar c [MeV fm].
constexpr double kE2 = constants::kAlpha * constants::kHbarC;
constexpr int kBand = 3; // bandwidth of the radial Hamiltonian

int speciesIndex(Isospin t) { return t == Isospin::Proton ? 0 : 1; }

/// l.sigma = j(j+1) - l(l+1) - 3/4.
double lsFactor(int l, double j) { return j * (j + 1.0) - l * (l + 1.0) - 0.75; }

// ---------------------------------------------------------------------------------------------
// Mesh and discrete operators. Nodes r_k = k h, k = 1..n (stored at index k-1). Values at k <= 0
// come from the parity of the function: radial wave functions u have u(0) = 0 and
// u(-r) = (-1)^(l+1) u(r); even fields (densities, B) have f(-r) = f(r) and f(0) = (4 f_1 - f_2)/3
// (fourth-order even extrapolation). Beyond the box everything vanishes (fields: their deviation
// from the asymptotic value vanishes).
// ---------------------------------------------------------------------------------------------
struct Mesh {
  int n = 0;
  double h = 0.1;
  std::vector<double> r;
  Mesh(double radius, double step) : h(step) {
    n = static_cast<int>(std::lround(radius / step));
    r.resize(n);
    for (int k = 0; k < n; ++k) {
      r[k] = (k + 1) * h;
    }
  }
  /// \int f d^3r for a node field.
  double integrate(const std::vector<double>& f) const {
    double s = 0.0;
    for (int k = 0; k < n; ++k) {
      s += r[k] * r[k] * f[k];
    }
    return 4.0 * kPi * h * s;
  }
};

/// Value of an even node field at node index k (1-based; any integer).
double evenAt(const std::vector<double>& f, int k, int n) {
  if (k > n) return 0.0;
  if (k >= 1) return f[k - 1];
  if (k == 0) return (4.0 * f[0] - f[1]) / 3.0;
  return evenAt(f, -k, n);
}

/// Adjoint of evenAt: accumulate v (a coefficient of f_k) onto the real nodes.
void addEven(std::vector<double>& t, int k, double v, int n) {
  if (k > n) return;
  if (k >= 1) {
    t[k - 1] += v;
  } else if (k == 0) {
    t[0] += 4.0 * v / 3.0;
    t[1] -= v / 3.0;
  } else {
    addEven(t, -k, v, n);
  }
}

/// Fourth-order central first derivative of an even field at the nodes.
constexpr std::array<double, 5> kCentral = {1.0 / 12.0, -8.0 / 12.0, 0.0, 8.0 / 12.0, -1.0 / 12.0};
/// Fourth-order staggered derivative at midpoint (m + 1/2) h from nodes m-1..m+2.
constexpr std::array<double, 4> kStaggered = {1.0 / 24.0, -27.0 / 24.0, 27.0 / 24.0, -1.0 / 24.0};
/// Fourth-order interpolation to midpoint (m + 1/2) h from nodes m-1..m+2.
constexpr std::array<double, 4> kMidInterp = {-1.0 / 16.0, 9.0 / 16.0, 9.0 / 16.0, -1.0 / 16.0};

std::vector<double> derivative(const std::vector<double>& f, const Mesh& m) {
  std::vector<double> d(m.n, 0.0);
  for (int k = 1; k <= m.n; ++k) {
    double s = 0.0;
    for (int c = 0; c < 5; ++c) {
      s += kCentral[c] * evenAt(f, k - 2 + c, m.n);
    }
    d[k - 1] = s / m.h;
  }
  return d;
}

/// Adjoint of derivative(): (D^T g)_k with D as above (same folding).
std::vector<double> derivativeAdjoint(const std::vector<double>& g, const Mesh& m) {
  std::vector<double> t(m.n, 0.0);
  for (int k = 1; k <= m.n; ++k) {
    for (int c = 0; c < 5; ++c) {
      if (kCentral[c] != 0.0) {
        addEven(t, k - 2 + c, kCentral[c] * g[k - 1] / m.h, m.n);
      }
    }
  }
  return t;
}

/// u at node k (1-based) with the parity of a radial wave function of orbital l.
double waveAt(const double* u, int k, int n, double parity) {
  if (k > n || k == 0) return 0.0;
  if (k >= 1) return u[k - 1];
  return parity * u[-k - 1];
}

// ---------------------------------------------------------------------------------------------
// Symmetric band matrix (bandwidth 3): a[i][d] = H(i, i + d).
// ---------------------------------------------------------------------------------------------
struct BandMatrix {
  int n = 0;
  std::vector<std::array<double, kBand + 1>> a;
  explicit BandMatrix(int size) : n(size), a(size) {
    for (auto& row : a) row.fill(0.0);
  }
  void add(int i, int j, double v) {
    if (i > j) std::swap(i, j);
    a[i][j - i] += v;
  }
};

/// LDL^T factorisation of H - sigma (no pivoting); returns the number of negative pivots
/// (Sylvester inertia = number of eigenvalues below sigma). Optionally keeps the factors.
struct BandLdl {
  int n = 0;
  std::vector<double> d;
  std::vector<std::array<double, kBand + 1>> l; // l[i][c] = L(i + c, i), c = 1..3
  int negatives = 0;

  BandLdl(const BandMatrix& h, double sigma) : n(h.n), d(h.n), l(h.n) {
    const double tiny = 1e-300;
    for (int i = 0; i < n; ++i) {
      double di = h.a[i][0] - sigma;
      for (int k = std::max(0, i - kBand); k < i; ++k) {
        const double lik = l[k][i - k];
        di -= lik * lik * d[k];
      }
      if (std::abs(di) < tiny) di = -tiny;
      d[i] = di;
      if (di < 0.0) ++negatives;
      for (int c = 1; c <= kBand && i + c < n; ++c) {
        const int j = i + c;
        double v = h.a[i][c];
        for (int k = std::max(0, j - kBand); k < i; ++k) {
          v -= l[k][j - k] * l[k][i - k] * d[k];
        }
        l[i][c] = v / di;
      }
    }
  }
  void solve(std::vector<double>& x) const {
    for (int i = 0; i < n; ++i) {
      for (int c = 1; c <= kBand && i - c >= 0; ++c) x[i] -= l[i - c][c] * x[i - c];
    }
    for (int i = 0; i < n; ++i) x[i] /= d[i];
    for (int i = n - 1; i >= 0; --i) {
      for (int c = 1; c <= kBand && i + c < n; ++c) x[i] -= l[i][c] * x[i + c];
    }
  }
};

int countBelow(const BandMatrix& h, double sigma) {
  // Only the pivots are needed: a light-weight copy of the factorisation loop.
  return BandLdl(h, sigma).negatives;
}

double multiplyDot(const BandMatrix& h, const std::vector<double>& x, std::vector<double>& y) {
  std::fill(y.begin(), y.end(), 0.0);
  for (int i = 0; i < h.n; ++i) {
    y[i] += h.a[i][0] * x[i];
    for (int c = 1; c <= kBand && i + c < h.n; ++c) {
      y[i] += h.a[i][c] * x[i + c];
      y[i + c] += h.a[i][c] * x[i];
    }
  }
  double s = 0.0;
  for (int i = 0; i < h.n; ++i) s += x[i] * y[i];
  return s;
}

struct Eigenpair {
  double value = 0.0;
  std::vector<double> vector; // normalised to sum x^2 = 1
};

/// Eigenpairs of h with eigenvalue < eCut, lowest first. `previous` (may be empty) holds the
/// eigenvalues of the same block at the last iteration, used to narrow the bisection brackets.
std::vector<Eigenpair> lowestEigenpairs(const BandMatrix& h, double eCut, const std::vector<double>& previous) {
  const int count = countBelow(h, eCut);
  std::vector<Eigenpair> out(count);
  if (count == 0) return out;
  // Gershgorin lower bound.
  double lower = std::numeric_limits<double>::max();
  for (int i = 0; i < h.n; ++i) {
    double off = 0.0;
    for (int c = 1; c <= kBand; ++c) {
      if (i + c < h.n) off += std::abs(h.a[i][c]);
      if (i - c >= 0) off += std::abs(h.a[i - c][c]);
    }
    lower = std::min(lower, h.a[i][0] - off);
  }
  std::vector<double> lo(count, lower), hi(count, eCut);
  auto update = [&](double x, int c) {
    for (int i = 0; i < count; ++i) {
      if (i < c) hi[i] = std::min(hi[i], x);
      else lo[i] = std::max(lo[i], x);
    }
  };
  // Warm start: brackets around last iteration's eigenvalues.
  for (int i = 0; i < count && i < static_cast<int>(previous.size()); ++i) {
    const double delta = 0.05;
    const double a = previous[i] - delta, b = previous[i] + delta;
    if (a > lo[i] && a < hi[i]) update(a, countBelow(h, a));
    if (b > lo[i] && b < hi[i]) update(b, countBelow(h, b));
  }
  const double tol = 1e-5;
  for (int i = 0; i < count; ++i) {
    while (hi[i] - lo[i] > tol) {
      const double mid = 0.5 * (lo[i] + hi[i]);
      update(mid, countBelow(h, mid));
    }
  }
  // Inverse iteration with a fixed shift at the bracket centre, then the Rayleigh quotient.
  std::vector<double> y(h.n);
  for (int i = 0; i < count; ++i) {
    const double sigma = 0.5 * (lo[i] + hi[i]);
    const BandLdl f(h, sigma);
    std::vector<double> x(h.n);
    for (int k = 0; k < h.n; ++k) x[k] = 1.0 + 0.01 * ((k * 7919) % 13);
    for (int it = 0; it < 4; ++it) {
      f.solve(x);
      double norm = 0.0;
      for (double v : x) norm += v * v;
      norm = std::sqrt(norm);
      for (double& v : x) v /= norm;
    }
    out[i].value = multiplyDot(h, x, y);
    out[i].vector = std::move(x);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Fields and densities.
// ---------------------------------------------------------------------------------------------
struct SpeciesFields {
  std::vector<double> dB; // B - B_asymptotic
  std::vector<double> U;
  std::vector<double> W;
  std::vector<double> gap; // delta-pairing gap field Delta_q(r) [MeV]
};

struct SpeciesDensities {
  std::vector<double> rho, tau, J, chi;
  double kinetic = 0.0; // sum_i w_i Q_i[B = 1] (multiply by hbar^2/2m)
};

BandMatrix buildHamiltonian(const Mesh& m_mesh, double bAs, const SpeciesFields& fl, int l, double j) {
  const int n = m_mesh.n;
  const double h = m_mesh.h;
  BandMatrix hm(n);
  const double parity = (l % 2 == 0) ? -1.0 : 1.0; // (-1)^(l+1)
  // Kinetic / effective-mass form: sum over midpoints m = 0..n+1 of B_m (u'_m)^2 h, / h.
  for (int m = 0; m <= n + 1; ++m) {
    double bm = bAs;
    for (int c = 0; c < 4; ++c) bm += kMidInterp[c] * evenAt(fl.dB, m - 1 + c, n);
    // Folded stencil onto real nodes.
    std::array<int, 4> idx{};
    std::array<double, 4> coef{};
    int cnt = 0;
    for (int c = 0; c < 4; ++c) {
      int k = m - 1 + c;
      double s = 1.0;
      if (k == 0 || k > n) continue;
      if (k < 0) {
        k = -k;
        s = parity;
      }
      const double v = s * kStaggered[c] / h;
      bool merged = false;
      for (int e = 0; e < cnt; ++e) {
        if (idx[e] == k) {
          coef[e] += v;
          merged = true;
        }
      }
      if (!merged) {
        idx[cnt] = k;
        coef[cnt] = v;
        ++cnt;
      }
    }
    for (int a1 = 0; a1 < cnt; ++a1) {
      for (int a2 = a1; a2 < cnt; ++a2) {
        const double v = bm * coef[a1] * coef[a2];
        if (idx[a1] == idx[a2]) hm.add(idx[a1] - 1, idx[a2] - 1, v);
        else hm.add(idx[a1] - 1, idx[a2] - 1, v); // symmetric storage: add once per pair
      }
    }
  }
  const std::vector<double> dBp = derivative(fl.dB, m_mesh);
  const double ll = l * (l + 1.0);
  const double ls = lsFactor(l, j);
  for (int k = 0; k < n; ++k) {
    const double r = m_mesh.r[k];
    const double b = bAs + fl.dB[k];
    hm.a[k][0] += dBp[k] / r + b * ll / (r * r) + fl.U[k] + fl.W[k] * ls / r;
  }
  return hm;
}


struct Level {
  int n = 0;
  int l = 0;
  double j = 0.5;
  double energy = 0.0;
  std::vector<double> u; // normalised to h sum u^2 = 1
  double v2 = 0.0;
  double uv = 0.0; // u_i v_i times the cutoff weight f_i (enters chi)
  double gap = 0.0;
  int degeneracy() const { return static_cast<int>(2.0 * j + 1.5); }
};

struct EnergyBreakdown {
  HartreeFockEnergy parts;
  double t3 = 0.0, coulombExchange = 0.0, pair0 = 0.0, pair1 = 0.0;
};

class Engine {
public:
  Engine(const SkyrmeForce& f, const HartreeFockConfig& c, int Z, int N)
      : m_f(f), m_c(c), m_mesh(c.boxRadius, c.meshStep), m_Z(Z), m_N(N) {
    const double a = Z + N;
    const double cm = f.cmCorrection == CenterOfMassCorrection::OneBody ? (1.0 - 1.0 / a) : 1.0;
    m_b0[0] = f.hbar2Over2mProton * cm;
    m_b0[1] = f.hbar2Over2mNeutron * cm;
  }

  const Mesh& mesh() const { return m_mesh; }
  double bAsymptotic(int q) const { return m_b0[q]; }

  BandMatrix hamiltonian(const SpeciesFields& fl, int q, int l, double j) const {
    return buildHamiltonian(m_mesh, m_b0[q], fl, l, j);
  }

  /// Accumulate the densities of one level with weight w = (2j+1) v^2 (and pair weight wp).
  void accumulate(const Level& lv, double w, double wPair, SpeciesDensities& d) const {
    const int n = m_mesh.n;
    const double h = m_mesh.h;
    const double parity = (lv.l % 2 == 0) ? -1.0 : 1.0;
    const double ll = lv.l * (lv.l + 1.0);
    const double ls = lsFactor(lv.l, lv.j);
    const double* u = lv.u.data();
    double q1 = 0.0;
    std::vector<double>& t = d.tau; // accumulates the weights T_k first (converted later)
    for (int m = 0; m <= n + 1; ++m) {
      double du = 0.0;
      for (int c = 0; c < 4; ++c) du += kStaggered[c] * waveAt(u, m - 1 + c, n, parity);
      du /= h;
      const double val = w * h * du * du;
      q1 += val;
      for (int c = 0; c < 4; ++c) addEven(t, m - 1 + c, kMidInterp[c] * val, n);
    }
    for (int k = 1; k <= n; ++k) {
      const double r = m_mesh.r[k - 1];
      const double u2 = u[k - 1] * u[k - 1];
      const double val = w * h * u2 / r;
      for (int c = 0; c < 5; ++c) {
        if (kCentral[c] != 0.0) addEven(t, k - 2 + c, kCentral[c] * val / h, n);
      }
      const double cent = w * h * ll * u2 / (r * r);
      t[k - 1] += cent;
      q1 += cent;
      d.rho[k - 1] += w * u2 / (4.0 * kPi * r * r);
      d.J[k - 1] += w * ls * u2 / (4.0 * kPi * r * r * r);
      d.chi[k - 1] += wPair * u2 / (4.0 * kPi * r * r);
    }
    d.kinetic += q1;
  }

  void finishDensities(SpeciesDensities& d) const {
    for (int k = 0; k < m_mesh.n; ++k) {
      const double r = m_mesh.r[k];
      d.tau[k] /= 4.0 * kPi * m_mesh.h * r * r;
    }
  }

  SpeciesDensities emptyDensities() const {
    SpeciesDensities d;
    d.rho.assign(m_mesh.n, 0.0);
    d.tau.assign(m_mesh.n, 0.0);
    d.J.assign(m_mesh.n, 0.0);
    d.chi.assign(m_mesh.n, 0.0);
    return d;
  }

  /// Coulomb direct potential of the point-proton density (symmetric discrete Green's function).
  std::vector<double> coulombDirect(const std::vector<double>& rhoP) const {
    const int n = m_mesh.n;
    const double h = m_mesh.h;
    std::vector<double> inner(n), outer(n);
    double s = 0.0;
    for (int k = 0; k < n; ++k) {
      inner[k] = s; // sum_{m<k} rho_m r_m^2
      s += rhoP[k] * m_mesh.r[k] * m_mesh.r[k];
    }
    s = 0.0;
    for (int k = n - 1; k >= 0; --k) {
      outer[k] = s; // sum_{m>k} rho_m r_m
      s += rhoP[k] * m_mesh.r[k];
    }
    std::vector<double> v(n);
    for (int k = 0; k < n; ++k) {
      const double r = m_mesh.r[k];
      v[k] = 4.0 * kPi * kE2 * h * (inner[k] / r + rhoP[k] * (r - h / 8.0) + outer[k]);
    }
    return v;
  }

  /// Functional energy and the output mean fields of given densities.
  EnergyBreakdown evaluate(const std::array<SpeciesDensities, 2>& d, std::array<SpeciesFields, 2>* fields,
                           std::vector<double>* coulombOut, const std::array<double, 2>& constGapEnergy) const {
    const int n = m_mesh.n;
    const SkyrmeForce& f = m_f;
    const double b0 = f.b0(), b0p = f.b0p(), b1 = f.b1(), b1p = f.b1p(), b2 = f.b2(), b2p = f.b2p(),
                 b3 = f.b3(), b3p = f.b3p(), b4 = f.b4, b4p = f.b4p, cJ = f.cJ(), cJq = f.cJq();
    const double al = f.alpha;
    const double slater = std::cbrt(3.0 / kPi) * kE2;
    std::vector<double> rho(n), tau(n), J(n);
    for (int k = 0; k < n; ++k) {
      rho[k] = d[0].rho[k] + d[1].rho[k];
      tau[k] = d[0].tau[k] + d[1].tau[k];
      J[k] = d[0].J[k] + d[1].J[k];
    }
    const auto dRho = derivative(rho, m_mesh);
    const std::array<std::vector<double>, 2> dRhoQ = {derivative(d[0].rho, m_mesh), derivative(d[1].rho, m_mesh)};
    const auto vC = coulombDirect(d[0].rho);

    std::vector<double> eVol(n), eEff(n), eSurf(n), eT3(n), eSo(n), eCd(n), eCx(n), eP0(n), eP1(n);
    for (int k = 0; k < n; ++k) {
      const double rp = d[0].rho[k], rn = d[1].rho[k];
      const double sq = rp * rp + rn * rn;
      const double ra = rho[k] > 0.0 ? std::pow(rho[k], al) : 0.0;
      eVol[k] = 0.5 * b0 * rho[k] * rho[k] - 0.5 * b0p * sq;
      eEff[k] = b1 * rho[k] * tau[k] - b1p * (rp * d[0].tau[k] + rn * d[1].tau[k]);
      eSurf[k] = 0.5 * b2 * dRho[k] * dRho[k] - 0.5 * b2p * (dRhoQ[0][k] * dRhoQ[0][k] + dRhoQ[1][k] * dRhoQ[1][k]);
      eT3[k] = b3 / 3.0 * ra * rho[k] * rho[k] - b3p / 3.0 * ra * sq;
      eSo[k] = b4 * dRho[k] * J[k] + b4p * (dRhoQ[0][k] * d[0].J[k] + dRhoQ[1][k] * d[1].J[k]) + cJ * J[k] * J[k] +
               cJq * (d[0].J[k] * d[0].J[k] + d[1].J[k] * d[1].J[k]);
      eCd[k] = 0.5 * rp * vC[k];
      eCx[k] = f.coulombExchange ? -0.75 * slater * std::cbrt(rp) * rp : 0.0;
      double p0 = 0.0, p1 = 0.0;
      if (m_c.pairing.mode == PairingMode::DeltaPairing) {
        const std::array<double, 2> v = {m_c.pairing.strengthProton, m_c.pairing.strengthNeutron};
        for (int q = 0; q < 2; ++q) {
          const double c2 = d[q].chi[k] * d[q].chi[k];
          p0 += -0.25 * v[q] * c2;
          p1 += 0.25 * v[q] * rho[k] / m_c.pairing.rho0 * c2;
        }
      }
      eP0[k] = p0;
      eP1[k] = p1;
    }
    EnergyBreakdown e;
    auto& p = e.parts;
    p.kinetic = m_b0[0] * d[0].kinetic + m_b0[1] * d[1].kinetic;
    p.volume = m_mesh.integrate(eVol);
    p.effectiveMass = m_mesh.integrate(eEff);
    p.surface = m_mesh.integrate(eSurf);
    p.densityDependent = m_mesh.integrate(eT3);
    p.spinOrbit = m_mesh.integrate(eSo);
    p.coulombDirect = m_mesh.integrate(eCd);
    p.coulombExchange = m_mesh.integrate(eCx);
    e.pair0 = m_mesh.integrate(eP0) + constGapEnergy[0] + constGapEnergy[1];
    e.pair1 = m_mesh.integrate(eP1);
    p.pairing = e.pair0 + e.pair1;
    p.total = p.kinetic + p.volume + p.effectiveMass + p.surface + p.densityDependent + p.spinOrbit +
              p.coulombDirect + p.coulombExchange + p.pairing;
    e.t3 = p.densityDependent;
    e.coulombExchange = p.coulombExchange;

    if (fields != nullptr) {
      std::vector<double> r2(n);
      for (int k = 0; k < n; ++k) r2[k] = m_mesh.r[k] * m_mesh.r[k];
      std::vector<double> g(n);
      for (int k = 0; k < n; ++k) g[k] = r2[k] * b2 * dRho[k];
      const auto surfIso = derivativeAdjoint(g, m_mesh);
      for (int q = 0; q < 2; ++q) {
        const auto& dq = d[q];
        for (int k = 0; k < n; ++k) g[k] = r2[k] * b2p * dRhoQ[q][k];
        const auto surfQ = derivativeAdjoint(g, m_mesh);
        for (int k = 0; k < n; ++k) g[k] = r2[k] * (b4 * J[k] + b4p * dq.J[k]);
        const auto so = derivativeAdjoint(g, m_mesh);
        SpeciesFields& out = (*fields)[q];
        out.dB.assign(n, 0.0);
        out.U.assign(n, 0.0);
        out.W.assign(n, 0.0);
        out.gap.assign(n, 0.0);
        for (int k = 0; k < n; ++k) {
          const double rq = dq.rho[k];
          const double sq = d[0].rho[k] * d[0].rho[k] + d[1].rho[k] * d[1].rho[k];
          const double rr = rho[k];
          double t3 = 0.0;
          if (rr > 1e-300) {
            const double ra = std::pow(rr, al);
            t3 = b3 * (al + 2.0) / 3.0 * ra * rr - b3p / 3.0 * (al * ra / rr * sq + 2.0 * ra * rq);
          }
          out.dB[k] = b1 * rr - b1p * rq;
          out.U[k] = b0 * rr - b0p * rq + b1 * tau[k] - b1p * dq.tau[k] + (surfIso[k] - surfQ[k]) / r2[k] + t3 +
                     so[k] / r2[k];
          out.W[k] = b4 * dRho[k] + b4p * dRhoQ[q][k] + 2.0 * cJ * J[k] + 2.0 * cJq * dq.J[k];
          if (m_c.pairing.mode == PairingMode::DeltaPairing) {
            const std::array<double, 2> v = {m_c.pairing.strengthProton, m_c.pairing.strengthNeutron};
            double rear = 0.0;
            for (int qq = 0; qq < 2; ++qq) rear += 0.25 * v[qq] * d[qq].chi[k] * d[qq].chi[k] / m_c.pairing.rho0;
            out.U[k] += rear;
            out.gap[k] = 0.5 * v[q] * (1.0 - rr / m_c.pairing.rho0) * dq.chi[k];
          }
          if (q == 0) {
            const double cx = f.coulombExchange ? -slater * std::cbrt(d[0].rho[k]) : 0.0;
            out.U[k] += vC[k] + cx;
            if (coulombOut != nullptr) {
              coulombOut->resize(n);
              (*coulombOut)[k] = vC[k] + cx;
            }
          }
        }
      }
    }
    return e;
  }

private:
  const SkyrmeForce& m_f;
  const HartreeFockConfig& m_c;
  Mesh m_mesh;
  int m_Z, m_N;
  std::array<double, 2> m_b0{};
};

// Anderson (Pulay) mixing of a flat vector of fields.
class AndersonMixer {
public:
  AndersonMixer(double beta, int history) : m_beta(beta), m_history(history) {}
  std::vector<double> next(const std::vector<double>& xIn, const std::vector<double>& xOut) {
    const std::size_t n = xIn.size();
    Eigen::VectorXd x = Eigen::Map<const Eigen::VectorXd>(xIn.data(), static_cast<Eigen::Index>(n));
    Eigen::VectorXd fx = Eigen::Map<const Eigen::VectorXd>(xOut.data(), static_cast<Eigen::Index>(n)) - x;
    if (m_hasLast && m_history > 0) {
      m_dx.push_back(x - m_lastX);
      m_df.push_back(fx - m_lastF);
      if (static_cast<int>(m_dx.size()) > m_history) {
        m_dx.erase(m_dx.begin());
        m_df.erase(m_df.begin());
      }
    }
    m_lastX = x;
    m_lastF = fx;
    m_hasLast = true;
    Eigen::VectorXd xn = x + m_beta * fx;
    const int m = static_cast<int>(m_df.size());
    if (m > 0) {
      Eigen::MatrixXd dF(static_cast<Eigen::Index>(n), m), dX(static_cast<Eigen::Index>(n), m);
      for (int i = 0; i < m; ++i) {
        dF.col(i) = m_df[i];
        dX.col(i) = m_dx[i];
      }
      const Eigen::MatrixXd a = dF.transpose() * dF;
      const Eigen::VectorXd b = dF.transpose() * fx;
      Eigen::MatrixXd reg = a;
      const double trace = a.trace();
      reg.diagonal().array() += 1e-12 * (trace > 0 ? trace : 1.0);
      const Eigen::VectorXd gamma = reg.ldlt().solve(b);
      xn -= (dX + m_beta * dF) * gamma;
    }
    return std::vector<double>(xn.data(), xn.data() + xn.size());
  }

private:
  double m_beta;
  int m_history;
  bool m_hasLast = false;
  Eigen::VectorXd m_lastX, m_lastF;
  std::vector<Eigen::VectorXd> m_dx, m_df;
};

std::vector<double> flatten(const std::array<SpeciesFields, 2>& f, bool withGap) {
  std::vector<double> v;
  for (const auto& s : f) {
    v.insert(v.end(), s.dB.begin(), s.dB.end());
    v.insert(v.end(), s.U.begin(), s.U.end());
    v.insert(v.end(), s.W.begin(), s.W.end());
    if (withGap) v.insert(v.end(), s.gap.begin(), s.gap.end());
  }
  return v;
}

void unflatten(const std::vector<double>& v, std::array<SpeciesFields, 2>& f, int n, bool withGap) {
  std::size_t p = 0;
  for (auto& s : f) {
    s.dB.assign(v.begin() + static_cast<long>(p), v.begin() + static_cast<long>(p + n));
    p += n;
    s.U.assign(v.begin() + static_cast<long>(p), v.begin() + static_cast<long>(p + n));
    p += n;
    s.W.assign(v.begin() + static_cast<long>(p), v.begin() + static_cast<long>(p + n));
    p += n;
    if (withGap) {
      s.gap.assign(v.begin() + static_cast<long>(p), v.begin() + static_cast<long>(p + n));
      p += n;
    } else {
      s.gap.assign(n, 0.0);
    }
  }
}

/// BCS occupations for given state gaps; returns lambda. gaps[i] already include the cutoff weight.
double solveBcs(std::vector<Level>& lv, double particles, const std::function<double(const Level&, double)>& gapOf) {
  auto number = [&](double lambda) {
    double s = 0.0;
    for (const auto& l : lv) {
      const double g = gapOf(l, lambda);
      const double e = l.energy - lambda;
      const double qp = std::sqrt(e * e + g * g);
      const double v2 = qp > 0.0 ? 0.5 * (1.0 - e / qp) : (e < 0 ? 1.0 : 0.0);
      s += l.degeneracy() * v2;
    }
    return s;
  };
  double lo = lv.front().energy - 30.0, hi = lv.back().energy + 30.0;
  for (const auto& l : lv) {
    lo = std::min(lo, l.energy - 30.0);
    hi = std::max(hi, l.energy + 30.0);
  }
  for (int it = 0; it < 200 && hi - lo > 1e-13; ++it) {
    const double mid = 0.5 * (lo + hi);
    if (number(mid) < particles) lo = mid;
    else hi = mid;
  }
  const double lambda = 0.5 * (lo + hi);
  for (auto& l : lv) {
    const double g = gapOf(l, lambda);
    const double e = l.energy - lambda;
    const double qp = std::sqrt(e * e + g * g);
    l.v2 = qp > 0.0 ? 0.5 * (1.0 - e / qp) : (e < 0 ? 1.0 : 0.0);
    l.gap = g;
    l.uv = qp > 0.0 ? 0.5 * g / qp : 0.0; // u v  (sign of the gap)
  }
  return lambda;
}

/// Filling approximation: returns the occupation of the last (partially) filled level.
double fill(std::vector<Level>& lv, int particles) {
  std::sort(lv.begin(), lv.end(), [](const Level& a, const Level& b) { return a.energy < b.energy; });
  double left = particles;
  double lastFraction = 1.0;
  for (auto& l : lv) {
    const double d = l.degeneracy();
    const double take = std::min(d, std::max(0.0, left));
    l.v2 = take / d;
    l.uv = 0.0;
    l.gap = 0.0;
    if (take > 0.0) lastFraction = l.v2;
    left -= take;
  }
  if (left > 1e-9) {
    throw Error(ErrorCode::NotSupported,
                fmt::format("only {} single-particle states found below the energy cut for {} particles; "
                            "enlarge the box or check the nucleus", particles - left, particles));
  }
  return lastFraction;
}

std::string historyText(const std::vector<HartreeFockIteration>& h) {
  std::string s = "iteration history (iter: E [MeV], |dE| [MeV], max|drho| [fm^-3], max|dU| [MeV]):";
  const std::size_t start = h.size() > 25 ? h.size() - 25 : 0;
  if (start > 0) s += fmt::format(" ... ({} earlier iterations omitted)", start);
  for (std::size_t i = start; i < h.size(); ++i) {
    s += fmt::format("\n  {:4d}: {:.9f} {:.3e} {:.3e} {:.3e}", h[i].iteration, h[i].energy, h[i].energyChange,
                     h[i].densityChange, h[i].fieldResidual);
  }
  return s;
}

} // namespace

// ---------------------------------------------------------------------------------------------

void HartreeFockConfig::validate() const {
  requireInRange(boxRadius, 5.0, 60.0, "HartreeFockConfig::boxRadius", "fm");
  requireInRange(meshStep, 0.02, 0.3, "HartreeFockConfig::meshStep", "fm");
  requireInRange(energyTolerance, 1e-13, 1.0, "HartreeFockConfig::energyTolerance", "MeV");
  requireInRange(densityTolerance, 1e-14, 1e-2, "HartreeFockConfig::densityTolerance", "fm^-3");
  requireInRange(maxIterations, 1, 100000, "HartreeFockConfig::maxIterations", "");
  requireInRange(mixing, 1e-3, 1.0, "HartreeFockConfig::mixing", "");
  requireInRange(mixingHistory, 0, 50, "HartreeFockConfig::mixingHistory", "");
  require(boxRadius / meshStep >= 40.0, fmt::format("HartreeFockConfig: box radius / mesh step = {} must be >= 40",
                                                    boxRadius / meshStep));
  requireInRange(pairing.window, 0.5, 50.0, "PairingConfig::window", "MeV");
  requireInRange(pairing.rho0, 0.01, 1.0, "PairingConfig::rho0", "fm^-3");
  requireNonNegative(pairing.strengthProton, "PairingConfig::strengthProton", "MeV fm^3");
  requireNonNegative(pairing.strengthNeutron, "PairingConfig::strengthNeutron", "MeV fm^3");
  require(std::isfinite(pairing.gapProton) && pairing.gapProton <= 20.0,
          fmt::format("PairingConfig::gapProton = {} MeV: accepted <= 20 (negative = 12/sqrt(A))", pairing.gapProton));
  require(std::isfinite(pairing.gapNeutron) && pairing.gapNeutron <= 20.0,
          fmt::format("PairingConfig::gapNeutron = {} MeV: accepted <= 20 (negative = 12/sqrt(A))", pairing.gapNeutron));
}

double MeanField::coulombTail(Isospin t, double radius) const {
  return t == Isospin::Proton ? Z * kE2 / radius : 0.0;
}

HartreeFockSolver::HartreeFockSolver(SkyrmeForce force, HartreeFockConfig config)
    : m_force(std::move(force)), m_config(config) {
  m_config.validate();
}

HartreeFockResult HartreeFockSolver::solve(int Z, int N) const {
  const auto t0 = std::chrono::steady_clock::now();
  if (Z < 2 || N < 2 || Z + N > 300) {
    throw Error(ErrorCode::NotSupported,
                fmt::format("Hartree-Fock for Z = {}, N = {} is not supported: accepted Z >= 2, N >= 2, A <= 300", Z, N));
  }
  const double A = Z + N;
  const double boxNeeded = 1.2 * std::cbrt(A) + 8.0;
  if (m_config.boxRadius < boxNeeded) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("box radius {} fm is too small for A = {}: use at least {:.1f} fm", m_config.boxRadius,
                            Z + N, boxNeeded));
  }
  Engine eng(m_force, m_config, Z, N);
  const Mesh& mesh = eng.mesh();
  const int n = mesh.n;
  const std::array<int, 2> particles = {Z, N};
  const PairingConfig& pc = m_config.pairing;
  const bool deltaPairing = pc.mode == PairingMode::DeltaPairing;

  // Initial densities: Fermi distributions (a starting guess only).
  std::array<SpeciesDensities, 2> dens = {eng.emptyDensities(), eng.emptyDensities()};
  {
    const double r0 = 1.12 * std::cbrt(A), a = 0.5;
    for (int q = 0; q < 2; ++q) {
      for (int k = 0; k < n; ++k) dens[q].rho[k] = 1.0 / (1.0 + std::exp((mesh.r[k] - r0) / a));
      const double norm = mesh.integrate(dens[q].rho);
      for (int k = 0; k < n; ++k) {
        dens[q].rho[k] *= particles[q] / norm;
        dens[q].tau[k] = 0.6 * std::pow(3.0 * kPi * kPi * dens[q].rho[k], 2.0 / 3.0) * dens[q].rho[k];
      }
    }
  }
  std::array<SpeciesFields, 2> fields;
  eng.evaluate(dens, &fields, nullptr, {0.0, 0.0});

  // Pairing mode per species (Auto decided at the first iteration).
  std::array<PairingMode, 2> mode = {pc.mode, pc.mode};
  const std::array<double, 2> constGap = {pc.gapProton < 0 ? 12.0 / std::sqrt(A) : pc.gapProton,
                                          pc.gapNeutron < 0 ? 12.0 / std::sqrt(A) : pc.gapNeutron};
  std::array<double, 2> lambda = {-8.0, -8.0};
  std::array<std::map<std::pair<int, int>, std::vector<double>>, 2> previousEigen;

  AndersonMixer mixer(m_config.mixing, m_config.mixingHistory);
  HartreeFockResult res;
  res.force = m_force.name;
  res.Z = Z;
  res.N = N;
  double lastEnergy = 0.0;
  std::array<std::vector<double>, 2> lastRho = {dens[0].rho, dens[1].rho};
  std::array<std::vector<Level>, 2> levels;
  EnergyBreakdown eb;
  std::vector<double> coulomb;
  bool converged = false;
  int iter = 0;
  double spSum = 0.0;

  for (iter = 1; iter <= m_config.maxIterations; ++iter) {
    // 1. Diagonalise.
    std::array<double, 2> constGapEnergy = {0.0, 0.0};
    for (int q = 0; q < 2; ++q) {
      const bool bcs = mode[q] == PairingMode::ConstantGap || mode[q] == PairingMode::DeltaPairing;
      double eCut = bcs ? lambda[q] + pc.window * 2.0 : 0.0;
      eCut = std::max(eCut, bcs ? -5.0 : 0.0);
      for (int attempt = 0;; ++attempt) {
        levels[q].clear();
        int emptyRun = 0;
        for (int l = 0; l < 40 && emptyRun < 2; ++l) {
          bool any = false;
          for (double j : {l + 0.5, l - 0.5}) {
            if (j < 0) continue;
            const BandMatrix hm = eng.hamiltonian(fields[q], q, l, j);
            auto& prev = previousEigen[q][{l, static_cast<int>(2 * j)}];
            auto pairs = lowestEigenpairs(hm, eCut, prev);
            prev.clear();
            for (std::size_t i = 0; i < pairs.size(); ++i) {
              any = true;
              prev.push_back(pairs[i].value);
              Level lv;
              lv.n = static_cast<int>(i);
              lv.l = l;
              lv.j = j;
              lv.energy = pairs[i].value;
              lv.u = std::move(pairs[i].vector);
              const double s = 1.0 / std::sqrt(mesh.h);
              // Sign convention: u > 0 near the origin.
              double first = 0.0;
              for (double v : lv.u) {
                if (std::abs(v) > 1e-8) {
                  first = v;
                  break;
                }
              }
              const double sign = first < 0 ? -1.0 : 1.0;
              for (double& v : lv.u) v *= s * sign;
              levels[q].push_back(std::move(lv));
            }
          }
          emptyRun = any ? 0 : emptyRun + 1;
        }
        double capacity = 0.0;
        for (const auto& lv : levels[q]) capacity += lv.degeneracy();
        if (capacity >= particles[q] + (bcs ? 2.0 : 0.0) || attempt > 6) break;
        eCut += 5.0;
      }
      std::sort(levels[q].begin(), levels[q].end(), [](const Level& a, const Level& b) { return a.energy < b.energy; });
      // 2. Occupations.
      if (iter == 1 && mode[q] == PairingMode::Auto) {
        std::vector<Level> tmp = levels[q];
        const double last = fill(tmp, particles[q]);
        mode[q] = last < 1.0 - 1e-12 ? PairingMode::ConstantGap : PairingMode::None;
      }
      if (mode[q] == PairingMode::None || mode[q] == PairingMode::Filling) {
        fill(levels[q], particles[q]);
        double eF = levels[q].front().energy;
        for (const auto& lv : levels[q]) {
          if (lv.v2 > 0.0) eF = lv.energy;
        }
        lambda[q] = eF;
      } else {
        const double w = pc.window;
        auto cutoff = [w](double e, double lam) { return 1.0 / (1.0 + std::exp((e - lam - w) / (0.1 * w))); };
        if (mode[q] == PairingMode::ConstantGap) {
          const double g = constGap[q];
          lambda[q] = solveBcs(levels[q], particles[q], [&](const Level& l, double lam) { return g * cutoff(l.energy, lam); });
          double e = 0.0;
          for (const auto& l : levels[q]) e -= 0.5 * l.degeneracy() * l.gap * l.uv;
          constGapEnergy[q] = e;
        } else {
          // State gaps from the (mixed) gap field.
          std::vector<double> avg(levels[q].size());
          for (std::size_t i = 0; i < levels[q].size(); ++i) {
            double s = 0.0;
            for (int k = 0; k < n; ++k) s += fields[q].gap[k] * levels[q][i].u[k] * levels[q][i].u[k];
            avg[i] = s * mesh.h;
          }
          std::size_t idx = 0;
          std::map<const Level*, double> gapMap;
          for (auto& l : levels[q]) gapMap[&l] = avg[idx++];
          // A first iteration without a gap field would give no pairing: seed with 1 MeV.
          lambda[q] = solveBcs(levels[q], particles[q], [&](const Level& l, double lam) {
            const double g = iter == 1 ? 1.0 : gapMap[&l];
            return g * cutoff(l.energy, lam);
          });
        }
      }
    }
    // 3. Densities.
    std::array<SpeciesDensities, 2> out = {eng.emptyDensities(), eng.emptyDensities()};
    spSum = 0.0;
    for (int q = 0; q < 2; ++q) {
      for (const auto& lv : levels[q]) {
        const double w = lv.degeneracy() * lv.v2;
        const double wp = lv.degeneracy() * lv.uv;
        if (w == 0.0 && wp == 0.0) continue;
        eng.accumulate(lv, w, wp, out[q]);
        spSum += w * lv.energy;
      }
      eng.finishDensities(out[q]);
    }
    // 4. Energy and output fields.
    std::array<SpeciesFields, 2> outFields;
    eb = eng.evaluate(out, &outFields, &coulomb, constGapEnergy);
    double dRho = 0.0;
    for (int q = 0; q < 2; ++q) {
      for (int k = 0; k < n; ++k) dRho = std::max(dRho, std::abs(out[q].rho[k] - lastRho[q][k]));
    }
    double dU = 0.0;
    for (int q = 0; q < 2; ++q) {
      for (int k = 0; k < n; ++k) dU = std::max(dU, std::abs(outFields[q].U[k] - fields[q].U[k]));
    }
    HartreeFockIteration rec;
    rec.iteration = iter;
    rec.energy = eb.parts.total;
    rec.energyChange = std::abs(eb.parts.total - lastEnergy);
    rec.densityChange = dRho;
    rec.fieldResidual = dU;
    res.history.push_back(rec);
    lastEnergy = eb.parts.total;
    lastRho = {out[0].rho, out[1].rho};
    dens = out;
    if (iter > 2 && rec.energyChange < m_config.energyTolerance && rec.densityChange < m_config.densityTolerance) {
      converged = true;
      break;
    }
    // 5. Mix.
    const auto xNew = mixer.next(flatten(fields, deltaPairing), flatten(outFields, deltaPairing));
    unflatten(xNew, fields, n, deltaPairing);
  }
  if (!converged) {
    throw Error(ErrorCode::NotConverged,
                fmt::format("Hartree-Fock for Z = {}, N = {} with {} did not converge in {} iterations "
                            "(energy tolerance {:.1e} MeV, density tolerance {:.1e} fm^-3); {}",
                            Z, N, m_force.name, m_config.maxIterations, m_config.energyTolerance,
                            m_config.densityTolerance, historyText(res.history)));
  }
  for (int q = 0; q < 2; ++q) {
    if (mode[q] == PairingMode::None) {
      for (const auto& lv : levels[q]) {
        if (lv.v2 > 1e-12 && lv.v2 < 1.0 - 1e-12) {
          throw Error(ErrorCode::NotSupported,
                      fmt::format("{} {} = {}: the last j-shell ({}{}{}/2) is partially filled; pure HF (pairing "
                                  "mode None) needs closed j-shells: use Filling, ConstantGap or DeltaPairing",
                                  q == 0 ? "Z" : "N", q == 0 ? "protons" : "neutrons", particles[q], lv.n + 1,
                                  "spdfghijklmno"[lv.l], static_cast<int>(2 * lv.j)));
        }
      }
    }
  }

  // Results.
  res.converged = true;
  res.iterations = iter;
  res.energy = eb.parts;
  const double kin = eb.parts.kinetic;
  res.energy.singleParticleSum = 0.5 * (spSum + kin) - 0.5 * m_force.alpha * eb.t3 + eb.coulombExchange / 3.0 +
                                 eb.pair0 + 0.5 * eb.pair1;
  res.energyCheck = res.energy.total - res.energy.singleParticleSum;
  res.bindingEnergy = -res.energy.total;
  std::vector<double> rFull(n + 1, 0.0);
  for (int k = 0; k < n; ++k) rFull[k + 1] = mesh.r[k];
  for (int q = 0; q < 2; ++q) {
    res.fermiEnergy[q] = lambda[q];
    res.particleNumber[q] = mesh.integrate(dens[q].rho);
    double gsum = 0.0, wsum = 0.0;
    for (const auto& lv : levels[q]) {
      gsum += lv.degeneracy() * lv.uv * lv.gap;
      wsum += lv.degeneracy() * lv.uv;
    }
    res.pairingGap[q] = wsum > 0.0 ? gsum / wsum : 0.0;
    std::vector<double> rho(n + 1);
    rho[0] = evenAt(dens[q].rho, 0, n);
    for (int k = 0; k < n; ++k) rho[k + 1] = dens[q].rho[k];
    auto td = std::make_shared<TabulatedDensity>(
        rFull, rho, fmt::format("HF {} point-{} density (Z={}, N={})", m_force.name, q == 0 ? "proton" : "neutron", Z, N));
    (q == 0 ? res.protonDensity : res.neutronDensity) = td;
    res.spinOrbitDensity[q] = dens[q].J;
    for (const auto& lv : levels[q]) {
      SingleParticleState s;
      s.n = lv.n;
      s.l = lv.l;
      s.j = lv.j;
      s.isospin = q == 0 ? Isospin::Proton : Isospin::Neutron;
      s.energy = lv.energy;
      s.occupation = lv.v2;
      s.u = lv.u;
      res.states.push_back(std::move(s));
    }
  }
  // Full centre-of-mass correction after the variation (not part of the variational functional, so
  // it shifts both energy evaluations alike and leaves energyCheck unchanged).
  if (m_force.cmCorrection == CenterOfMassCorrection::TwoBodyAfterVariation) {
    const std::array<bool, 2> bcs = {mode[0] == PairingMode::ConstantGap || mode[0] == PairingMode::DeltaPairing,
                                     mode[1] == PairingMode::ConstantGap || mode[1] == PairingMode::DeltaPairing};
    const double h2m = 0.5 * (m_force.hbar2Over2mProton + m_force.hbar2Over2mNeutron);
    const double ecm = centerOfMassEnergy(res.states, mesh.h, h2m, Z + N, bcs);
    res.energy.centerOfMass = -ecm;
    res.energy.total -= ecm;
    res.energy.singleParticleSum -= ecm;
    res.bindingEnergy = -res.energy.total;
  }
  // Mean field (from the converged input fields, i.e. the Hamiltonian of the last diagonalisation).
  res.meanField.meshStep = mesh.h;
  res.meanField.r = mesh.r;
  res.meanField.Z = Z;
  res.meanField.N = N;
  for (int q = 0; q < 2; ++q) {
    auto& s = res.meanField.species[q];
    s.bAsymptotic = eng.bAsymptotic(q);
    s.B.resize(n);
    for (int k = 0; k < n; ++k) s.B[k] = s.bAsymptotic + fields[q].dB[k];
    s.U = fields[q].U;
    s.W = fields[q].W;
    s.coulomb = q == 0 ? coulomb : std::vector<double>(n, 0.0);
  }
  // Radii.
  auto msr = [&](const std::vector<double>& rho, double norm) {
    std::vector<double> f(n);
    for (int k = 0; k < n; ++k) f[k] = rho[k] * mesh.r[k] * mesh.r[k];
    return mesh.integrate(f) / norm;
  };
  const double rp2 = msr(dens[0].rho, res.particleNumber[0]);
  const double rn2 = msr(dens[1].rho, res.particleNumber[1]);
  res.radii.proton = std::sqrt(rp2);
  res.radii.neutron = std::sqrt(rn2);
  res.radii.matter = std::sqrt((rp2 * Z + rn2 * N) / A);
  res.radii.skin = res.radii.neutron - res.radii.proton;
  res.radii.spinOrbitContribution = nucleon::spinOrbitChargeRadius2(res.states, Z);
  res.radii.charge = std::sqrt(nucleon::chargeRadius2(rp2, Z, N) + res.radii.spinOrbitContribution);
  res.radii.weak = std::sqrt(nucleon::weakRadius2(rp2, rn2, Z, N));
  res.wallTimeMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return res;
}


namespace {

SpeciesFields fieldsOf(const MeanField& field, int q) {
  const auto& s = field.species[q];
  SpeciesFields f;
  f.dB.resize(s.B.size());
  for (std::size_t k = 0; k < s.B.size(); ++k) f.dB[k] = s.B[k] - s.bAsymptotic;
  f.U = s.U;
  f.W = s.W;
  f.gap.assign(s.B.size(), 0.0);
  return f;
}

void checkField(const MeanField& field) {
  if (field.r.size() < 40 || field.species[0].B.size() != field.r.size() || field.species[1].U.size() != field.r.size()) {
    throw Error(ErrorCode::InvalidArgument, "MeanField is empty or inconsistent: use HartreeFockResult::meanField");
  }
}

void checkQuantumNumbers(int l, double j) {
  if (l < 0 || l > 60 || std::abs(std::abs(j - l) - 0.5) > 1e-9) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("invalid partial wave l = {}, j = {}: accepted 0 <= l <= 60, j = l +- 1/2, j > 0", l, j));
  }
}

} // namespace

SingleParticleState boundState(const MeanField& field, Isospin isospin, int n, int l, double j) {
  checkField(field);
  checkQuantumNumbers(l, j);
  require(n >= 0, fmt::format("radial quantum number n = {} must be >= 0", n));
  const int q = speciesIndex(isospin);
  const Mesh mesh(field.meshStep * static_cast<double>(field.r.size()), field.meshStep);
  const BandMatrix hm = buildHamiltonian(mesh, field.species[q].bAsymptotic, fieldsOf(field, q), l, j);
  const auto pairs = lowestEigenpairs(hm, 0.0, {});
  if (n >= static_cast<int>(pairs.size())) {
    throw Error(ErrorCode::NotSupported,
                fmt::format("no bound state with n = {} in the l = {}, j = {} {} block: {} bound states there", n, l,
                            j, isospin == Isospin::Proton ? "proton" : "neutron", pairs.size()));
  }
  SingleParticleState s;
  s.n = n;
  s.l = l;
  s.j = j;
  s.isospin = isospin;
  s.energy = pairs[n].value;
  s.u = pairs[n].vector;
  double first = 0.0;
  for (double v : s.u) {
    if (std::abs(v) > 1e-8) {
      first = v;
      break;
    }
  }
  const double scale = (first < 0 ? -1.0 : 1.0) / std::sqrt(mesh.h);
  for (double& v : s.u) v *= scale;
  return s;
}

// continuumState: src/lenu/structure/ContinuumSolver.cpp (Numerov; the one continuum solver).

double centerOfMassEnergy(const std::vector<SingleParticleState>& states, double meshStep, double hbar2Over2m, int A,
                          std::array<bool, 2> bcs) {
  requireInRange(meshStep, 1e-3, 1.0, "centerOfMassEnergy meshStep", "fm");
  requirePositive(hbar2Over2m, "centerOfMassEnergy hbar2Over2m", "MeV fm^2");
  require(A >= 1, fmt::format("centerOfMassEnergy: A = {} must be >= 1", A));
  const double h = meshStep;
  struct Prepared {
    const SingleParticleState* s;
    std::vector<double> du; // u'(r_k)
    double uv;
  };
  std::array<std::vector<Prepared>, 2> byQ;
  for (const auto& st : states) {
    const int q = speciesIndex(st.isospin);
    if (st.occupation <= 0.0) continue;
    const int n = static_cast<int>(st.u.size());
    require(n >= 5, "centerOfMassEnergy: state with fewer than 5 mesh points");
    Prepared p{&st, std::vector<double>(n), 0.0};
    const double parity = (st.l % 2 == 0) ? -1.0 : 1.0; // u(-r) = (-1)^(l+1) u(r)
    for (int k = 1; k <= n; ++k) {
      double d = 0.0;
      for (int c = 0; c < 5; ++c) d += kCentral[c] * waveAt(st.u.data(), k - 2 + c, n, parity);
      p.du[k - 1] = d / h;
    }
    const double v2 = std::clamp(st.occupation, 0.0, 1.0);
    p.uv = bcs[q] ? std::sqrt(v2 * (1.0 - v2)) : 0.0;
    byQ[q].push_back(std::move(p));
  }
  double direct = 0.0, exchange = 0.0;
  for (const auto& list : byQ) {
    for (const auto& a : list) {
      const auto& sa = *a.s;
      const double ll = sa.l * (sa.l + 1.0);
      double t = 0.0;
      for (std::size_t k = 0; k < sa.u.size(); ++k) {
        const double r = (static_cast<double>(k) + 1.0) * h;
        t += a.du[k] * a.du[k] + ll * sa.u[k] * sa.u[k] / (r * r);
      }
      // Trapezoid on the symmetric mesh: u'^2 is even in r and nonzero at r = 0 for l = 0, so the
      // origin carries weight h/2 (without it <-Lap> of a 0s state is low by ~ h/beta).
      double du0 = 0.0;
      const int nn = static_cast<int>(sa.u.size());
      for (int c = 0; c < 5; ++c) du0 += kCentral[c] * waveAt(sa.u.data(), c - 2, nn, sa.l % 2 == 0 ? -1.0 : 1.0);
      du0 /= h;
      t += 0.5 * du0 * du0;
      direct += sa.degeneracy() * sa.occupation * t * h;
      for (const auto& b : list) {
        const auto& sb = *b.s;
        if (std::abs(sb.l - sa.l) != 1) continue;
        const bool up = sb.l == sa.l + 1;
        const double c = up ? -(sa.l + 1.0) : static_cast<double>(sa.l);
        const std::size_t n = std::min(sa.u.size(), sb.u.size());
        double radial = 0.0;
        for (std::size_t k = 0; k < n; ++k) {
          const double r = (static_cast<double>(k) + 1.0) * h;
          radial += sb.u[k] * (a.du[k] + c * sa.u[k] / r);
        }
        radial *= h;
        const double sixj = gsl::wigner6j(2 * sb.l, static_cast<int>(std::lround(2 * sb.j)), 1,
                                               static_cast<int>(std::lround(2 * sa.j)), 2 * sa.l, 2);
        const double angular = (2 * sa.j + 1.0) * (2 * sb.j + 1.0) * sixj * sixj * (up ? sa.l + 1.0 : sa.l);
        const double w = sa.occupation * sb.occupation + a.uv * b.uv;
        exchange += w * angular * radial * radial;
      }
    }
  }
  return hbar2Over2m / A * (direct - exchange);
}

std::string stateLabel(const SingleParticleState& s) {
  static const char* letters = "spdfghiklmnoqrtuv";
  const char letter = s.l < 17 ? letters[s.l] : '?';
  return fmt::format("{}{}{}/2", s.n + 1, letter, static_cast<int>(std::lround(2.0 * s.j)));
}

} // namespace lenu
