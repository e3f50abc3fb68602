#pragma once
/// @file FormFactorFactory.hpp
/// The one place that turns a form-factor model name (command line, experiment file) into an
/// object. Callers hold the FormFactorModel interface and never switch on names.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lenu/formfactor/FormFactor.hpp"

namespace lenu {

/// Accepted names: "helm", "klein-nystrand" (or "kn"), "symmetrized-fermi" (or "sf"),
/// "fourier-bessel" (or "fb"), "unit", and "hf:FORCE" (Skyrme Hartree-Fock with a force from
/// data/skyrme/, e.g. "hf:SLy4"). Throws Error(UnknownModel) listing the accepted names.
std::shared_ptr<const FormFactorModel> makeFormFactorModel(std::string_view name);

/// The accepted names, for --help texts.
std::vector<std::string> formFactorModelNames();

} // namespace lenu
