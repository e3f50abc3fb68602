#pragma once
/// @file CevnsRate.hpp
/// CEvNS event rates: a neutrino source, a target at a distance, the CEvNS cross section with a
/// form-factor model, and a detector response give expected counts per flavour, dN/dT (recoil),
/// dN/dx (observable: PE or keVee), dN/dt and the observable x time table, and the
/// flux-averaged cross section.
///
///   dN/dT = sum_f sum_i N_i Phi_f \int dE f_f(E) dsigma_i/dT(E, T),  Phi_f = N_f / (4 pi L^2).

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "lenu/core/Flavour.hpp"
#include "lenu/detector/DetectorResponse.hpp"
#include "lenu/detector/TargetMaterial.hpp"
#include "lenu/formfactor/FormFactor.hpp"
#include "lenu/formfactor/WeakCharge.hpp"
#include "lenu/source/NeutrinoSource.hpp"
#include "lenu/xsec/Cevns.hpp"

namespace lenu {

/// Uniform binning [lo, hi) in n bins.
struct Binning {
  double lo = 0.0;
  double hi = 1.0;
  std::size_t n = 1;
  std::vector<double> edges() const;
};

struct CevnsRateConfig {
  std::shared_ptr<const NeutrinoSource> source;   ///< required
  TargetMaterial target;                          ///< required
  double targetMass = 0.0;                        ///< [kg]
  double distance = 0.0;                          ///< source-detector distance [fm]
  std::shared_ptr<const FormFactorModel> formFactor; ///< required
  WeakChargeScheme weakCharges = WeakChargeScheme::Tree; ///< nucleon weak charges per flavour
  std::shared_ptr<const DetectorResponse> detector; ///< optional: none = perfect detector
  TimeWindow window;                              ///< analysis time window [ns]
  std::size_t recoilBins = 400;                   ///< recoil mesh from 0 to the largest T_max
  std::size_t energyNodes = 24;                   ///< Gauss-Legendre nodes in E per recoil point
  Binning observableBins{0.0, 60.0, 60};          ///< [PE or keVee]
  Binning timeBins{-1000.0, 12000.0, 65};         ///< [ns]
};

/// Everything a prediction produces. Counts are expected numbers of events.
struct CevnsPrediction {
  std::vector<Flavour> flavours;
  std::vector<double> recoilEdges;                     ///< [MeV]
  std::map<Flavour, std::vector<double>> dNdT;         ///< [1/MeV] at bin centres, all recoils (no detector)
  std::vector<double> observableEdges;                 ///< [PE or keVee]
  std::string observableUnit;                          ///< "PE" or "keVee" ("keVnr" without detector)
  std::map<Flavour, std::vector<double>> observableCounts; ///< detected counts per observable bin (time window applied)
  std::vector<double> timeEdges;                       ///< [ns]
  std::map<Flavour, std::vector<double>> timeCounts;   ///< detected counts per time bin
  std::vector<std::vector<double>> observableTimeTable; ///< [observable bin][time bin], all flavours
  std::map<Flavour, double> eventsAllRecoils;          ///< perfect detector, all times
  std::map<Flavour, double> eventsDetected;            ///< with detector response, window and time efficiency
  std::map<Flavour, double> fluence;                   ///< [1/fm^2] at the detector
  std::map<Flavour, double> fluxAveragedXsec;          ///< per target nucleus [fm^2]
  double fluxAveragedXsecAll = 0.0;                    ///< over all flavours, per nucleus [fm^2]
  double targetNuclei = 0.0;
  double eventsDetectedTotal() const;
  double eventsAllRecoilsTotal() const;
};

class CevnsRate {
public:
  explicit CevnsRate(CevnsRateConfig cfg);
  /// Compute the full prediction.
  CevnsPrediction predict() const;
  /// Cross section objects per target component for one flavour (charges may depend on it).
  const std::vector<CevnsCrossSection>& crossSections(Flavour f) const { return m_xs.at(f); }
  const CevnsRateConfig& config() const { return m_cfg; }
  /// Flux-averaged cross section of component i for flavour f [fm^2].
  double fluxAveragedXsec(std::size_t i, Flavour f) const;

private:
  CevnsRateConfig m_cfg;
  std::map<Flavour, std::vector<CevnsCrossSection>> m_xs;
};

} // namespace lenu
