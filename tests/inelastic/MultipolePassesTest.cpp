// sigma(E_nu) sums the multipole series in passes (InelasticCrossSectionConfig::multipoleTolerance):
// J <= 3 first, the rest only if the series has not converged there. The skipped multipoles
// must change sigma by less than the tolerance and less than the geometric estimate the
// criterion reports; where the series has not converged, the passes give the full sum. Responses
// of a multipole range (NuclearResponse::continuumResponsesIn) equal those of the full set.
#include <cmath>
#include <filesystem>
#include <limits>
#include <memory>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "lenu/core/Error.hpp"
#include "lenu/core/Flavour.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/inelastic/InelasticCrossSection.hpp"
#include "lenu/inelastic/InelasticModels.hpp"

using namespace lenu;
using namespace lenu::inelastic;

namespace {
std::shared_ptr<const NuclearResponse> wsAr40(int maxJ) {
  static const NuclideTable t = NuclideTable::load();
  InelasticModelOptions o;
  o.model = "ws";
  o.maxJ = maxJ;
  return makeInelasticResponse("Ar40", ResponseMode::ChargedCurrentNu, o, t);
}
InelasticCrossSectionConfig everyMultipole() {
  InelasticCrossSectionConfig c;
  c.multipoleTolerance = 0.0;
  return c;
}
double sigmaOfJ(const InelasticSigma& s, int J) {
  double v = 0.0;
  for (const auto& [label, x] : s.byMultipole)
    if (std::stoi(label.substr(0, label.size() - 1)) == J) v += x;
  return v;
}
} // namespace

TEST(MultipolePasses, SkippedMultipolesStayBelowTheToleranceAndTheEstimate) {
  const auto r = wsAr40(8);
  const InelasticCrossSection fast(r, Flavour::NuE), full(r, Flavour::NuE, everyMultipole());
  int truncated = 0;
  for (double E : {12.0, 15.0, 20.0, 30.0, 40.0}) {
    const InelasticSigma a = fast.sigma(E), b = full.sigma(E);
    ASSERT_GT(b.total, 0.0) << E;
    EXPECT_EQ(b.highestJ, 8);
    EXPECT_EQ(b.skippedMultipolesEstimate, 0.0);
    const double skipped = b.total - a.total;
    std::printf("40Ar CC (WS), E = %4.0f MeV: highest J %d, skipped J > 3: %+.3e of sigma, estimate %.3e\n", E, a.highestJ,
                skipped / b.total, a.skippedMultipolesEstimate / b.total);
    EXPECT_LE(std::abs(skipped), 1e-4 * b.total) << E;
    if (a.highestJ == InelasticCrossSection::kMultipoleFirstPass) {
      ++truncated;
      EXPECT_LE(std::abs(skipped), a.skippedMultipolesEstimate) << E; // the estimate bounds the rest
      EXPECT_GT(a.skippedMultipolesEstimate, 0.0);
      // the reported highest multipole is the last one computed
      EXPECT_NEAR(a.highestMultipole, sigmaOfJ(a, 3), 1e-12 * b.total);
    } else {
      EXPECT_EQ(a.highestJ, 8);
      EXPECT_NEAR(a.total, b.total, 1e-12 * b.total) << E;
    }
    // the multipoles computed are the same in both (the discrete lines carry every J: only the
    // continuum of J > highestJ is skipped)
    for (const auto& [label, v] : a.byMultipole)
      if (std::stoi(label) <= a.highestJ) {
        EXPECT_NEAR(v, b.byMultipole.at(label), 1e-12 * b.total) << label;
      }
  }
  EXPECT_GE(truncated, 3); // the low energies converge at J = 3
}

TEST(MultipolePasses, HighEnergiesTakeEveryMultipole) {
  // At 100 MeV (q R ~ 4) the series has not converged at J = 3: both passes, the full sum.
  const auto r = wsAr40(8);
  const InelasticSigma a = InelasticCrossSection(r, Flavour::NuE).sigma(100.0);
  const InelasticSigma b = InelasticCrossSection(r, Flavour::NuE, everyMultipole()).sigma(100.0);
  EXPECT_EQ(a.highestJ, 8);
  EXPECT_EQ(a.skippedMultipolesEstimate, 0.0);
  EXPECT_GT(sigmaOfJ(b, 4), 1e-3 * b.total); // J = 4 matters here
  EXPECT_NEAR(a.total, b.total, 1e-12 * b.total);
  EXPECT_NEAR(a.highestMultipole, sigmaOfJ(b, 8), 1e-12 * b.total);
}

TEST(MultipolePasses, ResponsesOfARangeEqualThoseOfTheFullSet) {
  const auto r = wsAr40(6);
  const std::vector<double> q{20.0, 45.0, 80.0};
  const auto all = r->continuumResponses(25.0, q);
  const auto part = r->continuumResponsesIn(25.0, q, MultipoleRange{2, 3});
  ASSERT_EQ(part.size(), q.size());
  for (std::size_t i = 0; i < q.size(); ++i) {
    int seen = 0;
    for (const auto& m : part[i].byMultipole) {
      EXPECT_TRUE(m.J == 2 || m.J == 3) << m.J;
      for (const auto& f : all[i].byMultipole)
        if (f.J == m.J && f.parity == m.parity) {
          ++seen;
          EXPECT_EQ(m.W.T, f.W.T);
          EXPECT_EQ(m.W.CC, f.W.CC);
        }
    }
    EXPECT_EQ(seen, 4); // 2+, 2-, 3+, 3-
  }
}

TEST(MultipolePasses, ToleranceOutOfRangeIsRejected) {
  const auto r = wsAr40(2);
  for (double bad : {-1e-6, 0.02, std::numeric_limits<double>::quiet_NaN()}) {
    InelasticCrossSectionConfig c;
    c.multipoleTolerance = bad;
    try {
      const InelasticCrossSection xs(r, Flavour::NuE, c);
      FAIL() << "accepted multipoleTolerance = " << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
      EXPECT_NE(std::string(e.what()).find("multipoleTolerance"), std::string::npos) << e.what();
    }
  }
}

// CRPA: the blocks of a range only, and the disk cache keeps a range apart from the full set.
TEST(MultipolePasses, CrpaRangeMatchesTheFullSetAndIsCachedApart) {
  std::random_device rd;
  const auto dir = std::filesystem::temp_directory_path() / ("lenu-test-mpass-" + std::to_string(rd()));
  InelasticModelOptions mo;
  mo.model = "crpa";
  mo.maxJ = 3;
  mo.crpa.cacheDirectory = dir.string();
  const auto r = makeInelasticResponse("O16", ResponseMode::NeutralCurrent, mo, NuclideTable::load());
  const std::vector<double> q{60.0, 90.0};
  const auto part = r->continuumResponsesIn(24.0, q, MultipoleRange{2, 3}); // computed, stored
  const auto all = r->continuumResponses(24.0, q);                          // not read from the range's entry
  const auto again = r->continuumResponsesIn(24.0, q, MultipoleRange{2, 3}); // read back
  std::filesystem::remove_all(dir);
  for (std::size_t i = 0; i < q.size(); ++i) {
    EXPECT_EQ(all[i].byMultipole.size(), 8u); // J = 0..3, both parities
    ASSERT_EQ(part[i].byMultipole.size(), 4u);
    ASSERT_EQ(again[i].byMultipole.size(), 4u);
    for (std::size_t k = 0; k < part[i].byMultipole.size(); ++k) {
      const auto& m = part[i].byMultipole[k];
      EXPECT_TRUE(m.J == 2 || m.J == 3);
      EXPECT_EQ(m.W.T, again[i].byMultipole[k].W.T);
      for (const auto& f : all[i].byMultipole)
        if (f.J == m.J && f.parity == m.parity) {
          EXPECT_NEAR(m.W.T, f.W.T, 1e-12 * std::abs(f.W.T) + 1e-300);
          EXPECT_NEAR(m.W.CC, f.W.CC, 1e-12 * std::abs(f.W.CC) + 1e-300);
        }
    }
  }
}
