#include "core/reliability/krippendorff.h"

#include <gtest/gtest.h>

#include <optional>
#include <vector>

namespace ocindex::core {
namespace {

using Ratings = std::vector<std::vector<std::optional<double>>>;
constexpr std::nullopt_t kNa = std::nullopt;

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the worked example
// with missing data: 4 observers x 12 units (stored here unit by unit). The paper gives
// alpha = 0.743 (nominal), 0.815 (ordinal) and 0.849 (interval), rounded to 3 decimals.
// The same matrix is the example of R's irr::kripp.alpha and DescTools::KrippAlpha ("the
// C data from Krippendorff"; they put the lone rating of unit 12 under observer C, which
// changes nothing), and the Python package krippendorff tests it for ordinal 0.815.
Ratings PaperExample() {
  return {
      {1, 1, kNa, 1}, {2, 2, 3, 2}, {3, 3, 3, 3}, {3, 3, 3, 3}, {2, 2, 2, 2}, {1, 2, 3, 4},
      {4, 4, 4, 4},   {1, 1, 2, 1}, {2, 2, 2, 2}, {kNa, 5, 5, 5}, {kNa, kNa, 1, 1},
      {kNa, 3, kNa, kNa},  // a single rating: not pairable, contributes nothing
  };
}

TEST(KrippendorffAlpha, ReproducesThePaperExampleForEachMetric) {
  const Ratings data = PaperExample();
  auto nominal = KrippendorffAlpha(data, AlphaMetric::kNominal);
  auto ordinal = KrippendorffAlpha(data, AlphaMetric::kOrdinal);
  auto interval = KrippendorffAlpha(data, AlphaMetric::kInterval);
  ASSERT_TRUE(nominal.ok() && ordinal.ok() && interval.ok());
  EXPECT_NEAR(*nominal, 0.743, 0.0005);
  EXPECT_NEAR(*ordinal, 0.815, 0.0005);
  EXPECT_NEAR(*interval, 0.849, 0.0005);
}

// The computational example of the Wikipedia article "Krippendorff's alpha": 3 coders x
// 15 units, most units incomplete, two units with no rating at all. The Python package
// krippendorff (pln-fing-udelar/fast-krippendorff, tests/test_krippendorff.py) asserts
// nominal 0.691358 and interval 0.810845 to 6 decimals: a finer check than the paper's 3.
TEST(KrippendorffAlpha, MatchesThePythonPackageOnTheWikipediaExample) {
  const Ratings data = {
      {kNa, 1, kNa}, {kNa, kNa, kNa}, {kNa, 2, 2}, {kNa, 1, 1}, {kNa, 3, 3}, {3, 3, 4}, {4, 4, 4}, {1, 3, kNa},
      {2, kNa, 2},   {1, kNa, 1},     {1, kNa, 1}, {3, kNa, 3}, {3, kNa, 3}, {kNa, kNa, kNa}, {3, kNa, 4},
  };
  auto nominal = KrippendorffAlpha(data, AlphaMetric::kNominal);
  auto interval = KrippendorffAlpha(data, AlphaMetric::kInterval);
  ASSERT_TRUE(nominal.ok() && interval.ok());
  EXPECT_NEAR(*nominal, 0.691358, 5e-7);
  EXPECT_NEAR(*interval, 0.810845, 5e-7);
}

TEST(KrippendorffAlpha, UnitsWithOneRatingDoNotChangeAlpha) {
  Ratings data = PaperExample();
  const double before = *KrippendorffAlpha(data, AlphaMetric::kInterval);
  data.push_back({kNa, kNa, 9.0, kNa});
  EXPECT_DOUBLE_EQ(*KrippendorffAlpha(data, AlphaMetric::kInterval), before);
}

TEST(KrippendorffAlpha, PerfectAgreementIsOne) {
  const Ratings data = {{1, 1, kNa}, {2, 2, 2}, {5, kNa, 5}};
  EXPECT_DOUBLE_EQ(*KrippendorffAlpha(data, AlphaMetric::kInterval), 1.0);
  EXPECT_DOUBLE_EQ(*KrippendorffAlpha(data, AlphaMetric::kOrdinal), 1.0);
}

TEST(KrippendorffAlpha, SystematicDisagreementIsBelowZero) {
  const Ratings data = {{1, 2}, {2, 1}, {1, 2}, {2, 1}};
  EXPECT_LT(*KrippendorffAlpha(data, AlphaMetric::kInterval), 0.0);
}

TEST(KrippendorffAlpha, RejectsDataWithoutVariationOrPairs) {
  auto constant = KrippendorffAlpha({{3, 3}, {3, 3}}, AlphaMetric::kInterval);
  ASSERT_FALSE(constant.ok());
  EXPECT_NE(constant.error().message.find("undefined"), std::string::npos);
  auto unpaired = KrippendorffAlpha({{1, kNa}, {kNa, 2}}, AlphaMetric::kInterval);
  ASSERT_FALSE(unpaired.ok());
  EXPECT_NE(unpaired.error().message.find("pairable"), std::string::npos);
  auto ragged = KrippendorffAlpha({{1, 2}, {1}}, AlphaMetric::kInterval);
  ASSERT_FALSE(ragged.ok());
  EXPECT_NE(ragged.error().message.find("unit 2"), std::string::npos);
}

}  // namespace
}  // namespace ocindex::core
