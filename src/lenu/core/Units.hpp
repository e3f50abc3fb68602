#pragma once
/// @file Units.hpp
/// lenu's native unit system: energy in MeV, length in fm, time in ns, with hbar*c as the bridge
/// between energy and inverse length. A quantity x given in unit U is stored as `x * U`; a stored
/// value is printed in unit U as `value / U`.
///
/// Examples: `double e = 30.0 * units::MeV;` `double sigmaCm2 = sigma / units::cm2;`

namespace lenu::units {

// Energy (native: MeV)
inline constexpr double MeV = 1.0;
inline constexpr double keV = 1.0e-3;
inline constexpr double eV = 1.0e-6;
inline constexpr double GeV = 1.0e3;

// Length (native: fm)
inline constexpr double fm = 1.0;
inline constexpr double cm = 1.0e13;
inline constexpr double m = 1.0e15;
inline constexpr double km = 1.0e18;
inline constexpr double kpc = 3.0856775814913673e34; // IAU 2015 B2: 1 pc = 3.0856775814913673e16 m

// Area (native: fm^2)
inline constexpr double fm2 = 1.0;
inline constexpr double cm2 = cm * cm;      // 1 cm^2 = 1e26 fm^2
inline constexpr double barn = 1.0e2;       // 1 b = 100 fm^2
inline constexpr double mb = 1.0e-1;        // 1 mb = 0.1 fm^2

// Time (native: ns)
inline constexpr double ns = 1.0;
inline constexpr double us = 1.0e3;
inline constexpr double ms = 1.0e6;
inline constexpr double s = 1.0e9;
inline constexpr double day = 86400.0 * s;
inline constexpr double year = 365.25 * day; // Julian year

// Mass (for detector masses; native: kg, since only counts of nuclei are derived from it)
inline constexpr double kg = 1.0;
inline constexpr double tonne = 1.0e3;

// Energy in macroscopic units (beam power x time)
inline constexpr double joule = 1.0 / 1.602176634e-13; // MeV per J (exact SI 2019: e = 1.602176634e-19 C)
inline constexpr double GWh = 3.6e12 * joule;           // 1 GWh = 3.6e12 J

} // namespace lenu::units
