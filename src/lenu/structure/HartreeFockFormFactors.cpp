#include "lenu/structure/HartreeFockFormFactors.hpp"

#include <array>
#include <cmath>
#include <functional>
#include <vector>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Integrate.hpp"
#include "lenu/structure/NucleonStructure.hpp"

namespace lenu {

namespace {

/// A normalised form factor given as a function.
class FunctionFormFactor final : public FormFactor {
public:
  FunctionFormFactor(std::function<double(double)> f, std::string d) : m_f(std::move(f)), m_d(std::move(d)) {}
  double operator()(double q) const override {
    requireNonNegative(q, "momentum transfer q", "fm^-1");
    return m_f(q);
  }
  std::string description() const override { return m_d; }

private:
  std::function<double(double)> m_f;
  std::string m_d;
};

/// rho(r) = (1/(2 pi^2)) \int_0^qmax q^2 j0(q r) S(q) dq for a structure function S(q) = norm * F(q).
std::shared_ptr<TabulatedDensity> inverseTransform(const std::function<double(double)>& s, double rMax,
                                                   const std::string& description) {
  const GaussLegendre gl(400, 0.0, 8.0); // nucleon form factors cut the integrand off well below 8 fm^-1
  std::vector<double> sq(gl.x.size());
  for (std::size_t i = 0; i < gl.x.size(); ++i) sq[i] = gl.w[i] * gl.x[i] * gl.x[i] * s(gl.x[i]);
  std::vector<double> r, rho;
  const double h = 0.05;
  for (double x = 0.0; x <= rMax + 1e-9; x += h) {
    double acc = 0.0;
    for (std::size_t i = 0; i < gl.x.size(); ++i) acc += sq[i] * sphericalJ0(gl.x[i] * x);
    r.push_back(x);
    rho.push_back(acc / (2.0 * constants::kPi * constants::kPi));
  }
  return std::make_shared<TabulatedDensity>(r, rho, description);
}

} // namespace

HartreeFockGroundState makeGroundState(HartreeFockResult hf) {
  HartreeFockGroundState gs;
  const int Z = hf.Z, N = hf.N;
  auto fp = std::make_shared<DensityFormFactor>(hf.protonDensity, 600);
  auto fn = std::make_shared<DensityFormFactor>(hf.neutronDensity, 600);
  gs.proton = fp;
  gs.neutron = fn;
  const double qw = nucleon::weakCharge(Z, N);
  gs.weakCharge = qw;
  const double z = Z, n = N;
  // Spin-orbit (anomalous-magnetic-moment) charge density rho_so,q = c_q div J_q with
  // c_q = -(mu'_q / 2) (hbar c / M_q c^2)^2 and J_q the radial spin-orbit density of the HF solution: it
  // integrates to zero and its r^2 moment is Z times nucleon::spinOrbitChargeRadius2 (same operator, so the
  // charge radius of F_ch equals HartreeFockRadii::charge). Transform: \int j0(qr) div J d^3r =
  // 4 pi q \int r^2 J(r) j1(qr) dr. Folded with G_E^p(q) as the nucleon size factor: APPROXIMATION (UNCONFIRMED)
  // of the (G_M - G_E)/(1 + tau) folding of Horowitz & Piekarewicz, Phys. Rev. C 86 (2012) 045503, whose text
  // was not read; the term is a few per mil of F_ch below the first diffraction minimum.
  std::array<std::vector<double>, 2> jr2; // h r^2 J_q(r) on the mesh
  std::array<double, 2> cq{};
  const auto& mesh = hf.meanField.r;
  const double hMesh = hf.meanField.meshStep;
  for (int q = 0; q < 2; ++q) {
    const double mass = q == 0 ? constants::kMassProton : constants::kMassNeutron;
    const double mu = q == 0 ? nucleon::kProtonAnomalousMoment : nucleon::kNeutronAnomalousMoment;
    const double lam = constants::kHbarC / mass;
    cq[q] = -0.5 * mu * lam * lam;
    const auto& J = hf.spinOrbitDensity[q];
    jr2[q].resize(std::min(J.size(), mesh.size()));
    for (std::size_t k = 0; k < jr2[q].size(); ++k) jr2[q][k] = hMesh * mesh[k] * mesh[k] * J[k];
  }
  auto spinOrbitTimesZ = [jr2, cq, mesh](double q) {
    if (q <= 0.0) return 0.0;
    double total = 0.0;
    for (int t = 0; t < 2; ++t) {
      double acc = 0.0;
      for (std::size_t k = 0; k < jr2[t].size(); ++k) acc += jr2[t][k] * sphericalJ1(q * mesh[k]);
      total += cq[t] * 4.0 * constants::kPi * q * acc;
    }
    return total * nucleon::electricFormFactorProton(q);
  };
  auto chargeTimesZ = [fp, fn, z, n, spinOrbitTimesZ](double q) {
    return z * nucleon::electricFormFactorProton(q) * (*fp)(q) + n * nucleon::electricFormFactorNeutron(q) * (*fn)(q) +
           spinOrbitTimesZ(q);
  };
  auto weakTimesQw = [fp, fn, z, n](double q) {
    const double ge = nucleon::electricFormFactorProton(q), gn = nucleon::electricFormFactorNeutron(q);
    return z * (nucleon::kProtonWeakCharge * ge + nucleon::kNeutronWeakCharge * gn) * (*fp)(q) +
           n * (nucleon::kNeutronWeakCharge * ge + nucleon::kProtonWeakCharge * gn) * (*fn)(q);
  };
  const std::string tag = fmt::format("HF {} (Z={}, N={})", hf.force, Z, N);
  gs.charge = std::make_shared<FunctionFormFactor>([chargeTimesZ, z](double q) { return chargeTimesZ(q) / z; },
                                                   "charge form factor, " + tag +
                                                       ", nucleon G_E of Kelly PRC 70 (2004) 068202, spin-orbit term");
  gs.weak = std::make_shared<FunctionFormFactor>([weakTimesQw, qw](double q) { return weakTimesQw(q) / qw; },
                                                 "weak form factor, " + tag + ", Q_p = 0.0721, Q_n = -0.9878");
  const double rMax = hf.protonDensity->rMax();
  gs.chargeDensity = inverseTransform(chargeTimesZ, rMax, "charge density, " + tag);
  gs.weakDensity = inverseTransform(weakTimesQw, rMax, "weak-charge density (integrates to Q_W), " + tag);
  gs.hf = std::move(hf);
  return gs;
}

double bornParityViolatingAsymmetry(const HartreeFockGroundState& gs, double q) {
  requireInRange(q, 1e-6, 5.0, "momentum transfer q", "fm^-1");
  const double fch = (*gs.charge)(q);
  if (std::abs(fch) < 1e-8) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("Born A_PV is singular at q = {} fm^-1 (zero of the charge form factor)", q));
  }
  const double qMeV = q * constants::kHbarC;
  return constants::kFermiConstant * qMeV * qMeV / (4.0 * constants::kPi * constants::kAlpha * std::sqrt(2.0)) *
         gs.weakCharge * (*gs.weak)(q) / (gs.hf.Z * fch);
}

HartreeFockFormFactorModel::HartreeFockFormFactorModel(const std::string& forceName, HartreeFockConfig config)
    : m_solver(SkyrmeForce::load(forceName), config) {}

std::shared_ptr<const HartreeFockGroundState> HartreeFockFormFactorModel::groundState(int Z, int N) const {
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_cache.find({Z, N});
    if (it != m_cache.end()) return it->second;
  }
  auto gs = std::make_shared<const HartreeFockGroundState>(makeGroundState(m_solver.solve(Z, N)));
  std::lock_guard<std::mutex> lock(m_mutex);
  return m_cache.emplace(std::make_pair(Z, N), gs).first->second;
}

NucleonFormFactors HartreeFockFormFactorModel::forNuclide(const Nuclide& nuclide) const {
  const auto gs = groundState(nuclide.Z, nuclide.N());
  return NucleonFormFactors{gs->proton, gs->neutron};
}

} // namespace lenu
