#pragma once
/// @file VectorAttributes.hpp
/// HepMC3 vector attributes for Debian's HepMC3 3.1.2, which lacks them (they arrived in 3.2.0):
/// VectorIntAttribute, VectorDoubleAttribute, VectorStringAttribute with the text layout of
/// HepMC3 >= 3.2 (include/HepMC3/Attribute.h there): values joined by single blanks, no quotes,
/// parsed back by reading blank-separated tokens. Integers are written exactly as 3.2 writes them
/// (std::to_string). Doubles: HepMC3 3.2 writes std::to_string, i.e. "%f" with SIX decimals, which
/// loses every digit below 1e-6 (an E.C.5 lab time of 1.2e-7 s becomes 0.000000). These classes
/// write the shortest representation that reads back bit-exactly (std::to_chars, e.g. 1.2345678901234567e-07)
/// instead: the same blank-separated layout, parsed identically by HepMC3 3.2's own
/// VectorDoubleAttribute::from_string (operator>> on a stringstream), and exact. Strings must not
/// contain blanks (the format cannot represent them); set_value throws if one does.
/// Usable with GenRunInfo::attribute<T>() / GenEvent::attribute<T>() of HepMC3 3.1.2 for reading.

#include <string>
#include <vector>

#include <HepMC3/Attribute.h>

namespace lenu::generator {

class VectorIntAttribute : public HepMC3::Attribute {
public:
  VectorIntAttribute() = default;
  explicit VectorIntAttribute(std::vector<int> v) : m_val(std::move(v)) {}
  bool from_string(const std::string& att) override;
  bool to_string(std::string& att) const override;
  const std::vector<int>& value() const { return m_val; }
  void set_value(std::vector<int> v) { m_val = std::move(v); }

private:
  std::vector<int> m_val;
};

class VectorDoubleAttribute : public HepMC3::Attribute {
public:
  VectorDoubleAttribute() = default;
  explicit VectorDoubleAttribute(std::vector<double> v) : m_val(std::move(v)) {}
  bool from_string(const std::string& att) override;
  bool to_string(std::string& att) const override;
  const std::vector<double>& value() const { return m_val; }
  void set_value(std::vector<double> v) { m_val = std::move(v); }

private:
  std::vector<double> m_val;
};

class VectorStringAttribute : public HepMC3::Attribute {
public:
  VectorStringAttribute() = default;
  /// Throws Error(InvalidArgument) if an element is empty or contains a blank.
  explicit VectorStringAttribute(std::vector<std::string> v);
  bool from_string(const std::string& att) override;
  bool to_string(std::string& att) const override;
  const std::vector<std::string>& value() const { return m_val; }

private:
  std::vector<std::string> m_val;
};

/// A double written with full precision (shortest representation that reads back exactly).
std::string formatDoubleExact(double v);

} // namespace lenu::generator
