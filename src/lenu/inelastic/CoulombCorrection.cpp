#include "lenu/inelastic/CoulombCorrection.hpp"

#include <cmath>
#include <string>

#include <fmt/format.h>
#include <gsl/gsl_sf_gamma.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/GslError.hpp"

namespace lenu::inelastic {

CoulombMode parseCoulombMode(std::string_view s) {
  if (s == "none") return CoulombMode::None;
  if (s == "fermi") return CoulombMode::Fermi;
  if (s == "mema") return CoulombMode::MEMA;
  if (s == "auto") return CoulombMode::Auto;
  throw Error(ErrorCode::InvalidArgument, fmt::format("unknown Coulomb correction '{}': use none, fermi, mema or auto", s));
}

std::string_view toString(CoulombMode m) {
  switch (m) {
  case CoulombMode::None: return "none";
  case CoulombMode::Fermi: return "fermi";
  case CoulombMode::MEMA: return "mema";
  case CoulombMode::Auto: return "auto";
  }
  return "?";
}

double fermiFunction(int Zf, int A, double E, double m, int charge) {
  using namespace constants;
  const double k = std::sqrt(std::max(E * E - m * m, 1e-30));
  const double aZ = kAlpha * Zf;
  require(aZ < 1.0, fmt::format("Fermi function: alpha Z = {} >= 1", aZ));
  const double gamma = std::sqrt(1.0 - aZ * aZ);
  const double eta = (charge < 0 ? 1.0 : -1.0) * aZ * E / k;
  const double R = 1.2 * std::cbrt(static_cast<double>(A)) / kHbarC; // MeV^-1
  gsl_sf_result lnr, arg;
  gsl::useReturnCodes();
  gsl::check(gsl_sf_lngamma_complex_e(gamma, eta, &lnr, &arg), "gsl_sf_lngamma_complex_e",
             fmt::format("zr={}, zi={} (Fermi function Z_f={}, E={} MeV)", gamma, eta, Zf, E), ErrorCode::InvalidArgument);
  const double lnG2 = std::lgamma(2.0 * gamma + 1.0);
  const double lnF = std::log(2.0 * (1.0 + gamma)) + (2.0 * gamma - 2.0) * std::log(2.0 * k * R) + kPi * eta +
                     2.0 * lnr.val - 2.0 * lnG2;
  return std::exp(lnF);
}

CoulombFactor coulombFactor(CoulombMode mode, int Zf, int A, double E, double m, int charge) {
  using namespace constants;
  CoulombFactor out;
  const double k = std::sqrt(std::max(E * E - m * m, 0.0));
  out.kEff = k;
  if (mode == CoulombMode::None || Zf == 0) return out;
  const double R = 1.2 * std::cbrt(static_cast<double>(A));
  const double V0 = (charge < 0 ? -1.0 : 1.0) * 1.5 * Zf * kAlpha * kHbarC / R;
  const double Eeff = E - V0;
  double memaFactor = 0.0, kEff = 0.0;
  if (Eeff > m) {
    kEff = std::sqrt(Eeff * Eeff - m * m);
    memaFactor = kEff * Eeff / (k * E);
  }
  const double fermi = fermiFunction(Zf, A, E, m, charge);
  bool useMema = mode == CoulombMode::MEMA;
  if (mode == CoulombMode::Auto) useMema = memaFactor > 0.0 && memaFactor < fermi;
  if (useMema) {
    out.factor = memaFactor;
    out.kEff = kEff;
    out.mema = true;
  } else {
    out.factor = fermi;
  }
  return out;
}

CoulombFactorComplex coulombFactor(CoulombMode mode, int Zf, int A, std::complex<double> E, double m, int charge) {
  using namespace constants;
  using cd = std::complex<double>;
  require(mode != CoulombMode::Auto, "coulombFactor (complex energy): resolve CoulombMode::Auto on the real axis first");
  CoulombFactorComplex out;
  const cd k = std::sqrt(E * E - m * m);
  out.kEff = k;
  if (mode == CoulombMode::None || Zf == 0) return out;
  const double aZ = kAlpha * Zf;
  require(aZ < 1.0, fmt::format("Coulomb correction: alpha Z = {} >= 1", aZ));
  if (mode == CoulombMode::MEMA) {
    const double R = 1.2 * std::cbrt(static_cast<double>(A));
    const double V0 = (charge < 0 ? -1.0 : 1.0) * 1.5 * Zf * kAlpha * kHbarC / R;
    const cd Eeff = E - V0;
    out.kEff = std::sqrt(Eeff * Eeff - m * m);
    out.factor = out.kEff * Eeff / (k * E);
    return out;
  }
  const double gamma = std::sqrt(1.0 - aZ * aZ);
  const cd eta = (charge < 0 ? 1.0 : -1.0) * aZ * E / k;
  const double R = 1.2 * std::cbrt(static_cast<double>(A)) / kHbarC; // MeV^-1
  // ln Gamma(gamma + i eta) + ln Gamma(gamma - i eta) (any branch: only its exponential enters)
  cd lnG = 0.0;
  gsl::useReturnCodes();
  for (const cd zg : {cd(gamma, 0.0) + cd(0.0, 1.0) * eta, cd(gamma, 0.0) - cd(0.0, 1.0) * eta}) {
    gsl_sf_result lnr, arg;
    gsl::check(gsl_sf_lngamma_complex_e(zg.real(), zg.imag(), &lnr, &arg), "gsl_sf_lngamma_complex_e",
               fmt::format("zr={}, zi={} (Fermi function Z_f={}, E={}{:+}i MeV)", zg.real(), zg.imag(), Zf, E.real(), E.imag()),
               ErrorCode::InvalidArgument);
    lnG += cd(lnr.val, arg.val);
  }
  const double lnG2 = std::lgamma(2.0 * gamma + 1.0);
  const cd lnF = std::log(2.0 * (1.0 + gamma)) + (2.0 * gamma - 2.0) * std::log(2.0 * k * R) + kPi * eta + lnG - 2.0 * lnG2;
  out.factor = std::exp(lnF);
  return out;
}

} // namespace lenu::inelastic
