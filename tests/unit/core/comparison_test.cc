#include "core/scoring/comparison.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "support/tiny_framework.h"

namespace ocindex::core {
namespace {

using test_support::SmallEditions;

// The two editions of test_support::SmallEditions.
class ComparisonTest : public ::testing::Test {
 protected:
  ComparisonTest() {
    test_support::EditionPair editions = SmallEditions();
    before_ = std::move(editions.before);
    after_ = std::move(editions.after);
  }

  EditionComparison Compare(const std::string& measure, Scope scope = Scope::kWorld) const {
    auto comparison = CompareEditions(before_, after_, measure, scope);
    EXPECT_TRUE(comparison.ok()) << comparison.error().ToString();
    return comparison.ok() ? *comparison : EditionComparison{};
  }
  static const CountryChange* Find(const EditionComparison& comparison, const std::string& iso3) {
    for (const CountryChange& change : comparison.countries) {
      if (change.iso3 == iso3) return &change;
    }
    return nullptr;
  }

  Edition before_;
  Edition after_;
};

TEST_F(ComparisonTest, ListsSharedAddedAndDroppedIndicators) {
  const EditionComparison c = Compare("criminal_markets");
  EXPECT_EQ(c.before_edition, "2021");
  EXPECT_EQ(c.after_edition, "2023");
  EXPECT_EQ(c.shared_indicators,
            (std::vector<std::string>{"human_trafficking", "heroin_trade", "mafia_groups", "judicial_system"}));
  EXPECT_EQ(c.only_after, std::vector<std::string>{"cyber_crimes"});
  EXPECT_EQ(c.only_before, std::vector<std::string>{"old_resilience"});
  EXPECT_EQ(c.decimals, 2);
  EXPECT_EQ(c.scope, Scope::kWorld);
}

TEST_F(ComparisonTest, MatchesCountriesByIso3InAfterEditionOrder) {
  const EditionComparison c = Compare("criminal_markets");
  // DDD is new in 2023 and CCC left after 2021: neither can be compared.
  ASSERT_EQ(c.countries.size(), 3u);
  EXPECT_EQ(c.countries[0].iso3, "BBB");
  EXPECT_EQ(c.countries[1].iso3, "AAA");
  EXPECT_EQ(c.countries[2].iso3, "EEE");
}

// An added indicator moves the raw figure but not the like-for-like one.
TEST_F(ComparisonTest, AnAddedIndicatorChangesRawButNotLikeForLike) {
  const EditionComparison c = Compare("criminal_markets");
  const CountryChange* aaa = Find(c, "AAA");
  ASSERT_NE(aaa, nullptr);
  // 2021: (6 + 4) / 2 = 5. 2023 raw: (6 + 4 + 9) / 3 = 6.333; like-for-like: (6 + 4) / 2 = 5.
  EXPECT_EQ(aaa->raw_before.value, 500);
  EXPECT_EQ(aaa->raw_after.value, 633);
  EXPECT_EQ(aaa->like_before.value, 500);
  EXPECT_EQ(aaa->like_after.value, 500);
  EXPECT_EQ(aaa->raw_change(), 133);
  EXPECT_EQ(aaa->like_change(), 0);
}

TEST_F(ComparisonTest, RawAndLikeForLikeCanMoveInOppositeDirections) {
  const EditionComparison c = Compare("criminal_markets");
  const CountryChange* bbb = Find(c, "BBB");
  ASSERT_NE(bbb, nullptr);
  // 2021: (5 + 5) / 2 = 5. 2023 raw: (7 + 5 + 1) / 3 = 4.333; like-for-like: (7 + 5) / 2 = 6.
  EXPECT_EQ(bbb->raw_before.value, 500);
  EXPECT_EQ(bbb->raw_after.value, 433);
  EXPECT_EQ(bbb->like_after.value, 600);
  EXPECT_EQ(bbb->raw_change(), -67);
  EXPECT_EQ(bbb->like_change(), 100);
}

TEST_F(ComparisonTest, RanksAreThoseOfEachEditionAndView) {
  const EditionComparison c = Compare("criminal_markets");
  const CountryChange* aaa = Find(c, "AAA");
  const CountryChange* bbb = Find(c, "BBB");
  ASSERT_NE(aaa, nullptr);
  ASSERT_NE(bbb, nullptr);
  // 2021 markets: CCC 8, AAA 5, BBB 5; EEE has none.
  EXPECT_EQ(aaa->raw_before.rank.position, 2);
  EXPECT_EQ(aaa->raw_before.rank.of, 3);
  EXPECT_TRUE(aaa->raw_before.rank.tied);
  EXPECT_EQ(bbb->raw_before.rank.position, 2);
  // 2023 raw: AAA 6.33, DDD 5, BBB 4.33, EEE 4.
  EXPECT_EQ(aaa->raw_after.rank.position, 1);
  EXPECT_EQ(bbb->raw_after.rank.position, 3);
  EXPECT_EQ(bbb->raw_after.rank.of, 4);
  // 2023 like-for-like: BBB 6, AAA 5, DDD 5, EEE 4.
  EXPECT_EQ(bbb->like_after.rank.position, 1);
  EXPECT_EQ(aaa->like_after.rank.position, 2);
  EXPECT_TRUE(aaa->like_after.rank.tied);
}

TEST_F(ComparisonTest, ScopeAppliesToTheRanks) {
  const EditionComparison c = Compare("criminal_markets", Scope::kContinent);
  EXPECT_EQ(c.scope, Scope::kContinent);
  const CountryChange* bbb = Find(c, "BBB");
  const CountryChange* eee = Find(c, "EEE");
  ASSERT_NE(bbb, nullptr);
  ASSERT_NE(eee, nullptr);
  // Africa 2023 raw: AAA 6.33, BBB 4.33. Europe 2023 raw: DDD 5, EEE 4.
  EXPECT_EQ(bbb->raw_after.rank.position, 2);
  EXPECT_EQ(bbb->raw_after.rank.of, 2);
  EXPECT_EQ(eee->raw_after.rank.position, 2);
  EXPECT_EQ(eee->raw_after.rank.of, 2);
}

TEST_F(ComparisonTest, NoChangeWhenOneSideHasNoValue) {
  const EditionComparison c = Compare("criminal_markets");
  const CountryChange* eee = Find(c, "EEE");
  ASSERT_NE(eee, nullptr);
  EXPECT_EQ(eee->raw_before.value, std::nullopt);
  EXPECT_EQ(eee->raw_before.rank.position, 0);
  EXPECT_EQ(eee->raw_after.value, 400);
  EXPECT_EQ(eee->raw_change(), std::nullopt);
  EXPECT_EQ(eee->like_change(), std::nullopt);
}

// A dropped indicator moves the raw figure but not the like-for-like one.
TEST_F(ComparisonTest, ADroppedIndicatorChangesRawButNotLikeForLike) {
  const EditionComparison c = Compare("resilience");
  const CountryChange* aaa = Find(c, "AAA");
  const CountryChange* bbb = Find(c, "BBB");
  ASSERT_NE(aaa, nullptr);
  ASSERT_NE(bbb, nullptr);
  // AAA 2021: raw (3 + 5) / 2 = 4, like 3; 2023: 3.
  EXPECT_EQ(aaa->raw_before.value, 400);
  EXPECT_EQ(aaa->like_before.value, 300);
  EXPECT_EQ(aaa->raw_change(), -100);
  EXPECT_EQ(aaa->like_change(), 0);
  // BBB 2021: raw (4 + 2) / 2 = 3, like 4; 2023: 4.
  EXPECT_EQ(bbb->raw_change(), 100);
  EXPECT_EQ(bbb->like_change(), 0);
}

TEST_F(ComparisonTest, PillarsAverageRestrictedComponents) {
  const EditionComparison c = Compare("criminality");
  const CountryChange* aaa = Find(c, "AAA");
  ASSERT_NE(aaa, nullptr);
  // 2021: (5 + 7) / 2 = 6. 2023 raw: (19/3 + 7) / 2 = 20/3 = 6.67; like-for-like: (5 + 7) / 2 = 6.
  EXPECT_EQ(aaa->raw_before.value, 600);
  EXPECT_EQ(aaa->raw_after.value, 667);
  EXPECT_EQ(aaa->like_after.value, 600);
  EXPECT_EQ(aaa->raw_change(), 67);
  EXPECT_EQ(aaa->like_change(), 0);
}

TEST_F(ComparisonTest, ASharedIndicatorIsTheSameInBothViews) {
  const EditionComparison c = Compare("human_trafficking");
  const CountryChange* bbb = Find(c, "BBB");
  ASSERT_NE(bbb, nullptr);
  EXPECT_EQ(bbb->raw_before.value, 500);
  EXPECT_EQ(bbb->raw_after.value, 700);
  EXPECT_EQ(bbb->raw_change(), 200);
  EXPECT_EQ(bbb->like_change(), 200);
}

TEST_F(ComparisonTest, MeasureMayBeNamedByNameOrHeader) {
  const EditionComparison c = Compare("Criminal Markets");
  EXPECT_EQ(c.measure_id, "criminal_markets");
  EXPECT_EQ(c.measure_name, "Criminal markets");
  ASSERT_FALSE(c.countries.empty());
  EXPECT_EQ(c.countries[0].raw_after.value, 433);
}

TEST_F(ComparisonTest, AMeasureMissingFromEitherEditionIsNotFound) {
  for (const char* measure : {"cyber_crimes", "cyber", "old_resilience", "no_such_thing"}) {
    auto comparison = CompareEditions(before_, after_, measure, Scope::kWorld);
    ASSERT_FALSE(comparison.ok()) << measure;
    EXPECT_EQ(comparison.error().code, ErrorCode::kNotFound) << measure;
  }
}

TEST(CountryChangeTest, ChangesNeedBothValues) {
  CountryChange change;
  EXPECT_EQ(change.raw_change(), std::nullopt);
  change.raw_before.value = 693;
  EXPECT_EQ(change.raw_change(), std::nullopt);
  change.raw_after.value = 650;
  EXPECT_EQ(change.raw_change(), -43);
  change.like_after.value = 650;
  EXPECT_EQ(change.like_change(), std::nullopt);
}

}  // namespace
}  // namespace ocindex::core
