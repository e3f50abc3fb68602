#pragma once
/// @file GammaStrength.hpp
/// Gamma-ray strength functions for the statistical (Hauser-Feshbach) decay of excited nuclei:
/// the standard Lorentzian (SLO, Brink-Axel) form of every multipole XL,
///   f_XL(E) = sigma_0 Gamma_0^2 E^(3-2L) / ((2L+1) pi^2 (hbar c)^2 ((E^2 - E_0^2)^2 + E^2 Gamma_0^2))
/// [MeV^-(2L+1)], and the gamma transmission coefficient T_XL(E) = 2 pi E^(2L+1) f_XL(E).
/// Resonance parameters from the global systematics recommended by the RIPL handbooks (E1:
/// RIPL-2, IAEA-TECDOC-1506 (2006) p. 129; M1: RIPL-2 p. 132; E2: RIPL-1, IAEA-TECDOC-1034 (1998)
/// p. 103; RIPL-3, R. Capote et al., Nucl. Data Sheets 110 (2009) 3107, keeps these SLO forms).
/// The numbers were read in the transcription of MARLEY (GitHub MARLEY-MC/marley,
/// src/StandardLorentzianModel.cc, commit 1f2a0915792d9ee10994d5cc7c208c1397085e8a), which cites
/// those pages; the handbooks themselves were not read here: UNCONFIRMED against the handbooks.

namespace lenu::generator {

/// Electric or magnetic radiation.
enum class Radiation { Electric, Magnetic };

/// Lorentzian resonance: energy [MeV], width [MeV], peak cross section [fm^2].
struct GiantResonance {
  double energy = 0.0;
  double width = 0.0;
  double sigma = 0.0;
};

class StandardLorentzian {
public:
  /// Global SLO parameters of nucleus (Z, A); throws lenu::Error unless 1 <= Z < A.
  StandardLorentzian(int Z, int A);
  /// f_XL(E_gamma) [MeV^-(2L+1)] for E1, M1, E2 (L = 1, 2); 0 for other multipoles and E <= 0.
  double strength(Radiation type, int L, double eGamma) const;
  /// T_XL(E_gamma) = 2 pi E^(2L+1) f_XL(E_gamma) (dimensionless).
  double transmission(Radiation type, int L, double eGamma) const;
  /// E1 photoabsorption cross section sigma(E) = 3 (pi hbar c)^2 E f_E1(E) [fm^2].
  double photoabsorption(double eGamma) const;
  const GiantResonance& e1() const { return m_e1; }
  const GiantResonance& m1() const { return m_m1; }
  const GiantResonance& e2() const { return m_e2; }

private:
  GiantResonance m_e1, m_m1, m_e2;
};

} // namespace lenu::generator
