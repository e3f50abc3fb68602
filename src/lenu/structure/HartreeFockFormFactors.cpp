#include "lenu/structure/HartreeFockFormFactors.hpp"

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
  auto chargeTimesZ = [fp, fn, z, n](double q) {
    return z * nucleon::electricFormFactorProton(q) * (*fp)(q) + n * nucleon::electricFormFactorNeutron(q) * (*fn)(q);
  };
  auto weakTimesQw = [fp, fn, z, n](double q) {
    const double ge = nucleon::electricFormFactorProton(q), gn = nucleon::electricFormFactorNeutron(q);
    return z * (nucleon::kProtonWeakCharge * ge + nucleon::kNeutronWeakCharge * gn) * (*fp)(q) +
           n * (nucleon::kNeutronWeakCharge * ge + nucleon::kProtonWeakCharge * gn) * (*fn)(q);
  };
  const std::string tag = fmt::format("HF {} (Z={}, N={})", hf.force, Z, N);
  gs.charge = std::make_shared<FunctionFormFactor>([chargeTimesZ, z](double q) { return chargeTimesZ(q) / z; },
                                                   "charge form factor, " + tag +
                                                       ", nucleon G_E of Kelly PRC 70 (2004) 068202");
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
