#pragma once
/// @file ProtonPulse.hpp
/// Time structure of the proton beam on target, and the neutrino emission times that follow
/// from it: prompt (pi+ decay, mean life tau_pi) and delayed (pi+ then mu+ decay, tau_pi + tau_mu).
///
/// A pulse is held as a histogram of proton arrival times (a Gaussian or a sum of Gaussians is
/// binned finely, 1/50 of its sigma); convolutions with the exponential decay laws are then exact
/// per bin: for a uniform bin [a, b] and decay-time CDF H(s), the emission-time CDF is
/// (K(t - a) - K(t - b)) / (b - a) with K(x) = \int_0^x H.  Times in ns, t = 0 at the pulse centroid.

#include <string>
#include <vector>

namespace lenu {

/// Which decay chain produces a neutrino.
enum class DecayChain {
  Beam,      ///< emitted at proton arrival (no decay delay)
  Prompt,    ///< pi+ -> mu+ nu_mu: one exponential, tau_pi
  Delayed,   ///< mu+ -> e+ nu_e anti-nu_mu after pi+ decay: tau_pi (+) tau_mu
  KaonPrompt ///< K+ -> mu+ nu_mu: one exponential, tau_K
};

class ProtonPulse {
public:
  /// A Gaussian pulse of full width at half maximum `fwhm` [ns], centred at 0.
  static ProtonPulse gaussian(double fwhm);
  /// Gaussian bunches of equal FWHM [ns] at the given centres [ns] with relative weights.
  static ProtonPulse gaussianBunches(double fwhm, std::vector<double> centres, std::vector<double> weights);
  /// A tabulated pulse: bin edges [ns] (n+1, increasing) and bin contents (n, >= 0, any scale).
  static ProtonPulse histogram(std::vector<double> edges, std::vector<double> contents, std::string description);

  /// Probability density [1/ns] of the proton arrival time.
  double pdf(double t) const;
  /// Probability density [1/ns] of the emission time of a neutrino from the given chain.
  double emissionPdf(DecayChain chain, double t) const;
  /// Fraction of the chain's neutrinos emitted in [t0, t1] (ns); infinite limits allowed.
  double emissionFraction(DecayChain chain, double t0, double t1) const;
  /// Mean emission time [ns] of the chain (pulse centroid + mean decay delays).
  double meanEmissionTime(DecayChain chain) const;
  /// Time range [ns] that contains all but ~1e-9 of the pulse.
  double tMin() const { return m_edges.front(); }
  double tMax() const { return m_edges.back(); }
  std::string description() const { return m_description; }

private:
  /// Fraction of the chain's neutrinos emitted after t.
  double survival(DecayChain chain, double t) const;
  std::vector<double> m_edges;
  std::vector<double> m_weights; // normalised bin probabilities
  double m_centroid = 0.0;
  std::string m_description;
};

} // namespace lenu
