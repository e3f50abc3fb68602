#pragma once
/// @file AtomicFile.hpp
/// Outputs are written atomically: to a temporary file beside the target, then renamed, so that an
/// interrupted run never leaves a half-written result.

#include <filesystem>
#include <string>

namespace lenu {

/// Write `content` to `path` atomically; throws Error(IoError) naming the path on failure.
void writeFileAtomically(const std::filesystem::path& path, const std::string& content);

} // namespace lenu
