#include "lenu/source/NeutrinoSource.hpp"

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"

namespace lenu {

double NeutrinoSource::fluence(Flavour f, double distance) const {
  requirePositive(distance, "source-detector distance", "fm");
  return totalNeutrinos(f) / (4.0 * constants::kPi * distance * distance);
}

} // namespace lenu
