// The flow queries on a store holding two narratives (Georgia's and Peru's): their
// validation, the market filter, one country's statements and the CLI's kind filter.
#include <gtest/gtest.h>

#include "adapters/catalog/profiles.h"
#include "app/engine.h"
#include "app/flows_query.h"
#include "support/app_engine.h"
#include "support/fixtures.h"

namespace ocindex::app {
namespace {

constexpr const char* kGeorgia =
    "DRUGS\n"
    "Georgia serves as a transit hub for heroin coming from Iran and bound for Ukraine.\n";
constexpr const char* kPeru =
    "DRUGS\n"
    "Peru is a producer, source and transit country for cocaine. Cocaine is shipped from Peru to Spain by sea.\n";

class FlowsQueryTest : public test::AppEngineTest {
 protected:
  static void SetUpTestSuite() { OpenEngine({{"GEO", kGeorgia}, {"PER", kPeru}}); }
};

TEST(FlowQueries, Validate) {
  EXPECT_TRUE(FlowGraphQuery{}.Validate().ok());
  EXPECT_TRUE((FlowGraphQuery{.market = "heroin_trade", .min_confidence = 0.5}).Validate().ok());
  EXPECT_EQ((FlowGraphQuery{.market = std::nullopt, .min_confidence = 1.5}).Validate().error().code,
            ErrorCode::kInvalidInput);
  EXPECT_EQ(CountryFlowsQuery{}.Validate().error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(CountryFlowsQuery{"GEO"}.Validate().ok());
  EXPECT_TRUE(ExtractQuery{}.Validate().ok());
  EXPECT_FALSE(ExtractQuery{}.Kind().has_value());
  EXPECT_EQ(ExtractQuery{"flow"}.Kind(), core::StatementKind::kFlow);
  EXPECT_EQ(ExtractQuery{"flows"}.Validate().error().code, ErrorCode::kInvalidInput);
}

TEST(FlowQueries, OptionsLeaveAnUnsetMarketOut) {
  EXPECT_EQ(FlowGraphQuery{}.Options().market, "");
  EXPECT_EQ((FlowGraphQuery{.market = "heroin_trade", .min_confidence = 0.2}).Options().market, "heroin_trade");
}

TEST_F(FlowsQueryTest, GraphOfEveryMarketOrOne) {
  auto all = FlowGraph(*engine_, {});
  ASSERT_TRUE(all.ok()) << all.error().ToString();
  EXPECT_EQ(all->flows->statements.size(), 2u);
  EXPECT_EQ(all->graph.edges.size(), all->flows->graph.edges.size());
  auto heroin = FlowGraph(*engine_, {.market = "heroin_trade", .min_confidence = 0});
  ASSERT_TRUE(heroin.ok()) << heroin.error().ToString();
  ASSERT_FALSE(heroin->graph.edges.empty());
  EXPECT_LT(heroin->graph.edges.size(), all->graph.edges.size());
  for (const core::FlowEdge& edge : heroin->graph.edges) EXPECT_EQ(edge.market, "heroin_trade");
  for (const core::NodeMetrics& node : heroin->graph.metrics) EXPECT_EQ(node.market, "heroin_trade");
}

TEST_F(FlowsQueryTest, AMarketIsAStoredIndicator) {
  for (const char* market : {"gold", ""}) {
    auto graph = FlowGraph(*engine_, {.market = market, .min_confidence = 0});
    ASSERT_FALSE(graph.ok()) << market;
    EXPECT_EQ(graph.error().code, ErrorCode::kInvalidInput);
  }
}

TEST_F(FlowsQueryTest, ACountrysStatementsAndTheEdgesTouchingIt) {
  auto georgia = CountryFlows(*engine_, {"Georgia"});
  ASSERT_TRUE(georgia.ok()) << georgia.error().ToString();
  EXPECT_EQ(georgia->iso3, "GEO");
  ASSERT_EQ(georgia->narratives.size(), 1u);
  EXPECT_EQ(georgia->flows->statements[georgia->narratives[0]].country, "GEO");
  ASSERT_FALSE(georgia->touching.edges.empty());
  for (const core::FlowEdge& edge : georgia->touching.edges) EXPECT_TRUE(edge.from == "GEO" || edge.to == "GEO");
  for (const core::NodeMetrics& node : georgia->touching.metrics) EXPECT_EQ(node.code, "GEO");
  EXPECT_EQ(CountryFlows(*engine_, {"Atlantis"}).error().code, ErrorCode::kNotFound);
}

TEST_F(FlowsQueryTest, StoredNarrativesOfACountry) {
  auto peru = StoredCountryNarratives(engine_->catalog(), "peru", "");
  ASSERT_TRUE(peru.ok()) << peru.error().ToString();
  ASSERT_EQ(peru->size(), 1u);
  EXPECT_EQ((*peru)[0].country, "PER");
  EXPECT_EQ((*peru)[0].edition, "2021");
  EXPECT_FALSE(StoredCountryNarratives(engine_->catalog(), "Atlantis", "").ok());
}

}  // namespace
}  // namespace ocindex::app
