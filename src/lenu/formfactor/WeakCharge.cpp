#include "lenu/formfactor/WeakCharge.hpp"

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"

namespace lenu {

NucleonWeakCharges NucleonWeakCharges::treeLevel() { return treeLevel(constants::kSin2ThetaW); }

NucleonWeakCharges NucleonWeakCharges::treeLevel(double sin2ThetaW) {
  requireInRange(sin2ThetaW, 0.0, 1.0, "sin^2(theta_W)", "");
  return {1.0 - 4.0 * sin2ThetaW, -1.0,
          fmt::format("tree level, sin^2(theta_W) = {}", sin2ThetaW)};
}

NucleonWeakCharges NucleonWeakCharges::radiativelyCorrected() {
  return {0.0721, -0.9878, "radiatively corrected (Horowitz et al., PRC 85 (2012) 032501)"};
}

NucleonWeakCharges NucleonWeakCharges::cevnsRadiative(Flavour flavour) {
  constexpr double gvn = -0.5117;
  double gvp = 0.0;
  switch (flavour) {
  case Flavour::NuE:
  case Flavour::NuEBar: gvp = 0.0382; break;
  case Flavour::NuMu:
  case Flavour::NuMuBar: gvp = 0.0300; break;
  case Flavour::NuTau:
  case Flavour::NuTauBar: gvp = 0.0256; break;
  }
  return {2.0 * gvp, 2.0 * gvn,
          fmt::format("CEvNS with radiative corrections for {} (Erler & Su / PDG as quoted in arXiv:2411.03122; "
                      "UNCONFIRMED)",
                      toString(flavour))};
}

WeakChargeScheme parseWeakChargeScheme(std::string_view name) {
  if (name == "tree") {
    return WeakChargeScheme::Tree;
  }
  if (name == "radiative") {
    return WeakChargeScheme::Radiative;
  }
  throw Error(ErrorCode::InvalidArgument,
              fmt::format("unknown weak-charge scheme '{}': accepted are tree, radiative", name));
}

NucleonWeakCharges weakChargesFor(WeakChargeScheme scheme, Flavour flavour) {
  return scheme == WeakChargeScheme::Tree ? NucleonWeakCharges::treeLevel() : NucleonWeakCharges::cevnsRadiative(flavour);
}

double weakCharge(const Nuclide& nuclide, const NucleonWeakCharges& charges) {
  return charges.neutron * nuclide.N() + charges.proton * nuclide.Z;
}

WeakFormFactor::WeakFormFactor(const Nuclide& nuclide, NucleonFormFactors ff, NucleonWeakCharges charges)
    : m_ff(std::move(ff)), m_charges(std::move(charges)), m_z(nuclide.Z), m_n(nuclide.N()),
      m_qw(lenu::weakCharge(nuclide, m_charges)) {
  if (!m_ff.proton || !m_ff.neutron) {
    throw Error(ErrorCode::InvalidArgument, "weak form factor needs both proton and neutron form factors");
  }
}

double WeakFormFactor::chargeTimesFormFactor(double q) const {
  if (m_ff.proton == m_ff.neutron) { // one distribution for both: evaluate it once
    return (m_charges.neutron * m_n + m_charges.proton * m_z) * (*m_ff.neutron)(q);
  }
  return m_charges.neutron * m_n * (*m_ff.neutron)(q) + m_charges.proton * m_z * (*m_ff.proton)(q);
}

} // namespace lenu
