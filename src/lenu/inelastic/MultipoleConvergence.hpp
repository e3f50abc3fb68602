#pragma once
/// @file MultipoleConvergence.hpp
/// Converged multipole series. A multipole response (NuclearResponse) includes the multipoles
/// J <= maxMultipole(); the cross section of a truncated series is not a result. This class
/// rebuilds the response through a factory with a larger maxJ until the highest multipole carries
/// at most `tolerance` of the cross section (|sigma_{J_max}| <= tolerance |sigma|, both parities
/// of J_max), up to `capJ`, and otherwise throws Error(NotConverged) naming the energy, the
/// tolerance, the J reached and its share. A series that InelasticCrossSection::sigma has shown
/// converged below maxJ (its multipole passes, InelasticCrossSectionConfig::multipoleTolerance) is
/// accepted as it is. It works for any NuclearResponse: a response whose
/// maxMultipole() stays below the requested maxJ has no higher multipoles (e.g. the allowed
/// approximation, J <= 1) and is complete by construction.
///
/// Rebuilding: the factory is called with maxJ = startJ first; when the share of J_max is above
/// tolerance, the next maxJ is extrapolated from the geometric fall-off of the last two multipole
/// contributions, sigma_J / sigma_{J-1} (at least J_max + 1, at most capJ), and the cross section
/// recomputed. The multipoles below J_max are unchanged by the extension (each J is a separate
/// sum over particle-hole pairs).

#include <functional>
#include <map>
#include <memory>

#include "lenu/core/Flavour.hpp"
#include "lenu/inelastic/HartreeFockResponse.hpp"
#include "lenu/inelastic/InelasticCrossSection.hpp"
#include "lenu/inelastic/NuclearResponse.hpp"
#include "lenu/source/EnergySpectrum.hpp"

namespace lenu::inelastic {

/// Builds the response with multipoles J <= maxJ (e.g. makeInelasticResponse with
/// InelasticModelOptions::maxJ = maxJ).
using ResponseFactory = std::function<std::shared_ptr<const NuclearResponse>(int maxJ)>;

/// Highest maxJ tried (the mean-field response limit, HartreeFockResponse.hpp).
inline constexpr int kMaxMultipoleCap = kMaxResponseMultipole;

/// Convergence criterion of the multipole series.
struct MultipoleConvergenceConfig {
  /// Accept when the highest multipole carries at most this fraction of sigma; in (0, 0.5].
  double tolerance = 1e-3;
  int startJ = 6;              ///< first maxJ tried, in [1, capJ]
  int capJ = kMaxMultipoleCap; ///< largest maxJ tried, in [startJ, kMaxMultipoleCap]
};

/// A converged cross section at one energy.
struct ConvergedSigma {
  InelasticSigma sigma;           ///< the cross section with its multipole breakdown
  int maxJ = 0;                   ///< highest multipole included (computed: sigma.highestJ when the passes stopped early)
  double highestShare = 0.0;      ///< |sigma_{maxJ}| / |sigma| (0 if sigma = 0)
  const InelasticCrossSection* xs = nullptr; ///< the cross-section object used (owned by the caller's object)
};

/// A converged flux-averaged cross section.
struct ConvergedFluxAverage {
  double total = 0.0;        ///< <sigma> [fm^2]
  int maxJ = 0;              ///< highest multipole included
  double highestShare = 0.0; ///< share of the highest multipole
};

/// Inelastic cross sections with the multipole series extended until converged.
/// Not thread-safe (caches one InelasticCrossSection per maxJ); use one object per thread.
class ConvergedInelasticCrossSection {
public:
  /// Throws Error(InvalidArgument) for a config out of range.
  ConvergedInelasticCrossSection(ResponseFactory factory, Flavour flavour, InelasticCrossSectionConfig xsConfig = {},
                                 MultipoleConvergenceConfig convergence = {});

  /// sigma(E_nu) [fm^2], converged in J. Throws Error(NotConverged) if the cap is reached.
  ConvergedSigma sigma(double Enu);
  /// <sigma> [fm^2] for a normalised spectrum, converged in J (share measured on the average).
  ConvergedFluxAverage fluxAveraged(const EnergySpectrum& spectrum);
  /// The cross section with multipoles J <= maxJ (built through the factory once, then cached).
  const InelasticCrossSection& atMaxJ(int maxJ);
  /// The cross section with the smallest maxJ built so far (startJ): threshold, lines, kinematics.
  const InelasticCrossSection& base() { return atMaxJ(m_conv.startJ); }
  const MultipoleConvergenceConfig& convergence() const { return m_conv; }

private:
  /// Next maxJ after J with share `share` and ratio sigma_J / sigma_{J-1} (<= 0 if unknown).
  int nextJ(int J, double share, double ratio) const;
  [[noreturn]] void notConverged(const std::string& what, int J, double share) const;
  ResponseFactory m_factory;
  Flavour m_flavour;
  InelasticCrossSectionConfig m_xsConfig;
  MultipoleConvergenceConfig m_conv;
  std::map<int, std::unique_ptr<InelasticCrossSection>> m_cache;
  int m_lastJ = 0; ///< maxJ that converged last (start of the next search)
};

} // namespace lenu::inelastic
