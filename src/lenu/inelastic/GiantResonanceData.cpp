#include "lenu/inelastic/GiantResonanceData.hpp"

#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Csv.hpp"
#include "lenu/core/DataPath.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/inelastic/StrengthOperators.hpp"

namespace lenu::inelastic {

std::vector<GiantResonanceDatum> readGiantResonances(const std::string& path) {
  const CsvTable t = CsvTable::read(path);
  std::vector<GiantResonanceDatum> out;
  for (std::size_t i = 0; i < t.rows(); ++i) {
    GiantResonanceDatum d;
    d.id = t.str(i, "id");
    d.nucleus = t.str(i, "nucleus");
    d.resonance = t.str(i, "resonance");
    d.op = t.str(i, "operator");
    d.quantity = t.str(i, "quantity");
    d.energy = t.num(i, "energy_MeV");
    d.energyUnc = t.str(i, "energy_unc_MeV").empty() ? 0.0 : t.num(i, "energy_unc_MeV");
    d.width = t.str(i, "width_MeV").empty() ? -1.0 : t.num(i, "width_MeV");
    d.widthUnc = t.str(i, "width_unc_MeV").empty() ? 0.0 : t.num(i, "width_unc_MeV");
    d.windowLo = t.num(i, "window_lo_MeV");
    d.windowHi = t.num(i, "window_hi_MeV");
    d.citation = t.str(i, "citation");
    d.verified = t.str(i, "verified") == "yes";
    require(d.windowHi > d.windowLo, fmt::format("{}: row {} ({}) window [{}, {}] MeV is empty", path, i + 1, d.id, d.windowLo, d.windowHi));
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<GiantResonanceDatum> loadGiantResonances() {
  return readGiantResonances(dataFile("reference/giant_resonances.csv").string());
}

std::vector<GiantResonanceComparison> compareGiantResonances(const StrengthModel& model,
                                                             const std::vector<GiantResonanceDatum>& data, double eta,
                                                             double eMax) {
  std::vector<GiantResonanceComparison> out;
  const double r2 = model.sumRules.densities.meanSquareRadius();
  const NuclideTable table = NuclideTable::load();
  for (const auto& d : data) {
    // Match the nucleus by name (e.g. "Pb208") against Z, N of the model.
    const Nuclide& nuc = table.get(d.nucleus);
    if (nuc.Z != model.Z || nuc.N() != model.N) continue;
    GiantResonanceComparison c;
    c.datum = d;
    const NamedOperator op = standardOperator(d.op, model.Z, model.N, r2);
    double q = 0.0;
    if (op.chargeExchange()) {
      q = op.components.front().isospin == IsospinOperator::Minus ? model.qValueMinus : model.qValuePlus;
      if (std::isnan(q)) { out.push_back(c); continue; }
    }
    MomentConfig w;
    w.eta = eta;
    w.eMin = d.windowLo + q;
    w.eMax = d.windowHi + q;
    w.panel = 0.5;
    const StrengthMoments mw = strengthMoments(*model.strength, op.components, w);
    MomentConfig f = w;
    f.eMin = op.chargeExchange() ? -30.0 : 0.0;
    f.eMax = eMax;
    f.panel = 1.0;
    const StrengthMoments mf = strengthMoments(*model.strength, op.components, f);
    c.available = true;
    c.modelM0 = mw.m0;
    c.modelCentroid = mw.m0 > 0.0 ? mw.centroid() - q : 0.0;
    c.modelFullCentroid = mf.m0 > 0.0 ? mf.centroid() - q : 0.0;
    out.push_back(c);
  }
  return out;
}

std::string formatGiantResonanceComparison(const std::vector<GiantResonanceComparison>& cs, const std::string& modelName) {
  std::string s = fmt::format("{:<8} {:<6} {:<4} {:>22} {:>12} {:>22} {:>16}  {}\n", "nucleus", "mode", "op", "measured E [MeV]",
                              "FWHM [MeV]", fmt::format("{} m1/m0 window", modelName), "full range [MeV]", "source");
  for (const auto& c : cs) {
    const auto& d = c.datum;
    const std::string meas = fmt::format("{:.2f} +- {:.2f} ({})", d.energy, d.energyUnc, d.quantity);
    const std::string width = d.width >= 0.0 ? fmt::format("{:.2f}", d.width) : std::string("-");
    const std::string win = !c.available        ? std::string("n/a (no Q)")
                            : c.modelM0 > 0.0 ? fmt::format("{:.2f} [{:g},{:g}]", c.modelCentroid, d.windowLo, d.windowHi)
                                              : fmt::format("no strength [{:g},{:g}]", d.windowLo, d.windowHi);
    const std::string full = c.available ? fmt::format("{:.2f}", c.modelFullCentroid) : std::string("n/a");
    s += fmt::format("{:<8} {:<6} {:<4} {:>22} {:>12} {:>22} {:>16}  {}{}\n", d.nucleus, d.resonance, d.op, meas, width, win, full,
                     d.citation, d.verified ? "" : " [UNCONFIRMED]");
  }
  return s;
}

} // namespace lenu::inelastic
