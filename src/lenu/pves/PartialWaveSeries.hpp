#pragma once
/// @file PartialWaveSeries.hpp
/// Elastic scattering amplitudes of a Dirac particle from its phase shifts:
///   f(theta) = 1/(2ik) sum_l [(l+1) exp(2i delta_{-l-1}) + l exp(2i delta_l)] P_l(cos theta),
///   g(theta) = 1/(2ik) sum_l [exp(2i delta_l) - exp(2i delta_{-l-1})] P_l^1(cos theta),
///   dsigma/dOmega = |f|^2 + |g|^2
/// (the forward delta-function term is dropped; theta > 0). The Coulomb tail of the series does not
/// converge in the ordinary sense; it is summed after m reductions of Yennie, Ravenhall and Wilson,
/// Phys. Rev. 95 (1954) 500: the coefficients of (1 - cos theta)^m f are obtained by the recurrence
///   a_l^(i+1) = a_l^(i) - (l+1)/(2l+3) a_{l+1}^(i) - l/(2l-1) a_{l-1}^(i)
/// (and b_l^(i+1) = b_l^(i) - (l+2)/(2l+3) b_{l+1}^(i) - (l-1)/(2l-1) b_{l-1}^(i) for P_l^1), which
/// converge much faster; f and g follow by dividing by (1 - cos theta)^m.

#include <complex>
#include <vector>

namespace lenu {

/// Phase shifts of the partial waves kappa = -(l+1) (j = l + 1/2) and kappa = +l (j = l - 1/2).
struct DiracPhaseShifts {
  double wavenumber = 0.0;          ///< k [fm^-1]
  std::vector<double> kappaNegative; ///< [l] = delta_{kappa=-(l+1)} [rad], l = 0..L
  std::vector<double> kappaPositive; ///< [l] = delta_{kappa=l} [rad], l = 0..L ([0] unused, 0)
};

/// f and g [fm] at one angle.
struct DiracAmplitudes {
  std::complex<double> f; ///< spin non-flip amplitude [fm]
  std::complex<double> g; ///< spin-flip amplitude [fm]
  /// dsigma/dOmega = |f|^2 + |g|^2 [fm^2/sr].
  double crossSection() const { return std::norm(f) + std::norm(g); }
};

/// The reduced partial-wave series of one set of phase shifts, evaluated at any angle.
class PartialWaveSeries {
public:
  /// `reductions` >= 0 Yennie-Ravenhall-Wilson reductions (2 by default: more amplify rounding noise at small angles). The series is summed
  /// up to l = L - reductions where L + 1 is the number of phase shifts given.
  explicit PartialWaveSeries(const DiracPhaseShifts& phases, int reductions = 2);
  /// Amplitudes at scattering angle theta [rad], 0 < theta <= pi.
  DiracAmplitudes operator()(double theta) const;
  /// Highest l summed.
  int lMax() const { return static_cast<int>(m_a.size()) - 1; }

private:
  double m_k;
  int m_reductions;
  std::vector<std::complex<double>> m_a; // reduced coefficients of P_l
  std::vector<std::complex<double>> m_b; // reduced coefficients of P_l^1
};

} // namespace lenu
