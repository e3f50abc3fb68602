#include "lenu/source/FluenceTableSource.hpp"

#include "lenu/core/Error.hpp"

namespace lenu {

std::vector<Flavour> FluenceTableSource::flavours() const {
  std::vector<Flavour> out;
  for (const auto& [f, s] : m_spectra) {
    out.push_back(f);
  }
  return out;
}

double FluenceTableSource::totalNeutrinos(Flavour f) const {
  const auto it = m_totals.find(f);
  return it == m_totals.end() ? 0.0 : it->second;
}

EnergySpectrum FluenceTableSource::spectrum(Flavour f, TimeWindow) const {
  const auto it = m_spectra.find(f);
  if (it == m_spectra.end()) {
    throw Error(ErrorCode::InvalidArgument, missingFlavourMessage(f));
  }
  return EnergySpectrum::continuous(it->second);
}

double FluenceTableSource::timeFraction(Flavour f, TimeWindow w) const {
  return (m_totals.count(f) != 0U && w.begin <= 0.0 && w.end > 0.0) ? 1.0 : 0.0;
}

double FluenceTableSource::timePdf(Flavour, double) const { return 0.0; }

void FluenceTableSource::setFlavour(Flavour f, double total, std::shared_ptr<const ContinuousSpectrum> shape) {
  m_totals[f] = total;
  m_spectra[f] = std::move(shape);
}

} // namespace lenu
