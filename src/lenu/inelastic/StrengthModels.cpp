#include "lenu/inelastic/StrengthModels.hpp"

#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "lenu/core/Error.hpp"
#include "lenu/inelastic/HartreeFockMeanField.hpp"
#include "lenu/inelastic/InelasticModels.hpp"
#include "lenu/inelastic/WoodsSaxonMeanField.hpp"

namespace lenu::inelastic {

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
  } else {
    throw Error(ErrorCode::UnknownModel,
                fmt::format("unknown strength model '{}': use hf, hf:<force> or ws", model));
  }
  out.strength = std::make_shared<MeanFieldStrength>(out.groundState, mc);
  out.sumRules.densities = groundStateDensities(*out.groundState);
  out.sumRules.b1 = b1;
  out.sumRules.meanFieldMass = false;
  return out;
}

} // namespace lenu::inelastic
