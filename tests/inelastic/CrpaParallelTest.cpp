// InelasticCrossSection::sigma evaluates its continuum omega nodes in parallel (OpenMP) and sums
// them in node order: the cross section must be bit-identical for 1 and 2 threads (CRPA, whose
// weak responses themselves run parallel loops over waves and multipole blocks), and an error
// raised by the response inside the parallel loop must reach the caller as that lenu::Error.
#include <cmath>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "lenu/core/Error.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/inelastic/InelasticCrossSection.hpp"
#include "lenu/inelastic/InelasticModels.hpp"

using namespace lenu;
using namespace lenu::inelastic;

namespace {
// A continuum response that fails above omega = 10 MeV (and is flat below).
class FailingResponse final : public NuclearResponse {
public:
  ResponseMode mode() const override { return ResponseMode::NeutralCurrent; }
  int targetZ() const override { return 8; }
  int targetA() const override { return 16; }
  double thresholdOmega() const override { return 5.0; }
  const std::vector<ResponseLine>& lines() const override { return m_lines; }
  std::vector<ResponseSet> lineResponses(std::size_t, std::span<const double> q) const override {
    return std::vector<ResponseSet>(q.size());
  }
  double continuumThreshold() const override { return 5.0; }
  std::vector<ResponseSet> continuumResponses(double omega, std::span<const double> q) const override {
    if (omega > 10.0) throw Error(ErrorCode::NotConverged, "FailingResponse: no response above 10 MeV");
    std::vector<ResponseSet> sets(q.size());
    for (auto& s : sets) s.add(0, 1, ResponseFunctions{1e-3, 0.0, 0.0, 0.0, 0.0});
    return sets;
  }
  int maxMultipole() const override { return 0; }
  std::string description() const override { return "failing test response"; }

private:
  std::vector<ResponseLine> m_lines;
};

#ifdef _OPENMP
struct ThreadCount {
  int saved = omp_get_max_threads();
  explicit ThreadCount(int n) { omp_set_num_threads(n); }
  ~ThreadCount() { omp_set_num_threads(saved); }
};
#endif
} // namespace

TEST(CrpaParallel, SigmaIsIdenticalForOneAndTwoThreads) {
#ifndef _OPENMP
  GTEST_SKIP() << "built without OpenMP";
#else
  InelasticModelOptions mo;
  mo.model = "crpa";
  mo.maxJ = 1;
  mo.crpa.diskCache = false;
  const auto r = makeInelasticResponse("O16", ResponseMode::NeutralCurrent, mo, NuclideTable::load());
  const InelasticCrossSection xs(r, Flavour::NuMu);
  InelasticSigma one, two;
  {
    const ThreadCount t(1);
    one = xs.sigma(35.0);
  }
  {
    const ThreadCount t(2);
    two = xs.sigma(35.0);
  }
  ASSERT_TRUE(std::isfinite(one.total));
  EXPECT_GT(one.total, 0.0);
  EXPECT_EQ(one.total, two.total); // same operations in the same order: bit-identical
  EXPECT_EQ(one.continuum, two.continuum);
  ASSERT_EQ(one.byMultipole.size(), two.byMultipole.size());
  for (const auto& [label, v] : one.byMultipole) EXPECT_EQ(v, two.byMultipole.at(label)) << label;
#endif
}

TEST(CrpaParallel, ErrorInsideTheParallelOmegaLoopReachesTheCaller) {
  const InelasticCrossSection xs(std::make_shared<FailingResponse>(), Flavour::NuMu);
  try {
    (void)xs.sigma(30.0);
    FAIL() << "sigma should have thrown";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::NotConverged);
    EXPECT_NE(std::string(e.what()).find("above 10 MeV"), std::string::npos) << e.what();
  }
  // With every energy transfer below 10 MeV (E_nu = 9.5 MeV) the same response works.
  EXPECT_GT(xs.sigma(9.5).total, 0.0);
}
