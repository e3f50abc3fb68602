#pragma once
/// @file GiantResonanceData.hpp
/// Measured giant-resonance energies and widths (data/reference/giant_resonances.csv, each row
/// with its citation and a `verified` flag), and the one-call comparison of any strength model
/// with them: compareGiantResonances(model, data) gives the model's centroid m1/m0 over the
/// row's energy window next to the measured energy.
///
/// Energies of charge-exchange rows are excitation energies E_x of the daughter nucleus (as
/// measured); model energies are omega from the target ground state (OperatorStrength.hpp), so
/// E_x(model) = omega - Q with the model's Q-value (M(daughter) - M(target)).

#include <string>
#include <vector>

#include "lenu/inelastic/StrengthModels.hpp"

namespace lenu::inelastic {

/// One measured resonance.
struct GiantResonanceDatum {
  std::string id;        ///< e.g. "Pb208_ISGMR_Youngblood2004"
  std::string nucleus;   ///< target, e.g. "Pb208"
  std::string resonance; ///< ISGMR, ISGQR, IVGDR, GTR, IAS
  std::string op;        ///< operator name of StrengthOperators (IS0, IS2, IV1, GT, F)
  std::string quantity;  ///< what `energy` is: "m1/m0", "peak", "Lorentzian", "level"
  double energy = 0.0;   ///< [MeV] (target excitation; daughter E_x for charge exchange)
  double energyUnc = 0.0;///< [MeV] (0 if not quoted)
  double width = -1.0;   ///< FWHM [MeV] (< 0 if not quoted)
  double widthUnc = 0.0; ///< [MeV]
  double windowLo = 0.0, windowHi = 0.0; ///< energy range [MeV] of the model centroid (same frame)
  std::string citation;
  bool verified = false; ///< read from the cited publication (else UNCONFIRMED)
};

/// Reads the table; throws Error(IoError / ConfigError) naming the file and row.
std::vector<GiantResonanceDatum> readGiantResonances(const std::string& path);
/// The project's table data/reference/giant_resonances.csv.
std::vector<GiantResonanceDatum> loadGiantResonances();

/// A model next to one datum.
struct GiantResonanceComparison {
  GiantResonanceDatum datum;
  double modelCentroid = 0.0;   ///< m1/m0 over the window [MeV] (daughter E_x for charge exchange)
  double modelM0 = 0.0;         ///< strength in the window [unit^2]
  double modelFullCentroid = 0.0; ///< m1/m0 over the model's whole range [MeV]
  bool available = false;       ///< false if the model's Q-value is unknown (charge exchange)
};

/// Compares `model` with every row for its nucleus (eta as in MomentConfig; eMax [MeV] of the
/// full-range centroid). One line for any model:
///   for (auto& c : compareGiantResonances(makeOperatorStrength("Pb208", {"crpa"}, t), loadGiantResonances())) ...
std::vector<GiantResonanceComparison> compareGiantResonances(const StrengthModel& model,
                                                             const std::vector<GiantResonanceDatum>& data,
                                                             double eta = 0.0, double eMax = 60.0);

/// Text table of comparisons (one line each, units labelled).
std::string formatGiantResonanceComparison(const std::vector<GiantResonanceComparison>& cs, const std::string& modelName);

} // namespace lenu::inelastic
