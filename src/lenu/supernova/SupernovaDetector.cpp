#include "lenu/supernova/SupernovaDetector.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include "lenu/core/DataPath.hpp"
#include "lenu/core/Error.hpp"
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

namespace {

/// A TOML table with key bookkeeping: every error names file:line and the key.
class Keys {
public:
  Keys(const toml::table& t, std::string path, std::string file) : m_t(t), m_path(std::move(path)), m_file(std::move(file)) {}
  [[noreturn]] void fail(std::string_view key, const std::string& msg) const {
    const toml::node* n = m_t.get(key);
    const auto line = n != nullptr ? n->source().begin.line : m_t.source().begin.line;
    throw Error(ErrorCode::ConfigError, fmt::format("{}:{}: key '{}': {}", m_file, line, qualified(key), msg));
  }
  std::string qualified(std::string_view key) const {
    return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
  }
  bool has(std::string_view key) {
    m_used.insert(std::string(key));
    return m_t.contains(key);
  }
  double number(std::string_view key, double lo, double hi) {
    if (!has(key)) {
      throw Error(ErrorCode::ConfigError, fmt::format("{}:{}: missing key '{}' (a number in [{}, {}] expected)", m_file,
                                                      m_t.source().begin.line, qualified(key), lo, hi));
    }
    return numberAt(key, lo, hi);
  }
  std::optional<double> optNumber(std::string_view key, double lo, double hi) {
    if (!has(key)) {
      return std::nullopt;
    }
    return numberAt(key, lo, hi);
  }
  std::string string(std::string_view key) {
    if (!has(key)) {
      throw Error(ErrorCode::ConfigError,
                  fmt::format("{}:{}: missing key '{}' (a string expected)", m_file, m_t.source().begin.line, qualified(key)));
    }
    const auto* s = m_t.get(key)->as_string();
    if (s == nullptr) {
      fail(key, "expected a string");
    }
    return s->get();
  }
  std::optional<std::string> optString(std::string_view key) {
    if (!has(key)) {
      return std::nullopt;
    }
    return string(key);
  }
  std::vector<Keys> tables(std::string_view key) {
    std::vector<Keys> out;
    if (!has(key)) {
      return out;
    }
    const auto* a = m_t.get(key)->as_array();
    if (a == nullptr) {
      fail(key, "expected an array of tables ([[channel]])");
    }
    std::size_t i = 0;
    for (const auto& el : *a) {
      const auto* t = el.as_table();
      if (t == nullptr) {
        fail(key, "expected an array of tables ([[channel]])");
      }
      out.emplace_back(*t, fmt::format("{}[{}]", qualified(key), i++), m_file);
    }
    return out;
  }
  void finish() const {
    for (const auto& [k, node] : m_t) {
      if (m_used.count(std::string(k.str())) == 0U) {
        throw Error(ErrorCode::ConfigError, fmt::format("{}:{}: unknown key '{}' (accepted here: {})", m_file,
                                                        node.source().begin.line, qualified(k.str()), fmt::join(m_used, ", ")));
      }
    }
  }
  int line() const { return static_cast<int>(m_t.source().begin.line); }

private:
  double numberAt(std::string_view key, double lo, double hi) const {
    const auto v = m_t.get(key)->value<double>();
    if (!v || !std::isfinite(*v)) {
      fail(key, "expected a finite number");
    }
    if (*v < lo || *v > hi) {
      fail(key, fmt::format("value {} out of range: accepted range is [{}, {}]", *v, lo, hi));
    }
    return *v;
  }
  const toml::table& m_t;
  std::string m_path;
  std::string m_file;
  std::set<std::string> m_used;
};

} // namespace

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
  Keys top(root, "", file.string());
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
  auto chans = top.tables("channel");
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
