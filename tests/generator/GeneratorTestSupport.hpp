#pragma once
// Shared fixtures of the generator tests: a monochromatic source, processes, chi^2 helpers.

#include <cmath>
#include <memory>
#include <vector>

#include <gsl/gsl_cdf.h>
#include <gtest/gtest.h>

#include "lenu/core/Nuclide.hpp"
#include "lenu/generator/CevnsProcess.hpp"
#include "lenu/generator/InelasticProcess.hpp"
#include "lenu/inelastic/InelasticModels.hpp"
#include "lenu/models/FormFactorFactory.hpp"
#include "lenu/source/NeutrinoSource.hpp"
#include "lenu/source/StoppedPionSource.hpp"

namespace lenu::generator::testing {

/// One flavour, one energy line, uniform emission time on [0, 100] ns, 1e20 neutrinos.
class LineSource final : public NeutrinoSource {
public:
  LineSource(Flavour f, double e) : m_f(f), m_e(e) {}
  std::vector<Flavour> flavours() const override { return {m_f}; }
  double totalNeutrinos(Flavour) const override { return 1e20; }
  EnergySpectrum spectrum(Flavour, TimeWindow = {}) const override { return EnergySpectrum::line(m_e); }
  double timeFraction(Flavour, TimeWindow) const override { return 1.0; }
  double timePdf(Flavour, double t) const override { return t >= 0.0 && t <= 100.0 ? 0.01 : 0.0; }
  TimeWindow timeRange() const override { return {0.0, 100.0}; }
  std::string description() const override { return "test line source"; }

private:
  Flavour m_f;
  double m_e;
};

inline const NuclideTable& nuclides() {
  static const NuclideTable t = NuclideTable::load();
  return t;
}

inline CevnsCrossSection cevnsXs(const std::string& name) {
  const Nuclide& n = nuclides().get(name);
  return CevnsCrossSection(n, makeFormFactorModel("helm")->forNuclide(n));
}

inline std::shared_ptr<CevnsProcess> cevnsProcess(const std::string& name, Flavour f, double eMax,
                                                  std::vector<double> extra = {}) {
  CevnsProcess::Config c;
  c.eMax = eMax;
  c.energyNodes = 400;
  c.extraNodes = std::move(extra);
  return std::make_shared<CevnsProcess>(cevnsXs(name), f, c);
}

inline std::shared_ptr<InelasticProcess> argonCc(double eMax, std::vector<double> extra = {},
                                                 std::shared_ptr<const Deexcitation> deex = nullptr) {
  const Nuclide& ar = nuclides().get("Ar40");
  const auto mode = inelastic::ResponseMode::ChargedCurrentNu;
  inelastic::InelasticModelOptions o;
  o.model = "allowed";
  auto resp = inelastic::makeInelasticResponse("Ar40", mode, o, nuclides());
  const double mi = ar.nuclearMass();
  const double mf = mi + inelastic::chargedCurrentQValue(ar, mode, nuclides());
  InelasticProcess::Config c;
  c.eMax = eMax;
  c.energyNodes = 24;
  c.extraNodes = std::move(extra);
  c.cosNodes = 9;
  return std::make_shared<InelasticProcess>(resp, Flavour::NuE, mi, mf, c, std::move(deex));
}

inline std::shared_ptr<StoppedPionSource> snsSource() {
  StoppedPionSource::Config c;
  c.protonsOnTarget = 1e23;
  return std::make_shared<StoppedPionSource>(c);
}

/// chi^2 of observed counts against expected counts (bins with expected < 5 merged into the next).
struct ChiSquare {
  double chi2 = 0.0;
  int ndf = 0;
  double pValue = 0.0;
};
inline ChiSquare chiSquare(const std::vector<double>& observed, const std::vector<double>& expected) {
  ChiSquare r;
  double o = 0.0, e = 0.0;
  int bins = 0;
  for (std::size_t i = 0; i < observed.size(); ++i) {
    o += observed[i];
    e += expected[i];
    if (e >= 5.0 || i + 1 == observed.size()) {
      if (e > 0.0) {
        r.chi2 += (o - e) * (o - e) / e;
        ++bins;
      }
      o = e = 0.0;
    }
  }
  r.ndf = bins - 1; // total normalised to the sample size
  r.pValue = gsl_cdf_chisq_Q(r.chi2, r.ndf);
  return r;
}

/// p-value threshold of every chi^2 test of the generator (fixed seeds: deterministic).
inline constexpr double kPValueThreshold = 1e-3;

} // namespace lenu::generator::testing
