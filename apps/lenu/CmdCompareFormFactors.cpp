/// `lenu compare-formfactors`: weak form factors of several models for one nucleus and the relative
/// difference of the CEvNS cross section between them versus neutrino energy (the model comparison
/// of Van Dessel, Pandey, Ray, Jachowicz, arXiv:2007.03658, Fig. 4-5, for 40Ar).

#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "CliSupport.hpp"
#include "Commands.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/io/AtomicFile.hpp"
#include "lenu/io/Plot.hpp"
#include "lenu/models/FormFactorFactory.hpp"
#include "lenu/xsec/Cevns.hpp"

namespace lenu::cli {
namespace {

struct CompareOptions {
  std::string nuclide;
  std::vector<std::string> models{"hf:SLy4", "hf:SkM*", "hf:SkI3", "hf:SIII", "hf:UNEDF1", "helm", "klein-nystrand"};
  double qMax = 1.5;
  double eMax = 60.0;
  bool json = false;
  std::optional<std::string> plot;
  std::optional<std::string> csv;
};

void runCompare(const CompareOptions& o) {
  const auto table = NuclideTable::load();
  const auto& nuc = table.get(o.nuclide);
  requireInRange(o.qMax, 0.05, 10.0, "--qmax", "fm^-1");
  requireInRange(o.eMax, 1.0, 300.0, "--emax", "MeV");
  require(!o.models.empty(), "--models needs at least one model");
  const auto q = grid(0.0, o.qMax, 151, false);
  const auto e = grid(1.0, o.eMax, 60, false);
  std::vector<CevnsCrossSection> xs;
  for (const auto& m : o.models) {
    xs.emplace_back(nuc, makeFormFactorModel(m)->forNuclide(nuc));
  }
  // reference: the first model
  std::vector<double> ref;
  for (double en : e) {
    ref.push_back(xs.front().sigma(en));
  }
  nlohmann::json j;
  j["nuclide"] = nuc.name();
  j["reference_model"] = o.models.front();
  j["q_fm^-1"] = q;
  j["energy_MeV"] = e;
  Plot pf{fmt::format("Weak form factor of {}", nuc.name()), "momentum transfer q [fm^-1]", "F_W(q)"};
  Plot px{fmt::format("CEvNS on {}: cross section relative to {}", nuc.name(), o.models.front()),
          "neutrino energy E [MeV]", fmt::format("sigma / sigma({}) - 1 [%]", o.models.front())};
  px.key = "bottom left";
  CsvText c;
  c.comments = {fmt::format("weak form factors F_W(q) of {} and CEvNS sigma(E) relative to {}", nuc.name(),
                            o.models.front())};
  c.header = {"q_fm^-1"};
  std::vector<std::vector<double>> fw(o.models.size());
  for (std::size_t k = 0; k < o.models.size(); ++k) {
    c.header.push_back("FW_" + o.models[k]);
    PlotSeries s{o.models[k], q, {}};
    for (double qq : q) {
      fw[k].push_back(xs[k].weakFormFactor()(qq));
    }
    s.y = fw[k];
    pf.series.push_back(s);
    PlotSeries d{o.models[k], e, {}};
    std::vector<double> rel;
    for (std::size_t i = 0; i < e.size(); ++i) {
      rel.push_back(100.0 * (xs[k].sigma(e[i]) / ref[i] - 1.0));
    }
    d.y = rel;
    px.series.push_back(d);
    j["models"][o.models[k]] = {{"F_W", fw[k]}, {"sigma_relative_difference_percent", rel},
                                {"neutron_description", xs[k].weakFormFactor().nucleonFormFactors().neutron->description()}};
  }
  for (std::size_t i = 0; i < q.size(); ++i) {
    std::vector<double> row{q[i]};
    for (const auto& col : fw) {
      row.push_back(col[i]);
    }
    c.rows.push_back(row);
  }
  if (o.json) {
    std::cout << j.dump(2) << "\n";
  } else {
    fmt::print("Weak form factor F_W(q) of {} (Z = {}, N = {})\n{:>8}", nuc.name(), nuc.Z, nuc.N(), "q[fm^-1]");
    for (const auto& m : o.models) {
      fmt::print(" {:>15}", m);
    }
    fmt::print("\n");
    for (std::size_t i = 0; i < q.size(); i += 15) {
      fmt::print("{:>8.3f}", q[i]);
      for (const auto& col : fw) {
        fmt::print(" {:>15.5f}", col[i]);
      }
      fmt::print("\n");
    }
    fmt::print("\nCEvNS sigma(E) relative to {} [%]\n{:>8}", o.models.front(), "E[MeV]");
    for (const auto& m : o.models) {
      fmt::print(" {:>15}", m);
    }
    fmt::print("\n");
    for (std::size_t i = 4; i < e.size(); i += 5) {
      fmt::print("{:>8.1f}", e[i]);
      for (const auto& x : xs) {
        fmt::print(" {:>15.3f}", 100.0 * (x.sigma(e[i]) / ref[i] - 1.0));
      }
      fmt::print("\n");
    }
  }
  if (o.csv) {
    writeFileAtomically(*o.csv, c.str());
  }
  if (o.plot) {
    pf.render(*o.plot);
    auto p2 = std::filesystem::path(*o.plot);
    p2.replace_filename(p2.stem().string() + "_xsec" + p2.extension().string());
    px.render(p2);
  }
}

} // namespace

void registerCompareFormFactorsCommand(CLI::App& app) {
  auto o = std::make_shared<CompareOptions>();
  auto* cmd = app.add_subcommand(
      "compare-formfactors",
      "Weak form factors F_W(q) [q in fm^-1] of several models for one nucleus, and the relative difference [%]\n"
      "of the CEvNS cross section between them versus neutrino energy [MeV] (reference: the first model).\n"
      "--plot FILE.png draws F_W to FILE.png and the cross-section differences to FILE_xsec.png.\n"
      "Example: lenu compare-formfactors Ar40 --plot ar40.png");
  cmd->add_option("nuclide", o->nuclide, "nuclide, e.g. Ar40")->required();
  cmd->add_option("--models", o->models, "models to compare (first = reference)")->capture_default_str();
  cmd->add_option("--qmax", o->qMax, "largest q [fm^-1]")->capture_default_str();
  cmd->add_option("--emax", o->eMax, "largest neutrino energy [MeV]")->capture_default_str();
  cmd->add_flag("--json", o->json, "print JSON");
  cmd->add_option("--plot", o->plot, "PNG file for F_W (and FILE_xsec.png for the cross sections)");
  cmd->add_option("--csv", o->csv, "write F_W(q) to this CSV file");
  cmd->callback([o] { runCompare(*o); });
}

} // namespace lenu::cli
