#pragma once
/// @file Cevns.hpp
/// Coherent elastic neutrino-nucleus scattering (CEvNS) at tree level in the Standard Model:
///
///   dsigma/dT = G_F^2 M / (4 pi) [1 - T/E - M T / (2 E^2)] [Q_W F_W(q)]^2,
///   Q_W F_W(q) = Q_W^n N F_n(q) + Q_W^p Z F_p(q),  q^2 = 2 M T + T^2,
///   0 <= T <= T_max = 2 E^2 / (M + 2 E),
///
/// (Freedman, PRD 9 (1974) 1389; in this form e.g. Van Dessel, Pandey, Ray, Jachowicz,
/// arXiv:2007.03658, Eq. (1)), with M the nuclear mass, E the neutrino energy and T the nuclear
/// recoil kinetic energy. The same for all flavours and for antineutrinos at this order.
/// dsigma/dcos(theta) follows from dsigma/dT with exact two-body kinematics,
/// E' = E / (1 + E (1 - cos theta)/M), T = E - E', |dT/dcos theta| = E'^2 / M; its small-recoil
/// limit is G_F^2 E^2 (1 + cos theta) Q_W^2 F_W^2 / (8 pi).
/// Units: energies in MeV, cross sections in fm^2 (divide by units::cm2 for cm^2).

#include <memory>

#include "lenu/core/Integrate.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/formfactor/WeakCharge.hpp"

namespace lenu {

/// Largest neutrino energy [MeV] the CEvNS functions accept (Error(InvalidArgument) above): a
/// numerical bound (recoil kinematics stay finite), far above the coherence range
/// (CevnsValidity.hpp).
inline constexpr double kMaxCevnsEnergy = 1.0e4;

class CevnsCrossSection {
public:
  struct Config {
    /// Gauss-Legendre nodes for sigma(E) (integration in q, where the integrand is smooth);
    /// 24 nodes agree with adaptive quadrature to < 1e-8 up to E = 150 MeV for A <= 208.
    std::size_t sigmaNodes = 24;
  };

  /// A nucleus with its proton/neutron form factors and nucleon weak charges.
  CevnsCrossSection(const Nuclide& nuclide, NucleonFormFactors ff,
                    NucleonWeakCharges charges = NucleonWeakCharges::treeLevel());
  CevnsCrossSection(const Nuclide& nuclide, NucleonFormFactors ff, NucleonWeakCharges charges, Config cfg);

  /// Maximum recoil kinetic energy T_max = 2E^2/(M + 2E) [MeV] for neutrino energy E [MeV].
  double maxRecoil(double energy) const;
  /// Minimum neutrino energy [MeV] that can give recoil T [MeV]: (T + sqrt(T^2 + 2 M T))/2.
  double minNeutrinoEnergy(double recoil) const;
  /// Momentum transfer q [fm^-1] for recoil T [MeV]: sqrt(2 M T + T^2)/(hbar c).
  double momentumTransfer(double recoil) const;
  /// dsigma/dT [fm^2/MeV] at neutrino energy E [MeV] and recoil T [MeV]; 0 for T > T_max.
  /// Throws Error(InvalidArgument) for negative or non-finite E or T.
  double dSigmaDT(double energy, double recoil) const;
  /// dsigma/dcos(theta) [fm^2] at neutrino energy E [MeV] and scattering angle cos(theta) in [-1, 1].
  double dSigmaDCosTheta(double energy, double cosTheta) const;
  /// Total cross section sigma(E) [fm^2] (Gauss-Legendre in q, see Config).
  double sigma(double energy) const;
  /// Total cross section by adaptive quadrature in T (independent method, for checks) [fm^2].
  double sigmaAdaptive(double energy, double relTol = 1e-10) const;
  /// Q_W F_W(q) at momentum transfer q [fm^-1] (dimensionless).
  double weakChargeFormFactor(double q) const { return m_weak.chargeTimesFormFactor(q); }
  /// Weak charge Q_W.
  double weakCharge() const { return m_weak.weakCharge(); }
  /// Nuclear mass M [MeV].
  double nuclearMass() const { return m_mass; }
  const Nuclide& nuclide() const { return m_nuclide; }
  const WeakFormFactor& weakFormFactor() const { return m_weak; }

private:
  Nuclide m_nuclide;
  WeakFormFactor m_weak;
  double m_mass;
  double m_prefactor; // G_F^2 M (hbar c)^2 / (4 pi) [fm^2 / MeV]
  GaussLegendre m_unitRule; // nodes on [0, 1]
};

} // namespace lenu
