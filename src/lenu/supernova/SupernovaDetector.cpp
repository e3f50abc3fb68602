#include "lenu/supernova/SupernovaDetector.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include "lenu/core/DataPath.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/TomlTable.hpp"
#include "lenu/core/Units.hpp"

namespace lenu::supernova {

std::string toString(ChannelKind k) {
  switch (k) {
  case ChannelKind::NueCC: return "nue-cc";
  case ChannelKind::NuebarCC: return "nuebar-cc";
  case ChannelKind::NC: return "nc";
  case ChannelKind::IBD: return "ibd";
  case ChannelKind::ElectronScattering: return "es";
  case ChannelKind::Cevns: return "cevns";
  }
  return "?";
}

ChannelKind parseChannelKind(const std::string& s) {
  for (ChannelKind k : {ChannelKind::NueCC, ChannelKind::NuebarCC, ChannelKind::NC, ChannelKind::IBD,
                        ChannelKind::ElectronScattering, ChannelKind::Cevns}) {
    if (toString(k) == s) {
      return k;
    }
  }
  throw Error(ErrorCode::InvalidArgument,
              fmt::format("unknown channel kind '{}' (accepted: nue-cc, nuebar-cc, nc, ibd, es, cevns)", s));
}

SupernovaDetector SupernovaDetector::fromFile(const std::filesystem::path& file, const NuclideTable& table) {
  toml::table root;
  try {
    root = toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    const std::string what(e.description());
    if (what.find("could not") != std::string::npos || what.find("File could not be opened") != std::string::npos) {
      throw Error(ErrorCode::IoError, fmt::format("cannot read detector file '{}': {}", file.string(), what));
    }
    throw Error(ErrorCode::ConfigError, fmt::format("{}:{}:{}: TOML syntax error: {}", file.string(),
                                                    e.source().begin.line, e.source().begin.column, what));
  }
  TomlTable top(root, "", file.string());
  SupernovaDetector d;
  d.file = file;
  d.name = top.string("name");
  d.description = top.string("description");
  d.material = top.string("material");
  TargetMaterial mat;
  try {
    mat = TargetMaterial::fromFormula(d.material, table);
  } catch (const Error& e) {
    top.fail("material", e.what());
  }
  d.mass = top.number("fiducial_mass_kt", 1e-9, 1e6) * 1e6 * units::kg;
  auto chans = top.tables("channel", TomlTable::ElementPath::KeyAndIndex);
  if (chans.empty()) {
    top.fail("channel", "at least one [[channel]] table is required");
  }
  std::set<std::string> labels;
  for (auto& c : chans) {
    DetectorChannelSpec s;
    const std::string kind = c.string("kind");
    try {
      s.kind = parseChannelKind(kind);
    } catch (const Error& e) {
      c.fail("kind", e.what());
    }
    const bool nuclear = s.kind == ChannelKind::NueCC || s.kind == ChannelKind::NuebarCC || s.kind == ChannelKind::NC;
    if (nuclear) {
      s.target = c.string("target");
      try {
        const auto& n = table.get(s.target);
        const bool present = std::any_of(mat.components().begin(), mat.components().end(),
                                         [&](const TargetComponent& tc) { return tc.nuclide.name() == n.name(); });
        if (!present) {
          c.fail("target", fmt::format("nuclide {} is not in the material {}", n.name(), d.material));
        }
        s.target = n.name();
      } catch (const Error& e) {
        if (e.code() == ErrorCode::ConfigError) {
          throw;
        }
        c.fail("target", e.what());
      }
    }
    if (s.kind == ChannelKind::Cevns) {
      s.threshold = c.number("threshold_keV", 0.0, 1000.0) * units::keV;
    } else {
      s.threshold = c.number("threshold_MeV", 0.0, 100.0);
    }
    s.efficiency = c.number("efficiency", 1e-6, 1.0);
    s.resolutionA = c.optNumber("resolution_stochastic_sqrtMeV", 0.0, 10.0).value_or(0.0);
    s.resolutionB = c.optNumber("resolution_constant", 0.0, 1.0).value_or(0.0);
    s.visibleOffset = c.optNumber("visible_offset_MeV", -10.0, 50.0);
    const bool smeared = s.kind == ChannelKind::NueCC || s.kind == ChannelKind::NuebarCC || s.kind == ChannelKind::IBD ||
                         s.kind == ChannelKind::ElectronScattering || s.kind == ChannelKind::NC;
    if (!smeared && (s.resolutionA > 0.0 || s.resolutionB > 0.0 || s.visibleOffset)) {
      c.fail(s.resolutionA > 0.0 ? "resolution_stochastic_sqrtMeV"
                                 : (s.resolutionB > 0.0 ? "resolution_constant" : "visible_offset_MeV"),
             fmt::format("not used by channel kind '{}' (only nue-cc, nuebar-cc, ibd, es, nc are smeared)", kind));
    }
    if ((s.kind == ChannelKind::ElectronScattering || s.kind == ChannelKind::NC) && s.visibleOffset) {
      c.fail("visible_offset_MeV", fmt::format("not used by channel kind '{}' (the observed energy is {})", kind,
                                               s.kind == ChannelKind::NC ? "the visible de-excitation energy" : "the recoil T"));
    }
    if (auto src = c.optString("source")) {
      (void)src; // provenance text, kept in the file
    }
    s.label = c.optString("label").value_or(
        nuclear ? fmt::format("{}_{}", kind, s.target)
                : (s.kind == ChannelKind::Cevns ? fmt::format("cevns_{}", d.material) : kind));
    if (!labels.insert(s.label).second) {
      c.fail("label", fmt::format("duplicate channel label '{}' (set 'label' to distinguish)", s.label));
    }
    c.finish();
    d.channels.push_back(s);
  }
  top.finish();
  return d;
}

SupernovaDetector SupernovaDetector::load(const std::string& nameOrPath, const NuclideTable& table) {
  const std::filesystem::path p(nameOrPath);
  std::error_code ec;
  if (p.extension() == ".toml" || std::filesystem::exists(p, ec)) {
    if (!std::filesystem::exists(p, ec)) {
      throw Error(ErrorCode::IoError, fmt::format("detector file '{}' does not exist", nameOrPath));
    }
    return fromFile(p, table);
  }
  std::filesystem::path f;
  try {
    f = dataFile("detectors/" + nameOrPath + ".toml");
  } catch (const Error&) {
    throw Error(ErrorCode::UnknownModel,
                fmt::format("unknown detector '{}' (available: {}; or give a path to a .toml file)", nameOrPath,
                            fmt::join(available(), ", ")));
  }
  return fromFile(f, table);
}

std::vector<std::string> SupernovaDetector::available() {
  std::vector<std::string> out;
  std::error_code ec;
  std::filesystem::path dir;
  try {
    dir = dataFile("detectors");
  } catch (const Error&) {
    return out;
  }
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".toml") {
      out.push_back(e.path().stem().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace lenu::supernova
