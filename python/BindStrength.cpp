/// Python bindings of the nuclear-structure strength functions (OperatorStrength.hpp): models by
/// name (makeOperatorStrength: hf, hf:FORCE, ws, and any model the factory learns), the standard
/// operators (IS0, IS1, IS2, IV1, F, GT, SD and the tau_+ partners), strength densities over numpy
/// energy arrays, discrete lines, moments and the sum-rule checks, measured giant resonances.
/// Units: energies MeV (charge exchange: omega from the target ground state), strengths in the
/// operator's unit (NamedOperator.strength_unit, e.g. fm^4/MeV), radii fm.

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "Bindings.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/inelastic/GiantResonanceData.hpp"
#include "lenu/inelastic/StrengthModels.hpp"
#include "lenu/inelastic/StrengthOperators.hpp"
#include "lenu/inelastic/SumRules.hpp"

namespace lenu::python {
namespace {

using namespace lenu::inelastic;

/// The operator for this model's nucleus: a name or a StrengthOperator.
NamedOperator resolve(const StrengthModel& m, const py::object& op) {
  if (py::isinstance<py::str>(op)) {
    return standardOperator(op.cast<std::string>(), m.Z, m.N, m.sumRules.densities.meanSquareRadius());
  }
  return op.cast<NamedOperator>();
}

MomentConfig momentConfig(double eMin, double eMax, double eta, double panel, int nodes) {
  MomentConfig c;
  c.eMin = eMin;
  c.eMax = eMax;
  c.eta = eta;
  c.panel = panel;
  c.nodes = nodes;
  c.validate();
  return c;
}

constexpr const char* kOpDoc = "operator: a name (lenu.strength_operator_names()) or a StrengthOperator";

} // namespace

void bindStrength(py::module_& m) {
  m.def("strength_operator_names", &standardOperatorNames,
        "Names of the standard operators: IS0 (r^2 Y00), IS1, IS2, IV1 (dipole, c.m.-free), F (tau_-), GT (sigma tau_-), "
        "SD (r [Y1 sigma]_J tau_-, J = 0, 1, 2), F+, GT+, SD+ (tau_+).");

  py::class_<NamedOperator>(m, "StrengthOperator", "A one-body operator f(r) [Y_L (x) sigma^S]_J t (components add incoherently).")
      .def(py::init(&standardOperator), py::arg("name"), py::arg("Z"), py::arg("N"), py::arg("mean_square_radius"),
           "standard operator for Z protons, N neutrons; mean-square matter radius [fm^2] (used by IS1 only)")
      .def_readonly("name", &NamedOperator::name)
      .def_readonly("strength_unit", &NamedOperator::strengthUnit, "unit of S(E), e.g. 'fm^4/MeV'")
      .def_readonly("description", &NamedOperator::description)
      .def_readonly("L", &NamedOperator::L, "orbital rank")
      .def_property_readonly("J", [](const NamedOperator& o) {
        std::vector<int> j;
        for (const auto& c : o.components) j.push_back(c.J);
        return j;
      }, "total rank of each component")
      .def_property_readonly("charge_exchange", &NamedOperator::chargeExchange)
      .def_property_readonly("partner_name", &NamedOperator::partnerName, "tau_+ <-> tau_- partner ('' if none)");

  py::class_<StrengthMoments>(m, "StrengthMoments", "Moments m_k = int E^k S(E) dE (plus lines) of a strength function.")
      .def_readonly("m_minus1", &StrengthMoments::mMinus1, "[unit^2/MeV] (E > 0 only)")
      .def_readonly("m0", &StrengthMoments::m0, "[unit^2]")
      .def_readonly("m1", &StrengthMoments::m1, "[unit^2 MeV]")
      .def_readonly("m0_lines", &StrengthMoments::m0Lines, "part of m0 in discrete lines")
      .def_readonly("m1_lines", &StrengthMoments::m1Lines)
      .def_property_readonly("centroid", &StrengthMoments::centroid, "m1/m0 [MeV]");

  py::class_<SumRuleCheck>(m, "SumRuleCheck", "One sum rule: the model's moment next to its value.")
      .def_readonly("name", &SumRuleCheck::name)
      .def_readonly("model", &SumRuleCheck::model)
      .def_readonly("reference", &SumRuleCheck::reference)
      .def_readonly("unit", &SumRuleCheck::unit)
      .def_property_readonly("ratio", &SumRuleCheck::ratio, "model / reference")
      .def("__repr__", [](const SumRuleCheck& c) {
        return "SumRuleCheck(" + c.name + ": model " + std::to_string(c.model) + ", reference " +
               std::to_string(c.reference) + " " + c.unit + ")";
      });

  py::class_<StrengthModel>(m, "OperatorStrength",
      "A strength-function model of one nucleus with its ground state (lenu.operator_strength). Energies MeV: "
      "excitation energy for isospin-conserving operators, omega = E_x(daughter) + Q from the target ground state "
      "for charge exchange.")
      .def_readonly("model", &StrengthModel::model, "e.g. 'hf:SkM*'")
      .def_readonly("force", &StrengthModel::force, "Skyrme force ('' for Woods-Saxon)")
      .def_readonly("Z", &StrengthModel::Z)
      .def_readonly("N", &StrengthModel::N)
      .def_readonly("q_value_minus", &StrengthModel::qValueMinus, "M(Z+1) - M(Z) nuclear masses [MeV] (NaN if unknown)")
      .def_readonly("q_value_plus", &StrengthModel::qValuePlus, "M(Z-1) - M(Z) nuclear masses [MeV] (NaN if unknown)")
      .def_property_readonly("description", [](const StrengthModel& s) { return s.strength->description(); })
      .def_property_readonly("b1", [](const StrengthModel& s) { return s.sumRules.b1; }, "Skyrme b1 [MeV fm^5]")
      .def_property_readonly("mean_square_radius", [](const StrengthModel& s) { return s.sumRules.densities.meanSquareRadius(); },
                             "ground-state matter <r^2> [fm^2]")
      .def_property_readonly("densities", [](const StrengthModel& s) {
        const auto& d = s.sumRules.densities;
        py::dict out;
        out["r"] = toArray(d.r);
        out["rho_p"] = toArray(d.rhoP);
        out["rho_n"] = toArray(d.rhoN);
        out["kinetic_p"] = toArray(d.kineticP);
        out["kinetic_n"] = toArray(d.kineticN);
        out["hbar2_over_2m"] = d.hbar2Over2m;
        return out;
      }, "ground state: r [fm], rho_p, rho_n [fm^-3], kinetic_p/n = hbar^2/2m*_q(r) [MeV fm^2], hbar2_over_2m [MeV fm^2]")
      .def("operator", &resolve, py::arg("name"), "the standard operator for this nucleus (StrengthOperator)")
      .def("density", [](const StrengthModel& s, const py::object& op, const py::object& e, double eta) {
        const NamedOperator o = resolve(s, op);
        const OperatorStrength& model = *s.strength;
        return mapArray(e, [&](double x) {
          double sum = 0.0;
          for (const auto& c : o.components) sum += model.strengthDensity(c, x, eta);
          return sum;
        });
      }, py::arg("operator"), py::arg("energy"), py::arg("eta") = 0.5,
           "strength density S(E) [strength_unit] at E [MeV], components summed; eta [MeV] Lorentzian half-width "
           "in [0, 20] (eta > 0 folds the lines in; 0 = continuum only, lines apart). Vectorised over energy.")
      .def("lines", [](const StrengthModel& s, const py::object& op) {
        const auto ls = combinedLines(*s.strength, resolve(s, op).components);
        std::vector<double> e, b;
        std::vector<std::string> labels;
        for (const auto& l : ls) { e.push_back(l.energy); b.push_back(l.strength); labels.push_back(l.label); }
        py::dict d;
        d["energy"] = toArray(e);
        d["strength"] = toArray(b);
        d["label"] = labels;
        return d;
      }, py::arg("operator"),
           "discrete lines, components merged and sorted: dict energy [MeV], strength [strength_unit x MeV], label")
      .def("continuum_threshold", [](const StrengthModel& s, const py::object& op) {
        double t = 0.0;
        bool first = true;
        for (const auto& c : resolve(s, op).components) {
          const double x = s.strength->continuumThreshold(c);
          t = first ? x : std::min(t, x);
          first = false;
        }
        return t;
      }, py::arg("operator"), "lowest continuum energy [MeV] of the operator's components")
      .def("moments", [](const StrengthModel& s, const py::object& op, double eMin, double eMax, double eta, double panel, int nodes) {
        const NamedOperator o = resolve(s, op);
        const MomentConfig c = momentConfig(eMin, eMax, eta, panel, nodes);
        py::gil_scoped_release release;
        return strengthMoments(*s.strength, o.components, c);
      }, py::arg("operator"), py::arg("e_min") = 0.0, py::arg("e_max") = 60.0, py::arg("eta") = 0.0,
           py::arg("panel") = 1.0, py::arg("nodes") = 8,
           "StrengthMoments over [e_min, e_max] [MeV] (eta = 0: exact continuum plus lines), Gauss-Legendre panels "
           "of width panel [MeV] with nodes points")
      .def("sum_rules", [](const StrengthModel& s, const std::vector<std::string>& which, bool meanFieldMass, double eMin,
                           double eMax, double eta, double panel, int nodes) {
        SumRuleInputs in = s.sumRules;
        in.meanFieldMass = meanFieldMass;
        const MomentConfig c = momentConfig(eMin, eMax, eta, panel, nodes);
        py::gil_scoped_release release;
        return checkSumRules(*s.strength, in, which, c);
      }, py::arg("which") = std::vector<std::string>{"F", "GT"}, py::arg("mean_field_mass") = false,
           py::arg("e_min") = 0.0, py::arg("e_max") = 80.0, py::arg("eta") = 0.0, py::arg("panel") = 2.0, py::arg("nodes") = 8,
           "list of SumRuleCheck for the named sum rules (IS0, IS1, IS2, IV1: m1 against the double commutator, the "
           "mean field's with mean_field_mass=True else the functional's with b1; F, GT, SD: S- - S+ against N - Z, "
           "3(N - Z), (9/4pi)(N<r^2>_n - Z<r^2>_p)); moment range [MeV] must cover the whole strength")
      .def("double_commutator_m1", [](const StrengthModel& s, const py::object& op, bool meanFieldMass) {
        const NamedOperator o = resolve(s, op);
        return doubleCommutatorM1(o.components.front(), s.sumRules.densities, meanFieldMass,
                                  meanFieldMass ? 0.0 : s.sumRules.b1);
      }, py::arg("operator"), py::arg("mean_field_mass") = false,
           "energy-weighted sum m1 [unit^2 MeV] of an isospin-conserving S = 0 operator from the double commutator "
           "(mean_field_mass: B_q(r) of the mean field; else bare mass plus the Skyrme b1 term)")
      .def("trk_enhancement", [](const StrengthModel& s) { return trkEnhancement(s.sumRules.densities, s.sumRules.b1); },
           "kappa = (2m/hbar^2) b1 (A/NZ) int rho_n rho_p d^3r")
      .def("compare_giant_resonances", [](const StrengthModel& s, double eta, double eMax) {
        const auto cs = compareGiantResonances(s, loadGiantResonances(), eta, eMax);
        py::list l;
        for (const auto& c : cs) {
          py::dict d;
          d["id"] = c.datum.id;
          d["resonance"] = c.datum.resonance;
          d["operator"] = c.datum.op;
          d["measured_energy"] = c.datum.energy;
          d["measured_energy_unc"] = c.datum.energyUnc;
          d["quantity"] = c.datum.quantity;
          d["model_centroid"] = c.modelCentroid;
          d["model_m0"] = c.modelM0;
          d["model_full_centroid"] = c.modelFullCentroid;
          d["available"] = c.available;
          d["verified"] = c.datum.verified;
          d["citation"] = c.datum.citation;
          l.append(d);
        }
        return l;
      }, py::arg("eta") = 0.0, py::arg("e_max") = 60.0,
           "the model's centroids m1/m0 [MeV] in each measured resonance's window next to the measured energy [MeV] "
           "(data/reference/giant_resonances.csv; charge exchange: daughter E_x) as a list of dicts");

  m.def("operator_strength", [](const std::string& target, const std::string& model, double foldMax, double foldStep, int maxL) {
        StrengthModelOptions o;
        o.model = model;
        o.meanField.foldMax = foldMax;
        o.meanField.foldStep = foldStep;
        o.meanField.maxL = maxL;
        o.meanField.validate();
        py::gil_scoped_release release; // the HF solve takes a moment
        return makeOperatorStrength(target, o, NuclideTable::load());
      }, py::arg("target"), py::arg("model") = "hf", py::arg("fold_max") = 100.0, py::arg("fold_step") = 0.2,
      py::arg("max_l") = 4,
      "Strength-function model (makeOperatorStrength) of target ('Ca48') by name: hf (Skyrme HF SkM* mean field), "
      "hf:FORCE, ws (Woods-Saxon); fold_max, fold_step [MeV]: continuum table of the eta > 0 fold; max_l: highest "
      "orbital rank. lenu.Error(UnknownNuclide / UnknownModel / NotSupported).");
  m.def("trk_sum_rule", &trkSumRule, py::arg("Z"), py::arg("N"), py::arg("hbar2_over_2m"), py::arg("kappa") = 0.0,
        "TRK sum (9/4pi)(hbar^2/2m)(NZ/A)(1 + kappa) [fm^2 MeV]; hbar^2/2m [MeV fm^2]");
  m.def("isoscalar_ewsr", &isoscalarEwsr, py::arg("L"), py::arg("A"), py::arg("r_power"), py::arg("hbar2_over_2m"),
        "isoscalar EWSR [fm^(2L) MeV]: L = 0: (2 hbar^2/m) A <r^2>/(4pi); L >= 1: (hbar^2/2m) L (2L+1)^2/(4pi) A <r^(2L-2)>; "
        "r_power = <r^2> (L = 0) or <r^(2L-2)> [fm^...]");
}

} // namespace lenu::python
