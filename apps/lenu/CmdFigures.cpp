/// `lenu figures --out DIR`: the figures of the talk lenu grew from (../shared/seed/), as PNG plus
/// their data as CSV, computed through lenu's Python module by python/lenu_figures.py (matplotlib).
/// The command runs Debian's /usr/bin/python3 (the interpreter the module was built for, see
/// python/CMakeLists.txt) with PYTHONPATH pointing at the build's module directory. Figures whose
/// physics is not in lenu yet are reported as missing (DIR/figures.csv), never faked.

#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "Commands.hpp"
#include "lenu/core/Error.hpp"

extern char** environ;

namespace lenu::cli {
namespace {

struct FiguresOptions {
  std::string out = "lenu-figures";
  std::string only;
  bool withoutCrpa = false;
};

#if defined(LENU_PYTHON_EXECUTABLE) && defined(LENU_PYTHON_MODULE_DIR) && defined(LENU_FIGURES_SCRIPT)
void runFigures(const FiguresOptions& o) {
  const std::string python = LENU_PYTHON_EXECUTABLE;
  const std::string script = LENU_FIGURES_SCRIPT;
  if (!std::filesystem::exists(script)) {
    throw Error(ErrorCode::IoError, fmt::format("figures script {} not found (source tree moved?)", script));
  }
  {
    std::error_code ec;
    std::filesystem::create_directories(o.out, ec);
    if (ec || !std::filesystem::is_directory(o.out)) {
      throw Error(ErrorCode::IoError, fmt::format("--out '{}': cannot create the output directory: {}", o.out,
                                                  ec ? ec.message() : "exists and is not a directory"));
    }
  }
  // PYTHONPATH: the module directory first, then whatever the user had.
  std::string path = LENU_PYTHON_MODULE_DIR;
  if (const char* old = std::getenv("PYTHONPATH"); old != nullptr && *old != '\0') {
    path += ":" + std::string(old);
  }
  ::setenv("PYTHONPATH", path.c_str(), 1);
  ::setenv("MPLBACKEND", "Agg", 1);
  std::vector<std::string> args{python, script, "--out", o.out};
  if (!o.only.empty()) {
    args.push_back("--only");
    args.push_back(o.only);
  }
  if (o.withoutCrpa) args.push_back("--without-crpa");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = ::posix_spawn(&pid, python.c_str(), nullptr, nullptr, argv.data(), environ);
  if (rc != 0) {
    throw Error(ErrorCode::IoError, fmt::format("cannot run {}: {}", python, std::strerror(rc)));
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      throw Error(ErrorCode::IoError, fmt::format("waiting for {}: {}", python, std::strerror(errno)));
    }
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw Error(ErrorCode::IoError,
                fmt::format("the figures script failed (exit status {}); see the messages above",
                            WIFEXITED(status) ? WEXITSTATUS(status) : -1));
  }
}
#else
void runFigures(const FiguresOptions&) {
  throw Error(ErrorCode::NotSupported,
              "lenu was built without its Python module (LENU_BUILD_PYTHON=OFF, e.g. the sanitize preset, or "
              "pybind11-dev missing): build the release preset to make the figures");
}
#endif

} // namespace

void registerFiguresCommand(CLI::App& app) {
  auto opt = std::make_shared<FiguresOptions>();
  CLI::App* cmd = app.add_subcommand(
      "figures",
      "The talk's figures as PNG + CSV (columns with units): 1 stopped-pion timing and spectra, 2 CEvNS "
      "dsigma/dT and dsigma/dcos (40Ar), 3 208Pb charge FF vs de Vries and weak FF vs PREX, 4 40Ar charge and weak "
      "FFs, 5 CEvNS model differences, 6 CENNS-10 / CsI 2017 spectra vs COHERENT, 7 40Ar CC/NC inelastic "
      "sigma(E), 8 40Ar CC electron angular distributions, 9 supernova nu_e CC time profile in dune-40kt with the "
      "neutronization burst. Summary in DIR/figures.csv.\nExample: lenu figures --out figs");
  cmd->add_option("--out", opt->out, "output directory (created); default lenu-figures");
  cmd->add_option("--only", opt->only, "comma-separated figure numbers 1-9, e.g. 3,4 (default: all)");
  cmd->add_flag("--without-crpa", opt->withoutCrpa,
                "leave the continuum-RPA (crpa) curves out of figures 7 and 8. They are drawn by default; cold, "
                "each CRPA cross section costs ~10-60 s CPU (the first run takes several minutes, with progress "
                "lines), and the responses are cached on disk ($LENU_CACHE_DIR, else ~/.cache/lenu; LENU_NO_CACHE=1 "
                "turns the cache off), so a second run takes seconds");
  cmd->callback([opt]() { runFigures(*opt); });
}

} // namespace lenu::cli
