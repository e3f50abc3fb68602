#include "lenu/io/AtomicFile.hpp"

#include <fstream>

#include <fmt/format.h>
#include <unistd.h>

#include "lenu/core/Error.hpp"

namespace lenu {

void writeFileAtomically(const std::filesystem::path& path, const std::string& content) {
  if (path.has_parent_path() && !std::filesystem::exists(path.parent_path())) {
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) {
      throw Error(ErrorCode::IoError, fmt::format("cannot create directory '{}': {}", path.parent_path().string(),
                                                  ec.message()));
    }
  }
  auto tmp = path;
  tmp += fmt::format(".tmp.{}", ::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      throw Error(ErrorCode::IoError, fmt::format("cannot write '{}'", tmp.string()));
    }
    out << content;
    out.flush();
    if (!out) {
      throw Error(ErrorCode::IoError, fmt::format("write to '{}' failed", tmp.string()));
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp);
    throw Error(ErrorCode::IoError, fmt::format("cannot move result to '{}': {}", path.string(), ec.message()));
  }
}

} // namespace lenu
