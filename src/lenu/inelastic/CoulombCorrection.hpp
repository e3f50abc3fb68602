#pragma once
/// @file CoulombCorrection.hpp
/// Coulomb distortion of the outgoing charged lepton in CC reactions.
///  - Fermi function (point charge with finite radius R, relativistic form):
///      F(Z, E) = 2 (1 + gamma) (2 k R)^(2 gamma - 2) exp(pi eta) |Gamma(gamma + i eta)|^2 / Gamma(2 gamma + 1)^2,
///      gamma = sqrt(1 - (alpha Z)^2), eta = -/+ alpha Z E / k (l- / l+), Z = final nucleus
///    (e.g. E.J. Konopinski, The Theory of Beta Radioactivity (1966); the form used by J. Engel,
///    PRC 57 (1998) 2004, Eq. (1), UNCONFIRMED equation number).
///  - Modified effective momentum approximation (J. Engel, PRC 57 (1998) 2004): the lepton moves
///    with E_eff = E - V_C(0), V_C(0) = -/+ 3 Z alpha hbar c / (2 R) (uniform sphere), k_eff =
///    sqrt(E_eff^2 - m^2); the cross section is multiplied by k_eff E_eff / (k E) and the nuclear
///    responses are evaluated at the momentum transfer built from k_eff.
///  - Auto (lenu's switch): whichever of the two gives the smaller enhancement at the lepton's
///    energy. Engel showed the Fermi function is accurate near threshold and overestimates the
///    distortion at high lepton energy, where the MEMA holds; the smaller factor selects the Fermi
///    function at low and the MEMA at high energy (crossing near 10-20 MeV for A = 40-208).
/// R = 1.2 A^(1/3) fm.

#include <complex>
#include <string_view>

namespace lenu::inelastic {

enum class CoulombMode { None, Fermi, MEMA, Auto };

/// Parses "none", "fermi", "mema", "auto"; throws Error(InvalidArgument) listing them.
CoulombMode parseCoulombMode(std::string_view s);
std::string_view toString(CoulombMode m);

/// Correction at one lepton energy.
struct CoulombFactor {
  double factor = 1.0; ///< multiplies k E in the cross section
  double kEff = 0.0;   ///< effective lepton momentum for q [MeV] (= k unless MEMA)
  bool mema = false;   ///< which prescription was used
};

/// Fermi function; Zf final-nucleus charge, A mass number, E lepton total energy [MeV], m lepton
/// mass [MeV], charge -1 (l-) or +1 (l+). Dimensionless.
double fermiFunction(int Zf, int A, double E, double m, int charge);

/// The correction for a mode (None -> factor 1, kEff = k).
CoulombFactor coulombFactor(CoulombMode mode, int Zf, int A, double E, double m, int charge);

/// The correction continued to complex lepton energy E [MeV] (omega contours of
/// InelasticCrossSection): the Fermi function with Gamma(gamma + i eta) Gamma(gamma - i eta) for
/// |Gamma(gamma + i eta)|^2, or the MEMA factor and effective momentum, each analytic near the real
/// axis for E > m. mode None, Fermi or MEMA (Auto is resolved by the caller on the real axis:
/// Error(InvalidArgument) here); kEff the momentum for q (= k unless MEMA).
struct CoulombFactorComplex {
  std::complex<double> factor{1.0, 0.0};
  std::complex<double> kEff{0.0, 0.0};
};
CoulombFactorComplex coulombFactor(CoulombMode mode, int Zf, int A, std::complex<double> E, double m, int charge);

} // namespace lenu::inelastic
