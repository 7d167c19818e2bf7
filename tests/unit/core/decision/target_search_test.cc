// What it takes, checked against brute force: on small indexes (a short scale, a few
// movable indicators) every combination of scores is recomputed in full, and the
// search must find the same least cost, list only plans that reach the target at that
// cost, and list all of them when there are no more than the limit.
#include "core/decision/target_search.h"

#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <set>

#include "core/scoring/ranked_edition.h"
#include "core/scoring/country_summary.h"
#include "support/tiny_framework.h"

namespace ocindex::core {
namespace {

using test_support::R;

// MiniGoci on a 1..3 scale, with `countries` random countries (all assessed).
Edition RandomEdition(std::mt19937& random, int countries) {
  Framework f = test_support::MiniGociUnlinked();
  f.scale_max = 3;
  f.quadrant_threshold = 2;
  f = test_support::Linked(std::move(f));
  Dataset d = Dataset::ShapedFor(f);
  const char* regions[] = {"North", "South"};
  for (int c = 0; c < countries; ++c) {
    const int row = d.AddCountry(test_support::Country(std::string(1, static_cast<char>('A' + c)) + "AA", "Africa",
                                                       regions[c % 2]));
    for (int i = 0; i < static_cast<int>(f.indicators.size()); ++i) {
      d.score(row, i) = Rational(std::uniform_int_distribution<int>(2, 6)(random), 2);
    }
  }
  return Edition{f, d};
}

using Check = std::function<bool(const Edition&, const Scorecard&)>;

struct BruteForce {
  int64_t least = -1;  // -1: unreachable
  std::set<std::vector<int>> plans;  // steps per movable indicator
};

// Every combination of the movable indicators' scores, recomputed in full.
BruteForce Search(const Edition& edition, int country, const std::vector<int>& movable,
                  const std::vector<int64_t>& costs, const Check& reached) {
  BruteForce out;
  Edition trial = edition;
  std::vector<int> values(movable.size(), 2);  // half-points: 2..6 is 1..3
  std::function<void(size_t)> visit = [&](size_t k) {
    if (k == movable.size()) {
      int64_t cost = 0;
      std::vector<int> steps;
      for (size_t j = 0; j < movable.size(); ++j) {
        trial.dataset.score(country, movable[j]) = Rational(values[j], 2);
        const int now = static_cast<int>((*edition.dataset.score(country, movable[j]) * Rational(2)).num());
        steps.push_back(values[j] - now);
        cost += costs[static_cast<size_t>(movable[j])] * std::abs(values[j] - now);
      }
      auto card = Scorecard::Compute(trial.framework, trial.dataset);
      if (!card || !reached(trial, *card)) return;
      if (out.least < 0 || cost < out.least) {
        out.least = cost;
        out.plans.clear();
      }
      if (cost == out.least) out.plans.insert(steps);
      return;
    }
    for (int v = 2; v <= 6; ++v) {
      values[k] = v;
      visit(k + 1);
    }
  };
  visit(0);
  return out;
}

TEST(TargetSearch, MatchesBruteForceOnSmallIndexes) {
  constexpr size_t kLimit = 2;  // small, so some trials have more ties than listed
  std::mt19937 random(15);
  int reachable = 0, unreachable = 0, capped = 0;
  for (int trial = 0; trial < 60; ++trial) {
    const Edition edition = RandomEdition(random, 6);
    const Framework& f = edition.framework;
    auto card = Scorecard::Compute(f, edition.dataset);
    ASSERT_TRUE(card.ok());
    const RankedEdition base(edition, *card);
    const int country = std::uniform_int_distribution<int>(0, 5)(random);
    const int criminality = *f.FindNode("criminality");
    const int resilience = *f.FindNode("resilience");
    const int markets = *f.FindNode("criminal_markets");
    // Four movable indicators across both pillars; costs 1 to 3 per step.
    std::vector<int> movable;
    for (const char* id : {"human_trafficking", "heroin_trade", "mafia_groups", "political_leadership",
                           "transparency", "judicial_system"}) {
      if (std::uniform_int_distribution<int>(0, 2)(random) > 0 && movable.size() < 4) movable.push_back(*f.FindIndicator(id));
    }
    std::vector<int64_t> costs(f.indicators.size());
    for (auto& cost : costs) cost = std::uniform_int_distribution<int>(1, 3)(random);
    if (trial % 3 == 0) std::fill(costs.begin(), costs.end(), 1);

    std::vector<Bound> bounds;
    Check reached;
    const int kind = trial % 4;
    const size_t scope = static_cast<size_t>(trial % 3);
    if (kind == 0) {  // resilience rank k or better
      const int k = std::uniform_int_distribution<int>(1, scope == 2 ? 3 : 6)(random);
      auto bound = RankBound(base, country, resilience, scope, k, true);
      ASSERT_TRUE(bound.ok());
      bounds = {*bound};
      reached = [=](const Edition& e, const Scorecard& c) {
        return RankCountries(e.dataset, c, resilience, kScopes[scope])[static_cast<size_t>(country)].position <= k;
      };
    } else if (kind == 1) {  // criminality rank k or worse
      const int k = std::uniform_int_distribution<int>(1, scope == 2 ? 3 : 6)(random);
      auto bound = RankBound(base, country, criminality, scope, k, false);
      ASSERT_TRUE(bound.ok());
      bounds = {*bound};
      reached = [=](const Edition& e, const Scorecard& c) {
        return RankCountries(e.dataset, c, criminality, kScopes[scope])[static_cast<size_t>(country)].position >= k;
      };
    } else if (kind == 2) {  // a score on a component
      const int64_t units = std::uniform_int_distribution<int>(100, 300)(random);
      const bool at_least = trial % 8 < 4;
      bounds = {Bound{markets, at_least, units}};
      reached = [=](const Edition&, const Scorecard& c) {
        return at_least ? *c.rounded(country, markets) >= units : *c.rounded(country, markets) <= units;
      };
    } else {  // a quadrant
      const Quadrant wanted = static_cast<Quadrant>(std::uniform_int_distribution<int>(0, 3)(random));
      auto quadrant = QuadrantBounds(f, wanted);
      ASSERT_TRUE(quadrant.ok());
      bounds = *quadrant;
      reached = [=](const Edition& e, const Scorecard& c) { return Classify(e.framework, c, country) == wanted; };
    }
    const SearchOptions options{movable, costs, static_cast<int>(kLimit)};
    auto answer = SearchTarget(base, country, bounds, options);
    ASSERT_TRUE(answer.ok()) << answer.error().ToString();
    const BruteForce brute = Search(edition, country, movable, costs, reached);
    ASSERT_EQ(answer->reachable, brute.least >= 0) << "trial " << trial;
    if (!answer->reachable) {
      ++unreachable;
      continue;
    }
    ++reachable;
    EXPECT_EQ(answer->cost, brute.least) << "trial " << trial;
    std::set<std::vector<int>> listed;
    for (const std::vector<Move>& plan : answer->plans) {
      std::vector<int> steps(movable.size(), 0);
      for (const Move& move : plan) {
        const auto at = std::find(movable.begin(), movable.end(), move.indicator);
        ASSERT_NE(at, movable.end()) << "moved an indicator that was not allowed";
        steps[static_cast<size_t>(at - movable.begin())] = move.steps;
        EXPECT_EQ(move.to, move.from + f.scale_step * Rational(move.steps));
      }
      EXPECT_TRUE(brute.plans.count(steps)) << "trial " << trial << ": a listed plan is not minimal";
      listed.insert(steps);
    }
    if (brute.least == 0) {
      EXPECT_TRUE(answer->plans.empty());
    } else if (brute.plans.size() <= kLimit) {
      EXPECT_EQ(listed, brute.plans) << "trial " << trial;
      EXPECT_FALSE(answer->more_ties);
    } else {
      EXPECT_EQ(listed.size(), kLimit);
      EXPECT_TRUE(answer->more_ties);
      ++capped;
    }
  }
  // The trials cover every outcome.
  EXPECT_GT(reachable, 10);
  EXPECT_GT(unreachable, 0);
  EXPECT_GT(capped, 0);
}

TEST(TargetSearch, BoundsReadRanksAsPublished) {
  const Framework f = test_support::FlatFramework();
  Dataset d = Dataset::ShapedFor(f);
  for (const auto& [iso3, score] : {std::pair{"AAA", "3"}, {"BBB", "5"}, {"CCC", "5"}, {"DDD", "8"}}) {
    test_support::AddCountry(d, f, test_support::Country(iso3), {{"x", score}});
  }
  const Edition edition{f, d};
  auto card = Scorecard::Compute(f, d);
  ASSERT_TRUE(card.ok());
  const RankedEdition base(edition, *card);
  auto second = RankBound(base, 0, 0, 0, 2, true);  // rank 2 or better: tie BBB/CCC at 5.00
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->at_least);
  EXPECT_EQ(second->units, 500);
  auto last = RankBound(base, 3, 0, 0, 4, false);  // DDD to rank 4: below 3.00
  ASSERT_TRUE(last.ok());
  EXPECT_FALSE(last->at_least);
  EXPECT_EQ(last->units, 299);
  EXPECT_FALSE(RankBound(base, 0, 0, 0, 5, true).ok());
  auto above = RelativeBound(base, 0, 0, 3, true);
  ASSERT_TRUE(above.ok());
  EXPECT_EQ(above->units, 801);
  // AAA above DDD: 3 -> 8.5 is 11 half-point steps.
  auto answer = SearchTarget(base, 0, {*above}, SearchOptions{{}, {}, 10});
  ASSERT_TRUE(answer.ok());
  EXPECT_TRUE(answer->reachable);
  EXPECT_EQ(answer->cost, 11);
  ASSERT_EQ(answer->plans.size(), 1u);
  EXPECT_EQ(answer->plans[0][0].to, R("8.5"));
  // Above 10.00 is out of reach; the best is the top of the scale.
  auto beyond = SearchTarget(base, 0, {Bound{0, true, 1001}}, SearchOptions{{}, {}, 10});
  ASSERT_TRUE(beyond.ok());
  EXPECT_FALSE(beyond->reachable);
  EXPECT_EQ(beyond->bounds[0].best, 1000);
}

}  // namespace
}  // namespace ocindex::core
