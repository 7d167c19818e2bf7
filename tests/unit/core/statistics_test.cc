// Correlations, Cronbach's alpha and PCA on fixtures small enough to work by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "core/analytics/statistics.h"

namespace ocindex::core::analytics {
namespace {

constexpr double kNa = std::numeric_limits<double>::quiet_NaN();

// x = 1, 2, 3 and y = 1, 3, 2: deviations (-1, 0, 1) and (-1, 1, 0), so
// r = 1 / sqrt(2 * 2) = 0.5.
TEST(Correlation, PearsonByHand) {
  const std::vector<double> x = {1, 2, 3};
  const std::vector<double> y = {1, 3, 2};
  EXPECT_NEAR(Pearson(x.data(), y.data(), 3), 0.5, 1e-15);
  const std::vector<double> down = {9, 6, 3};
  EXPECT_NEAR(Pearson(x.data(), down.data(), 3), -1, 1e-15);
}

TEST(Correlation, PairwiseCompleteAndUndefined) {
  const std::vector<double> x = {1, 2, kNa, 3};
  const std::vector<double> y = {1, 3, 100, 2};
  EXPECT_NEAR(Pearson(x.data(), y.data(), 4), 0.5, 1e-15);
  const std::vector<double> flat = {5, 5, 5, 5};
  EXPECT_TRUE(std::isnan(Pearson(x.data(), flat.data(), 4)));
}

// y = x^2 is monotone: Spearman 1 where Pearson is below 1.
TEST(Correlation, SpearmanUsesRanks) {
  const std::vector<double> x = {1, 2, 3, 4};
  const std::vector<double> y = {1, 4, 9, 16};
  EXPECT_NEAR(Spearman(x.data(), y.data(), 4), 1, 1e-15);
  EXPECT_LT(Pearson(x.data(), y.data(), 4), 0.99);
  // Ties share the mean rank: x ranks 1, 2.5, 2.5, 4 against 1, 2, 3, 4.
  const std::vector<double> tied = {1, 2, 2, 3};
  const double r = Spearman(tied.data(), x.data(), 4);
  EXPECT_NEAR(r, 4.5 / std::sqrt(4.5 * 5), 1e-15);
}

// Items (1, 2, 3) and (1, 3, 2): variances 1 and 1, row sums (2, 5, 5) with variance 3:
// alpha = 2 * (1 - 2/3) = 2/3. Identical items give 1.
TEST(Cronbach, AlphaByHand) {
  const std::vector<double> a = {1, 2, 3, kNa};
  const std::vector<double> b = {1, 3, 2, 7};
  EXPECT_NEAR(CronbachAlpha({a.data(), b.data()}, 4), 2.0 / 3, 1e-15);
  EXPECT_NEAR(CronbachAlpha({a.data(), a.data(), a.data()}, 3), 1, 1e-15);
  EXPECT_TRUE(std::isnan(CronbachAlpha({a.data()}, 3)));
}

// Two variables with r = 0.5: eigenvalues 1.5 and 0.5, first component (1, 1)/sqrt 2.
TEST(Pca, TwoVariables) {
  const std::vector<double> x = {1, 2, 3};
  const std::vector<double> y = {1, 3, 2};
  auto pca = Pca({x.data(), y.data()}, 3);
  ASSERT_TRUE(pca) << pca.error().ToString();
  EXPECT_NEAR(pca->eigenvalues[0], 1.5, 1e-12);
  EXPECT_NEAR(pca->eigenvalues[1], 0.5, 1e-12);
  EXPECT_NEAR(pca->explained[0], 0.75, 1e-12);
  EXPECT_NEAR(pca->loadings[0][0], std::sqrt(0.5), 1e-12);
  EXPECT_NEAR(pca->loadings[0][1], std::sqrt(0.5), 1e-12);
}

// Three copies of one column: every r = 1, so the eigenvalues are 3, 0, 0 and the
// first component weighs each copy 1/sqrt(3).
TEST(Pca, PerfectlyCorrelatedColumns) {
  const std::vector<double> x = {1, 2, 4, 8};
  auto pca = Pca({x.data(), x.data(), x.data()}, 4);
  ASSERT_TRUE(pca);
  EXPECT_NEAR(pca->eigenvalues[0], 3, 1e-12);
  EXPECT_NEAR(pca->eigenvalues[1], 0, 1e-12);
  EXPECT_NEAR(pca->explained[0], 1, 1e-12);
  for (double loading : pca->loadings[0]) EXPECT_NEAR(loading, 1 / std::sqrt(3.0), 1e-12);
}

TEST(Pca, ClearErrors) {
  const std::vector<double> x = {1, 2, 3};
  const std::vector<double> flat = {2, 2, 2};
  EXPECT_FALSE(Pca({x.data()}, 3));
  EXPECT_FALSE(Pca({x.data(), flat.data()}, 3));
  const std::vector<double> gaps = {1, kNa, 3};
  EXPECT_FALSE(Pca({x.data(), gaps.data()}, 3));  // 2 complete rows
}

}  // namespace
}  // namespace ocindex::core::analytics
