#pragma once
/// @file Event.hpp
/// The generator's event record: particles with four-momenta [MeV] in the lab frame (neutrino
/// along +z), connected by vertices; conventions of NuHepMC 1.0 (particle status 4 = incoming
/// beam, 20 = target, 1 = final state, 2 = decayed; vertex status 1 = primary, 21 = nuclear
/// de-excitation). PDG Monte Carlo numbering (PDG, Review of Particle Physics, "Monte Carlo
/// Particle Numbering Scheme"): nuclei 10LZZZAAAI.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "lenu/core/Flavour.hpp"

namespace lenu::generator {

/// Particle status codes (NuHepMC 1.0, P.R.1).
inline constexpr int kStatusFinal = 1;
inline constexpr int kStatusDecayed = 2;
inline constexpr int kStatusBeam = 4;
inline constexpr int kStatusTarget = 20;
/// Vertex status codes (NuHepMC 1.0, V.R.1; 21 is lenu's de-excitation vertex, declared in G.R.9).
inline constexpr int kVertexPrimary = 1;
inline constexpr int kVertexDeexcitation = 21;

/// Four-momentum (px, py, pz, E) [MeV].
struct FourMomentum {
  double px = 0.0, py = 0.0, pz = 0.0, e = 0.0;
  FourMomentum& operator+=(const FourMomentum& o) {
    px += o.px; py += o.py; pz += o.pz; e += o.e;
    return *this;
  }
  FourMomentum operator-(const FourMomentum& o) const { return {px - o.px, py - o.py, pz - o.pz, e - o.e}; }
  double p2() const { return px * px + py * py + pz * pz; }
  /// Invariant mass sqrt(E^2 - p^2) [MeV] (0 if spacelike).
  double mass() const;
};

struct Particle {
  int pdg = 0;
  int status = kStatusFinal;
  FourMomentum p;      ///< [MeV]
  double mass = 0.0;   ///< generated mass [MeV] (an excited nucleus: ground mass + excitation)
  int origin = -1;     ///< index of the vertex that produced it (-1: incoming to the event)
  int end = -1;        ///< index of the vertex it enters (-1: leaves the event)
  double time = 0.0;   ///< emission time relative to the interaction [ns] (level lifetimes)
};

struct Vertex {
  int status = kVertexPrimary;
};

struct Event {
  std::uint64_t number = 0;     ///< unique event number (global index in the run)
  int processId = 0;            ///< NuHepMC E.C.1 process id
  Flavour flavour = Flavour::NuE;
  double energy = 0.0;          ///< neutrino energy [MeV]
  double time = 0.0;            ///< neutrino emission (= interaction) time [ns]
  double excitation = 0.0;      ///< excitation energy of the final nucleus [MeV] (0 for CEvNS)
  double recoil = 0.0;          ///< nuclear recoil kinetic energy [MeV] (CEvNS)
  double cosTheta = 1.0;        ///< lepton scattering angle
  int targetZ = 0, targetA = 0; ///< target nucleus
  double totalXs = 0.0;         ///< sigma_tot(E) of all processes on this target [fm^2]
  double processXs = 0.0;       ///< sigma of the sampled process at E [fm^2]
  std::vector<Vertex> vertices;
  std::vector<Particle> particles;
  void clear();
};

/// PDG number of a nucleus (Z, A): 1000000000 + 10000 Z + 10 A; (1, 1) is the proton 2212.
int nucleusPdg(int Z, int A);
/// PDG number of a neutrino flavour (nu_e 12, anti-nu_e -12, ...).
int neutrinoPdg(Flavour f);
/// PDG number of the charged lepton of a CC reaction of flavour f (nu_e -> e- 11, anti-nu_e -> e+ -11).
int chargedLeptonPdg(Flavour f);
/// Electric charge [e] and baryon number of a particle from its PDG number (leptons, photon,
/// nucleons, nuclei). Throws Error(InvalidArgument) for other codes.
int pdgCharge(int pdg);
int pdgBaryonNumber(int pdg);

/// Worst violations of conservation over all vertices of an event.
struct ConservationCheck {
  double maxMomentum = 0.0; ///< max |sum_in p - sum_out p| over components and vertices [MeV]
  double maxEnergy = 0.0;   ///< [MeV]
  int chargeViolations = 0;
  int baryonViolations = 0;
  int massShellViolations = 0; ///< particles with |m(p) - mass| > tolerance
  std::string firstProblem;
  bool ok(double tolerance) const {
    return maxMomentum <= tolerance && maxEnergy <= tolerance && chargeViolations == 0 && baryonViolations == 0 &&
           massShellViolations == 0;
  }
};
/// Checks four-momentum, charge and baryon number at every vertex, and the mass shell of every
/// particle (relative tolerance `massTolerance` on E^2 - p^2).
ConservationCheck checkConservation(const Event& e, double massTolerance = 1e-12);

} // namespace lenu::generator
