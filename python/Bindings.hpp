#pragma once
/// @file Bindings.hpp
/// Shared helpers of the pybind11 module `lenu` (one binding file per library layer).
/// Conventions of the Python API: lenu's native units (MeV, fm, ns; cross sections in fm^2, see
/// lenu.units for conversions), flavours as short strings ("nue", "numu", "numubar", ...),
/// vectorised calls accept a float or any numpy array (broadcast) and loop in C++.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "lenu/core/Error.hpp"
#include "lenu/core/Flavour.hpp"

namespace lenu::python {

namespace py = pybind11;

/// A C-contiguous double array (converted from any array-like).
using DoubleArray = py::array_t<double, py::array::c_style | py::array::forcecast>;

/// A 1-d numpy copy of a vector.
inline py::array_t<double> toArray(const std::vector<double>& v) {
  py::array_t<double> out(static_cast<py::ssize_t>(v.size()));
  double* o = out.mutable_data();
  for (std::size_t i = 0; i < v.size(); ++i) {
    o[i] = v[i];
  }
  return out;
}

/// A std::vector<double> from any 1-d array-like.
inline std::vector<double> toVector(const DoubleArray& a) {
  const double* p = a.data();
  return std::vector<double>(p, p + a.size());
}

/// True for a Python float or int (not a numpy array, not even a 0-d one).
inline bool isScalar(const py::handle& x) {
  return !py::isinstance<py::array>(x) && (py::isinstance<py::float_>(x) || py::isinstance<py::int_>(x));
}

/// f(x_i) for a float or array-like x: a float gives a float, an array an array of its shape.
/// The loop runs in C++.
template <class F>
py::object mapArray(const py::handle& x, F&& f) {
  if (isScalar(x)) {
    return py::float_(f(x.cast<double>()));
  }
  const auto a = DoubleArray::ensure(x);
  if (!a) {
    throw py::type_error("expected a float or an array of floats");
  }
  py::array_t<double> out(std::vector<py::ssize_t>(a.shape(), a.shape() + a.ndim()));
  const double* in = a.data();
  double* o = out.mutable_data();
  for (py::ssize_t i = 0; i < a.size(); ++i) {
    o[i] = f(in[i]);
  }
  return out;
}

/// f(x_i, y_i) with numpy broadcasting of x and y (floats give a float).
template <class F>
py::object mapArrays(const py::handle& x, const py::handle& y, F&& f) {
  if (isScalar(x) && isScalar(y)) {
    return py::float_(f(x.cast<double>(), y.cast<double>()));
  }
  const py::tuple b = py::module_::import("numpy").attr("broadcast_arrays")(x, y);
  const auto a0 = DoubleArray::ensure(b[0]);
  const auto a1 = DoubleArray::ensure(b[1]);
  if (!a0 || !a1) {
    throw py::type_error("expected floats or arrays of floats");
  }
  py::array_t<double> out(std::vector<py::ssize_t>(a0.shape(), a0.shape() + a0.ndim()));
  const double* p0 = a0.data();
  const double* p1 = a1.data();
  double* o = out.mutable_data();
  for (py::ssize_t i = 0; i < a0.size(); ++i) {
    o[i] = f(p0[i], p1[i]);
  }
  return out;
}

/// f(x_i, y_i, z_i) with numpy broadcasting.
template <class F>
py::object mapArrays3(const py::handle& x, const py::handle& y, const py::handle& z, F&& f) {
  if (isScalar(x) && isScalar(y) && isScalar(z)) {
    return py::float_(f(x.cast<double>(), y.cast<double>(), z.cast<double>()));
  }
  const py::tuple b = py::module_::import("numpy").attr("broadcast_arrays")(x, y, z);
  const auto a0 = DoubleArray::ensure(b[0]);
  const auto a1 = DoubleArray::ensure(b[1]);
  const auto a2 = DoubleArray::ensure(b[2]);
  if (!a0 || !a1 || !a2) {
    throw py::type_error("expected floats or arrays of floats");
  }
  py::array_t<double> out(std::vector<py::ssize_t>(a0.shape(), a0.shape() + a0.ndim()));
  double* o = out.mutable_data();
  for (py::ssize_t i = 0; i < a0.size(); ++i) {
    o[i] = f(a0.data()[i], a1.data()[i], a2.data()[i]);
  }
  return out;
}

/// Method binders: vec1<T>(f) makes (self, x) -> mapArray(x, f(self, .)); vec2, vec3 likewise.
template <class T, class F>
auto vec1(F f) {
  return [f](const T& self, const py::object& x) { return mapArray(x, [&](double v) { return f(self, v); }); };
}
template <class T, class F>
auto vec2(F f) {
  return [f](const T& self, const py::object& x, const py::object& y) {
    return mapArrays(x, y, [&](double a, double b) { return f(self, a, b); });
  };
}
template <class T, class F>
auto vec3(F f) {
  return [f](const T& self, const py::object& x, const py::object& y, const py::object& z) {
    return mapArrays3(x, y, z, [&](double a, double b, double c) { return f(self, a, b, c); });
  };
}

inline Flavour flavourOf(const std::string& name) { return parseFlavour(name); }
inline std::string nameOf(Flavour f) { return std::string(toString(f)); }

void bindCore(py::module_& m);
void bindFormFactor(py::module_& m);
void bindStructure(py::module_& m);
void bindXsec(py::module_& m);
void bindSource(py::module_& m);
void bindDetectorAndModels(py::module_& m);
void bindPves(py::module_& m);
void bindInelastic(py::module_& m);
void bindSupernova(py::module_& m);
void bindStrength(py::module_& m);
void bindGenerator(py::module_& m);

} // namespace lenu::python
