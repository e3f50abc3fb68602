#include "lenu/models/FormFactorFactory.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "lenu/core/Error.hpp"
#include "lenu/formfactor/Models.hpp"
#include "lenu/structure/HartreeFockFormFactors.hpp"

namespace lenu {

std::vector<std::string> formFactorModelNames() {
  return {"helm", "klein-nystrand", "symmetrized-fermi", "fourier-bessel", "unit", "hf:FORCE"};
}

std::shared_ptr<const FormFactorModel> makeFormFactorModel(std::string_view name) {
  if (name == "helm") {
    return std::make_shared<HelmModel>();
  }
  if (name == "klein-nystrand" || name == "kn") {
    return std::make_shared<KleinNystrandModel>();
  }
  if (name == "symmetrized-fermi" || name == "sf") {
    return std::make_shared<SymmetrizedFermiModel>();
  }
  if (name == "fourier-bessel" || name == "fb") {
    return std::make_shared<FourierBesselModel>();
  }
  if (name == "unit") {
    return std::make_shared<UnitModel>();
  }
  if (name.rfind("hf:", 0) == 0 && name.size() > 3) {
    return std::make_shared<HartreeFockFormFactorModel>(std::string(name.substr(3)));
  }
  throw Error(ErrorCode::UnknownModel, fmt::format("unknown form-factor model '{}': accepted are {}", name,
                                                   fmt::join(formFactorModelNames(), ", ")));
}

} // namespace lenu
