#pragma once
/// @file DataPath.hpp
/// Location of lenu's data files (nuclide table, Skyrme forces, experiments, reference data).

#include <filesystem>
#include <string_view>

namespace lenu {

/// The data directory: $LENU_DATA_DIR if set, else the source tree's data/ compiled in.
std::filesystem::path dataDirectory();
/// A file below the data directory; throws Error(IoError) naming the path if it does not exist.
std::filesystem::path dataFile(std::string_view relative);

} // namespace lenu
