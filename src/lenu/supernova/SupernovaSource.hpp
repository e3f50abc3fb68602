#pragma once
/// @file SupernovaSource.hpp
/// Core-collapse supernova neutrino sources: per flavour, one or more emission components, each a
/// piecewise-linear time series of luminosity L(t), mean energy <E>(t) and pinching alpha(t) with
/// the pinched spectrum of PinchedSpectrum.hpp at every instant. The number emission rate of a
/// component is L(t)/<E>(t). Energy and time do not factorise (separable() == false).
///
/// Units inside: times in ns (t = 0 is core bounce), energies in MeV, luminosities in MeV/ns.
/// At I/O: seconds, erg, erg/s, kpc (constants below). The formats of the readers are documented
/// in docs/supernova-formats.md.

#include <array>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "lenu/core/Units.hpp"
#include "lenu/source/FluenceTableSource.hpp"
#include "lenu/source/NeutrinoSource.hpp"

namespace lenu::supernova {

/// 1 erg in MeV: 1e-7 J (exact; SI) with 1 MeV = 1.602176634e-13 J (units::joule).
inline constexpr double kErg = 1.0e-7 * units::joule;
/// 1 erg/s in MeV/ns.
inline constexpr double kErgPerSecond = kErg / units::s;

/// One emission component: L, <E>, alpha piecewise linear between the knots, zero luminosity
/// outside [time.front(), time.back()].
struct EmissionSeries {
  std::vector<double> time;       ///< knots [ns], strictly increasing, at least 2
  std::vector<double> luminosity; ///< L [MeV/ns] >= 0 at the knots
  std::vector<double> meanEnergy; ///< <E> [MeV] at the knots
  std::vector<double> alpha;      ///< pinching parameter at the knots

  /// Throws Error(InvalidArgument) naming `what`, the knot and the accepted range on bad input.
  void validate(const std::string& what) const;
  struct Point {
    double luminosity = 0.0; ///< [MeV/ns]
    double meanEnergy = 1.0; ///< [MeV]
    double alpha = 2.0;
  };
  /// Interpolated parameters at t [ns] (luminosity 0 outside the knots).
  Point at(double t) const;
  /// Number emission rate L/<E> [1/ns] at t.
  double numberRate(double t) const;
  /// Neutrinos emitted in [t0, t1) (4-point Gauss-Legendre per knot interval).
  double numberEmitted(double t0, double t1) const;
  /// Energy emitted in [t0, t1) [MeV] (exact for piecewise-linear L).
  double energyEmitted(double t0, double t1) const;
};

/// A supernova as a NeutrinoSource.
class SupernovaSource final : public NeutrinoSource {
public:
  using Components = std::map<Flavour, std::vector<std::shared_ptr<const EmissionSeries>>>;
  /// Validates every series; flavours without components emit nothing.
  SupernovaSource(Components components, std::string description);

  std::vector<Flavour> flavours() const override;
  double totalNeutrinos(Flavour f) const override;
  /// Number-weighted mixture of the instantaneous pinched spectra over the window. Throws
  /// Error(InvalidArgument) if flavour f emits nothing inside w.
  EnergySpectrum spectrum(Flavour f, TimeWindow w = {}) const override;
  double timeFraction(Flavour f, TimeWindow w) const override;
  double timePdf(Flavour f, double t) const override;
  TimeWindow timeRange() const override { return m_range; }
  bool separable() const override { return false; }
  std::string description() const override { return m_description; }

  /// Total energy emitted in flavour f [MeV].
  double totalEnergy(Flavour f) const;
  /// The components of flavour f (empty if none).
  const std::vector<std::shared_ptr<const EmissionSeries>>& components(Flavour f) const;
  /// Add to out[j] the number of flavour-f neutrinos emitted in [t0, t1) with energy in bin j,
  /// using the parameters at the middle of the interval and the spectrum at the bin centres
  /// `centres` [MeV] times the widths `widths` [MeV] (fast path of the rate engine). `scratch`
  /// holds ln(centres) (same size).
  void addBinnedEmission(Flavour f, double t0, double t1, const std::vector<double>& centres,
                         const std::vector<double>& logCentres, const std::vector<double>& widths,
                         std::vector<double>& out) const;

private:
  Components m_components;
  std::vector<std::shared_ptr<const EmissionSeries>> m_none; ///< returned for flavours without emission
  std::string m_description;
  TimeWindow m_range;
};

/// Spectral parameters of one flavour group in the constant-parameter model.
struct PinchedFlavourParams {
  double meanEnergy = 10.0;  ///< <E> [MeV]
  double alpha = 2.5;        ///< pinching
  double totalEnergy = 5e52 * kErg; ///< energy emitted in this flavour [MeV] (one flavour, not the group)
};

/// The constant-parameter pinched model: <E> and alpha constant in time per flavour group
/// (nu_e, anti-nu_e, and each of the four nu_x = nu_mu, nu_tau, anti-nu_mu, anti-nu_tau), and a
/// luminosity L(t) = A exp(-t / tau) on [0, duration], A fixed so that \int L dt = totalEnergy.
/// The exponential cooling profile is a lenu parametrisation (an assumption, not a fit to a
/// simulation); only the time profile depends on it, the time-integrated fluences do not.
///
/// Default parameters (ASSUMPTION, typical of 1D simulations; cf. the ranges quoted by Tamborra et
/// al., PRD 86 (2012) 125031): <E> = 9.5 / 12 / 15 MeV, alpha = 2.5 for all, and energy
/// equipartition 5e52 erg per flavour (3e53 erg in total, the canonical binding energy).
/// The nu_e values (9.5 MeV, alpha 2.5, 5e52 erg) are the reference point of the DUNE spectral-fit
/// study, DUNE Collaboration, EPJC 81 (2021) 423, Sec. 6 (UNCONFIRMED transcription).
struct PinchedModelConfig {
  PinchedFlavourParams nue{9.5, 2.5, 5e52 * kErg};
  PinchedFlavourParams nuebar{12.0, 2.5, 5e52 * kErg};
  PinchedFlavourParams nux{15.0, 2.5, 5e52 * kErg};
  double decayTime = 3.0 * units::s;  ///< tau [ns] (ASSUMPTION: cooling time scale of seconds)
  double duration = 10.0 * units::s;  ///< emission stops after this [ns]
  int knots = 400;                    ///< knots of the piecewise-linear series (geometric in t)
  bool neutronizationBurst = false;   ///< add the analytic nu_e burst (NeutronizationBurst)
};

/// The analytic nu_e neutronization burst (a lenu parametrisation of its shape): a Gaussian rise
/// and an exponential decay,
///   L(t) = L_peak exp(-(t - t_peak)^2 / (2 sigma_rise^2))  for t <= t_peak,
///   L(t) = L_peak exp(-(t - t_peak) / tau_decay)            for t >  t_peak,
/// at constant <E> and alpha. Default parameters are read off the nu_e light curve of the
/// Garching 8.8 M_sun electron-capture supernova (Huedepohl et al., PRL 104 (2010) 251101) as
/// digitised in SNOwGLoBES (fluxes/garching/luminosity_nue_garching.txt, avgen_nue_garching.txt,
/// alpha_nue_garching.txt): peak 3.8e53 erg/s at 5.9 ms after bounce, half maximum at 3.7 ms and
/// 14.0 ms (-> sigma_rise = 1.85 ms, tau_decay = 11.7 ms), <E> = 12 MeV at the peak, alpha = 4.8
/// at the first tabulated point. The burst then carries about 5e51 erg.
struct NeutronizationBurst {
  double peakLuminosity = 3.8e53 * kErgPerSecond; ///< [MeV/ns]
  double peakTime = 5.9 * units::ms;              ///< [ns] after bounce
  double riseWidth = 1.85 * units::ms;            ///< sigma_rise [ns]
  double decayTime = 11.7 * units::ms;            ///< tau_decay [ns]
  double meanEnergy = 12.0;                       ///< [MeV]
  double alpha = 4.8;
  /// The burst as a series (knots every 0.1 ms from t_peak - 6 sigma to t_peak + 15 tau).
  std::shared_ptr<const EmissionSeries> series() const;
};

/// The constant-parameter model (plus the burst if requested).
std::shared_ptr<const SupernovaSource> makePinchedSupernova(const PinchedModelConfig& cfg,
                                                            const NeutronizationBurst& burst = {});

/// Readers of simulation tables (docs/supernova-formats.md). Each throws Error(IoError) if the
/// file cannot be read and Error(ConfigError) naming file:line and the bad field otherwise.
/// "moments" table: whitespace- or comma-separated columns time_s and, per flavour (nue, nuebar,
/// nux, or any of the six names), L_<fl>_erg_s, E_<fl>_MeV and alpha_<fl> or E2_<fl>_MeV2.
std::shared_ptr<const SupernovaSource> readMomentsTable(const std::filesystem::path& file);
/// Nakazato et al. (ApJS 205 (2013) 2) layout: blocks of one time line [s] followed by energy-bin
/// lines E_lo E_hi dN_e/dE dN_ebar/dE dN_x/dE dL_e/dE dL_ebar/dE dL_x/dE (MeV, 1/MeV/s,
/// erg/MeV/s); each block is reduced to L, <E>, <E^2> (pinched fit).
std::shared_ptr<const SupernovaSource> readNakazatoTable(const std::filesystem::path& file);
/// The Garching layout as digitised in SNOwGLoBES fluxes/garching/: a directory with
/// luminosity_<fl>_garching.txt (t [s], L [1e52 erg/s]), avgen_<fl>_garching.txt (t [s], <E> [MeV])
/// and alpha_<fl>_garching.txt (t [s], alpha) for fl = nue, nuebar, numu (numu stands for all nu_x).
std::shared_ptr<const SupernovaSource> readGarchingDirectory(const std::filesystem::path& dir);

/// A SNOwGLoBES flux file (fluxes/*.dat): 7 whitespace-separated columns, E [GeV] then the
/// fluence [neutrinos / cm^2 per energy bin] of nu_e, nu_mu, nu_tau, anti-nu_e, anti-nu_mu,
/// anti-nu_tau at `referenceDistance` (SNOwGLoBES: 10 kpc), on a uniform energy grid (the bin
/// width is the row spacing, 0.2 MeV in SNOwGLoBES). Time-integrated: all neutrinos at t = 0.
class SnowglobesFluenceSource final : public FluenceTableSource {
public:
  SnowglobesFluenceSource(const std::filesystem::path& file, double referenceDistance = 10.0 * units::kpc);
  TimeWindow timeRange() const override { return {-1.0 * units::ms, 1.0 * units::ms}; }
  std::string description() const override { return m_description; }

private:
  std::string missingFlavourMessage(Flavour f) const override;
  std::string m_description;
};

/// Read any supported table by sniffing: a directory -> Garching; a file whose first data line has
/// 7 numeric columns -> SNOwGLoBES; a header naming time_s -> moments; otherwise Nakazato.
std::shared_ptr<const NeutrinoSource> readSupernovaModel(const std::filesystem::path& path);

} // namespace lenu::supernova
