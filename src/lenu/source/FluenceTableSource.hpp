#pragma once
/// @file FluenceTableSource.hpp
/// The common part of the sources given as time-integrated fluence tables without timing
/// (TabulatedSource, docs/flux-format.md; supernova::SnowglobesFluenceSource, SNOwGLoBES flux
/// files): per flavour a number of neutrinos and a continuous energy spectrum, all emitted at
/// t = 0 (a time window holds all of them if it contains 0, none otherwise).

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "lenu/source/NeutrinoSource.hpp"

namespace lenu {

class FluenceTableSource : public NeutrinoSource {
public:
  /// The flavours with a table, in Flavour order.
  std::vector<Flavour> flavours() const override;
  /// Neutrinos of flavour f over the exposure (0 for a flavour without a table).
  double totalNeutrinos(Flavour f) const override;
  /// The tabulated spectrum (the window does not matter: no timing). Throws
  /// Error(InvalidArgument) with missingFlavourMessage(f) for a flavour without a table.
  EnergySpectrum spectrum(Flavour f, TimeWindow w = {}) const override;
  /// 1 if flavour f has a table and w.begin <= 0 < w.end, else 0.
  double timeFraction(Flavour f, TimeWindow w) const override;
  /// 0: the emission is a delta function at t = 0, not a density.
  double timePdf(Flavour f, double t) const override;

protected:
  /// Set flavour f: `total` neutrinos over the exposure with the normalised spectrum `shape`.
  void setFlavour(Flavour f, double total, std::shared_ptr<const ContinuousSpectrum> shape);
  /// True if at least one flavour is set.
  bool hasFlavours() const { return !m_totals.empty(); }
  /// The message of spectrum()'s error for flavour f without a table (names the file and f).
  virtual std::string missingFlavourMessage(Flavour f) const = 0;

private:
  std::map<Flavour, std::shared_ptr<const ContinuousSpectrum>> m_spectra;
  std::map<Flavour, double> m_totals;
};

} // namespace lenu
