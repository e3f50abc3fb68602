#pragma once
/// @file InelasticModels.hpp
/// Builds inelastic responses by name for a target: "hf" / "hf:<force>" (Skyrme Hartree-Fock
/// mean field, default force SkM*, filling approximation for open shells), "crpa" / "crpa:<force>"
/// (continuum RPA on the same HF field, CrpaResponse.hpp), "ws" (Woods-Saxon
/// mean field of this layer), "allowed" (measured Fermi + Gamow-Teller level tables; CC on 40Ar
/// and 12C; "allowed:bhattacharya-cheoun" completes 40Ar above 8 MeV with QRPA strengths, see
/// AllowedResponse.hpp). Q-values of CC reactions from AME2020 masses (data/nuclides.csv and
/// data/inelastic/final_nuclei.csv).
///
/// Validity / limits: the mean-field response is a particle-hole (independent-particle) model
/// without residual interaction (no RPA) and with the ground state treated as a filled Slater
/// determinant, exact for doubly closed shells (16O, 40Ca, 208Pb) and an approximation (filling
/// of the last open j-shell, no pairing, J_i = 0 assumed in the multipole sums) for 12C, 40Ar,
/// 56Fe and the odd nucleus 127I (5/2+ ground state treated as a filled-shell core with a
/// fractionally filled last level).

#include <memory>
#include <string>

#include "lenu/core/Flavour.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/inelastic/CrpaResponse.hpp"
#include "lenu/inelastic/HartreeFockResponse.hpp"
#include "lenu/inelastic/NuclearResponse.hpp"

namespace lenu::inelastic {

/// Options for makeInelasticResponse.
struct InelasticModelOptions {
  std::string model = "hf";  ///< "hf", "hf:<force>", "ws", "allowed", "allowed:<table>"
  int maxJ = 6;              ///< highest multipole for mean-field models
  VectorLongitudinal longitudinal = VectorLongitudinal::CVC;
  NucleonCouplingsConfig couplings{};
  /// Continuum-RPA options for "crpa" / "crpa:<force>" (maxJ, longitudinal, couplings and the
  /// Q-value are taken from the fields above / the mass tables).
  CrpaConfig crpa{};
};

/// Response mode for a channel and flavour (CC: nu -> ChargedCurrentNu, nubar -> ...NuBar).
ResponseMode responseMode(bool chargedCurrent, Flavour flavour);

/// Q-value M_nuc(final) - M_nuc(target) [MeV] of a CC reaction. Throws Error(UnknownNuclide) if the
/// final nucleus is in neither mass table.
double chargedCurrentQValue(const Nuclide& target, ResponseMode mode, const NuclideTable& table);

/// Builds the response of `target` (e.g. "Ar40") for `mode`. Throws Error(UnknownNuclide) for an
/// unknown target, Error(UnknownModel) for an unknown model name, Error(NotSupported) when the
/// model has no data for the target (allowed tables) or the channel.
std::shared_ptr<const NuclearResponse> makeInelasticResponse(const std::string& target, ResponseMode mode,
                                                             const InelasticModelOptions& options,
                                                             const NuclideTable& table);

} // namespace lenu::inelastic
