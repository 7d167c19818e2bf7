#include "core/flows/flow_graph.h"

#include <gtest/gtest.h>

namespace ocindex::core {
namespace {

Statement Flow(std::string market, std::vector<std::string> origins, std::vector<std::string> via,
               std::vector<std::string> destinations, double confidence = 0.8, int sentence = 0) {
  Statement s;
  s.kind = StatementKind::kFlow;
  s.market = std::move(market);
  s.origins = std::move(origins);
  s.via = std::move(via);
  s.destinations = std::move(destinations);
  s.confidence = confidence;
  Evidence e;
  e.section = "drugs";
  e.sentence = sentence;
  s.evidence.push_back(e);
  return s;
}

const FlowEdge* Edge(const FlowGraph& graph, const std::string& market, const std::string& from,
                     const std::string& to) {
  for (const FlowEdge& e : graph.edges) {
    if (e.market == market && e.from == from && e.to == to) return &e;
  }
  return nullptr;
}

const NodeMetrics* Node(const FlowGraph& graph, const std::string& market, const std::string& code) {
  for (const NodeMetrics& m : graph.metrics) {
    if (m.market == market && m.code == code) return &m;
  }
  return nullptr;
}

TEST(Betweenness, PathAndStarByHand) {
  // 0 -> 1 -> 2 and 3 -> 1: node 1 lies on the shortest paths 0->2 and 3->2.
  EXPECT_EQ(Betweenness({{1}, {2}, {}, {1}}), (std::vector<double>{0, 2, 0, 0}));
  // Diamond 0 -> {1, 2} -> 3: two shortest 0->3 paths, half through each middle node.
  EXPECT_EQ(Betweenness({{1, 2}, {3}, {3}, {}}), (std::vector<double>{0, 0.5, 0.5, 0}));
  // A directed cycle of three: each node carries the one pair that must pass it.
  EXPECT_EQ(Betweenness({{1}, {2}, {0}}), (std::vector<double>{1, 1, 1}));
  EXPECT_TRUE(Betweenness({}).empty());
}

TEST(FlowGraph, MergesNarrativesAndFollowsTransitPoints) {
  NarrativeStatements kaz{"KAZ", "2021", {Flow("heroin_trade", {"AFG"}, {"KAZ"}, {"RUS"})}, {}, false};
  NarrativeStatements tjk{"TJK", "2021", {Flow("heroin_trade", {"AFG"}, {"TJK", "KAZ"}, {"RUS"}, 0.6)}, {}, false};
  NarrativeStatements uzb{"UZB", "2021", {Flow("heroin_trade", {"AFG"}, {"UZB"}, {"KAZ"})}, {}, false};
  const FlowGraph graph = BuildFlowGraph({kaz, tjk, uzb}, {});

  const FlowEdge* kaz_rus = Edge(graph, "heroin_trade", "KAZ", "RUS");
  ASSERT_NE(kaz_rus, nullptr);
  EXPECT_EQ(kaz_rus->statements, 2);
  EXPECT_EQ(kaz_rus->countries, (std::vector<std::string>{"KAZ", "TJK"}));
  EXPECT_EQ(kaz_rus->evidence.size(), 2u);
  EXPECT_DOUBLE_EQ(kaz_rus->confidence, 0.8);
  EXPECT_NE(Edge(graph, "heroin_trade", "AFG", "TJK"), nullptr);
  EXPECT_NE(Edge(graph, "heroin_trade", "TJK", "KAZ"), nullptr);
  EXPECT_EQ(Edge(graph, "heroin_trade", "AFG", "RUS"), nullptr);  // the path runs through its transit points
  EXPECT_EQ(graph.edges.size(), 6u);  // AFG-KAZ, AFG-TJK, AFG-UZB, KAZ-RUS, TJK-KAZ, UZB-KAZ

  // Kazakhstan: in from AFG, TJK, UZB; out to RUS. Shortest paths through it:
  // AFG->RUS, TJK->RUS, UZB->RUS.
  const NodeMetrics* hub = Node(graph, "heroin_trade", "KAZ");
  ASSERT_NE(hub, nullptr);
  EXPECT_EQ(hub->in_degree, 3);
  EXPECT_EQ(hub->out_degree, 1);
  EXPECT_DOUBLE_EQ(hub->betweenness, 3);
  EXPECT_DOUBLE_EQ(Node(graph, "heroin_trade", "AFG")->betweenness, 0);
  EXPECT_NE(Node(graph, "*", "KAZ"), nullptr);
}

TEST(FlowGraph, NegatedLowConfidenceAndOtherMarketsAreLeftOut) {
  Statement negated = Flow("heroin_trade", {"IRN"}, {}, {"ARM"});
  negated.negated = true;
  NarrativeStatements narrative{"ARM", "2023",
                                {negated, Flow("heroin_trade", {"IRN"}, {}, {"GEO"}, 0.3),
                                 Flow("cocaine_trade", {"BRA"}, {}, {"ARM"}),
                                 Flow("heroin_trade", {"IRN", "AFG"}, {}, {"TUR", "GEO"})},
                                {},
                                false};
  const FlowGraph graph = BuildFlowGraph({narrative}, {"heroin_trade", 0.5});
  EXPECT_EQ(graph.edges.size(), 4u);  // {IRN, AFG} x {TUR, GEO}
  for (const FlowEdge& e : graph.edges) {
    EXPECT_EQ(e.market, "heroin_trade");
    EXPECT_NE(e.to, "ARM");
  }
  EXPECT_EQ(Node(graph, "cocaine_trade", "BRA"), nullptr);
}

TEST(StatementKey, MergesTheSameFactOnly) {
  Statement a = Flow("heroin_trade", {"AFG"}, {"KAZ"}, {"RUS"}, 0.5, 1);
  a.hedged = true;
  Statement b = Flow("heroin_trade", {"AFG"}, {}, {"RUS"}, 0.9, 4);
  b.modes = {"rail"};
  Statement c = Flow("heroin_trade", {"AFG"}, {}, {"RUS", "BLR"});
  EXPECT_EQ(StatementKey(a), StatementKey(b));
  EXPECT_NE(StatementKey(a), StatementKey(c));
  MergeStatement(a, b);
  EXPECT_EQ(a.evidence.size(), 2u);
  EXPECT_DOUBLE_EQ(a.confidence, 0.9);
  EXPECT_FALSE(a.hedged);  // one plain statement of the fact suffices
  EXPECT_EQ(a.modes, std::vector<std::string>{"rail"});
  EXPECT_EQ(a.via, std::vector<std::string>{"KAZ"});
}

}  // namespace
}  // namespace ocindex::core
