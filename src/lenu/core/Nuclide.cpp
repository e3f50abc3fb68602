#include "lenu/core/Nuclide.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Csv.hpp"
#include "lenu/core/DataPath.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Units.hpp"

namespace lenu {

std::string Nuclide::name() const { return fmt::format("{}{}", symbol, A); }

double Nuclide::atomicMass() const { return atomicMassU * constants::kAtomicMassUnit; }

double Nuclide::nuclearMass() const {
  // Total electron binding energy B_el(Z) = 14.4381 Z^2.39 + 1.55468e-6 Z^5.35 eV
  // (Lunney, Pearson, Thibault, Rev. Mod. Phys. 75 (2003) 1021, Eq. (A4)).
  const double z = Z;
  const double bindingEl = (14.4381 * std::pow(z, 2.39) + 1.55468e-6 * std::pow(z, 5.35)) * units::eV;
  return atomicMass() - z * constants::kMassElectron + bindingEl;
}

double Nuclide::spin() const {
  std::string s = spinParity;
  while (!s.empty() && (s.back() == '+' || s.back() == '-')) {
    s.pop_back();
  }
  if (s.empty()) {
    throw Error(ErrorCode::NotSupported, fmt::format("ground-state spin of {} is not recorded", name()));
  }
  if (auto slash = s.find('/'); slash != std::string::npos) {
    return std::atof(s.substr(0, slash).c_str()) / std::atof(s.substr(slash + 1).c_str());
  }
  return std::atof(s.c_str());
}

NuclideTable NuclideTable::load() { return fromFile(dataFile("nuclides.csv")); }

NuclideTable NuclideTable::fromFile(const std::filesystem::path& path) {
  const auto csv = CsvTable::read(path);
  NuclideTable t;
  t.m_source = path;
  for (std::size_t i = 0; i < csv.rows(); ++i) {
    Nuclide n;
    n.symbol = csv.str(i, "symbol");
    n.Z = static_cast<int>(csv.num(i, "Z"));
    n.A = static_cast<int>(csv.num(i, "A"));
    n.atomicMassU = csv.num(i, "atomic_mass_u");
    n.abundance = csv.num(i, "abundance");
    n.spinParity = csv.str(i, "spin_parity");
    if (n.Z < 0 || n.A < n.Z || n.A < 1 || n.atomicMassU <= 0.0 || n.abundance < 0.0 || n.abundance > 1.0) {
      throw Error(ErrorCode::ConfigError,
                  fmt::format("{}:{}: implausible nuclide entry {}", path.string(), csv.line(i), n.name()));
    }
    t.m_nuclides.push_back(std::move(n));
  }
  return t;
}

namespace {

bool sameSymbol(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

[[noreturn]] void unknown(std::string_view name, const std::filesystem::path& src) {
  throw Error(ErrorCode::UnknownNuclide,
              fmt::format("unknown nuclide '{}': write a name as symbol and mass number (e.g. Ar40, "
                          "40Ar, Pb208) of a nuclide listed in {}",
                          name, src.string()));
}

} // namespace

const Nuclide& NuclideTable::get(std::string_view name) const {
  std::string letters;
  std::string digits;
  for (char c : name) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      letters.push_back(c);
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      digits.push_back(c);
    } else if (c != '-' && c != '_' && c != ' ') {
      unknown(name, m_source);
    }
  }
  if (letters.empty() || digits.empty() || digits.size() > 3) {
    unknown(name, m_source);
  }
  const int a = std::atoi(digits.c_str());
  for (const auto& n : m_nuclides) {
    if (n.A == a && sameSymbol(n.symbol, letters)) {
      return n;
    }
  }
  unknown(name, m_source);
}

const Nuclide& NuclideTable::get(int Z, int A) const {
  for (const auto& n : m_nuclides) {
    if (n.Z == Z && n.A == A) {
      return n;
    }
  }
  unknown(fmt::format("Z={} A={}", Z, A), m_source);
}

int NuclideTable::atomicNumber(std::string_view symbol) const {
  for (const auto& n : m_nuclides) {
    if (sameSymbol(n.symbol, symbol)) {
      return n.Z;
    }
  }
  throw Error(ErrorCode::UnknownNuclide,
              fmt::format("unknown element '{}' (not in {})", symbol, m_source.string()));
}

std::vector<Nuclide> NuclideTable::naturalIsotopes(std::string_view symbol) const {
  std::vector<Nuclide> out;
  for (const auto& n : m_nuclides) {
    if (sameSymbol(n.symbol, symbol) && n.abundance > 0.0) {
      out.push_back(n);
    }
  }
  if (out.empty()) {
    throw Error(ErrorCode::UnknownNuclide,
                fmt::format("element '{}' has no natural isotopes in {}", symbol, m_source.string()));
  }
  return out;
}

} // namespace lenu
