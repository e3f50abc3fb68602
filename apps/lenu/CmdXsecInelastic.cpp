/// `lenu xsec cc` and `lenu xsec nc`: inelastic charged- and neutral-current neutrino-nucleus
/// cross sections (Walecka-Donnelly multipoles on a Hartree-Fock or Woods-Saxon mean field, or
/// the allowed approximation with measured B(F), B(GT)).

#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "CliSupport.hpp"
#include "CliValidity.hpp"
#include "Commands.hpp"
#include "lenu/core/Csv.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Flavour.hpp"
#include "lenu/core/Integrate.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/inelastic/InelasticCrossSection.hpp"
#include "lenu/inelastic/InelasticModels.hpp"
#include "lenu/inelastic/InelasticValidity.hpp"
#include "lenu/inelastic/MultipoleConvergence.hpp"
#include "lenu/io/AtomicFile.hpp"
#include "lenu/io/Plot.hpp"
#include "lenu/source/EnergySpectrum.hpp"

namespace lenu::cli {
namespace {

using namespace lenu::inelastic;

struct InelasticOptions {
  bool cc = true;
  std::string target;
  std::vector<double> energies;
  std::string range;
  std::string model = "hf";
  std::string flavour;
  std::string coulomb = "auto";
  std::string longitudinal = "cvc";
  double gaQuenching = 1.0;
  int maxJ = 6;
  int maxJCap = kMaxMultipoleCap;
  double multipoleTolerance = 1e-3;
  bool allowOutsideValidity = false;
  std::optional<std::string> flux;
  int angles = 0;
  int omegas = 0;
  bool doubleDifferential = false;
  bool omegaContour = false;
  bool json = false;
  std::optional<std::string> plot;
  std::optional<std::string> csv;
};

std::vector<double> parseRangeSpec(const std::string& r) {
  double lo = 0.0, hi = 0.0;
  int n = 0;
  if (std::sscanf(r.c_str(), "%lf:%lf:%d", &lo, &hi, &n) != 3 || n < 2 || !(hi > lo) || lo <= 0.0) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("range '{}' must be LO:HI:N with 0 < LO < HI and N >= 2 (e.g. 5:100:20)", r));
  }
  return grid(lo, hi, static_cast<std::size_t>(n), false);
}

EnergySpectrum fluxFrom(const std::string& s) {
  if (s == "dar-nue") return EnergySpectrum::continuous(std::make_shared<MichelNuE>());
  if (s == "dar-numubar") return EnergySpectrum::continuous(std::make_shared<MichelNuMuBar>());
  if (s == "dar-numu") {
    // Prompt pi+ -> mu+ nu_mu line, (m_pi^2 - m_mu^2)/(2 m_pi).
    const double mpi = 139.57039, mmu = 105.6583755;
    return EnergySpectrum::line((mpi * mpi - mmu * mmu) / (2.0 * mpi));
  }
  // A tabulated flux: CSV with columns energy_MeV, flux (any normalisation).
  const CsvTable t = CsvTable::read(s);
  std::vector<double> e, f;
  for (std::size_t i = 0; i < t.rows(); ++i) {
    e.push_back(t.num(i, "energy_MeV"));
    f.push_back(t.num(i, "flux"));
  }
  return EnergySpectrum::continuous(std::make_shared<TabulatedSpectrum>(e, f, s));
}

void run(const InelasticOptions& o) {
  const NuclideTable table = NuclideTable::load();
  const Flavour flavour = parseFlavour(o.flavour.empty() ? (o.cc ? "nue" : "numu") : o.flavour);
  InelasticModelOptions mo;
  mo.model = o.model;
  mo.maxJ = o.maxJ;
  if (o.longitudinal == "cvc") mo.longitudinal = VectorLongitudinal::CVC;
  else if (o.longitudinal == "impulse") mo.longitudinal = VectorLongitudinal::Impulse;
  else throw Error(ErrorCode::InvalidArgument, fmt::format("--longitudinal '{}': use cvc or impulse", o.longitudinal));
  if (!(o.gaQuenching > 0.0 && o.gaQuenching <= 1.0)) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("--ga-quenching {}: accepted range 0 < FACTOR <= 1 (1 = no quenching)", o.gaQuenching));
  }
  if (o.gaQuenching != 1.0) {
    if (o.model == "allowed" || o.model.rfind("allowed:", 0) == 0) {
      throw Error(ErrorCode::InvalidArgument,
                  "--ga-quenching applies to the multipole models (hf, crpa, ws): the allowed model's measured "
                  "B(GT) already contain the quenching");
    }
    mo.couplings.gA *= o.gaQuenching;
  }
  const ResponseMode mode = responseMode(o.cc, flavour);
  InelasticCrossSectionConfig xc;
  xc.coulomb = parseCoulombMode(o.coulomb);
  xc.omegaContour = o.omegaContour;
  // sigma(E) stops the multipole series after J = 3 when the rest is estimated below the stricter
  // of its default tolerance and --multipole-tolerance (InelasticCrossSectionConfig::multipoleTolerance).
  xc.multipoleTolerance = std::min(xc.multipoleTolerance, o.multipoleTolerance);
  // The multipole series is extended (the response rebuilt with a larger maxJ) until the highest
  // multipole carries at most --multipole-tolerance of sigma; otherwise NotConverged.
  MultipoleConvergenceConfig mc;
  mc.tolerance = o.multipoleTolerance;
  mc.startJ = o.maxJ;
  mc.capJ = o.maxJCap;
  ConvergedInelasticCrossSection converged(
      [&](int J) {
        InelasticModelOptions m = mo;
        m.maxJ = J;
        return makeInelasticResponse(o.target, mode, m, table);
      },
      flavour, xc, mc);
  const InelasticCrossSection& xs = converged.base();
  const NuclearResponse* response = &xs.response();
  const std::string channel = o.cc ? "CC" : "NC";
  const Nuclide& nuc = table.get(o.target);

  nlohmann::json j;
  j["target"] = nuc.name();
  j["channel"] = channel;
  j["flavour"] = std::string(toString(flavour));
  j["model"] = o.model;
  j["description"] = response->description();
  j["threshold_MeV"] = xs.thresholdEnergy();
  const bool contour = o.omegaContour && response->hasAnalyticContinuation();
  j["sigma_omega_rule"] = contour ? "contour (eta -> 0 limit)" : "real axis";
  j["max_multipole"] = response->maxMultipole();
  j["g_A"] = mo.couplings.gA;
  if (o.cc) j["coulomb"] = std::string(toString(xc.coulomb));

  std::vector<double> energies = o.energies;
  if (!o.range.empty()) energies = parseRangeSpec(o.range);
  if (energies.empty() && !o.flux) energies = {30.0};
  if (o.angles != 0 && (o.angles < 2 || o.angles > 10001)) {
    throw Error(ErrorCode::InvalidArgument, fmt::format("--angles {} must be 0 (none) or in [2, 10001]", o.angles));
  }
  if (o.omegas != 0 && (o.omegas < 2 || o.omegas > 10001)) {
    throw Error(ErrorCode::InvalidArgument, fmt::format("--omegas {} must be 0 (none) or in [2, 10001]", o.omegas));
  }
  const ValidityRange validity = inelasticEnergyValidity();
  for (double e : energies) {
    requirePositive(e, "neutrino energy (--energy)", "MeV");
    enforceValidity(validity, e, o.allowOutsideValidity);
  }
  std::optional<EnergySpectrum> fluxSpectrum;
  if (o.flux) {
    fluxSpectrum = fluxFrom(*o.flux);
    enforceValidity(validity, fluxSpectrum->maxEnergy(), o.allowOutsideValidity, "highest energy of the flux");
  }

  CsvText c;
  c.comments = {fmt::format("inelastic {} {} on {}, model {}", channel, toString(flavour), nuc.name(), o.model),
                response->description()};
  c.header = {"E_MeV", "sigma_cm2", "lines_cm2", "continuum_cm2"};
  std::vector<InelasticSigma> results;
  std::vector<ConvergedSigma> convergedResults;
  for (double e : energies) {
    convergedResults.push_back(converged.sigma(e));
    results.push_back(convergedResults.back().sigma);
    const auto& r = results.back();
    c.rows.push_back({e, r.total / units::cm2, r.lines / units::cm2, r.continuum / units::cm2});
  }
  auto multipoleJson = [](const InelasticSigma& r) {
    nlohmann::json m = nlohmann::json::object();
    for (const auto& [k, v] : r.byMultipole) m[k] = v / units::cm2;
    return m;
  };
  // Convergence in J: share of the highest multipole (below the tolerance by construction).
  j["multipole_tolerance"] = mc.tolerance;
  if (results.size() == 1) {
    j["energy_MeV"] = results[0].energy;
    j["sigma_cm2"] = results[0].total / units::cm2;
    j["lines_cm2"] = results[0].lines / units::cm2;
    j["continuum_cm2"] = results[0].continuum / units::cm2;
    j["by_multipole"] = multipoleJson(results[0]);
    j["highest_multipole_share"] = convergedResults[0].highestShare;
    j["max_multipole"] = convergedResults[0].maxJ;
    j["skipped_multipoles_estimate_cm2"] = results[0].skippedMultipolesEstimate / units::cm2;
  } else if (!results.empty()) {
    j["max_multipole"] = nlohmann::json::array();
    for (std::size_t i = 0; i < results.size(); ++i) {
      const auto& r = results[i];
      j["energy_MeV"].push_back(r.energy);
      j["sigma_cm2"].push_back(r.total / units::cm2);
      j["by_multipole"].push_back(multipoleJson(r));
      j["max_multipole"].push_back(convergedResults[i].maxJ);
    }
  }
  std::optional<double> fluxAvg;
  std::optional<ConvergedFluxAverage> fluxConv;
  if (fluxSpectrum) {
    fluxConv = converged.fluxAveraged(*fluxSpectrum);
    fluxAvg = fluxConv->total / units::cm2;
    j["flux"] = *o.flux;
    j["flux_averaged_xsec_cm2"] = *fluxAvg;
    j["flux_max_multipole"] = fluxConv->maxJ;
    j["flux_highest_multipole_share"] = fluxConv->highestShare;
  }
  // Angular distribution, dsigma/domega, double-differential table at the first energy, with
  // the multipoles that converge sigma there.
  const double e0 = energies.empty() ? 30.0 : energies.front();
  const bool needE0 = o.angles > 1 || o.plot || o.omegas > 1 || o.doubleDifferential;
  const InelasticCrossSection& xsE0 =
      !convergedResults.empty() ? *convergedResults.front().xs : (needE0 ? *converged.sigma(e0).xs : xs);
  std::vector<double> cosv, dcos;
  if (o.angles > 1 || (o.plot && energies.size() == 1)) {
    const int n = std::max(o.angles, 21);
    cosv = grid(-1.0, 1.0, static_cast<std::size_t>(n), false);
    dcos = xsE0.dSigmaDCos(e0, cosv);
    for (std::size_t i = 0; i < cosv.size() && o.angles > 1; ++i) {
      j["dsigma_dcos"]["cos_theta"].push_back(cosv[i]);
      j["dsigma_dcos"]["cm2"].push_back(dcos[i] / units::cm2);
    }
  }
  std::vector<double> omegas, dom;
  // the continuum is open at e0 only if omega can exceed its threshold
  const bool continuumOpen = e0 - xs.leptonMass() > response->continuumThreshold() + 0.5;
  if (o.omegas > 1 && continuumOpen) {
    omegas = grid(response->continuumThreshold() + 1e-3, e0 - xs.leptonMass() - 1e-3, static_cast<std::size_t>(o.omegas), false);
    dom = xsE0.dSigmaDOmega(e0, omegas);
    for (std::size_t i = 0; i < omegas.size(); ++i) {
      j["dsigma_domega"]["omega_MeV"].push_back(omegas[i]);
      j["dsigma_domega"]["cm2_per_MeV"].push_back(dom[i] / units::cm2);
    }
    const auto ls = xsE0.lineSigmas(e0);
    for (std::size_t i = 0; i < ls.size(); ++i) {
      if (ls[i] <= 0.0) continue;
      const auto& line = xsE0.response().lines()[i];
      j["lines"].push_back({{"omega_MeV", line.omega},
                            {"excitation_MeV", line.excitation},
                            {"label", line.label},
                            {"sigma_cm2", ls[i] / units::cm2}});
    }
  }
  CsvText dd;
  if (o.doubleDifferential && !continuumOpen) {
    dd.comments = {fmt::format("no continuum at E = {} MeV: the continuum threshold is {:.3f} MeV", e0,
                               response->continuumThreshold() + xs.leptonMass())};
    dd.header = {"omega_MeV", "cos_theta", "d2sigma_cm2_per_MeV_sr"};
  } else if (o.doubleDifferential) {
    dd.comments = {fmt::format("continuum d2sigma/(domega dOmega) on {} at E = {} MeV ({} {})", nuc.name(), e0, channel,
                               toString(flavour))};
    dd.header = {"omega_MeV", "cos_theta", "d2sigma_cm2_per_MeV_sr"};
    const auto og = grid(response->continuumThreshold() + 0.25, e0 - xs.leptonMass() - 0.25, 20, false);
    for (double w : og)
      for (double cth : grid(-1.0, 1.0, 11, false))
        dd.rows.push_back({w, cth, xsE0.doubleDifferential(e0, w, cth) / units::cm2});
  }

  if (o.json) {
    std::cout << j.dump(2) << "\n";
  } else {
    fmt::print("Inelastic {} {} on {} ({}): threshold {:.3f} MeV\n  {}\n", channel, toString(flavour), nuc.name(), o.model,
               xs.thresholdEnergy(), response->description());
    if (contour)
      fmt::print("  sigma and flux averages: omega integral on a contour {} MeV above the real axis (the eta -> 0 limit; "
                 "distributions on the real axis, smeared)\n", InelasticCrossSectionConfig{}.contourHeight);
    if (o.gaQuenching != 1.0) fmt::print("  quenched axial coupling: g_A = {:.4f} (--ga-quenching {})\n", mo.couplings.gA, o.gaQuenching);
    fmt::print("{:>10} {:>14} {:>14} {:>14}\n", "E [MeV]", "sigma [cm^2]", "lines", "continuum");
    for (const auto& r : c.rows) fmt::print("{:>10.3f} {:>14.5e} {:>14.5e} {:>14.5e}\n", r[0], r[1], r[2], r[3]);
    if (results.size() == 1) {
      fmt::print("by multipole J^pi (cm^2):");
      for (const auto& [k, v] : results[0].byMultipole) fmt::print(" {}: {:.3e}", k, v / units::cm2);
      if (results[0].skippedMultipolesEstimate > 0.0)
        fmt::print("\nmultipoles J <= {} computed (share of J = {}: {:.2e}); the series had converged there: J > {} "
                   "skipped, their sum estimated at {:.1e} of sigma (tolerance {:.0e})\n",
                   results[0].highestJ, results[0].highestJ, convergedResults[0].highestShare, results[0].highestJ,
                   results[0].skippedMultipolesEstimate / results[0].total, xc.multipoleTolerance);
      else
        fmt::print("\nshare of the highest multipole J = {}: {:.2e} (converged: tolerance {:.1e})\n",
                   convergedResults[0].maxJ, convergedResults[0].highestShare, mc.tolerance);
    }
    if (fluxAvg)
      fmt::print("flux-averaged cross section ({}): {:.5e} cm^2 (multipoles J <= {}, share of the highest {:.2e})\n",
                 *o.flux, *fluxAvg, fluxConv->maxJ, fluxConv->highestShare);
    if (o.angles > 1) {
      fmt::print("dsigma/dcos(theta) at E = {} MeV:\n", e0);
      for (std::size_t i = 0; i < cosv.size(); ++i) fmt::print("  cos = {:+.3f}  {:.5e} cm^2\n", cosv[i], dcos[i] / units::cm2);
    }
    if (o.omegas > 1 && !continuumOpen) {
      fmt::print("no continuum at E = {} MeV (continuum threshold {:.3f} MeV)\n", e0,
                 response->continuumThreshold() + xs.leptonMass());
    }
    if (o.omegas > 1 && continuumOpen) {
      fmt::print("continuum dsigma/domega at E = {} MeV:\n", e0);
      for (std::size_t i = 0; i < omegas.size(); ++i) fmt::print("  omega = {:8.3f} MeV  {:.5e} cm^2/MeV\n", omegas[i], dom[i] / units::cm2);
    }
    if (o.doubleDifferential) std::cout << dd.str();
  }
  if (o.csv) writeFileAtomically(*o.csv, o.doubleDifferential ? dd.str() : c.str());
  if (o.plot) {
    if (energies.size() > 1) {
      Plot p{fmt::format("{} {} on {} ({})", channel, toString(flavour), nuc.name(), o.model), "neutrino energy E [MeV]",
             "sigma [cm^2]"};
      p.logY = true;
      PlotSeries s{o.model, {}, {}};
      for (const auto& r : c.rows) { s.x.push_back(r[0]); s.y.push_back(r[1]); }
      p.series.push_back(s);
      p.render(*o.plot);
    } else {
      // Angular distribution; for CC with an allowed table, the allowed model beside it.
      Plot p{fmt::format("{} {} on {} at E = {} MeV", channel, toString(flavour), nuc.name(), e0),
             "cos(theta) of the outgoing lepton", "dsigma/dcos(theta) [1e-42 cm^2]"};
      PlotSeries s{fmt::format("{} (multipoles J <= {})", o.model, xsE0.response().maxMultipole()), {}, {}};
      for (std::size_t i = 0; i < cosv.size(); ++i) { s.x.push_back(cosv[i]); s.y.push_back(dcos[i] / (1e-42 * units::cm2)); }
      p.series.push_back(s);
      if (o.cc && o.model.rfind("allowed", 0) != 0) {
        try {
          InelasticModelOptions ao = mo;
          ao.model = "allowed";
          const InelasticCrossSection ax(makeInelasticResponse(o.target, mode, ao, table), flavour, xc);
          const auto da = ax.dSigmaDCos(e0, cosv);
          PlotSeries sa{"allowed (measured B(F), B(GT))", {}, {}};
          for (std::size_t i = 0; i < cosv.size(); ++i) { sa.x.push_back(cosv[i]); sa.y.push_back(da[i] / (1e-42 * units::cm2)); }
          p.series.push_back(sa);
        } catch (const Error&) {
          // no allowed table for this target: multipole curve only
        }
      }
      p.render(*o.plot);
    }
  }
}

void addCommand(CLI::App& xsec, bool cc) {
  auto o = std::make_shared<InelasticOptions>();
  o->cc = cc;
  CLI::App* sub = xsec.add_subcommand(
      cc ? "cc" : "nc",
      cc ? "Inelastic charged-current cross section nu_l + A -> l + A* (multipoles on continuum RPA, HF or WS, or allowed)"
         : "Inelastic neutral-current cross section nu + A -> nu' + A* (multipoles on continuum RPA, HF or WS)");
  sub->add_option("target", o->target, "target nuclide, e.g. Ar40, C12, O16, Fe56, I127, Pb208")->required();
  sub->add_option("--energy,-e", o->energies, "neutrino energy [MeV] (repeatable); default 30");
  sub->add_option("--range", o->range, "energy grid LO:HI:N [MeV]");
  sub->add_option("--model,-m", o->model, "hf (Skyrme HF SkM*), hf:FORCE, crpa (continuum RPA on HF SkM*), crpa:FORCE, ws (Woods-Saxon), "
                  "allowed (measured B(F), B(GT); CC on Ar40, C12), "
                  "allowed:bhattacharya-cheoun (Ar40: measured below 8 MeV + QRPA B(GT) above, as MARLEY)");
  sub->add_option("--flavour,--flavor", o->flavour, cc ? "nue (default), nuebar, numu, numubar" : "numu (default), any flavour");
  sub->add_option("--coulomb", o->coulomb, "CC lepton Coulomb correction: auto (default), fermi, mema, none");
  sub->add_option("--longitudinal", o->longitudinal, "vector longitudinal multipole: cvc (default) or impulse");
  sub->add_option("--ga-quenching", o->gaQuenching,
                  "multiply the axial coupling g_A = 1.2754 by FACTOR in (0, 1] for the multipole models (hf, crpa, ws): "
                  "an explicit effective-g_A option for studies of the missing (shell-model-like) quenching of "
                  "spin-isospin strength; default 1 = no quenching. Never tuned to the data lenu prints");
  sub->add_option("--maxj", o->maxJ,
                  fmt::format("first highest multipole J tried (mean-field models), default 6, in [1, {}]; the series is "
                              "extended automatically until converged (--multipole-tolerance)", kMaxMultipoleCap));
  sub->add_option("--maxj-cap", o->maxJCap,
                  fmt::format("largest multipole J the automatic extension may reach, default and maximum {}",
                              kMaxMultipoleCap));
  sub->add_option("--multipole-tolerance", o->multipoleTolerance,
                  "converged when the highest multipole carries at most this fraction of sigma (default 1e-3, in "
                  "(0, 0.5]); otherwise the command fails with NotConverged instead of printing a truncated number. "
                  "sigma(E) itself stops after J = 3 when the multipoles fall off fast and the rest is estimated "
                  "below 1e-4 of sigma (or this tolerance, if smaller)");
  sub->add_flag("--allow-outside-validity", o->allowOutsideValidity,
                "compute outside the validity range (with a warning on stderr) instead of refusing");
  sub->add_option("--flux", o->flux, "flux average: dar-nue, dar-numubar, dar-numu (prompt line) or a CSV file with columns energy_MeV,flux");
  sub->add_option("--angles", o->angles, "print dsigma/dcos(theta) at N angles (first energy)");
  sub->add_option("--omegas", o->omegas, "print continuum dsigma/domega at N energy transfers and the lines (first energy)");
  sub->add_flag("--double-differential", o->doubleDifferential, "print the continuum d2sigma/(domega dOmega) table (first energy)");
  sub->add_flag("--omega-contour", o->omegaContour,
                 "sigma(E) from the omega integral on a contour above the real axis (crpa; other models ignore it): "
                 "the limit of vanishing smearing eta -> 0, about 2.6x faster cold; flux averages integrate that sigma(E) "
                 "over E; distributions stay on the real axis (smeared with eta). 40Ar CC, 30 MeV: +3.0% against "
                 "eta = 0.5 MeV, DAR nu_e average +3.2%; NC: +19%, mostly "
                 "the tail of the spurious isoscalar 1- mode (see docs/physics.md)");
  sub->add_flag("--json", o->json, "JSON output (keys sigma_cm2, by_multipole, flux_averaged_xsec_cm2, ...)");
  sub->add_option("--plot", o->plot, "PNG: sigma(E) for several energies, else the angular distribution (with the allowed model for CC)");
  sub->add_option("--csv", o->csv, "write the sigma(E) table (or the double-differential table) as CSV");
  sub->footer(validityFooter(inelasticEnergyValidity()));
  sub->callback([o] { run(*o); });
}

} // namespace

void registerXsecInelasticCommands(CLI::App& xsec) {
  addCommand(xsec, true);
  addCommand(xsec, false);
}

} // namespace lenu::cli
