#include "lenu/source/EnergySpectrum.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Integrate.hpp"

namespace lenu {

EnergySpectrum EnergySpectrum::line(double energy) {
  requirePositive(energy, "line energy", "MeV");
  EnergySpectrum s;
  s.m_lines.push_back({energy, 1.0});
  return s;
}

EnergySpectrum EnergySpectrum::continuous(std::shared_ptr<const ContinuousSpectrum> c) {
  EnergySpectrum s;
  s.setContinuous(std::move(c), 1.0);
  return s;
}

void EnergySpectrum::setContinuous(std::shared_ptr<const ContinuousSpectrum> c, double weight) {
  requireNonNegative(weight, "continuous-spectrum weight", "");
  m_cont = std::move(c);
  m_contWeight = m_cont ? weight : 0.0;
}

double EnergySpectrum::totalWeight() const {
  double w = m_contWeight;
  for (const auto& l : m_lines) {
    w += l.weight;
  }
  return w;
}

double EnergySpectrum::average(const std::function<double(double)>& g, double relTol) const {
  double s = 0.0;
  for (const auto& l : m_lines) {
    s += l.weight * g(l.energy);
  }
  if (m_cont && m_contWeight > 0.0) {
    QuadratureConfig cfg;
    cfg.relTol = relTol;
    cfg.absTol = 0.0;
    s += m_contWeight *
         integrate([&](double e) { return m_cont->pdf(e) * g(e); }, m_cont->eMin(), m_cont->eMax(), cfg);
  }
  return s;
}

double EnergySpectrum::meanEnergy() const {
  return average([](double e) { return e; });
}

double EnergySpectrum::maxEnergy() const {
  double m = 0.0;
  for (const auto& l : m_lines) {
    m = std::max(m, l.energy);
  }
  if (m_cont && m_contWeight > 0.0) {
    m = std::max(m, m_cont->eMax());
  }
  return m;
}

double MichelNuE::eMax() const { return 0.5 * constants::kMassMuon; }

double MichelNuE::pdf(double energy) const {
  if (energy < 0.0 || energy > eMax()) {
    return 0.0;
  }
  const double x = energy / constants::kMassMuon;
  return 192.0 / constants::kMassMuon * x * x * (0.5 - x);
}

double MichelNuMuBar::eMax() const { return 0.5 * constants::kMassMuon; }

double MichelNuMuBar::pdf(double energy) const {
  if (energy < 0.0 || energy > eMax()) {
    return 0.0;
  }
  const double x = energy / constants::kMassMuon;
  return 64.0 / constants::kMassMuon * x * x * (0.75 - x);
}

TabulatedSpectrum::TabulatedSpectrum(std::vector<double> energies, std::vector<double> values,
                                     std::string description)
    : m_e(std::move(energies)), m_f(std::move(values)), m_description(std::move(description)) {
  if (m_e.size() != m_f.size() || m_e.size() < 2) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("tabulated spectrum '{}' needs >= 2 points with matching columns", m_description));
  }
  double norm = 0.0;
  for (std::size_t i = 0; i < m_e.size(); ++i) {
    requireNonNegative(m_e[i], "tabulated-spectrum energy", "MeV");
    requireNonNegative(m_f[i], "tabulated-spectrum value", "");
    if (i > 0) {
      if (!(m_e[i] > m_e[i - 1])) {
        throw Error(ErrorCode::InvalidArgument,
                    fmt::format("tabulated spectrum '{}': energies must increase (row {}: {} MeV)", m_description,
                                i + 1, m_e[i]));
      }
      norm += 0.5 * (m_f[i] + m_f[i - 1]) * (m_e[i] - m_e[i - 1]);
    }
  }
  requirePositive(norm, "integral of tabulated spectrum", "");
  for (auto& f : m_f) {
    f /= norm;
  }
}

double TabulatedSpectrum::pdf(double energy) const {
  if (energy < m_e.front() || energy > m_e.back()) {
    return 0.0;
  }
  const auto it = std::upper_bound(m_e.begin(), m_e.end(), energy);
  if (it == m_e.end()) {
    return m_f.back();
  }
  const auto i = static_cast<std::size_t>(it - m_e.begin());
  const double t = (energy - m_e[i - 1]) / (m_e[i] - m_e[i - 1]);
  return (1.0 - t) * m_f[i - 1] + t * m_f[i];
}

} // namespace lenu
