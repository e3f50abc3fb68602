#include <cmath>
#include <memory>

#include <gtest/gtest.h>

#include "lenu/core/Error.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/detector/DetectorResponse.hpp"
#include "lenu/detector/TargetMaterial.hpp"

using namespace lenu;

TEST(Quenching, Models) {
  EXPECT_DOUBLE_EQ(ConstantQuenching(0.0878).electronEquivalent(10.0 * units::keV), 0.878 * units::keV);
  const PolynomialQuenching lar({0.246, 0.00078});
  EXPECT_NEAR(lar.factor(20.0 * units::keV), 0.246 + 0.0156, 1e-12);
  // Lindhard with the theory's k = 0.133 Z^(2/3) A^(-1/2): germanium (Z=32, A=73) gives
  // QF ~ 0.2 at 10 keVnr (standard value range 0.20-0.25)
  const LindhardQuenching ge(0.133 * std::pow(32.0, 2.0 / 3.0) / std::sqrt(73.0), 32);
  EXPECT_GT(ge.factor(10.0 * units::keV), 0.18);
  EXPECT_LT(ge.factor(10.0 * units::keV), 0.26);
  EXPECT_LT(ge.factor(1.0 * units::keV), ge.factor(10.0 * units::keV)); // rises with energy
  EXPECT_THROW(ConstantQuenching(1.5), Error);
  EXPECT_THROW(LindhardQuenching(-0.1, 32), Error);
}

TEST(TargetMaterial, CompoundsAndIsotopes) {
  const auto table = NuclideTable::load();
  const auto csi = TargetMaterial::fromFormula("CsI", table);
  ASSERT_EQ(csi.components().size(), 2U);
  EXPECT_NEAR(csi.formulaMassU(), 132.905452 + 126.904473, 1e-3);
  // 14.6 kg CsI = 3.384e25 formula units
  EXPECT_NEAR(csi.nucleiOf(0, 14.6) / 3.3843e25, 1.0, 1e-3);
  const auto c3f8 = TargetMaterial::fromFormula("C3F8", table);
  double carbon = 0.0;
  double fluorine = 0.0;
  for (const auto& c : c3f8.components()) {
    (c.nuclide.symbol == "C" ? carbon : fluorine) += c.atomsPerFormulaUnit;
  }
  EXPECT_NEAR(carbon, 3.0, 1e-9);
  EXPECT_NEAR(fluorine, 8.0, 1e-9);
  EXPECT_EQ(TargetMaterial::fromFormula("Xe", table).components().size(), 9U);
  EXPECT_EQ(TargetMaterial::singleIsotope("Ar40", table).components().front().atomsPerFormulaUnit, 1.0);
  EXPECT_THROW(TargetMaterial::fromFormula("csi", table), Error);
  EXPECT_THROW(TargetMaterial::fromFormula("Qq2", table), Error);
}

// Probability conservation: with unit efficiency the folded response sums to one, for Poisson
// photo-statistics and for Gaussian resolution; detectionProbability agrees with the fold.
TEST(DetectorResponse, FoldingConservesProbability) {
  DetectorResponseConfig pe;
  pe.quenching = std::make_shared<ConstantQuenching>(0.0878);
  pe.lightYield = 13.348;
  const DetectorResponse rpe(pe);
  std::vector<double> edges;
  for (int i = 0; i <= 200; ++i) {
    edges.push_back(i - 0.5);
  }
  std::vector<double> out(edges.size() - 1, 0.0);
  rpe.fold(20.0 * units::keV, 1.0, edges, out);
  double sum = 0.0;
  double mean = 0.0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    sum += out[i];
    mean += out[i] * static_cast<double>(i);
  }
  EXPECT_NEAR(sum, 1.0, 1e-10);
  EXPECT_NEAR(mean, 13.348 * 0.0878 * 20.0, 1e-8); // Poisson mean
  EXPECT_NEAR(rpe.detectionProbability(20.0 * units::keV), 1.0, 1e-10);

  DetectorResponseConfig ee;
  ee.quenching = std::make_shared<PolynomialQuenching>(std::vector<double>{0.246, 0.00078});
  ee.resolutionA = 0.58;
  const DetectorResponse ree(ee);
  std::vector<double> e2;
  for (int i = 0; i <= 400; ++i) {
    e2.push_back(-20.0 + 0.25 * i);
  }
  std::vector<double> o2(e2.size() - 1, 0.0);
  ree.fold(30.0 * units::keV, 2.0, e2, o2);
  double s2 = 0.0;
  for (double v : o2) {
    s2 += v;
  }
  // the threshold at 0 keVee removes the Gaussian tail below zero
  const double mu2 = (0.246 + 0.00078 * 30.0) * 30.0;
  const double sig2 = 0.58 * std::sqrt(mu2);
  EXPECT_NEAR(s2, 2.0 * 0.5 * std::erfc(-mu2 / (std::sqrt(2.0) * sig2)), 1e-9);

  // a threshold removes the probability below it, consistently in fold and detectionProbability
  pe.threshold = 3.0;
  const DetectorResponse thr(pe);
  std::vector<double> o3(edges.size() - 1, 0.0);
  thr.fold(2.0 * units::keV, 1.0, edges, o3);
  double s3 = 0.0;
  for (double v : o3) {
    s3 += v;
  }
  const double mu = 13.348 * 0.0878 * 2.0;
  const double below = std::exp(-mu) * (1.0 + mu + mu * mu / 2.0);
  EXPECT_NEAR(s3, 1.0 - below, 1e-10);
  EXPECT_NEAR(thr.detectionProbability(2.0 * units::keV), 1.0 - below, 1e-10);
}

TEST(Efficiency, Curves) {
  const LogisticEfficiency l({0.6655, 0.4942, 10.8507, 0.0, 5.0});
  EXPECT_EQ(l(4.9), 0.0);
  EXPECT_NEAR(l(10.8507), 0.6655 / 2.0, 1e-12);
  EXPECT_NEAR(l(100.0), 0.6655, 1e-9);
  const TabulatedEfficiency t({0.0, 10.0}, {0.0, 1.0}, "ramp");
  EXPECT_NEAR(t(2.5), 0.25, 1e-12);
  EXPECT_EQ(t(20.0), 1.0);
  EXPECT_THROW(TabulatedEfficiency({0.0, 1.0}, {0.5, 1.5}, "bad"), Error);
  const StepEfficiency s({5.0, 6.0}, {0.5}, 1.0, "half");
  EXPECT_EQ(s(5.5), 0.5);
  EXPECT_EQ(s(7.0), 1.0);
}
