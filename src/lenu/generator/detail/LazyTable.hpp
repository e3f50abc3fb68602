#pragma once
/// @file LazyTable.hpp
/// Tables built on first use, once, from any thread (internal to the generator layer).
/// A builder must be a pure function of its inputs: the value then does not depend on which
/// thread (OpenMP thread, or the first caller on an MPI rank) builds it, so events sampled with a
/// fixed seed stay byte-identical whatever the build order.

#include <map>
#include <mutex>
#include <optional>
#include <utility>

namespace lenu::generator::detail {

/// One value built by the first caller of get() (std::call_once); every caller gets the same
/// object. If the builder throws, the value stays unbuilt and the next caller tries again.
template <class T>
class Lazy {
public:
  template <class Build>
  const T& get(Build&& build) const {
    std::call_once(m_once, [&] { m_value.emplace(std::forward<Build>(build)()); });
    return *m_value;
  }

private:
  mutable std::once_flag m_once;
  mutable std::optional<T> m_value;
};

/// Lazy values keyed by K. The slot of a key is created under a mutex (std::map nodes never move,
/// and no slot is ever erased, so the returned reference stays valid for the map's lifetime); the
/// value is built outside that lock, once per key, so threads building different keys do not
/// wait for each other and two threads asking for the same key share one build.
template <class K, class T>
class LazyMap {
public:
  template <class Build>
  const T& get(const K& key, Build&& build) const {
    const Lazy<T>* slot = nullptr;
    {
      std::lock_guard lock(m_mutex);
      slot = &m_slots[key];
    }
    return slot->get(std::forward<Build>(build));
  }
  /// Keys with a slot (built, being built, or whose build threw).
  std::size_t size() const {
    std::lock_guard lock(m_mutex);
    return m_slots.size();
  }

private:
  mutable std::mutex m_mutex;
  mutable std::map<K, Lazy<T>> m_slots;
};

} // namespace lenu::generator::detail
