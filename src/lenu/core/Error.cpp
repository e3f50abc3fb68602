#include "lenu/core/Error.hpp"

#include <cmath>

#include <fmt/format.h>

namespace lenu {

std::string_view toString(ErrorCode code) {
  switch (code) {
  case ErrorCode::InvalidArgument: return "InvalidArgument";
  case ErrorCode::UnknownNuclide: return "UnknownNuclide";
  case ErrorCode::UnknownModel: return "UnknownModel";
  case ErrorCode::NotSupported: return "NotSupported";
  case ErrorCode::NotConverged: return "NotConverged";
  case ErrorCode::ConfigError: return "ConfigError";
  case ErrorCode::IoError: return "IoError";
  case ErrorCode::BelowThreshold: return "BelowThreshold";
  }
  return "Unknown";
}

void requireNonNegative(double x, std::string_view name, std::string_view unit) {
  if (!std::isfinite(x) || x < 0.0) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{} = {} {} is invalid: accepted range is [0, inf) {}", name, x, unit, unit));
  }
}

void requirePositive(double x, std::string_view name, std::string_view unit) {
  if (!std::isfinite(x) || x <= 0.0) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{} = {} {} is invalid: accepted range is (0, inf) {}", name, x, unit, unit));
  }
}

void requireInRange(double x, double lo, double hi, std::string_view name, std::string_view unit) {
  if (!std::isfinite(x) || x < lo || x > hi) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{} = {} {} is out of range: accepted range is [{}, {}] {}", name, x, unit,
                            lo, hi, unit));
  }
}

} // namespace lenu
