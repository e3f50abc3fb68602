#pragma once
/// @file EnergySpectrum.hpp
/// A normalised neutrino energy distribution: monochromatic lines plus a continuous part.
/// Sum of line weights + continuous weight = 1. Energies in MeV, densities in 1/MeV.

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace lenu {

/// Continuous distribution f(E) [1/MeV] on [eMin, eMax], normalised to 1.
class ContinuousSpectrum {
public:
  virtual ~ContinuousSpectrum() = default;
  /// f(E) [1/MeV]; 0 outside [eMin, eMax].
  virtual double pdf(double energy) const = 0;
  virtual double eMin() const = 0; ///< [MeV]
  virtual double eMax() const = 0; ///< [MeV]
  virtual std::string description() const = 0;
};

/// A monochromatic line: energy [MeV] and weight (fraction of the flavour's neutrinos).
struct SpectralLine {
  double energy = 0.0;
  double weight = 1.0;
};

/// Lines plus at most one continuous component.
class EnergySpectrum {
public:
  EnergySpectrum() = default;
  /// A single line of unit weight.
  static EnergySpectrum line(double energy);
  /// A continuous spectrum of unit weight.
  static EnergySpectrum continuous(std::shared_ptr<const ContinuousSpectrum> c);

  const std::vector<SpectralLine>& lines() const { return m_lines; }
  const ContinuousSpectrum* continuousPart() const { return m_cont.get(); }
  double continuousWeight() const { return m_contWeight; }
  /// Total weight (1 for a normalised spectrum).
  double totalWeight() const;
  /// \int f(E) g(E) dE: lines summed, continuous part by adaptive quadrature with `relTol`.
  double average(const std::function<double(double)>& g, double relTol = 1e-9) const;
  /// Mean energy [MeV].
  double meanEnergy() const;
  /// Largest energy present [MeV].
  double maxEnergy() const;
  /// Add a line / set the continuous part (weights are not renormalised).
  void addLine(SpectralLine l) { m_lines.push_back(l); }
  void setContinuous(std::shared_ptr<const ContinuousSpectrum> c, double weight);

private:
  std::vector<SpectralLine> m_lines;
  std::shared_ptr<const ContinuousSpectrum> m_cont;
  double m_contWeight = 0.0;
};

/// Michel spectrum of nu_e from mu+ decay at rest (V-A, m_e and radiative corrections neglected;
/// L. Michel, Proc. Phys. Soc. A 63 (1950) 514):
///   f(E) = (192 / m_mu) x^2 (1/2 - x), x = E/m_mu, 0 <= E <= m_mu/2. Mean energy 0.3 m_mu.
class MichelNuE final : public ContinuousSpectrum {
public:
  double pdf(double energy) const override;
  double eMin() const override { return 0.0; }
  double eMax() const override;
  std::string description() const override { return "Michel nu_e spectrum (mu+ decay at rest)"; }
};

/// Michel spectrum of anti-nu_mu from mu+ decay at rest (same approximations):
///   f(E) = (64 / m_mu) x^2 (3/4 - x), x = E/m_mu, 0 <= E <= m_mu/2. Mean energy 0.35 m_mu.
class MichelNuMuBar final : public ContinuousSpectrum {
public:
  double pdf(double energy) const override;
  double eMin() const override { return 0.0; }
  double eMax() const override;
  std::string description() const override { return "Michel anti-nu_mu spectrum (mu+ decay at rest)"; }
};

/// A tabulated spectrum (linear interpolation), renormalised to 1 on construction.
class TabulatedSpectrum final : public ContinuousSpectrum {
public:
  /// energies [MeV] strictly increasing, values >= 0 (any normalisation).
  TabulatedSpectrum(std::vector<double> energies, std::vector<double> values, std::string description);
  double pdf(double energy) const override;
  double eMin() const override { return m_e.front(); }
  double eMax() const override { return m_e.back(); }
  std::string description() const override { return m_description; }

private:
  std::vector<double> m_e, m_f;
  std::string m_description;
};

} // namespace lenu
