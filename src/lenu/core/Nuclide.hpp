#pragma once
/// @file Nuclide.hpp
/// Nuclides (Z, N, AME2020 atomic mass, natural abundance, ground-state J^pi) and the table that
/// holds them, read from data/nuclides.csv (sources in that file's header).

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace lenu {

/// One nuclide. Masses in MeV.
struct Nuclide {
  std::string symbol;       ///< element symbol, e.g. "Ar"
  int Z = 0;                ///< protons
  int A = 0;                ///< mass number
  double atomicMassU = 0.0; ///< atomic mass [u] (AME2020)
  double abundance = 0.0;   ///< natural isotopic abundance (fraction, 0 if not natural)
  std::string spinParity;   ///< ground-state J^pi, e.g. "7/2+"

  int N() const { return A - Z; }
  /// Canonical name, e.g. "Ar40".
  std::string name() const;
  /// Atomic mass [MeV].
  double atomicMass() const;
  /// Nuclear mass [MeV]: atomic mass minus Z electron masses plus the total electron binding
  /// energy (Lunney, Pearson, Thibault, Rev. Mod. Phys. 75 (2003) 1021, Eq. (A4)).
  double nuclearMass() const;
  /// Ground-state spin J (from spinParity; throws if not recorded).
  double spin() const;
};

/// The nuclide table. Loaded explicitly and passed around (no global instance).
class NuclideTable {
public:
  /// Load data/nuclides.csv from the data directory.
  static NuclideTable load();
  /// Load a table file (columns symbol,Z,A,atomic_mass_u,abundance,spin_parity).
  static NuclideTable fromFile(const std::filesystem::path& path);

  /// Look up a nuclide by name: "Ar40", "40Ar", "ar-40", "Pb208". Throws Error(UnknownNuclide)
  /// naming the input and listing how to write a name.
  const Nuclide& get(std::string_view name) const;
  /// Look up by Z and A; throws Error(UnknownNuclide).
  const Nuclide& get(int Z, int A) const;
  /// Natural isotopes of element Z (abundance > 0), or of a symbol ("Xe"). Throws if none.
  std::vector<Nuclide> naturalIsotopes(std::string_view symbol) const;
  /// Atomic number of an element symbol; throws Error(UnknownNuclide).
  int atomicNumber(std::string_view symbol) const;
  const std::vector<Nuclide>& all() const { return m_nuclides; }
  const std::filesystem::path& source() const { return m_source; }

private:
  std::vector<Nuclide> m_nuclides;
  std::filesystem::path m_source;
};

} // namespace lenu
