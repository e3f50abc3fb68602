#include "lenu/inelastic/InelasticModels.hpp"

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/DataPath.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/inelastic/AllowedResponse.hpp"
#include "lenu/inelastic/CrpaResponse.hpp"
#include "lenu/inelastic/HartreeFockMeanField.hpp"
#include "lenu/inelastic/WoodsSaxonMeanField.hpp"

namespace lenu::inelastic {

ResponseMode responseMode(bool chargedCurrent, Flavour flavour) {
  if (!chargedCurrent) return ResponseMode::NeutralCurrent;
  return isAntineutrino(flavour) ? ResponseMode::ChargedCurrentNuBar : ResponseMode::ChargedCurrentNu;
}

double chargedCurrentQValue(const Nuclide& target, ResponseMode mode, const NuclideTable& table) {
  require(mode != ResponseMode::NeutralCurrent, "chargedCurrentQValue: NC has no Q-value");
  const int Zf = target.Z + (mode == ResponseMode::ChargedCurrentNu ? 1 : -1);
  double mf = 0.0;
  try {
    mf = table.get(Zf, target.A).nuclearMass();
  } catch (const Error&) {
    const NuclideTable extra = NuclideTable::fromFile(dataFile("inelastic/final_nuclei.csv"));
    try {
      mf = extra.get(Zf, target.A).nuclearMass();
    } catch (const Error&) {
      throw Error(ErrorCode::UnknownNuclide,
                  fmt::format("CC on {}: mass of the final nucleus (Z={}, A={}) is in neither data/nuclides.csv nor "
                              "data/inelastic/final_nuclei.csv",
                              target.name(), Zf, target.A));
    }
  }
  return mf - target.nuclearMass();
}

std::shared_ptr<const NuclearResponse> makeInelasticResponse(const std::string& targetName, ResponseMode mode,
                                                             const InelasticModelOptions& options,
                                                             const NuclideTable& table) {
  const Nuclide& target = table.get(targetName);
  const std::string& model = options.model;
  const bool cc = mode != ResponseMode::NeutralCurrent;
  if (model == "allowed" || model.rfind("allowed:", 0) == 0) {
    if (!cc) throw Error(ErrorCode::NotSupported, "allowed model: only charged-current level tables exist (use --model hf for NC)");
    // "allowed" = measured levels only; "allowed:TABLE" selects a table (see allowedLevelTableFile).
    const std::string file = allowedLevelTableFile(target.Z, target.A, mode, model == "allowed" ? "" : model.substr(8));
    const auto path = dataFile(file);
    return std::make_shared<AllowedResponse>(target.Z, target.A, mode, chargedCurrentQValue(target, mode, table),
                                             readAllowedLevels(path), file);
  }
  if (model == "crpa" || model.rfind("crpa:", 0) == 0) {
    // Continuum RPA on the same Skyrme HF field as "hf" (same default force and occupations).
    const std::string force = model == "crpa" ? "SkM*" : model.substr(5);
    const SkyrmeForce f = SkyrmeForce::load(force);
    HartreeFockConfig hc;
    hc.pairing.mode = PairingMode::Filling;
    HartreeFockSolver solver(f, hc);
    CrpaConfig crpaCfg = options.crpa;
    crpaCfg.maxJ = options.maxJ;
    crpaCfg.longitudinal = options.longitudinal;
    crpaCfg.couplings = options.couplings;
    if (cc) crpaCfg.qValue = chargedCurrentQValue(target, mode, table);
    return std::make_shared<CrpaResponse>(HartreeFockMeanField::solve(solver, target.Z, target.N()), f, mode, crpaCfg);
  }
  HartreeFockResponseConfig rc;
  rc.maxJ = options.maxJ;
  rc.longitudinal = options.longitudinal;
  rc.couplings = options.couplings;
  if (cc) rc.qValue = chargedCurrentQValue(target, mode, table);
  std::shared_ptr<const MeanFieldSpectrum> mf;
  if (model == "ws") {
    WoodsSaxonConfig w;
    w.Z = target.Z;
    w.N = target.N();
    w.rMax = std::max(20.0, 1.27 * std::cbrt(static_cast<double>(target.A)) + 12.0);
    mf = std::make_shared<WoodsSaxonMeanField>(w);
  } else if (model == "hf" || model.rfind("hf:", 0) == 0) {
    const std::string force = model == "hf" ? "SkM*" : model.substr(3);
    HartreeFockConfig hc;
    hc.pairing.mode = PairingMode::Filling;
    HartreeFockSolver solver(SkyrmeForce::load(force), hc);
    mf = HartreeFockMeanField::solve(solver, target.Z, target.N());
  } else {
    throw Error(ErrorCode::UnknownModel, fmt::format("unknown inelastic model '{}': use hf, hf:<force>, crpa, crpa:<force>, ws or allowed", model));
  }
  return std::make_shared<HartreeFockResponse>(mf, mode, rc);
}

} // namespace lenu::inelastic
