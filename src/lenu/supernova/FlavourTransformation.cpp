#include "lenu/supernova/FlavourTransformation.hpp"

#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"

namespace lenu::supernova {

MixingAngles MixingAngles::nufit60(MassOrdering ordering) {
  return ordering == MassOrdering::Normal ? MixingAngles{33.68, 8.56} : MixingAngles{33.68, 8.59};
}

FlavourTransformation::FlavourTransformation(FlavourTransformationConfig cfg) : m_cfg(cfg) {
  requireInRange(cfg.angles.theta12Deg, 0.0, 90.0, "theta12", "deg");
  requireInRange(cfg.angles.theta13Deg, 0.0, 90.0, "theta13", "deg");
  const double d2r = constants::kPi / 180.0;
  const double s12 = std::pow(std::sin(cfg.angles.theta12Deg * d2r), 2);
  const double s13 = std::pow(std::sin(cfg.angles.theta13Deg * d2r), 2);
  const double ue1 = (1.0 - s12) * (1.0 - s13);
  const double ue2 = s12 * (1.0 - s13);
  const double ue3 = s13;
  switch (cfg.scheme) {
  case FlavourScheme::None:
    m_pee = m_peeBar = 1.0;
    return;
  case FlavourScheme::CompleteExchange:
    m_pee = m_peeBar = 0.0;
    return;
  case FlavourScheme::AdiabaticMsw:
  case FlavourScheme::NonAdiabaticMsw:
    break;
  }
  // Landau-Zener limit: a resonance of a vanishing mixing angle is crossed with probability 1.
  const double pL = cfg.angles.theta12Deg == 0.0 ? 1.0 : 0.0;
  const double pH =
      (cfg.scheme == FlavourScheme::NonAdiabaticMsw || cfg.angles.theta13Deg == 0.0) ? 1.0 : 0.0;
  if (cfg.ordering == MassOrdering::Normal) {
    m_pee = (1.0 - pH) * ue3 + pH * ((1.0 - pL) * ue2 + pL * ue1);
    m_peeBar = ue1;
  } else {
    m_pee = (1.0 - pL) * ue2 + pL * ue1;
    m_peeBar = (1.0 - pH) * ue3 + pH * ue1;
  }
}

std::array<double, 6> FlavourTransformation::apply(const std::array<double, 6>& f0) const {
  std::array<double, 6> f{};
  for (std::size_t anti = 0; anti < 2; ++anti) {
    const std::size_t e = 3 * anti;
    const double p = anti == 0 ? m_pee : m_peeBar;
    const double x = 0.5 * (f0[e + 1] + f0[e + 2]);
    f[e] = p * f0[e] + (1.0 - p) * x;
    f[e + 1] = f[e + 2] = 0.5 * ((1.0 - p) * f0[e] + (1.0 + p) * x);
  }
  return f;
}

void FlavourTransformation::applyInPlace(std::array<std::vector<double>, 6>& f) const {
  if (m_pee == 1.0 && m_peeBar == 1.0) {
    return; // identity (keeps unequal mu/tau fluences untouched)
  }
  const std::size_t n = f[0].size();
  for (std::size_t j = 0; j < n; ++j) {
    std::array<double, 6> f0{};
    for (std::size_t k = 0; k < 6; ++k) {
      f0[k] = f[k][j];
    }
    const auto r = apply(f0);
    for (std::size_t k = 0; k < 6; ++k) {
      f[k][j] = r[k];
    }
  }
}

std::string FlavourTransformation::description() const {
  const char* scheme = "none";
  switch (m_cfg.scheme) {
  case FlavourScheme::None: scheme = "no flavour transformation"; break;
  case FlavourScheme::CompleteExchange: scheme = "complete nu_e <-> nu_x exchange"; break;
  case FlavourScheme::AdiabaticMsw: scheme = "adiabatic MSW"; break;
  case FlavourScheme::NonAdiabaticMsw: scheme = "MSW with non-adiabatic H resonance"; break;
  }
  const bool msw = m_cfg.scheme == FlavourScheme::AdiabaticMsw || m_cfg.scheme == FlavourScheme::NonAdiabaticMsw;
  return fmt::format("{}{}: P_ee = {:.4f}, Pbar_ee = {:.4f}{}", scheme,
                     msw ? (m_cfg.ordering == MassOrdering::Normal ? ", normal ordering" : ", inverted ordering") : "",
                     m_pee, m_peeBar,
                     msw ? fmt::format(" (theta12 = {} deg, theta13 = {} deg)", m_cfg.angles.theta12Deg,
                                       m_cfg.angles.theta13Deg)
                         : "");
}

FlavourTransformationConfig parseOrdering(const std::string& name) {
  FlavourTransformationConfig c;
  if (name == "none") {
    c.scheme = FlavourScheme::None;
  } else if (name == "exchange") {
    c.scheme = FlavourScheme::CompleteExchange;
  } else if (name == "normal" || name == "normal-nonadiabatic") {
    c.scheme = name == "normal" ? FlavourScheme::AdiabaticMsw : FlavourScheme::NonAdiabaticMsw;
    c.ordering = MassOrdering::Normal;
  } else if (name == "inverted" || name == "inverted-nonadiabatic") {
    c.scheme = name == "inverted" ? FlavourScheme::AdiabaticMsw : FlavourScheme::NonAdiabaticMsw;
    c.ordering = MassOrdering::Inverted;
  } else {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("unknown flavour transformation '{}' (accepted: none, exchange, normal, inverted, "
                            "normal-nonadiabatic, inverted-nonadiabatic)", name));
  }
  c.angles = MixingAngles::nufit60(c.ordering);
  return c;
}

} // namespace lenu::supernova
