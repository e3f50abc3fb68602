#pragma once
/// @file FormFactor.hpp
/// Interfaces of the form-factor layer: a normalised form factor F(q), a spherical density
/// rho(r), and a model that gives the proton and neutron form factors of any nuclide.
/// Callers hold these through the interfaces; new models (Hartree-Fock, RPA, ...) plug in by
/// implementing them.

#include <memory>
#include <string>

#include "lenu/core/Nuclide.hpp"

namespace lenu {

/// A form factor normalised to F(0) = 1, of momentum transfer q [fm^-1].
class FormFactor {
public:
  virtual ~FormFactor() = default;
  /// F(q); q [fm^-1], q >= 0. Dimensionless.
  virtual double operator()(double q) const = 0;
  /// One line naming the model and its parameters with units.
  virtual std::string description() const = 0;
};

/// A spherically symmetric density rho(r) [fm^-3] (point nucleons, charge or weak charge).
class RadialDensity {
public:
  virtual ~RadialDensity() = default;
  /// rho(r) [fm^-3]; r [fm] >= 0.
  virtual double operator()(double r) const = 0;
  /// Radius [fm] beyond which rho is negligible (integrals stop there).
  virtual double rMax() const = 0;
  /// One line naming the model and its parameters with units.
  virtual std::string description() const = 0;
};

/// Proton and neutron form factors of one nuclide from one model.
struct NucleonFormFactors {
  std::shared_ptr<const FormFactor> proton;  ///< F_p(q), normalised to 1
  std::shared_ptr<const FormFactor> neutron; ///< F_n(q), normalised to 1
};

/// A form-factor model: a recipe that gives any supported nuclide its F_p and F_n.
class FormFactorModel {
public:
  virtual ~FormFactorModel() = default;
  /// F_p and F_n of a nuclide. Throws Error(NotSupported) for nuclides the model cannot treat.
  virtual NucleonFormFactors forNuclide(const Nuclide& nuclide) const = 0;
  /// Model name as accepted on the command line (e.g. "helm", "hf:SLy4").
  virtual std::string name() const = 0;
};

} // namespace lenu
