#include "lenu/supernova/SnowglobesExport.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Error.hpp"
#include "lenu/core/Units.hpp"

namespace lenu::supernova {

namespace {

/// Linear interpolation of values given at bin centres; 0 outside [first centre - w/2, last + w/2].
double atCentres(const std::vector<double>& edges, const std::vector<double>& v, double x) {
  if (v.empty() || x < edges.front() || x > edges.back()) {
    return 0.0;
  }
  const std::size_t n = v.size();
  std::vector<double> c(n);
  for (std::size_t i = 0; i < n; ++i) {
    c[i] = 0.5 * (edges[i] + edges[i + 1]);
  }
  if (x <= c.front()) return v.front();
  if (x >= c.back()) return v.back();
  const auto j = static_cast<std::size_t>(std::upper_bound(c.begin(), c.end(), x) - c.begin());
  const double u = (x - c[j - 1]) / (c[j] - c[j - 1]);
  return v[j - 1] + u * (v[j] - v[j - 1]);
}

} // namespace

std::string snowglobesFluxText(const SupernovaPrediction& p) {
  require(!p.energyEdges.empty(), "snowglobesFluxText: empty prediction");
  std::array<std::vector<double>, 6> dens;
  for (std::size_t k = 0; k < 6; ++k) {
    dens[k].resize(p.fluence[k].size());
    for (std::size_t j = 0; j < dens[k].size(); ++j) {
      dens[k][j] = p.fluence[k][j] / (p.energyEdges[j + 1] - p.energyEdges[j]); // [1/fm^2/MeV]
    }
  }
  std::string s;
  const double step = 0.2; // MeV
  for (int i = 0; i <= 500; ++i) {
    const double e = step * i;
    s += fmt::format("{:.4f}", e / units::GeV);
    for (std::size_t k = 0; k < 6; ++k) {
      const double v = e <= 0.0 ? 0.0 : atCentres(p.energyEdges, dens[k], e) * step * units::cm2;
      s += fmt::format(" {:.6e}", v);
    }
    s += "\n";
  }
  return s;
}

std::string snowglobesCrossSectionText(const ChannelTable& ch, const EnergyGrid& grid) {
  const auto edges = grid.edges();
  std::string s = fmt::format("# lenu cross section of channel {} ({}; model {}) per target, 10^-38 cm^2/GeV\n",
                              ch.spec.label, toString(ch.spec.kind), ch.model);
  s += "# log(energy in GeV)  nu_e  nu_mu  nu_tau  nu_e_bar  nu_mu_bar  nu_tau_bar\n#\n";
  const double l0 = std::log10(0.0005);
  const double l1 = -1.0;
  for (int i = 0; i <= 1000; ++i) {
    const double l = l0 + (l1 - l0) * i / 1000.0;
    const double e = std::pow(10.0, l) * units::GeV;
    s += fmt::format("{:.6f}", l);
    for (std::size_t k = 0; k < 6; ++k) {
      const double sig = atCentres(edges, ch.sigma[k], e);
      s += fmt::format("  {:.6e}", sig / units::cm2 / 1e-38 / (e / units::GeV));
    }
    s += "\n";
  }
  return s;
}

std::string snowglobesRateText(const SupernovaPrediction& p, std::size_t c, bool smeared) {
  require(c < p.channels.size(), fmt::format("channel index {} out of range (0..{})", c, p.channels.size()));
  const auto& edges = smeared ? p.observedEdges[c] : p.energyEdges;
  const auto& v = smeared ? p.observedSpectrum[c] : p.spectrumNu[c];
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) {
    s += fmt::format("{:.6f} {:.6e}\n", 0.5 * (edges[i] + edges[i + 1]) / units::GeV, v[i]);
  }
  return s;
}

} // namespace lenu::supernova
