#include "lenu/inelastic/StrengthModels.hpp"

#include <cmath>
#include <array>
#include <limits>
#include <mutex>

#include <fmt/format.h>

#include "lenu/core/Error.hpp"
#include "lenu/inelastic/CrpaResponse.hpp"
#include "lenu/inelastic/HartreeFockMeanField.hpp"
#include "lenu/inelastic/InelasticModels.hpp"
#include "lenu/inelastic/WoodsSaxonMeanField.hpp"

namespace lenu::inelastic {

namespace {

/// Continuum RPA as an OperatorStrength for every isospin structure: one CrpaResponse per
/// response mode (NC for isoscalar/isovector operators, CC nu for tau_-, CC nubar for tau_+),
/// each built on first use. Strength only through strengthDensity with eta > 0 (no lines).
class CrpaStrength final : public OperatorStrength {
public:
  CrpaStrength(std::shared_ptr<const HartreeFockMeanField> mf, SkyrmeForce force, CrpaConfig cfg, double qMinus,
               double qPlus)
      : m_mf(std::move(mf)), m_force(std::move(force)), m_cfg(cfg), m_q{qMinus, qPlus} {}
  std::vector<StrengthLine> lines(const LocalOperator&) const override { return {}; }
  double strengthDensity(const LocalOperator& op, double energy, double eta) const override {
    return response(op).strengthDensity(op, energy, eta);
  }
  double continuumThreshold(const LocalOperator& op) const override { return response(op).continuumThreshold(); }
  std::string description() const override {
    return fmt::format("HF-CRPA strength (force {}, eta {} MeV, RPA mesh {} fm); one response per isospin channel",
                       m_force.name, m_cfg.eta, m_cfg.coarseStep);
  }

private:
  const CrpaResponse& response(const LocalOperator& op) const {
    const std::size_t k = op.isospin == IsospinOperator::Minus ? 1 : op.isospin == IsospinOperator::Plus ? 2 : 0;
    std::call_once(m_once[k], [&] {
      CrpaConfig c = m_cfg;
      c.maxJ = std::max(2, op.J); // the named operators have J <= 2; blocks J <= maxJ are built
      const ResponseMode mode = k == 0 ? ResponseMode::NeutralCurrent
                                       : (k == 1 ? ResponseMode::ChargedCurrentNu : ResponseMode::ChargedCurrentNuBar);
      if (k > 0) {
        const double q = m_q[k - 1];
        if (!std::isfinite(q))
          throw Error(ErrorCode::NotSupported,
                      fmt::format("CRPA charge-exchange strength of {}: the final nucleus mass (Q-value) is not tabulated",
                                  op.name));
        c.qValue = q;
      }
      m_resp[k] = std::make_shared<CrpaResponse>(m_mf, m_force, mode, c);
    });
    if (!m_resp[k] || op.J > m_resp[k]->maxMultipole())
      throw Error(ErrorCode::NotSupported,
                  fmt::format("CRPA strength of {} (J = {}): this model's response holds J <= {}", op.name, op.J,
                              m_resp[k] ? m_resp[k]->maxMultipole() : -1));
    return *m_resp[k];
  }
  std::shared_ptr<const HartreeFockMeanField> m_mf;
  SkyrmeForce m_force;
  CrpaConfig m_cfg;
  std::array<double, 2> m_q;
  mutable std::array<std::once_flag, 3> m_once;
  mutable std::array<std::shared_ptr<const CrpaResponse>, 3> m_resp;
};

} // namespace

StrengthModel makeOperatorStrength(const std::string& targetName, const StrengthModelOptions& options,
                                   const NuclideTable& table) {
  const Nuclide& target = table.get(targetName);
  StrengthModel out;
  out.model = options.model;
  out.Z = target.Z;
  out.N = target.N();
  auto q = [&](ResponseMode mode) {
    try {
      return chargedCurrentQValue(target, mode, table);
    } catch (const Error&) {
      return std::numeric_limits<double>::quiet_NaN(); // final nucleus not tabulated: no shift
    }
  };
  out.qValueMinus = q(ResponseMode::ChargedCurrentNu);
  out.qValuePlus = q(ResponseMode::ChargedCurrentNuBar);
  MeanFieldStrengthConfig mc = options.meanField;
  mc.qValueMinus = out.qValueMinus;
  mc.qValuePlus = out.qValuePlus;
  const std::string& model = options.model;
  double b1 = 0.0;
  if (model == "ws") {
    WoodsSaxonConfig w;
    w.Z = target.Z;
    w.N = target.N();
    w.rMax = std::max(20.0, 1.27 * std::cbrt(static_cast<double>(target.A)) + 12.0);
    out.groundState = std::make_shared<WoodsSaxonMeanField>(w);
  } else if (model == "hf" || model.rfind("hf:", 0) == 0) {
    out.force = model == "hf" ? "SkM*" : model.substr(3);
    const SkyrmeForce force = SkyrmeForce::load(out.force);
    b1 = force.b1();
    HartreeFockConfig hc;
    hc.pairing.mode = PairingMode::Filling;
    const HartreeFockSolver solver(force, hc);
    out.groundState = HartreeFockMeanField::solve(solver, target.Z, target.N());
  } else if (model == "crpa" || model.rfind("crpa:", 0) == 0) {
    out.force = model == "crpa" ? "SkM*" : model.substr(5);
    const SkyrmeForce force = SkyrmeForce::load(out.force);
    b1 = force.b1();
    HartreeFockConfig hc;
    hc.pairing.mode = PairingMode::Filling;
    const HartreeFockSolver solver(force, hc);
    auto mf = HartreeFockMeanField::solve(solver, target.Z, target.N());
    out.groundState = mf;
    out.strength = std::make_shared<CrpaStrength>(mf, force, options.crpa, out.qValueMinus, out.qValuePlus);
  } else {
    throw Error(ErrorCode::UnknownModel,
                fmt::format("unknown strength model '{}': use hf, hf:<force>, crpa, crpa:<force> or ws", model));
  }
  if (!out.strength) out.strength = std::make_shared<MeanFieldStrength>(out.groundState, mc);
  out.sumRules.densities = groundStateDensities(*out.groundState);
  out.sumRules.b1 = b1;
  out.sumRules.meanFieldMass = false;
  return out;
}

} // namespace lenu::inelastic
