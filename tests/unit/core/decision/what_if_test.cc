// What-if against a full recomputation: random scenarios on the bundled 2025 edition
// give the same composites, ranks in every scope for every country, quadrants and
// group means as Scorecard::Compute and RankCountries on the changed dataset.
#include "core/decision/what_if.h"

#include <gtest/gtest.h>

#include <random>

#include "core/scoring/ranked_edition.h"
#include "core/scoring/country_summary.h"
#include "support/bundled_core_edition.h"
#include "support/tiny_framework.h"

namespace ocindex::core {
namespace {

using test_support::R;

TEST(Scenario, ParsesShiftsAndSets) {
  auto shift = ParseAdjustment("law_enforcement=+1");
  ASSERT_TRUE(shift.ok());
  EXPECT_EQ(shift->kind, AdjustmentKind::kShift);
  EXPECT_EQ(shift->amount, Rational(1));
  EXPECT_EQ(AdjustmentText(*shift), "law_enforcement=+1");
  auto down = ParseAdjustment("law_enforcement=-0.5");
  ASSERT_TRUE(down.ok());
  EXPECT_EQ(down->amount, R("-0.5"));
  EXPECT_EQ(AdjustmentText(*down), "law_enforcement=-0.5");
  auto set = ParseAdjustment("heroin_trade=4");
  ASSERT_TRUE(set.ok());
  EXPECT_EQ(set->kind, AdjustmentKind::kSet);
  EXPECT_EQ(AdjustmentText(*set), "heroin_trade=4");
  for (const char* bad : {"heroin_trade", "=4", "heroin_trade=", "heroin_trade=four"}) {
    EXPECT_FALSE(ParseAdjustment(bad).ok()) << bad;
  }
}

TEST(Scenario, ClampsToTheScaleAndComposesInOrder) {
  const Framework f = test_support::MiniGoci();
  Dataset d = Dataset::ShapedFor(f);
  test_support::AddCountry(d, f, test_support::Country("AAA"), {{"heroin_trade", "9"}, {"transparency", "2"}});
  Scenario scenario{"", {{"AAA", "heroin_trade", AdjustmentKind::kShift, 3},
                         {"AAA", "transparency", AdjustmentKind::kSet, 4},
                         {"AAA", "Government transparency", AdjustmentKind::kShift, R("-0.5")}}};
  auto changes = ApplyScenario(f, d, scenario);
  ASSERT_TRUE(changes.ok()) << changes.error().ToString();
  ASSERT_EQ(changes->size(), 2u);
  EXPECT_EQ((*changes)[0].after, Rational(10));
  EXPECT_TRUE((*changes)[0].clamped);
  EXPECT_EQ((*changes)[1].before, Rational(2));
  EXPECT_EQ((*changes)[1].after, R("3.5"));
  EXPECT_FALSE((*changes)[1].clamped);
}

TEST(Scenario, RejectsWhatItCannotApply) {
  const Framework f = test_support::MiniGoci();
  Dataset d = Dataset::ShapedFor(f);
  test_support::AddCountry(d, f, test_support::Country("AAA"), {{"heroin_trade", "5"}});
  auto code = [&](Adjustment adjustment) {
    auto result = ApplyScenario(f, d, Scenario{"", {std::move(adjustment)}});
    return result.ok() ? ErrorCode::kInternal : result.error().code;
  };
  EXPECT_EQ(code({"ZZZ", "heroin_trade", AdjustmentKind::kShift, 1}), ErrorCode::kNotFound);
  EXPECT_EQ(code({"AAA", "no_such", AdjustmentKind::kShift, 1}), ErrorCode::kNotFound);
  EXPECT_EQ(code({"AAA", "criminality", AdjustmentKind::kShift, 1}), ErrorCode::kNotFound);
  EXPECT_EQ(code({"AAA", "mafia_groups", AdjustmentKind::kShift, 1}), ErrorCode::kInvalidInput);  // not assessed
  EXPECT_EQ(code({"AAA", "heroin_trade", AdjustmentKind::kShift, R("0.3")}), ErrorCode::kInvalidInput);
  EXPECT_EQ(code({"AAA", "heroin_trade", AdjustmentKind::kSet, R("4.25")}), ErrorCode::kInvalidInput);
}

// The figures a full recomputation gives for the changed dataset.
struct Recomputed {
  Scorecard card;
  std::vector<std::vector<std::vector<Rank>>> ranks;  // [measure][scope][country]
};

Recomputed Recompute(const Edition& edition) {
  auto card = Scorecard::Compute(edition.framework, edition.dataset);
  EXPECT_TRUE(card.ok());
  Recomputed out{*card, {}};
  for (int m = 0; m < edition.framework.measure_count(); ++m) {
    auto& scopes = out.ranks.emplace_back();
    for (Scope scope : kScopes) scopes.push_back(RankCountries(edition.dataset, out.card, m, scope));
  }
  return out;
}

TEST(WhatIf, AgreesWithAFullRecomputationOnRandomScenarios) {
  const Edition edition = test::BundledCoreEdition("2025");
  auto card = Scorecard::Compute(edition.framework, edition.dataset);
  ASSERT_TRUE(card.ok());
  const RankedEdition base(edition, *card);
  const Recomputed published = Recompute(edition);
  std::mt19937 random(20251206);
  const int n = edition.dataset.country_count();
  const int indicators = static_cast<int>(edition.framework.indicators.size());
  for (int trial = 0; trial < 25; ++trial) {
    Scenario scenario;
    const int countries = 1 + trial % 3;
    for (int k = 0; k < countries; ++k) {
      const int c = std::uniform_int_distribution<int>(0, n - 1)(random);
      for (int a = 0; a < 1 + trial % 4; ++a) {
        const int i = std::uniform_int_distribution<int>(0, indicators - 1)(random);
        if (!edition.dataset.score(c, i)) continue;
        const bool set = std::uniform_int_distribution<int>(0, 2)(random) == 0;
        const int half_steps = set ? std::uniform_int_distribution<int>(2, 20)(random)
                                   : std::uniform_int_distribution<int>(-8, 8)(random);
        scenario.adjustments.push_back(Adjustment{edition.dataset.countries[static_cast<size_t>(c)].iso3,
                                                  edition.framework.indicators[static_cast<size_t>(i)].id,
                                                  set ? AdjustmentKind::kSet : AdjustmentKind::kShift,
                                                  Rational(half_steps, 2)});
      }
    }
    auto result = WhatIf(base, scenario);
    ASSERT_TRUE(result.ok()) << result.error().ToString();
    Edition changed = edition;
    for (const ScoreChange& change : result->changes) changed.dataset.score(change.country, change.indicator) = change.after;
    const Recomputed full = Recompute(changed);
    for (int m = 0; m < edition.framework.measure_count(); ++m) {
      for (size_t s = 0; s < kScopes.size(); ++s) {
        for (int c = 0; c < n; ++c) {
          const Rank& expected = full.ranks[static_cast<size_t>(m)][s][static_cast<size_t>(c)];
          const Rank& got = result->ranks_after[base.Index(c, m, s)];
          ASSERT_EQ(got.position, expected.position) << "trial " << trial << " measure " << m << " scope " << s << " country " << c;
          ASSERT_EQ(got.of, expected.of);
          ASSERT_EQ(got.tied, expected.tied) << "trial " << trial << " measure " << m << " country " << c;
          const Rank& before = published.ranks[static_cast<size_t>(m)][s][static_cast<size_t>(c)];
          const bool listed = std::any_of(result->knock_on.begin(), result->knock_on.end(), [&](const KnockOn& k) {
            return k.country == c && k.measure == m && k.scope == s;
          });
          const bool changed_country = std::any_of(result->countries.begin(), result->countries.end(),
                                                   [c](const CountryOutcome& o) { return o.country == c; });
          EXPECT_EQ(listed, edition.framework.IsNode(m) && !changed_country && before.position != expected.position);
        }
      }
    }
    for (const CountryOutcome& outcome : result->countries) {
      EXPECT_EQ(outcome.quadrant_after, Classify(changed.framework, full.card, outcome.country));
      for (const MeasureOutcome& row : outcome.measures) {
        EXPECT_EQ(row.after, full.card.rounded(outcome.country, row.measure));
        EXPECT_EQ(row.before, card->rounded(outcome.country, row.measure));
      }
    }
    for (const AverageOutcome& average : result->averages) {
      for (const GroupMean& mean : GroupMeans(changed.dataset, full.card, average.measure, kScopes[average.scope])) {
        if (mean.group == average.group) {
          EXPECT_EQ(average.after, mean.rounded);
          EXPECT_EQ(average.members, mean.members);
        }
      }
    }
  }
}

TEST(WhatIf, RaisingOneCountryPushesTheOnesItPassesDown) {
  const Framework f = test_support::FlatFramework();
  Dataset d = Dataset::ShapedFor(f);
  test_support::AddCountry(d, f, test_support::Country("AAA"), {{"x", "3"}});
  test_support::AddCountry(d, f, test_support::Country("BBB"), {{"x", "5"}});
  test_support::AddCountry(d, f, test_support::Country("CCC"), {{"x", "7"}});
  const Edition edition{f, d};
  auto card = Scorecard::Compute(f, d);
  ASSERT_TRUE(card.ok());
  const RankedEdition base(edition, *card);
  auto result = WhatIf(base, Scenario{"", {{"AAA", "x", AdjustmentKind::kShift, 3}}});
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->countries.size(), 1u);
  const MeasureOutcome& p = result->countries[0].measures[0];  // the pillar
  EXPECT_EQ(p.before, 300);
  EXPECT_EQ(p.after, 600);
  EXPECT_EQ(p.ranks_before[0].position, 3);
  EXPECT_EQ(p.ranks_after[0].position, 2);
  ASSERT_EQ(result->knock_on.size(), 3u);  // BBB in the world, continent and region
  EXPECT_EQ(result->knock_on[0].country, 1);
  EXPECT_EQ(result->knock_on[0].before.position, 2);
  EXPECT_EQ(result->knock_on[0].after.position, 3);
  ASSERT_FALSE(result->averages.empty());
  EXPECT_EQ(result->averages[0].before, 500);  // (3 + 5 + 7) / 3
  EXPECT_EQ(result->averages[0].after, 600);   // (6 + 5 + 7) / 3
}

}  // namespace
}  // namespace ocindex::core
