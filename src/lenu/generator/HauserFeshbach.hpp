#pragma once
/// @file HauserFeshbach.hpp
/// Hauser-Feshbach statistical decay with spin and parity conservation (W. Hauser, H. Feshbach,
/// Phys. Rev. 87 (1952) 366), as MARLEY does it (S. Gardiner, "Nuclear de-excitations in low-energy
/// charged-current nu_e scattering on 40Ar", arXiv:2010.02393). A compound state (E, J, pi) decays into
///  - particle channels c = n, p, d, t, 3He, alpha leaving the residual in (E', J', pi'), with partial
///    width Gamma ~ sum_{j, l} T_lj(eps) over |J - J'| <= j <= J + J', |j - s| <= l <= j + s,
///    pi = pi' (-1)^l, eps = E - S_c - E' (ejectile spins s: n, p, t, 3He 1/2, d 1, alpha 0); T_lj from
///    global optical models (OpticalModel.hpp: Koning-Delaroche n, p; An-Cai d; Becchetti-Greenlees t,
///    3He; McFadden-Satchler alpha), tabulated once per (ejectile, residual) (PartialWaveTable); the
///    Coulomb barriers enter through the Coulomb functions of the optical-model solution. Separation
///    energies S_c from the AME2020 ground-state masses of the nuclei and ejectiles;
///  - gamma channels XL = E1, M1, E2 with |J - L| <= J' <= J + L, pi' = -pi for E1, +pi for M1,
///    E2, Gamma ~ T_XL(E - E') (StandardLorentzian);
/// each times rho(E', J', pi') dE' (BackShiftedFermiGas, equal parities) in the continuum above
/// the matching energy E_m of the residual, or once per discrete level (J, pi from the level
/// files) below it. The common factor 1/(2 pi rho(E, J, pi)) cancels in the branching.
/// E_m = min(highest tabulated level, S_n, S_p): the level files (with their measured gamma
/// branches) are used where no nucleon can be emitted; alpha (and d, t, 3He) emission from
/// tabulated levels between their threshold and E_m is neglected (far below the Coulomb barrier
/// there, e.g. S_alpha(40K) = 6.44 MeV against a ~6.7 MeV barrier; S_d, S_t, S_3He lie above S_n, S_p
/// for the nuclei shipped). Widths are tabulated once per compound state on an
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
};

/// Nuclear ground-state masses [MeV] of the composite ejectiles (<= 0: that channel is closed).
struct EjectileMasses {
  double deuteron = 0.0, triton = 0.0, helion = 0.0, alpha = 0.0;
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
    int pdg = 22;          ///< 22 (gamma), 2112, 2212, 1000010020 (d), 1000010030 (t), 1000020030 (3He), 1000020040
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
  /// `ejectiles`: nuclear masses of d, t, 3He, 4He [MeV]; a channel is open where its residual is
  /// among `nuclei` (A >= 4) and its ejectile mass is > 0.
  HauserFeshbach(std::vector<HfNucleus> nuclei, EjectileMasses ejectiles, HauserFeshbachConfig cfg = {});
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
  /// Separation energy [MeV] of ejectile `pdg` from (Z, A) (throws if that channel does not exist).
  double separationEnergy(int Z, int A, int pdg) const;

private:
  struct Impl;
  std::unique_ptr<Impl> m;
};

} // namespace lenu::generator
