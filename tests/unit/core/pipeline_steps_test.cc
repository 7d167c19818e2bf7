// Pipeline steps on hand-computable columns: skewness and kurtosis, Winsorisation and
// the log fallback, normalisation, aggregation and its errors.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/pipeline/aggregate.h"
#include "core/pipeline/model.h"
#include "core/pipeline/normalise.h"
#include "core/pipeline/treat.h"

namespace ocindex::core::pipeline {
namespace {

// {0, 0, 0, 1}: mean 1/4, m2 = 3/4, m3 = 3/8, m4 = 21/64, so the type-2 skewness is
// 2 * (3/8) / (3/4)^1.5 * sqrt(12) / 2 = 2 and the excess kurtosis is
// ((5)(4 * 21/64 / (9/16) - 3) + 6) * 3 / 2 = 4 (as Excel's SKEW and KURT give).
TEST(Moments, TypeTwoSkewnessAndKurtosis) {
  const std::vector<double> x = {0, 0, 0, 1};
  EXPECT_NEAR(Skewness(x.data(), x.size()), 2.0, 1e-12);
  EXPECT_NEAR(Kurtosis(x.data(), x.size()), 4.0, 1e-12);
  const std::vector<double> with_gap = {0, kMissing, 0, 0, 1};
  EXPECT_NEAR(Skewness(with_gap.data(), with_gap.size()), 2.0, 1e-12);
  const std::vector<double> flat = {3, 3, 3, 3};
  EXPECT_TRUE(IsMissing(Skewness(flat.data(), flat.size())));
}

TEST(Treat, PassingColumnIsUntouched) {
  std::vector<double> x = {1, 2, 3, 4, 5, 6};
  std::vector<double> scratch(x.size());
  const TreatOutcome outcome = TreatColumn(x.data(), x.size(), TreatStep{}, scratch.data());
  EXPECT_EQ(outcome.treatment, Treatment::kNone);
  EXPECT_EQ(x, (std::vector<double>{1, 2, 3, 4, 5, 6}));
}

// 1..20 and 100: skewness 3.99, kurtosis 17.3, fails. Moving the 100 to 20 (the next
// value inwards) gives skewness -0.04, which passes.
TEST(Treat, WinsorisesTheHighOutlierToTheNextValue) {
  std::vector<double> x;
  for (int i = 1; i <= 20; ++i) x.push_back(i);
  x.push_back(100);
  std::vector<double> scratch(x.size());
  const TreatOutcome outcome = TreatColumn(x.data(), x.size(), TreatStep{}, scratch.data());
  EXPECT_EQ(outcome.treatment, Treatment::kWinsorised);
  EXPECT_EQ(outcome.winsorised, 1);
  EXPECT_TRUE(outcome.passes);
  EXPECT_EQ(x.back(), 20);
}

// 1..30 and two 200s: both move to 30 in one step.
TEST(Treat, TiedExtremesMoveTogether) {
  std::vector<double> x;
  for (int i = 1; i <= 30; ++i) x.push_back(i);
  x.push_back(200);
  x.push_back(200);
  std::vector<double> scratch(x.size());
  const TreatOutcome outcome = TreatColumn(x.data(), x.size(), TreatStep{}, scratch.data());
  EXPECT_EQ(outcome.treatment, Treatment::kWinsorised);
  EXPECT_EQ(outcome.winsorised, 2);
  EXPECT_EQ(x[30], 30);
  EXPECT_EQ(x[31], 30);
}

// 1..20, 60, 100: the 100 moves to 60 (still failing: skewness 2.36, kurtosis 5.40),
// then both 60s move to 20. Two points were Winsorised, not three moves; with winmax 1
// the test still fails after the first point, so the log fallback applies.
TEST(Treat, CountsWinsorisedPointsNotMoves) {
  std::vector<double> x;
  for (int i = 1; i <= 20; ++i) x.push_back(i);
  x.push_back(60);
  x.push_back(100);
  const std::vector<double> original = x;
  std::vector<double> scratch(x.size());
  TreatStep step;
  step.winmax = 2;
  const TreatOutcome outcome = TreatColumn(x.data(), x.size(), step, scratch.data());
  EXPECT_EQ(outcome.treatment, Treatment::kWinsorised);
  EXPECT_EQ(outcome.winsorised, 2);
  EXPECT_EQ(x[20], 20);
  EXPECT_EQ(x[21], 20);
  x = original;
  step.winmax = 1;
  EXPECT_EQ(TreatColumn(x.data(), x.size(), step, scratch.data()).treatment, Treatment::kLog);
}

// A long right tail that one Winsorised point cannot fix: with winmax 1 the original
// values are log-transformed: log(x - min + 0.01 (max - min)).
TEST(Treat, FallsBackToLogOfTheOriginalValues) {
  std::vector<double> x(40, 0.0);
  for (int i = 0; i < 8; ++i) x[static_cast<size_t>(i)] = std::pow(3.0, i);  // 1, 3, ..., 2187
  const std::vector<double> original = x;
  std::vector<double> scratch(x.size());
  TreatStep step;
  step.winmax = 1;
  const TreatOutcome outcome = TreatColumn(x.data(), x.size(), step, scratch.data());
  ASSERT_EQ(outcome.treatment, Treatment::kLog);
  const double a = 0.01 * 2187;
  for (size_t i = 0; i < x.size(); ++i) EXPECT_DOUBLE_EQ(x[i], std::log(original[i] + a)) << i;
}

// The mirror for a left tail keeps the order of units: -log(max + a - x).
TEST(Treat, NegativeSkewLogIsMirrored) {
  std::vector<double> x(40, 0.0);
  for (int i = 0; i < 8; ++i) x[static_cast<size_t>(i)] = -std::pow(3.0, i);
  const std::vector<double> original = x;
  std::vector<double> scratch(x.size());
  TreatStep step;
  step.winmax = 1;
  ASSERT_EQ(TreatColumn(x.data(), x.size(), step, scratch.data()).treatment, Treatment::kLog);
  const double a = 0.01 * 2187;
  for (size_t i = 0; i < x.size(); ++i) EXPECT_DOUBLE_EQ(x[i], -std::log(0 + a - original[i])) << i;
  EXPECT_LT(x[7], x[6]);  // the lowest value stays the lowest
  EXPECT_LT(x[6], x[39]);
}

Status Normalise(std::vector<double>& x, NormaliseStep step, NormaliseReference reference = {}) {
  std::vector<size_t> order(x.size());
  return NormaliseColumn(x.data(), x.size(), step, reference, "ind", order.data());
}

TEST(Normalise, MinMaxZScoreRankTargetGoalposts) {
  std::vector<double> x = {1, 2, kMissing, 3};
  ASSERT_TRUE(Normalise(x, {NormaliseMethod::kMinMax, 0, 100}));
  EXPECT_EQ(x[0], 0);
  EXPECT_EQ(x[1], 50);
  EXPECT_TRUE(IsMissing(x[2]));
  EXPECT_EQ(x[3], 100);

  x = {1, 2, 3};  // mean 2, sd 1
  ASSERT_TRUE(Normalise(x, {NormaliseMethod::kZScore, 10, 2}));
  EXPECT_EQ(x, (std::vector<double>{8, 10, 12}));

  x = {3, 1, 3, 2};
  ASSERT_TRUE(Normalise(x, {NormaliseMethod::kRank, 0, 0}));
  EXPECT_EQ(x, (std::vector<double>{3.5, 1, 3.5, 2}));

  x = {0, 5, 20};  // target 10: (x - 0) / 10, capped at 1
  NormaliseReference reference;
  reference.target = 10;
  ASSERT_TRUE(Normalise(x, {NormaliseMethod::kTarget, 0, 100}, reference));
  EXPECT_EQ(x, (std::vector<double>{0, 50, 100}));

  x = {-5, 5, 15};  // goalposts 0 and 10, clipped
  reference.goalpost_low = 0;
  reference.goalpost_high = 10;
  ASSERT_TRUE(Normalise(x, {NormaliseMethod::kGoalposts, 0, 1}, reference));
  EXPECT_EQ(x, (std::vector<double>{0, 0.5, 1}));
}

TEST(Normalise, UndefinedCasesNameTheIndicator) {
  std::vector<double> x = {4, 4, 4};
  Status status = Normalise(x, {NormaliseMethod::kMinMax, 0, 100});
  ASSERT_FALSE(status);
  EXPECT_NE(status.error().message.find("indicator ind"), std::string::npos);
  EXPECT_FALSE(Normalise(x, {NormaliseMethod::kZScore, 0, 1}));
  x = {1, 2};
  EXPECT_FALSE(Normalise(x, {NormaliseMethod::kTarget, 0, 1}, NormaliseReference{1, 0, 0}));
}

struct Aggregation {
  std::vector<std::vector<double>> children;
  std::vector<double> weights;
  std::vector<std::string> units = {"AAA", "BBB"};

  Result<std::vector<double>> Run(AggregateStep step) const {
    const size_t n = children[0].size();
    std::vector<const double*> columns;
    for (const auto& c : children) columns.push_back(c.data());
    std::vector<const std::string*> codes;
    for (const auto& u : units) codes.push_back(&u);
    std::vector<double> out(n), sum(n), weight_sum(n);
    Status status = AggregateNode(columns, weights, n, step, out.data(), sum.data(), weight_sum.data(), "pillar", codes);
    if (!status) return status.error();
    return out;
  }
};

TEST(Aggregate, MeansOfTwoUnits) {
  // Unit 1: children 4 and 1; unit 2: 1 and 7. Equal weights.
  const Aggregation a{{{4, 1}, {1, 7}}, {1, 1}};
  EXPECT_EQ(*a.Run({AggregationMethod::kArithmetic, 1}), (std::vector<double>{2.5, 4}));
  auto geometric = *a.Run({AggregationMethod::kGeometric, 1});
  EXPECT_NEAR(geometric[0], 2, 1e-15);              // sqrt(4 * 1)
  EXPECT_NEAR(geometric[1], std::sqrt(7.0), 1e-15);
  auto harmonic = *a.Run({AggregationMethod::kHarmonic, 1});
  EXPECT_NEAR(harmonic[0], 1.6, 1e-15);             // 2 / (1/4 + 1)
  auto quadratic = *a.Run({AggregationMethod::kGeneralised, 2});
  EXPECT_NEAR(quadratic[1], 5, 1e-15);              // sqrt((1 + 49) / 2)
  auto p0 = *a.Run({AggregationMethod::kGeneralised, 0});
  EXPECT_NEAR(p0[0], 2, 1e-15);
}

TEST(Aggregate, WeightsAreRenormalisedOverPresentValues) {
  // Unit 1: 2, missing, 4 with weights 1, 5, 1 -> 3; unit 2: all missing -> missing.
  const Aggregation a{{{2, kMissing}, {kMissing, kMissing}, {4, kMissing}}, {1, 5, 1}};
  auto out = *a.Run({AggregationMethod::kArithmetic, 1});
  EXPECT_EQ(out[0], 3);
  EXPECT_TRUE(IsMissing(out[1]));
}

TEST(Aggregate, GeometricOfZeroNamesUnitNodeAndValue) {
  const Aggregation a{{{4, 0}, {1, 7}}, {1, 1}};
  auto out = a.Run({AggregationMethod::kGeometric, 1});
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().message, "unit BBB, node pillar: the geometric mean needs values > 0, got 0");
  const Aggregation negative{{{4, 2}, {-1, 7}}, {1, 1}};
  auto harmonic = negative.Run({AggregationMethod::kHarmonic, 1});
  ASSERT_FALSE(harmonic);
  EXPECT_NE(harmonic.error().message.find("unit AAA"), std::string::npos);
  EXPECT_NE(harmonic.error().message.find("got -1"), std::string::npos);
  EXPECT_FALSE(negative.Run({AggregationMethod::kGeneralised, 3}));  // a negative mean has no real cube root here
  EXPECT_TRUE(negative.Run({AggregationMethod::kGeneralised, 1}));   // p = 1 is the arithmetic mean
}

}  // namespace
}  // namespace ocindex::core::pipeline
