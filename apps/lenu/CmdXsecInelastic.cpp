/// `lenu xsec cc` and `lenu xsec nc`: inelastic charged- and neutral-current neutrino-nucleus
/// cross sections (Walecka-Donnelly multipoles on a Hartree-Fock or Woods-Saxon mean field, or
/// the allowed approximation with measured B(F), B(GT)).

#include <iostream>
#include <memory>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "CliSupport.hpp"
#include "Commands.hpp"
#include "lenu/core/Csv.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Flavour.hpp"
#include "lenu/core/Integrate.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/inelastic/InelasticCrossSection.hpp"
#include "lenu/inelastic/InelasticModels.hpp"
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
  int maxJ = 6;
  std::optional<std::string> flux;
  int angles = 0;
  int omegas = 0;
  bool doubleDifferential = false;
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
  const ResponseMode mode = responseMode(o.cc, flavour);
  const auto response = makeInelasticResponse(o.target, mode, mo, table);
  InelasticCrossSectionConfig xc;
  xc.coulomb = parseCoulombMode(o.coulomb);
  const InelasticCrossSection xs(response, flavour, xc);
  const std::string channel = o.cc ? "CC" : "NC";
  const Nuclide& nuc = table.get(o.target);

  nlohmann::json j;
  j["target"] = nuc.name();
  j["channel"] = channel;
  j["flavour"] = std::string(toString(flavour));
  j["model"] = o.model;
  j["description"] = response->description();
  j["threshold_MeV"] = xs.thresholdEnergy();
  j["max_multipole"] = response->maxMultipole();
  if (o.cc) j["coulomb"] = std::string(toString(xc.coulomb));

  std::vector<double> energies = o.energies;
  if (!o.range.empty()) energies = parseRangeSpec(o.range);
  if (energies.empty() && !o.flux) energies = {30.0};

  CsvText c;
  c.comments = {fmt::format("inelastic {} {} on {}, model {}", channel, toString(flavour), nuc.name(), o.model),
                response->description()};
  c.header = {"E_MeV", "sigma_cm2", "lines_cm2", "continuum_cm2"};
  std::vector<InelasticSigma> results;
  for (double e : energies) {
    results.push_back(xs.sigma(e));
    const auto& r = results.back();
    c.rows.push_back({e, r.total / units::cm2, r.lines / units::cm2, r.continuum / units::cm2});
  }
  auto multipoleJson = [](const InelasticSigma& r) {
    nlohmann::json m = nlohmann::json::object();
    for (const auto& [k, v] : r.byMultipole) m[k] = v / units::cm2;
    return m;
  };
  // Convergence in J: share of the highest multipole.
  auto topShare = [&](const InelasticSigma& r) {
    double top = 0.0;
    for (const auto& [k, v] : r.byMultipole)
      if (std::stoi(k.substr(0, k.size() - 1)) == response->maxMultipole()) top += v;
    return r.total > 0.0 ? top / r.total : 0.0;
  };
  if (results.size() == 1) {
    j["energy_MeV"] = results[0].energy;
    j["sigma_cm2"] = results[0].total / units::cm2;
    j["lines_cm2"] = results[0].lines / units::cm2;
    j["continuum_cm2"] = results[0].continuum / units::cm2;
    j["by_multipole"] = multipoleJson(results[0]);
    j["highest_multipole_share"] = topShare(results[0]);
  } else if (!results.empty()) {
    for (const auto& r : results) {
      j["energy_MeV"].push_back(r.energy);
      j["sigma_cm2"].push_back(r.total / units::cm2);
      j["by_multipole"].push_back(multipoleJson(r));
    }
  }
  std::optional<double> fluxAvg;
  if (o.flux) {
    fluxAvg = xs.fluxAveraged(fluxFrom(*o.flux)) / units::cm2;
    j["flux"] = *o.flux;
    j["flux_averaged_xsec_cm2"] = *fluxAvg;
  }
  // Angular distribution, dsigma/domega, double-differential table at the first energy.
  const double e0 = energies.empty() ? 30.0 : energies.front();
  std::vector<double> cosv, dcos;
  if (o.angles > 1 || (o.plot && energies.size() == 1)) {
    const int n = std::max(o.angles, 21);
    cosv = grid(-1.0, 1.0, static_cast<std::size_t>(n), false);
    dcos = xs.dSigmaDCos(e0, cosv);
    for (std::size_t i = 0; i < cosv.size() && o.angles > 1; ++i) {
      j["dsigma_dcos"]["cos_theta"].push_back(cosv[i]);
      j["dsigma_dcos"]["cm2"].push_back(dcos[i] / units::cm2);
    }
  }
  std::vector<double> omegas, dom;
  if (o.omegas > 1) {
    omegas = grid(response->continuumThreshold() + 1e-3, e0 - xs.leptonMass() - 1e-3, static_cast<std::size_t>(o.omegas), false);
    dom = xs.dSigmaDOmega(e0, omegas);
    for (std::size_t i = 0; i < omegas.size(); ++i) {
      j["dsigma_domega"]["omega_MeV"].push_back(omegas[i]);
      j["dsigma_domega"]["cm2_per_MeV"].push_back(dom[i] / units::cm2);
    }
    const auto ls = xs.lineSigmas(e0);
    for (std::size_t i = 0; i < ls.size(); ++i) {
      if (ls[i] <= 0.0) continue;
      j["lines"].push_back({{"omega_MeV", response->lines()[i].omega},
                            {"excitation_MeV", response->lines()[i].excitation},
                            {"label", response->lines()[i].label},
                            {"sigma_cm2", ls[i] / units::cm2}});
    }
  }
  CsvText dd;
  if (o.doubleDifferential) {
    dd.comments = {fmt::format("continuum d2sigma/(domega dOmega) on {} at E = {} MeV ({} {})", nuc.name(), e0, channel,
                               toString(flavour))};
    dd.header = {"omega_MeV", "cos_theta", "d2sigma_cm2_per_MeV_sr"};
    const auto og = grid(response->continuumThreshold() + 0.25, e0 - xs.leptonMass() - 0.25, 20, false);
    for (double w : og)
      for (double cth : grid(-1.0, 1.0, 11, false))
        dd.rows.push_back({w, cth, xs.doubleDifferential(e0, w, cth) / units::cm2});
  }

  if (o.json) {
    std::cout << j.dump(2) << "\n";
  } else {
    fmt::print("Inelastic {} {} on {} ({}): threshold {:.3f} MeV\n  {}\n", channel, toString(flavour), nuc.name(), o.model,
               xs.thresholdEnergy(), response->description());
    fmt::print("{:>10} {:>14} {:>14} {:>14}\n", "E [MeV]", "sigma [cm^2]", "lines", "continuum");
    for (const auto& r : c.rows) fmt::print("{:>10.3f} {:>14.5e} {:>14.5e} {:>14.5e}\n", r[0], r[1], r[2], r[3]);
    if (results.size() == 1) {
      fmt::print("by multipole J^pi (cm^2):");
      for (const auto& [k, v] : results[0].byMultipole) fmt::print(" {}: {:.3e}", k, v / units::cm2);
      fmt::print("\nshare of the highest multipole J = {}: {:.2e}\n", response->maxMultipole(), topShare(results[0]));
    }
    if (fluxAvg) fmt::print("flux-averaged cross section ({}): {:.5e} cm^2\n", *o.flux, *fluxAvg);
    if (o.angles > 1) {
      fmt::print("dsigma/dcos(theta) at E = {} MeV:\n", e0);
      for (std::size_t i = 0; i < cosv.size(); ++i) fmt::print("  cos = {:+.3f}  {:.5e} cm^2\n", cosv[i], dcos[i] / units::cm2);
    }
    if (o.omegas > 1) {
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
      PlotSeries s{fmt::format("{} (multipoles J <= {})", o.model, response->maxMultipole()), {}, {}};
      for (std::size_t i = 0; i < cosv.size(); ++i) { s.x.push_back(cosv[i]); s.y.push_back(dcos[i] / (1e-42 * units::cm2)); }
      p.series.push_back(s);
      if (o.cc && o.model != "allowed") {
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
      cc ? "Inelastic charged-current cross section nu_l + A -> l + A* (multipoles on HF / WS, or allowed)"
         : "Inelastic neutral-current cross section nu + A -> nu' + A* (multipoles on HF / WS)");
  sub->add_option("target", o->target, "target nuclide, e.g. Ar40, C12, O16, Fe56, I127, Pb208")->required();
  sub->add_option("--energy,-e", o->energies, "neutrino energy [MeV] (repeatable); default 30");
  sub->add_option("--range", o->range, "energy grid LO:HI:N [MeV]");
  sub->add_option("--model,-m", o->model, "hf (Skyrme HF SkM*), hf:FORCE, crpa (continuum RPA on HF SkM*), crpa:FORCE, ws (Woods-Saxon), allowed (measured B(F), B(GT); CC on Ar40, C12)");
  sub->add_option("--flavour,--flavor", o->flavour, cc ? "nue (default), nuebar, numu, numubar" : "numu (default), any flavour");
  sub->add_option("--coulomb", o->coulomb, "CC lepton Coulomb correction: auto (default), fermi, mema, none");
  sub->add_option("--longitudinal", o->longitudinal, "vector longitudinal multipole: cvc (default) or impulse");
  sub->add_option("--maxj", o->maxJ, "highest multipole J (mean-field models), default 6");
  sub->add_option("--flux", o->flux, "flux average: dar-nue, dar-numubar, dar-numu (prompt line) or a CSV file with columns energy_MeV,flux");
  sub->add_option("--angles", o->angles, "print dsigma/dcos(theta) at N angles (first energy)");
  sub->add_option("--omegas", o->omegas, "print continuum dsigma/domega at N energy transfers and the lines (first energy)");
  sub->add_flag("--double-differential", o->doubleDifferential, "print the continuum d2sigma/(domega dOmega) table (first energy)");
  sub->add_flag("--json", o->json, "JSON output (keys sigma_cm2, by_multipole, flux_averaged_xsec_cm2, ...)");
  sub->add_option("--plot", o->plot, "PNG: sigma(E) for several energies, else the angular distribution (with the allowed model for CC)");
  sub->add_option("--csv", o->csv, "write the sigma(E) table (or the double-differential table) as CSV");
  sub->callback([o] { run(*o); });
}

} // namespace

void registerXsecInelasticCommands(CLI::App& xsec) {
  addCommand(xsec, true);
  addCommand(xsec, false);
}

} // namespace lenu::cli
