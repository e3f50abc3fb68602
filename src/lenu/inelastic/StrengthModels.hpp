#pragma once
/// @file StrengthModels.hpp
/// Builds an OperatorStrength model by name for a target, with everything the sum rules and the
/// giant-resonance comparison need (ground-state densities, the force's b1, Q-values):
///   "hf" / "hf:<force>"  MeanFieldStrength on the Skyrme HF mean field (default SkM*,
///                        filling approximation for open shells)
///   "ws"                 MeanFieldStrength on the Woods-Saxon field of this layer
/// A further model (e.g. "crpa") is one more branch in makeOperatorStrength.

#include <memory>
#include <string>

#include "lenu/core/Nuclide.hpp"
#include "lenu/inelastic/MeanFieldSpectrum.hpp"
#include "lenu/inelastic/CrpaResponse.hpp"
#include "lenu/inelastic/MeanFieldStrength.hpp"
#include "lenu/inelastic/OperatorStrength.hpp"
#include "lenu/inelastic/SumRules.hpp"

namespace lenu::inelastic {

/// Options for makeOperatorStrength.
struct StrengthModelOptions {
  std::string model = "hf";          ///< "hf", "hf:<force>", "crpa", "crpa:<force>", "ws"
  MeanFieldStrengthConfig meanField; ///< mean-field models (Q-values are filled in by the factory)
  CrpaConfig crpa;                   ///< continuum-RPA models (maxJ raised to the operator's J; Q-values filled in)
};

/// A model with its ground state.
struct StrengthModel {
  std::shared_ptr<const OperatorStrength> strength;
  std::shared_ptr<const MeanFieldSpectrum> groundState; ///< mean field the model is built on
  std::string model;     ///< as requested, e.g. "hf:SkM*"
  std::string force;     ///< Skyrme force name ("" for Woods-Saxon)
  int Z = 0, N = 0;
  double qValueMinus = 0.0, qValuePlus = 0.0; ///< [MeV] (NaN if a final mass is not tabulated)
  /// Reference values of the sum rules: the functional's double commutator (b1 of the force;
  /// meanFieldMass = false). Set meanFieldMass = true for the independent-particle value.
  SumRuleInputs sumRules;
};

/// Throws Error(UnknownNuclide) for an unknown target, Error(UnknownModel) for an unknown model,
/// Error(NotSupported) for a nucleus the mean field cannot hold.
StrengthModel makeOperatorStrength(const std::string& target, const StrengthModelOptions& options,
                                   const NuclideTable& table);

} // namespace lenu::inelastic
