#include "lenu/generator/Event.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Error.hpp"

namespace lenu::generator {

double FourMomentum::mass() const {
  const double m2 = e * e - p2();
  return m2 > 0.0 ? std::sqrt(m2) : 0.0;
}

void Event::clear() {
  vertices.clear();
  particles.clear();
  excitation = 0.0;
  recoil = 0.0;
  cosTheta = 1.0;
  totalXs = 0.0;
  processXs = 0.0;
}

int nucleusPdg(int Z, int A) {
  if (Z == 1 && A == 1) {
    return 2212;
  }
  if (Z == 0 && A == 1) {
    return 2112;
  }
  return 1000000000 + 10000 * Z + 10 * A;
}

int neutrinoPdg(Flavour f) {
  switch (f) {
  case Flavour::NuE: return 12;
  case Flavour::NuMu: return 14;
  case Flavour::NuTau: return 16;
  case Flavour::NuEBar: return -12;
  case Flavour::NuMuBar: return -14;
  case Flavour::NuTauBar: return -16;
  }
  return 0;
}

int chargedLeptonPdg(Flavour f) {
  const int nu = neutrinoPdg(f);
  return nu > 0 ? nu - 1 : nu + 1; // 12 -> 11 (e-), -12 -> -11 (e+)
}

namespace {
struct ChargeBaryon {
  int q, b;
};
ChargeBaryon chargeBaryon(int pdg) {
  const int a = std::abs(pdg);
  const int sign = pdg < 0 ? -1 : 1;
  if (a == 11 || a == 13 || a == 15) {
    return {-sign, 0};
  }
  if (a == 12 || a == 14 || a == 16 || a == 22) {
    return {0, 0};
  }
  if (a == 2212) {
    return {sign, sign};
  }
  if (a == 2112) {
    return {0, sign};
  }
  if (a > 1000000000 && a < 1100000000) {
    return {sign * ((a / 10000) % 1000), sign * ((a / 10) % 1000)};
  }
  throw Error(ErrorCode::InvalidArgument, fmt::format("no charge/baryon number known for PDG code {}", pdg));
}
} // namespace

int pdgCharge(int pdg) { return chargeBaryon(pdg).q; }
int pdgBaryonNumber(int pdg) { return chargeBaryon(pdg).b; }

ConservationCheck checkConservation(const Event& ev, double massTolerance) {
  ConservationCheck c;
  for (std::size_t v = 0; v < ev.vertices.size(); ++v) {
    FourMomentum in, out;
    int qIn = 0, qOut = 0, bIn = 0, bOut = 0;
    int nIn = 0, nOut = 0;
    for (const auto& p : ev.particles) {
      if (p.end == static_cast<int>(v)) {
        in += p.p; qIn += pdgCharge(p.pdg); bIn += pdgBaryonNumber(p.pdg); ++nIn;
      }
      if (p.origin == static_cast<int>(v)) {
        out += p.p; qOut += pdgCharge(p.pdg); bOut += pdgBaryonNumber(p.pdg); ++nOut;
      }
    }
    const FourMomentum d = in - out;
    const double dp = std::max({std::abs(d.px), std::abs(d.py), std::abs(d.pz)});
    c.maxMomentum = std::max(c.maxMomentum, dp);
    c.maxEnergy = std::max(c.maxEnergy, std::abs(d.e));
    if (qIn != qOut) {
      ++c.chargeViolations;
    }
    if (bIn != bOut) {
      ++c.baryonViolations;
    }
    if ((nIn == 0 || nOut == 0) && c.firstProblem.empty()) {
      c.firstProblem = fmt::format("vertex {} has {} incoming and {} outgoing particles", v, nIn, nOut);
      ++c.massShellViolations;
    }
  }
  for (const auto& p : ev.particles) {
    const double m2 = p.p.e * p.p.e - p.p.p2();
    const double scale = std::max(p.p.e * p.p.e, 1.0);
    if (std::abs(m2 - p.mass * p.mass) > massTolerance * scale) {
      ++c.massShellViolations;
      if (c.firstProblem.empty()) {
        c.firstProblem = fmt::format("particle {} off shell: m(p) = {} MeV, mass = {} MeV", p.pdg, p.p.mass(), p.mass);
      }
    }
  }
  return c;
}

} // namespace lenu::generator
