#include "lenu/structure/SkyrmeForce.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "lenu/core/DataPath.hpp"
#include "lenu/core/Error.hpp"

namespace lenu {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::filesystem::path forceDirectory() { return dataDirectory() / "skyrme"; }

} // namespace

std::vector<std::string> SkyrmeForce::available() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(forceDirectory(), ec)) {
    if (entry.path().extension() == ".toml") {
      names.push_back(entry.path().stem().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

SkyrmeForce SkyrmeForce::load(std::string_view name) {
  // "SkM*" is stored as SkMs.toml ('*' is awkward in file names).
  std::string wanted = lower(name);
  std::replace(wanted.begin(), wanted.end(), '*', 's');
  for (const auto& n : available()) {
    if (lower(n) == wanted) {
      return fromFile(forceDirectory() / (n + ".toml"));
    }
  }
  std::string list;
  for (const auto& n : available()) {
    list += (list.empty() ? "" : ", ") + n;
  }
  throw Error(ErrorCode::UnknownModel,
              fmt::format("unknown Skyrme force '{}': available forces are {} (files in {})", name, list,
                          forceDirectory().string()));
}

SkyrmeForce SkyrmeForce::fromFile(const std::filesystem::path& path) {
  toml::table tbl;
  try {
    tbl = toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    const auto& src = e.source();
    if (!std::filesystem::exists(path)) {
      throw Error(ErrorCode::IoError, fmt::format("cannot read Skyrme force file {}", path.string()));
    }
    throw Error(ErrorCode::ConfigError, fmt::format("{}:{}: TOML syntax error: {}", path.string(),
                                                    src.begin.line, e.description()));
  }
  static const std::set<std::string> kKnown = {
      "name", "reference", "transcription", "t0", "t1", "t2", "t3", "x0", "x1", "x2", "x3", "alpha",
      "W0", "b4", "b4p", "j2_terms", "hbar2_over_2m", "hbar2_over_2m_proton", "hbar2_over_2m_neutron",
      "cm_correction", "coulomb_exchange"};
  for (const auto& [key, node] : tbl) {
    if (!kKnown.count(std::string(key.str()))) {
      throw Error(ErrorCode::ConfigError,
                  fmt::format("{}:{}: unknown key '{}' in Skyrme force file", path.string(),
                              node.source().begin.line, key.str()));
    }
  }
  auto number = [&](const char* key, bool required, double def = 0.0) -> double {
    const auto* node = tbl.get(key);
    if (node == nullptr) {
      if (required) {
        throw Error(ErrorCode::ConfigError,
                    fmt::format("{}: missing required key '{}' in Skyrme force file", path.string(), key));
      }
      return def;
    }
    if (auto v = node->value<double>()) {
      return *v;
    }
    throw Error(ErrorCode::ConfigError, fmt::format("{}:{}: key '{}' must be a number", path.string(),
                                                    node->source().begin.line, key));
  };
  auto text = [&](const char* key, bool required, std::string def = {}) -> std::string {
    const auto* node = tbl.get(key);
    if (node == nullptr) {
      if (required) {
        throw Error(ErrorCode::ConfigError,
                    fmt::format("{}: missing required key '{}' in Skyrme force file", path.string(), key));
      }
      return def;
    }
    if (auto v = node->value<std::string>()) {
      return *v;
    }
    throw Error(ErrorCode::ConfigError, fmt::format("{}:{}: key '{}' must be a string", path.string(),
                                                    node->source().begin.line, key));
  };

  SkyrmeForce f;
  f.name = text("name", true);
  f.reference = text("reference", true);
  f.transcription = text("transcription", true);
  f.t0 = number("t0", true);
  f.t1 = number("t1", true);
  f.t2 = number("t2", true);
  f.t3 = number("t3", true);
  f.x0 = number("x0", true);
  f.x1 = number("x1", true);
  f.x2 = number("x2", true);
  f.x3 = number("x3", true);
  f.alpha = number("alpha", true);
  const bool hasW0 = tbl.contains("W0");
  const bool hasB4 = tbl.contains("b4") || tbl.contains("b4p");
  if (hasW0 == hasB4) {
    throw Error(ErrorCode::ConfigError,
                fmt::format("{}: give either W0 (standard spin-orbit, b4 = b4' = W0/2) or both b4 and b4p",
                            path.string()));
  }
  if (hasW0) {
    f.b4 = 0.5 * number("W0", true);
    f.b4p = f.b4;
  } else {
    f.b4 = number("b4", true);
    f.b4p = number("b4p", true);
  }
  if (const auto* node = tbl.get("j2_terms")) {
    auto v = node->value<bool>();
    if (!v) {
      throw Error(ErrorCode::ConfigError, fmt::format("{}:{}: key 'j2_terms' must be true or false",
                                                      path.string(), node->source().begin.line));
    }
    f.j2Terms = *v;
  }
  if (const auto* node = tbl.get("coulomb_exchange")) {
    auto v = node->value<bool>();
    if (!v) {
      throw Error(ErrorCode::ConfigError, fmt::format("{}:{}: key 'coulomb_exchange' must be true or false",
                                                      path.string(), node->source().begin.line));
    }
    f.coulombExchange = *v;
  }
  const double h2m = number("hbar2_over_2m", false, -1.0);
  f.hbar2Over2mProton = number("hbar2_over_2m_proton", h2m <= 0.0, h2m);
  f.hbar2Over2mNeutron = number("hbar2_over_2m_neutron", h2m <= 0.0, h2m);
  const std::string cm = text("cm_correction", true);
  if (cm == "none") {
    f.cmCorrection = CenterOfMassCorrection::None;
  } else if (cm == "one-body") {
    f.cmCorrection = CenterOfMassCorrection::OneBody;
  } else if (cm == "two-body-after-variation") {
    f.cmCorrection = CenterOfMassCorrection::TwoBodyAfterVariation;
  } else {
    throw Error(ErrorCode::ConfigError,
                fmt::format("{}:{}: cm_correction = '{}' is not supported: accepted 'none', 'one-body', "
                            "'two-body-after-variation'",
                            path.string(), tbl.get("cm_correction")->source().begin.line, cm));
  }
  if (!(f.alpha > 0.0 && f.alpha <= 1.0) || !(f.hbar2Over2mProton > 0.0) || !(f.hbar2Over2mNeutron > 0.0)) {
    throw Error(ErrorCode::ConfigError,
                fmt::format("{}: alpha must be in (0, 1] and hbar2_over_2m > 0", path.string()));
  }
  return f;
}

} // namespace lenu
