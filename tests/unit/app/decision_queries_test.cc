// The decision queries on the bundled editions: how goals read, what each query
// validates, and that a what-if's scenario comes back with ISO3 codes and ids.
#include <gtest/gtest.h>

#include "app/explain_query.h"
#include "app/peers_query.h"
#include "app/target_query.h"
#include "app/whatif_query.h"
#include "support/app_engine.h"

namespace ocindex::app {
namespace {

class DecisionQueriesTest : public test::AppEngineTest {
 protected:
  static void SetUpTestSuite() { OpenEngine(); }
};

ErrorCode CodeOf(const Error& error) { return error.code; }

TEST_F(DecisionQueriesTest, WhatIfResolvesNamesIntoTheSavedScenario) {
  auto answer = WhatIf(*engine_, WhatIfQuery{"2025", "Kazakhstan", {"Law enforcement=+1"}, std::nullopt});
  ASSERT_TRUE(answer.ok()) << answer.error().ToString();
  ASSERT_EQ(answer->scenario.adjustments.size(), 1u);
  EXPECT_EQ(answer->scenario.adjustments[0].country, "KAZ");
  EXPECT_EQ(answer->scenario.adjustments[0].indicator, "law_enforcement");
  EXPECT_EQ(answer->scenario.edition, "2025");
  EXPECT_FALSE(WhatIfGrid(*answer).rows.empty());
  EXPECT_EQ(CodeOf(WhatIf(*engine_, WhatIfQuery{"2025", "KAZ", {}, std::nullopt}).error()), ErrorCode::kInvalidInput);
  EXPECT_EQ(CodeOf(WhatIf(*engine_, WhatIfQuery{"2025", "", {"law_enforcement=+1"}, std::nullopt}).error()),
            ErrorCode::kInvalidInput);
}

TEST_F(DecisionQueriesTest, GoalsReadAsWritten) {
  auto goal = [](const std::string& text) {
    TargetQuery query;
    query.edition = "2025";
    query.country = "KAZ";
    query.goal = text;
    query.ties = 1;
    return Target(*engine_, query);
  };
  for (const auto& [text, reads] : std::vector<std::pair<std::string, std::string>>{
           {"resilience rank<=60", "resilience rank 60 or better (world)"},
           {"criminality rank >= 150", "criminality rank 150 or worse (world)"},
           {"resilience>=6", "resilience at least 6.00"},
           {"resilience>6", "resilience at least 6.01"},
           {"criminality<4", "criminality at most 3.99"},
           {"resilience>Kyrgyzstan", "resilience above KGZ"},
           {"quadrant=low_criminality_high_resilience", "quadrant low criminality, high resilience"}}) {
    auto plan = goal(text);
    ASSERT_TRUE(plan.ok()) << text << ": " << plan.error().ToString();
    EXPECT_EQ(plan->goal, reads) << text;
  }
  for (const std::string bad : {"resilience", "resilience rank<60", "quadrant=somewhere", ">=6", "resilience>=KGZ"}) {
    auto plan = goal(bad);
    ASSERT_FALSE(plan.ok()) << bad;
    EXPECT_EQ(plan.error().code, ErrorCode::kInvalidInput) << bad;
  }
  EXPECT_EQ(goal("courage>=6").error().code, ErrorCode::kNotFound);
}

TEST_F(DecisionQueriesTest, TargetOptionsAreChecked) {
  TargetQuery query{"2025", "KAZ", "resilience>=6", "world", {"law_enforcement"}, {"law_enforcement=2"}, 3};
  auto plan = Target(*engine_, query);
  ASSERT_TRUE(plan.ok()) << plan.error().ToString();
  for (const auto& moves : plan->answer.plans) {
    for (const core::Move& move : moves) EXPECT_EQ(plan->edition->edition.framework.indicators[static_cast<size_t>(move.indicator)].id, "law_enforcement");
  }
  query.costs = {"law_enforcement=0"};
  EXPECT_EQ(Target(*engine_, query).error().code, ErrorCode::kInvalidInput);
  query.costs = {};
  query.allow = {"resilience"};
  EXPECT_EQ(Target(*engine_, query).error().code, ErrorCode::kInvalidInput);
  query.allow = {};
  query.ties = 0;
  EXPECT_EQ(Target(*engine_, query).error().code, ErrorCode::kInvalidInput);
  query.ties = 3;
  query.scope = "planet";
  EXPECT_EQ(Target(*engine_, query).error().code, ErrorCode::kInvalidInput);
}

TEST_F(DecisionQueriesTest, ExplainTakesTwoCountriesOrOneAcrossEditions) {
  auto two = Explain(*engine_, ExplainQuery{{"KAZ", "KGZ"}, "2025", "", "", "criminality"});
  ASSERT_TRUE(two.ok()) << two.error().ToString();
  EXPECT_FALSE(two->between_editions);
  EXPECT_EQ(two->steps.back().cumulative, two->total);
  auto one = Explain(*engine_, ExplainQuery{{"KAZ"}, "", "", "2023", "resilience"});  // from: 2023's previous
  ASSERT_TRUE(one.ok()) << one.error().ToString();
  EXPECT_EQ(one->b->id, "2021");
  EXPECT_EQ(one->steps.back().cumulative, one->total);
  EXPECT_EQ(Explain(*engine_, ExplainQuery{{"KAZ", "KGZ", "UZB"}, "", "", "", "criminality"}).error().code,
            ErrorCode::kInvalidInput);
  EXPECT_EQ(Explain(*engine_, ExplainQuery{{"KAZ", "KGZ"}, "", "2021", "", "criminality"}).error().code,
            ErrorCode::kInvalidInput);
}

TEST_F(DecisionQueriesTest, PeersAndClustersOnAComposite) {
  auto peers = Peers(*engine_, PeersQuery{"2025", "KAZ", "criminality", 3, "resilience"});
  ASSERT_TRUE(peers.ok()) << peers.error().ToString();
  EXPECT_EQ(peers->peers.size(), 3u);
  EXPECT_EQ(peers->indicators.size(), 20u);  // 15 markets, 5 actor types
  EXPECT_EQ(peers->trajectories.editions, (std::vector<std::string>{"2021", "2023", "2025"}));
  EXPECT_EQ(peers->trajectories.countries.size(), 4u);
  EXPECT_EQ(Peers(*engine_, PeersQuery{"2025", "KAZ", "heroin_trade", 3, "criminality"}).error().code,
            ErrorCode::kInvalidInput);
  auto clusters = Clusters(*engine_, ClustersQuery{"2025", "resilience", 4});
  ASSERT_TRUE(clusters.ok()) << clusters.error().ToString();
  EXPECT_EQ(clusters->clustering.clusters.size(), 4u);
  EXPECT_EQ(ClusterMembersGrid(*clusters).rows.size(), 193u);
}

}  // namespace
}  // namespace ocindex::app
