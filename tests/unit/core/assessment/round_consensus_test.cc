// Consensus proposals (the median rounded to the scale), spread, and robust z-scores,
// with every expected figure worked out by hand.
#include "core/assessment/consensus.h"

#include <gtest/gtest.h>

#include <cmath>

#include "support/tiny_framework.h"

namespace ocindex::core::assessment {
namespace {

using test_support::R;

const Framework& Goci() {
  static const Framework framework = test_support::MiniGoci();
  return framework;
}

std::vector<Rational> Values(std::initializer_list<const char*> texts) {
  std::vector<Rational> values;
  for (const char* text : texts) values.push_back(R(text));
  return values;
}

TEST(Consensus, RoundsToTheNearestHalfStepWithHalvesUp) {
  EXPECT_EQ(RoundToScale(R("5.25"), Goci()), R("5.5"));
  EXPECT_EQ(RoundToScale(R("5.75"), Goci()), R("6"));
  EXPECT_EQ(RoundToScale(R("5.2"), Goci()), R("5"));
  EXPECT_EQ(RoundToScale(R("5.3"), Goci()), R("5.5"));
  EXPECT_EQ(RoundToScale(R("6.5"), Goci()), R("6.5"));
  EXPECT_EQ(RoundToScale(R("10.4"), Goci()), R("10"));
  EXPECT_EQ(RoundToScale(R("0.6"), Goci()), R("1"));
}

TEST(Consensus, MedianOfAnOddCountIsTheMiddleScore) {
  EXPECT_EQ(Median(Values({"7", "4", "5"})), R("5"));
  auto consensus = ConsensusOf(Values({"7", "4", "5"}), Goci());
  ASSERT_TRUE(consensus);
  EXPECT_EQ(consensus->proposal, R("5"));
  EXPECT_EQ(consensus->spread, R("3"));
  EXPECT_EQ(consensus->count, 3);
  EXPECT_TRUE(consensus->wide);
}

TEST(Consensus, MedianOfAnEvenCountIsTheMiddleMeanRoundedHalfUp) {
  EXPECT_EQ(Median(Values({"5", "6"})), R("5.5"));
  EXPECT_EQ(ConsensusOf(Values({"5", "6"}), Goci())->proposal, R("5.5"));
  EXPECT_EQ(Median(Values({"5", "5.5"})), R("5.25"));
  EXPECT_EQ(ConsensusOf(Values({"5", "5.5"}), Goci())->proposal, R("5.5"));  // 5.25 goes up
  EXPECT_EQ(ConsensusOf(Values({"9", "6.5", "7", "6"}), Goci())->proposal, R("7"));  // (6.5 + 7) / 2 = 6.75
  EXPECT_EQ(ConsensusOf(Values({"4", "4.5", "2", "8"}), Goci())->proposal, R("4.5"));  // 4.25 goes up
}

TEST(Consensus, SpreadOfOneAndAHalfIsWide) {
  EXPECT_FALSE(ConsensusOf(Values({"5", "6"}), Goci())->wide);
  EXPECT_TRUE(ConsensusOf(Values({"5", "6.5"}), Goci())->wide);
  EXPECT_TRUE(ConsensusOf(Values({"5", "5.5", "7"}), Goci())->wide);
  EXPECT_FALSE(ConsensusOf(Values({"5"}), Goci())->wide);
  EXPECT_EQ(ConsensusOf(Values({"5"}), Goci())->spread, R("0"));
  EXPECT_FALSE(ConsensusOf({}, Goci()).has_value());
}

TEST(RobustZ, UsesTheMedianAbsoluteDeviation) {
  // median 5; deviations 0.5 0 0 0.5 4 -> MAD 0.5; scale 1.4826 * 0.5 = 0.7413
  const std::vector<double> z = RobustZ(Values({"4.5", "5", "5", "5.5", "9"}));
  ASSERT_EQ(z.size(), 5u);
  EXPECT_NEAR(z[0], -0.5 / 0.7413, 1e-9);
  EXPECT_NEAR(z[1], 0.0, 1e-12);
  EXPECT_NEAR(z[4], 4.0 / 0.7413, 1e-9);
  EXPECT_GT(z[4], kOutlierZ);
}

TEST(RobustZ, ModerateValuesStayUnderTheThreshold) {
  // median 5; deviations 1 0 0 1 5 -> MAD 1; z of 10 = 5 / 1.4826 = 3.37
  const std::vector<double> z = RobustZ(Values({"4", "5", "5", "6", "10"}));
  EXPECT_NEAR(z[4], 5.0 / 1.4826, 1e-9);
  EXPECT_LT(z[4], kOutlierZ);
}

TEST(RobustZ, ZeroMadFallsBackToTheMeanAbsoluteDeviation) {
  // median 5, MAD 0; mean absolute deviation 4 / 5 = 0.8; scale 1.253314 * 0.8
  std::vector<double> z = RobustZ(Values({"5", "5", "5", "5", "9"}));
  EXPECT_NEAR(z[4], 4.0 / (1.253314 * 0.8), 1e-9);
  EXPECT_GT(z[4], kOutlierZ);
  EXPECT_EQ(z[0], 0.0);
  // median 5, MAD 0, mean deviation 1 / 3: z of 6 = 1 / 0.417771 = 2.39, not an outlier
  z = RobustZ(Values({"5", "6", "5"}));
  EXPECT_NEAR(z[1], 3.0 / 1.253314, 1e-9);
  EXPECT_LT(z[1], kOutlierZ);
}

TEST(RobustZ, EqualValuesAllScoreZero) {
  for (double z : RobustZ(Values({"6", "6", "6", "6"}))) EXPECT_EQ(z, 0.0);
  EXPECT_TRUE(RobustZ({}).empty());
  for (double z : RobustZ(Values({"3", "7", "7", "3", "5"}))) EXPECT_TRUE(std::isfinite(z));
}

}  // namespace
}  // namespace ocindex::core::assessment
