// Why two figures differ: contributions sum exactly to the difference of the exact
// composites, between countries and between editions (raw and like-for-like), and the
// rounded waterfall sums to the published difference to the last decimal.
#include "core/decision/decomposition.h"

#include <gtest/gtest.h>

#include "core/decision/effective_weights.h"
#include "core/model/rounding.h"
#include "support/bundled_core_edition.h"
#include "support/tiny_framework.h"

namespace ocindex::core {
namespace {

using test_support::R;

Rational Sum(const Decomposition& d, bool like = false) {
  Rational sum = 0;
  for (const Contribution& row : d.rows) sum += like ? row.like_for_like.value_or(0) : row.total();
  return sum;
}

// The waterfall as printed: every contribution and the rounding, at decimals + 2 places.
void ExpectWaterfallSums(const Decomposition& d) {
  std::vector<Rational> parts;
  for (const Contribution& row : d.rows) parts.push_back(row.total());
  parts.push_back(d.rounding);
  const int64_t total = (d.published_a - d.published_b) * 100;
  const std::vector<int64_t> units = RoundToTotal(parts, total, d.decimals + 2);
  int64_t sum = 0;
  for (int64_t u : units) sum += u;
  EXPECT_EQ(sum, total);
}

TEST(EffectiveWeights, FollowTheMeansAndSkipNotAssessed) {
  const Framework f = test_support::MiniGoci();
  Dataset d = Dataset::ShapedFor(f);
  test_support::AddCountry(d, f, test_support::Country("AAA"),
                           {{"human_trafficking", "5"}, {"human_smuggling", "5"}, {"extortion", "5"},
                            {"mafia_groups", "5"}, {"criminal_networks", "5"}});  // heroin not assessed
  const std::vector<Rational> w =
      EffectiveWeights(f, std::span(d.scores).subspan(0, f.indicators.size()), *f.FindNode("criminality"));
  EXPECT_EQ(w[static_cast<size_t>(*f.FindIndicator("human_trafficking"))], Rational(1, 6));  // half of a third
  EXPECT_EQ(w[static_cast<size_t>(*f.FindIndicator("heroin_trade"))], Rational(0));
  EXPECT_EQ(w[static_cast<size_t>(*f.FindIndicator("mafia_groups"))], Rational(1, 4));
  EXPECT_EQ(w[static_cast<size_t>(*f.FindIndicator("judicial_system"))], Rational(0));
}

TEST(Decomposition, TwoCountriesWorkedByHand) {
  const Framework f = test_support::MiniGoci();
  Dataset d = Dataset::ShapedFor(f);
  test_support::AddCountry(d, f, test_support::Country("AAA"),
                           {{"political_leadership", "6"}, {"transparency", "5"}, {"judicial_system", "4"}});
  test_support::AddCountry(d, f, test_support::Country("BBB"),
                           {{"political_leadership", "3"}, {"transparency", "5"}, {"judicial_system", "3.5"}});
  auto result = ExplainCountries(Edition{f, d}, 0, 1, *f.FindNode("resilience"));
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  // 5 - 3.8333... = 1.1666...: leadership 3/3 = 1, judicial 0.5/3, transparency 0.
  ASSERT_EQ(result->rows.size(), 3u);
  EXPECT_EQ(result->rows[0].indicator, "political_leadership");
  EXPECT_EQ(result->rows[0].total(), Rational(1));
  EXPECT_EQ(result->rows[1].indicator, "judicial_system");
  EXPECT_EQ(result->rows[1].total(), Rational(1, 6));
  EXPECT_EQ(result->rows[2].total(), Rational(0));
  EXPECT_EQ(result->published_a, 500);
  EXPECT_EQ(result->published_b, 383);
  EXPECT_EQ(result->rounding, R("1.17") - Rational(7, 6));
  EXPECT_EQ(RoundToTotal({Rational(1), Rational(1, 6), Rational(0), result->rounding}, 11700, 4),
            (std::vector<int64_t>{10000, 1667, 0, 33}));
}

TEST(Decomposition, CountryContributionsSumExactlyOnTheBundledEdition) {
  const Edition e = test::BundledCoreEdition("2025");
  const int n = e.dataset.country_count();
  for (const char* measure : {"criminality", "resilience", "criminal_markets"}) {
    const int m = *e.framework.FindNode(measure);
    for (int a = 0; a < n; a += 7) {
      const int b = (a * 31 + 5) % n;
      auto result = ExplainCountries(e, a, b, m);
      ASSERT_TRUE(result.ok()) << result.error().ToString();
      EXPECT_EQ(Sum(*result), result->value_a - result->value_b) << measure << " " << a << " " << b;
      ExpectWaterfallSums(*result);
    }
  }
}

TEST(Decomposition, EditionContributionsSeparateAddedIndicators) {
  const test_support::EditionPair pair = test_support::SmallEditions();
  auto result = ExplainEditions(pair.before, pair.after, "AAA", "criminality");
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  // 2021: markets (6+4)/2 = 5, actors 7 -> 6. 2023: markets (6+4+9)/3, actors 7 -> 6.6666...
  EXPECT_EQ(result->value_b, Rational(6));
  EXPECT_EQ(result->value_a, Rational(20, 3));
  EXPECT_EQ(Sum(*result), Rational(2, 3));
  const Contribution* cyber = nullptr;
  for (const Contribution& row : result->rows) {
    if (row.indicator == "cyber_crimes") cyber = &row;
  }
  ASSERT_NE(cyber, nullptr);
  EXPECT_EQ(cyber->kind, ContributionKind::kOnlyA);
  EXPECT_EQ(cyber->total(), Rational(3, 2));  // 9 at weight 1/6
  EXPECT_FALSE(cyber->like_for_like);
  // Like-for-like the scores did not move.
  ASSERT_TRUE(result->like_a && result->like_b);
  EXPECT_EQ(*result->like_a, *result->like_b);
  EXPECT_EQ(Sum(*result, true), Rational(0));
}

TEST(Decomposition, EditionContributionsSumExactlyForEveryCountry) {
  for (const auto& [from, to] : {std::pair{"2021", "2023"}, {"2023", "2025"}}) {
    const Edition before = test::BundledCoreEdition(from);
    const Edition after = test::BundledCoreEdition(to);
    for (const CountryEntry& country : after.dataset.countries) {
      if (!before.dataset.FindCountry(country.iso3)) continue;
      for (const char* measure : {"criminality", "resilience"}) {
        auto result = ExplainEditions(before, after, country.iso3, measure);
        ASSERT_TRUE(result.ok()) << result.error().ToString();
        EXPECT_EQ(Sum(*result), result->value_a - result->value_b) << country.iso3 << " " << measure;
        ASSERT_TRUE(result->like_a && result->like_b);
        EXPECT_EQ(Sum(*result, true), *result->like_a - *result->like_b) << country.iso3 << " " << measure;
        ExpectWaterfallSums(*result);
      }
    }
  }
}

}  // namespace
}  // namespace ocindex::core
