#pragma once
/// @file CrpaResponse.hpp
/// Continuum random-phase approximation (CRPA) on top of Skyrme Hartree-Fock: the
/// Green's-function RPA in coordinate space (S. Shlomo & G. Bertsch, Nucl. Phys. A 243 (1975) 507;
/// for neutrino CC/NC: N. Jachowicz et al., PRC 65 (2002) 025501, V. Pandey et al., PRC 92
/// (2015) 024606), a NuclearResponse (all five weak response functions per multipole J^pi) and an
/// OperatorStrength (strength functions of local operators: GT, F, IS/IV multipoles).
///
/// Free polarization per J^pi with the exact continuum Green's function G of the same HF field
/// (ContinuumGreensFunction), forward and backward:
///   Pi0(z) = sum_h v_h^2 phi_h [G(e_h + z) + G(e_h - z)] phi_h,  z = omega' + i eta,
/// G(e_h - z) = conj(G(e_h - conj z)); for charge exchange the backward term runs over the holes
/// of the other species with the other species' G (the opposite-direction channel). Summing
/// over all states of G (occupied ones too) makes the hole-hole terms cancel between the two
/// terms; with fractional (filling) occupations the pair weight becomes v_h^2 - v_h'^2.
/// RPA for the local density channels that the zero-range interaction couples, per J^pi and
/// species: scalar Y_J and spin [Y_J sigma]_J (natural parity), spin [Y_{J-1} sigma]_J and
/// [Y_{J+1} sigma]_J (unnatural); the current channels Y_JL1 . j (L = J -/+ 1 natural, L = J
/// unnatural parity) and the kinetic-density channel tau_J Y_J (natural) of the exact t1/t2
/// terms (SkyrmeResidualInteraction.hpp), on a radial mesh (step `coarseStep`, trapezoid weights):
///   Pi = Pi0 + Pi0 D Pi,  D = w_k r_k^2 v(r_k) / (2J+1)  (+ the Coulomb multipole kernel and
///   the gradient term's tridiagonal finite-difference kernel in the scalar channel, the rho-tau
///   coupling between the scalar and tau channels at the same node).
/// The current and tau vertices at node r_K are smeared with the hat function of the node (width
/// 2 coarseStep): A_K = (1/2)(w_K Y_JL1 . grad + grad . w_K Y_JL1), tau_K = grad . w_K Y_J grad,
/// w_K = b_K / (dK r^2), with the derivatives on the hole (by parts), so that only G itself is
/// needed (no derivative of G and no delta(r - r') term of d/dr d/dr' G); vertex products with
/// overlapping hat supports are exact discrete sums over the HF mesh. The time-odd current enters
/// in its anti-hermitian real form A with the coupling V of the functional (the spin channel's
/// convention); see docs/physics.md for the phases. The current and tau channels are kept on the
/// nodes with HF density >= 1e-5 fm^-3 only (their other unknowns carry no interaction and are
/// left out of the RPA system).
/// Solved per omega in the complex-symmetric form K = D (1 - Pi0 D)^-1 = D S^-1 D, S = D - D Pi0 D
/// on the active unknowns (LDL^T, ComplexSymmetricSolve; LU of 1 - Pi0 D where that fails). The
/// residual interaction is SkyrmeResidualInteraction
/// (see there what is exact and what is Landau-Migdal). External operators (the eight basic
/// multipole operators of HartreeFockResponse, including the derivative ones Delta, Omega, or a
/// local operator) enter through mixed free propagators built from their source functions
/// s_T (<p|T|h> = int u_p s_T dr; for the backward <h|T|p> the derivatives are moved onto the
/// hole by parts):
///   R(A, B) = R0(A, B) + R0(A, n) D (1 - Pi0 D)^-1 R0(n, B),   S(A, B) = -(1/pi) Im R(A, B).
///
/// Momentum transfers: the response matrices R(A, B) of the basic operators (gradient operators
/// times q, so that every source is an entire function of q: j_L(qr) and its derivative) are
/// entire in q with the exponential type 2 r_int / hbar c of the region where the transition
/// densities live. Their Chebyshev interpolant of degree n - 1 on an interval of half-width
/// Delta then errs by about 2 a^n / n!, a = r_int Delta / hbar c; a call with more q values than
/// the n that the tolerance qInterpolationTolerance needs computes n nodes and interpolates
/// (barycentric formula), the q-dependent couplings applied at each requested q.
///
/// Discrete states (RPA states below the particle threshold, narrow resonances) have no width:
/// every response is evaluated at omega + i eta with the half-width `eta` (default 0.5 MeV), so
/// they appear as Lorentzians of FWHM 2 eta in the continuum response; lines() is empty. The
/// optional spreading width Gamma (off by default) folds the response with a Lorentzian of FWHM
/// Gamma, i.e. eta -> eta + Gamma/2 (exact for a function analytic in the upper half plane).
/// Energies as HartreeFockResponse: omega = omega' + shift, for CC the shift puts the lowest
/// particle-hole configuration at the measured Q-value (Jachowicz 2002 / Pandey 2015
/// prescription); the backward (opposite-direction) configurations then sit at e_p - e_h - shift.
/// Response below the CC Q-value (NC: below `ncThreshold`) is dropped.
/// CVC longitudinal current: L_f = (E_f - omega_IAS)/q C_f state by state, with the RPA analog-state
/// position omega_IAS (peak of the Fermi strength; the free analog configuration without residual
/// interaction; 0 for NC), see analogOmega(). With the Lorentzian weights w_f = a_f L_eta(omega - E_f)
/// of the spectral matrix S = -(1/pi) Im R, the terms linear in the state energy are exact,
///   sum_f w_f (E_f - omega_IAS) = (omega - omega_IAS) S - (eta/pi) Re R,
/// and the quadratic LL term uses the single-pole form y^2/s of the vector-charge combination
/// (exact wherever one pole dominates, as the analog state and its tail; a Cauchy-Schwarz lower
/// bound otherwise). Weighting with the probe's omega - omega_IAS instead (cvcStateEnergy =
/// false) gives the analog state a non-decaying longitudinal tail (eta/pi)|C|^2, seen as a spike
/// of dsigma/dcos at forward angles (40Ar, 30 MeV, J = 0: +47% at cos = 1; test CrpaCvc).

#include <array>
#include <cstdint>
#include <complex>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "lenu/core/DiskCache.hpp"
#include "lenu/inelastic/ContinuumGreensFunction.hpp"
#include "lenu/inelastic/HartreeFockMeanField.hpp"
#include "lenu/inelastic/HartreeFockResponse.hpp"
#include "lenu/inelastic/MultipoleOperators.hpp"
#include "lenu/inelastic/NuclearResponse.hpp"
#include "lenu/inelastic/NucleonCouplings.hpp"
#include "lenu/inelastic/OperatorStrength.hpp"
#include "lenu/inelastic/SkyrmeResidualInteraction.hpp"
#include "lenu/structure/SkyrmeForce.hpp"

namespace lenu::inelastic {

/// Configuration of the CRPA response.
struct CrpaConfig {
  int maxJ = 6;                 ///< highest multipole J, 0..12
  VectorLongitudinal longitudinal = VectorLongitudinal::CVC;
  /// CVC with each pole's own excitation energy (true, exact continuation of the Lorentzian-
  /// smeared states, see "CVC longitudinal current" above) or with the probe's omega (false: the
  /// pre-v3 form, whose analog-state tail gives a spurious forward spike of dsigma/dcos).
  bool cvcStateEnergy = true;
  double qValue = 0.0;          ///< CC: measured Q-value M_nuc(final) - M_nuc(target) [MeV] (required)
  NucleonCouplingsConfig couplings{};
  double eta = 0.5;             ///< half-width of the discrete states [MeV], (0, 10]
  double spreadingWidth = 0.0;  ///< Lorentzian spreading width Gamma (FWHM) [MeV], >= 0 (0 = off)
  double coarseStep = 0.2;      ///< RPA radial mesh step [fm] (multiple of the HF step), 0.05..0.5
  double minWeight = 1e-6;      ///< ignore holes with v^2 below this
  /// The residual interaction of the local (density and spin-density) channels acts only on the RPA
  /// nodes where the HF density rho_p + rho_n is at least this [fm^-3], 0 = everywhere (the
  /// current and tau channels always stop at 1e-5 fm^-3). Beyond, the transition densities carry the
  /// decaying hole tails; the free response there is kept in full. Range [0, 1e-3].
  double localDensityCut = 1e-5;
  double ncThreshold = 1.0;     ///< NC: lowest omega of the response [MeV]
  /// Momentum-transfer interpolation (see "Momentum transfers" above): a call with more q values
  /// than needed computes the response matrices at n Chebyshev-Lobatto nodes on [q_min, q_max]
  /// and interpolates them, n the smallest with 2 a^n / n! <= this tolerance, a = r_int
  /// (q_max - q_min) / (2 hbar c), r_int the radius of the last interacting node. 0 = off (every
  /// q computed). Range [0, 1e-4].
  double qInterpolationTolerance = 1e-6;
  ResidualInteractionConfig interaction{};
  /// Disk cache of the continuum responses and of the analog-state position (DiskCache; see
  /// docs/physics.md, "CRPA response cache"): false turns it off.
  bool diskCache = true;
  /// Cache directory. Empty: DiskCache::defaultDirectory() ($LENU_CACHE_DIR, else
  /// $XDG_CACHE_HOME/lenu, else $HOME/.cache/lenu; none if LENU_NO_CACHE=1). A directory given
  /// here is used even if LENU_NO_CACHE=1 (tests use their own temporary directory).
  /// Every field of this struct, the force, the HF field and kCrpaCacheVersion enter the key:
  /// a field added here must be added to the key (CrpaResponse.cpp, cacheKeyOf).
  std::string cacheDirectory;
};

/// HF-CRPA response of a spherical nucleus.
class CrpaResponse final : public NuclearResponse, public OperatorStrength {
public:
  /// Throws Error(InvalidArgument) for configuration values out of range (message names the
  /// field and range) or a CC response without a Q-value.
  CrpaResponse(std::shared_ptr<const HartreeFockMeanField> meanField, SkyrmeForce force, ResponseMode mode,
               CrpaConfig cfg);

  // NuclearResponse
  ResponseMode mode() const override { return m_mode; }
  int targetZ() const override { return m_mf->Z(); }
  int targetA() const override { return m_mf->A(); }
  double thresholdOmega() const override { return m_threshold; }
  const std::vector<ResponseLine>& lines() const override { return m_lines; }
  std::vector<ResponseSet> lineResponses(std::size_t index, std::span<const double> q) const override;
  double continuumThreshold() const override { return m_threshold; }
  std::vector<ResponseSet> continuumResponses(double omega, std::span<const double> q) const override;
  /// Only the blocks J^pi with J in range (and the partial waves they use) are computed; cached
  /// under a key that includes the range.
  std::vector<ResponseSet> continuumResponsesIn(double omega, std::span<const double> q, MultipoleRange range) const override;
  /// FWHM of a smeared discrete state: 2 eta + Gamma (the spreading width adds to the half-width).
  double continuumResolution() const override { return 2.0 * m_cfg.eta + m_cfg.spreadingWidth; }
  int maxMultipole() const override { return m_cfg.maxJ; }
  /// The CRPA response is the boundary value of R(omega + i Gamma/2): analytic above the real axis.
  bool hasAnalyticContinuation() const override { return true; }
  /// X = -(1/pi) R at omega + i Gamma/2 (Gamma the spreading width; eta does not enter), contracted
  /// as continuumResponses with the couplings continued to complex q and omega and the CVC
  /// longitudinal weight (omega - omega_IAS)/q (the state energy equals omega as eta -> 0); the
  /// q dependence interpolated from real Chebyshev-Lobatto nodes (complexMomentumNodes). Not cached.
  std::vector<AnalyticResponseSet> analyticResponses(std::complex<double> omega,
                                                     std::span<const std::complex<double>> q) const override;
  std::vector<AnalyticResponseSet> analyticResponsesIn(std::complex<double> omega, std::span<const std::complex<double>> q,
                                                       MultipoleRange range) const override;
  std::string description() const override;

  // OperatorStrength (operator isospin must match the mode: Minus for CC nu, Plus for CC nubar,
  // Isoscalar / Isovector for NC; else Error(InvalidArgument)).
  std::vector<StrengthLine> lines(const LocalOperator&) const override { return {}; }
  /// -(1/pi) Im R(F, F; E + i eta) [radialUnit^2/MeV]; eta in (0, 20] MeV (the configured eta and
  /// spreading width are replaced by this eta).
  double strengthDensity(const LocalOperator& op, double energy, double eta) const override;
  double continuumThreshold(const LocalOperator&) const override { return m_threshold; }

  /// RPA response function R(F, F; omega) [radialUnit^2/MeV] at complex omega (Im omega > 0),
  /// for contour integrals of sum rules: m_k = -(1/pi) Im \int omega^k R d omega.
  std::complex<double> operatorResponse(const LocalOperator& op, std::complex<double> omega) const;
  /// The weak responses (all multipoles) at complex omega [MeV] (Im omega > 0), q [MeV]: the
  /// spectral matrices -(1/(2 pi i)) [R - R^+] contracted as for continuumResponses.
  std::vector<ResponseSet> responsesAt(std::complex<double> omega, std::span<const double> q) const;

  /// The momentum transfers [MeV] at which the response matrices are computed for a call with
  /// the requested qs: qs itself, or fewer Chebyshev-Lobatto nodes on [min qs, max qs]
  /// (qInterpolationTolerance, "Momentum transfers" above).
  std::vector<double> momentumNodes(std::span<const double> qs) const;
  /// The real Chebyshev-Lobatto nodes [MeV] on [min Re qc, max Re qc] (at least 1 MeV wide) from which
  /// analyticResponses interpolates to the complex qc: the smallest n with 2 (a rho)^n / n! below
  /// qInterpolationTolerance (1e-9 if that is 0), rho the largest Bernstein-ellipse parameter of
  /// the qc, plus one.
  std::vector<double> complexMomentumNodes(std::span<const std::complex<double>> qc) const;
  double energyShift() const { return m_shift; }
  double analogOmega() const { return m_omegaIAS; }
  const CrpaConfig& config() const { return m_cfg; }
  const HartreeFockMeanField& meanField() const { return *m_mf; }
  /// The disk cache in use (disabled if diskCache is false or no directory is available).
  const DiskCache& cache() const { return m_cache; }
  /// Key prefix naming every input of this response (cache entries append omega and q).
  const std::string& cacheKey() const { return m_key; }

private:
  struct Hole {
    const SingleParticleState* s;
    int species; // 0 proton, 1 neutron
    std::vector<double> du, bm, bp;
    std::size_t iMax;
  };
  struct Wave {
    std::size_t hole; int l; double j; bool forward; int particleSpecies;
    // Source functions (kind, L) of this wave used by any block, in (kind, L) order (a source
    // does not depend on J, so it is built and Green-applied once per q for all blocks), and
    // which source products F(s, s2), s <= s2, any block needs ([s * nS + s2]).
    std::vector<std::array<int, 2>> sources;
    std::vector<char> products;
  };
  struct Pair {
    std::size_t wave;               // index into m_waves
    AngularCoefficients ang;        // forward: <p||O||h>, backward: <h||O||p>
    std::array<double, 5> chanA{};  // angular factors of the block's local channel types (0 for current / tau types)
    // Current channel types: coefficients of the five basis sources of currentSource() in the
    // pair's vertex <p||A||h> (forward) or <h||A||p> (backward), A = (1/2)(w Y_JL1 . grad + grad . w Y_JL1).
    // Tau type: [0] <||Y_J||> (bra p), [1 + k] and [4 + k] the kind-k coefficients a(p,h) of Y_J,J-1 . grad and
    // Y_J,J+1 . grad, times (-1)^(j_h - j_p) for backward pairs.
    std::array<std::array<double, 7>, 5> cur{};
    int J = 0;
    // The hat-vertex sources of currentSource() per (type, K), built once (they depend on neither
    // omega nor q): values [(t * nK + K) * (2 stride + 1) + j], first fine index and length
    // [(t * nK + K) * 2 + 0/1].
    std::vector<double> hat;
    std::vector<std::uint32_t> hatPos;
    // The hat vertices as dense rows over the nodes: hatW[(t * (2 stride + 1) + j) * nKhat + K] is
    // the weight of fine point i = K stride - 1 + j in the vertex (t, K), K < m_nKhat (0 outside
    // its support), so that the projections run over K in contiguous (vectorised) loops.
    std::vector<double> hatW;
    std::array<int, 9> source{};    // [kind * 3 + d] (L = J - 1 + d): index into the wave's sources, -1 unused
  };
  struct Block {
    int J = 0, parity = 1;
    int ntype = 0;                  // channel types (1 to 4)
    std::array<int, 5> typeL{};     // orbital rank L of each channel type
    std::array<int, 5> typeS{};     // 0 scalar, 1 spin, 2 current (vector spherical harmonic Y_JL1 . j), 3 kinetic density tau
    bool hasCurrent = false;        // any hat-function (current or tau) type
    std::vector<Pair> pairs;
  };
  /// Current (or tau) vertex source of a pair on node K: s(r_i) for i = i0 .. i0 + size - 1 (fine mesh),
  /// <pair||A_K||pair> = h sum_i u_p(r_i) s(r_i).
  std::size_t currentSource(const Pair& p, int type, bool tauType, std::size_t K, std::vector<double>& s) const;
  /// The cached currentSource() of (type, K) copied into s; returns its first fine index.
  std::size_t hatSource(const Pair& p, std::size_t type, std::size_t K, std::vector<double>& s) const;
  struct BlockState;
  BlockState prepare(const Block& b, const std::vector<GreensFunctionSolution>& sols, double etaTot) const;
  /// Green's-function solutions of every wave (only = a block: of its waves only, the others empty).
  std::vector<GreensFunctionSolution> solutions(std::complex<double> z, const Block* only = nullptr) const;
  /// The same for the waves flagged in `need` (one flag per wave).
  std::vector<GreensFunctionSolution> solutions(std::complex<double> z, const std::vector<char>& need) const;
  int speciesCount() const { return m_mode == ResponseMode::NeutralCurrent ? 2 : 1; }
  int speciesIndex(int species) const { return m_mode == ResponseMode::NeutralCurrent ? species : 0; }
  /// stateEnergyCvc: the CVC longitudinal weight uses each pole's own excitation energy (real
  /// omega + i eta, continuumResponses); false: the probe's omega (analytic in omega, responsesAt).
  /// With xout: the analytic continuation (analyticResponses) at the complex momentum transfers
  /// qComplex instead (q unused, the return value empty).
  /// Only the blocks with J in `range` are computed (the others are absent from the result).
  std::vector<ResponseSet> weakResponses(std::complex<double> z, std::span<const double> q, bool stateEnergyCvc,
                                         std::span<const std::complex<double>> qComplex = {},
                                         std::vector<AnalyticResponseSet>* xout = nullptr, MultipoleRange range = {}) const;

  std::string cacheKeyOf() const;

  std::shared_ptr<const HartreeFockMeanField> m_mf;
  SkyrmeForce m_force;
  ResponseMode m_mode;
  CrpaConfig m_cfg;
  NucleonCouplings m_couplings;
  std::array<std::unique_ptr<ContinuumGreensFunction>, 2> m_green;
  std::vector<Hole> m_holes;
  std::vector<Wave> m_waves;
  std::vector<Block> m_blocks;
  std::size_t m_stride = 1, m_nK = 0, m_nFine = 0;
  std::vector<double> m_rK;   // coarse radii [fm]
  ResidualStrengths m_v;      // on the coarse mesh
  double m_dK = 0.0;          // coarse step [fm]
  std::size_t m_nKloc = 0;    // local channels interact on the nodes K < m_nKloc (rho(r_K) >= localDensityCut)
  std::size_t m_nKhat = 0;    // current / tau channels on the nodes K < m_nKhat (rho(r_K) >= kHatDensityCut)
  std::vector<ResponseLine> m_lines;
  DiskCache m_cache;
  std::string m_key;
  double m_shift = 0.0, m_omegaIAS = 0.0, m_threshold = 0.0;
};

} // namespace lenu::inelastic
