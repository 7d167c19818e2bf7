#include "core/scoring/ranking.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "support/tiny_framework.h"

namespace ocindex::core {
namespace {

using test_support::AddCountry;
using test_support::AddIndicator;
using test_support::AddNode;
using test_support::Country;
using test_support::FlatFramework;
using test_support::Linked;
using test_support::NewFramework;
using test_support::R;

// Countries on the flat framework, where measure 0 ("p") is the score of "x".
struct Entry {
  std::string iso3;
  std::string continent;
  std::string region;
  const char* value;  // nullptr: not assessed
};

class RankingTest : public ::testing::Test {
 protected:
  void Add(const std::vector<Entry>& entries) {
    for (const Entry& e : entries) {
      const int row = dataset_.AddCountry(Country(e.iso3, e.continent, e.region));
      if (e.value != nullptr) dataset_.score(row, 0) = R(e.value);
    }
  }
  Scorecard Card() const {
    auto card = Scorecard::Compute(framework_, dataset_);
    EXPECT_TRUE(card.ok()) << card.error().ToString();
    return card.ok() ? *card : Scorecard();
  }
  std::vector<Rank> Ranks(Scope scope) const { return RankCountries(dataset_, Card(), 0, scope); }
  std::vector<int> Positions(Scope scope) const {
    std::vector<int> out;
    for (const Rank& rank : Ranks(scope)) out.push_back(rank.position);
    return out;
  }

  Framework framework_ = FlatFramework();
  Dataset dataset_ = Dataset::ShapedFor(framework_);
};

// ---------------------------------------------------------------- RankCountries

TEST_F(RankingTest, HighestFirstAndTiesShareTheBestPosition) {
  // Inserted out of order: positions follow values, not rows.
  Add({{"CCC", "A", "A1", "7"}, {"AAA", "A", "A1", "9"}, {"DDD", "A", "A1", "3"}, {"BBB", "A", "A1", "7"}});
  const std::vector<Rank> ranks = Ranks(Scope::kWorld);
  EXPECT_EQ(Positions(Scope::kWorld), (std::vector<int>{2, 1, 4, 2}));
  for (const Rank& rank : ranks) EXPECT_EQ(rank.of, 4);
  EXPECT_TRUE(ranks[0].tied);
  EXPECT_FALSE(ranks[1].tied);
  EXPECT_FALSE(ranks[2].tied);
  EXPECT_TRUE(ranks[3].tied);
}

TEST_F(RankingTest, ThreeWayTieAtTheTop) {
  Add({{"AAA", "A", "A1", "5"}, {"BBB", "A", "A1", "5"}, {"CCC", "A", "A1", "4.5"}, {"DDD", "A", "A1", "5"}});
  EXPECT_EQ(Positions(Scope::kWorld), (std::vector<int>{1, 1, 4, 1}));
  EXPECT_FALSE(Ranks(Scope::kWorld)[2].tied);
}

TEST_F(RankingTest, CountriesWithoutAValueAreUnrankedAndNotCounted) {
  Add({{"AAA", "A", "A1", "6"}, {"BBB", "A", "A1", nullptr}, {"CCC", "A", "A1", "8"}});
  const std::vector<Rank> ranks = Ranks(Scope::kWorld);
  EXPECT_EQ(ranks[0].position, 2);
  EXPECT_EQ(ranks[0].of, 2);
  EXPECT_EQ(ranks[1].position, 0);
  EXPECT_EQ(ranks[1].of, 0);
  EXPECT_FALSE(ranks[1].tied);
  EXPECT_EQ(ranks[2].position, 1);
  EXPECT_EQ(ranks[2].of, 2);
}

TEST_F(RankingTest, RanksOnRoundedValues) {
  // 6.934 and 6.9349 both publish as 6.93, so they tie although their exact values
  // differ; 6.935 publishes as 6.94 and ranks above them.
  Add({{"AAA", "A", "A1", "6.934"}, {"BBB", "A", "A1", "6.9349"}, {"CCC", "A", "A1", "6.935"},
       {"DDD", "A", "A1", "6.9251"}});
  const std::vector<Rank> ranks = Ranks(Scope::kWorld);
  EXPECT_EQ(Positions(Scope::kWorld), (std::vector<int>{2, 2, 1, 2}));
  EXPECT_TRUE(ranks[0].tied);
  EXPECT_TRUE(ranks[1].tied);
  EXPECT_FALSE(ranks[2].tied);
  EXPECT_TRUE(ranks[3].tied);  // 6.9251 also rounds to 6.93
}

TEST_F(RankingTest, ScopesRankWithinEachGroup) {
  Add({
      {"LBY", "Africa", "North Africa", "6.93"},
      {"EGY", "Africa", "North Africa", "5.5"},
      {"NGA", "Africa", "West Africa", "7.28"},
      {"GHA", "Africa", "West Africa", "5.2"},
      {"FRA", "Europe", "Western Europe", "5.5"},
      {"BEL", "Europe", "Western Europe", "5.65"},
      {"POL", "Europe", "East Europe", "4.55"},
  });
  // World: NGA 7.28, LBY 6.93, BEL 5.65, EGY/FRA 5.5, GHA 5.2, POL 4.55.
  EXPECT_EQ(Positions(Scope::kWorld), (std::vector<int>{2, 4, 1, 6, 4, 3, 7}));
  // Continents: Africa NGA, LBY, EGY, GHA; Europe BEL, FRA, POL.
  EXPECT_EQ(Positions(Scope::kContinent), (std::vector<int>{2, 3, 1, 4, 2, 1, 3}));
  // Regions: North Africa LBY, EGY; West Africa NGA, GHA; Western Europe BEL, FRA; East Europe POL.
  EXPECT_EQ(Positions(Scope::kRegion), (std::vector<int>{1, 2, 1, 2, 2, 1, 1}));

  const std::vector<Rank> world = Ranks(Scope::kWorld);
  const std::vector<Rank> continent = Ranks(Scope::kContinent);
  const std::vector<Rank> region = Ranks(Scope::kRegion);
  EXPECT_EQ(world[0].of, 7);
  EXPECT_EQ(continent[0].of, 4);
  EXPECT_EQ(continent[4].of, 3);
  EXPECT_EQ(region[0].of, 2);
  EXPECT_EQ(region[6].of, 1);
  // EGY and FRA tie in the world but not within their continents.
  EXPECT_TRUE(world[1].tied);
  EXPECT_TRUE(world[4].tied);
  EXPECT_FALSE(continent[1].tied);
  EXPECT_FALSE(continent[4].tied);
}

TEST_F(RankingTest, IndicatorMeasuresRankToo) {
  Add({{"AAA", "A", "A1", "2"}, {"BBB", "A", "A1", "9.5"}});
  const std::vector<Rank> ranks = RankCountries(dataset_, Card(), 1, Scope::kWorld);  // measure 1 = "x"
  EXPECT_EQ(ranks[0].position, 2);
  EXPECT_EQ(ranks[1].position, 1);
}

TEST_F(RankingTest, EmptyDatasetHasNoRanks) { EXPECT_TRUE(Ranks(Scope::kWorld).empty()); }

// ---------------------------------------------------------------- GroupMeans

TEST_F(RankingTest, GroupMeansAverageRoundedMemberValues) {
  // Published values 1.01 and 1.00: their mean 1.005 rounds half-up to 1.01, although
  // the exact values' mean, 1.0045, would round to 1.00.
  Add({{"AAA", "A", "A1", "1.006"}, {"BBB", "A", "A1", "1.003"}});
  const std::vector<GroupMean> means = GroupMeans(dataset_, Card(), 0, Scope::kWorld);
  ASSERT_EQ(means.size(), 1u);
  EXPECT_EQ(means[0].group, "World");
  EXPECT_EQ(means[0].members, 2);
  EXPECT_EQ(means[0].mean, Rational(201, 200));
  EXPECT_EQ(means[0].rounded, 101);
}

TEST_F(RankingTest, GroupMeansRoundHalfUpExactly) {
  // 2.67 and 2.68 average to 2.675 exactly, which is 2.68 (binary floating point gives 2.67).
  Add({{"AAA", "A", "A1", "2.67"}, {"BBB", "A", "A1", "2.68"}});
  const std::vector<GroupMean> means = GroupMeans(dataset_, Card(), 0, Scope::kWorld);
  ASSERT_EQ(means.size(), 1u);
  EXPECT_EQ(means[0].mean, R("2.675"));
  EXPECT_EQ(means[0].rounded, 268);
}

TEST_F(RankingTest, GroupMeansPerScopeInFirstSeenOrderSkippingUnassessed) {
  Add({
      {"FRA", "Europe", "Western Europe", "5.5"},
      {"LBY", "Africa", "North Africa", "6.93"},
      {"EGY", "Africa", "North Africa", "5"},
      {"NGA", "Africa", "West Africa", "7.28"},
      {"BEL", "Europe", "Western Europe", nullptr},
      {"POL", "Europe", "East Europe", "4.55"},
      {"ATA", "Antarctica", "Antarctica", nullptr},
  });
  const std::vector<GroupMean> world = GroupMeans(dataset_, Card(), 0, Scope::kWorld);
  ASSERT_EQ(world.size(), 1u);
  EXPECT_EQ(world[0].members, 5);
  // (5.5 + 6.93 + 5 + 7.28 + 4.55) / 5 = 29.26 / 5 = 5.852
  EXPECT_EQ(world[0].mean, R("5.852"));
  EXPECT_EQ(world[0].rounded, 585);

  const std::vector<GroupMean> continents = GroupMeans(dataset_, Card(), 0, Scope::kContinent);
  ASSERT_EQ(continents.size(), 2u);  // Antarctica has no member with a value
  EXPECT_EQ(continents[0].group, "Europe");
  EXPECT_EQ(continents[0].members, 2);
  EXPECT_EQ(continents[0].mean, R("5.025"));  // (5.5 + 4.55) / 2
  EXPECT_EQ(continents[0].rounded, 503);
  EXPECT_EQ(continents[1].group, "Africa");
  EXPECT_EQ(continents[1].members, 3);
  EXPECT_EQ(continents[1].mean, R("19.21") / 3);  // 6.40333...
  EXPECT_EQ(continents[1].rounded, 640);

  const std::vector<GroupMean> regions = GroupMeans(dataset_, Card(), 0, Scope::kRegion);
  ASSERT_EQ(regions.size(), 4u);
  EXPECT_EQ(regions[0].group, "Western Europe");
  EXPECT_EQ(regions[0].members, 1);
  EXPECT_EQ(regions[0].rounded, 550);
  EXPECT_EQ(regions[1].group, "North Africa");
  EXPECT_EQ(regions[1].rounded, 597);  // (6.93 + 5) / 2 = 5.965 -> 5.97
  EXPECT_EQ(regions[2].group, "West Africa");
  EXPECT_EQ(regions[3].group, "East Europe");
}

TEST_F(RankingTest, GroupMeansUseRoundedValuesOfComposites) {
  // A three-indicator pillar: means in thirds are not two-decimal numbers.
  Framework f = NewFramework();
  AddNode(f, "p", NodeKind::kPillar);
  AddIndicator(f, "x", "p");
  AddIndicator(f, "y", "p");
  AddIndicator(f, "z", "p");
  f = Linked(std::move(f));
  Dataset d = Dataset::ShapedFor(f);
  AddCountry(d, f, Country("AAA"), {{"x", "1"}, {"y", "1"}, {"z", "1.5"}});  // 7/6 = 1.1666 -> 1.17
  AddCountry(d, f, Country("BBB"), {{"x", "1"}, {"y", "1"}, {"z", "1.5"}});  // 1.17
  auto card = Scorecard::Compute(f, d);
  ASSERT_TRUE(card.ok());
  const std::vector<GroupMean> means = GroupMeans(d, *card, 0, Scope::kWorld);
  ASSERT_EQ(means.size(), 1u);
  EXPECT_EQ(means[0].mean, R("1.17"));  // not 7/6
  EXPECT_EQ(means[0].rounded, 117);
}

// ---------------------------------------------------------------- scopes

TEST(ScopeTest, NamesRoundTrip) {
  for (Scope scope : {Scope::kWorld, Scope::kContinent, Scope::kRegion}) {
    EXPECT_EQ(ParseScope(ScopeName(scope)), scope);
  }
  EXPECT_STREQ(ScopeName(Scope::kRegion), "region");
  EXPECT_EQ(ParseScope("galaxy"), std::nullopt);
  EXPECT_EQ(ParseScope(""), std::nullopt);
}

TEST(ScopeTest, ScopeGroupPicksTheField) {
  const CountryEntry libya{"LBY", "Libya", "Africa", "North Africa"};
  EXPECT_EQ(ScopeGroup(libya, Scope::kWorld), "World");
  EXPECT_EQ(ScopeGroup(libya, Scope::kContinent), "Africa");
  EXPECT_EQ(ScopeGroup(libya, Scope::kRegion), "North Africa");
}

// ---------------------------------------------------------------- Classify

class ClassifyTest : public ::testing::Test {
 protected:
  ClassifyTest() {
    Framework f = NewFramework();
    AddNode(f, "criminality", NodeKind::kPillar);
    AddNode(f, "resilience", NodeKind::kPillar);
    AddIndicator(f, "c", "criminality");
    AddIndicator(f, "r", "resilience");
    f.quadrant_x = "resilience";
    f.quadrant_y = "criminality";
    framework_ = Linked(std::move(f));
  }
  // Quadrant of a country with the given criminality and resilience (nullptr: not assessed).
  std::optional<Quadrant> Of(const char* criminality, const char* resilience) {
    Dataset d = Dataset::ShapedFor(framework_);
    d.AddCountry(test_support::Country("AAA"));
    if (criminality != nullptr) d.score(0, 0) = R(criminality);
    if (resilience != nullptr) d.score(0, 1) = R(resilience);
    auto card = Scorecard::Compute(framework_, d);
    EXPECT_TRUE(card.ok());
    return card.ok() ? Classify(framework_, *card, 0) : std::nullopt;
  }

  Framework framework_;
};

TEST_F(ClassifyTest, TheFourQuadrants) {
  EXPECT_EQ(Of("7", "2"), Quadrant::kHighCriminalityLowResilience);
  EXPECT_EQ(Of("7", "8"), Quadrant::kHighCriminalityHighResilience);
  EXPECT_EQ(Of("3", "2"), Quadrant::kLowCriminalityLowResilience);
  EXPECT_EQ(Of("3", "8"), Quadrant::kLowCriminalityHighResilience);
}

TEST_F(ClassifyTest, TheThresholdItselfCountsAsHigh) {
  EXPECT_EQ(Of("5.5", "5.5"), Quadrant::kHighCriminalityHighResilience);
  EXPECT_EQ(Of("5.50", "5.49"), Quadrant::kHighCriminalityLowResilience);
  EXPECT_EQ(Of("5.49", "5.50"), Quadrant::kLowCriminalityHighResilience);
  EXPECT_EQ(Of("5.49", "5.49"), Quadrant::kLowCriminalityLowResilience);
}

TEST_F(ClassifyTest, UsesThePublishedRoundedValue) {
  // 5.495 publishes as 5.50: high. 5.4949 publishes as 5.49: low.
  EXPECT_EQ(Of("5.495", "5.4949"), Quadrant::kHighCriminalityLowResilience);
}

TEST_F(ClassifyTest, MissingValueOrAxesGiveNoQuadrant) {
  EXPECT_EQ(Of("7", nullptr), std::nullopt);
  EXPECT_EQ(Of(nullptr, "7"), std::nullopt);
  framework_.quadrant_x.clear();
  EXPECT_EQ(Of("7", "7"), std::nullopt);
}

TEST_F(ClassifyTest, ThresholdComesFromTheFramework) {
  framework_.quadrant_threshold = 7;
  EXPECT_EQ(Of("6.99", "7"), Quadrant::kLowCriminalityHighResilience);
}

// Regression: the threshold was rounded to the published decimals first, so with a cut
// of 5.554 a published 5.55 counted as high.
TEST_F(ClassifyTest, ThresholdFinerThanThePublishedDecimalsIsNotRounded) {
  framework_.quadrant_threshold = R("5.554");
  EXPECT_EQ(Of("5.55", "5.56"), Quadrant::kLowCriminalityHighResilience);
}

TEST(QuadrantNameTest, NamesAreDistinct) {
  EXPECT_STREQ(QuadrantName(Quadrant::kHighCriminalityLowResilience), "high criminality, low resilience");
  EXPECT_STRNE(QuadrantName(Quadrant::kLowCriminalityHighResilience),
               QuadrantName(Quadrant::kLowCriminalityLowResilience));
}

}  // namespace
}  // namespace ocindex::core
