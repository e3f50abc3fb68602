#pragma once
/// @file ContinuumGreensFunction.hpp
/// Exact single-particle Green's function G(r, r'; E) = <r|(E - h_lj)^-1|r'> of the spherical
/// Skyrme Hartree-Fock mean field (lenu/structure/HartreeFock.hpp) per partial wave (l, j) and
/// nucleon species, at any complex energy E (Im E >= 0: the physical sheet; real E > 0 means
/// E + i0, outgoing waves), for the continuum RPA (CrpaResponse).
///
/// Method. With the effective-mass transformation u = phi / sqrt(B), B(r) = hbar^2/2m*(r), the
/// radial HF equation (h - E) u = 0 becomes phi'' = g(r) phi with
///   g = l(l+1)/r^2 + W l.s / (r B) + [B'/r + U]/B + B''/(2B) - B'^2/(4 B^2) - E/B
/// (the same local form and the same Numerov discretisation as HartreeFockMeanField's continuum
/// states, so that Im G reproduces their energy-normalised wave functions). Then
///   G(r, r'; E) = u_reg(r<) u_out(r>) / W,   W = phi_reg phi_out' - phi_reg' phi_out,
/// with u_reg regular at the origin (outward Numerov) and u_out the solution that behaves as the
/// outgoing Coulomb-Hankel function H+_l(eta, k r) (k = sqrt(E/B_asym), Im k >= 0; for E < 0 the
/// decaying Whittaker solution, for neutrons the Riccati-Hankel function) beyond the box,
/// integrated inward. W is the Numerov-conserved discrete Wronskian
///   W = [w_reg(i) w_out(i+1) - w_reg(i+1) w_out(i)] / h,  w = (1 - h^2 g / 12) phi,
/// which makes G the exact inverse of the discretised operator's three-point recursion.
/// Boundary condition: the logarithmic derivative H+'/H+ at the last mesh point from Steed's
/// continued fraction CF2 (I.J. Thompson & A.R. Barnett, J. Comput. Phys. 64 (1986) 490, Eq. (14):
///   H+'/H+ = i (1 - eta/rho) + (i/rho) a b / (2(rho - eta + i) + (a+1)(b+1) / (2(rho - eta + 2i) + ...)),
///   a = i eta - l, b = i eta + l + 1), valid for complex rho and eta (tested against the GSL
/// Coulomb functions at real energies and the closed-form Riccati-Hankel functions for eta = 0),
/// continued from r_{n-1} to r_{n-2} with an RK4 step of the asymptotic equation.

#include <complex>
#include <vector>

#include "lenu/structure/ContinuumSolver.hpp"
#include "lenu/structure/HartreeFock.hpp"

namespace lenu::inelastic {

/// Regular and outgoing solutions of one partial wave at one energy (u, i.e. phi/sqrt(B), on the
/// mesh r_i = (i+1) h), and the Wronskian: G(r_i, r_k) = reg[min(i,k)] out[max(i,k)] / wronskian.
struct GreensFunctionSolution {
  std::vector<std::complex<double>> reg, out;
  std::complex<double> wronskian;
  /// G(r_i, r_k; E) [MeV^-1 fm^-1].
  std::complex<double> operator()(std::size_t i, std::size_t k) const {
    return i <= k ? reg[i] * out[k] / wronskian : reg[k] * out[i] / wronskian;
  }
};

/// Green's function of the HF mean field of one nucleon species.
class ContinuumGreensFunction {
public:
  /// `field` must outlive this object.
  ContinuumGreensFunction(const MeanField& field, Isospin species);
  /// Solutions at complex energy E [MeV] (Im E >= 0; Im E = 0 and E > 0 means E + i0). Throws
  /// Error(InvalidArgument) for Im E < 0, Error(NotConverged) if the boundary continued
  /// fraction does not converge.
  GreensFunctionSolution solve(int l, double j, std::complex<double> energy) const;
  /// H+'(eta, rho) / H+(eta, rho) (derivative with respect to rho) by Steed's CF2, complex
  /// arguments. Throws Error(NotConverged) after 200000 terms.
  static std::complex<double> outgoingLogDerivative(int l, std::complex<double> eta, std::complex<double> rho);
  Isospin species() const { return m_t; }
  std::size_t meshSize() const { return m_r.size(); }
  double meshStep() const { return m_h; }

private:
  const MeanField* m_field;
  Isospin m_t;
  double m_h;
  std::vector<double> m_r;
  LocalRadialForm m_form; // the local form phi'' = g phi of structure/ContinuumSolver
  double m_zCoulomb; // Z e^2 [MeV fm] for protons, 0 for neutrons
};

} // namespace lenu::inelastic
