#include "lenu/core/Diagnostics.hpp"

namespace lenu {

bool Diagnostics::warnOnce(const std::string& key, const std::string& message) {
  {
    std::lock_guard lock(m_mutex);
    if (!m_keys.insert(key).second) {
      return false;
    }
    m_messages.push_back(message);
  }
  if (m_sink) {
    m_sink(message);
  }
  return true;
}

std::vector<std::string> Diagnostics::warnings() const {
  std::lock_guard lock(m_mutex);
  return m_messages;
}

} // namespace lenu
