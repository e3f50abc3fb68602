#pragma once
/// @file Parallel.hpp
/// parallelFor(n, body): body(i) for i = 0 .. n-1, in parallel with OpenMP where the including
/// target is built with it (dynamic schedule: the iterations may cost very different amounts,
/// e.g. response evaluations at different energy transfers), serially otherwise. An exception
/// cannot leave an OpenMP region: the first one thrown by any iteration is kept, the remaining
/// iterations still run (each is independent), and it is rethrown on the calling thread after
/// the loop. Results are the caller's to combine in index order, so that they do not depend on
/// the number of threads.

#include <exception>
#include <mutex>

namespace lenu {

/// The first exception thrown by any of the calls run(f) made on several threads (inside an
/// OpenMP region that cannot be left by an exception); rethrowIfAny() after the region.
class FirstFailure {
public:
  template <class F> void run(F&& f) noexcept {
    try {
      f();
    } catch (...) {
      const std::lock_guard<std::mutex> lock(m_guard);
      if (!m_failure) m_failure = std::current_exception();
    }
  }
  void rethrowIfAny() const {
    if (m_failure) std::rethrow_exception(m_failure);
  }

private:
  std::exception_ptr m_failure;
  std::mutex m_guard;
};

template <class Body> void parallelFor(long n, Body&& body) {
  FirstFailure failure;
#ifdef _OPENMP
#pragma omp parallel for schedule(dynamic)
#endif
  for (long i = 0; i < n; ++i) failure.run([&] { body(i); });
  failure.rethrowIfAny();
}

} // namespace lenu
