#include "lenu/source/StoppedPionSource.hpp"

#include <cmath>
#include <memory>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Units.hpp"

namespace lenu {

using constants::kMassMuon;
using constants::kMassPiPlus;

namespace {
[[noreturn]] void notEmitted(Flavour f, std::string_view what) {
  throw Error(ErrorCode::InvalidArgument,
              fmt::format("{} does not emit {} (it emits the flavours listed by `lenu flux`)", what, toString(f)));
}
} // namespace

StoppedPionSource::StoppedPionSource(Config cfg) : m_cfg(std::move(cfg)) {
  requirePositive(m_cfg.neutrinosPerFlavourPerProton, "neutrinos per flavour per proton", "");
  if (m_cfg.protonsOnTarget) {
    requirePositive(*m_cfg.protonsOnTarget, "protons on target", "");
    m_pot = *m_cfg.protonsOnTarget;
  } else {
    requirePositive(m_cfg.beamEnergy, "integrated beam energy", "MeV");
    requirePositive(m_cfg.protonEnergy, "proton kinetic energy", "MeV");
    m_pot = m_cfg.beamEnergy / m_cfg.protonEnergy;
  }
}

double StoppedPionSource::promptEnergy() {
  return (kMassPiPlus * kMassPiPlus - kMassMuon * kMassMuon) / (2.0 * kMassPiPlus);
}

DecayChain StoppedPionSource::chainOf(Flavour f) {
  return f == Flavour::NuMu ? DecayChain::Prompt : DecayChain::Delayed;
}

std::vector<Flavour> StoppedPionSource::flavours() const {
  return {Flavour::NuMu, Flavour::NuE, Flavour::NuMuBar};
}

double StoppedPionSource::totalNeutrinos(Flavour f) const {
  if (f != Flavour::NuMu && f != Flavour::NuE && f != Flavour::NuMuBar) {
    return 0.0;
  }
  return m_cfg.neutrinosPerFlavourPerProton * m_pot;
}

EnergySpectrum StoppedPionSource::spectrum(Flavour f, TimeWindow) const {
  switch (f) {
  case Flavour::NuMu: return EnergySpectrum::line(promptEnergy());
  case Flavour::NuE: return EnergySpectrum::continuous(std::make_shared<MichelNuE>());
  case Flavour::NuMuBar: return EnergySpectrum::continuous(std::make_shared<MichelNuMuBar>());
  default: notEmitted(f, m_cfg.label);
  }
}

double StoppedPionSource::timeFraction(Flavour f, TimeWindow w) const {
  if (totalNeutrinos(f) == 0.0) {
    return 0.0;
  }
  const auto r = timeRange();
  const double a = std::max(w.begin, r.begin), b = std::min(w.end, r.end);
  if (w.end >= w.begin && !(b > a)) {
    return 0.0; // window entirely before the pulse starts or after the flux has died out
  }
  return m_cfg.pulse.emissionFraction(chainOf(f), a, b);
}

double StoppedPionSource::timePdf(Flavour f, double t) const {
  if (totalNeutrinos(f) == 0.0) {
    return 0.0;
  }
  return m_cfg.pulse.emissionPdf(chainOf(f), t);
}

TimeWindow StoppedPionSource::timeRange() const {
  // 40 muon lifetimes after the pulse: exp(-40) ~ 4e-18 of the delayed flux is left.
  return {m_cfg.pulse.tMin(), m_cfg.pulse.tMax() + 40.0 * constants::kTauMuon};
}

std::string StoppedPionSource::description() const {
  return fmt::format("{}: {:.4g} POT, {} nu/flavour/POT; prompt nu_mu line at {:.3f} MeV; delayed nu_e, "
                     "anti-nu_mu Michel spectra to {:.3f} MeV; {}",
                     m_cfg.label, m_pot, m_cfg.neutrinosPerFlavourPerProton, promptEnergy(), 0.5 * kMassMuon,
                     m_cfg.pulse.description());
}

KaonDecayAtRestSource::KaonDecayAtRestSource(Config cfg) : m_cfg(std::move(cfg)) {
  requirePositive(m_cfg.neutrinosPerProton, "KDAR nu_mu per proton", "");
  requirePositive(m_cfg.protonsOnTarget, "protons on target", "");
}

double KaonDecayAtRestSource::lineEnergy() {
  const double mk = constants::kMassKaonPlus;
  return (mk * mk - kMassMuon * kMassMuon) / (2.0 * mk);
}

double KaonDecayAtRestSource::totalNeutrinos(Flavour f) const {
  return f == Flavour::NuMu ? m_cfg.neutrinosPerProton * m_cfg.protonsOnTarget : 0.0;
}

EnergySpectrum KaonDecayAtRestSource::spectrum(Flavour f, TimeWindow) const {
  if (f != Flavour::NuMu) {
    notEmitted(f, m_cfg.label);
  }
  return EnergySpectrum::line(lineEnergy());
}

double KaonDecayAtRestSource::timeFraction(Flavour f, TimeWindow w) const {
  if (f != Flavour::NuMu) {
    return 0.0;
  }
  const auto r = timeRange();
  const double a = std::max(w.begin, r.begin), b = std::min(w.end, r.end);
  if (w.end >= w.begin && !(b > a)) {
    return 0.0;
  }
  return m_cfg.pulse.emissionFraction(DecayChain::KaonPrompt, a, b);
}

double KaonDecayAtRestSource::timePdf(Flavour f, double t) const {
  return f == Flavour::NuMu ? m_cfg.pulse.emissionPdf(DecayChain::KaonPrompt, t) : 0.0;
}

TimeWindow KaonDecayAtRestSource::timeRange() const { return {m_cfg.pulse.tMin(), m_cfg.pulse.tMax() + 500.0}; }

std::string KaonDecayAtRestSource::description() const {
  return fmt::format("{}: nu_mu line at {:.2f} MeV, {:.4g} nu_mu total; {}", m_cfg.label, lineEnergy(),
                     totalNeutrinos(Flavour::NuMu), m_cfg.pulse.description());
}

} // namespace lenu
