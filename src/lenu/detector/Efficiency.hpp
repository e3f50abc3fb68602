#pragma once
/// @file Efficiency.hpp
/// Detection efficiency as a function of the observable (keVee or PE) or of time (ns).

#include <string>
#include <vector>

namespace lenu {

class EfficiencyCurve {
public:
  virtual ~EfficiencyCurve() = default;
  /// Efficiency (0..1) at x (observable units or ns).
  virtual double operator()(double x) const = 0;
  virtual std::string description() const = 0;
};

/// eps(x) = a / (1 + exp(-k (x - x0))) + f, clipped to [0, 1]; 0 below xMin.
/// (The functional form of the COHERENT CsI[Na] acceptance, data release arXiv:1804.09459.)
class LogisticEfficiency final : public EfficiencyCurve {
public:
  struct Params {
    double a = 1.0;
    double k = 1.0;  ///< [1/unit of x]
    double x0 = 0.0; ///< [unit of x]
    double f = 0.0;
    double xMin = -1e300; ///< efficiency is 0 below this [unit of x]
  };
  explicit LogisticEfficiency(Params p);
  double operator()(double x) const override;
  std::string description() const override;

private:
  Params m_p;
};

/// Piecewise-linear efficiency through (x_i, eps_i); constant beyond the ends.
class TabulatedEfficiency final : public EfficiencyCurve {
public:
  TabulatedEfficiency(std::vector<double> x, std::vector<double> eps, std::string description);
  double operator()(double x) const override;
  std::string description() const override { return m_description; }

private:
  std::vector<double> m_x, m_eps;
  std::string m_description;
};

/// Piecewise-constant efficiency: eps_i on [edge_i, edge_{i+1}), `outside` elsewhere.
class StepEfficiency final : public EfficiencyCurve {
public:
  StepEfficiency(std::vector<double> edges, std::vector<double> eps, double outside, std::string description);
  double operator()(double x) const override;
  std::string description() const override { return m_description; }

private:
  std::vector<double> m_edges, m_eps;
  double m_outside;
  std::string m_description;
};

} // namespace lenu
