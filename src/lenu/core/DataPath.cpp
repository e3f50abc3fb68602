#include "lenu/core/DataPath.hpp"

#include <cstdlib>

#include <fmt/format.h>

#include "lenu/core/Error.hpp"

namespace lenu {

std::filesystem::path dataDirectory() {
  if (const char* env = std::getenv("LENU_DATA_DIR"); env != nullptr && *env != '\0') {
    return std::filesystem::path(env);
  }
  return std::filesystem::path(LENU_DEFAULT_DATA_DIR);
}

std::filesystem::path dataFile(std::string_view relative) {
  auto p = dataDirectory() / std::filesystem::path(relative);
  if (!std::filesystem::exists(p)) {
    throw Error(ErrorCode::IoError,
                fmt::format("data file '{}' not found (data directory {}; set LENU_DATA_DIR to override)",
                            p.string(), dataDirectory().string()));
  }
  return p;
}

} // namespace lenu
