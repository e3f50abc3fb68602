#pragma once
/// @file Models.hpp
/// Phenomenological form-factor models as FormFactorModel: each gives any nuclide its F_p, F_n.
/// Conventions and sources are in Phenomenological.hpp.

#include <optional>

#include "lenu/formfactor/FormFactor.hpp"

namespace lenu {

/// Helm with Lewin-Smith parameters for protons; neutrons the same unless a neutron rms radius
/// [fm] is given (then R0 follows from <r^2> = 3/5 R0^2 + 3 s^2 at the same s).
class HelmModel final : public FormFactorModel {
public:
  struct Config {
    double s = 0.9;                       ///< surface thickness [fm] (Lewin-Smith)
    std::optional<double> neutronRms;     ///< neutron rms radius [fm]; default: same as protons
  };
  HelmModel() = default;
  explicit HelmModel(Config cfg);
  NucleonFormFactors forNuclide(const Nuclide& nuclide) const override;
  std::string name() const override { return "helm"; }

private:
  Config m_cfg;
};

/// Klein-Nystrand with the COHERENT convention (R_A = 1.2 A^(1/3) fm, a_k = 0.7 fm) for both.
class KleinNystrandModel final : public FormFactorModel {
public:
  NucleonFormFactors forNuclide(const Nuclide& nuclide) const override;
  std::string name() const override { return "klein-nystrand"; }
};

/// Symmetrized Fermi with the Lewin-Smith Fermi parameters c = 1.23 A^(1/3) - 0.60 fm,
/// a = 0.52 fm for both nucleon kinds (the distribution the Lewin-Smith Helm mimics).
class SymmetrizedFermiModel final : public FormFactorModel {
public:
  NucleonFormFactors forNuclide(const Nuclide& nuclide) const override;
  std::string name() const override { return "symmetrized-fermi"; }
};

/// Fourier-Bessel charge density of de Vries et al. (1987) used for the proton distribution and,
/// lacking a measured neutron density, for the neutron distribution too (F_n = F_p). Only for
/// nuclides in data/fourier_bessel.csv.
class FourierBesselModel final : public FormFactorModel {
public:
  NucleonFormFactors forNuclide(const Nuclide& nuclide) const override;
  std::string name() const override { return "fourier-bessel"; }
};

/// F = 1 for all q (the point-nucleus limit; for tests and for showing the form-factor effect).
class UnitModel final : public FormFactorModel {
public:
  NucleonFormFactors forNuclide(const Nuclide& nuclide) const override;
  std::string name() const override { return "unit"; }
};

} // namespace lenu
