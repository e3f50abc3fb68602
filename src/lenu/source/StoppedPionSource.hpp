#pragma once
/// @file StoppedPionSource.hpp
/// A pion decay-at-rest (pi-DAR) source: pi+ -> mu+ nu_mu (prompt line at
/// E = (m_pi^2 - m_mu^2)/(2 m_pi) = 29.79 MeV) followed by mu+ -> e+ nu_e anti-nu_mu (delayed
/// Michel spectra up to m_mu/2 = 52.83 MeV), one neutrino of each flavour per stopped pi+.
/// Timing: proton pulse (ProtonPulse) convolved with the pi+ (and mu+) decay laws.
/// Normalisation: r neutrinos per flavour per proton on target; POT from the integrated beam
/// energy and the proton kinetic energy (POT = E_beam / T_p) or given directly.

#include <optional>

#include "lenu/source/NeutrinoSource.hpp"
#include "lenu/source/ProtonPulse.hpp"

namespace lenu {

class StoppedPionSource final : public NeutrinoSource {
public:
  struct Config {
    double neutrinosPerFlavourPerProton = 0.08; ///< r [1/POT] (COHERENT CsI 2017: 0.08)
    std::optional<double> protonsOnTarget;      ///< POT; if absent, from beamEnergy / protonEnergy
    double beamEnergy = 0.0;                    ///< integrated beam energy [MeV] (e.g. 7.48 * units::GWh)
    double protonEnergy = 1000.0;               ///< proton kinetic energy [MeV]
    double repetitionRate = 60.0;               ///< beam pulses per second [Hz] (informative)
    ProtonPulse pulse = ProtonPulse::gaussian(400.0); ///< time structure (SNS: ~400 ns FWHM)
    std::string label = "stopped-pion source";
  };
  explicit StoppedPionSource(Config cfg);

  /// Prompt nu_mu energy (m_pi^2 - m_mu^2)/(2 m_pi) [MeV].
  static double promptEnergy();
  /// Decay chain of a flavour (Prompt for nu_mu, Delayed for nu_e and anti-nu_mu).
  static DecayChain chainOf(Flavour f);

  std::vector<Flavour> flavours() const override;
  double totalNeutrinos(Flavour f) const override;
  EnergySpectrum spectrum(Flavour f, TimeWindow w = {}) const override;
  double timeFraction(Flavour f, TimeWindow w) const override;
  double timePdf(Flavour f, double t) const override;
  TimeWindow timeRange() const override;
  std::string description() const override;

  double protonsOnTarget() const { return m_pot; }
  const Config& config() const { return m_cfg; }

private:
  Config m_cfg;
  double m_pot;
};

/// Kaon decay at rest: K+ -> mu+ nu_mu, a 235.5 MeV line, (m_K^2 - m_mu^2)/(2 m_K), timing with
/// the K+ mean life. Normalised by neutrinos per proton on target.
class KaonDecayAtRestSource final : public NeutrinoSource {
public:
  struct Config {
    double neutrinosPerProton = 0.0; ///< KDAR nu_mu per POT (must be given)
    double protonsOnTarget = 0.0;    ///< POT
    ProtonPulse pulse = ProtonPulse::gaussian(100.0);
    std::string label = "kaon decay-at-rest source";
  };
  explicit KaonDecayAtRestSource(Config cfg);
  /// Line energy (m_K^2 - m_mu^2)/(2 m_K) [MeV].
  static double lineEnergy();
  std::vector<Flavour> flavours() const override { return {Flavour::NuMu}; }
  double totalNeutrinos(Flavour f) const override;
  EnergySpectrum spectrum(Flavour f, TimeWindow w = {}) const override;
  double timeFraction(Flavour f, TimeWindow w) const override;
  double timePdf(Flavour f, double t) const override;
  TimeWindow timeRange() const override;
  std::string description() const override;

private:
  Config m_cfg;
};

} // namespace lenu
