#pragma once
/// @file DetectorResponse.hpp
/// From a nuclear recoil to what a detector records: quenching (keVnr -> keVee), then either
///  - a light yield Y [PE/keVee] with Poisson photo-statistics: observable = number of
///    photoelectrons n ~ Poisson(Y E_ee), or
///  - Gaussian energy resolution sigma(E) = sqrt(a^2 E + b^2 E^2) (E in keVee): observable = keVee;
/// then efficiency vs the observable, a threshold and an upper limit, and efficiency vs time.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lenu/detector/Efficiency.hpp"
#include "lenu/detector/Quenching.hpp"

namespace lenu {

enum class Observable { ElectronEquivalent, PhotoElectrons };

struct DetectorResponseConfig {
  std::shared_ptr<const QuenchingModel> quenching;         ///< required
  std::optional<double> lightYield;                        ///< [PE / keVee]; selects PE observable
  double resolutionA = 0.0;                                ///< stochastic term a [keVee^(1/2)]
  double resolutionB = 0.0;                                ///< constant term b (fraction)
  std::vector<std::shared_ptr<const EfficiencyCurve>> efficiency; ///< product of curves vs observable
  double threshold = 0.0;                                  ///< observable >= threshold [PE or keVee]
  double observableMax = 1e300;                            ///< observable < max [PE or keVee]
  std::shared_ptr<const EfficiencyCurve> timeEfficiency;   ///< vs time [ns]; none = 1
};

class DetectorResponse {
public:
  explicit DetectorResponse(DetectorResponseConfig cfg);
  Observable observable() const;
  /// "PE" or "keVee".
  std::string observableUnit() const;
  /// Observable value in its own unit for electron-equivalent energy E_ee [MeV] (mean response).
  double meanObservable(double recoil) const;
  /// Efficiency x acceptance (threshold, upper limit) at observable x [PE or keVee].
  double efficiency(double x) const;
  /// Time efficiency at t [ns].
  double timeEfficiency(double t) const;
  /// Add `weight` times the probability distribution of the observable for recoil T [MeV] into
  /// bins of edges `edges` (observable units), with efficiency applied. PE bins should have
  /// integer-centred edges (n - 1/2, n + 1/2).
  void fold(double recoil, double weight, const std::vector<double>& edges, std::vector<double>& out) const;
  /// Detection probability (efficiency averaged over the response) for recoil T [MeV].
  double detectionProbability(double recoil) const;
  const DetectorResponseConfig& config() const { return m_cfg; }
  std::string description() const;

private:
  /// Gaussian width sqrt(a^2 E + b^2 E^2) [keVee] at E [keVee].
  double resolution(double eee) const;
  DetectorResponseConfig m_cfg;
};

} // namespace lenu
