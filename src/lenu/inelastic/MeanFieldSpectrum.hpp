#pragma once
/// @file MeanFieldSpectrum.hpp
/// What the multipole response needs from a spherical mean field: its bound single-particle
/// states (occupied and empty) and its continuum states at any positive energy, all on one
/// uniform radial mesh r_i = (i+1) h. Implemented by the local Woods-Saxon field of this layer
/// and by an adapter over the Skyrme Hartree-Fock solution of the structure layer.

#include <cstddef>
#include <string>
#include <vector>

#include "lenu/structure/SingleParticleState.hpp"

namespace lenu::inelastic {

/// A spherical mean field with its single-particle spectrum.
class MeanFieldSpectrum {
public:
  virtual ~MeanFieldSpectrum() = default;
  /// Protons and mass number of the nucleus whose mean field this is.
  virtual int Z() const = 0;
  virtual int A() const = 0;
  /// Radial mesh step h [fm] and number of points n (r_i = (i+1) h, i < n).
  virtual double meshStep() const = 0;
  virtual std::size_t meshSize() const = 0;
  /// All bound states (occupation v^2 in [0,1]; empty bound states have 0). u normalised to 1.
  virtual const std::vector<SingleParticleState>& boundStates() const = 0;
  /// Regular continuum solution at kinetic energy `energy` [MeV] > 0 in partial wave (l, j) of
  /// nucleon species `t`, on the mesh, with unit asymptotic amplitude
  /// u -> sin(kr - eta ln 2kr - l pi/2 + sigma_l + delta). Throws Error(InvalidArgument) if
  /// energy <= 0.
  virtual ContinuumState continuumState(Isospin t, int l, double j, double energy) const = 0;
  /// Reduced kinetic-energy constant hbar^2 / (2 m) [MeV fm^2] used by the field (for the
  /// energy normalisation of continuum states).
  virtual double hbar2Over2m(Isospin t) const = 0;
  /// One line naming the model and parameters.
  virtual std::string description() const = 0;
};

/// Spectroscopic label, e.g. "1d3/2", with the leading number = radial nodes + 1.
std::string orbitalLabel(int nodes, int l, double j);

} // namespace lenu::inelastic
