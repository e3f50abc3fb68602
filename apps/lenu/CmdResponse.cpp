/// `lenu response`: strength functions of the classic one-body operators (giant resonances,
/// Fermi, Gamow-Teller, spin dipole) of a nucleus in a response model, their moments and sum
/// rules (src/lenu/inelastic/OperatorStrength.hpp, SumRules.hpp, StrengthModels.hpp).

#include <cmath>
#include <cstdio>
#include <iostream>
#include <limits>
#include <memory>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "CliSupport.hpp"
#include "Commands.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/inelastic/GiantResonanceData.hpp"
#include "lenu/inelastic/StrengthModels.hpp"
#include "lenu/inelastic/StrengthOperators.hpp"
#include "lenu/inelastic/SumRules.hpp"
#include "lenu/io/AtomicFile.hpp"
#include "lenu/io/Plot.hpp"

namespace lenu::cli {
namespace {

using namespace lenu::inelastic;

struct ResponseOptions {
  std::string target;
  std::string force;
  std::string op;
  std::string model = "hf";
  std::string range;
  double eta = 0.5;
  bool json = false;
  bool data = false;
  std::optional<std::string> plot;
  std::optional<std::string> csv;
};

struct Range { double lo, hi; int n; };

Range parseRange(const std::string& r) {
  Range g{0.0, 0.0, 0};
  char tail = 0;
  if (std::sscanf(r.c_str(), "%lf:%lf:%d%c", &g.lo, &g.hi, &g.n, &tail) != 3 || !std::isfinite(g.lo) ||
      !std::isfinite(g.hi) || !(g.hi > g.lo) || g.n < 2 || g.n > 20000 || g.lo < -50.0 || g.hi > 200.0) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("--range '{}' must be EMIN:EMAX:N [MeV] with -50 <= EMIN < EMAX <= 200 and 2 <= N <= 20000 "
                            "(e.g. 0:40:161)",
                            r));
  }
  return g;
}

std::string modelName(const ResponseOptions& o) {
  if (o.force.empty()) return o.model;
  if (o.model == "ws")
    throw Error(ErrorCode::InvalidArgument, fmt::format("--force {} applies to Skyrme models (hf), not to --model ws", o.force));
  if (o.model.find(':') != std::string::npos)
    throw Error(ErrorCode::InvalidArgument, fmt::format("give the force either in --model {} or with --force, not both", o.model));
  return o.model + ":" + o.force;
}

// Moments exactly (eta = 0) when the model has an eta = 0 density, else with the smearing eta.
StrengthMoments moments(const OperatorStrength& m, const std::vector<LocalOperator>& comps, double lo, double hi,
                        double eta, double* usedEta) {
  MomentConfig mc;
  mc.eMin = lo;
  mc.eMax = hi;
  mc.panel = 0.5;
  try {
    *usedEta = 0.0;
    return strengthMoments(m, comps, mc);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::InvalidArgument || eta <= 0.0) throw;
  }
  mc.eta = eta;
  *usedEta = eta;
  return strengthMoments(m, comps, mc);
}

void run(const ResponseOptions& o) {
  require(std::isfinite(o.eta) && o.eta >= 0.0 && o.eta <= 20.0,
          fmt::format("--eta {} MeV outside [0, 20] (Lorentzian half-width; 0 = continuum only, lines listed apart)", o.eta));
  const NuclideTable table = NuclideTable::load();
  const Nuclide& nuc = table.get(o.target);
  // Validate the operator name and the range before the (slow) model build.
  const bool ceName = standardOperator(o.op, nuc.Z, nuc.N(), 1.0).chargeExchange();
  const Range rg = parseRange(o.range.empty() ? (ceName ? "-5:40:181" : "0:40:161") : o.range);
  StrengthModelOptions so;
  so.model = modelName(o);
  // Continuum table for the Lorentzian fold: up to the range end plus 30 half-widths.
  so.meanField.foldMax = std::min(500.0, std::max(rg.hi, 1.0) + 10.0 + 30.0 * o.eta);
  so.meanField.foldStep = 0.25;
  const StrengthModel sm = makeOperatorStrength(o.target, so, table);
  const OperatorStrength& model = *sm.strength;
  const auto& dens = sm.sumRules.densities;
  const NamedOperator op = standardOperator(o.op, sm.Z, sm.N, dens.meanSquareRadius());
  const bool ce = op.chargeExchange();
  const std::string unit = op.strengthUnit;                        // S(E)
  const std::string bUnit = unit.substr(0, unit.find('/')) == "1" ? std::string("(dimensionless)") : unit.substr(0, unit.find('/'));
  const std::string eFrame = ce ? fmt::format("omega = E_x(daughter) + Q from the {} ground state", nuc.name())
                                : fmt::format("excitation energy of {}", nuc.name());

  // Curve, lines, moments.
  std::vector<double> es = grid(rg.lo, rg.hi, static_cast<std::size_t>(rg.n), false), ss;
  for (double e : es) {
    double s = 0.0;
    for (const auto& c : op.components) s += model.strengthDensity(c, e, o.eta);
    ss.push_back(s);
  }
  const auto lines = combinedLines(model, op.components);
  double momentEta = 0.0;
  const StrengthMoments mom = moments(model, op.components, rg.lo, rg.hi, o.eta, &momentEta);
  // Sum-rule references.
  double ewsrRef = std::numeric_limits<double>::quiet_NaN(), ewsrMf = std::numeric_limits<double>::quiet_NaN();
  double kappa = std::numeric_limits<double>::quiet_NaN();
  if (!ce) {
    ewsrRef = doubleCommutatorM1(op.components.front(), dens, false, sm.sumRules.b1);
    ewsrMf = doubleCommutatorM1(op.components.front(), dens, true, 0.0);
    if (o.op == "IV1") kappa = trkEnhancement(dens, sm.sumRules.b1);
  }
  std::optional<StrengthMoments> partner;
  double nonEwRef = std::numeric_limits<double>::quiet_NaN();
  if (ce) {
    const NamedOperator p = standardOperator(op.partnerName(), sm.Z, sm.N, dens.meanSquareRadius());
    double pe = 0.0;
    partner = moments(model, p.components, rg.lo, rg.hi, o.eta, &pe);
    const double nz = sm.N - sm.Z;
    const std::string base = o.op.back() == '+' ? o.op.substr(0, o.op.size() - 1) : o.op;
    nonEwRef = base == "F" ? nz : base == "GT" ? 3.0 * nz
                                               : 9.0 / (4.0 * 3.14159265358979323846) *
                                                     (dens.moment(2, false, true) - dens.moment(2, true, false));
  }
  std::vector<GiantResonanceComparison> grs;
  if (o.data) {
    std::vector<GiantResonanceDatum> sel;
    const std::string base = o.op;
    for (const auto& d : loadGiantResonances())
      if (d.op == base) sel.push_back(d);
    grs = compareGiantResonances(sm, sel, momentEta);
  }
  const double sMinus = ce ? (o.op.back() == '+' ? partner->m0 : mom.m0) : 0.0;
  const double sPlus = ce ? (o.op.back() == '+' ? mom.m0 : partner->m0) : 0.0;

  auto orNull = [](double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); };
  if (o.json) {
    nlohmann::json j;
    j["target"] = nuc.name();
    j["operator"] = o.op;
    j["operator_description"] = op.description;
    j["model"] = sm.model;
    j["description"] = model.description();
    j["strength_unit"] = unit;
    j["energy"] = eFrame;
    j["eta_MeV"] = o.eta;
    j["range_MeV"] = {rg.lo, rg.hi};
    j["moments_eta_MeV"] = momentEta;
    j["m_minus1"] = mom.mMinus1;
    j["m0"] = mom.m0;
    j["m1"] = mom.m1;
    j["centroid_MeV"] = orNull(mom.m0 > 0.0 ? mom.centroid() : std::numeric_limits<double>::quiet_NaN());
    j["ewsr_reference"] = orNull(ewsrRef);
    j["ewsr_reference_mean_field"] = orNull(ewsrMf);
    j["ewsr_fraction"] = orNull(ce ? std::numeric_limits<double>::quiet_NaN() : mom.m1 / ewsrRef);
    j["trk_kappa"] = orNull(kappa);
    if (ce) {
      j["sum_rule"] = {{"S_minus", sMinus}, {"S_plus", sPlus}, {"difference", sMinus - sPlus}, {"reference", nonEwRef},
                       {"fraction", nonEwRef != 0.0 ? (sMinus - sPlus) / nonEwRef : 0.0}};
      j["q_value_MeV"] = orNull(o.op.back() == '+' ? sm.qValuePlus : sm.qValueMinus);
    }
    j["lines"] = nlohmann::json::array();
    for (const auto& l : lines) j["lines"].push_back({{"energy_MeV", l.energy}, {"strength", l.strength}, {"label", l.label}});
    j["curve"] = {{"E_MeV", es}, {"S", ss}};
    for (const auto& g : grs)
      j["giant_resonances"].push_back({{"id", g.datum.id}, {"measured_MeV", g.datum.energy}, {"quantity", g.datum.quantity},
                                       {"model_centroid_MeV", orNull(g.available ? g.modelCentroid : std::nan(""))},
                                       {"window_MeV", {g.datum.windowLo, g.datum.windowHi}}, {"citation", g.datum.citation},
                                       {"verified", g.datum.verified}});
    std::cout << j.dump(2) << "\n";
  } else {
    fmt::print("Strength of {} on {} (model {})\n  operator: {}\n  model: {}\n  E = {} [MeV]; S(E) in {}; lines in {}\n",
               o.op, nuc.name(), sm.model, op.description, model.description(), eFrame, unit, bUnit);
    fmt::print("Discrete lines ({}; strongest 30 listed):\n", lines.size());
    std::vector<StrengthLine> top = lines;
    std::sort(top.begin(), top.end(), [](const auto& a, const auto& b) { return a.strength > b.strength; });
    if (top.size() > 30) top.resize(30);
    std::sort(top.begin(), top.end(), [](const auto& a, const auto& b) { return a.energy < b.energy; });
    for (const auto& l : top) fmt::print("  E = {:9.3f} MeV  B = {:12.5g} {}  {}\n", l.energy, l.strength, bUnit, l.label);
    fmt::print("Moments over [{:g}, {:g}] MeV ({}):\n", rg.lo, rg.hi,
               momentEta == 0.0 ? "exact: lines + continuum" : fmt::format("smeared, eta = {} MeV", momentEta));
    fmt::print("  m_-1 = {:.6g} {}/MeV\n  m_0  = {:.6g} {} (lines {:.6g})\n  m_1  = {:.6g} {} MeV\n", mom.mMinus1, bUnit, mom.m0,
               bUnit, mom.m0Lines, mom.m1, bUnit);
    if (mom.m0 > 0.0) fmt::print("  centroid m1/m0 = {:.4f} MeV\n", mom.centroid());
    if (!ce) {
      fmt::print("  EWSR: double commutator of the functional (hbar^2/2m = {:.4f} MeV fm^2{}) = {:.6g} {} MeV -> fraction "
                 "m1/EWSR = {:.4f}\n",
                 dens.hbar2Over2m, std::isfinite(kappa) ? fmt::format(", TRK enhancement kappa = {:.4f}", kappa) : "", ewsrRef,
                 bUnit, mom.m1 / ewsrRef);
      fmt::print("        mean-field double commutator (hbar^2/2m*(r)) = {:.6g} {} MeV -> fraction {:.4f}\n", ewsrMf, bUnit,
                 mom.m1 / ewsrMf);
    } else {
      fmt::print("  sum rule S- - S+ = {:.6g} - {:.6g} = {:.6g} {} (operator identity: {:.6g}) -> fraction {:.4f}\n", sMinus,
                 sPlus, sMinus - sPlus, bUnit, nonEwRef, nonEwRef != 0.0 ? (sMinus - sPlus) / nonEwRef : 0.0);
    }
    fmt::print("S(E) with Lorentzian half-width eta = {} MeV{}:\n", o.eta, o.eta == 0.0 ? " (continuum only; lines above)" : "");
    fmt::print("{:>10} {:>16}\n", "E [MeV]", fmt::format("S [{}]", unit));
    for (std::size_t i = 0; i < es.size(); ++i) fmt::print("{:>10.3f} {:>16.6g}\n", es[i], ss[i]);
    if (o.data) std::cout << formatGiantResonanceComparison(grs, sm.model);
  }
  if (o.csv) {
    CsvText c;
    c.comments = {fmt::format("strength of {} on {}, model {}, eta = {} MeV", o.op, nuc.name(), sm.model, o.eta),
                  op.description, model.description(), eFrame};
    c.header = {"E_MeV", fmt::format("S_{}", unit)};
    for (std::size_t i = 0; i < es.size(); ++i) c.rows.push_back({es[i], ss[i]});
    writeFileAtomically(*o.csv, c.str());
  }
  if (o.plot) {
    Plot p{fmt::format("{} strength of {} ({})", o.op, nuc.name(), sm.model), fmt::format("E [MeV] ({})", eFrame),
           fmt::format("S(E) [{}]", unit)};
    p.series.push_back(PlotSeries{fmt::format("S(E), eta = {} MeV", o.eta), es, ss});
    if (o.eta == 0.0 && !lines.empty()) {
      PlotSeries ls{fmt::format("lines B [{}] (impulses)", bUnit), {}, {}, "impulses"};
      for (const auto& l : lines)
        if (l.energy >= rg.lo && l.energy <= rg.hi) { ls.x.push_back(l.energy); ls.y.push_back(l.strength); }
      p.series.push_back(ls);
    }
    p.render(*o.plot);
  }
}

} // namespace

void registerResponseCommand(CLI::App& app) {
  auto o = std::make_shared<ResponseOptions>();
  CLI::App* sub = app.add_subcommand(
      "response",
      "Strength functions S(E) of giant-resonance and charge-exchange operators, their moments and sum rules");
  sub->footer(R"(Operators (Edmonds reduced matrix elements; S(E) = sum_f |<f||F||0>|^2 delta(E - E_f); Y_00 = 1/sqrt(4 pi)):
  IS0  r^2 Y_00                        isoscalar monopole (ISGMR)       S in fm^4/MeV
  IS1  (r^3 - 5/3 <r^2> r) Y_1         isoscalar dipole (spurious-free) S in fm^6/MeV
  IS2  r^2 Y_2                         isoscalar quadrupole (ISGQR)     S in fm^4/MeV
  IV1  r Y_1, charges Z/A (n), -N/A (p) isovector dipole (IVGDR, c.m. corrected) S in fm^2/MeV
  F    tau_-                           Fermi (IAS), n -> p              S in 1/MeV
  GT   sigma tau_-                     Gamow-Teller (GTR)               S in 1/MeV
  SD   r [Y_1 sigma]_J tau_-, J=0,1,2  spin dipole                      S in fm^2/MeV
  F+, GT+, SD+: the tau_+ (p -> n) partners.
Energies: excitation energy of the target; for charge exchange omega = E_x(daughter) + Q,
Q = M(daughter) - M(target) (AME2020), the lowest particle-hole state placed at Q (mean field).
Moments m_k = int E^k S dE over the range (exact with lines for mean-field models), centroid m1/m0.
Sum rules: isoscalar EWSR (2 hbar^2/m) A <r^2>/4pi (IS0), (hbar^2/2m) L(2L+1)^2/4pi A <r^{2L-2}>,
IV1: TRK (9/4pi)(hbar^2/2m)(NZ/A)(1 + kappa), kappa from the Skyrme b1 = [t1(1+x1/2) + t2(1+x2/2)]/4;
the mean field (no RPA) exhausts instead the double commutator with hbar^2/2m*(r), so its
ewsr_fraction exceeds 1 for isoscalar operators. Charge exchange: S- - S+ = N-Z (F), 3(N-Z) (GT),
(9/4pi)(N<r^2>_n - Z<r^2>_p) (SD).
Models: hf (Skyrme HF, --force, default SkM*), ws (Woods-Saxon): independent-particle strength.
S(E) printed with eta > 0 includes the discrete lines folded with the Lorentzian (eta/pi)/((E-E')^2+eta^2);
with eta = 0 it is the continuum alone and the lines are listed apart.
--data: measured resonances from data/reference/giant_resonances.csv (rows marked UNCONFIRMED were not
read in the cited source); the model's m1/m0 over the row's window is printed next to them.
Examples:
  lenu response Pb208 --operator IS0 --model hf --force SkM* --range 0:40:161 --eta 0.5
  lenu response Ca48 --operator GT --json
  lenu response Ca40 --operator IV1 --plot ca40_iv1.png --data)");
  sub->add_option("target", o->target, "target nuclide, e.g. O16, Ca40, Ca48, Pb208")->required();
  sub->add_option("--operator,--op", o->op, "IS0, IS1, IS2, IV1, F, GT, SD, F+, GT+, SD+ (see below)")->required();
  sub->add_option("--model,-m", o->model, "hf (default), hf:FORCE, crpa (continuum RPA on HF, needs --eta > 0), crpa:FORCE, ws");
  sub->add_option("--force", o->force, "Skyrme force for hf, e.g. SkM* (default), SLy4");
  sub->add_option("--range", o->range, "energy grid EMIN:EMAX:N [MeV], default 0:40:161 (charge exchange -5:40:181); moments use the same range");
  sub->add_option("--eta", o->eta, "Lorentzian half-width of the printed S(E) [MeV], 0..20, default 0.5 (0: continuum only)");
  sub->add_flag("--data", o->data, "print the measured giant resonances for this operator and nucleus next to the model centroid");
  sub->add_flag("--json", o->json, "JSON output: m_minus1, m0, m1, centroid_MeV, ewsr_fraction, lines, curve, sum_rule, ...");
  sub->add_option("--plot", o->plot, "PNG of S(E) (and the lines for eta = 0)");
  sub->add_option("--csv", o->csv, "write the S(E) curve as CSV");
  sub->callback([o] { run(*o); });
}

} // namespace lenu::cli
