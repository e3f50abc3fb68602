/// `lenu pves` and `lenu pves-invert`: parity-violating elastic electron scattering with Coulomb
/// distortions (exact Dirac partial waves) and the inversion of a measured A_PV into F_W, R_W, R_n.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "CliSupport.hpp"
#include "CliValidity.hpp"
#include "Commands.hpp"
#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/formfactor/Density.hpp"
#include "lenu/formfactor/Phenomenological.hpp"
#include "lenu/formfactor/WeakCharge.hpp"
#include "lenu/io/Plot.hpp"
#include "lenu/pves/ParityViolation.hpp"
#include "lenu/pves/PvesValidity.hpp"
#include "lenu/pves/WeakFormFactorFit.hpp"
#include "lenu/structure/HartreeFockFormFactors.hpp"
#include "lenu/structure/SkyrmeForce.hpp"

namespace lenu::cli {
namespace {

const char* kDensityHelp =
    "densities: fb (de Vries Fourier-Bessel charge density; weak: symmetrized Fermi of radius --weak-radius), "
    "sf:C,A (symmetrized Fermi charge density, c and a in fm; weak as for fb), hf:FORCE (Skyrme Hartree-Fock "
    "charge and weak-charge densities, e.g. hf:SLy4)";

struct Densities {
  std::shared_ptr<const RadialDensity> charge;
  std::shared_ptr<const RadialDensity> weak;
  double weakCharge = 0.0;
  std::string description;
  double weakRadius = 0.0; // for phenomenological weak densities [fm]
};

std::shared_ptr<const RadialDensity> chargeDensityFor(const Nuclide& nuc, const std::string& model,
                                                      std::shared_ptr<const HartreeFockGroundState>& hfOut) {
  if (model == "fb") {
    const FourierBesselDensity fb = loadFourierBesselDensity(nuc);
    auto coeffs = fb.coefficients();
    const double scale = nuc.Z / fb.norm(); // the table integrates to Z within 1e-3
    for (double& c : coeffs) {
      c *= scale;
    }
    return std::make_shared<FourierBesselDensity>(fb.cutoffRadius(), coeffs, nuc.name() + " de Vries FB");
  }
  if (model.rfind("sf:", 0) == 0) {
    double c = 0.0;
    double a = 0.0;
    if (std::sscanf(model.c_str() + 3, "%lf,%lf", &c, &a) != 2) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("--density '{}': expected sf:C,A with c and a in fm (e.g. sf:6.65,0.55)", model));
    }
    return std::make_shared<SymmetrizedFermiDensity>(c, a, nuc.Z);
  }
  if (model.rfind("hf:", 0) == 0) {
    const HartreeFockFormFactorModel hf(model.substr(3));
    hfOut = hf.groundState(nuc.Z, nuc.N());
    return hfOut->chargeDensity;
  }
  throw Error(ErrorCode::UnknownModel,
              fmt::format("--density '{}' unknown; accepted: fb, sf:C,A, hf:FORCE", model));
}

Densities densitiesFor(const Nuclide& nuc, const std::string& model, std::optional<double> weakRadius,
                       double diffuseness) {
  Densities d;
  std::shared_ptr<const HartreeFockGroundState> hf;
  d.charge = chargeDensityFor(nuc, model, hf);
  d.description = model;
  if (hf) {
    d.weak = hf->weakDensity;
    d.weakCharge = hf->weakCharge;
    d.weakRadius = rmsRadius(*hf->weakDensity);
    return d;
  }
  d.weakCharge = weakCharge(nuc, NucleonWeakCharges::radiativelyCorrected());
  d.weakRadius = weakRadius ? *weakRadius : rmsRadius(*d.charge);
  const double c = SymmetrizedFermiFormFactor::halfDensityRadius(d.weakRadius, diffuseness);
  d.weak = std::make_shared<SymmetrizedFermiDensity>(c, diffuseness, d.weakCharge);
  return d;
}

struct Kinematics {
  double energy = 0.0;
  std::optional<double> angle;
  std::optional<double> q2;
  std::optional<std::string> acceptance;
  bool allowOutsideValidity = false;
};

void addKinematicsOptions(CLI::App* cmd, Kinematics& k) {
  cmd->add_option("--energy", k.energy, "beam kinetic energy [MeV]")->required();
  cmd->add_option("--angle", k.angle, "laboratory scattering angle [deg]");
  cmd->add_option("--q2", k.q2, "momentum transfer Q^2 [GeV^2] (instead of --angle)");
  cmd->add_option("--acceptance", k.acceptance,
                  "CSV file with columns theta_deg,weight (acceptance x solid angle), instead of --angle");
  cmd->add_flag("--allow-outside-validity", k.allowOutsideValidity,
                "compute outside the validity range (with a warning on stderr) instead of refusing");
  cmd->footer(fmt::format("Validity: {}; {}. Outside it the command refuses unless --allow-outside-validity.",
                          pvesEnergyValidity().describe(), pvesAngleValidity().describe()));
}

AngularAcceptance acceptanceFor(const Kinematics& k, const ParityViolatingScattering& pv) {
  const int given = (k.angle ? 1 : 0) + (k.q2 ? 1 : 0) + (k.acceptance ? 1 : 0);
  if (given != 1) {
    throw Error(ErrorCode::InvalidArgument, "give exactly one of --angle, --q2, --acceptance");
  }
  requirePositive(k.energy, "beam kinetic energy (--energy)", "MeV");
  enforceValidity(pvesEnergyValidity(), k.energy, k.allowOutsideValidity, "beam kinetic energy (--energy)");
  AngularAcceptance acc;
  if (k.acceptance) {
    acc = AngularAcceptance::fromCsv(*k.acceptance);
  } else {
    if (k.q2) {
      requirePositive(*k.q2, "momentum transfer (--q2)", "GeV^2");
    }
    const double theta = k.angle ? *k.angle : pv.angleForQ2(k.energy, *k.q2 * 1e6);
    acc = AngularAcceptance{{theta}, {1.0}};
  }
  for (double theta : acc.thetaDeg) {
    enforceValidity(pvesAngleValidity(), theta, k.allowOutsideValidity, "scattering angle");
  }
  return acc;
}

// ------------------------------------------------------------------ pves
struct PvesOptions {
  std::string nuclide;
  bool compareExperiments = false;
  Kinematics kin;
  std::string density = "fb";
  std::optional<double> weakRadius;
  double diffuseness = 0.605;
  bool json = false;
  std::optional<std::string> plot;
};

void runCompareExperiments(bool json);

void runPves(const PvesOptions& o) {
  if (o.compareExperiments) {
    runCompareExperiments(o.json);
    return;
  }
  if (o.nuclide.empty()) {
    throw Error(ErrorCode::InvalidArgument, "lenu pves: give a target nuclide (e.g. Pb208) or --compare-experiments");
  }
  if (o.kin.energy <= 0.0) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("lenu pves: --energy {} MeV must be given and positive", o.kin.energy));
  }
  const NuclideTable table = NuclideTable::load();
  const Nuclide& nuc = table.get(o.nuclide);
  const Densities d = densitiesFor(nuc, o.density, o.weakRadius, o.diffuseness);
  const ParityViolatingScattering pv(nuc.Z, nuc.nuclearMass(), d.charge, d.weakCharge, d.weak);
  const AngularAcceptance acc = acceptanceFor(o.kin, pv);
  const PvesResult r = pv.acceptanceAverage(o.kin.energy, acc);
  if (o.json) {
    nlohmann::json j;
    j["nuclide"] = nuc.name();
    j["energy_MeV"] = o.kin.energy;
    j["theta_deg"] = r.thetaDeg;
    j["density"] = d.description;
    j["weak_charge"] = d.weakCharge;
    j["R_W_fm"] = d.weakRadius;
    j["A_PV_ppb"] = r.apv * 1e9;
    j["A_PV_born_ppb"] = r.apvBorn * 1e9;
    j["dsigma_dOmega_mb_sr"] = r.crossSection / units::mb;
    j["Q2_GeV2"] = r.q2 / (units::GeV * units::GeV);
    j["q_fm"] = r.q;
    std::cout << j.dump(2) << "\n";
  } else {
    std::cout << fmt::format("# PVES on {} ({}; Q_W = {:.3f}, R_W = {:.4f} fm), T = {} MeV, theta = {:.4f} deg\n",
                             nuc.name(), d.description, d.weakCharge, d.weakRadius, o.kin.energy, r.thetaDeg)
              << fmt::format("Q2 = {:.6g} GeV^2, q = {:.5f} fm^-1\n", r.q2 * 1e-6, r.q)
              << fmt::format("A_PV (distorted waves) = {:.2f} ppb\nA_PV (Born)            = {:.2f} ppb\n",
                             r.apv * 1e9, r.apvBorn * 1e9)
              << fmt::format("dsigma/dOmega = {:.6g} mb/sr (Mott, point charge: {:.6g} mb/sr)\n",
                             r.crossSection / units::mb, r.mottCrossSection / units::mb);
  }
  if (o.plot) {
    const double center = r.thetaDeg;
    const double lo = std::max(1.0, center * 0.4);
    const double hi = std::min(60.0, center * 2.5);
    const std::vector<double> angles = grid(lo, hi, 60, false);
    const auto pts = pv.evaluate(o.kin.energy, angles);
    Plot pa{fmt::format("A_PV on {} at T = {} MeV ({})", nuc.name(), o.kin.energy, d.description),
            "laboratory angle theta [deg]", "A_PV [ppb]"};
    PlotSeries dw{"distorted waves", {}, {}};
    PlotSeries born{"Born", {}, {}};
    Plot px{fmt::format("dsigma/dOmega on {} at T = {} MeV ({})", nuc.name(), o.kin.energy, d.description),
            "laboratory angle theta [deg]", "dsigma/dOmega [mb/sr]"};
    px.logY = true;
    PlotSeries xs{"distorted waves", {}, {}};
    PlotSeries mott{"Mott (point charge, Born)", {}, {}};
    double dwMax = 0.0;
    for (const auto& p : pts) {
      dwMax = std::max(dwMax, std::abs(p.apv));
    }
    for (const auto& p : pts) {
      dw.x.push_back(p.thetaDeg);
      dw.y.push_back(p.apv * 1e9);
      if (std::abs(p.apvBorn) <= 3.0 * dwMax) { // Born A_PV diverges at the zeros of F_ch: not drawn there
        born.x.push_back(p.thetaDeg);
        born.y.push_back(p.apvBorn * 1e9);
      }
      xs.x.push_back(p.thetaDeg);
      xs.y.push_back(p.crossSection / units::mb);
      mott.x.push_back(p.thetaDeg);
      mott.y.push_back(p.mottCrossSection / units::mb);
    }
    pa.series = {dw, born};
    px.series = {xs, mott};
    std::filesystem::path file(*o.plot);
    pa.render(file);
    std::filesystem::path xsFile = file;
    xsFile.replace_filename(file.stem().string() + "_dsigma" + file.extension().string());
    px.render(xsFile);
    std::cerr << fmt::format("plots written: {} (A_PV), {} (dsigma/dOmega)\n", file.string(), xsFile.string());
  }
}


// ------------------------------------------------------------------ pves --compare-experiments
// The two published parity-violating measurements, with the kinematics the collaborations quote
// (Q^2 from the quoted q: Q^2 = (q hbar c)^2). Values as in data/reference/measurements.csv (rows
// PREX1-APV, PREX1-FW, CREX-APV, CREX-FW, CREX-skin; read in the abstracts):
//  PREX-I: Abrahamyan et al., PRL 108 (2012) 112502: A_PV = 656 +- 60 (stat) +- 14 (syst) ppb;
//          Horowitz et al., PRC 85 (2012) 032501(R): q = 0.475 fm^-1, F_W = 0.204 +- 0.028.
//          Beam energy 1063 MeV as given in lenu issue 4 (the PRL abstract says 1.06 GeV).
//  CREX:   Adhikari et al., PRL 129 (2022) 042501: A_PV = 2668 +- 106 (stat) +- 40 (syst) ppb,
//          q = 0.8733 fm^-1, F_W = 0.1304 +- 0.0056, R_n - R_p = 0.121 +- 0.035 fm; E = 2.18 GeV
//          (issue 4 / abstract kinematics; UNCONFIRMED beyond that).
// The acceptance functions are not available here: each prediction is at the single angle that
// gives the quoted q (for CREX, averaging over a +-0.5 deg flat acceptance lowers A_PV by ~1.2%).
struct Experiment {
  const char* name;
  const char* nuclide;
  double energy;   // [MeV]
  double q;        // [fm^-1]
  double apv;      // [ppb]
  double apvError; // [ppb], stat and syst in quadrature
  double fw;
  double fwError;
  double skin;      // published R_n - R_p [fm]
  double skinError; // [fm]
};

const Experiment kExperiments[] = {
    {"PREX-I", "Pb208", 1063.0, 0.475, 656.0, 61.6, 0.204, 0.028, 0.302, 0.177},
    {"CREX", "Ca48", 2180.0, 0.8733, 2668.0, 113.3, 0.1304, 0.0056, 0.121, 0.035},
};

void runCompareExperiments(bool json) {
  const NuclideTable table = NuclideTable::load();
  const std::vector<std::string> forces = SkyrmeForce::available();
  nlohmann::json out = nlohmann::json::array();
  for (const Experiment& e : kExperiments) {
    const Nuclide& nuc = table.get(e.nuclide);
    const double q2 = std::pow(e.q * constants::kHbarC, 2); // [MeV^2]
    nlohmann::json je;
    je["experiment"] = e.name;
    je["nuclide"] = nuc.name();
    je["energy_MeV"] = e.energy;
    je["q_fm"] = e.q;
    je["Q2_GeV2"] = q2 * 1e-6;
    je["A_PV_measured_ppb"] = e.apv;
    je["A_PV_error_ppb"] = e.apvError;
    je["F_W_measured"] = e.fw;
    je["F_W_error"] = e.fwError;
    je["R_n_minus_R_p_published_fm"] = e.skin;
    je["R_n_minus_R_p_published_error_fm"] = e.skinError;
    nlohmann::json preds = nlohmann::json::array();
    std::vector<double> skins;
    std::vector<double> apvs;
    double theta = 0.0;
    for (const std::string& force : forces) {
      const HartreeFockFormFactorModel model(force);
      const auto gs = model.groundState(nuc.Z, nuc.N());
      const ParityViolatingScattering pv(nuc.Z, nuc.nuclearMass(), gs->chargeDensity, gs->weakCharge, gs->weakDensity);
      theta = pv.angleForQ2(e.energy, q2);
      const PvesResult r = pv.evaluate(e.energy, theta);
      nlohmann::json jp;
      jp["force"] = force;
      jp["A_PV_ppb"] = r.apv * 1e9;
      jp["A_PV_born_ppb"] = r.apvBorn * 1e9;
      jp["dw_over_born"] = r.apv / r.apvBorn;
      jp["F_W"] = (*gs->weak)(e.q);
      jp["F_ch"] = (*gs->charge)(e.q);
      jp["R_ch_fm"] = gs->hf.radii.charge;
      jp["R_W_fm"] = gs->hf.radii.weak;
      jp["R_n_minus_R_p_fm"] = gs->hf.radii.skin;
      jp["pull"] = (r.apv * 1e9 - e.apv) / e.apvError;
      preds.push_back(jp);
      skins.push_back(gs->hf.radii.skin);
      apvs.push_back(r.apv * 1e9);
    }
    je["theta_deg"] = theta;
    je["predictions"] = preds;
    // Model-correlation extraction (the method of the CREX analysis, here over lenu's forces):
    // least-squares line A_PV = a + b (R_n - R_p) through the HF predictions, solved for the
    // measured A_PV; error from the A_PV error only.
    if (skins.size() >= 2) {
      const double n = static_cast<double>(skins.size());
      double sx = 0.0;
      double sy = 0.0;
      double sxx = 0.0;
      double sxy = 0.0;
      for (std::size_t i = 0; i < skins.size(); ++i) {
        sx += skins[i];
        sy += apvs[i];
        sxx += skins[i] * skins[i];
        sxy += skins[i] * apvs[i];
      }
      const double den = n * sxx - sx * sx;
      if (den > 0.0) {
        const double b = (n * sxy - sx * sy) / den;
        const double a = (sy - b * sx) / n;
        je["correlation_slope_ppb_per_fm"] = b;
        je["R_n_minus_R_p_from_correlation_fm"] = (e.apv - a) / b;
        je["R_n_minus_R_p_from_correlation_error_fm"] = e.apvError / std::abs(b);
      }
    }
    out.push_back(je);
  }
  if (json) {
    std::cout << nlohmann::json{{"experiments", out}}.dump(2) << "\n";
    return;
  }
  for (const auto& je : out) {
    std::cout << fmt::format("# {} ({}): T = {} MeV, q = {} fm^-1 (Q^2 = {:.5f} GeV^2, theta = {:.3f} deg)\n",
                             je["experiment"].get<std::string>(), je["nuclide"].get<std::string>(),
                             je["energy_MeV"].get<double>(), je["q_fm"].get<double>(), je["Q2_GeV2"].get<double>(),
                             je["theta_deg"].get<double>())
              << fmt::format("  measured: A_PV = {:.0f} +- {:.0f} ppb, F_W = {:.4f} +- {:.4f}, R_n - R_p = {:.3f} +- "
                             "{:.3f} fm\n",
                             je["A_PV_measured_ppb"].get<double>(), je["A_PV_error_ppb"].get<double>(),
                             je["F_W_measured"].get<double>(), je["F_W_error"].get<double>(),
                             je["R_n_minus_R_p_published_fm"].get<double>(),
                             je["R_n_minus_R_p_published_error_fm"].get<double>())
              << fmt::format("  {:<8} {:>10} {:>10} {:>8} {:>7} {:>8} {:>8} {:>9}\n", "force", "A_PV[ppb]", "Born[ppb]",
                             "DW/Born", "pull", "F_W(q)", "R_W[fm]", "Rn-Rp[fm]");
    for (const auto& jp : je["predictions"]) {
      std::cout << fmt::format("  {:<8} {:>10.1f} {:>10.1f} {:>8.4f} {:>+7.2f} {:>8.4f} {:>8.4f} {:>9.4f}\n",
                               jp["force"].get<std::string>(), jp["A_PV_ppb"].get<double>(),
                               jp["A_PV_born_ppb"].get<double>(), jp["dw_over_born"].get<double>(),
                               jp["pull"].get<double>(), jp["F_W"].get<double>(), jp["R_W_fm"].get<double>(),
                               jp["R_n_minus_R_p_fm"].get<double>());
    }
    if (je.contains("R_n_minus_R_p_from_correlation_fm")) {
      std::cout << fmt::format("  R_n - R_p from the A_PV / skin correlation of these forces: {:.3f} +- {:.3f} fm "
                               "(slope {:.0f} ppb/fm)\n",
                               je["R_n_minus_R_p_from_correlation_fm"].get<double>(),
                               je["R_n_minus_R_p_from_correlation_error_fm"].get<double>(),
                               je["correlation_slope_ppb_per_fm"].get<double>());
    }
  }
}

// ------------------------------------------------------------------ pves-invert
struct InvertOptions {
  std::string nuclide;
  Kinematics kin;
  std::string density = "fb";
  double apv = 0.0;
  double apvError = 0.0;
  double diffuseness = 0.605;
  std::optional<double> qQuote;
  bool json = false;
};

void runInvert(const InvertOptions& o) {
  const NuclideTable table = NuclideTable::load();
  const Nuclide& nuc = table.get(o.nuclide);
  std::shared_ptr<const HartreeFockGroundState> hf;
  const auto charge = chargeDensityFor(nuc, o.density, hf);
  WeakFormFactorFit::Config cfg;
  cfg.diffuseness = o.diffuseness;
  const WeakFormFactorFit fit(nuc.Z, nuc.N(), nuc.nuclearMass(), charge, cfg);
  // A probe calculation only for the kinematics (angle from Q^2).
  const double rch = rmsRadius(*charge);
  const auto probeWeak = std::make_shared<SymmetrizedFermiDensity>(
      SymmetrizedFermiFormFactor::halfDensityRadius(rch, o.diffuseness), o.diffuseness, fit.weakCharge());
  const ParityViolatingScattering probe(nuc.Z, nuc.nuclearMass(), charge, fit.weakCharge(), probeWeak);
  const AngularAcceptance acc = acceptanceFor(o.kin, probe);
  const auto r = fit.fit(o.kin.energy, acc, o.apv * 1e-9, o.apvError * 1e-9, o.qQuote);
  if (o.json) {
    nlohmann::json j;
    j["nuclide"] = nuc.name();
    j["q_fm"] = r.q;
    j["F_W"] = r.formFactor;
    j["F_W_error"] = r.formFactorError;
    j["R_W_fm"] = r.weakRadius;
    j["R_W_error_fm"] = r.weakRadiusError;
    j["R_n_fm"] = r.neutronRadius;
    j["R_n_error_fm"] = r.neutronRadiusError;
    j["R_p_fm"] = r.protonRadius;
    j["R_ch_fm"] = r.chargeRadius;
    j["weak_diffuseness_fm"] = r.diffuseness;
    std::cout << j.dump(2) << "\n";
  } else {
    std::cout << fmt::format("# {}: A_PV = {} +- {} ppb at T = {} MeV; weak density: symmetrized Fermi, a = {} fm; "
                             "charge density {} (R_ch = {:.4f} fm)\n",
                             nuc.name(), o.apv, o.apvError, o.kin.energy, r.diffuseness, o.density, r.chargeRadius)
              << fmt::format("F_W(q = {:.4f} fm^-1) = {:.4f} +- {:.4f}\n", r.q, r.formFactor, r.formFactorError)
              << fmt::format("R_W = {:.3f} +- {:.3f} fm\n", r.weakRadius, r.weakRadiusError)
              << fmt::format("R_n = {:.3f} +- {:.3f} fm (R_p = {:.3f} fm, R_n - R_p = {:.3f} fm)\n", r.neutronRadius,
                             r.neutronRadiusError, r.protonRadius, r.neutronRadius - r.protonRadius);
  }
}

} // namespace

void registerPvesCommands(CLI::App& app) {
  auto po = std::make_shared<PvesOptions>();
  CLI::App* cmd = app.add_subcommand(
      "pves", "Parity-violating elastic electron scattering: A_PV with Coulomb distortions (exact Dirac partial "
              "waves) beside Born, and dsigma/dOmega");
  cmd->add_option("nuclide", po->nuclide, "target nuclide, e.g. Pb208 (not with --compare-experiments)");
  cmd->add_option("--energy", po->kin.energy, "beam kinetic energy [MeV]");
  cmd->add_option("--angle", po->kin.angle, "laboratory scattering angle [deg]");
  cmd->add_option("--q2", po->kin.q2, "momentum transfer Q^2 [GeV^2] (instead of --angle)");
  cmd->add_option("--acceptance", po->kin.acceptance,
                  "CSV file with columns theta_deg,weight (acceptance x solid angle), instead of --angle");
  cmd->add_flag("--compare-experiments", po->compareExperiments,
                "A_PV with every Skyrme HF force at PREX-I and CREX kinematics, next to the measurements");
  cmd->add_option("--density", po->density, kDensityHelp);
  cmd->add_option("--weak-radius", po->weakRadius,
                  "rms radius R_W of the symmetrized-Fermi weak-charge density [fm] (fb, sf; default: R_ch)");
  cmd->add_option("--weak-diffuseness", po->diffuseness, "diffuseness a of the weak symmetrized Fermi [fm]");
  cmd->add_flag("--json", po->json, "JSON output");
  cmd->add_option("--plot", po->plot,
                  "PNG file: A_PV (and, in FILE_dsigma.png, dsigma/dOmega) versus angle around the given angle");
  cmd->add_flag("--allow-outside-validity", po->kin.allowOutsideValidity,
                "compute outside the validity range (with a warning on stderr) instead of refusing");
  cmd->footer(fmt::format("Validity: {}; {}. Outside it the command refuses unless --allow-outside-validity.",
                          pvesEnergyValidity().describe(), pvesAngleValidity().describe()));
  cmd->callback([po]() { runPves(*po); });

  auto io = std::make_shared<InvertOptions>();
  CLI::App* inv = app.add_subcommand(
      "pves-invert", "Invert a measured A_PV into F_W(q), R_W and R_n (symmetrized-Fermi weak density family)");
  inv->add_option("nuclide", io->nuclide, "target nuclide, e.g. Ca48")->required();
  addKinematicsOptions(inv, io->kin);
  inv->add_option("--apv", io->apv, "measured A_PV [ppb]")->required();
  inv->add_option("--apv-error", io->apvError, "its total uncertainty [ppb]")->required();
  inv->add_option("--density", io->density, "charge density: fb, sf:C,A or hf:FORCE");
  inv->add_option("--diffuseness", io->diffuseness, "diffuseness a of the weak symmetrized Fermi [fm]");
  inv->add_option("--q", io->qQuote, "momentum transfer at which to quote F_W [fm^-1] (default: kinematic q)");
  inv->add_flag("--json", io->json, "JSON output");
  inv->callback([io]() { runInvert(*io); });
}

} // namespace lenu::cli
