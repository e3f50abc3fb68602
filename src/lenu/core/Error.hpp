#pragma once
/// @file Error.hpp
/// Typed errors. Expected failures (bad input, no convergence, below threshold, unknown model)
/// throw lenu::Error with a code and a message that names the offending value and the accepted
/// range. Programming errors are not reported this way.

#include <stdexcept>
#include <string>
#include <string_view>

namespace lenu {

/// What kind of expected failure happened.
enum class ErrorCode {
  InvalidArgument, ///< a value outside its accepted range (negative energy, NaN, ...)
  UnknownNuclide,  ///< a nuclide not in the nuclide table
  UnknownModel,    ///< a model, force or source name that does not exist
  NotSupported,    ///< a valid request this implementation cannot serve (e.g. nucleus too heavy)
  NotConverged,    ///< an iterative solver did not reach its tolerance
  ConfigError,     ///< a configuration file is malformed or incomplete (message names file, line, key)
  IoError,         ///< a file could not be read or written
  BelowThreshold,  ///< a reaction below its kinematic threshold where an error was requested
};

/// Name of an error code, for messages ("InvalidArgument", ...).
std::string_view toString(ErrorCode code);

/// The one exception type of lenu.
class Error : public std::runtime_error {
public:
  Error(ErrorCode code, const std::string& message)
      : std::runtime_error(message), m_code(code) {}
  /// The kind of failure.
  ErrorCode code() const noexcept { return m_code; }

private:
  ErrorCode m_code;
};

/// Throw lenu::Error(InvalidArgument) unless `ok`; `what` names the value and its accepted range.
inline void require(bool ok, std::string_view what) {
  if (!ok) {
    throw Error(ErrorCode::InvalidArgument, std::string(what));
  }
}

/// Throw unless x is finite and x >= 0. `name` and `unit` are used in the message.
void requireNonNegative(double x, std::string_view name, std::string_view unit);
/// Throw unless x is finite and x > 0.
void requirePositive(double x, std::string_view name, std::string_view unit);
/// Throw unless lo <= x <= hi (and finite).
void requireInRange(double x, double lo, double hi, std::string_view name, std::string_view unit);

} // namespace lenu
