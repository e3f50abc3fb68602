#pragma once
/// Runs the built `lenu` program (LENU_CLI_PATH) as a user would, for the CLI tests.

#include <array>
#include <cstdio>
#include <string>

#include <sys/wait.h>

namespace lenu::test {

struct CliRun {
  int status = -1;  ///< exit code (-1 if the program did not exit normally)
  std::string out;  ///< standard output (and standard error if merged)
};

/// `lenu ARGS`; stderr is merged into `out` if `mergeStderr`, else dropped (so JSON parses).
inline CliRun runCli(const std::string& args, bool mergeStderr = true) {
  const std::string cmd = std::string(LENU_CLI_PATH) + " " + args + (mergeStderr ? " 2>&1" : " 2>/dev/null");
  CliRun r;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) {
    return r;
  }
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), static_cast<int>(buf.size()), p) != nullptr) {
    r.out += buf.data();
  }
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

} // namespace lenu::test
