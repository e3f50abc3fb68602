#pragma once
/// @file InelasticCrossSection.hpp
/// Inelastic CC / NC neutrino-nucleus cross sections from any NuclearResponse: the double
/// differential cross section (LeptonKinematics.hpp for the formula), dsigma/domega,
/// dsigma/dcos(theta), sigma(E_nu) with its breakdown by multipole J^pi, and flux averages.
/// Prefactor: G_F^2 |V_ud|^2 / pi for CC (with the Coulomb correction of the outgoing lepton),
/// G_F^2 / pi for NC. Units: MeV, cross sections in fm^2 (lenu native; divide by units::cm2).

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "lenu/core/Flavour.hpp"
#include "lenu/inelastic/CoulombCorrection.hpp"
#include "lenu/inelastic/LeptonKinematics.hpp"
#include "lenu/inelastic/NuclearResponse.hpp"
#include "lenu/source/EnergySpectrum.hpp"

namespace lenu::inelastic {

/// Integration and physics options.
struct InelasticCrossSectionConfig {
  CoulombMode coulomb = CoulombMode::Auto; ///< CC lepton Coulomb distortion (NC: none)
  int cosNodes = 16;                       ///< Gauss-Legendre nodes in cos(theta)
  double omegaPanel = 2.0;                 ///< width of omega panels [MeV]
  int nodesPerPanel = 4;                   ///< Gauss-Legendre nodes per omega panel
  /// Narrow the omega panels to the response's narrowest structure (see omegaPanel()); false:
  /// omegaPanel as given (regression tests of the evaluation order on a fixed mesh).
  bool resolveResponseWidth = true;
  /// sigma(E_nu): the continuum integral over omega on a contour in the upper half plane, for
  /// responses with an analytic continuation (NuclearResponse::hasAnalyticContinuation; others
  /// keep the real axis). Per omega interval (edges: threshold, Coulomb switches, kinematic end
  /// E_nu - m_l) a leg from the real axis up to height contourHeight, the line across at that height
  /// (Gauss-Legendre panels of width 2 contourHeight with contourLineNodes nodes) and a leg down;
  /// the legs on contourLegPanels geometric panels (ratio 3, the lowest with y = y1 t^2) of
  /// contourLegNodes nodes, shared by the two intervals at a switch. The result is the limit of
  /// vanishing smearing (the CRPA's eta -> 0: discrete states as delta functions), where the
  /// real-axis rule integrates the response smeared with eta (40Ar CC CRPA, 30 MeV: +3.0% from
  /// eta = 0.5 MeV; see docs/physics.md, "Omega contour"). Flux averages then integrate this
  /// sigma(E) over E (Gauss-Legendre in t, E = E_thr + (E_max - E_thr) t^2, fluxEnergyNodes nodes:
  /// 40Ar CC DAR nu_e 16 against 24 nodes 5e-6). Not used by dsigma/domega or dsigma/dcos (they show
  /// the response smeared with eta), and the figures and regression references are on the real axis,
  /// hence off by default.
  bool omegaContour = false;
  /// Height of the contour's line [MeV], [0.1, 10].
  double contourHeight = 2.5;
  /// Gauss-Legendre nodes per line panel (width 2 contourHeight), 1..20.
  int contourLineNodes = 5;
  /// Panels of each leg (geometric, ratio 3 towards the real axis), 1..8.
  int contourLegPanels = 2;
  /// Gauss-Legendre nodes per leg panel, 1..20.
  int contourLegNodes = 4;
  /// sigma(E_nu): sum the multipole series in passes and stop once it has converged. The first
  /// pass takes J <= kMultipoleFirstPass; the multipoles above are skipped when the last two,
  /// s_{J-1} and s_J (both parities), fall off with ratio r = s_J / s_{J-1} <= 0.25, the last
  /// carries at most 1% of sigma and the geometric estimate of the rest, s_J r / (1 - r), is at
  /// most multipoleTolerance x sigma; else the second pass adds J > kMultipoleFirstPass. The
  /// fall-off ratio of a multipole series at momentum transfer q and radius R decreases with J
  /// (~ (q R)^2 / ((2J + 3)(2J + 1)) for J > q R), so the geometric estimate bounds the rest from
  /// above. Measured errors in docs/physics.md ("Multipole passes"). 0 = every multipole up to the
  /// response's maxMultipole(). dsigma/domega, dsigma/dcos and flux averages take every multipole.
  /// Range [0, 1e-2].
  double multipoleTolerance = 1e-4;
  /// |V_ud| = 0.97373(31): PDG 2024, CKM quark-mixing review (superallowed beta decays).
  double vud = 0.97373;
  int fluxEnergyNodes = 16;                ///< energy nodes per omega node in flux averages (omegaContour: of the sigma(E) rule)
  int fluxQNodes = 48;                     ///< q-table size per omega node in flux averages (logarithmic over the kinematic q range)
  /// Largest neutrino energy served [MeV] (Error(NotSupported) above): a cost limit (omega panels
  /// and multipoles grow with E), far above the physics validity range (InelasticValidity.hpp).
  double maxEnergy = 1000.0;
};

/// Total cross section and its parts at one neutrino energy.
struct InelasticSigma {
  double energy = 0.0;    ///< E_nu [MeV]
  double total = 0.0;     ///< sigma [fm^2]
  double lines = 0.0;     ///< from discrete final states [fm^2]
  double continuum = 0.0; ///< from the continuum [fm^2]
  std::map<std::string, double> byMultipole; ///< "1+" -> sigma [fm^2]
  /// Part from the highest multipole computed, J = highestJ (both parities) [fm^2]: the
  /// truncation indicator of the multipole series (MultipoleConvergence.hpp).
  double highestMultipole = 0.0;
  /// Highest multipole J computed: response().maxMultipole(), or kMultipoleFirstPass when the
  /// series had converged there (InelasticCrossSectionConfig::multipoleTolerance).
  int highestJ = 0;
  /// The geometric estimate of the skipped multipoles J > highestJ [fm^2] (0 if none skipped).
  double skippedMultipolesEstimate = 0.0;
};

/// A flux-averaged cross section and the part of it from the highest multipole.
struct InelasticFluxAverage {
  double total = 0.0;            ///< <sigma> [fm^2]
  double highestMultipole = 0.0; ///< part from J = response().maxMultipole() [fm^2]
};

class InelasticCrossSection {
public:
  /// Throws Error(InvalidArgument) if the flavour does not match the response (CC nu with a
  /// CC-nubar response, ...) or the config is out of range.
  InelasticCrossSection(std::shared_ptr<const NuclearResponse> response, Flavour flavour,
                        InelasticCrossSectionConfig cfg = {});

  /// Mass of the outgoing lepton [MeV] (0 for NC).
  double leptonMass() const { return m_ml; }
  /// Lowest neutrino energy with a non-zero cross section [MeV].
  double thresholdEnergy() const;
  /// Width [MeV] of the omega panels of the continuum quadrature: cfg.omegaPanel, narrowed to
  /// kPanelsPerResolution x the response's continuumResolution() where that is set (Lorentzians
  /// of FWHM F on Gauss-Legendre panels of width F with 4 nodes: 40Ar CRPA sigma within ~1e-4 of
  /// 8 nodes per panel, against up to 0.6% on the 2 MeV panels with eta = 0.5 MeV).
  double omegaPanel() const;
  static constexpr double kPanelsPerResolution = 1.0;
  /// Extra panels of the omega contour's legs at Coulomb switches (InelasticCrossSectionConfig::omegaContour).
  static constexpr int kSwitchLegExtraPanels = 2;
  /// Highest multipole J of the first pass of sigma(E_nu) (InelasticCrossSectionConfig::multipoleTolerance).
  static constexpr int kMultipoleFirstPass = 3;
  /// Lepton energies [MeV] at which the Auto Coulomb correction switches (Fermi <-> MEMA); the
  /// omega panels (and the energy rule of flux averages) are split there.
  const std::vector<double>& coulombSwitchEnergies() const { return m_coulombSwitch; }
  /// sigma(E_nu); zero (all parts) below threshold. E_nu [MeV] > 0.
  InelasticSigma sigma(double Enu) const;
  /// Continuum d^2 sigma / (d omega d Omega) [fm^2 / MeV / sr].
  double doubleDifferential(double Enu, double omega, double cosTheta) const;
  /// dsigma/dcos(theta) [fm^2] at the given cosines (lines + continuum).
  std::vector<double> dSigmaDCos(double Enu, const std::vector<double>& cosTheta) const;
  /// Continuum dsigma/domega [fm^2/MeV] at the given omegas, and each line's integrated
  /// cross section [fm^2] (same order as response().lines()).
  std::vector<double> dSigmaDOmega(double Enu, const std::vector<double>& omega) const;
  std::vector<double> lineSigmas(double Enu) const;
  /// Flux-averaged cross section <sigma> = \int f(E) sigma(E) dE / \int f [fm^2] for a normalised
  /// spectrum (lines of the spectrum evaluated directly).
  double fluxAveraged(const EnergySpectrum& spectrum) const;
  /// The same with the part of the highest multipole J = response().maxMultipole().
  InelasticFluxAverage fluxAveragedDetailed(const EnergySpectrum& spectrum) const;

  const NuclearResponse& response() const { return *m_response; }
  Flavour flavour() const { return m_flavour; }
  bool chargedCurrent() const { return m_cc; }

private:
  /// Prefactor G^2 V^2/pi * k E F (hbar c)^2 and the q-momentum to use [MeV]; false if closed.
  bool vertexFactor(double Enu, double omega, double& pref, double& kForQ, double& El) const;
  double contract(const KinematicFactors& f, const ResponseFunctions& W) const;
  /// Throws unless 0 < Enu <= maxEnergy (finite).
  void checkEnergy(double Enu) const;
  std::shared_ptr<const NuclearResponse> m_response;
  Flavour m_flavour;
  InelasticCrossSectionConfig m_cfg;
  bool m_cc = false;
  double m_ml = 0.0;
  double m_helicity = -1.0;
  int m_finalZ = 0;
  int m_leptonCharge = -1;
  /// Lepton energies [MeV] where CoulombMode::Auto switches between the Fermi function and MEMA
  /// (the effective momentum, hence q, jumps there): the quadratures split at them.
  std::vector<double> m_coulombSwitch;
  void findCoulombSwitches();
  std::vector<double> omegaCuts(double Enu) const;
  /// Continuum part of sigma on the omega contour (omegaContour), adding to byMultipole.
  double contourContinuum(double Enu, InelasticSigma& out, MultipoleRange range, std::vector<double>& byJ) const;
};

} // namespace lenu::inelastic
