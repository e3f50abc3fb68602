#pragma once
/// @file Phenomenological.hpp
/// The form factors experiments use, each with its density so that the analytic form factor can
/// be checked against the numerical transform:
///  - Helm (Helm, Phys. Rev. 104 (1956) 1466) in the Lewin-Smith conventions (Astropart. Phys. 6
///    (1996) 87, Sec. 4.1): F = 3 j1(q R0)/(q R0) exp(-q^2 s^2 / 2), s = 0.9 fm,
///    R0^2 = c^2 + (7/3) pi^2 a^2 - 5 s^2, c = 1.23 A^(1/3) - 0.60 fm, a = 0.52 fm.
///  - Klein-Nystrand (Phys. Rev. C 60 (1999) 014903, Eq. 14): hard sphere of radius R_A folded with
///    a Yukawa of range a_k: F = 3 j1(q R_A)/(q R_A) / (1 + q^2 a_k^2), a_k = 0.7 fm,
///    R_A = 1.2 A^(1/3) fm (the COHERENT convention, e.g. Akimov et al., Science 357 (2017) 1123,
///    supplementary material).
///  - Symmetrized Fermi (Sprung & Martorell, J. Phys. A 30 (1997) 6525; analytic transform as in
///    Piekarewicz, Linero, Giuliani, Chicanowicz, PRC 94 (2016) 034316, Eq. 9):
///    rho = rho0 sinh(c/a) / (cosh(r/a) + cosh(c/a)), rho0 = 3 / (4 pi c (c^2 + pi^2 a^2)).
///  - Fourier-Bessel (Dreher et al., Nucl. Phys. A 235 (1974) 219; coefficients of de Vries,
///    de Jager, de Vries, ADNDT 36 (1987) 495): rho(r) = sum_nu a_nu j0(nu pi r / R), r <= R.
/// Densities are normalised to 1 unless a normalisation is given (e.g. Z for charge).

#include <string>
#include <vector>

#include "lenu/formfactor/FormFactor.hpp"

namespace lenu {

/// Helm form factor: uniform sphere of radius R0 folded with a Gaussian of width s.
class HelmFormFactor final : public FormFactor {
public:
  /// R0, s [fm] > 0.
  HelmFormFactor(double r0, double s);
  /// Lewin-Smith parameters for mass number A (see file doc).
  static HelmFormFactor lewinSmith(int massNumber);
  /// Parameters giving rms radius `rms` [fm] with skin thickness s [fm]:
  /// <r^2> = 3/5 R0^2 + 3 s^2. Throws if rms^2 <= 3 s^2.
  static HelmFormFactor fromRmsRadius(double rms, double s = 0.9);
  double operator()(double q) const override;
  std::string description() const override;
  double r0() const { return m_r0; }
  double s() const { return m_s; }
  /// rms radius [fm] of the Helm density.
  double rmsRadius() const;

private:
  double m_r0;
  double m_s;
};

/// The Helm density, normalised to `norm`, whose transform is HelmFormFactor(r0, s).
class HelmDensity final : public RadialDensity {
public:
  HelmDensity(double r0, double s, double norm = 1.0);
  double operator()(double r) const override;
  double rMax() const override { return m_r0 + 12.0 * m_s; }
  std::string description() const override;

private:
  double m_r0, m_s, m_norm;
};

/// Klein-Nystrand form factor: hard sphere (radius R_A) folded with a Yukawa (range a_k).
class KleinNystrandFormFactor final : public FormFactor {
public:
  /// R_A, a_k [fm] > 0.
  KleinNystrandFormFactor(double radius, double ak);
  /// COHERENT convention for mass number A: R_A = 1.2 A^(1/3) fm, a_k = 0.7 fm.
  static KleinNystrandFormFactor coherent(int massNumber);
  double operator()(double q) const override;
  std::string description() const override;
  /// rms radius [fm]: <r^2> = 3/5 R_A^2 + 6 a_k^2.
  double rmsRadius() const;
  double radius() const { return m_radius; }
  double ak() const { return m_ak; }

private:
  double m_radius;
  double m_ak;
};

/// The Klein-Nystrand density (hard sphere folded with a Yukawa), normalised to `norm`.
class KleinNystrandDensity final : public RadialDensity {
public:
  KleinNystrandDensity(double radius, double ak, double norm = 1.0);
  double operator()(double r) const override;
  double rMax() const override { return m_radius + 45.0 * m_ak; }
  std::string description() const override;

private:
  double m_radius, m_ak, m_norm;
};

/// Symmetrized Fermi density with half-density radius c and diffuseness a [fm].
class SymmetrizedFermiDensity final : public RadialDensity {
public:
  SymmetrizedFermiDensity(double c, double a, double norm = 1.0);
  double operator()(double r) const override;
  double rMax() const override { return m_c + 40.0 * m_a; }
  std::string description() const override;

private:
  double m_c, m_a, m_norm, m_rho0;
};

/// Analytic form factor of the symmetrized Fermi density.
class SymmetrizedFermiFormFactor final : public FormFactor {
public:
  SymmetrizedFermiFormFactor(double c, double a);
  double operator()(double q) const override;
  std::string description() const override;
  /// rms radius [fm]: <r^2> = 3/5 c^2 + 7/5 pi^2 a^2.
  double rmsRadius() const;
  /// Half-density radius c [fm] giving rms radius `rms` at diffuseness a (inverse of rmsRadius).
  static double halfDensityRadius(double rms, double a);
  double c() const { return m_c; }
  double a() const { return m_a; }

private:
  double m_c, m_a;
};

/// Fourier-Bessel density rho(r) = sum_{nu=1}^{n} a_nu j0(nu pi r / R) for r <= R, 0 beyond.
/// Coefficients a_nu [fm^-3] (de Vries tables give the charge density in e fm^-3).
class FourierBesselDensity final : public RadialDensity {
public:
  FourierBesselDensity(double cutoffRadius, std::vector<double> coefficients, std::string label = "");
  double operator()(double r) const override;
  double rMax() const override { return m_R; }
  std::string description() const override;
  /// Analytic integral 4 pi \int r^2 rho dr.
  double norm() const;
  double cutoffRadius() const { return m_R; }
  const std::vector<double>& coefficients() const { return m_a; }

private:
  double m_R;
  std::vector<double> m_a;
  std::string m_label;
};

/// Analytic form factor of a Fourier-Bessel density, normalised to F(0) = 1.
class FourierBesselFormFactor final : public FormFactor {
public:
  explicit FourierBesselFormFactor(FourierBesselDensity density);
  double operator()(double q) const override;
  std::string description() const override;

private:
  FourierBesselDensity m_density;
  double m_norm;
};

/// A Fourier-Bessel charge density of one nuclide from data/fourier_bessel.csv (de Vries 1987).
/// Throws Error(NotSupported) if the nuclide is not tabulated. The density is in e fm^-3.
FourierBesselDensity loadFourierBesselDensity(const Nuclide& nuclide);

} // namespace lenu
