#pragma once
/// @file Density.hpp
/// Tabulated densities and the numerical Fourier-Bessel transform of any density:
/// F(q) = (4 pi / N) \int_0^R r^2 j0(q r) rho(r) dr, N = 4 pi \int r^2 rho dr.

#include <memory>
#include <string>
#include <vector>

#include "lenu/core/Spline.hpp"
#include "lenu/formfactor/FormFactor.hpp"

namespace lenu {

/// A density tabulated on a radial mesh (cubic spline between points, 0 beyond the last).
class TabulatedDensity final : public RadialDensity {
public:
  /// r [fm] strictly increasing, starting at or near 0; rho [fm^-3].
  TabulatedDensity(std::vector<double> r, std::vector<double> rho, std::string description);
  double operator()(double r) const override;
  double rMax() const override { return m_spline.xMax(); }
  std::string description() const override { return m_description; }
  const std::vector<double>& r() const { return m_spline.x(); }
  const std::vector<double>& rho() const { return m_spline.y(); }

private:
  Spline m_spline;
  std::string m_description;
};

/// Radial moment 4 pi \int_0^rMax r^(2+k) rho(r) dr (k = 0: number; k = 2: N <r^2>).
/// Adaptive quadrature to relative tolerance `relTol`.
double radialMoment(const RadialDensity& rho, int k, double relTol = 1e-10);

/// rms radius [fm] of a density: sqrt(<r^2>).
double rmsRadius(const RadialDensity& rho);

/// The normalised form factor of a density by numerical Bessel transform. The transform is
/// evaluated with Gauss-Legendre quadrature on [0, rMax] (`nodes` points, default 400, exact to
/// ~1e-10 for smooth densities up to q ~ 5 fm^-1 with rMax ~ 15 fm).
class DensityFormFactor final : public FormFactor {
public:
  explicit DensityFormFactor(std::shared_ptr<const RadialDensity> rho, std::size_t nodes = 400);
  double operator()(double q) const override;
  std::string description() const override;
  /// Normalisation N = 4 pi \int r^2 rho dr.
  double norm() const { return m_norm; }
  const RadialDensity& density() const { return *m_rho; }

private:
  std::shared_ptr<const RadialDensity> m_rho;
  std::vector<double> m_r;  // quadrature nodes
  std::vector<double> m_wr; // 4 pi w r^2 rho(r) at the nodes
  double m_norm = 0.0;
};

/// Spherical Bessel function j0(x) = sin(x)/x, accurate near 0.
double sphericalJ0(double x);
/// Spherical Bessel function j1(x) = sin(x)/x^2 - cos(x)/x, accurate near 0.
double sphericalJ1(double x);

} // namespace lenu
