#include "lenu/generator/VectorAttributes.hpp"

#include <charconv>
#include <sstream>

#include <fmt/format.h>

#include "lenu/core/Error.hpp"

namespace lenu::generator {

std::string formatDoubleExact(double v) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof(buf), v); // shortest round-trip form
  return std::string(buf, r.ptr);
}

bool VectorIntAttribute::from_string(const std::string& att) {
  m_val.clear();
  std::istringstream s(att);
  for (int v = 0; s >> v;) {
    m_val.push_back(v);
  }
  return true;
}

bool VectorIntAttribute::to_string(std::string& att) const {
  att.clear();
  for (int v : m_val) {
    if (!att.empty()) {
      att += ' ';
    }
    att += std::to_string(v);
  }
  return true;
}

bool VectorDoubleAttribute::from_string(const std::string& att) {
  m_val.clear();
  std::istringstream s(att);
  for (double v = 0.0; s >> v;) {
    m_val.push_back(v);
  }
  return true;
}

bool VectorDoubleAttribute::to_string(std::string& att) const {
  att.clear();
  for (double v : m_val) {
    if (!att.empty()) {
      att += ' ';
    }
    att += formatDoubleExact(v);
  }
  return true;
}

VectorStringAttribute::VectorStringAttribute(std::vector<std::string> v) : m_val(std::move(v)) {
  for (const auto& s : m_val) {
    if (s.empty() || s.find_first_of(" \t\n") != std::string::npos) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("VectorStringAttribute: element '{}' is empty or contains a blank (not representable)", s));
    }
  }
}

bool VectorStringAttribute::from_string(const std::string& att) {
  m_val.clear();
  std::istringstream s(att);
  for (std::string v; s >> v;) {
    m_val.push_back(v);
  }
  return true;
}

bool VectorStringAttribute::to_string(std::string& att) const {
  att.clear();
  for (const auto& v : m_val) {
    if (!att.empty()) {
      att += ' ';
    }
    att += v;
  }
  return true;
}

} // namespace lenu::generator
