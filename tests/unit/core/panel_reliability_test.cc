#include "core/reliability/panel_reliability.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/reliability/icc.h"
#include "core/reliability/krippendorff.h"
#include "support/tiny_framework.h"

namespace ocindex::core {
namespace {

using test_support::MiniGoci;

// Shrout and Fleiss (1979), Table 2 (6 targets x 4 judges), as expert scores of six
// countries on one indicator: ICC(2,1) = .29, ICC(2,4) = .62.
const std::vector<std::vector<double>> kTable = {
    {9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7},
};

std::vector<ExpertScore> TableScores(const std::string& indicator) {
  std::vector<ExpertScore> scores;
  for (size_t c = 0; c < kTable.size(); ++c) {
    for (size_t e = 0; e < kTable[c].size(); ++e) {
      scores.push_back({"2023", "C" + std::to_string(c), indicator, "E" + std::to_string(e), kTable[c][e], {}});
    }
  }
  return scores;
}

const PanelReliability* Row(const std::vector<PanelReliability>& rows, const std::string& id) {
  for (const auto& r : rows) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

TEST(ReliabilityBy, AnIndicatorsCountriesAreTheUnitsAndItsExpertsTheRaters) {
  const auto rows = ReliabilityBy(MiniGoci(), TableScores("heroin_trade"), ReliabilityScope::kIndicator);
  ASSERT_EQ(rows.size(), 2u);  // the one scored indicator, then "all"
  const PanelReliability& r = rows.front();
  EXPECT_EQ(r.id, "heroin_trade");
  EXPECT_EQ(r.units, 6);
  EXPECT_EQ(r.raters, 4);
  EXPECT_EQ(r.ratings, 24);
  EXPECT_DOUBLE_EQ(r.missing_share, 0.0);
  ASSERT_TRUE(r.icc.has_value());
  EXPECT_NEAR(r.icc->single, 0.29, 0.005);
  EXPECT_NEAR(r.icc->average, 0.62, 0.005);
  EXPECT_EQ(r.icc_units, 6);
  std::vector<std::vector<std::optional<double>>> ratings;
  for (const auto& row : kTable) ratings.emplace_back(row.begin(), row.end());
  EXPECT_DOUBLE_EQ(*r.alpha_interval, *KrippendorffAlpha(ratings, AlphaMetric::kInterval));
  EXPECT_DOUBLE_EQ(*r.alpha_ordinal, *KrippendorffAlpha(ratings, AlphaMetric::kOrdinal));
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(rows.back().id, "all");
  EXPECT_DOUBLE_EQ(rows.back().icc->single, r.icc->single);
}

TEST(ReliabilityBy, MissingScoresCountInTheShareAndLeaveTheIccTheCompleteUnits) {
  auto scores = TableScores("heroin_trade");
  scores.erase(scores.begin());  // country C0 loses expert E0's score
  const auto rows = ReliabilityBy(MiniGoci(), scores, ReliabilityScope::kIndicator);
  const PanelReliability& r = rows.front();
  EXPECT_EQ(r.ratings, 23);
  EXPECT_DOUBLE_EQ(r.missing_share, 1.0 / 24.0);
  EXPECT_EQ(r.icc_units, 5);
  std::vector<std::vector<double>> complete(kTable.begin() + 1, kTable.end());
  EXPECT_DOUBLE_EQ(r.icc->single, Icc2(complete)->single);
  ASSERT_TRUE(r.alpha_interval.has_value());  // alpha keeps C0's three pairable scores
}

TEST(ReliabilityBy, NodesAndTheOverallRowPoolTheCellsBeneathThem) {
  auto scores = TableScores("human_trafficking");
  const auto more = TableScores("heroin_trade");
  scores.insert(scores.end(), more.begin(), more.end());
  const auto rows = ReliabilityBy(MiniGoci(), scores, ReliabilityScope::kGroup);
  ASSERT_EQ(rows.size(), 3u);  // people, drugs, all: groups with no scores are left out
  EXPECT_EQ(rows[0].id, "people");
  EXPECT_EQ(rows[1].id, "drugs");
  EXPECT_EQ(rows[2].id, "all");
  EXPECT_EQ(rows[2].units, 12);
  EXPECT_EQ(rows[2].ratings, 48);
  const auto pillars = ReliabilityBy(MiniGoci(), scores, ReliabilityScope::kPillar);
  ASSERT_NE(Row(pillars, "criminality"), nullptr);
  EXPECT_EQ(Row(pillars, "criminality")->units, 12);
  EXPECT_EQ(Row(pillars, "resilience"), nullptr);
}

TEST(ReliabilityBy, TheOrderOfTheScoresChangesNothing) {
  auto scores = TableScores("heroin_trade");
  const auto before = ReliabilityBy(MiniGoci(), scores, ReliabilityScope::kAll);
  std::reverse(scores.begin(), scores.end());
  const auto after = ReliabilityBy(MiniGoci(), scores, ReliabilityScope::kAll);
  ASSERT_EQ(before.size(), 1u);
  EXPECT_DOUBLE_EQ(*before[0].alpha_ordinal, *after[0].alpha_ordinal);
  EXPECT_DOUBLE_EQ(before[0].icc->average, after[0].icc->average);
}

TEST(ReliabilityBy, TooFewExpertsOrCellsIsSaidNotComputed) {
  std::vector<ExpertScore> one_expert = {{"2023", "AAA", "heroin_trade", "E1", 5, {}},
                                         {"2023", "BBB", "heroin_trade", "E1", 6, {}}};
  const auto rows = ReliabilityBy(MiniGoci(), one_expert, ReliabilityScope::kIndicator);
  EXPECT_FALSE(rows.front().alpha_interval.has_value());
  EXPECT_FALSE(rows.front().icc.has_value());
  ASSERT_FALSE(rows.front().problems.empty());
  EXPECT_NE(rows.front().problems.front().find("at least 2 experts; 1 found"), std::string::npos);

  std::vector<ExpertScore> one_cell = {{"2023", "AAA", "heroin_trade", "E1", 5, {}},
                                       {"2023", "AAA", "heroin_trade", "E2", 6, {}}};
  const auto cell = ReliabilityBy(MiniGoci(), one_cell, ReliabilityScope::kAll);
  ASSERT_FALSE(cell.front().problems.empty());
  EXPECT_NE(cell.front().problems.front().find("at least 2 scored cells; 1 found"), std::string::npos);

  // Two experts who never score the same cell: alpha has no pairs, the ICC no complete unit.
  std::vector<ExpertScore> apart = {{"2023", "AAA", "heroin_trade", "E1", 5, {}},
                                    {"2023", "BBB", "heroin_trade", "E2", 6, {}}};
  const auto disjoint = ReliabilityBy(MiniGoci(), apart, ReliabilityScope::kAll);
  ASSERT_EQ(disjoint.front().problems.size(), 2u);
  EXPECT_NE(disjoint.front().problems[0].find("pairable"), std::string::npos);
  EXPECT_NE(disjoint.front().problems[1].find("ICC: needs at least 2 cells scored by all 2 experts; 0 found"),
            std::string::npos);
}

}  // namespace
}  // namespace ocindex::core
