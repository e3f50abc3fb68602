/// The `lenu` command-line program: low-energy neutrino-nucleus physics from nuclear ground
/// states to detector counts. Each sub-command exposes one layer; `lenu <cmd> --help` teaches it.

#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "Commands.hpp"
#include "lenu/core/Error.hpp"

int main(int argc, char** argv) {
  CLI::App app{"lenu: low-energy neutrino-nucleus physics (CEvNS, Skyrme Hartree-Fock, PVES, "
               "inelastic CC/NC).\nUnits: energies in MeV (recoils in keV where stated), lengths "
               "in fm, cross sections in cm^2, times in ns.",
               "lenu"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "lenu 0.1.0");
  CLI::App* xsec = app.add_subcommand("xsec", "Cross sections: cevns (coherent elastic), cc and nc (inelastic multipoles)");
  xsec->require_subcommand(1);

  // register commands
  lenu::cli::registerXsecInelasticCommands(*xsec);
  lenu::cli::registerHfCommand(app);
  lenu::cli::registerPvesCommands(app);
  lenu::cli::registerGenerateCommand(app);
  lenu::cli::registerMergeShardsCommand(app);
  lenu::cli::registerPredictCommand(app);
  lenu::cli::registerXsecCevnsCommand(*xsec);
  lenu::cli::registerFormFactorCommand(app);
  lenu::cli::registerFluxCommand(app);
  lenu::cli::registerRateCommand(app);
  lenu::cli::registerCompareFormFactorsCommand(app);
  lenu::cli::registerResponseCommand(app);
  lenu::cli::registerSupernovaCommand(app);
  lenu::cli::registerFiguresCommand(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help / --version exit 0; every usage error (unknown option, value not a number) exits 2
    // like a lenu::Error, with CLI11's message naming the option.
    return app.exit(e) == 0 ? 0 : 2;
  } catch (const lenu::Error& e) {
    std::fprintf(stderr, "lenu: error [%s]: %s\n", std::string(lenu::toString(e.code())).c_str(), e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "lenu: internal error: %s\n", e.what());
    return 3;
  }
  return 0;
}
