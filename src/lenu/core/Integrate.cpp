#include "lenu/core/Integrate.hpp"

#include <memory>

#include <fmt/format.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>

#include "lenu/core/Error.hpp"
#include "lenu/core/GslError.hpp"

namespace lenu {
namespace {

struct WorkspaceDeleter {
  void operator()(gsl_integration_workspace* w) const { gsl_integration_workspace_free(w); }
};

double trampoline(double x, void* p) {
  return (*static_cast<const std::function<double(double)>*>(p))(x);
}

template <class Call>
double run(const std::function<double(double)>& f, double a, double b, const QuadratureConfig& cfg,
           const char* method, Call&& call) {
  // GSL's default handler aborts; lenu reports errors through return codes (GslError.hpp).
  gsl::useReturnCodes();
  std::unique_ptr<gsl_integration_workspace, WorkspaceDeleter> ws(
      gsl_integration_workspace_alloc(cfg.maxIntervals));
  if (!ws) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{} integration: gsl_integration_workspace_alloc({}) failed", method, cfg.maxIntervals));
  }
  gsl_function gf{&trampoline, const_cast<std::function<double(double)>*>(&f)};
  double result = 0.0;
  double abserr = 0.0;
  const int status = call(&gf, ws.get(), &result, &abserr);
  if (status != GSL_SUCCESS) {
    throw Error(ErrorCode::NotConverged,
                fmt::format("{} integration over [{}, {}] did not converge: {} (result {}, error "
                            "estimate {}, requested abs {} rel {}, {} intervals)",
                            method, a, b, gsl_strerror(status), result, abserr, cfg.absTol,
                            cfg.relTol, cfg.maxIntervals));
  }
  return result;
}

} // namespace

double integrate(const std::function<double(double)>& f, double a, double b,
                 const QuadratureConfig& cfg) {
  if (a == b) {
    return 0.0;
  }
  return run(f, a, b, cfg, "QAG", [&](gsl_function* gf, gsl_integration_workspace* ws, double* r, double* e) {
    return gsl_integration_qag(gf, a, b, cfg.absTol, cfg.relTol, cfg.maxIntervals, cfg.gaussKronrodKey,
                               ws, r, e);
  });
}

double integrateSingular(const std::function<double(double)>& f, double a, double b,
                         const QuadratureConfig& cfg) {
  if (a == b) {
    return 0.0;
  }
  return run(f, a, b, cfg, "QAGS", [&](gsl_function* gf, gsl_integration_workspace* ws, double* r, double* e) {
    return gsl_integration_qags(gf, a, b, cfg.absTol, cfg.relTol, cfg.maxIntervals, ws, r, e);
  });
}

GaussLegendre::GaussLegendre(std::size_t n, double a, double b) : x(n), w(n) {
  gsl::useReturnCodes();
  gsl_integration_glfixed_table* t = n > 0 ? gsl_integration_glfixed_table_alloc(n) : nullptr;
  if (t == nullptr) {
    throw Error(ErrorCode::InvalidArgument, fmt::format("Gauss-Legendre rule: gsl_integration_glfixed_table_alloc({}) "
                                                        "failed (need n >= 1)", n));
  }
  for (std::size_t i = 0; i < n; ++i) {
    gsl_integration_glfixed_point(a, b, i, &x[i], &w[i], t);
  }
  gsl_integration_glfixed_table_free(t);
}

} // namespace lenu
