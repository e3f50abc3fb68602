#include "lenu/core/Flavour.hpp"

#include <fmt/format.h>

#include "lenu/core/Error.hpp"

namespace lenu {

std::string_view toString(Flavour f) {
  switch (f) {
  case Flavour::NuE: return "nue";
  case Flavour::NuMu: return "numu";
  case Flavour::NuTau: return "nutau";
  case Flavour::NuEBar: return "nuebar";
  case Flavour::NuMuBar: return "numubar";
  case Flavour::NuTauBar: return "nutaubar";
  }
  return "?";
}

Flavour parseFlavour(std::string_view name) {
  for (Flavour f : kAllFlavours) {
    if (toString(f) == name) {
      return f;
    }
  }
  throw Error(ErrorCode::InvalidArgument,
              fmt::format("unknown neutrino flavour '{}': accepted are nue, numu, nutau, nuebar, numubar, nutaubar",
                          name));
}

bool isAntineutrino(Flavour f) {
  return f == Flavour::NuEBar || f == Flavour::NuMuBar || f == Flavour::NuTauBar;
}

} // namespace lenu
