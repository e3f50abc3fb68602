#pragma once
/// @file NuclearResponse.hpp
/// The nuclear side of inelastic semileptonic scattering: response functions
/// W_CC, W_CL, W_LL, W_T, W_T' at energy transfer omega and momentum transfer q, split by the
/// multipole J^pi of the transition (Walecka-Donnelly formalism; J.D. Walecka, "Semileptonic weak
/// and electromagnetic interactions in nuclei", in Muon Physics vol. II (1975); T.W. Donnelly &
/// W.C. Haxton, At. Data Nucl. Data Tables 23 (1979) 103).
///
/// Definitions (all multipoles reduced with the Wigner-Eckart convention of Edmonds, initial state
/// J_i, sums over final states f):
///   W_CC = sum_J |<f||C_J||i>|^2 / (2J_i+1),            C_J = Coulomb multipole of J^0
///   W_CL = sum_J 2 Re(<f||C_J||i><f||L_J||i>^*) / (2J_i+1), L_J = longitudinal multipole
///   W_LL = sum_J |<f||L_J||i>|^2 / (2J_i+1)
///   W_T  = sum_J (|<f||E_J||i>|^2 + |<f||M_J||i>|^2) / (2J_i+1)   (transverse electric, magnetic)
///   W_T' = sum_J 2 Re(<f||E_J||i><f||M_J||i>^*) / (2J_i+1)
/// with the longitudinal multipole normalised so that a conserved current obeys
/// omega C_J = q L_J. The multipoles are those of the full weak current V - A.
/// A response has discrete lines (bound final states, delta functions in omega: dimensionless
/// strengths) and a continuum (densities per MeV of omega).
///
/// Implementations: HartreeFockResponse (mean-field particle-hole responses with the exact
/// continuum), AllowedResponse (Fermi + Gamow-Teller level tables). A continuum-RPA response is a
/// further implementation of this interface.

#include <array>
#include <complex>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace lenu::inelastic {

/// Which transition the response describes.
enum class ResponseMode {
  ChargedCurrentNu,    ///< (nu, l-): n -> p, final nucleus (Z+1, A)
  ChargedCurrentNuBar, ///< (nubar, l+): p -> n, final nucleus (Z-1, A)
  NeutralCurrent,      ///< (nu, nu'): isospin-conserving
};

/// The five response functions. Units: dimensionless for a discrete line, 1/MeV for continuum.
struct ResponseFunctions {
  double CC = 0.0, CL = 0.0, LL = 0.0, T = 0.0, TP = 0.0;
  ResponseFunctions& operator+=(const ResponseFunctions& o) {
    CC += o.CC; CL += o.CL; LL += o.LL; T += o.T; TP += o.TP;
    return *this;
  }
  ResponseFunctions operator*(double s) const { return {CC * s, CL * s, LL * s, T * s, TP * s}; }
};

/// Responses of one multipole J^pi (parity +1 or -1 of the operator / final state of a 0+ target).
struct MultipoleResponse {
  int J = 0;
  int parity = 1;
  ResponseFunctions W;
};

/// Responses at one (omega, q), total and per J^pi.
struct ResponseSet {
  std::vector<MultipoleResponse> byMultipole; ///< one entry per J^pi that contributes
  /// Sum over multipoles.
  ResponseFunctions total() const {
    ResponseFunctions t;
    for (const auto& m : byMultipole) t += m.W;
    return t;
  }
  /// Add W to the entry (J, parity), creating it if absent.
  void add(int J, int parity, const ResponseFunctions& W) {
    for (auto& m : byMultipole) {
      if (m.J == J && m.parity == parity) { m.W += W; return; }
    }
    byMultipole.push_back({J, parity, W});
  }
};

/// The five response functions continued analytically in omega (and q): functions X, complex, whose
/// imaginary parts on the real axis from above are the responses, W = Im X(omega + i0, q), so that
/// integrals over omega can be taken on contours in the upper half plane (1/MeV, as the continuum).
struct AnalyticResponseFunctions {
  std::complex<double> CC, CL, LL, T, TP;
  AnalyticResponseFunctions& operator+=(const AnalyticResponseFunctions& o) {
    CC += o.CC; CL += o.CL; LL += o.LL; T += o.T; TP += o.TP;
    return *this;
  }
};

/// Analytic responses at one (omega, q), per J^pi.
struct AnalyticResponseSet {
  struct Multipole {
    int J = 0;
    int parity = 1;
    AnalyticResponseFunctions X;
  };
  std::vector<Multipole> byMultipole;
  void add(int J, int parity, const AnalyticResponseFunctions& X) {
    for (auto& m : byMultipole) {
      if (m.J == J && m.parity == parity) { m.X += X; return; }
    }
    byMultipole.push_back({J, parity, X});
  }
};

/// The multipoles J in [lo, hi] (both parities): a selection for the responses of a part of the
/// multipole series (InelasticCrossSection sums the series in passes and stops once it has
/// converged, InelasticCrossSectionConfig::multipoleTolerance).
struct MultipoleRange {
  int lo = 0;
  int hi = std::numeric_limits<int>::max();
  bool contains(int J) const { return J >= lo && J <= hi; }
  bool isAll() const { return lo <= 0 && hi == std::numeric_limits<int>::max(); }
};

/// A discrete final state reached at lepton energy transfer omega.
struct ResponseLine {
  double omega = 0.0;      ///< lepton energy transfer E_nu - E_l [MeV]
  double excitation = 0.0; ///< excitation energy of the final nucleus [MeV]
  std::string label;       ///< e.g. "n 1f7/2 -> p 1d3/2" or "40K 2.290 MeV 1+"
};

/// Abstract nuclear response. Implementations must be thread-compatible (const methods are
/// safe to call concurrently).
class NuclearResponse {
public:
  virtual ~NuclearResponse() = default;
  /// The transition type this response describes.
  virtual ResponseMode mode() const = 0;
  /// Target nucleus (Z, A).
  virtual int targetZ() const = 0;
  virtual int targetA() const = 0;
  /// Lowest lepton energy transfer [MeV] with non-zero response (line or continuum).
  virtual double thresholdOmega() const = 0;
  /// Discrete lines, ordered by omega.
  virtual const std::vector<ResponseLine>& lines() const = 0;
  /// Responses of line `index` at momentum transfers q [MeV] (one ResponseSet per q; strengths
  /// dimensionless).
  virtual std::vector<ResponseSet> lineResponses(std::size_t index, std::span<const double> q) const = 0;
  /// Lowest omega of the continuum [MeV] (+infinity if the model has none).
  virtual double continuumThreshold() const = 0;
  /// Continuum responses at energy transfer omega [MeV] for momentum transfers q [MeV]
  /// (densities in 1/MeV). Zero below continuumThreshold().
  virtual std::vector<ResponseSet> continuumResponses(double omega, std::span<const double> q) const = 0;
  /// The continuum responses of the multipoles in `range` only (byMultipole holds no other J).
  /// The default computes continuumResponses and drops the other multipoles; a model that computes
  /// each multipole separately (CrpaResponse) overrides it to skip them.
  virtual std::vector<ResponseSet> continuumResponsesIn(double omega, std::span<const double> q,
                                                        MultipoleRange range) const;
  /// Width [MeV] (FWHM) of the narrowest structure the continuum response can carry, e.g. the
  /// Lorentzian of a discrete state smeared by a half-width eta (FWHM 2 eta); 0 if the model sets
  /// none. Omega quadratures (InelasticCrossSection) narrow their panels to resolve it.
  virtual double continuumResolution() const { return 0.0; }
  /// True if the model provides analyticResponses(): its continuum is the boundary value of a
  /// function analytic in the upper half omega plane (e.g. a Green's-function response without
  /// discrete lines), so that omega integrals may run on contours (InelasticCrossSection).
  virtual bool hasAnalyticContinuation() const { return false; }
  /// The analytic continuation at complex omega [MeV] (Im omega > 0) and complex momentum
  /// transfers q [MeV]: W(omega, q) = Im X(omega + i0, q) on the real axis, in the limit of
  /// vanishing numerical smearing (continuumResolution() does not enter; a physical spreading
  /// width does). Models without one throw Error(NotSupported).
  virtual std::vector<AnalyticResponseSet> analyticResponses(std::complex<double> omega,
                                                             std::span<const std::complex<double>> q) const;
  /// analyticResponses of the multipoles in `range` only (default: computed in full, then filtered).
  virtual std::vector<AnalyticResponseSet> analyticResponsesIn(std::complex<double> omega,
                                                               std::span<const std::complex<double>> q,
                                                               MultipoleRange range) const;
  /// Highest multipole J included.
  virtual int maxMultipole() const = 0;
  /// One line describing the model and its parameters.
  virtual std::string description() const = 0;
};

/// "1-", "2+" ... label of a J^pi.
std::string multipoleLabel(int J, int parity);

} // namespace lenu::inelastic
