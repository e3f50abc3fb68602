#include "lenu/supernova/DeexcitationCalorimetry.hpp"

#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Error.hpp"

namespace lenu::supernova {

VisibleEnergyDistribution FullCalorimetry::visibleEnergy(int Z, int A, double excitation) const {
  if (!(excitation >= 0.0) || !std::isfinite(excitation)) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("excitation energy {} MeV of Z = {}, A = {}: must be finite and >= 0", excitation, Z, A));
  }
  return {{excitation}, {1.0}};
}

std::string FullCalorimetry::description() const {
  return "full calorimetry: the whole excitation energy is visible";
}

} // namespace lenu::supernova
