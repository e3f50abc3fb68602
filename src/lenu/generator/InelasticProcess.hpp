#pragma once
/// @file InelasticProcess.hpp
/// Inelastic CC / NC events from any NuclearResponse (allowed, HF, WS, CRPA, ...) through the
/// inelastic layer's cross sections. Tables built once per process (then const, thread-safe) on
/// energy nodes E_j from threshold to eMax (plus exact nodes at the source's line energies):
///  - each discrete line's sigma_i(E_j) and its dsigma_i/dcos(theta) on a cos grid (exact
///    inverse CDF of the piecewise-linear density);
///  - the continuum's d^2 sigma / (d omega d cos) on a grid of x = (omega - omega_c) /
///    (E - m_l - omega_c) and cos(theta): marginal in x, conditional in cos.
/// At an energy E between nodes the process (line i or continuum) is chosen with the linearly
/// interpolated sigma_i(E); the kinematic distribution is taken from node j or j+1 with
/// probabilities (1 - t, t) (stochastic interpolation, exact at nodes).
/// Kinematics: for a line of excitation E_x the final nucleus has mass W = M_f + E_x and the lepton
/// momentum solves the exact 2 -> 2 energy balance at the sampled angle; for the continuum the
/// final nucleus takes P = k + P_A - l, so energy and momentum are conserved exactly and
/// E_x = sqrt(P^2) - M_f. Masses: AME2020 (Nuclide.hpp, data/inelastic/final_nuclei.csv).

#include <memory>

#include "lenu/core/Nuclide.hpp"
#include "lenu/generator/InteractionProcess.hpp"
#include "lenu/generator/TabulatedSampler.hpp"
#include "lenu/inelastic/InelasticCrossSection.hpp"

namespace lenu::generator {

class Deexcitation;

class InelasticProcess final : public InteractionProcess {
public:
  struct Config {
    double eMax = 60.0;             ///< highest neutrino energy of the tables [MeV]
    std::size_t energyNodes = 48;   ///< uniform nodes from threshold to eMax
    std::vector<double> extraNodes; ///< exact nodes (source line energies) [MeV]
    std::size_t cosNodes = 33;      ///< nodes in cos(theta) on [-1, 1]
    std::size_t omegaNodes = 40;    ///< nodes in x for the continuum
    inelastic::InelasticCrossSectionConfig xsec{};
  };
  /// `targetMass`, `finalMass`: nuclear ground-state masses [MeV]. `deexcitation` may be null
  /// (the excited nucleus is then written as a final-state particle).
  InelasticProcess(std::shared_ptr<const inelastic::NuclearResponse> response, Flavour flavour, double targetMass,
                   double finalMass, Config cfg, std::shared_ptr<const Deexcitation> deexcitation = nullptr);
  ~InelasticProcess() override;

  Flavour flavour() const override { return m_flavour; }
  int targetZ() const override { return m_Z; }
  int targetA() const override { return m_A; }
  double sigma(double energy) const override;
  double thresholdEnergy() const override { return m_threshold; }
  void generate(double energy, Engine& engine, Event& event) const override;
  std::string description() const override;
  std::vector<double> energyNodes() const override { return m_nodes; }

  /// Interpolated sigma of line i and of the continuum at E [MeV] (fm^2).
  double lineSigma(std::size_t i, double energy) const;
  double continuumSigma(double energy) const;
  std::size_t lineCount() const { return m_lineExcitation.size(); }
  double lineExcitation(std::size_t i) const { return m_lineExcitation[i]; }
  const inelastic::InelasticCrossSection& crossSection() const { return *m_xs; }
  bool chargedCurrent() const { return m_cc; }
  int finalZ() const { return m_finalZ; }

private:
  struct Node {
    std::vector<double> lineSigma;           // per line [fm^2]
    double continuumSigma = 0.0;             // [fm^2]
    std::vector<TabulatedSampler> lineCos;   // per line (empty sampler if closed)
    TabulatedSampler contX;                  // marginal in x
    std::vector<TabulatedSampler> contCos;   // conditional in cos per x node
  };
  void buildNode(double energy, Node& node) const;
  double interp(double energy, const std::function<double(const Node&)>& get) const;
  /// Lepton momentum [MeV] of a 2 -> 2 reaction at angle cos (< 0 if closed).
  double twoBodyMomentum(double energy, double cosTheta, double finalMass) const;
  void finish(double energy, const FourMomentum& lepton, double excitation, int processId, Engine& engine,
              Event& ev) const;

  std::shared_ptr<const inelastic::NuclearResponse> m_response;
  std::unique_ptr<inelastic::InelasticCrossSection> m_xs;
  std::vector<std::unique_ptr<inelastic::InelasticCrossSection>> m_lineXs;
  Flavour m_flavour;
  Config m_cfg;
  std::shared_ptr<const Deexcitation> m_deex;
  bool m_cc = false;
  int m_Z = 0, m_A = 0, m_finalZ = 0;
  double m_Mi = 0.0, m_Mf = 0.0, m_ml = 0.0, m_threshold = 0.0, m_omegaC = 0.0;
  std::vector<double> m_lineExcitation, m_lineThreshold;
  std::vector<double> m_cosGrid, m_xGrid;
  std::vector<double> m_nodes;
  std::vector<Node> m_table;
};

} // namespace lenu::generator
