#pragma once
/// @file HartreeFockResponse.hpp
/// Mean-field (Hartree-Fock or Woods-Saxon) particle-hole responses in the multipole formalism:
/// bound hole states of the target are excited to bound particle states (discrete lines, Pauli
/// blocked by the occupation v_p^2) and to continuum states of the same mean field at positive
/// energy (outgoing-particle states with exact scattering boundary conditions, energy normalised
/// u_E = u / sqrt(pi (hbar^2/2m) k)). Without residual interaction (no RPA): the continuum-RPA
/// response is a further NuclearResponse.
///
/// Energies: omega = e_p - e_h + shift. For CC the shift is chosen so that the lowest
/// particle-hole configuration lies at the measured ground-state Q-value (nuclear mass difference
/// of final and initial nucleus), the prescription of N. Jachowicz et al., PRC 65 (2002) 025501
/// and V. Pandey et al., PRC 92 (2015) 024606 for their HF-CRPA CC calculations; for NC shift = 0.
///
/// Weak multipoles from the basic operators (Donnelly & Haxton 1979, with the longitudinal
/// multipole normalised so that a conserved current has omega C = q L; m = nucleon mass):
///   vector:  C = F1 M,  L = (omega_V/q) C (CVC, default) or -(q/m) F1 (Delta'' - M/2) (impulse),
///            E = (q/m) [F1 Delta' + GM Sigma / 2],  Mag = -i (q/m) [F1 Delta - GM Sigma' / 2]
///   axial:   C5 = -i (q/m) GA (Omega + Sigma''/2) + i (omega/q) GA P Sigma'',
///            L5 = -i GA (1 - P) Sigma'',  E5 = i GA Sigma',  Mag5 = GA Sigma,
///            P = q^2 / (m_pi^2 + Q^2) (PCAC pion pole)
/// and the V - A combination. For CC, omega_V = omega - omega_IAS (energy transfer counted from
/// the model's isobaric-analog configuration, where the isospin-symmetric current is conserved);
/// for NC omega_V = omega.

#include <memory>
#include <string>
#include <vector>

#include "lenu/inelastic/MeanFieldSpectrum.hpp"
#include "lenu/inelastic/MultipoleOperators.hpp"
#include "lenu/inelastic/NuclearResponse.hpp"
#include "lenu/inelastic/NucleonCouplings.hpp"

namespace lenu::inelastic {

/// Highest multipole J the mean-field response accepts. The limit is practical, not physical:
/// continuum partial waves up to l_h + J + 1 are solved, and the radial and angular algebra
/// (spherical Bessel tables, 3j/6j/9j) is exact for any J; 16 keeps the multipole series of 208Pb
/// converged to 1e-3 at 150 MeV (J = 12 carries 9e-4 there, NC).
inline constexpr int kMaxResponseMultipole = 16;

/// How the vector longitudinal multipole is obtained.
enum class VectorLongitudinal { CVC, Impulse };

/// Configuration of the mean-field response.
struct HartreeFockResponseConfig {
  int maxJ = 8;                      ///< highest multipole J (convergence reported by callers)
  VectorLongitudinal longitudinal = VectorLongitudinal::CVC; ///< default CVC (issue 5)
  /// CC only: measured ground-state Q-value M_nuc(final) - M_nuc(initial) [MeV] (required for CC).
  double qValue = 0.0;
  NucleonCouplingsConfig couplings{}; ///< nucleon form factors
  double minWeight = 1e-6;           ///< ignore particle-hole pairs with v_h^2 (1-v_p^2) below this
  /// Continuum single-particle resonances narrower than this [MeV] are treated as discrete
  /// lines at the resonance energy: their strength is the continuum response integrated over a
  /// window E_r +- max(10 Gamma, 0.5 MeV) with the substitution E = E_r + Gamma/2 tan(theta)
  /// (exact for a Breit-Wigner shape), and the window is excluded from the continuum; no omega
  /// grid could resolve them otherwise.
  double narrowResonanceWidth = 0.5;
  /// Resonances narrower than this [MeV] are quasi-bound states: interior part normalised to 1.
  double quasiBoundWidth = 1e-4;
  /// Resonance search: particle energies up to this [MeV], step [MeV].
  double resonanceScanMax = 40.0;
  double resonanceScanStep = 0.1;
};

/// A narrow single-particle resonance of the mean field.
struct NarrowResonance {
  Isospin isospin = Isospin::Neutron;
  int l = 0;
  double j = 0.5;
  double energy = 0.0; ///< resonance energy [MeV]
  double width = 0.0;  ///< width Gamma [MeV] from the peak interior norm
  double window = 0.0; ///< half-width [MeV] of the energy window excluded from the continuum
  /// Quadrature of the window (E = E_r + Gamma/2 tan(theta), Gauss-Legendre in theta): energies
  /// [MeV], weights [MeV] and energy-normalised continuum wave functions at the nodes.
  std::vector<double> nodeEnergy, nodeWeight;
  std::vector<std::vector<double>> nodeU;
};

/// Particle-hole multipole response of a mean field.
class HartreeFockResponse final : public NuclearResponse {
public:
  /// Throws Error(InvalidArgument) for maxJ outside [0, kMaxResponseMultipole] or a CC response without qValue > -50.
  HartreeFockResponse(std::shared_ptr<const MeanFieldSpectrum> meanField, ResponseMode mode,
                      HartreeFockResponseConfig cfg);

  ResponseMode mode() const override { return m_mode; }
  int targetZ() const override { return m_mf->Z(); }
  int targetA() const override { return m_mf->A(); }
  double thresholdOmega() const override;
  const std::vector<ResponseLine>& lines() const override { return m_lines; }
  std::vector<ResponseSet> lineResponses(std::size_t index, std::span<const double> q) const override;
  double continuumThreshold() const override { return m_continuumThreshold; }
  std::vector<ResponseSet> continuumResponses(double omega, std::span<const double> q) const override;
  int maxMultipole() const override { return m_cfg.maxJ; }
  std::string description() const override;

  /// Energy shift omega - (e_p - e_h) [MeV].
  double energyShift() const { return m_shift; }
  /// omega of the model's isobaric-analog configuration (CC), 0 for NC [MeV].
  double analogOmega() const { return m_omegaIAS; }
  const MeanFieldSpectrum& meanField() const { return *m_mf; }
  const HartreeFockResponseConfig& config() const { return m_cfg; }
  /// Narrow resonances found in the particle continuum (treated as lines).
  const std::vector<NarrowResonance>& narrowResonances() const { return m_resonances; }

  /// Basic-operator reduced matrix elements <p||O_J||h> for every particle-hole pair and J at
  /// one (omega, q) (continuum particles energy normalised) -- for tests of CVC and sum rules.
  struct PairElements {
    int J = 0;
    int parity = 1;
    double weight = 0.0;       ///< v_h^2 (1 - v_p^2)
    double omegaPH = 0.0;      ///< e_p - e_h [MeV]
    std::string hole, particle;
    std::array<double, kNumSpOperators> me{}; ///< basic operators (M, Delta, ...)
  };
  /// Pairs of discrete line `index` at q [MeV].
  std::vector<PairElements> linePairs(std::size_t index, double q) const;
  /// Continuum pairs at omega [MeV], q [MeV].
  std::vector<PairElements> continuumPairs(double omega, double q) const;

private:
  struct Hole {
    const SingleParticleState* s;
    std::vector<double> bm, bp; // u' - (l+1) u/r, u' + l u/r
    std::size_t iMax;
  };
  struct PartialWave { int l; double j; };
  struct LineDef {
    std::size_t hole;
    const SingleParticleState* particle; // bound particle (null for a resonance)
    double weight;
    int resonance = -1;                  // index into m_resonances
  };
  /// j_L(q r_i) for all q of a request: [iq][L][i].
  struct BesselTable {
    int Lmax = 0;
    std::size_t n = 0;
    std::vector<double> j;
    const double* at(std::size_t iq, int L) const { return j.data() + (iq * (Lmax + 1) + L) * n; }
  };
  BesselTable besselTable(std::span<const double> q) const;
  void accumulate(const Hole& h, int lp, double jp, const std::vector<double>& up, double weight,
                  double omega, std::span<const double> q, const BesselTable& bt, std::vector<ResponseSet>& out,
                  std::vector<PairElements>* pairs, const std::string& particleLabel) const;
  std::size_t m_iMax = 0; // mesh points used in radial integrals
  // j_L(x) on a uniform x grid (linear interpolation) for fast Bessel tables.
  double m_besselDx = 0.004;
  std::size_t m_besselNx = 0;
  std::vector<double> m_besselGrid; // [L][ix]
  const AngularCoefficients& angular(int lp, double jp, int lh, double jh, int J) const;

  std::shared_ptr<const MeanFieldSpectrum> m_mf;
  ResponseMode m_mode;
  HartreeFockResponseConfig m_cfg;
  NucleonCouplings m_couplings;
  std::vector<Hole> m_holes;
  std::vector<PartialWave> m_waves;
  std::vector<ResponseLine> m_lines;
  std::vector<std::vector<LineDef>> m_lineDefs; // pairs contributing to each line
  std::vector<AngularCoefficients> m_angular;   // indexed by key
  std::vector<int> m_angularIndex;
  std::vector<NarrowResonance> m_resonances;
  void findResonances(Isospin t);
  bool inResonanceWindow(Isospin t, int l, double j, double e) const;
  int m_lMax = 0;
  double m_shift = 0.0;
  double m_omegaIAS = 0.0;
  double m_continuumThreshold = 0.0;
};

} // namespace lenu::inelastic
