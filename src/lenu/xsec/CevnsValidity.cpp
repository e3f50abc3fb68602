#include "lenu/xsec/CevnsValidity.hpp"

#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"

namespace lenu {

ValidityRange cevnsEnergyValidity(int A) {
  require(A >= 1 && A <= 400, fmt::format("cevnsEnergyValidity: mass number A = {} outside [1, 400]", A));
  const double R = kCoherenceRadiusParameter * std::cbrt(static_cast<double>(A));
  const double eMax = kFirstFormFactorZero * constants::kHbarC / (2.0 * R);
  return {"CEvNS cross section (coherent elastic scattering)",
          "neutrino energy",
          "MeV",
          0.0,
          eMax,
          fmt::format("coherence: q_max = 2 E_nu below the first form-factor zero, q_max R <= 4.493 with R = 1.2 "
                      "A^(1/3) fm = {:.2f} fm (beyond it the elastic channel is no longer coherent; see docs/validity.md)",
                      R)};
}

} // namespace lenu
