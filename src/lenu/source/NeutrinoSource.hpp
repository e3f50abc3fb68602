#pragma once
/// @file NeutrinoSource.hpp
/// The neutrino-source interface: for each flavour, how many neutrinos are emitted over an
/// exposure, with which energies and when. Energy and time need not factorise: a source answers
/// for a time window (a supernova's spectrum changes with time; a stopped-pion source's does not).
/// Energies in MeV, times in ns.

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "lenu/core/Flavour.hpp"
#include "lenu/source/EnergySpectrum.hpp"

namespace lenu {

/// A time window [begin, end) in ns. The default covers all times.
struct TimeWindow {
  double begin = -std::numeric_limits<double>::infinity();
  double end = std::numeric_limits<double>::infinity();
  bool isAll() const { return std::isinf(begin) && std::isinf(end); }
};

class NeutrinoSource {
public:
  virtual ~NeutrinoSource() = default;
  /// Flavours this source emits.
  virtual std::vector<Flavour> flavours() const = 0;
  /// Total number of neutrinos of flavour f emitted over the exposure (isotropic emission).
  virtual double totalNeutrinos(Flavour f) const = 0;
  /// Normalised energy distribution of the flavour-f neutrinos emitted inside window w.
  virtual EnergySpectrum spectrum(Flavour f, TimeWindow w = {}) const = 0;
  /// Fraction (0..1) of flavour f's neutrinos emitted inside window w.
  virtual double timeFraction(Flavour f, TimeWindow w) const = 0;
  /// Emission-time probability density [1/ns] of flavour f (per beam pulse for pulsed sources).
  virtual double timePdf(Flavour f, double t) const = 0;
  /// A time range [ns] that contains the emission of every flavour (for tables and plots).
  virtual TimeWindow timeRange() const = 0;
  /// True when the energy spectrum does not depend on the time window (energy and time
  /// factorise, as for decay-at-rest sources); rate tables then reuse one spectrum per flavour.
  virtual bool separable() const { return true; }
  /// One paragraph: what the source is, its parameters with units, and their sources.
  virtual std::string description() const = 0;

  /// Fluence [neutrinos / fm^2] of flavour f at distance `distance` [fm]: N / (4 pi L^2).
  double fluence(Flavour f, double distance) const;
};

} // namespace lenu
