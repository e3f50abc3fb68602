#pragma once
/// @file Deexcitation.hpp
/// Nuclear de-excitation after an inelastic interaction: discrete gamma cascades through known
/// levels. Level schemes (energy, 2J, parity, gamma branches with branching ratios, lifetimes) are
/// read from data/deexcitation/*.dat (format and provenance in each file's header; values from
/// ENSDF evaluations). Each emission is a two-body decay isotropic in the rest frame of the
/// emitting nucleus, boosted to the lab, with its own vertex (status 21), so energy and momentum
/// are conserved at every vertex; emission times follow the level lifetimes (exponential).
/// The cascade always ends in the ground state. A nucleus excited to an energy between or above
/// the tabulated levels (continuum events, or lines above the last tabulated level) first emits
/// one gamma to the highest level below its energy (simple model). Particle emission (n, p, alpha)
/// above the separation energies and Hauser-Feshbach competition are NOT modelled yet: above
/// S_n / S_p such nuclei still decay by gammas only (documented limitation, docs/generator.md).

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "lenu/generator/Event.hpp"
#include "lenu/generator/Random.hpp"

namespace lenu::generator {

struct GammaBranch {
  std::size_t finalLevel = 0; ///< index of the final level
  double ratio = 0.0;         ///< branching ratio (normalised per level on reading)
};

struct Level {
  double energy = 0.0;   ///< excitation energy [MeV]
  int twoJ = 0;          ///< 2J
  int parity = 1;        ///< +1 / -1
  double lifetime = 0.0; ///< mean life [ns] (0 if unknown)
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
/// "E 2J parity ngamma [mean life, s]", gamma lines "E_gamma ratio final_index"). Masses are filled
/// by the caller.
std::vector<LevelScheme> readLevelSchemes(const std::filesystem::path& path);

class Deexcitation {
public:
  /// Schemes keyed by (Z, A); each needs groundMass > 0.
  explicit Deexcitation(std::vector<LevelScheme> schemes);
  /// De-excite the nucleus at `particleIndex` of `event` (excited: mass > ground mass). Appends
  /// vertices and particles; the excited nucleus gets status 2.
  void decay(std::size_t particleIndex, Engine& engine, Event& event) const;
  /// The scheme of (Z, A), or nullptr.
  const LevelScheme* scheme(int Z, int A) const;

private:
  std::map<std::pair<int, int>, LevelScheme> m_schemes;
};

/// Two-body decay of `parent` (four-momentum, mass M) into masses m1, m2, isotropic in the parent
/// rest frame; returns the two lab four-momenta (daughter 1 first).
std::pair<FourMomentum, FourMomentum> twoBodyDecay(const FourMomentum& parent, double M, double m1, double m2,
                                                   Engine& engine);

} // namespace lenu::generator
