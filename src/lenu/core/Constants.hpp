#pragma once
/// @file Constants.hpp
/// Physical constants in lenu's native units (MeV, fm, ns). Each carries its source.

#include "lenu/core/Units.hpp"

namespace lenu::constants {

/// hbar*c [MeV fm]. CODATA 2018 (exact given the 2019 SI): 197.3269804 MeV fm.
inline constexpr double kHbarC = 197.3269804;
/// Fermi constant G_F [MeV^-2]. PDG 2024 (Phys. Rev. D 110, 030001), Table 1.1: 1.1663788(6)e-5 GeV^-2.
inline constexpr double kFermiConstant = 1.1663788e-5 / (units::GeV * units::GeV);
/// Fine-structure constant. CODATA 2018: 1/137.035999084(21).
inline constexpr double kAlpha = 1.0 / 137.035999084;
/// Weak mixing angle sin^2(theta_W) in MS-bar at Q -> 0 (low-energy SM value used in CEvNS):
/// 0.23857(5). PDG 2024, Electroweak model review, Sec. 10 (value at the Z pole run down to
/// Q^2 = 0 by Erler & Ferro-Hernandez, JHEP 03 (2018) 196).
inline constexpr double kSin2ThetaW = 0.23857;

/// Charged-pion mass [MeV]. PDG 2024: 139.57039(18) MeV.
inline constexpr double kMassPiPlus = 139.57039;
/// Muon mass [MeV]. PDG 2024 / CODATA 2018: 105.6583755(23) MeV.
inline constexpr double kMassMuon = 105.6583755;
/// Electron mass [MeV]. CODATA 2018: 0.51099895000(15) MeV.
inline constexpr double kMassElectron = 0.51099895000;
/// Proton mass [MeV]. CODATA 2018: 938.27208816(29) MeV.
inline constexpr double kMassProton = 938.27208816;
/// Neutron mass [MeV]. CODATA 2018: 939.56542052(54) MeV.
inline constexpr double kMassNeutron = 939.56542052;
/// Atomic mass unit [MeV]. CODATA 2018: 931.49410242(28) MeV.
inline constexpr double kAtomicMassUnit = 931.49410242;
/// Charged-kaon mass [MeV]. PDG 2024: 493.677(15) MeV.
inline constexpr double kMassKaonPlus = 493.677;

/// pi+ mean life [ns]. PDG 2024: 2.6033(5)e-8 s.
inline constexpr double kTauPion = 26.033 * units::ns;
/// mu+ mean life [ns]. PDG 2024: 2.1969811(22)e-6 s.
inline constexpr double kTauMuon = 2196.9811 * units::ns;
/// Avogadro constant [1/mol]. SI 2019 (exact).
inline constexpr double kAvogadro = 6.02214076e23;

inline constexpr double kPi = 3.14159265358979323846;

} // namespace lenu::constants
