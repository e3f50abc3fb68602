#pragma once
/// @file SkyrmeForce.hpp
/// A Skyrme energy-density functional (standard two-body + density-dependent term, spin-orbit),
/// read from a TOML file in data/skyrme/ that carries its citation.
///
/// Energy density (time-even, spherical; notation of Bender, Heenen, Reinhard, Rev. Mod. Phys.
/// 75 (2003) 121, Eqs. (A.4)-(A.6), "b" coefficients as in the Sky3D code, Maruhn et al.,
/// Comput. Phys. Commun. 185 (2014) 2195, Sec. 2):
///   E = b0/2 rho^2 - b0'/2 sum_q rho_q^2 + b1 rho tau - b1' sum_q rho_q tau_q
///     - b2/2 rho Lap rho + b2'/2 sum_q rho_q Lap rho_q
///     + b3/3 rho^(alpha+2) - b3'/3 rho^alpha sum_q rho_q^2
///     - b4 rho div J - b4' sum_q rho_q div J_q   [+ J^2 terms, see j2Terms]
/// with b0 = t0 (1 + x0/2), b0' = t0 (1/2 + x0), b1 = [t1 (1 + x1/2) + t2 (1 + x2/2)]/4,
/// b1' = [t1 (1/2 + x1) - t2 (1/2 + x2)]/4, b2 = [3 t1 (1 + x1/2) - t2 (1 + x2/2)]/8,
/// b2' = [3 t1 (1/2 + x1) + t2 (1/2 + x2)]/8, b3 = t3 (1 + x3/2)/4, b3' = t3 (1/2 + x3)/4.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace lenu {

/// Centre-of-mass correction prescribed by a force's fit (the schemes compared by Bender, Rutz,
/// Reinhard, Maruhn, Eur. Phys. J. A 7 (2000) 467).
enum class CenterOfMassCorrection {
  None,    ///< no correction (e.g. UNEDF1)
  OneBody, ///< hbar^2/2m -> hbar^2/2m (1 - 1/A) in the kinetic term, variational (SLy4, SkM*, SIII)
  /// Full (one- plus two-body) c.m. energy E_cm = <P^2>/(2 m A) of the converged HF(+BCS) state,
  /// subtracted after the variation (bare hbar^2/2m in the HF equations); see centerOfMassEnergy.
  TwoBodyAfterVariation,
};

/// Parameters of one Skyrme force. Units: t0 [MeV fm^3], t1, t2 [MeV fm^5],
/// t3 [MeV fm^(3+3 alpha)], b4, b4' [MeV fm^5], hbar^2/2m [MeV fm^2].
struct SkyrmeForce {
  std::string name;
  double t0 = 0.0, t1 = 0.0, t2 = 0.0, t3 = 0.0;
  double x0 = 0.0, x1 = 0.0, x2 = 0.0, x3 = 0.0;
  double alpha = 1.0 / 6.0; ///< power of the density dependence (sigma)
  double b4 = 0.0;          ///< isoscalar-like spin-orbit strength (W0/2 for the standard form)
  double b4p = 0.0;         ///< like-particle spin-orbit strength b4' (W0/2 for the standard form)
  /// Include the spin-current J^2 terms -(t1 x1 + t2 x2)/16 J^2 + (t1 - t2)/16 sum_q J_q^2.
  bool j2Terms = false;
  double hbar2Over2mProton = 20.7355;  ///< hbar^2 / 2 m_p [MeV fm^2]
  double hbar2Over2mNeutron = 20.7355; ///< hbar^2 / 2 m_n [MeV fm^2]
  CenterOfMassCorrection cmCorrection = CenterOfMassCorrection::OneBody;
  bool coulombExchange = true; ///< Slater approximation to the Coulomb exchange energy
  std::string reference;       ///< original publication
  std::string transcription;   ///< where the numbers were read

  // Derived "b" coefficients (see file comment).
  double b0() const { return t0 * (1.0 + 0.5 * x0); }
  double b0p() const { return t0 * (0.5 + x0); }
  double b1() const { return (t1 * (1.0 + 0.5 * x1) + t2 * (1.0 + 0.5 * x2)) / 4.0; }
  double b1p() const { return (t1 * (0.5 + x1) - t2 * (0.5 + x2)) / 4.0; }
  double b2() const { return (3.0 * t1 * (1.0 + 0.5 * x1) - t2 * (1.0 + 0.5 * x2)) / 8.0; }
  double b2p() const { return (3.0 * t1 * (0.5 + x1) + t2 * (0.5 + x2)) / 8.0; }
  double b3() const { return t3 * (1.0 + 0.5 * x3) / 4.0; }
  double b3p() const { return t3 * (0.5 + x3) / 4.0; }
  /// Coefficient of J^2 (total spin current) when j2Terms [MeV fm^5].
  double cJ() const { return j2Terms ? -(t1 * x1 + t2 * x2) / 16.0 : 0.0; }
  /// Coefficient of sum_q J_q^2 when j2Terms [MeV fm^5].
  double cJq() const { return j2Terms ? (t1 - t2) / 16.0 : 0.0; }

  /// Load data/skyrme/<name>.toml (case-insensitive name match over the files there).
  /// Throws Error(UnknownModel) listing the available forces if there is none.
  static SkyrmeForce load(std::string_view name);
  /// Parse one force file. Throws Error(ConfigError) naming file, line and key for unknown,
  /// missing or mistyped keys, Error(IoError) if unreadable.
  static SkyrmeForce fromFile(const std::filesystem::path& path);
  /// Names of the forces shipped in data/skyrme/ (sorted).
  static std::vector<std::string> available();
};

} // namespace lenu
