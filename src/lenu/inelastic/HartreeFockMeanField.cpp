#include "lenu/inelastic/HartreeFockMeanField.hpp"

#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Error.hpp"

namespace lenu::inelastic {

namespace {

const MeanField& convergedField(const std::shared_ptr<const HartreeFockResult>& r) {
  require(r != nullptr, "HartreeFockMeanField: null result");
  require(r->converged, fmt::format("HartreeFockMeanField: HF for Z={} N={} ({}) did not converge", r->Z, r->N,
                                    r->force));
  return r->meanField;
}

} // namespace

HartreeFockMeanField::HartreeFockMeanField(std::shared_ptr<const HartreeFockResult> result)
    : m_result(std::move(result)), m_solver(convergedField(m_result)) {
  for (const auto& s : m_result->states) {
    if (s.energy < 0.0) m_states.push_back(s);
  }
}

std::shared_ptr<HartreeFockMeanField> HartreeFockMeanField::solve(const HartreeFockSolver& solver, int Z, int N) {
  auto res = std::make_shared<HartreeFockResult>(solver.solve(Z, N));
  return std::make_shared<HartreeFockMeanField>(std::move(res));
}

ContinuumState HartreeFockMeanField::continuumState(Isospin t, int l, double j, double energy) const {
  return m_solver.state(t, l, j, energy);
}

std::string HartreeFockMeanField::description() const {
  return fmt::format("Skyrme Hartree-Fock ({}) Z={} N={}, binding {:.3f} MeV, h={} fm, box {} fm", m_result->force,
                     m_result->Z, m_result->N, m_result->bindingEnergy, m_result->meanField.meshStep,
                     m_result->meanField.r.empty() ? 0.0 : m_result->meanField.r.back());
}

} // namespace lenu::inelastic
