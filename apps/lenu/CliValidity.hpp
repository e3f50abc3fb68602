#pragma once
/// @file CliValidity.hpp
/// Command-line policy for model validity ranges (lenu/core/Validity.hpp, docs/validity.md):
/// outside the range a command refuses with Error(NotSupported) naming the value, the range and
/// the reason, unless the user passed --allow-outside-validity; then it computes and warns on
/// stderr. `warnOnly` commands (the CEvNS elastic cross section, still the correct elastic
/// cross section beyond coherence) always compute and warn.

#include <cstdio>
#include <string>

#include <fmt/format.h>

#include "lenu/core/Error.hpp"
#include "lenu/core/Validity.hpp"

namespace lenu::cli {

/// Refuse (or warn, if `allowOutside` or `warnOnly`) when x is outside `range`.
inline void enforceValidity(const ValidityRange& range, double x, bool allowOutside, const std::string& what = "",
                            bool warnOnly = false) {
  if (range.contains(x)) {
    return;
  }
  const std::string msg = range.violation(x, what);
  if (allowOutside) {
    std::fprintf(stderr, "lenu: warning: %s (computed because of --allow-outside-validity)\n", msg.c_str());
    return;
  }
  if (warnOnly) {
    std::fprintf(stderr, "lenu: warning: %s\n", msg.c_str());
    return;
  }
  throw Error(ErrorCode::NotSupported, msg + "; pass --allow-outside-validity to compute anyway");
}

/// --help footer stating the validity range.
inline std::string validityFooter(const ValidityRange& range, bool warnOnly = false) {
  return fmt::format("Validity: {}. Outside it the command {}.", range.describe(),
                     warnOnly ? "computes and warns on stderr" : "refuses unless --allow-outside-validity");
}

} // namespace lenu::cli
