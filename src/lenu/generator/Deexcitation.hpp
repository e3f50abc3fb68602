#pragma once
/// @file Deexcitation.hpp
/// Nuclear de-excitation after an inelastic interaction: discrete gamma cascades through known
/// levels. Level schemes (energy, 2J, parity, gamma branches with branching ratios, lifetimes) are
/// read from data/deexcitation/*.dat (format and provenance in each file's header; values from
/// ENSDF evaluations). Each emission is a two-body decay isotropic in the rest frame of the
/// emitting nucleus, boosted to the lab, with its own vertex (status 21), so energy and momentum
/// are conserved at every vertex; emission times follow the level lifetimes (exponential).
/// Above the matching energy (the lowest particle-separation energy or the highest tabulated level,
/// whichever is lower) the nucleus decays by Hauser-Feshbach decay with spin and parity (HauserFeshbach.hpp; n, p, d, t, 3He, alpha and E1/M1/E2 gammas
/// competing) until it reaches the discrete levels below the matching energy, whose tabulated
/// gamma branches then end the cascade in the ground state (EvaporationConfig::hauserFeshbach =
/// false restores the Weisskopf-Ewing evaporation without spins). A nucleus between tabulated
/// levels below the matching energy first emits one gamma to the highest level below its energy;
/// below its matching energy a nucleus without a level scheme emits one gamma to its ground state.
/// A nucleus whose ground state is particle-unbound (8Be -> 2 alpha) breaks up instead (breakUp).

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "lenu/core/Diagnostics.hpp"
#include "lenu/generator/Event.hpp"
#include "lenu/generator/HauserFeshbach.hpp"
#include "lenu/generator/OpticalModel.hpp"
#include "lenu/generator/Random.hpp"
#include "lenu/generator/TabulatedSampler.hpp"
#include "lenu/generator/detail/LazyTable.hpp"

namespace lenu::generator {

struct GammaBranch {
  std::size_t finalLevel = 0; ///< index of the final level
  double ratio = 0.0;         ///< branching ratio (normalised per level on reading)
};

struct Level {
  double energy = 0.0;   ///< excitation energy [MeV]
  int twoJ = 0;          ///< 2J
  int parity = 1;        ///< +1 / -1
  double halfLife = 0.0; ///< half-life T1/2 [ns] from the level file (0 if unknown: emitted promptly)
  double lifetime = 0.0; ///< mean life tau = T1/2 / ln 2 [ns] (0 if unknown)
  std::vector<GammaBranch> gammas;
};

/// Levels of one nucleus, ordered by energy (level 0 = ground state).
struct LevelScheme {
  int Z = 0, A = 0;
  double groundMass = 0.0; ///< nuclear ground-state mass [MeV]
  std::vector<Level> levels;
  /// Index of the level whose energy is within `tolerance` [MeV] of E, else of the highest level
  /// below E.
  std::size_t levelAt(double energy, double tolerance = 1e-3) const;
};

/// Read a level file (TALYS discrete-level layout: "Z A n" block headers, level lines
/// "E 2J parity ngamma [T1/2 in s | ? | gs]", gamma lines "E_gamma ratio final_index"). A missing
/// or "?" half-life means unknown (the level's gammas are emitted promptly); "gs" marks the ground
/// state. Masses are filled by the caller.
std::vector<LevelScheme> readLevelSchemes(const std::filesystem::path& path);

/// Weisskopf-Ewing particle evaporation (used with hauserFeshbach = false; docs/generator.md):
/// Weisskopf-Ewing emission of n, p, d, t, 3He, alpha (V.F. Weisskopf, D.H. Ewing, Phys.
/// Rev. 57 (1940) 472), Gamma_c(eps) ~ (2s_c+1) mu_c eps sigma_inv(eps) rho_d(U - S_c - eps), with the
/// inverse cross section sigma_R of the global optical models of OpticalModel.hpp (opticalModelNucleons,
/// default) or, if switched off, the sharp-cutoff pi R^2 (1 - V_c/eps), R = r0 (A_d^(1/3) + A_c^(1/3)), Coulomb
/// barrier V_c = z_c Z_d alpha hbar c / R, and a back-shifted Fermi-gas level density
/// rho ~ exp(2 sqrt(a U)) / U^(5/4), U = E - Delta (Gilbert & Cameron, Can. J. Phys. 43 (1965) 1446;
/// Dilg et al., Nucl. Phys. A 217 (1973) 269). Separation energies from AME2020 masses. Gamma
/// emission is neglected while a particle channel is open (no Hauser-Feshbach competition, no
/// angular momentum): a simple model, NOT Hauser-Feshbach with optical-model transmission
/// coefficients.
struct EvaporationConfig {
  double levelDensityDivisor = 8.0; ///< a = A / divisor [1/MeV]; A/8 is the textbook estimate, UNCONFIRMED
  double pairingCoefficient = 12.0; ///< Delta = +-coefficient / sqrt(A) [MeV] (even-even +, odd-odd -); UNCONFIRMED
  double radiusParameter = 1.5;     ///< r0 [fm] of the inverse cross section and barrier; UNCONFIRMED
  std::size_t energyNodes = 48;     ///< nodes of the emission spectrum per channel
  /// Inverse cross sections of all ejectiles from the global optical models (OpticalModel.hpp;
  /// the name is historical), tabulated once per (ejectile, daughter) on first use (thread-safe);
  /// false: the sharp-cutoff pi R^2 form.
  bool opticalModelNucleons = true;
  double inverseTableMaxEnergy = 60.0; ///< upper end of the inverse-cross-section tables [MeV]
  std::size_t inverseTableNodes = 40;  ///< nodes of those tables (quadratic in E)
  /// Hauser-Feshbach decay with J/pi conservation and gamma competition (HauserFeshbach.hpp) above
  /// the matching energy of each nucleus; false: the Weisskopf-Ewing evaporation above (no spins,
  /// no gamma competition) and gammas through the level files.
  bool hauserFeshbach = true;
  HauserFeshbachConfig hf; ///< its grid and model settings
};

class Deexcitation {
public:
  /// Schemes keyed by (Z, A); each needs groundMass > 0. `groundMasses`: nuclear ground-state
  /// masses [MeV] of further nuclei (evaporation daughters, 4He), keyed by (Z, A).
  /// `groundSpins`: (2J, parity) of ground states without a level scheme, keyed by (Z, A) (NUBASE2020
  /// values from the nuclide tables); where none is known, 0+ is assumed for even-even nuclei and
  /// (A mod 2)/2 + otherwise (an assumption, stated in docs/generator.md).
  /// `diagnostics`: where the model reports the particle channels it cannot compute because a
  /// residual or ejectile mass is missing (once per parent nucleus and channel, when that nucleus
  /// first decays); nullptr: a Diagnostics of its own (see diagnostics()).
  /// Per-nucleus tables (optical-model transmission coefficients and inverse cross sections,
  /// Hauser-Feshbach width tables) are built on first use, once, from any thread.
  explicit Deexcitation(std::vector<LevelScheme> schemes, std::map<std::pair<int, int>, double> groundMasses = {},
                        EvaporationConfig cfg = {}, std::map<std::pair<int, int>, std::pair<int, int>> groundSpins = {},
                        std::shared_ptr<Diagnostics> diagnostics = nullptr);
  /// The warnings of this model (shared with whoever passed the Diagnostics in).
  const Diagnostics& diagnostics() const { return *m_diagnostics; }
  /// Nuclear ground-state mass of (Z, A) [MeV] if known.
  std::optional<double> groundMass(int Z, int A) const;
  /// Relative level density of (Z, A) at excitation E [MeV] (back-shifted Fermi gas).
  double levelDensity(int Z, int A, double energy) const;
  /// De-excite the nucleus at `particleIndex` of `event` (excited: mass > ground mass). Appends
  /// vertices and particles; the excited nucleus gets status 2.
  void decay(std::size_t particleIndex, Engine& engine, Event& event) const;
  /// The Hauser-Feshbach model (nullptr if EvaporationConfig::hauserFeshbach is false).
  const HauserFeshbach* hauserFeshbach() const { return m_hf.get(); }
  /// The scheme of (Z, A), or nullptr.
  const LevelScheme* scheme(int Z, int A) const;
  /// One open evaporation channel: ejectile PDG code and its integrated width Gamma_c (relative
  /// units, common to all channels of one parent).
  struct ChannelWidth {
    int pdg = 0;
    double width = 0.0;
  };
  /// The open particle channels of (Z, A) at excitation `excitation` [MeV] with the widths the
  /// sampler draws from (empty if none is open or a mass is unknown).
  std::vector<ChannelWidth> evaporationWidths(int Z, int A, double excitation) const;

private:
  struct OpenChannel {
    int pdg, z, a;
    double mEj, mD, sep;
    TabulatedSampler eps;
  };
  /// Open channels of (Z, A) at excitation U [MeV] and their integrated widths.
  void openChannels(int Z, int A, double U, std::vector<OpenChannel>& open, std::vector<double>& widths) const;
  /// One particle emission from the nucleus at `cur` if a channel is open; updates `cur`.
  bool evaporate(std::size_t& cur, Engine& engine, Event& event) const;
  /// Gamma cascade through the level file from the nucleus at `cur` (discrete region).
  void cascade(std::size_t cur, Engine& engine, Event& event) const;
  /// Prompt two-body breakup of a nucleus whose ground state is particle-unbound (a channel
  /// n/p/d/t/3He/alpha + daughter with positive ground-state Q-value from the mass table, e.g.
  /// 8Be -> alpha + alpha, Q = 0.0918 MeV from the AME2020 masses; charged channels only where the
  /// Gamow factor exp(-2 pi eta) > e^-25, i.e. the breakup is prompt): it has no bound level to
  /// cascade to, so it breaks up from whatever excitation it has reached, into the channel of
  /// largest Q, isotropically, repeated for the daughter; updates `cur`; false if stable.
  /// lightOnly: only if that channel's daughter has A < 6 (outside Hauser-Feshbach).
  bool breakUp(std::size_t& cur, Engine& engine, Event& event, bool lightOnly) const;
  /// Hauser-Feshbach steps while the nucleus at `cur` is above its matching energy; updates `cur`.
  void statisticalDecay(std::size_t& cur, Engine& engine, Event& event) const;
  std::shared_ptr<const HauserFeshbach> m_hf;
  /// Mass [MeV] of ejectile `pdg` (0 for gammas; composite ejectiles from the mass table).
  double ejectileMass(int pdg) const;
  /// An optical-model inverse cross section, built on first use (Weisskopf-Ewing mode).
  struct LazyInverse {
    LightIon ion = LightIon::Neutron;
    int zd = 0, ad = 0;
    double mIon = 0.0; ///< ejectile mass [MeV]
    detail::Lazy<InverseCrossSection> table;
  };
  const InverseCrossSection& inverse(const LazyInverse& li) const;
  /// Keyed by (ejectile Z, ejectile A, daughter Z, daughter A); the key set is fixed at
  /// construction (every pair whose masses are known), the tables are not.
  std::map<std::tuple<int, int, int, int>, std::shared_ptr<LazyInverse>> m_inverse;
  /// Particle channels of a parent (Z, A) that the model would compute but cannot (a residual or
  /// ejectile mass is unknown): their warnings, reported once when the parent first decays.
  struct MissingChannels {
    std::vector<std::pair<std::string, std::string>> warnings; ///< (key, message)
    std::once_flag reported;
  };
  /// Report the missing channels of (Z, A) (no-op after the first call, or if it has none).
  void reportMissingChannels(int Z, int A) const;
  std::map<std::pair<int, int>, std::shared_ptr<MissingChannels>> m_missing;
  /// Two-body emission from the particle at `cur`: a vertex, `cur` decayed, (pdg1, m1) and
  /// (pdg2, m2) appended at `time` [ns] (in that order); returns the index of the second.
  std::size_t emitPair(std::size_t cur, int pdg1, double m1, int pdg2, double m2, double time, Engine& engine,
                       Event& event) const;
  /// Prompt breakup channel of a particle-unbound ground state (ejectile pdg, z, a; masses [MeV]).
  struct Breakup {
    int pdg, z, a;
    double mEj, mD;
  };
  std::map<std::pair<int, int>, Breakup> m_breakups; ///< built in the constructor
  std::map<std::pair<int, int>, LevelScheme> m_schemes;
  std::map<std::pair<int, int>, double> m_masses;
  EvaporationConfig m_cfg;
  std::shared_ptr<Diagnostics> m_diagnostics;
};

/// Two-body decay of `parent` (four-momentum, mass M) into masses m1, m2, isotropic in the parent
/// rest frame; returns the two lab four-momenta (daughter 1 first).
std::pair<FourMomentum, FourMomentum> twoBodyDecay(const FourMomentum& parent, double M, double m1, double m2,
                                                   Engine& engine);

} // namespace lenu::generator
