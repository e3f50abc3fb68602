#pragma once
/// @file HauserFeshbach.hpp
/// Hauser-Feshbach statistical decay with spin and parity conservation (W. Hauser, H. Feshbach,
/// Phys. Rev. 87 (1952) 366), as MARLEY does it (S. Gardiner, "Nuclear de-excitations in low-energy
/// charged-current nu_e scattering on 40Ar", arXiv:2010.02393). A compound state (E, J, pi) decays into
///  - particle channels c = n, p, alpha leaving the residual in (E', J', pi'), with partial width
///    Gamma ~ sum_{j, l} T_lj(eps) over |J - J'| <= j <= J + J', j = l + s, pi = pi' (-1)^l,
///    eps = E - S_c - E' (T_lj of n, p from the Koning-Delaroche optical model, PartialWaveTable;
///    alpha: sharp cut-off T_l = 1 above the Coulomb plus centrifugal barrier, else 0);
///  - gamma channels XL = E1, M1, E2 with |J - L| <= J' <= J + L, pi' = -pi for E1, +pi for M1,
///    E2, Gamma ~ T_XL(E - E') (StandardLorentzian);
/// each times rho(E', J', pi') dE' (BackShiftedFermiGas, equal parities) in the continuum above
/// the matching energy E_m of the residual, or once per discrete level (J, pi from the level
/// files) below it. The common factor 1/(2 pi rho(E, J, pi)) cancels in the branching.
/// E_m = min(highest tabulated level, S_n, S_p): the level files (with their measured gamma
/// branches) are used where no nucleon can be emitted; alpha emission from tabulated levels between
/// S_alpha and E_m is neglected (it is far below the Coulomb barrier there, e.g. S_alpha(40K) =
/// 6.44 MeV against a ~6.7 MeV barrier). Widths are tabulated once per compound state on an
/// energy grid (bins of binWidth in E above E_m; the widths of a bin are evaluated at its centre)
/// and kept; sampling draws the final group, then J', pi' and E' (uniform in the bin, below the
/// kinematic limit of the actual E), then l, j (or XL).

#include <cstddef>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "lenu/generator/GammaStrength.hpp"
#include "lenu/generator/LevelDensity.hpp"
#include "lenu/generator/Random.hpp"

namespace lenu::generator {

/// A discrete level: energy [MeV], 2J, parity (+1 / -1).
struct DiscreteState {
  double energy = 0.0;
  int twoJ = 0;
  int parity = 1;
};

struct HauserFeshbachConfig {
  double binWidth = 0.25;        ///< continuum bin width [MeV] (parent and residual)
  int maxTwoJ = 41;              ///< largest 2J of continuum states
  int lMax = 10;                 ///< largest orbital l of the particle channels
  double tableMaxEnergy = 60.0;  ///< upper end of the T_lj tables [MeV]
  std::size_t tableNodes = 48;   ///< nodes of those tables (uniform in sqrt(E))
  double alphaRadius = 1.5;      ///< r0 [fm] of the alpha sharp cut-off, R = r0 (A_d^1/3 + 4^1/3); UNCONFIRMED (as EvaporationConfig)
};

/// One nucleus of the decay chain.
struct HfNucleus {
  int Z = 0, A = 0;
  double mass = 0.0;                 ///< nuclear ground-state mass [MeV]
  std::vector<DiscreteState> levels; ///< ground state first, ordered by energy
};

class HauserFeshbach {
public:
  /// One sampled decay step.
  struct Transition {
    int pdg = 22;          ///< 22 (gamma), 2112, 2212, 1000020040
    int Z = 0, A = 0;      ///< residual nucleus
    double excitation = 0; ///< residual excitation [MeV]
    int twoJ = 0, parity = 1;
    int level = -1;        ///< index of the residual's discrete level, -1 for the continuum
    int l = 0;             ///< orbital l of the ejectile, or the multipolarity L of the gamma
    int twoj = 0;          ///< 2j of the ejectile (0 for gammas)
    bool electric = true;  ///< gamma: E (true) or M
  };
  struct ChannelWidth {
    int pdg = 0;
    double width = 0.0; ///< relative units common to all channels of one compound state
  };
  /// `alphaMass`: nuclear mass of 4He [MeV] (<= 0: no alpha channel).
  HauserFeshbach(std::vector<HfNucleus> nuclei, double alphaMass, HauserFeshbachConfig cfg = {});
  ~HauserFeshbach();
  HauserFeshbach(const HauserFeshbach&) = delete;
  HauserFeshbach& operator=(const HauserFeshbach&) = delete;

  bool known(int Z, int A) const;
  /// Matching energy E_m [MeV] of (Z, A) (throws for an unknown nucleus).
  double matchingEnergy(int Z, int A) const;
  /// Centre of the continuum bin holding `ex` [MeV].
  double binCentre(int Z, int A, double ex) const;
  const BackShiftedFermiGas& levelDensity(int Z, int A) const;
  const StandardLorentzian& gammaStrength(int Z, int A) const;
  /// (2J, parity) drawn from rho(ex, J, pi) (for a continuum state of unknown spin).
  std::pair<int, int> sampleSpin(int Z, int A, double ex, Engine& engine) const;
  /// One decay of the compound state (Z, A, ex > E_m, 2J, parity); nullopt if no channel is open.
  std::optional<Transition> sample(int Z, int A, double ex, int twoJ, int parity, Engine& engine) const;
  /// The channel widths of that state's table (evaluated at the bin centre).
  std::vector<ChannelWidth> widths(int Z, int A, double ex, int twoJ, int parity) const;

private:
  struct Impl;
  std::unique_ptr<Impl> m;
};

} // namespace lenu::generator
