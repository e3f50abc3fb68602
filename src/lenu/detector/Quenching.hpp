#pragma once
/// @file Quenching.hpp
/// Quenching: the fraction of a nuclear recoil's kinetic energy T (keVnr) that appears as
/// electron-equivalent energy (keVee): E_ee = QF(T) T.

#include <memory>
#include <string>
#include <vector>

namespace lenu {

class QuenchingModel {
public:
  virtual ~QuenchingModel() = default;
  /// Quenching factor QF(T) (dimensionless) at recoil energy T [MeV].
  virtual double factor(double recoil) const = 0;
  /// Electron-equivalent energy [MeV] for recoil T [MeV].
  double electronEquivalent(double recoil) const { return factor(recoil) * recoil; }
  virtual std::string description() const = 0;
};

/// A constant quenching factor.
class ConstantQuenching final : public QuenchingModel {
public:
  explicit ConstantQuenching(double qf);
  double factor(double) const override { return m_qf; }
  std::string description() const override;

private:
  double m_qf;
};

/// Lindhard theory (Lindhard, Nielsen, Scharff, Thomsen, Mat. Fys. Medd. Dan. Vid. Selsk. 33
/// no. 10 (1963)), in the parametrisation of Lewin & Smith, Astropart. Phys. 6 (1996) 87, Eq. (6.5):
///   QF = k g(eps) / (1 + k g(eps)), g = 3 eps^0.15 + 0.7 eps^0.6 + eps, eps = 11.5 Z^(-7/3) T[keV].
class LindhardQuenching final : public QuenchingModel {
public:
  /// k (dimensionless; 0.133 Z^(2/3) A^(-1/2) in Lindhard's theory), Z of the recoiling nucleus.
  LindhardQuenching(double k, int z);
  double factor(double recoil) const override;
  std::string description() const override;

private:
  double m_k;
  int m_z;
};

/// A polynomial in the recoil energy in keVnr: QF(T) = sum_i c_i (T / keV)^i, clipped to [0, 1].
class PolynomialQuenching final : public QuenchingModel {
public:
  explicit PolynomialQuenching(std::vector<double> coefficients);
  double factor(double recoil) const override;
  std::string description() const override;

private:
  std::vector<double> m_c;
};

} // namespace lenu
