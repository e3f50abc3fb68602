#include "lenu/core/Validity.hpp"

#include <fmt/format.h>

namespace lenu {

std::string ValidityRange::describe() const {
  return fmt::format("{} in [{:g}, {:g}] {}: {}", quantity, lo, hi, unit, reason);
}

std::string ValidityRange::violation(double x, const std::string& what) const {
  return fmt::format("{} = {:g} {} is outside the validity range of the {}: {}", what.empty() ? quantity : what, x,
                     unit, model, describe());
}

} // namespace lenu
