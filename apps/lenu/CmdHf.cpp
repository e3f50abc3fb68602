/// `lenu hf <nuclide>`: spherical Skyrme Hartree-Fock ground state (energies, radii,
/// single-particle levels), densities and form factors (CSV, PNG), PREX / CREX comparison.

#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "Commands.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/io/Plot.hpp"
#include "lenu/structure/HartreeFock.hpp"
#include "lenu/structure/HartreeFockFormFactors.hpp"

namespace lenu::cli {

namespace {

struct HfOptions {
  std::string nuclide;
  std::string force = "SLy4";
  std::string pairing = "auto";
  double box = 20.0;
  double step = 0.1;
  bool json = false;
  std::string csvPrefix;
  std::string plot;
  bool comparePves = false;
};

PairingMode pairingMode(const std::string& s) {
  if (s == "auto") return PairingMode::Auto;
  if (s == "none") return PairingMode::None;
  if (s == "filling") return PairingMode::Filling;
  if (s == "bcs") return PairingMode::ConstantGap;
  if (s == "delta") return PairingMode::DeltaPairing;
  throw Error(ErrorCode::InvalidArgument,
              fmt::format("--pairing '{}' is not known: accepted auto, none, filling, bcs, delta", s));
}

void writeFile(const std::string& path, const std::string& text) {
  std::ofstream out(path);
  if (!out) throw Error(ErrorCode::IoError, fmt::format("cannot write {}", path));
  out << text;
}

void runHf(const HfOptions& o) {
  const auto table = NuclideTable::load();
  const Nuclide& nuc = table.get(o.nuclide);
  HartreeFockConfig cfg;
  cfg.boxRadius = o.box;
  cfg.meshStep = o.step;
  cfg.pairing.mode = pairingMode(o.pairing);
  HartreeFockFormFactorModel model(o.force, cfg);
  const auto gsPtr = model.groundState(nuc.Z, nuc.N());
  const auto& gs = *gsPtr;
  const auto& r = gs.hf;

  if (o.json) {
    nlohmann::json j;
    j["nuclide"] = nuc.name();
    j["force"] = r.force;
    j["binding_energy_MeV"] = r.bindingEnergy;
    j["energy_check_MeV"] = r.energyCheck;
    j["radii_fm"] = {{"proton", r.radii.proton}, {"neutron", r.radii.neutron}, {"charge", r.radii.charge},
                     {"weak", r.radii.weak}, {"matter", r.radii.matter}, {"skin", r.radii.skin}};
    j["converged"] = r.converged;
    j["iterations"] = r.iterations;
    j["fermi_energy_MeV"] = {{"proton", r.fermiEnergy[0]}, {"neutron", r.fermiEnergy[1]}};
    j["energy_parts_MeV"] = {{"kinetic", r.energy.kinetic},          {"volume", r.energy.volume},
                             {"effective_mass", r.energy.effectiveMass}, {"surface", r.energy.surface},
                             {"density_dependent", r.energy.densityDependent}, {"spin_orbit", r.energy.spinOrbit},
                             {"coulomb_direct", r.energy.coulombDirect}, {"coulomb_exchange", r.energy.coulombExchange},
                             {"pairing", r.energy.pairing}, {"center_of_mass", r.energy.centerOfMass},
                             {"total", r.energy.total},
                             {"single_particle_sum", r.energy.singleParticleSum}};
    auto& sps = j["single_particle_states"] = nlohmann::json::array();
    for (const auto& s : r.states) {
      sps.push_back({{"n", s.n + 1}, {"nodes", s.n}, {"l", s.l}, {"j", s.j},
                     {"isospin", s.isospin == Isospin::Proton ? "proton" : "neutron"}, {"label", stateLabel(s)},
                     {"energy_MeV", s.energy}, {"occupation", s.occupation}});
    }
    if (o.comparePves) {
      j["pves"] = nlohmann::json::array();
      if (nuc.Z == 82 && nuc.A == 208) {
        j["pves"].push_back({{"experiment", "PREX"}, {"q_fm-1", 0.475}, {"F_W", (*gs.weak)(0.475)},
                             {"measured", 0.204}, {"uncertainty", 0.028}});
      }
      if (nuc.Z == 20 && nuc.A == 48) {
        j["pves"].push_back({{"experiment", "CREX"}, {"q_fm-1", 0.8733}, {"F_W", (*gs.weak)(0.8733)},
                             {"measured", 0.1304}, {"uncertainty", 0.0056}});
      }
    }
    std::printf("%s\n", j.dump(2).c_str());
  } else {
    std::printf("Skyrme Hartree-Fock: %s with %s (%s)\n", nuc.name().c_str(), r.force.c_str(),
                model.name().c_str());
    std::printf("  converged in %d iterations (|dE| < %.0e MeV, max|drho| < %.0e fm^-3), %.1f ms\n", r.iterations,
                cfg.energyTolerance, cfg.densityTolerance, r.wallTimeMs);
    std::printf("  binding energy B = %.4f MeV  (B/A = %.4f MeV)\n", r.bindingEnergy, r.bindingEnergy / nuc.A);
    std::printf("  energy check: functional - single-particle sum = %.2e MeV\n", r.energyCheck);
    std::printf("  parts [MeV]: kinetic %.3f, t0 %.3f, rho*tau %.3f, surface %.3f, t3 %.3f, spin-orbit %.3f,\n"
                "               Coulomb direct %.3f, exchange %.3f, pairing %.3f, c.m. (after variation) %.3f\n",
                r.energy.kinetic, r.energy.volume, r.energy.effectiveMass, r.energy.surface,
                r.energy.densityDependent, r.energy.spinOrbit, r.energy.coulombDirect, r.energy.coulombExchange,
                r.energy.pairing, r.energy.centerOfMass);
    std::printf("  rms radii [fm]: proton %.4f, neutron %.4f, charge %.4f, weak %.4f; neutron skin %.4f\n",
                r.radii.proton, r.radii.neutron, r.radii.charge, r.radii.weak, r.radii.skin);
    std::printf("  Fermi energies [MeV]: proton %.3f, neutron %.3f; gaps %.3f, %.3f\n", r.fermiEnergy[0],
                r.fermiEnergy[1], r.pairingGap[0], r.pairingGap[1]);
    std::printf("  %-8s %-8s %12s %10s\n", "isospin", "level", "energy[MeV]", "v^2");
    for (const auto& s : r.states) {
      if (s.occupation < 1e-4 && s.energy > r.fermiEnergy[s.isospin == Isospin::Proton ? 0 : 1] + 8.0) continue;
      std::printf("  %-8s %-8s %12.4f %10.4f\n", s.isospin == Isospin::Proton ? "proton" : "neutron",
                  stateLabel(s).c_str(), s.energy, s.occupation);
    }
    if (o.comparePves) {
      const double fPrex = (*gs.weak)(0.475), fCrex = (*gs.weak)(0.8733);
      std::printf("  weak form factor vs parity-violating electron scattering:\n");
      std::printf("    F_W(q = 0.475 fm^-1)  = %.4f   [PREX 208Pb: 0.204 +- 0.028, Horowitz et al. PRC 85 (2012) 032501]%s\n",
                  fPrex, nuc.Z == 82 && nuc.A == 208 ? "" : " (other nucleus)");
      std::printf("    F_W(q = 0.8733 fm^-1) = %.4f   [CREX 48Ca: 0.1304 +- 0.0056, Adhikari et al. PRL 129 (2022) 042501]%s\n",
                  fCrex, nuc.Z == 20 && nuc.A == 48 ? "" : " (other nucleus)");
      std::printf("    Born A_PV(0.475 fm^-1) = %.4f ppm\n", 1e6 * bornParityViolatingAsymmetry(gs, 0.475));
    }
  }

  if (!o.csvPrefix.empty()) {
    std::string d = fmt::format("# lenu hf {} --force {}: point densities [fm^-3], charge density [e fm^-3], "
                                "weak-charge density [fm^-3] (integrates to Q_W = {:.4f})\n"
                                "r_fm,rho_p_fm-3,rho_n_fm-3,rho_ch_fm-3,rho_w_fm-3\n",
                                nuc.name(), r.force, gs.weakCharge);
    for (double x = 0.0; x <= r.protonDensity->rMax() + 1e-9; x += 0.05) {
      d += fmt::format("{:.3f},{:.8e},{:.8e},{:.8e},{:.8e}\n", x, (*r.protonDensity)(x), (*r.neutronDensity)(x),
                       (*gs.chargeDensity)(x), (*gs.weakDensity)(x));
    }
    writeFile(o.csvPrefix + "_densities.csv", d);
    std::string f = fmt::format("# lenu hf {} --force {}: form factors (normalised to 1 at q = 0)\n"
                                "q_fm-1,F_p,F_n,F_ch,F_W\n",
                                nuc.name(), r.force);
    for (double q = 0.0; q <= 4.0 + 1e-9; q += 0.01) {
      f += fmt::format("{:.3f},{:.8e},{:.8e},{:.8e},{:.8e}\n", q, (*gs.proton)(q), (*gs.neutron)(q), (*gs.charge)(q),
                       (*gs.weak)(q));
    }
    writeFile(o.csvPrefix + "_formfactors.csv", f);
  }
  if (!o.plot.empty()) {
    Plot p(fmt::format("{} {} Hartree-Fock densities", nuc.name(), r.force), "r [fm]", "density [fm^-3]");
    std::vector<double> x, rp, rn, rc;
    for (double v = 0.0; v <= std::min(r.protonDensity->rMax(), 1.6 * r.radii.neutron + 4.0); v += 0.05) {
      x.push_back(v);
      rp.push_back((*r.protonDensity)(v));
      rn.push_back((*r.neutronDensity)(v));
      rc.push_back((*gs.chargeDensity)(v));
    }
    p.series.emplace_back("point protons", x, rp);
    p.series.emplace_back("point neutrons", x, rn);
    p.series.emplace_back("charge", x, rc);
    p.render(o.plot);
  }
}

} // namespace

void registerHfCommand(CLI::App& app) {
  auto opts = std::make_shared<HfOptions>();
  CLI::App* cmd = app.add_subcommand(
      "hf", "Spherical Skyrme Hartree-Fock(+BCS) ground state: binding energy and parts, single-particle levels, "
            "rms radii (point, charge, weak), densities and form factors.\nExample: lenu hf Pb208 --force SLy4");
  cmd->add_option("nuclide", opts->nuclide, "nuclide, e.g. Pb208, 40Ar, Ca48")->required();
  cmd->add_option("--force", opts->force, "Skyrme force (data/skyrme/*.toml): SLy4, SkM*, SkI3, SIII, UNEDF1")
      ->capture_default_str();
  cmd->add_option("--pairing", opts->pairing, "auto | none | filling | bcs (constant gap 12/sqrt(A) MeV) | delta")
      ->capture_default_str();
  cmd->add_option("--box", opts->box, "box radius [fm]")->capture_default_str();
  cmd->add_option("--step", opts->step, "mesh step [fm]")->capture_default_str();
  cmd->add_flag("--json", opts->json, "print JSON instead of the table");
  cmd->add_option("--csv-prefix", opts->csvPrefix, "write <P>_densities.csv and <P>_formfactors.csv");
  cmd->add_option("--plot", opts->plot, "write a PNG of the densities (gnuplot)");
  cmd->add_flag("--compare-pves", opts->comparePves,
                "print F_W at the PREX (208Pb, 0.475 fm^-1) and CREX (48Ca, 0.8733 fm^-1) momentum transfers");
  cmd->callback([opts] { runHf(*opts); });
}

} // namespace lenu::cli
