#include "lenu/source/TabulatedSource.hpp"

#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Csv.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Units.hpp"

namespace lenu {

TabulatedSource::TabulatedSource(const std::filesystem::path& file, double referenceDistance)
    : m_file(file), m_distance(referenceDistance) {
  requirePositive(referenceDistance, "reference distance of the tabulated flux", "fm");
  const auto csv = CsvTable::read(file);
  const auto& cols = csv.columns();
  if (cols.empty() || cols[0] != "energy_MeV") {
    throw Error(ErrorCode::ConfigError,
                fmt::format("{}: first column must be 'energy_MeV' (see docs/flux-format.md)", file.string()));
  }
  if (cols.size() < 2 || csv.rows() < 2) {
    throw Error(ErrorCode::ConfigError,
                fmt::format("{}: needs at least one flavour column and two rows", file.string()));
  }
  std::vector<double> e(csv.rows());
  for (std::size_t i = 0; i < csv.rows(); ++i) {
    e[i] = csv.num(i, "energy_MeV");
  }
  for (std::size_t c = 1; c < cols.size(); ++c) {
    Flavour f{};
    try {
      f = parseFlavour(cols[c]);
    } catch (const Error& err) {
      throw Error(ErrorCode::ConfigError, fmt::format("{}: column '{}': {}", file.string(), cols[c], err.what()));
    }
    std::vector<double> v(csv.rows());
    double total = 0.0;
    for (std::size_t i = 0; i < csv.rows(); ++i) {
      v[i] = csv.num(i, cols[c]);
      if (v[i] < 0.0) {
        throw Error(ErrorCode::ConfigError,
                    fmt::format("{}:{}: negative fluence {} in column '{}'", file.string(), csv.line(i), v[i], cols[c]));
      }
      if (i > 0) {
        total += 0.5 * (v[i] + v[i - 1]) * (e[i] - e[i - 1]);
      }
    }
    // fluence [cm^-2] x 4 pi L^2 = number emitted
    const double emitted = total / units::cm2 * 4.0 * constants::kPi * m_distance * m_distance;
    if (!std::isfinite(emitted)) {
      throw Error(ErrorCode::ConfigError,
                  fmt::format("{}: column '{}': the integrated fluence {} cm^-2 at {} m overflows (values or energies "
                              "too large)",
                              file.string(), cols[c], total, m_distance / units::m));
    }
    setFlavour(f, emitted,
               std::make_shared<TabulatedSpectrum>(e, std::move(v), fmt::format("{} column of {}", cols[c], file.string())));
  }
}

std::string TabulatedSource::missingFlavourMessage(Flavour f) const {
  return fmt::format("tabulated flux {} has no column for {}", m_file.string(), toString(f));
}

std::string TabulatedSource::description() const {
  return fmt::format("tabulated fluence from {} (reference distance {} m; no timing)", m_file.string(),
                     m_distance / units::m);
}

} // namespace lenu
