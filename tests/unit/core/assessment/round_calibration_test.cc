// Disagreement and calibration flags on a round, and the progress summary that counts
// them: one indicator, five countries in one region and two in another.
#include "core/assessment/calibration.h"

#include <gtest/gtest.h>

#include "core/assessment/progress.h"
#include "support/assessment_fixture.h"

namespace ocindex::core::assessment {
namespace {

using test_support::Country;
using test_support::kAnn;
using test_support::kCoordinator;
using test_support::R;

CellKey Cell(const char* iso3) { return CellKey{iso3, "x"}; }

class CalibrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // proposals: AAA 4.5, BBB 5, CCC 5, DDD 5.5, EEE 9 (North Africa); FFF 5.5 from 2 and 9, GGG 5.
    for (auto [iso3, ann, bob] : {std::tuple{"AAA", "4.5", "4.5"}, {"BBB", "5", "5"}, {"CCC", "5", "5"},
                                  {"DDD", "5.5", "5.5"}, {"EEE", "9", "9"}, {"FFF", "2", "9"}, {"GGG", "5", "5"}}) {
      const CellKey key = Cell(iso3);
      ASSESSMENT_OK(ledger_.Submit(kAnn, key, test_support::Draft(ann), 1, 0));
      ASSESSMENT_OK(ledger_.Submit(test_support::kBob, key, test_support::Draft(bob), 2, 1));
    }
    ASSESSMENT_OK(ledger_.Move(kAnn, Cell("AAA"), CellState::kSubmitted, "", 3, 2));
  }

  RoundLedger ledger_ = test_support::OpenLedger(test_support::MakeRound(
      test_support::FlatFramework(),
      {Country("AAA"), Country("BBB"), Country("CCC"), Country("DDD"), Country("EEE"),
       Country("FFF", "Africa", "West Africa"), Country("GGG", "Africa", "West Africa")}));
};

TEST_F(CalibrationTest, WideSpreadFlagsTheExpertsDisagreement) {
  const auto signals = Signals(ledger_);
  EXPECT_TRUE(signals.at(Cell("FFF")).wide());
  EXPECT_EQ(signals.at(Cell("FFF")).consensus->spread, R("7"));
  EXPECT_EQ(signals.at(Cell("FFF")).standing, R("5.5"));
  EXPECT_FALSE(signals.at(Cell("AAA")).wide());
}

TEST_F(CalibrationTest, ACellThatStandsOutInItsRegionIsAnOutlier) {
  const auto signals = Signals(ledger_);
  // North Africa: 4.5 5 5 5.5 9, median 5, MAD 0.5: z of EEE = 4 / 0.7413
  ASSERT_TRUE(signals.at(Cell("EEE")).z.has_value());
  EXPECT_NEAR(*signals.at(Cell("EEE")).z, 4.0 / 0.7413, 1e-9);
  EXPECT_TRUE(signals.at(Cell("EEE")).outlier());
  for (const char* iso3 : {"AAA", "BBB", "CCC", "DDD"}) EXPECT_FALSE(signals.at(Cell(iso3)).outlier()) << iso3;
  // West Africa holds two cells: too few to calibrate.
  EXPECT_FALSE(signals.at(Cell("FFF")).z.has_value());
  EXPECT_FALSE(signals.at(Cell("GGG")).z.has_value());
}

TEST_F(CalibrationTest, TheSettledScoreStandsForTheCell) {
  ASSESSMENT_OK(ledger_.Move(kAnn, Cell("EEE"), CellState::kSubmitted, "", 3, 2));
  ASSESSMENT_OK(ledger_.ChangePhase(kCoordinator, Phase::kReviewOpen, ""));
  ASSESSMENT_OK(ledger_.Move(test_support::kRita, Cell("EEE"), CellState::kInReview, "", 4, 3));
  ASSESSMENT_OK(ledger_.Move(kCoordinator, Cell("EEE"), CellState::kAgreed, "In line with the region.", 5, 4, R("5")));
  const auto signals = Signals(ledger_);
  EXPECT_EQ(signals.at(Cell("EEE")).standing, R("5"));
  EXPECT_FALSE(signals.at(Cell("EEE")).outlier());
}

TEST_F(CalibrationTest, OneIndicatorsSignalsAreThoseOfTheWholeRound) {
  const auto all = Signals(ledger_);
  const auto one = Signals(ledger_, "x");
  ASSERT_EQ(one.size(), all.size());
  for (const auto& [key, signal] : one) {
    const CellSignal& expected = all.at(key);
    EXPECT_EQ(signal.standing, expected.standing) << key.ToString();
    EXPECT_EQ(signal.z, expected.z) << key.ToString();
    EXPECT_EQ(signal.wide(), expected.wide()) << key.ToString();
  }
  EXPECT_TRUE(Signals(ledger_, "no_such_indicator").empty());
}

TEST_F(CalibrationTest, ProgressCountsStatesAndFlags) {
  const Progress progress = Summarise(ledger_, Signals(ledger_));
  EXPECT_EQ(progress.total.cells, 7);
  EXPECT_EQ(progress.total.Count(CellState::kDraft), 6);
  EXPECT_EQ(progress.total.Count(CellState::kSubmitted), 1);
  EXPECT_EQ(progress.total.Count(CellState::kFinal), 0);
  EXPECT_EQ(progress.total.wide, 1);
  EXPECT_EQ(progress.total.outliers, 1);
  EXPECT_EQ(progress.countries.at("EEE").outliers, 1);
  EXPECT_EQ(progress.countries.at("AAA").Count(CellState::kSubmitted), 1);
  EXPECT_EQ(progress.countries.at("FFF").wide, 1);
  EXPECT_EQ(progress.indicators.at("x").cells, 7);
  EXPECT_EQ(progress.indicators.at("x").outliers, 1);
  EXPECT_EQ(progress.experts.at("ann").cells, 7);
  EXPECT_EQ(progress.experts.at("bob").Count(CellState::kSubmitted), 1);
  EXPECT_FALSE(progress.experts.contains("cy"));
  EXPECT_FALSE(progress.experts.contains("rita")) << "reviewers draft nothing";
}

TEST(Calibration, ARegionInFullAgreementFlagsNothing) {
  RoundLedger ledger = test_support::OpenLedger(
      test_support::MakeRound(test_support::FlatFramework(), {Country("AAA"), Country("BBB"), Country("CCC")}));
  for (const char* iso3 : {"AAA", "BBB", "CCC"}) {
    ASSESSMENT_OK(ledger.Submit(kAnn, Cell(iso3), test_support::Draft("6"), 1, 0));
  }
  for (const auto& [key, signal] : Signals(ledger)) {
    ASSERT_TRUE(signal.z.has_value()) << key.ToString();
    EXPECT_EQ(*signal.z, 0.0);
    EXPECT_FALSE(signal.outlier());
  }
}

}  // namespace
}  // namespace ocindex::core::assessment
