#pragma once
/// @file TargetMaterial.hpp
/// A detector's target: nuclides with the number of atoms of each per formula unit (natural
/// isotopic abundances folded in), e.g. CsI -> {Cs133: 1, I127: 1}; Xe -> nine isotopes.

#include <string>
#include <vector>

#include "lenu/core/Nuclide.hpp"

namespace lenu {

struct TargetComponent {
  Nuclide nuclide;
  double atomsPerFormulaUnit = 0.0; ///< stoichiometry x isotopic abundance
};

class TargetMaterial {
public:
  /// From a chemical formula with natural isotopic composition: "CsI", "NaI", "C3F8", "Ar", "Ge",
  /// "Xe", "H2O". Elements are a capital letter plus optional lower-case letter, each followed by
  /// an optional count. Throws Error(InvalidArgument/UnknownNuclide) naming the bad token.
  static TargetMaterial fromFormula(std::string_view formula, const NuclideTable& table);
  /// A single isotope (enriched target), e.g. "Ar40".
  static TargetMaterial singleIsotope(std::string_view nuclide, const NuclideTable& table);

  const std::vector<TargetComponent>& components() const { return m_components; }
  /// Mass of one formula unit [u].
  double formulaMassU() const;
  /// Number of nuclei of component i in a target of mass `massKg` [kg].
  double nucleiOf(std::size_t i, double massKg) const;
  const std::string& name() const { return m_name; }

private:
  std::string m_name;
  std::vector<TargetComponent> m_components;
};

} // namespace lenu
