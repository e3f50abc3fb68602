#include "lenu/supernova/DeexcitationCalorimetry.hpp"

#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Error.hpp"

namespace lenu::supernova {

namespace {
void checkExcitation(int Z, int A, double excitation) {
  if (!(excitation >= 0.0) || !std::isfinite(excitation)) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("excitation energy {} MeV of Z = {}, A = {}: must be finite and >= 0", excitation, Z, A));
  }
}
} // namespace

VisibleEnergyDistribution FullCalorimetry::visibleEnergy(int Z, int A, double excitation) const {
  checkExcitation(Z, A, excitation);
  return {{excitation}, {1.0}};
}

std::string FullCalorimetry::description() const {
  return "full calorimetry: the whole excitation energy is visible";
}

VisibleEnergyDistribution InvisibleDeexcitation::visibleEnergy(int Z, int A, double excitation) const {
  checkExcitation(Z, A, excitation);
  return {{0.0}, {1.0}};
}

std::string InvisibleDeexcitation::description() const {
  return "no de-excitation energy visible";
}

} // namespace lenu::supernova
