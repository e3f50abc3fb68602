#pragma once
/// @file HartreeFockFormFactors.hpp
/// Form factors and densities of a Hartree-Fock ground state: point-proton / point-neutron
/// form factors F_p, F_n (spherical Bessel transform of the HF densities), the charge form factor
/// folded with the nucleon electric form factors, the weak form factor with the nucleon weak
/// charges (Horowitz et al. 2012 conventions), the corresponding charge and weak-charge densities,
/// the Born parity-violating asymmetry, and a FormFactorModel "hf:<force>" for the CEvNS chain.

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "lenu/formfactor/Density.hpp"
#include "lenu/formfactor/FormFactor.hpp"
#include "lenu/structure/HartreeFock.hpp"

namespace lenu {

/// Observables of one Hartree-Fock ground state.
struct HartreeFockGroundState {
  HartreeFockResult hf;                            ///< the solution
  std::shared_ptr<const FormFactor> proton;        ///< F_p(q), normalised
  std::shared_ptr<const FormFactor> neutron;       ///< F_n(q), normalised
  /// F_ch(q) = [Z G_E^p F_p + N G_E^n F_n + F_so]/Z, F_so the spin-orbit (anomalous magnetic moment)
  /// term of the occupied levels (see makeGroundState)
  std::shared_ptr<const FormFactor> charge;
  std::shared_ptr<const FormFactor> weak;          ///< F_W(q) = Q_W F_W / Q_W (see weakRadius2)
  std::shared_ptr<const RadialDensity> chargeDensity; ///< rho_ch(r) [e fm^-3], integrates to Z
  /// Weak-charge density rho_W(r) [fm^-3] normalised to integrate to Q_W (negative).
  std::shared_ptr<const RadialDensity> weakDensity;
  double weakCharge = 0.0;                         ///< Q_W = Z Q_p + N Q_n
};

/// Build all observables of a converged HF result (transforms on a Gauss-Legendre grid).
HartreeFockGroundState makeGroundState(HartreeFockResult hf);

/// Born-approximation parity-violating asymmetry of elastic electron scattering,
/// A_PV(q) = G_F q^2 / (4 pi alpha sqrt 2) * Q_W F_W(q) / (Z F_ch(q)), q [fm^-1] (hbar c converts
/// q to MeV). Sign convention of the formula (negative for Q_W < 0); experiments quote |A_PV|.
/// Throws Error(InvalidArgument) at a zero of F_ch.
double bornParityViolatingAsymmetry(const HartreeFockGroundState& gs, double q);

/// FormFactorModel "hf:<force>": spherical Skyrme HF (+BCS for open shells) point-nucleon form
/// factors. Solutions are cached per nuclide (thread-safe).
class HartreeFockFormFactorModel final : public FormFactorModel {
public:
  /// Throws Error(UnknownModel) for an unknown force.
  explicit HartreeFockFormFactorModel(const std::string& forceName, HartreeFockConfig config = {});
  NucleonFormFactors forNuclide(const Nuclide& nuclide) const override;
  std::string name() const override { return "hf:" + m_solver.force().name; }
  /// The full ground state of (Z, N), solved once and cached.
  std::shared_ptr<const HartreeFockGroundState> groundState(int Z, int N) const;

private:
  HartreeFockSolver m_solver;
  mutable std::mutex m_mutex;
  mutable std::map<std::pair<int, int>, std::shared_ptr<const HartreeFockGroundState>> m_cache;
};

} // namespace lenu
