#include "adapters/io/expert_scores_csv.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "adapters/io/csv_reader.h"
#include "support/tiny_framework.h"

namespace ocindex::adapters::io {
namespace {

::testing::AssertionResult Contains(const std::string& text, std::string_view part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\"" << text << "\" lacks \"" << part << "\"";
}

class ExpertScoresCsvTest : public ::testing::Test {
 protected:
  Result<std::vector<core::ExpertScore>> Read(std::string_view text) {
    auto table = ParseCsv(text, "experts.csv");
    if (!table) return table.error();
    return ReadExpertScores(*table, frameworks_, geography_);
  }
  std::string ErrorOf(std::string_view text) {
    auto read = Read(text);
    EXPECT_FALSE(read.ok()) << "read " << read->size() << " scores";
    return read.ok() ? std::string{} : read.error().ToString();
  }

  std::vector<core::Framework> frameworks_ = {test_support::MiniGoci("2021"), test_support::MiniGoci("2023")};
  core::Geography geography_ =
      *core::Geography::Build({{"KAZ", "Kazakhstan", {}}, {"COD", "Democratic Republic of the Congo", {"DRC"}}});
};

TEST_F(ExpertScoresCsvTest, ReadsColumnsInAnyOrderAndResolvesNames) {
  auto scores = Read(
      "Score,Expert,Indicator,ISO3,Edition,Justification\n"
      "6.5,ana,heroin_trade,KAZ,2023,\"Transit route, per UNODC\"\n"
      "7,ben,Heroin trade,DRC,2023,\n");
  ASSERT_TRUE(scores.ok()) << scores.error().ToString();
  ASSERT_EQ(scores->size(), 2u);
  EXPECT_EQ((*scores)[0].iso3, "KAZ");
  EXPECT_EQ((*scores)[0].expert, "ana");
  EXPECT_EQ((*scores)[0].score, 6.5);
  EXPECT_EQ((*scores)[0].justification, "Transit route, per UNODC");
  EXPECT_EQ((*scores)[1].iso3, "COD");
  EXPECT_EQ((*scores)[1].indicator, "heroin_trade");
  EXPECT_EQ((*scores)[1].score, 7.0);
}

TEST_F(ExpertScoresCsvTest, WritesWhatItReads) {
  const std::vector<core::ExpertScore> scores = {{"2023", "KAZ", "heroin_trade", "E1", 6.5, "said \"high\", twice"},
                                                 {"2021", "COD", "extortion", "E2", 10, {}}};
  const std::string text = ExpertScoresCsv(scores);
  EXPECT_TRUE(Contains(text, "edition,country,indicator,expert,score,justification\n"));
  EXPECT_TRUE(Contains(text, "2021,COD,extortion,E2,10,\n"));
  auto back = Read(text);
  ASSERT_TRUE(back.ok()) << back.error().ToString();
  ASSERT_EQ(back->size(), 2u);
  EXPECT_EQ((*back)[0].justification, scores[0].justification);
  EXPECT_EQ((*back)[0].score, 6.5);
  EXPECT_EQ((*back)[1].score, 10.0);
}

TEST_F(ExpertScoresCsvTest, SaysWhereEachBadCellIsAndWhatWasExpected) {
  const std::string error = ErrorOf(
      "edition,country,indicator,expert,score\n"
      "2023,KAZ,heroin_trade,E1,6.5\n"
      "2019,KAZ,heroin_trade,E1,6.5\n"
      "2023,Kazakstan,heroin_trade,E1,6.5\n"
      "2023,KAZ,heroin,E2,6.5\n"
      "2023,KAZ,heroin_trade,E3,6.3\n"
      "2023,KAZ,heroin_trade,E4,10.5\n"
      "2023,KAZ,heroin_trade,E5,\n"
      "2023,KAZ,heroin_trade,,5\n"
      "2023,KAZ,heroin_trade,E1,7\n");
  EXPECT_TRUE(Contains(error, "8 problems; nothing was read"));
  EXPECT_TRUE(Contains(error, "experts.csv, line 3, column 1: unknown edition '2019': expected one of 2021, 2023"));
  EXPECT_TRUE(Contains(error, "experts.csv, line 4, column 2: unknown country 'Kazakstan'; did you mean Kazakhstan"));
  EXPECT_TRUE(Contains(error, "line 5, column 3: 'heroin' is not an indicator of edition 2023"));
  EXPECT_TRUE(Contains(error, "line 6, column 5: score '6.3': expected a number from 1 to 10 in steps of 0.5"));
  EXPECT_TRUE(Contains(error, "line 7, column 5: score '10.5'"));
  EXPECT_TRUE(Contains(error, "line 8, column 5: score ''"));
  EXPECT_TRUE(Contains(error, "line 9, column 4: no expert id"));
  EXPECT_TRUE(Contains(error, "line 10, column 4: expert E1 already scored KAZ on heroin_trade in 2023 (line 2)"));
}

TEST_F(ExpertScoresCsvTest, RejectsHeadersThatDoNotDescribeTheFormat) {
  EXPECT_TRUE(Contains(ErrorOf("edition,country,indicator,expert,score,rating\n2023,KAZ,heroin_trade,E1,5,5\n"),
                       "line 1, column 6: unknown column 'rating'"));
  EXPECT_TRUE(Contains(ErrorOf("edition,country,indicator,score\n2023,KAZ,heroin_trade,5\n"),
                       "line 1: no 'expert' column"));
  EXPECT_TRUE(Contains(ErrorOf("edition,country,iso3,indicator,expert,score\n"), "a second 'country' column"));
  EXPECT_TRUE(Contains(ErrorOf("edition,country,indicator,expert,score\n"), "no scores"));
}

}  // namespace
}  // namespace ocindex::adapters::io
