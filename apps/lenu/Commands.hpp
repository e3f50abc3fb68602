#pragma once
/// @file Commands.hpp
/// Sub-commands of the `lenu` program. Each registers itself on the top-level CLI11 app.

#include <CLI/CLI.hpp>

namespace lenu::cli {

void registerPredictCommand(CLI::App& app);
void registerXsecCevnsCommand(CLI::App& xsec);
void registerFormFactorCommand(CLI::App& app);
void registerFluxCommand(CLI::App& app);
void registerRateCommand(CLI::App& app);
void registerCompareFormFactorsCommand(CLI::App& app);
// helpers add their declarations below this line
void registerXsecInelasticCommands(CLI::App& xsec);
void registerHfCommand(CLI::App& app);
void registerPvesCommands(CLI::App& app);
void registerResponseCommand(CLI::App& app);
void registerSupernovaCommand(CLI::App& app);
void registerFiguresCommand(CLI::App& app);
void registerGenerateCommand(CLI::App& app);
void registerMergeShardsCommand(CLI::App& app);

} // namespace lenu::cli
