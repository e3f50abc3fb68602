/// `lenu xsec cevns`, `lenu formfactor`, `lenu flux`, `lenu rate`: the CEvNS chain layer by layer.

#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "CliSupport.hpp"
#include "CliValidity.hpp"
#include "Commands.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/formfactor/Phenomenological.hpp"
#include "lenu/io/AtomicFile.hpp"
#include "lenu/io/Plot.hpp"
#include "lenu/models/Experiment.hpp"
#include "lenu/models/FormFactorFactory.hpp"
#include "lenu/rate/CevnsRate.hpp"
#include "lenu/source/StoppedPionSource.hpp"
#include "lenu/xsec/Cevns.hpp"
#include "lenu/xsec/CevnsValidity.hpp"

namespace lenu::cli {
namespace {

const char* kFormFactorHelp =
    "form-factor model: helm (Lewin-Smith), klein-nystrand (COHERENT), symmetrized-fermi, fourier-bessel "
    "(de Vries charge density), unit (F = 1), hf:FORCE (Skyrme Hartree-Fock, e.g. hf:SLy4)";


// ------------------------------------------------------------------ xsec cevns
struct XsecOptions {
  std::string nuclide;
  std::vector<double> energies;
  std::string range;
  std::string formFactor = "helm";
  std::string weakCharges = "tree";
  std::string flavour = "numu";
  std::optional<double> differentialAt;
  bool json = false;
  std::optional<std::string> plot;
  std::optional<std::string> csv;
  bool allowOutsideValidity = false;
};

std::vector<double> parseRange(const std::string& r) {
  double lo = 0.0;
  double hi = 0.0;
  int n = 0;
  if (std::sscanf(r.c_str(), "%lf:%lf:%d", &lo, &hi, &n) != 3 || n < 2 || !(hi > lo) || lo < 0.0) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("range '{}' must be LO:HI:N with 0 <= LO < HI and N >= 2 (e.g. 1:100:100)", r));
  }
  return grid(lo, hi, static_cast<std::size_t>(n), false);
}

void runXsec(const XsecOptions& o) {
  const auto table = NuclideTable::load();
  const auto& nuc = table.get(o.nuclide);
  const auto model = makeFormFactorModel(o.formFactor);
  const CevnsCrossSection xs(nuc, model->forNuclide(nuc),
                             weakChargesFor(parseWeakChargeScheme(o.weakCharges), parseFlavour(o.flavour)));
  if (o.differentialAt) {
    const double e = *o.differentialAt;
    requirePositive(e, "neutrino energy (--differential)", "MeV");
    enforceValidity(cevnsEnergyValidity(nuc.A), e, o.allowOutsideValidity, "neutrino energy (--differential)", true);
    const double tMax = xs.maxRecoil(e);
    CsvText c;
    c.comments = {fmt::format("CEvNS dsigma/dT on {} at E = {} MeV, form factor {}", nuc.name(), e, o.formFactor)};
    c.header = {"T_keVnr", "q_fm^-1", "dsigma_dT_cm2_per_keVnr"};
    for (double t : grid(0.0, tMax, 101, false)) {
      c.rows.push_back({t / units::keV, xs.momentumTransfer(t), xs.dSigmaDT(e, t) / units::cm2 * units::keV});
    }
    if (o.json) {
      nlohmann::json j;
      j["nuclide"] = nuc.name();
      j["energy_MeV"] = e;
      j["T_max_keVnr"] = tMax / units::keV;
      j["sigma_cm2"] = xs.sigma(e) / units::cm2;
      for (const auto& r : c.rows) {
        j["T_keVnr"].push_back(r[0]);
        j["dsigma_dT_cm2_per_keVnr"].push_back(r[2]);
      }
      std::cout << j.dump(2) << "\n";
    } else {
      fmt::print("CEvNS on {} at E = {} MeV: T_max = {:.4f} keVnr, sigma = {:.4e} cm^2\n", nuc.name(), e,
                 tMax / units::keV, xs.sigma(e) / units::cm2);
      fmt::print("{:>12} {:>12} {:>26}\n", "T [keVnr]", "q [fm^-1]", "dsigma/dT [cm^2/keVnr]");
      for (std::size_t i = 0; i < c.rows.size(); i += 10) {
        fmt::print("{:>12.4f} {:>12.5f} {:>26.5e}\n", c.rows[i][0], c.rows[i][1], c.rows[i][2]);
      }
    }
    if (o.csv) {
      writeFileAtomically(*o.csv, c.str());
    }
    if (o.plot) {
      Plot p{fmt::format("CEvNS dsigma/dT, {} at E = {} MeV ({})", nuc.name(), e, o.formFactor),
             "recoil energy T [keVnr]", "dsigma/dT [cm^2/keVnr]"};
      PlotSeries s{o.formFactor, {}, {}};
      for (const auto& r : c.rows) {
        s.x.push_back(r[0]);
        s.y.push_back(r[2]);
      }
      p.series.push_back(s);
      p.render(*o.plot);
    }
    return;
  }
  std::vector<double> energies = o.energies;
  if (!o.range.empty()) {
    energies = parseRange(o.range);
  }
  if (energies.empty()) {
    energies = grid(1.0, 100.0, 100, false);
  }
  {
    double eMax = 0.0;
    for (double e : energies) {
      requirePositive(e, "neutrino energy", "MeV");
      eMax = std::max(eMax, e);
    }
    enforceValidity(cevnsEnergyValidity(nuc.A), eMax, o.allowOutsideValidity, "highest neutrino energy", true);
  }
  CsvText c;
  c.comments = {fmt::format("CEvNS total cross section on {} (Q_W = {:.4f}), form factor {}, weak charges {}", nuc.name(),
                            xs.weakCharge(), o.formFactor, o.weakCharges)};
  c.header = {"E_MeV", "sigma_cm2", "T_max_keVnr"};
  for (double e : energies) {
    c.rows.push_back({e, xs.sigma(e) / units::cm2, xs.maxRecoil(e) / units::keV});
  }
  if (o.json) {
    nlohmann::json j;
    j["nuclide"] = nuc.name();
    j["form_factor"] = o.formFactor;
    j["weak_charge"] = xs.weakCharge();
    for (const auto& r : c.rows) {
      j["energy_MeV"].push_back(r[0]);
      j["sigma_cm2"].push_back(r[1]);
    }
    if (c.rows.size() == 1) {
      j["sigma_cm2"] = c.rows[0][1];
      j["energy_MeV"] = c.rows[0][0];
    }
    std::cout << j.dump(2) << "\n";
  } else {
    fmt::print("CEvNS on {} (Z = {}, N = {}, M = {:.3f} MeV, Q_W = {:.4f}); form factor {}\n", nuc.name(), nuc.Z, nuc.N(),
               xs.nuclearMass(), xs.weakCharge(), o.formFactor);
    fmt::print("{:>10} {:>16} {:>14}\n", "E [MeV]", "sigma [cm^2]", "T_max [keVnr]");
    const std::size_t step = c.rows.size() > 25 ? c.rows.size() / 20 : 1;
    for (std::size_t i = 0; i < c.rows.size(); i += step) {
      fmt::print("{:>10.3f} {:>16.5e} {:>14.4f}\n", c.rows[i][0], c.rows[i][1], c.rows[i][2]);
    }
  }
  if (o.csv) {
    writeFileAtomically(*o.csv, c.str());
  }
  if (o.plot) {
    Plot p{fmt::format("CEvNS cross section on {} ({})", nuc.name(), o.formFactor), "neutrino energy E [MeV]",
           "sigma [cm^2]"};
    p.logY = true;
    PlotSeries s{o.formFactor, {}, {}};
    for (const auto& r : c.rows) {
      s.x.push_back(r[0]);
      s.y.push_back(r[1]);
    }
    p.series.push_back(s);
    p.render(*o.plot);
  }
}

// ------------------------------------------------------------------ formfactor
struct FormFactorOptions {
  std::string nuclide;
  std::vector<std::string> models{"helm"};
  double qMax = 2.0;
  std::size_t n = 201;
  bool json = false;
  std::optional<std::string> plot;
  std::optional<std::string> csv;
};

void runFormFactor(const FormFactorOptions& o) {
  const auto table = NuclideTable::load();
  const auto& nuc = table.get(o.nuclide);
  requireInRange(o.qMax, 1e-3, 20.0, "--qmax", "fm^-1");
  require(o.n >= 2 && o.n <= 100000, fmt::format("--points {} must be in [2, 100000]", o.n));
  const auto q = grid(0.0, o.qMax, o.n, false);
  CsvText c;
  c.comments = {fmt::format("form factors of {} (Z = {}, N = {}); F_W = [Q_W^n N F_n + Q_W^p Z F_p]/Q_W at tree level",
                            nuc.name(), nuc.Z, nuc.N())};
  c.header = {"q_fm^-1"};
  nlohmann::json j;
  j["nuclide"] = nuc.name();
  Plot p{fmt::format("Form factors of {}", nuc.name()), "momentum transfer q [fm^-1]", "|F(q)|"};
  p.logY = true;
  std::vector<std::vector<double>> cols;
  for (const auto& m : o.models) {
    const auto ff = makeFormFactorModel(m)->forNuclide(nuc);
    const WeakFormFactor w(nuc, ff, NucleonWeakCharges::treeLevel());
    std::vector<double> fp, fn, fw;
    for (double qq : q) {
      fp.push_back((*ff.proton)(qq));
      fn.push_back((*ff.neutron)(qq));
      fw.push_back(w(qq));
    }
    c.header.insert(c.header.end(), {fmt::format("Fp_{}", m), fmt::format("Fn_{}", m), fmt::format("FW_{}", m)});
    cols.push_back(fp);
    cols.push_back(fn);
    cols.push_back(fw);
    j["models"][m] = {{"F_p", fp}, {"F_n", fn}, {"F_W", fw}, {"neutron_description", ff.neutron->description()}};
    PlotSeries s{fmt::format("F_W {}", m), q, {}};
    for (double v : fw) {
      s.y.push_back(std::max(std::abs(v), 1e-8));
    }
    p.series.push_back(s);
  }
  for (std::size_t i = 0; i < q.size(); ++i) {
    std::vector<double> row{q[i]};
    for (const auto& col : cols) {
      row.push_back(col[i]);
    }
    c.rows.push_back(row);
  }
  j["q_fm^-1"] = q;
  if (o.json) {
    std::cout << j.dump(2) << "\n";
  } else {
    fmt::print("Form factors of {} (Z = {}, N = {}), q in fm^-1\n{:>8}", nuc.name(), nuc.Z, nuc.N(), "q");
    for (std::size_t k = 1; k < c.header.size(); ++k) {
      fmt::print(" {:>22}", c.header[k]);
    }
    fmt::print("\n");
    const std::size_t step = std::max<std::size_t>(1, q.size() / 20);
    for (std::size_t i = 0; i < q.size(); i += step) {
      fmt::print("{:>8.3f}", q[i]);
      for (std::size_t k = 1; k < c.rows[i].size(); ++k) {
        fmt::print(" {:>22.6f}", c.rows[i][k]);
      }
      fmt::print("\n");
    }
  }
  if (o.csv) {
    writeFileAtomically(*o.csv, c.str());
  }
  if (o.plot) {
    p.render(*o.plot);
  }
}

// ------------------------------------------------------------------ flux
struct FluxOptions {
  std::string experiment = "coherent-csi-2017";
  std::vector<double> window;
  bool json = false;
  std::optional<std::string> plot;
  std::optional<std::string> plotTime;
};

void runFlux(const FluxOptions& o) {
  const auto table = NuclideTable::load();
  const auto x = loadExperiment(resolveExperimentFile(o.experiment), table);
  const auto& src = *x.rate.source;
  TimeWindow w;
  if (!o.window.empty()) {
    require(o.window.size() == 2 && o.window[1] > o.window[0], "--window takes two times T0 T1 [ns] with T1 > T0");
    w = {o.window[0], o.window[1]};
  }
  nlohmann::json j;
  j["source"] = src.description();
  if (!o.json) {
    fmt::print("{}\n\n{:<9} {:>14} {:>16} {:>18} {:>16}\n", src.description(), "flavour", "<E> [MeV]",
               "N emitted", "fluence [cm^-2]", "time fraction");
  }
  for (Flavour f : src.flavours()) {
    const auto spec = src.spectrum(f, w);
    const double frac = w.isAll() ? 1.0 : src.timeFraction(f, w);
    const double flu = src.fluence(f, x.rate.distance) * units::cm2;
    if (o.json) {
      j["flavours"][std::string(toString(f))] = {{"mean_energy_MeV", spec.meanEnergy()},
                                                 {"emitted", src.totalNeutrinos(f)},
                                                 {"fluence_cm2", flu},
                                                 {"time_fraction", frac}};
    } else {
      fmt::print("{:<9} {:>14.3f} {:>16.4e} {:>18.4e} {:>16.5f}\n", toString(f), spec.meanEnergy(),
                 src.totalNeutrinos(f), flu, frac);
    }
  }
  if (!o.json && !w.isAll()) {
    fmt::print("\n(time fraction: share of each flavour emitted in [{}, {}] ns; t = 0 at the pulse centroid)\n",
               w.begin, w.end);
  }
  if (o.json) {
    j["distance_m"] = x.rate.distance / units::m;
    std::cout << j.dump(2) << "\n";
  }
  if (o.plot) {
    Plot p{"Neutrino energy spectra", "neutrino energy E [MeV]", "dN/dE [1/MeV] (lines: weight)"};
    for (Flavour f : src.flavours()) {
      const auto spec = src.spectrum(f, w);
      PlotSeries s{std::string(toString(f)), {}, {}};
      if (const auto* cpart = spec.continuousPart()) {
        for (double e : grid(cpart->eMin(), cpart->eMax(), 200, false)) {
          s.x.push_back(e);
          s.y.push_back(spec.continuousWeight() * cpart->pdf(e));
        }
      }
      for (const auto& l : spec.lines()) {
        s.x.insert(s.x.end(), {l.energy - 1e-3, l.energy, l.energy + 1e-3});
        s.y.insert(s.y.end(), {0.0, l.weight, 0.0});
      }
      p.series.push_back(s);
    }
    p.render(*o.plot);
  }
  if (o.plotTime) {
    Plot p{"Neutrino emission time", "time after the proton-pulse centroid [ns]", "dN/dt [1/ns]"};
    for (Flavour f : src.flavours()) {
      PlotSeries s{std::string(toString(f)), {}, {}};
      for (double t : grid(-1000.0, 10000.0, 1101, false)) {
        s.x.push_back(t);
        s.y.push_back(src.timePdf(f, t));
      }
      p.series.push_back(s);
    }
    p.render(*o.plotTime);
  }
}

// ------------------------------------------------------------------ rate
struct RateOptions {
  std::string material = "Ar";
  double massKg = 1000.0;
  double distanceM = 20.0;
  double pot = 1e23;
  double nuPerProton = 0.08;
  double pulseFwhm = 353.2;
  std::string formFactor = "helm";
  double thresholdKeVnr = 0.0;
  bool json = false;
  std::optional<std::string> plot;
};

void runRate(const RateOptions& o) {
  const auto table = NuclideTable::load();
  CevnsRateConfig cfg;
  StoppedPionSource::Config sc;
  sc.protonsOnTarget = o.pot;
  sc.neutrinosPerFlavourPerProton = o.nuPerProton;
  sc.pulse = ProtonPulse::gaussian(o.pulseFwhm);
  cfg.source = std::make_shared<StoppedPionSource>(sc);
  cfg.target = TargetMaterial::fromFormula(o.material, table);
  cfg.targetMass = o.massKg;
  cfg.distance = o.distanceM * units::m;
  cfg.formFactor = makeFormFactorModel(o.formFactor);
  requireNonNegative(o.thresholdKeVnr, "--threshold", "keVnr");
  const CevnsRate rate(cfg);
  const auto p = rate.predict();
  const double dT = p.recoilEdges[1] - p.recoilEdges[0];
  std::map<Flavour, double> above;
  for (Flavour f : p.flavours) {
    double s = 0.0;
    for (std::size_t b = 0; b < p.dNdT.at(f).size(); ++b) {
      const double lo = p.recoilEdges[b];
      const double hi = p.recoilEdges[b + 1];
      const double frac = std::clamp((hi - o.thresholdKeVnr * units::keV) / (hi - lo), 0.0, 1.0);
      s += p.dNdT.at(f)[b] * dT * frac;
    }
    above[f] = s;
  }
  if (o.json) {
    nlohmann::json j;
    double tot = 0.0;
    for (Flavour f : p.flavours) {
      j["events_by_flavour"][std::string(toString(f))] = above[f];
      tot += above[f];
    }
    j["events_total"] = tot;
    j["threshold_keVnr"] = o.thresholdKeVnr;
    j["flux_averaged_xsec_cm2"] = p.fluxAveragedXsecAll / units::cm2;
    j["target_nuclei"] = p.targetNuclei;
    std::cout << j.dump(2) << "\n";
  } else {
    fmt::print("Stopped-pion CEvNS rate: {} {} kg at {} m, {:.3e} POT x {} nu/flavour/POT, form factor {}\n",
               o.material, o.massKg, o.distanceM, o.pot, o.nuPerProton, o.formFactor);
    double tot = 0.0;
    for (Flavour f : p.flavours) {
      fmt::print("  {:<8} {:>12.2f} events above {} keVnr\n", toString(f), above[f], o.thresholdKeVnr);
      tot += above[f];
    }
    fmt::print("  {:<8} {:>12.2f} events; flux-averaged cross section {:.3e} cm^2 per nucleus\n", "total", tot,
               p.fluxAveragedXsecAll / units::cm2);
  }
  if (o.plot) {
    Plot pl{fmt::format("CEvNS recoil spectrum, {} {} kg", o.material, o.massKg), "recoil energy T [keVnr]",
            "dN/dT [events/keVnr]"};
    pl.logY = true;
    for (Flavour f : p.flavours) {
      PlotSeries s{std::string(toString(f)), {}, {}};
      for (std::size_t b = 0; b < p.dNdT.at(f).size(); ++b) {
        const double v = p.dNdT.at(f)[b] * units::keV;
        if (v > 0.0) {
          s.x.push_back((static_cast<double>(b) + 0.5) * dT / units::keV);
          s.y.push_back(v);
        }
      }
      pl.series.push_back(s);
    }
    pl.render(*o.plot);
  }
}

} // namespace

void registerXsecCevnsCommand(CLI::App& xsec) {
  auto o = std::make_shared<XsecOptions>();
  auto* cmd = xsec.add_subcommand("cevns", "CEvNS cross section sigma(E) [cm^2] or dsigma/dT [cm^2/keVnr] for one "
                                           "nuclide.\nExample: lenu xsec cevns Ar40 --energy 30 --form-factor helm");
  cmd->add_option("nuclide", o->nuclide, "target nuclide, e.g. Ar40, Cs133, Pb208")->required();
  cmd->add_option("--energy", o->energies, "neutrino energies [MeV] (> 0; several allowed)");
  cmd->add_option("--range", o->range, "energy grid LO:HI:N [MeV], e.g. 1:100:100 (default)");
  cmd->add_option("--form-factor", o->formFactor, kFormFactorHelp)->capture_default_str();
  cmd->add_option("--weak-charges", o->weakCharges, "nucleon weak charges: tree (1-4 sin^2 theta_W, -1) or radiative (flavour-dependent neutrino couplings, "
                  "Erler & Su as quoted in arXiv:2411.03122; unconfirmed against the primary text)")
      ->capture_default_str();
  cmd->add_option("--flavour", o->flavour, "neutrino flavour (matters for --weak-charges radiative): nue, numu, nutau, "
                                          "nuebar, numubar, nutaubar")
      ->capture_default_str();
  cmd->add_option("--differential", o->differentialAt, "tabulate dsigma/dT [cm^2/keVnr] at this energy [MeV]");
  cmd->add_flag("--json", o->json, "print JSON (sigma_cm2, energy_MeV, ...)");
  cmd->add_option("--plot", o->plot, "draw sigma(E) (or dsigma/dT) to this PNG file");
  cmd->add_option("--csv", o->csv, "write the table to this CSV file");
  cmd->add_flag("--allow-outside-validity", o->allowOutsideValidity,
                "energies beyond the coherence range are computed (the elastic cross section) with a warning either way");
  cmd->footer("Validity: coherence holds while q_max = 2 E_nu stays below the first form-factor zero, q_max R <= 4.493 "
              "with R = 1.2 A^(1/3) fm, i.e. E_nu <= 369.4 MeV / A^(1/3) (40Ar 108 MeV, 133Cs 72 MeV, 208Pb 62 MeV); "
              "beyond it the command computes the elastic cross section and warns on stderr (docs/validity.md).");
  cmd->callback([o] { runXsec(*o); });
}

void registerFormFactorCommand(CLI::App& app) {
  auto o = std::make_shared<FormFactorOptions>();
  auto* cmd = app.add_subcommand("formfactor", "Proton, neutron and weak form factors F(q) (q in fm^-1, F(0) = 1).\n"
                                               "Example: lenu formfactor Pb208 --model helm --model klein-nystrand");
  cmd->add_option("nuclide", o->nuclide, "nuclide, e.g. Ar40")->required();
  cmd->add_option("--model", o->models, kFormFactorHelp)->capture_default_str();
  cmd->add_option("--qmax", o->qMax, "largest q [fm^-1], in (0, 20]")->capture_default_str();
  cmd->add_option("--points", o->n, "number of q points")->capture_default_str();
  cmd->add_flag("--json", o->json, "print JSON");
  cmd->add_option("--plot", o->plot, "draw |F_W(q)| to this PNG file");
  cmd->add_option("--csv", o->csv, "write the table to this CSV file");
  cmd->callback([o] { runFormFactor(*o); });
}

void registerFluxCommand(CLI::App& app) {
  auto o = std::make_shared<FluxOptions>();
  auto* cmd = app.add_subcommand(
      "flux", "Neutrino source of an experiment: flavours, mean energies [MeV], numbers emitted, fluence [cm^-2]\n"
              "and the share of each flavour inside a time window (flavour separation by beam timing).\n"
              "Example: lenu flux coherent-csi-2017 --window -500 1000");
  cmd->add_option("experiment", o->experiment, "experiment name or TOML file")->capture_default_str();
  cmd->add_option("--window", o->window, "time window T0 T1 [ns] after the proton-pulse centroid")->expected(2);
  cmd->add_flag("--json", o->json, "print JSON");
  cmd->add_option("--plot", o->plot, "draw the energy spectra to this PNG file");
  cmd->add_option("--plot-time", o->plotTime, "draw the emission-time distributions to this PNG file");
  cmd->callback([o] { runFlux(*o); });
}

void registerRateCommand(CLI::App& app) {
  auto o = std::make_shared<RateOptions>();
  auto* cmd = app.add_subcommand(
      "rate", "Quick CEvNS rate at a stopped-pion source for a perfect detector above a recoil threshold.\n"
              "Example: lenu rate --material Ar --mass 610 --distance 28.4 --pot 3e23 --threshold 20");
  cmd->add_option("--material", o->material, "target formula with natural abundances (Ar, CsI, NaI, Ge, Xe, C3F8)")
      ->capture_default_str();
  cmd->add_option("--mass", o->massKg, "target mass [kg] (> 0)")->capture_default_str();
  cmd->add_option("--distance", o->distanceM, "distance to the source [m] (> 0)")->capture_default_str();
  cmd->add_option("--pot", o->pot, "protons on target (> 0)")->capture_default_str();
  cmd->add_option("--nu-per-proton", o->nuPerProton, "neutrinos per flavour per proton (> 0)")->capture_default_str();
  cmd->add_option("--pulse-fwhm", o->pulseFwhm, "proton pulse FWHM [ns]")->capture_default_str();
  cmd->add_option("--form-factor", o->formFactor, kFormFactorHelp)->capture_default_str();
  cmd->add_option("--threshold", o->thresholdKeVnr, "recoil threshold [keVnr] (>= 0)")->capture_default_str();
  cmd->add_flag("--json", o->json, "print JSON (events_total, events_by_flavour, flux_averaged_xsec_cm2)");
  cmd->add_option("--plot", o->plot, "draw dN/dT to this PNG file");
  cmd->callback([o] { runRate(*o); });
}

} // namespace lenu::cli
