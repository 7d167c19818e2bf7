#include "core/scoring/country_summary.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "support/tiny_framework.h"

namespace ocindex::core {
namespace {

using test_support::AddIndicator;
using test_support::AddNode;
using test_support::Linked;
using test_support::NewFramework;
using test_support::SmallEditions;

std::vector<std::string> Ids(const Framework& framework, const std::vector<int>& measures) {
  std::vector<std::string> out;
  for (int m : measures) out.push_back(framework.MeasureId(m));
  return out;
}

// ---------------------------------------------------------------- DisplayOrder

TEST(DisplayOrderTest, NodeThenItsOwnIndicatorsThenItsChildren) {
  Framework f = NewFramework();
  AddNode(f, "top", NodeKind::kPillar);
  AddNode(f, "a", NodeKind::kComponent, "top");
  AddNode(f, "a1", NodeKind::kGroup, "a");
  AddNode(f, "b", NodeKind::kComponent, "top");
  AddNode(f, "second", NodeKind::kPillar);
  // Declared in an order unlike the display order.
  AddIndicator(f, "in_second", "second");
  AddIndicator(f, "in_b", "b");
  AddIndicator(f, "in_a1", "a1");
  AddIndicator(f, "in_a", "a");
  AddIndicator(f, "in_top", "top");
  AddIndicator(f, "in_a1_too", "a1");
  f = Linked(std::move(f));
  EXPECT_EQ(Ids(f, DisplayOrder(f)), (std::vector<std::string>{"top", "in_top", "a", "in_a", "a1", "in_a1", "in_a1_too",
                                                               "b", "in_b", "second", "in_second"}));
}

TEST(DisplayOrderTest, SmallEditionShape) {
  const Framework f = test_support::SmallEditionFramework("2023");
  const std::vector<int> order = DisplayOrder(f);
  EXPECT_EQ(static_cast<int>(order.size()), f.measure_count());
  EXPECT_EQ(Ids(f, order),
            (std::vector<std::string>{"criminality", "criminal_markets", "people", "human_trafficking", "drugs",
                                      "heroin_trade", "cyber", "cyber_crimes", "criminal_actors", "actors",
                                      "mafia_groups", "resilience", "justice", "judicial_system"}));
}

// ---------------------------------------------------------------- SummarizeCountry

class CountrySummaryTest : public ::testing::Test {
 protected:
  CountrySummaryTest()
      : editions_(SmallEditions()),
        previous_(editions_.before),
        current_(editions_.after),
        previous_card_(Card(previous_)),
        current_card_(Card(current_)),
        previous_ranked_(previous_, previous_card_),
        current_ranked_(current_, current_card_) {}

  static Scorecard Card(const Edition& edition) {
    auto card = Scorecard::Compute(edition.framework, edition.dataset);
    EXPECT_TRUE(card.ok()) << card.error().ToString();
    return std::move(*card);
  }
  CountrySummary Summary(const std::string& iso3, bool with_previous = true) const {
    auto summary = SummarizeCountry(current_ranked_, with_previous ? &previous_ranked_ : nullptr, iso3);
    EXPECT_TRUE(summary.ok()) << summary.error().ToString();
    return summary.ok() ? *summary : CountrySummary{};
  }
  const MeasureSummary* Row(const CountrySummary& summary, const std::string& id) const {
    for (const MeasureSummary& row : summary.measures) {
      if (current_.framework.MeasureId(row.measure) == id) return &row;
    }
    ADD_FAILURE() << "no row for " << id;
    return nullptr;
  }

  const test_support::EditionPair editions_;
  const Edition& previous_;  // 2021
  const Edition& current_;   // 2023
  const Scorecard previous_card_;
  const Scorecard current_card_;
  const RankedEdition previous_ranked_;
  const RankedEdition current_ranked_;
};

TEST_F(CountrySummaryTest, DescribesTheCountryAndEditions) {
  const CountrySummary s = Summary("AAA");
  EXPECT_EQ(s.country.iso3, "AAA");
  EXPECT_EQ(s.country.region, "North Africa");
  EXPECT_EQ(s.edition, "2023");
  EXPECT_EQ(s.previous_edition, "2021");
  // Criminality (19/3 + 7) / 2 = 6.67 is high; resilience 3 is low.
  EXPECT_EQ(s.quadrant, Quadrant::kHighCriminalityLowResilience);
}

TEST_F(CountrySummaryTest, ListsEveryMeasureInDisplayOrder) {
  const CountrySummary s = Summary("AAA");
  std::vector<int> measures;
  for (const MeasureSummary& row : s.measures) measures.push_back(row.measure);
  EXPECT_EQ(measures, DisplayOrder(current_.framework));
  EXPECT_EQ(static_cast<int>(s.measures.size()), current_.framework.measure_count());
}

TEST_F(CountrySummaryTest, ValuesRanksAndAveragesInThreeScopes) {
  const CountrySummary s = Summary("AAA");
  const MeasureSummary* markets = Row(s, "criminal_markets");
  ASSERT_NE(markets, nullptr);
  // 2023 markets: BBB 4.33, AAA 6.33, DDD 5, EEE 4.
  EXPECT_EQ(markets->current.value, 633);
  // World: AAA first of four; Africa: first of two (BBB); North Africa: alone.
  EXPECT_EQ(markets->current.ranks[0].position, 1);
  EXPECT_EQ(markets->current.ranks[0].of, 4);
  EXPECT_EQ(markets->current.ranks[1].position, 1);
  EXPECT_EQ(markets->current.ranks[1].of, 2);
  EXPECT_EQ(markets->current.ranks[2].position, 1);
  EXPECT_EQ(markets->current.ranks[2].of, 1);
  // World (4.33 + 6.33 + 5 + 4) / 4 = 4.915 -> 4.92 (half-up); Africa (4.33 + 6.33) / 2 = 5.33;
  // North Africa 6.33.
  EXPECT_EQ(markets->current.averages[0], 492);
  EXPECT_EQ(markets->current.averages[1], 533);
  EXPECT_EQ(markets->current.averages[2], 633);
}

TEST_F(CountrySummaryTest, RanksAndAveragesOfAnotherCountry) {
  const CountrySummary s = Summary("EEE");
  const MeasureSummary* resilience = Row(s, "resilience");
  ASSERT_NE(resilience, nullptr);
  // 2023 resilience: BBB 4, AAA 3, DDD 9, EEE 5.
  EXPECT_EQ(resilience->current.value, 500);
  EXPECT_EQ(resilience->current.ranks[0].position, 2);
  EXPECT_EQ(resilience->current.ranks[0].of, 4);
  // Europe and Western Europe are both DDD and EEE.
  EXPECT_EQ(resilience->current.ranks[1].position, 2);
  EXPECT_EQ(resilience->current.ranks[1].of, 2);
  EXPECT_EQ(resilience->current.ranks[2].position, 2);
  EXPECT_EQ(resilience->current.averages[0], 525);  // (4 + 3 + 9 + 5) / 4 = 5.25
  EXPECT_EQ(resilience->current.averages[1], 700);  // (9 + 5) / 2
  EXPECT_EQ(resilience->current.averages[2], 700);
  EXPECT_EQ(s.quadrant, Quadrant::kLowCriminalityLowResilience);  // criminality (4 + nothing) = 4
}

TEST_F(CountrySummaryTest, PreviousFiguresWhenTheMeasureExistsInBothEditions) {
  const CountrySummary s = Summary("AAA");
  const MeasureSummary* markets = Row(s, "criminal_markets");
  ASSERT_NE(markets, nullptr);
  ASSERT_TRUE(markets->previous.has_value());
  // 2021 markets: AAA 5, BBB 5, CCC 8 (EEE none).
  EXPECT_EQ(markets->previous->value, 500);
  EXPECT_EQ(markets->previous->ranks[0].position, 2);
  EXPECT_EQ(markets->previous->ranks[0].of, 3);
  EXPECT_TRUE(markets->previous->ranks[0].tied);
  EXPECT_EQ(markets->previous->averages[0], 600);  // (5 + 5 + 8) / 3
  EXPECT_EQ(markets->previous->averages[1], 500);  // Africa: AAA, BBB
  EXPECT_EQ(markets->previous->averages[2], 500);  // North Africa: AAA

  const MeasureSummary* resilience = Row(s, "resilience");
  ASSERT_NE(resilience, nullptr);
  ASSERT_TRUE(resilience->previous.has_value());
  EXPECT_EQ(resilience->previous->value, 400);  // as published in 2021: (3 + 5) / 2
}

TEST_F(CountrySummaryTest, NoPreviousFiguresForAMeasureNewInThisEdition) {
  const CountrySummary s = Summary("AAA");
  for (const char* id : {"cyber", "cyber_crimes"}) {
    const MeasureSummary* row = Row(s, id);
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(row->current.value, 900) << id;
    EXPECT_FALSE(row->previous.has_value()) << id;
  }
}

TEST_F(CountrySummaryTest, NoPreviousFiguresWhereTheCountryWasNotAssessed) {
  const CountrySummary s = Summary("EEE");
  const MeasureSummary* markets = Row(s, "criminal_markets");
  ASSERT_NE(markets, nullptr);
  EXPECT_EQ(markets->current.value, 400);
  EXPECT_FALSE(markets->previous.has_value());
  const MeasureSummary* resilience = Row(s, "resilience");
  ASSERT_NE(resilience, nullptr);
  ASSERT_TRUE(resilience->previous.has_value());
  EXPECT_EQ(resilience->previous->value, 500);
}

TEST_F(CountrySummaryTest, ACountryNewInThisEditionHasNoPreviousFigures) {
  const CountrySummary s = Summary("DDD");
  EXPECT_EQ(s.previous_edition, "2021");
  for (const MeasureSummary& row : s.measures) {
    EXPECT_FALSE(row.previous.has_value()) << current_.framework.MeasureId(row.measure);
  }
}

TEST_F(CountrySummaryTest, WithoutAPreviousEdition) {
  const CountrySummary s = Summary("AAA", /*with_previous=*/false);
  EXPECT_EQ(s.previous_edition, "");
  for (const MeasureSummary& row : s.measures) EXPECT_FALSE(row.previous.has_value());
  EXPECT_EQ(Row(s, "criminal_markets")->current.value, 633);
}

TEST_F(CountrySummaryTest, UnassessedMeasureHasNoValueRankOrAverageGap) {
  const CountrySummary s = Summary("EEE");
  const MeasureSummary* cyber = Row(s, "cyber_crimes");
  ASSERT_NE(cyber, nullptr);
  EXPECT_EQ(cyber->current.value, std::nullopt);
  EXPECT_EQ(cyber->current.ranks[0].position, 0);
  // The averages still describe the country's groups: world (1 + 9 + 5) / 3 = 5;
  // Western Europe has DDD's 5.
  EXPECT_EQ(cyber->current.averages[0], 500);
  EXPECT_EQ(cyber->current.averages[2], 500);
}

TEST_F(CountrySummaryTest, UnknownCountryIsNotFound) {
  for (const char* iso3 : {"CCC", "ZZZ", ""}) {
    auto summary = SummarizeCountry(current_ranked_, &previous_ranked_, iso3);
    ASSERT_FALSE(summary.ok()) << iso3;
    EXPECT_EQ(summary.error().code, ErrorCode::kNotFound);
  }
}

}  // namespace
}  // namespace ocindex::core
