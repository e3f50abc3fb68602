#pragma once
/// @file Flavour.hpp
/// Neutrino flavours (with antineutrinos) and their command-line names.

#include <array>
#include <string>
#include <string_view>

namespace lenu {

enum class Flavour { NuE, NuMu, NuTau, NuEBar, NuMuBar, NuTauBar };

/// All six flavours in a fixed order.
inline constexpr std::array<Flavour, 6> kAllFlavours{Flavour::NuE,    Flavour::NuMu,    Flavour::NuTau,
                                                     Flavour::NuEBar, Flavour::NuMuBar, Flavour::NuTauBar};

/// Short name used in files and JSON: "nue", "numu", "nutau", "nuebar", "numubar", "nutaubar".
std::string_view toString(Flavour f);
/// Parse a short name; throws Error(InvalidArgument) listing the accepted names.
Flavour parseFlavour(std::string_view name);
/// True for antineutrinos.
bool isAntineutrino(Flavour f);

} // namespace lenu
