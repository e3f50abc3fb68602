#pragma once
/// @file Validity.hpp
/// The validity range of a model in one input quantity (docs/validity.md): where the physics of
/// the model holds, as opposed to the range a function accepts at all (which it enforces with
/// Error(InvalidArgument)). Outside the validity range a number can be computed but is not a
/// prediction of the model; commands refuse it unless the user asks for it.

#include <string>

namespace lenu {

/// Closed range [lo, hi] of one quantity with the reason for its ends.
struct ValidityRange {
  std::string model;    ///< e.g. "inelastic multipole models (hf, ws, allowed)"
  std::string quantity; ///< e.g. "neutrino energy"
  std::string unit;     ///< e.g. "MeV"
  double lo = 0.0;      ///< lower end [unit]
  double hi = 0.0;      ///< upper end [unit]
  std::string reason;   ///< why the range ends there (physics and source)

  /// lo <= x <= hi (false for NaN).
  bool contains(double x) const { return x >= lo && x <= hi; }
  /// "neutrino energy in [0, 150] MeV: reason".
  std::string describe() const;
  /// Message for a value outside: names the value, the range, the model and the reason.
  std::string violation(double x, const std::string& what = "") const;
};

} // namespace lenu
