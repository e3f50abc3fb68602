#include "lenu/rate/CevnsRate.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Error.hpp"
#include "lenu/core/Integrate.hpp"
#include "lenu/core/Units.hpp"

namespace lenu {

std::vector<double> Binning::edges() const {
  require(n >= 1 && hi > lo && std::isfinite(lo) && std::isfinite(hi),
          fmt::format("binning [{}, {}) with {} bins is invalid (need hi > lo, n >= 1)", lo, hi, n));
  std::vector<double> e(n + 1);
  for (std::size_t i = 0; i <= n; ++i) {
    e[i] = lo + (hi - lo) * static_cast<double>(i) / static_cast<double>(n);
  }
  return e;
}

double CevnsPrediction::eventsDetectedTotal() const {
  double s = 0.0;
  for (const auto& [f, n] : eventsDetected) {
    s += n;
  }
  return s;
}

double CevnsPrediction::eventsAllRecoilsTotal() const {
  double s = 0.0;
  for (const auto& [f, n] : eventsAllRecoils) {
    s += n;
  }
  return s;
}

CevnsRate::CevnsRate(CevnsRateConfig cfg) : m_cfg(std::move(cfg)) {
  if (!m_cfg.source || !m_cfg.formFactor) {
    throw Error(ErrorCode::InvalidArgument, "CEvNS rate needs a neutrino source and a form-factor model");
  }
  requirePositive(m_cfg.targetMass, "target mass", "kg");
  requirePositive(m_cfg.distance, "source-detector distance", "fm");
  // The fluence of a point source, N / (4 pi L^2), needs L much larger than the source (~ m);
  // 1 cm is accepted as the smallest distance (and keeps 1/L^2 finite).
  if (!(m_cfg.distance >= 1e-2 * units::m)) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("source-detector distance = {} m is below 0.01 m: the point-source fluence N/(4 pi L^2) "
                            "needs L much larger than the source",
                            m_cfg.distance / units::m));
  }
  require(m_cfg.recoilBins >= 10, fmt::format("recoilBins = {} must be >= 10", m_cfg.recoilBins));
  require(m_cfg.energyNodes >= 4, fmt::format("energyNodes = {} must be >= 4", m_cfg.energyNodes));
  require(m_cfg.window.end > m_cfg.window.begin,
          fmt::format("time window [{}, {}) ns is empty", m_cfg.window.begin, m_cfg.window.end));
  std::vector<NucleonFormFactors> ff;
  for (const auto& c : m_cfg.target.components()) {
    ff.push_back(m_cfg.formFactor->forNuclide(c.nuclide));
  }
  for (Flavour f : m_cfg.source->flavours()) {
    auto& xs = m_xs[f];
    for (std::size_t i = 0; i < ff.size(); ++i) {
      xs.emplace_back(m_cfg.target.components()[i].nuclide, ff[i], weakChargesFor(m_cfg.weakCharges, f));
    }
  }
}

double CevnsRate::fluxAveragedXsec(std::size_t i, Flavour f) const {
  const auto spec = m_cfg.source->spectrum(f, m_cfg.window);
  const auto& xs = m_xs.at(f).at(i);
  return spec.average([&](double e) { return xs.sigma(e); }, 1e-8);
}

CevnsPrediction CevnsRate::predict() const {
  CevnsPrediction p;
  const auto& src = *m_cfg.source;
  p.flavours = src.flavours();
  const auto& comps = m_cfg.target.components();
  std::vector<double> nuclei(comps.size());
  for (std::size_t i = 0; i < comps.size(); ++i) {
    nuclei[i] = m_cfg.target.nucleiOf(i, m_cfg.targetMass);
    p.targetNuclei += nuclei[i];
  }

  std::map<Flavour, EnergySpectrum> spectra;
  double eMax = 0.0;
  for (Flavour f : p.flavours) {
    spectra.emplace(f, src.spectrum(f, src.separable() ? TimeWindow{} : m_cfg.window));
    eMax = std::max(eMax, spectra.at(f).maxEnergy());
  }
  double tMax = 0.0;
  for (const auto& xs : m_xs.begin()->second) {
    tMax = std::max(tMax, xs.maxRecoil(eMax));
  }
  p.recoilEdges = Binning{0.0, tMax, m_cfg.recoilBins}.edges();
  const double dT = tMax / static_cast<double>(m_cfg.recoilBins);
  const GaussLegendre unit(m_cfg.energyNodes, 0.0, 1.0);

  const auto* det = m_cfg.detector.get();
  if (det != nullptr) {
    p.observableEdges = m_cfg.observableBins.edges();
    p.observableUnit = det->observableUnit();
  } else {
    p.observableEdges.resize(p.recoilEdges.size());
    std::transform(p.recoilEdges.begin(), p.recoilEdges.end(), p.observableEdges.begin(),
                   [](double t) { return t / units::keV; });
    p.observableUnit = "keVnr";
  }
  p.timeEdges = m_cfg.timeBins.edges();
  const std::size_t nObs = p.observableEdges.size() - 1;
  const std::size_t nTime = p.timeEdges.size() - 1;
  p.observableTimeTable.assign(nObs, std::vector<double>(nTime, 0.0));

  double xsecNum = 0.0;
  double xsecDen = 0.0;
  for (Flavour f : p.flavours) {
    const auto& spec = spectra.at(f);
    const double phi = src.fluence(f, m_cfg.distance);
    p.fluence[f] = phi;
    const auto* cont = spec.continuousPart();
    const auto& xsf = m_xs.at(f);

    // dN/dT at recoil-bin centres
    std::vector<double> dndt(m_cfg.recoilBins, 0.0);
    for (std::size_t b = 0; b < m_cfg.recoilBins; ++b) {
      const double t = (static_cast<double>(b) + 0.5) * dT;
      double rate = 0.0;
      for (std::size_t i = 0; i < xsf.size(); ++i) {
        const auto& xs = xsf[i];
        double avg = 0.0;
        for (const auto& l : spec.lines()) {
          avg += l.weight * xs.dSigmaDT(l.energy, t);
        }
        if (cont != nullptr && spec.continuousWeight() > 0.0) {
          const double e0 = std::max(cont->eMin(), xs.minNeutrinoEnergy(t));
          const double e1 = cont->eMax();
          if (e1 > e0) {
            double s = 0.0;
            for (std::size_t k = 0; k < unit.x.size(); ++k) {
              const double e = e0 + (e1 - e0) * unit.x[k];
              s += unit.w[k] * cont->pdf(e) * xs.dSigmaDT(e, t);
            }
            avg += spec.continuousWeight() * s * (e1 - e0);
          }
        }
        rate += nuclei[i] * avg;
      }
      dndt[b] = phi * rate;
    }
    double all = 0.0;
    for (double v : dndt) {
      all += v * dT;
    }
    p.eventsAllRecoils[f] = all;
    p.dNdT[f] = dndt;

    // flux-averaged cross section per nucleus
    double fa = 0.0;
    for (std::size_t i = 0; i < xsf.size(); ++i) {
      fa += nuclei[i] * fluxAveragedXsec(i, f);
    }
    p.fluxAveragedXsec[f] = fa / p.targetNuclei;
    xsecNum += phi * fa;
    xsecDen += phi * p.targetNuclei;

    // detector response, before timing
    std::vector<double> obs(nObs, 0.0);
    double detected = 0.0;
    for (std::size_t b = 0; b < m_cfg.recoilBins; ++b) {
      const double t = (static_cast<double>(b) + 0.5) * dT;
      const double c = dndt[b] * dT;
      if (det != nullptr) {
        det->fold(t, c, p.observableEdges, obs);
        detected += c * det->detectionProbability(t);
      } else {
        obs[b] += c;
        detected += c;
      }
    }

    // timing: fraction inside the window, weighted by the time efficiency
    double timeFrac = 0.0;
    const bool timeEff = det != nullptr && det->config().timeEfficiency;
    if (!timeEff) {
      timeFrac = src.timeFraction(f, m_cfg.window);
    } else {
      const auto range = src.timeRange();
      const double lo = std::max(range.begin, m_cfg.window.begin);
      const double hi = std::min(range.end, m_cfg.window.end);
      const int n = 2000;
      for (int k = 0; k < n && hi > lo; ++k) {
        const double a = lo + (hi - lo) * k / n;
        const double b = lo + (hi - lo) * (k + 1) / n;
        timeFrac += src.timeFraction(f, {a, b}) * det->timeEfficiency(0.5 * (a + b));
      }
    }
    p.eventsDetected[f] = detected * timeFrac;
    std::vector<double> obsWindow(obs);
    for (double& v : obsWindow) {
      v *= timeFrac;
    }
    p.observableCounts[f] = obsWindow;

    std::vector<double> tc(nTime, 0.0);
    for (std::size_t k = 0; k < nTime; ++k) {
      const double a = std::max(p.timeEdges[k], m_cfg.window.begin);
      const double b = std::min(p.timeEdges[k + 1], m_cfg.window.end);
      if (b <= a) {
        continue;
      }
      const double fr = src.timeFraction(f, {a, b}) * (det != nullptr ? det->timeEfficiency(0.5 * (a + b)) : 1.0);
      tc[k] = detected * fr;
      for (std::size_t o = 0; o < nObs; ++o) {
        p.observableTimeTable[o][k] += obs[o] * fr;
      }
    }
    p.timeCounts[f] = tc;
  }
  p.fluxAveragedXsecAll = xsecDen > 0.0 ? xsecNum / xsecDen : 0.0;
  // Exposures so large that a count overflows are reported, never printed as inf / NaN.
  const double all = p.eventsAllRecoilsTotal();
  const double detected = p.eventsDetectedTotal();
  if (!std::isfinite(all) || !std::isfinite(detected) || !std::isfinite(p.fluxAveragedXsecAll)) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("CEvNS rate overflows (events {} / detected {}): exposure out of range (target mass {} kg, "
                            "distance {} m; check protons on target and neutrinos per proton)",
                            all, detected, m_cfg.targetMass, m_cfg.distance / units::m));
  }
  return p;
}

} // namespace lenu
