#include "lenu/detector/TargetMaterial.hpp"

#include <cctype>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"

namespace lenu {

TargetMaterial TargetMaterial::fromFormula(std::string_view formula, const NuclideTable& table) {
  TargetMaterial t;
  t.m_name = std::string(formula);
  std::size_t i = 0;
  while (i < formula.size()) {
    if (!std::isupper(static_cast<unsigned char>(formula[i]))) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("chemical formula '{}': unexpected '{}' at position {} (write e.g. CsI, C3F8, Ar)",
                              formula, formula[i], i + 1));
    }
    std::string symbol(1, formula[i++]);
    while (i < formula.size() && std::islower(static_cast<unsigned char>(formula[i]))) {
      symbol.push_back(formula[i++]);
    }
    // atoms of this element per formula unit: no digits = 1, explicit count in [1, 10000]
    int count = 0;
    bool digits = false;
    while (i < formula.size() && std::isdigit(static_cast<unsigned char>(formula[i]))) {
      digits = true;
      if (count > 10000) {
        break;
      }
      count = 10 * count + (formula[i++] - '0');
    }
    if (!digits) {
      count = 1;
    } else if (count < 1 || count > 10000) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("chemical formula '{}': atom count of {} must be in [1, 10000]", formula, symbol));
    }
    double total = 0.0;
    for (const auto& n : table.naturalIsotopes(symbol)) {
      total += n.abundance;
    }
    for (const auto& n : table.naturalIsotopes(symbol)) {
      t.m_components.push_back({n, count * n.abundance / total});
    }
  }
  if (t.m_components.empty()) {
    throw Error(ErrorCode::InvalidArgument, "empty chemical formula");
  }
  return t;
}

TargetMaterial TargetMaterial::singleIsotope(std::string_view nuclide, const NuclideTable& table) {
  TargetMaterial t;
  const auto& n = table.get(nuclide);
  t.m_name = n.name();
  t.m_components.push_back({n, 1.0});
  return t;
}

double TargetMaterial::formulaMassU() const {
  double m = 0.0;
  for (const auto& c : m_components) {
    m += c.atomsPerFormulaUnit * c.nuclide.atomicMassU;
  }
  return m;
}

double TargetMaterial::nucleiOf(std::size_t i, double massKg) const {
  requireNonNegative(massKg, "target mass", "kg");
  // formula units = mass / (M_u * 1 g/mol / N_A) with the molar mass constant 1 g/mol (SI 2019: 1 g/mol to 4e-10).
  const double formulaUnits = massKg * 1000.0 / formulaMassU() * constants::kAvogadro;
  return formulaUnits * m_components.at(i).atomsPerFormulaUnit;
}

} // namespace lenu
