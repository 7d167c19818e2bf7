#include "core/scoring/ranked_edition.h"

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/scoring/country_summary.h"
#include "support/tiny_framework.h"

namespace ocindex::core {
namespace {

// The definition of a rank, counted pair by pair: 1 + the members of the group with a
// greater value; `of` the members with a value; tied when another has the same.
Rank RankByDefinition(const std::vector<int>& groups, const std::vector<std::optional<int64_t>>& values, size_t c,
                      int* equals) {
  *equals = 0;
  if (!values[c]) return Rank{};
  Rank rank{1, 0, false};
  for (size_t o = 0; o < values.size(); ++o) {
    if (groups[o] != groups[c] || !values[o]) continue;
    ++rank.of;
    if (*values[o] > *values[c]) ++rank.position;
    if (o != c && *values[o] == *values[c]) ++*equals;
  }
  rank.tied = *equals > 0;
  return rank;
}

TEST(RankWithinGroupsTest, AgreesWithTheDefinitionOnManyTiesAndGaps) {
  std::mt19937 random(7);
  for (int trial = 0; trial < 50; ++trial) {
    const size_t n = 1 + random() % 300;
    std::vector<int> groups(n);
    std::vector<std::optional<int64_t>> values(n);
    for (size_t c = 0; c < n; ++c) {
      groups[c] = static_cast<int>(random() % 5);
      // Few distinct values, so ties are common; one in six not assessed.
      if (random() % 6 != 0) values[c] = static_cast<int64_t>(random() % 12) * 50;
    }
    std::vector<int> equals;
    const std::vector<Rank> ranks = RankWithinGroups(groups, values, &equals);
    ASSERT_EQ(ranks.size(), n);
    for (size_t c = 0; c < n; ++c) {
      int expected_equals = 0;
      const Rank expected = RankByDefinition(groups, values, c, &expected_equals);
      EXPECT_EQ(ranks[c].position, expected.position) << "trial " << trial << " country " << c;
      EXPECT_EQ(ranks[c].of, expected.of) << "trial " << trial << " country " << c;
      EXPECT_EQ(ranks[c].tied, expected.tied) << "trial " << trial << " country " << c;
      EXPECT_EQ(equals[c], expected_equals) << "trial " << trial << " country " << c;
    }
  }
}

// A random edition of the mini GOCI: 3 continents, 7 regions, scores on a coarse grid.
class RankedEditionTest : public ::testing::Test {
 protected:
  RankedEditionTest() {
    std::mt19937 random(11);
    const char* continents[] = {"Africa", "Americas", "Asia"};
    for (int c = 0; c < 120; ++c) {
      const int region = static_cast<int>(random() % 7);
      const int row = edition_.dataset.AddCountry(test_support::Country(
          "C" + std::to_string(c), continents[region % 3], "Region " + std::to_string(region)));
      for (int i = 0; i < static_cast<int>(edition_.framework.indicators.size()); ++i) {
        if (random() % 8 == 0) continue;  // not assessed
        edition_.dataset.score(row, i) = Rational(2 + static_cast<int64_t>(random() % 17), 2);
      }
    }
    auto card = Scorecard::Compute(edition_.framework, edition_.dataset);
    EXPECT_TRUE(card.ok()) << card.error().ToString();
    card_ = std::move(*card);
  }

  Edition edition_{test_support::MiniGoci(), Dataset::ShapedFor(test_support::MiniGoci())};
  Scorecard card_;
};

TEST_F(RankedEditionTest, RanksAndAveragesAreThoseOfEachMeasureAndScope) {
  const RankedEdition ranked(edition_, card_);
  for (int m = 0; m < edition_.framework.measure_count(); ++m) {
    for (size_t s = 0; s < kScopes.size(); ++s) {
      const std::vector<Rank> ranks = RankCountries(edition_.dataset, card_, m, kScopes[s]);
      const std::vector<GroupMean> means = GroupMeans(edition_.dataset, card_, m, kScopes[s]);
      for (int c = 0; c < edition_.dataset.country_count(); ++c) {
        const Rank& rank = ranked.rank(c, m, s);
        EXPECT_EQ(rank.position, ranks[static_cast<size_t>(c)].position);
        EXPECT_EQ(rank.of, ranks[static_cast<size_t>(c)].of);
        EXPECT_EQ(rank.tied, ranks[static_cast<size_t>(c)].tied);
        std::optional<int64_t> expected;
        const std::string& group = ScopeGroup(edition_.dataset.countries[static_cast<size_t>(c)], kScopes[s]);
        for (const GroupMean& mean : means) {
          if (mean.group == group) expected = mean.rounded;
        }
        EXPECT_EQ(ranked.average(c, m, s), expected) << "measure " << m << " scope " << s << " country " << c;
      }
    }
  }
}

// A profile reads the ranked edition: the same figures as ranking the measures anew.
TEST_F(RankedEditionTest, SummaryTakesItsFiguresFromTheRankedEdition) {
  const RankedEdition ranked(edition_, card_);
  auto summary = SummarizeCountry(ranked, nullptr, "C42");
  ASSERT_TRUE(summary.ok()) << summary.error().ToString();
  const int country = *edition_.dataset.FindCountry("C42");
  ASSERT_EQ(static_cast<int>(summary->measures.size()), edition_.framework.measure_count());
  for (const MeasureSummary& row : summary->measures) {
    EXPECT_EQ(row.current.value, card_.rounded(country, row.measure));
    for (size_t s = 0; s < kScopes.size(); ++s) {
      EXPECT_EQ(row.current.ranks[s].position,
                RankCountries(edition_.dataset, card_, row.measure, kScopes[s])[static_cast<size_t>(country)].position);
      EXPECT_EQ(row.current.averages[s], ranked.average(country, row.measure, s));
    }
  }
}

}  // namespace
}  // namespace ocindex::core
