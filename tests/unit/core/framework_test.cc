#include "core/model/framework.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "support/tiny_framework.h"

namespace ocindex::core {
namespace {

using test_support::AddIndicator;
using test_support::AddNode;
using test_support::Linked;
using test_support::MiniGoci;
using test_support::MiniGociUnlinked;
using test_support::NewFramework;
using test_support::R;

// Ids of a list of node or indicator indices, for readable comparisons.
std::vector<std::string> NodeIds(const Framework& f, const std::vector<int>& nodes) {
  std::vector<std::string> out;
  for (int n : nodes) out.push_back(f.nodes[static_cast<size_t>(n)].id);
  return out;
}
std::vector<std::string> IndicatorIds(const Framework& f, const std::vector<int>& indicators) {
  std::vector<std::string> out;
  for (int i : indicators) out.push_back(f.indicators[static_cast<size_t>(i)].id);
  return out;
}
std::vector<std::string> AllNodeIds(const Framework& f) {
  std::vector<std::string> out;
  for (const Node& node : f.nodes) out.push_back(node.id);
  return out;
}
std::vector<std::string> AllIndicatorIds(const Framework& f) {
  std::vector<std::string> out;
  for (const Indicator& indicator : f.indicators) out.push_back(indicator.id);
  return out;
}
Node& NodeNamed(Framework& f, const std::string& id) { return f.nodes[static_cast<size_t>(*f.FindNode(id))]; }
Indicator& IndicatorNamed(Framework& f, const std::string& id) {
  return f.indicators[static_cast<size_t>(*f.FindIndicator(id))];
}

// ---------------------------------------------------------------- Link: a valid framework

TEST(FrameworkLinkTest, ResolvesParentsChildrenAndGroups) {
  Framework f = MiniGociUnlinked();
  ASSERT_TRUE(f.Link().ok());
  const Node& criminality = f.nodes[static_cast<size_t>(*f.FindNode("criminality"))];
  EXPECT_EQ(criminality.parent, -1);
  EXPECT_EQ(NodeIds(f, criminality.children), (std::vector<std::string>{"criminal_markets", "criminal_actors"}));
  EXPECT_TRUE(criminality.indicators.empty());

  const Node& people = f.nodes[static_cast<size_t>(*f.FindNode("people"))];
  EXPECT_EQ(people.parent, *f.FindNode("criminal_markets"));
  EXPECT_EQ(IndicatorIds(f, people.indicators),
            (std::vector<std::string>{"human_trafficking", "human_smuggling", "extortion"}));
  EXPECT_EQ(f.indicators[static_cast<size_t>(*f.FindIndicator("heroin_trade"))].group, *f.FindNode("drugs"));

  const Node& resilience = f.nodes[static_cast<size_t>(*f.FindNode("resilience"))];
  EXPECT_EQ(NodeIds(f, resilience.children), (std::vector<std::string>{"governance", "justice"}));
}

TEST(FrameworkLinkTest, LinkingTwiceGivesTheSameStructure) {
  Framework once = MiniGoci();
  Framework twice = once;
  ASSERT_TRUE(twice.Link().ok());
  for (size_t n = 0; n < once.nodes.size(); ++n) {
    EXPECT_EQ(once.nodes[n].children, twice.nodes[n].children) << once.nodes[n].id;
    EXPECT_EQ(once.nodes[n].indicators, twice.nodes[n].indicators) << once.nodes[n].id;
    EXPECT_EQ(once.nodes[n].parent, twice.nodes[n].parent) << once.nodes[n].id;
  }
}

TEST(FrameworkLinkTest, APillarMayHoldIndicatorsDirectly) {
  Framework f = NewFramework();
  AddNode(f, "p", NodeKind::kPillar);
  AddIndicator(f, "x", "p");
  ASSERT_TRUE(f.Link().ok());
  EXPECT_EQ(f.nodes[0].indicators, std::vector<int>{0});
}

// ---------------------------------------------------------------- Link: errors

struct BrokenCase {
  std::string what;
  std::function<void(Framework&)> breakage;
  std::string message_part;  // the error must name the culprit
};

void PrintTo(const BrokenCase& c, std::ostream* os) { *os << c.what; }

class FrameworkLinkErrorTest : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(FrameworkLinkErrorTest, IsRejected) {
  Framework f = MiniGociUnlinked();
  ASSERT_TRUE(Framework(f).Link().ok()) << "the unbroken framework must link";
  GetParam().breakage(f);
  Status linked = f.Link();
  ASSERT_FALSE(linked.ok());
  EXPECT_EQ(linked.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(linked.error().message.find(GetParam().message_part), std::string::npos)
      << "message: " << linked.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Breakages, FrameworkLinkErrorTest,
    ::testing::Values(
        BrokenCase{"DuplicateNodeId", [](Framework& f) { NodeNamed(f, "drugs").id = "people"; },
                   "'people' is used twice"},
        BrokenCase{"IndicatorIdEqualsNodeId", [](Framework& f) { IndicatorNamed(f, "heroin_trade").id = "drugs"; },
                   "'drugs' is used twice"},
        BrokenCase{"DuplicateIndicatorId",
                   [](Framework& f) { IndicatorNamed(f, "transparency").id = "political_leadership"; },
                   "'political_leadership' is used twice"},
        BrokenCase{"ParentDefinedLater",
                   [](Framework& f) {
                     // Move "people" before its parent "criminal_markets".
                     std::swap(f.nodes[1], f.nodes[2]);
                   },
                   "'people' has parent 'criminal_markets'"},
        BrokenCase{"ParentUnknown", [](Framework& f) { NodeNamed(f, "drugs").parent_id = "narcotics"; },
                   "parent 'narcotics'"},
        BrokenCase{"GroupUnknown", [](Framework& f) { IndicatorNamed(f, "heroin_trade").group_id = "narcotics"; },
                   "group 'narcotics'"},
        BrokenCase{"PillarWithParent", [](Framework& f) { NodeNamed(f, "resilience").parent_id = "criminality"; },
                   "pillar 'resilience' cannot have a parent"},
        BrokenCase{"ComponentWithoutParent", [](Framework& f) { NodeNamed(f, "criminal_actors").parent_id.clear(); },
                   "'criminal_actors' is a component but has no parent"},
        BrokenCase{"GroupWithoutParent", [](Framework& f) { NodeNamed(f, "drugs").parent_id.clear(); },
                   "'drugs' is a group but has no parent"},
        BrokenCase{"NodeWithNoIndicator",
                   [](Framework& f) { AddNode(f, "cyber", NodeKind::kGroup, "criminal_markets"); },
                   "'cyber' has no indicator beneath it"},
        BrokenCase{"ComponentWhoseGroupsAreAllEmpty",
                   [](Framework& f) {
                     AddNode(f, "financial", NodeKind::kComponent, "criminality");
                     AddNode(f, "fin_group", NodeKind::kGroup, "financial");
                   },
                   "'financial' has no indicator beneath it"},
        BrokenCase{"ChildrenNodeHoldingIndicators",
                   [](Framework& f) { IndicatorNamed(f, "heroin_trade").group_id = "criminality"; },
                   "'criminality' averages its children"},
        BrokenCase{"ChildrenNodeWithoutChildNode",
                   [](Framework& f) { NodeNamed(f, "justice").aggregate = Aggregate::kChildren; },
                   "'justice' averages its children but has no child node"},
        BrokenCase{"StepNotDividingRange", [](Framework& f) { f.scale_step = R("0.4"); }, "whole steps"},
        BrokenCase{"StepNotDividingRangeFromMin",
                   [](Framework& f) {
                     f.scale_min = R("0.5");
                     f.scale_step = 2;  // 9.5 / 2 is not whole, although 10 / 2 is
                   },
                   "whole steps"},
        BrokenCase{"ZeroStep", [](Framework& f) { f.scale_step = 0; }, "step must be positive"},
        BrokenCase{"NegativeStep", [](Framework& f) { f.scale_step = R("-0.5"); }, "step must be positive"},
        BrokenCase{"MinEqualsMax", [](Framework& f) { f.scale_min = 10; }, "min must be below its max"},
        BrokenCase{"MinAboveMax", [](Framework& f) { f.scale_min = 11; }, "min must be below its max"},
        BrokenCase{"NegativeDecimals", [](Framework& f) { f.decimals = -1; }, "decimals"},
        BrokenCase{"TooManyDecimals", [](Framework& f) { f.decimals = 7; }, "decimals"},
        BrokenCase{"QuadrantAxisUnknown", [](Framework& f) { f.quadrant_x = "resilience_avg"; },
                   "quadrant axis 'resilience_avg'"},
        BrokenCase{"QuadrantAxisIsAnIndicator", [](Framework& f) { f.quadrant_y = "heroin_trade"; },
                   "quadrant axis 'heroin_trade'"},
        BrokenCase{"ZeroNodeWeight", [](Framework& f) { NodeNamed(f, "criminal_actors").weight = 0; },
                   "'criminal_actors' needs a positive weight"},
        BrokenCase{"NegativeIndicatorWeight", [](Framework& f) { IndicatorNamed(f, "extortion").weight = -1; },
                   "'extortion' needs a positive weight"},
        BrokenCase{"EmptyNodeId", [](Framework& f) { NodeNamed(f, "drugs").id.clear(); }, "has no id"},
        BrokenCase{"EmptyIndicatorId", [](Framework& f) { IndicatorNamed(f, "extortion").id.clear(); }, "has no id"},
        BrokenCase{"NoFrameworkId", [](Framework& f) { f.id.clear(); }, "no id"},
        BrokenCase{"NoEdition", [](Framework& f) { f.edition.clear(); }, "edition"},
        BrokenCase{"NoNodes", [](Framework& f) { f.nodes.clear(); }, "no node"},
        BrokenCase{"NoIndicators", [](Framework& f) { f.indicators.clear(); }, "no indicator"}),
    [](const ::testing::TestParamInfo<BrokenCase>& param_info) { return param_info.param.what; });

// ---------------------------------------------------------------- OnScale

TEST(FrameworkOnScaleTest, GociScaleIsOneToTenInHalves) {
  Framework f = MiniGoci();
  for (const char* on : {"1", "1.5", "4.5", "5.5", "9.5", "10", "7.0"}) EXPECT_TRUE(f.OnScale(R(on))) << on;
  for (const char* off : {"10.5", "0.5", "4.25", "0", "-1", "11", "4.75", "5.49", "1.01"}) {
    EXPECT_FALSE(f.OnScale(R(off))) << off;
  }
}

TEST(FrameworkOnScaleTest, GridStartsAtTheMinimum) {
  Framework f = MiniGociUnlinked();
  f.scale_min = 1;
  f.scale_max = 10;
  f.scale_step = 3;  // 1, 4, 7, 10
  ASSERT_TRUE(f.Link().ok());
  for (int on : {1, 4, 7, 10}) EXPECT_TRUE(f.OnScale(on)) << on;
  for (int off : {0, 2, 3, 6, 9, 13}) EXPECT_FALSE(f.OnScale(off)) << off;
}

// ---------------------------------------------------------------- lookups

TEST(FrameworkFindTest, MeasuresAreNumberedNodesFirstThenIndicators) {
  Framework f = MiniGoci();
  ASSERT_EQ(f.nodes.size(), 9u);
  ASSERT_EQ(f.indicators.size(), 9u);
  EXPECT_EQ(f.measure_count(), 18);
  EXPECT_TRUE(f.IsNode(8));
  EXPECT_FALSE(f.IsNode(9));
  EXPECT_EQ(f.IndicatorMeasure(0), 9);
  EXPECT_EQ(f.MeasureId(0), "criminality");
  EXPECT_EQ(f.MeasureId(9), "human_trafficking");
  EXPECT_EQ(f.MeasureName(12), "Heroin trade");
  EXPECT_EQ(f.MeasureName(1), "Criminal markets");
}

TEST(FrameworkFindTest, FindNodeAndFindIndicatorMatchIdsExactly) {
  Framework f = MiniGoci();
  EXPECT_EQ(f.FindNode("drugs"), 3);
  EXPECT_EQ(f.FindNode("heroin_trade"), std::nullopt);  // an indicator, not a node
  EXPECT_EQ(f.FindIndicator("heroin_trade"), 3);
  EXPECT_EQ(f.FindIndicator("drugs"), std::nullopt);
  EXPECT_EQ(f.FindNode("nowhere"), std::nullopt);
}

TEST(FrameworkFindTest, FindMeasureByIdNameOrHeaderIgnoringCase) {
  Framework f = MiniGoci();
  const int markets = *f.FindNode("criminal_markets");
  EXPECT_EQ(f.FindMeasure("criminal_markets"), markets);
  EXPECT_EQ(f.FindMeasure("CRIMINAL_MARKETS"), markets);
  EXPECT_EQ(f.FindMeasure("Criminal Markets"), markets);             // name
  EXPECT_EQ(f.FindMeasure("Criminal markets avg."), markets);        // header, trailing '.'
  EXPECT_EQ(f.FindMeasure("  CRIMINAL   MARKETS  AVG, "), markets);  // spacing and trailing ','
  const int heroin = f.IndicatorMeasure(*f.FindIndicator("heroin_trade"));
  EXPECT_EQ(f.FindMeasure("heroin_trade"), heroin);
  EXPECT_EQ(f.FindMeasure("Heroin Trade"), heroin);
  EXPECT_EQ(f.FindMeasure("EXTORTION AND PROTECTION RACKETEERING"), f.IndicatorMeasure(*f.FindIndicator("extortion")));
  EXPECT_EQ(f.FindMeasure("Heroin"), std::nullopt);
  EXPECT_EQ(f.FindMeasure("cocaine_trade"), std::nullopt);
  EXPECT_EQ(f.FindMeasure(""), std::nullopt);
}

// Comparisons and country summaries look measures up by id in another edition's
// framework; an id must find that measure even if another measure, listed earlier,
// has that text as its name.
TEST(FrameworkFindTest, FindMeasurePrefersAnExactIdToAnotherMeasuresName) {
  Framework f = NewFramework();
  AddNode(f, "resilience", NodeKind::kPillar, "", Aggregate::kIndicators, 1, "Resilience");
  AddNode(f, "civil_society", NodeKind::kComponent, "resilience", Aggregate::kIndicators, 1, "Prevention");
  AddIndicator(f, "prevention", "civil_society", 1, "Prevention programmes");
  f = Linked(std::move(f));
  EXPECT_EQ(f.FindMeasure("prevention"), f.IndicatorMeasure(0));
  EXPECT_EQ(f.FindMeasure("civil_society"), 1);
  EXPECT_EQ(f.FindMeasure("Prevention programmes"), f.IndicatorMeasure(0));
}

// GOCI 2023: the group "financial" is named "Financial crimes", like its only
// indicator; a column headed "Financial crimes" holds the indicator's scores.
TEST(FrameworkFindTest, FindMeasureByNamePrefersAnIndicatorToANode) {
  Framework f = NewFramework();
  AddNode(f, "criminal_markets", NodeKind::kPillar, "", Aggregate::kIndicators, 1, "Criminal markets");
  AddNode(f, "financial", NodeKind::kGroup, "criminal_markets", Aggregate::kIndicators, 1, "Financial crimes");
  AddIndicator(f, "financial_crimes", "financial", 1, "Financial crimes", {"financial crimes"});
  f = Linked(std::move(f));
  EXPECT_EQ(f.FindMeasure("Financial crimes"), f.IndicatorMeasure(0));
  EXPECT_EQ(f.FindMeasure("FINANCIAL CRIMES."), f.IndicatorMeasure(0));
  EXPECT_EQ(f.FindMeasure("financial"), 1);  // the group, by id
}

TEST(FrameworkNormalizeHeaderTest, LowerCasesTrimsAndCollapses) {
  EXPECT_EQ(NormalizeHeader("Criminality avg,"), "criminality avg");
  EXPECT_EQ(NormalizeHeader("CRIMINALITY AVG."), "criminality avg");
  EXPECT_EQ(NormalizeHeader("  Criminal \t\n markets   "), "criminal markets");
  EXPECT_EQ(NormalizeHeader("avg.,. "), "avg");
  EXPECT_EQ(NormalizeHeader("Non-renewable resource crimes"), "non-renewable resource crimes");
  EXPECT_EQ(NormalizeHeader(""), "");
  EXPECT_EQ(NormalizeHeader(" ., "), "");
}

// ---------------------------------------------------------------- IndicatorsUnder

TEST(FrameworkIndicatorsUnderTest, FollowsDisplayOrderNotDeclarationOrder) {
  Framework f = NewFramework();
  AddNode(f, "markets", NodeKind::kPillar);
  AddNode(f, "people", NodeKind::kGroup, "markets");
  AddNode(f, "drugs", NodeKind::kGroup, "markets");
  // Indicators declared interleaved across the two groups.
  AddIndicator(f, "heroin", "drugs");
  AddIndicator(f, "trafficking", "people");
  AddIndicator(f, "cocaine", "drugs");
  AddIndicator(f, "smuggling", "people");
  f = Linked(std::move(f));
  EXPECT_EQ(IndicatorIds(f, f.IndicatorsUnder(0)),
            (std::vector<std::string>{"trafficking", "smuggling", "heroin", "cocaine"}));
  EXPECT_EQ(IndicatorIds(f, f.IndicatorsUnder(2)), (std::vector<std::string>{"heroin", "cocaine"}));
}

TEST(FrameworkIndicatorsUnderTest, OwnIndicatorsComeBeforeChildrenDepthFirst) {
  Framework f = NewFramework();
  AddNode(f, "top", NodeKind::kPillar);
  AddNode(f, "a", NodeKind::kComponent, "top");
  AddNode(f, "a1", NodeKind::kGroup, "a");
  AddNode(f, "b", NodeKind::kComponent, "top");
  AddIndicator(f, "in_b", "b");
  AddIndicator(f, "in_a1", "a1");
  AddIndicator(f, "in_a", "a");
  AddIndicator(f, "in_top", "top");
  f = Linked(std::move(f));
  EXPECT_EQ(IndicatorIds(f, f.IndicatorsUnder(0)), (std::vector<std::string>{"in_top", "in_a", "in_a1", "in_b"}));
  EXPECT_EQ(IndicatorIds(f, f.IndicatorsUnder(1)), (std::vector<std::string>{"in_a", "in_a1"}));
}

TEST(FrameworkIndicatorsUnderTest, MiniGociPillars) {
  Framework f = MiniGoci();
  EXPECT_EQ(IndicatorIds(f, f.IndicatorsUnder(*f.FindNode("criminality"))),
            (std::vector<std::string>{"human_trafficking", "human_smuggling", "extortion", "heroin_trade",
                                      "mafia_groups", "criminal_networks"}));
  EXPECT_EQ(IndicatorIds(f, f.IndicatorsUnder(*f.FindNode("resilience"))),
            (std::vector<std::string>{"political_leadership", "transparency", "judicial_system"}));
}

// ---------------------------------------------------------------- RestrictFramework

TEST(RestrictFrameworkTest, KeepsFrameworkOrderAndDropsEmptyNodes) {
  const Framework full = MiniGoci();
  // Listed out of framework order, with an id the framework does not have.
  auto restricted = RestrictFramework(
      full, {"judicial_system", "not_an_indicator", "human_trafficking", "mafia_groups", "human_smuggling"});
  ASSERT_TRUE(restricted.ok()) << restricted.error().ToString();
  const Framework& r = *restricted;
  EXPECT_EQ(AllIndicatorIds(r),
            (std::vector<std::string>{"human_trafficking", "human_smuggling", "mafia_groups", "judicial_system"}));
  // drugs (heroin only) and governance (leadership, transparency) are left empty.
  EXPECT_EQ(AllNodeIds(r), (std::vector<std::string>{"criminality", "criminal_markets", "people", "criminal_actors",
                                                     "actors", "resilience", "justice"}));
  // The result is linked against its own node list.
  EXPECT_EQ(r.nodes[static_cast<size_t>(*r.FindNode("justice"))].parent, *r.FindNode("resilience"));
  EXPECT_EQ(NodeIds(r, r.nodes[static_cast<size_t>(*r.FindNode("criminal_markets"))].children),
            std::vector<std::string>{"people"});
  EXPECT_EQ(r.indicators[static_cast<size_t>(*r.FindIndicator("judicial_system"))].group, *r.FindNode("justice"));
  EXPECT_EQ(r.quadrant_x, "resilience");
  EXPECT_EQ(r.quadrant_y, "criminality");
  EXPECT_EQ(r.edition, full.edition);
  // The original is untouched.
  EXPECT_EQ(full.indicators.size(), 9u);
  EXPECT_EQ(full.nodes.size(), 9u);
}

TEST(RestrictFrameworkTest, ClearsAQuadrantAxisThatWasDropped) {
  auto restricted = RestrictFramework(MiniGoci(), {"judicial_system"});
  ASSERT_TRUE(restricted.ok()) << restricted.error().ToString();
  EXPECT_EQ(AllNodeIds(*restricted), (std::vector<std::string>{"resilience", "justice"}));
  EXPECT_EQ(restricted->quadrant_x, "resilience");
  EXPECT_EQ(restricted->quadrant_y, "");
}

// It said "the framework has no node" when two indices' editions were compared.
TEST(RestrictFrameworkTest, KeepingNothingFailsSayingNoIndicatorIsShared) {
  for (const std::vector<std::string>& keep : {std::vector<std::string>{}, std::vector<std::string>{"cyber"}}) {
    auto restricted = RestrictFramework(MiniGoci(), keep);
    ASSERT_FALSE(restricted.ok());
    EXPECT_EQ(restricted.error().message,
              "edition 2023 shares no indicator with the editions it is compared with: like-for-like needs at least one");
  }
}

}  // namespace
}  // namespace ocindex::core
