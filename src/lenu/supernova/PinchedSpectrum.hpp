#pragma once
/// @file PinchedSpectrum.hpp
/// The "pinched" (alpha-fit, Gamma-distribution) neutrino energy spectrum of Keil, Raffelt and
/// Janka, ApJ 590 (2003) 971, Eq. (7)-(8) (also Tamborra et al., PRD 86 (2012) 125031, Eq. (1)):
///
///   f(E) = (alpha+1)^(alpha+1) / (<E> Gamma(alpha+1)) (E/<E>)^alpha exp(-(alpha+1) E/<E>),
///
/// normalised to 1 on [0, inf), with mean energy <E> and pinching parameter alpha (alpha = 2 is a
/// Maxwell-Boltzmann spectrum; alpha ~ 2.3 a Fermi-Dirac spectrum with zero chemical potential).
/// Its second moment obeys <E^2>/<E>^2 = (2+alpha)/(1+alpha), which fixes alpha from simulation
/// tables that publish <E> and <E^2>. Energies in MeV, densities in 1/MeV.

#include <string>

#include "lenu/source/EnergySpectrum.hpp"

namespace lenu::supernova {

/// Accepted ranges of the spectral parameters (validated by every constructor).
inline constexpr double kMinMeanEnergy = 0.1;   ///< [MeV]
inline constexpr double kMaxMeanEnergy = 100.0; ///< [MeV]
inline constexpr double kMinAlpha = -0.9;       ///< f must stay integrable and have a finite <E^2>
inline constexpr double kMaxAlpha = 20.0;

/// f(E) [1/MeV] of the pinched spectrum; 0 for E <= 0. No validation (hot path).
double pinchedPdf(double energy, double meanEnergy, double alpha);
/// log of the normalisation (alpha+1)^(alpha+1)/(<E>^(alpha+1) Gamma(alpha+1)): f = exp(logNorm + alpha ln E - (alpha+1)E/<E>).
double pinchedLogNorm(double meanEnergy, double alpha);
/// Cumulative fraction F(E) = P(alpha+1, (alpha+1) E/<E>) (regularised incomplete Gamma function).
double pinchedCdf(double energy, double meanEnergy, double alpha);
/// alpha from the first two moments: alpha = (2 <E>^2 - <E^2>) / (<E^2> - <E>^2).
/// Throws Error(InvalidArgument) unless <E>^2 < <E^2> and the result is in [kMinAlpha, kMaxAlpha].
double alphaFromMoments(double meanEnergy, double meanSquareEnergy);
/// Throws Error(InvalidArgument) naming `what` unless <E> and alpha are in their accepted ranges.
void validatePinched(double meanEnergy, double alpha, const std::string& what);

/// The pinched spectrum as a ContinuousSpectrum, cut at the energy where f has fallen by e^-60
/// relative to its scale (the truncated tail is < 1e-20 of the total).
class PinchedSpectrum final : public ContinuousSpectrum {
public:
  PinchedSpectrum(double meanEnergy, double alpha);
  double pdf(double energy) const override;
  double eMin() const override { return 0.0; }
  double eMax() const override { return m_eMax; }
  std::string description() const override;
  double meanEnergy() const { return m_mean; }
  double alpha() const { return m_alpha; }

private:
  double m_mean, m_alpha, m_logNorm, m_eMax;
};

} // namespace lenu::supernova
