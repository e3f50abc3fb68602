#pragma once
/// @file CevnsProcess.hpp
/// CEvNS events: the recoil kinetic energy T is sampled exactly from dsigma/dT (Cevns.hpp) by
/// rejection under the envelope dsigma/dT(E, 0) (Q_bound / Q_W)^2 with Q_bound = |Q_W^n| N +
/// |Q_W^p| Z, a strict bound because the kinematic factor 1 - T/E - M T/(2E^2) decreases with T
/// and |F_p|, |F_n| <= 1 for positive densities. The recoil nucleus and the outgoing neutrino follow
/// from exact two-body kinematics with the nuclear mass of the target (AME2020, Nuclide.hpp):
/// |p_N| = sqrt(T^2 + 2 M T), cos(theta_N) = (E^2 + p_N^2 - (E - T)^2) / (2 E p_N).
/// sigma(E) is tabulated on `energyNodes` and interpolated linearly (the energy sampler samples the
/// interpolated flux x sigma; nodes include the source's lines, where it is exact).

#include <memory>

#include "lenu/generator/InteractionProcess.hpp"
#include "lenu/xsec/Cevns.hpp"

namespace lenu::generator {

class CevnsProcess final : public InteractionProcess {
public:
  struct Config {
    double eMax = 60.0;               ///< highest neutrino energy of the table [MeV]
    std::size_t energyNodes = 400;    ///< uniform nodes from 0 to eMax
    std::vector<double> extraNodes;   ///< exact nodes added (source line energies) [MeV]
  };
  CevnsProcess(CevnsCrossSection xs, Flavour flavour, Config cfg);

  Flavour flavour() const override { return m_flavour; }
  int targetZ() const override { return m_xs.nuclide().Z; }
  int targetA() const override { return m_xs.nuclide().A; }
  double sigma(double energy) const override;
  double thresholdEnergy() const override { return 0.0; }
  void generate(double energy, Engine& engine, Event& event) const override;
  std::string description() const override;
  std::vector<double> energyNodes() const override { return m_nodes; }
  const CevnsCrossSection& crossSection() const { return m_xs; }
  /// Mean number of dsigma/dT evaluations per accepted recoil (measured by tests) at E [MeV].
  double envelopeRatio() const { return m_envelope; }

private:
  CevnsCrossSection m_xs;
  Flavour m_flavour;
  std::vector<double> m_nodes, m_sigma;
  double m_envelope = 1.0; // (Q_bound/Q_W)^2
};

} // namespace lenu::generator
