#pragma once
/// @file HartreeFockMeanField.hpp
/// Adapter: the converged Skyrme Hartree-Fock solution of the structure layer
/// (lenu/structure/HartreeFock.hpp) seen as a MeanFieldSpectrum -- its bound levels with their
/// occupations, and continuum states of the same (non-local through B(r) = hbar^2/2m*(r))
/// mean field from the structure layer's ContinuumSolver (the one continuum solver on the HF field).

#include <array>
#include <memory>

#include "lenu/inelastic/MeanFieldSpectrum.hpp"
#include "lenu/structure/ContinuumSolver.hpp"
#include "lenu/structure/HartreeFock.hpp"

namespace lenu::inelastic {

class HartreeFockMeanField final : public MeanFieldSpectrum {
public:
  /// Wraps a converged result (throws Error(InvalidArgument) if not converged).
  explicit HartreeFockMeanField(std::shared_ptr<const HartreeFockResult> result);
  /// Solves HF for (Z, N) with `solver` and wraps the result.
  static std::shared_ptr<HartreeFockMeanField> solve(const HartreeFockSolver& solver, int Z, int N);

  int Z() const override { return m_result->Z; }
  int A() const override { return m_result->Z + m_result->N; }
  double meshStep() const override { return m_result->meanField.meshStep; }
  std::size_t meshSize() const override { return m_result->meanField.r.size(); }
  const std::vector<SingleParticleState>& boundStates() const override { return m_states; }
  ContinuumState continuumState(Isospin t, int l, double j, double energy) const override;
  double hbar2Over2m(Isospin t) const override { return m_result->meanField.of(t).bAsymptotic; }
  std::string description() const override;
  const HartreeFockResult& result() const { return *m_result; }
private:
  std::shared_ptr<const HartreeFockResult> m_result;
  std::vector<SingleParticleState> m_states;
  ContinuumSolver m_solver; ///< prepared once from the converged field (local form of both species)
};

} // namespace lenu::inelastic
