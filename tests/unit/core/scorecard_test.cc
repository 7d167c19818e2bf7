#include "core/scoring/scorecard.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/tiny_framework.h"

namespace ocindex::core {
namespace {

using test_support::AddCountry;
using test_support::AddIndicator;
using test_support::AddNode;
using test_support::Country;
using test_support::Linked;
using test_support::MeasureOf;
using test_support::MiniGoci;
using test_support::MiniGociUnlinked;
using test_support::NewFramework;
using test_support::R;
using test_support::SetPublished;

Scorecard Computed(const Framework& framework, const Dataset& dataset) {
  auto card = Scorecard::Compute(framework, dataset);
  EXPECT_TRUE(card.ok()) << card.error().ToString();
  return card.ok() ? *card : Scorecard();
}

// Country A in the miniature GOCI:
//   people: trafficking 8, smuggling 6, extortion 4   (group mean 6)
//   drugs:  heroin 2                                  (group mean 2)
//   actors: mafia 9, networks 6                       (mean 7.5)
//   governance: leadership 3, transparency 4          (component mean 3.5)
//   justice: judicial 8                               (component mean 8)
const test_support::Scores kCountryA = {
    {"human_trafficking", "8"}, {"human_smuggling", "6"}, {"extortion", "4"},        {"heroin_trade", "2"},
    {"mafia_groups", "9"},      {"criminal_networks", "6"}, {"political_leadership", "3"},
    {"transparency", "4"},      {"judicial_system", "8"}};

class MiniGociScorecardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    framework_ = MiniGoci();
    dataset_ = Dataset::ShapedFor(framework_);
  }
  std::optional<Rational> Exact(const Scorecard& card, int country, std::string_view id) const {
    return card.exact(country, MeasureOf(framework_, id));
  }
  std::optional<int64_t> Rounded(const Scorecard& card, int country, std::string_view id) const {
    return card.rounded(country, MeasureOf(framework_, id));
  }

  Framework framework_;
  Dataset dataset_;
};

// A component is the mean of ALL its indicators; its groups are display only.
TEST_F(MiniGociScorecardTest, ComponentIsTheMeanOfItsIndicatorsNotOfItsGroups) {
  const int a = AddCountry(dataset_, framework_, Country("AAA"), kCountryA);
  const Scorecard card = Computed(framework_, dataset_);
  // (8 + 6 + 4 + 2) / 4 = 5, whereas the mean of the group means (6 + 2) / 2 would be 4.
  EXPECT_EQ(Exact(card, a, "criminal_markets"), Rational(5));
  EXPECT_EQ(Exact(card, a, "people"), Rational(6));
  EXPECT_EQ(Exact(card, a, "drugs"), Rational(2));
  EXPECT_EQ(Exact(card, a, "criminal_actors"), Rational(15, 2));
  EXPECT_EQ(Exact(card, a, "actors"), Rational(15, 2));
}

// Criminality is the mean of its two components, not the mean of its six indicators.
TEST_F(MiniGociScorecardTest, CriminalityIsTheMeanOfMarketsAndActors) {
  const int a = AddCountry(dataset_, framework_, Country("AAA"), kCountryA);
  const Scorecard card = Computed(framework_, dataset_);
  // (5 + 7.5) / 2 = 6.25; pooling the indicators would give 35 / 6 = 5.83.
  EXPECT_EQ(Exact(card, a, "criminality"), Rational(25, 4));
  EXPECT_EQ(Rounded(card, a, "criminality"), 625);
}

// Resilience is the mean of its indicators, not of its components.
TEST_F(MiniGociScorecardTest, ResilienceIsTheMeanOfItsIndicators) {
  const int a = AddCountry(dataset_, framework_, Country("AAA"), kCountryA);
  const Scorecard card = Computed(framework_, dataset_);
  // (3 + 4 + 8) / 3 = 5; the mean of the components (3.5 + 8) / 2 would be 5.75.
  EXPECT_EQ(Exact(card, a, "resilience"), Rational(5));
  EXPECT_EQ(Exact(card, a, "governance"), Rational(7, 2));
  EXPECT_EQ(Exact(card, a, "justice"), Rational(8));
}

TEST_F(MiniGociScorecardTest, IndicatorMeasuresCarryTheirScores) {
  const int a = AddCountry(dataset_, framework_, Country("AAA"), kCountryA);
  const Scorecard card = Computed(framework_, dataset_);
  EXPECT_EQ(card.country_count(), 1);
  EXPECT_EQ(card.measure_count(), 18);
  EXPECT_EQ(card.decimals(), 2);
  EXPECT_EQ(Exact(card, a, "heroin_trade"), Rational(2));
  EXPECT_EQ(Rounded(card, a, "mafia_groups"), 900);
}

TEST_F(MiniGociScorecardTest, NotAssessedIndicatorsAreSkippedNeverZero) {
  const int b = AddCountry(dataset_, framework_, Country("BBB"),
                           {{"human_trafficking", "8"}, {"extortion", "5"}, {"heroin_trade", "3.5"},
                            {"mafia_groups", "9"}, {"criminal_networks", "6"}});
  const Scorecard card = Computed(framework_, dataset_);
  // Smuggling is not assessed: (8 + 5 + 3.5) / 3 = 5.5; as a zero it would give 4.125.
  EXPECT_EQ(Exact(card, b, "criminal_markets"), Rational(11, 2));
  EXPECT_EQ(Exact(card, b, "people"), Rational(13, 2));
  EXPECT_EQ(Exact(card, b, "human_smuggling"), std::nullopt);
  EXPECT_EQ(Rounded(card, b, "human_smuggling"), std::nullopt);
  // (5.5 + 7.5) / 2
  EXPECT_EQ(Exact(card, b, "criminality"), Rational(13, 2));
}

TEST_F(MiniGociScorecardTest, ANodeWithNothingAssessedHasNoValue) {
  const int c = AddCountry(dataset_, framework_, Country("CCC"),
                           {{"human_trafficking", "8"}, {"human_smuggling", "6"}, {"extortion", "4"}});
  const Scorecard card = Computed(framework_, dataset_);
  EXPECT_EQ(Exact(card, c, "drugs"), std::nullopt);
  EXPECT_EQ(Exact(card, c, "criminal_actors"), std::nullopt);
  EXPECT_EQ(Exact(card, c, "actors"), std::nullopt);
  EXPECT_EQ(Exact(card, c, "resilience"), std::nullopt);
  EXPECT_EQ(Rounded(card, c, "resilience"), std::nullopt);
  EXPECT_EQ(Exact(card, c, "governance"), std::nullopt);
  EXPECT_EQ(Exact(card, c, "criminal_markets"), Rational(6));
  // A children-averaging node averages the children that have a value.
  EXPECT_EQ(Exact(card, c, "criminality"), Rational(6));
}

TEST_F(MiniGociScorecardTest, ACountryWithNoScoreHasNoFigure) {
  AddCountry(dataset_, framework_, Country("AAA"), kCountryA);
  const int d = AddCountry(dataset_, framework_, Country("DDD"), {});
  const Scorecard card = Computed(framework_, dataset_);
  for (int m = 0; m < framework_.measure_count(); ++m) {
    EXPECT_EQ(card.exact(d, m), std::nullopt) << framework_.MeasureId(m);
  }
  // Rows do not bleed into each other.
  EXPECT_EQ(Exact(card, 0, "criminality"), Rational(25, 4));
}

TEST_F(MiniGociScorecardTest, CountriesAreComputedIndependently) {
  const int a = AddCountry(dataset_, framework_, Country("AAA"), kCountryA);
  const int b = AddCountry(dataset_, framework_, Country("BBB"),
                           {{"human_trafficking", "1"}, {"heroin_trade", "2"}, {"mafia_groups", "10"},
                            {"judicial_system", "1.5"}});
  const Scorecard card = Computed(framework_, dataset_);
  EXPECT_EQ(Exact(card, a, "criminality"), Rational(25, 4));
  EXPECT_EQ(Exact(card, b, "criminal_markets"), Rational(3, 2));
  EXPECT_EQ(Exact(card, b, "criminality"), Rational(23, 4));  // (1.5 + 10) / 2
  EXPECT_EQ(Exact(card, b, "resilience"), Rational(3, 2));
}

TEST(ScorecardWeightsTest, IndicatorAndNodeWeightsAreHonoured) {
  Framework f = MiniGociUnlinked();
  f.indicators[static_cast<size_t>(*f.FindIndicator("human_trafficking"))].weight = 2;
  f.nodes[static_cast<size_t>(*f.FindNode("criminal_markets"))].weight = 3;
  f = Linked(std::move(f));
  Dataset d = Dataset::ShapedFor(f);
  const int a = AddCountry(d, f, Country("AAA"), kCountryA);
  const Scorecard card = Computed(f, d);
  // Markets: (2*8 + 6 + 4 + 2) / 5 = 5.6; people: (2*8 + 6 + 4) / 4 = 6.5.
  EXPECT_EQ(card.exact(a, MeasureOf(f, "criminal_markets")), Rational(28, 5));
  EXPECT_EQ(card.exact(a, MeasureOf(f, "people")), Rational(13, 2));
  // Criminality: (3*5.6 + 1*7.5) / 4 = 6.075, which rounds half-up to 6.08.
  EXPECT_EQ(card.exact(a, MeasureOf(f, "criminality")), Rational(243, 40));
  EXPECT_EQ(card.rounded(a, MeasureOf(f, "criminality")), 608);
}

TEST(ScorecardWeightsTest, FractionalWeightsStayExact) {
  Framework f = NewFramework();
  AddNode(f, "p", NodeKind::kPillar);
  AddIndicator(f, "x", "p", Rational(1, 3));
  AddIndicator(f, "y", "p", Rational(2, 3));
  f = Linked(std::move(f));
  Dataset d = Dataset::ShapedFor(f);
  AddCountry(d, f, Country("AAA"), {{"x", "1"}, {"y", "2.5"}});
  const Scorecard card = Computed(f, d);
  // (1/3 * 1 + 2/3 * 2.5) / 1 = 2
  EXPECT_EQ(card.exact(0, 0), Rational(2));
}

TEST(ScorecardRoundingTest, RoundsToTheFrameworksDecimals) {
  Framework f = MiniGociUnlinked();
  f.decimals = 1;
  f = Linked(std::move(f));
  Dataset d = Dataset::ShapedFor(f);
  AddCountry(d, f, Country("AAA"), kCountryA);
  const Scorecard card = Computed(f, d);
  EXPECT_EQ(card.decimals(), 1);
  EXPECT_EQ(card.rounded(0, MeasureOf(f, "criminality")), 63);  // 6.25 -> 6.3
}

TEST(ScorecardShapeTest, RejectsADatasetShapedForAnotherFramework) {
  const Framework f = MiniGoci();
  Framework smaller = MiniGociUnlinked();
  smaller.indicators.pop_back();
  smaller.nodes.pop_back();
  smaller = Linked(std::move(smaller));
  Dataset d = Dataset::ShapedFor(smaller);
  d.AddCountry(Country("AAA"));
  EXPECT_FALSE(Scorecard::Compute(f, d).ok());
}

// Same number of columns, different indicators: the scores would be read under the
// wrong indicators. The dataset names its columns, so Compute can tell.
TEST(ScorecardShapeTest, RejectsADatasetWhoseColumnsAreOtherIndicators) {
  const Framework f = MiniGoci();
  Framework reordered = MiniGociUnlinked();
  std::swap(reordered.indicators[0], reordered.indicators[3]);  // heroin first, trafficking fourth
  reordered = Linked(std::move(reordered));
  Dataset d = Dataset::ShapedFor(reordered);
  d.AddCountry(Country("AAA"));
  EXPECT_FALSE(Scorecard::Compute(f, d).ok());
  // The same dataset is fine with its own framework.
  EXPECT_TRUE(Scorecard::Compute(reordered, d).ok());
}

// ---------------------------------------------------------------- Libya, GOCI 2023

// The 2023 framework's shape, with Libya's published scores (data/editions/goci-2023.csv).
class Libya2023Test : public ::testing::Test {
 protected:
  void SetUp() override {
    Framework f = NewFramework("2023");
    AddNode(f, "criminality", NodeKind::kPillar, "", Aggregate::kChildren);
    AddNode(f, "criminal_markets", NodeKind::kComponent, "criminality");
    for (const char* group : {"people", "trade", "environment", "drugs", "cyber", "financial"}) {
      AddNode(f, group, NodeKind::kGroup, "criminal_markets");
    }
    AddNode(f, "criminal_actors", NodeKind::kComponent, "criminality");
    AddNode(f, "actors", NodeKind::kGroup, "criminal_actors");
    AddNode(f, "resilience", NodeKind::kPillar);
    for (const char* component :
         {"leadership_governance", "criminal_justice_security", "economic_financial", "civil_society"}) {
      AddNode(f, component, NodeKind::kComponent, "resilience");
    }
    const std::vector<std::pair<std::string, std::string>> indicators = {
        {"human_trafficking", "people"},
        {"human_smuggling", "people"},
        {"extortion_racketeering", "people"},
        {"arms_trafficking", "trade"},
        {"counterfeit_goods", "trade"},
        {"excisable_goods", "trade"},
        {"flora_crimes", "environment"},
        {"fauna_crimes", "environment"},
        {"non_renewable_resource_crimes", "environment"},
        {"heroin_trade", "drugs"},
        {"cocaine_trade", "drugs"},
        {"cannabis_trade", "drugs"},
        {"synthetic_drug_trade", "drugs"},
        {"cyber_dependent_crimes", "cyber"},
        {"financial_crimes", "financial"},
        {"mafia_style_groups", "actors"},
        {"criminal_networks", "actors"},
        {"state_embedded_actors", "actors"},
        {"foreign_actors", "actors"},
        {"private_sector_actors", "actors"},
        {"political_leadership", "leadership_governance"},
        {"government_transparency", "leadership_governance"},
        {"international_cooperation", "leadership_governance"},
        {"national_policies", "leadership_governance"},
        {"judicial_system", "criminal_justice_security"},
        {"law_enforcement", "criminal_justice_security"},
        {"territorial_integrity", "criminal_justice_security"},
        {"anti_money_laundering", "economic_financial"},
        {"economic_regulatory_capacity", "economic_financial"},
        {"victim_witness_support", "civil_society"},
        {"prevention", "civil_society"},
        {"non_state_actors", "civil_society"},
    };
    for (const auto& [id, group] : indicators) AddIndicator(f, id, group);
    framework_ = Linked(std::move(f));
    dataset_ = Dataset::ShapedFor(framework_);
    libya_ = AddCountry(dataset_, framework_, Country("LBY", "Africa", "North Africa", "Libya"),
                        {// 15 criminal markets
                         {"human_trafficking", "8.5"},
                         {"human_smuggling", "9.5"},
                         {"extortion_racketeering", "9"},
                         {"arms_trafficking", "9"},
                         {"counterfeit_goods", "6"},
                         {"excisable_goods", "7"},
                         {"flora_crimes", "1"},
                         {"fauna_crimes", "3.5"},
                         {"non_renewable_resource_crimes", "9.5"},
                         {"heroin_trade", "2.5"},
                         {"cocaine_trade", "5.5"},
                         {"cannabis_trade", "7"},
                         {"synthetic_drug_trade", "7.5"},
                         {"cyber_dependent_crimes", "3.5"},
                         {"financial_crimes", "9.5"},
                         // 5 criminal actors
                         {"mafia_style_groups", "9"},
                         {"criminal_networks", "7.5"},
                         {"state_embedded_actors", "9.5"},
                         {"foreign_actors", "5.5"},
                         {"private_sector_actors", "5"},
                         // 12 resilience indicators
                         {"political_leadership", "1.5"},
                         {"government_transparency", "1.5"},
                         {"international_cooperation", "2.5"},
                         {"national_policies", "2"},
                         {"judicial_system", "1.5"},
                         {"law_enforcement", "1.5"},
                         {"territorial_integrity", "1.5"},
                         {"anti_money_laundering", "1"},
                         {"economic_regulatory_capacity", "2"},
                         {"victim_witness_support", "1"},
                         {"prevention", "1"},
                         {"non_state_actors", "1.5"}});
  }
  int Node(std::string_view id) const { return *framework_.FindNode(id); }

  Framework framework_;
  Dataset dataset_;
  int libya_ = 0;
};

TEST_F(Libya2023Test, MarketScoresAverageTo98Point5Over15) {
  Rational sum = 0;
  for (int i : framework_.IndicatorsUnder(Node("criminal_markets"))) sum += *dataset_.score(libya_, i);
  EXPECT_EQ(framework_.IndicatorsUnder(Node("criminal_markets")).size(), 15u);
  EXPECT_EQ(sum, R("98.5"));
  const Scorecard card = Computed(framework_, dataset_);
  EXPECT_EQ(card.exact(libya_, Node("criminal_markets")), R("98.5") / 15);  // 6.5666...
  EXPECT_EQ(card.rounded(libya_, Node("criminal_markets")), 657);
}

TEST_F(Libya2023Test, ActorsAverageTo7Point3) {
  const Scorecard card = Computed(framework_, dataset_);
  EXPECT_EQ(card.exact(libya_, Node("criminal_actors")), R("7.3"));
  EXPECT_EQ(card.rounded(libya_, Node("criminal_actors")), 730);
}

// The published 6.93 comes from the unrounded component means: (6.5666... + 7.3) / 2 =
// 6.9333.... Averaging the rounded components, (6.57 + 7.30) / 2 = 6.935, would print 6.94.
TEST_F(Libya2023Test, CriminalityAveragesUnroundedComponents) {
  const Scorecard card = Computed(framework_, dataset_);
  EXPECT_EQ(card.exact(libya_, Node("criminality")), Rational(104, 15));
  EXPECT_EQ(card.rounded(libya_, Node("criminality")), 693);
  EXPECT_EQ((Rational(657, 100) + Rational(730, 100)) / 2, Rational(1387, 200));
  EXPECT_EQ(Rational(1387, 200).RoundHalfUp(2), 694);
}

TEST_F(Libya2023Test, ResilienceIsTheMeanOfTwelveIndicators) {
  const Scorecard card = Computed(framework_, dataset_);
  // 18.5 / 12 = 1.541666... -> 1.54; the mean of the four component means would be 1.51.
  EXPECT_EQ(card.exact(libya_, Node("resilience")), R("18.5") / 12);
  EXPECT_EQ(card.rounded(libya_, Node("resilience")), 154);
}

TEST_F(Libya2023Test, PublishedFiguresMatch) {
  SetPublished(dataset_, framework_, libya_, "criminality", "6.93");
  SetPublished(dataset_, framework_, libya_, "criminal_markets", "6.57");
  SetPublished(dataset_, framework_, libya_, "criminal_actors", "7.3");
  SetPublished(dataset_, framework_, libya_, "resilience", "1.54");
  const Scorecard card = Computed(framework_, dataset_);
  EXPECT_TRUE(CheckPublished(framework_, dataset_, card).empty());
}

TEST_F(Libya2023Test, UnroundedAndFloatNoisyPublishedFiguresMatch) {
  SetPublished(dataset_, framework_, libya_, "criminality", "6.9333333333333336");
  SetPublished(dataset_, framework_, libya_, "criminal_markets", "6.5666666666666664");
  SetPublished(dataset_, framework_, libya_, "criminal_actors", "7.2999999999999998");
  SetPublished(dataset_, framework_, libya_, "resilience", "1.5416666666666667");
  SetPublished(dataset_, framework_, libya_, "people", "9.0000000000000004");
  SetPublished(dataset_, framework_, libya_, "trade", "7.33");
  const Scorecard card = Computed(framework_, dataset_);
  EXPECT_TRUE(CheckPublished(framework_, dataset_, card).empty());
}

TEST_F(Libya2023Test, CheckPublishedReportsAMismatch) {
  SetPublished(dataset_, framework_, libya_, "criminal_markets", "6.57");
  SetPublished(dataset_, framework_, libya_, "criminality", "6.94");  // rounded-components arithmetic
  const Scorecard card = Computed(framework_, dataset_);
  std::vector<PublishedMismatch> mismatches = CheckPublished(framework_, dataset_, card);
  ASSERT_EQ(mismatches.size(), 1u);
  EXPECT_EQ(mismatches[0].country, libya_);
  EXPECT_EQ(mismatches[0].node, Node("criminality"));
  EXPECT_EQ(mismatches[0].published, 694);
  EXPECT_EQ(mismatches[0].recomputed, 693);
}

TEST_F(Libya2023Test, CheckPublishedRoundsThePublishedValueHalfUp) {
  SetPublished(dataset_, framework_, libya_, "criminality", "6.934999");  // 6.93: agrees
  const Scorecard card = Computed(framework_, dataset_);
  EXPECT_TRUE(CheckPublished(framework_, dataset_, card).empty());
  SetPublished(dataset_, framework_, libya_, "criminality", "6.935");  // 6.94: disagrees
  std::vector<PublishedMismatch> mismatches = CheckPublished(framework_, dataset_, card);
  ASSERT_EQ(mismatches.size(), 1u);
  EXPECT_EQ(mismatches[0].published, 694);
}

TEST_F(MiniGociScorecardTest, CheckPublishedFlagsAFigureWhereNoneCanBeComputed) {
  const int c = AddCountry(dataset_, framework_, Country("CCC"), {{"human_trafficking", "8"}});
  SetPublished(dataset_, framework_, c, "criminal_actors", "5");
  SetPublished(dataset_, framework_, c, "criminal_markets", "8");
  const Scorecard card = Computed(framework_, dataset_);
  std::vector<PublishedMismatch> mismatches = CheckPublished(framework_, dataset_, card);
  ASSERT_EQ(mismatches.size(), 1u);
  EXPECT_EQ(mismatches[0].node, *framework_.FindNode("criminal_actors"));
  EXPECT_EQ(mismatches[0].published, 500);
}

}  // namespace
}  // namespace ocindex::core
