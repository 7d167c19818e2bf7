// The round's CSV inputs: assignments (round assign --file) and offline submissions
// (round import), each checked whole against the round with file, line and column.
#include <gtest/gtest.h>

#include "adapters/io/assignments_csv.h"
#include "adapters/io/csv_reader.h"
#include "adapters/io/submissions_csv.h"
#include "support/assessment_fixture.h"

namespace ocindex::adapters::io {
namespace {

namespace as = core::assessment;
using test_support::R;

as::Round TestRound() {
  core::Framework framework = test_support::MiniGoci();
  core::Dataset baseline = core::Dataset::ShapedFor(framework);
  test_support::AddCountry(baseline, framework, test_support::Country("AAA"), {{"heroin_trade", "5"}});
  return test_support::MakeRound(framework, {test_support::Country("AAA"), test_support::Country("BBB")}, baseline);
}

Table Csv(std::string_view text) {
  auto table = ParseCsv(text, "file.csv");
  EXPECT_TRUE(table.ok());
  return *table;
}

// Everyone is who the file says, except "ghost", who does not exist.
std::optional<std::string> Known(const std::string& user, Capacity) {
  if (user == "ghost") return std::string("no user 'ghost'");
  return std::nullopt;
}

TEST(AssignmentsCsv, ReadsCellsSectionsAndThematicReviewsInAnyColumnOrder) {
  auto assignments = ReadAssignments(Csv("user,kind,iso3,item,capacity\n"
                                         "ann,cell,AAA,heroin_trade,drafting\n"
                                         "bob,cell,AAA,heroin_trade,drafting\n"
                                         "rita,cell,AAA,heroin_trade,reviewer\n"
                                         "ann,section,BBB,summary,drafting\n"
                                         "theo,thematic,,heroin_trade,reviewer\n"),
                                     TestRound(), Known);
  ASSERT_TRUE(assignments.ok()) << assignments.error().ToString();
  const as::Team& team = assignments->TeamOf(as::CellKey{"AAA", "heroin_trade"});
  EXPECT_EQ(team.drafting, (std::vector<as::UserRef>{{"ann"}, {"bob"}}));
  EXPECT_EQ(team.reviewers, (std::vector<as::UserRef>{{"rita"}}));
  EXPECT_EQ(assignments->TeamOf(as::SectionKey{"BBB", "summary"}).drafting, (std::vector<as::UserRef>{{"ann"}}));
  EXPECT_EQ(assignments->thematic.at("heroin_trade"), (std::vector<as::UserRef>{{"theo"}}));
}

TEST(AssignmentsCsv, ReportsEveryProblemWithItsLineAndColumnAndReturnsNothing) {
  auto assignments = ReadAssignments(Csv("kind,iso3,item,user,capacity\n"
                                         "cell,AAA,heroin_trade,ann,drafting\n"
                                         "cell,ZZZ,heroin_trade,ann,drafting\n"
                                         "cell,AAA,cocaine,ann,drafting\n"
                                         "cell,AAA,heroin_trade,ghost,drafting\n"
                                         "thematic,AAA,heroin_trade,theo,drafting\n"
                                         "cell,AAA,heroin_trade,ann,drafting\n"
                                         "party,AAA,heroin_trade,ann,drafting\n"),
                                     TestRound(), Known);
  ASSERT_FALSE(assignments.ok());
  const std::string text = assignments.error().ToString();
  EXPECT_EQ(assignments.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(text.find("nothing was assigned"), std::string::npos) << text;
  EXPECT_NE(text.find("file.csv, line 3, column 2: 'ZZZ' is not a country"), std::string::npos) << text;
  EXPECT_NE(text.find("line 4, column 3: 'cocaine' is not an indicator"), std::string::npos) << text;
  EXPECT_NE(text.find("line 5, column 4: no user 'ghost'"), std::string::npos) << text;
  EXPECT_NE(text.find("line 6, column 5: a thematic assignment"), std::string::npos) << text;
  EXPECT_NE(text.find("line 6, column 2: a thematic assignment covers every country"), std::string::npos) << text;
  EXPECT_NE(text.find("line 7, column 4: ann is already assigned to this cell (line 2)"), std::string::npos) << text;
  EXPECT_NE(text.find("line 8, column 1: kind 'party'"), std::string::npos) << text;
}

TEST(AssignmentsCsv, NamesAMissingColumn) {
  auto assignments = ReadAssignments(Csv("kind,iso3,item,user\ncell,AAA,heroin_trade,ann\n"), TestRound(), Known);
  ASSERT_FALSE(assignments.ok());
  EXPECT_NE(assignments.error().ToString().find("line 1: no 'capacity' column"), std::string::npos)
      << assignments.error().ToString();
}

std::optional<std::string> Drafts(const std::string& expert, const as::CellKey&) {
  if (expert != "ann" && expert != "bob") return std::string(expert + " does not draft this cell");
  return std::nullopt;
}

TEST(SubmissionsCsv, ReadsScoresWithSourcesConfidenceAndReasons) {
  auto rows = ReadSubmissions(Csv("iso3,indicator,expert,score,justification,sources,confidence,change_reason\n"
                                  "AAA,heroin_trade,ann,6.5,Seizures rose.,UNODC 2024 | https://example.org | ,4,new route\n"
                                  "BBB,extortion,bob,3,Few reports.,,,\n"),
                              TestRound(), Drafts);
  ASSERT_TRUE(rows.ok()) << rows.error().ToString();
  ASSERT_EQ(rows->size(), 2u);
  const SubmissionRow& first = rows->front();
  EXPECT_EQ(first.line, 2u);
  EXPECT_EQ(first.cell, (as::CellKey{"AAA", "heroin_trade"}));
  EXPECT_EQ(first.submission.expert.id, "ann");
  EXPECT_EQ(first.submission.score, R("6.5"));
  EXPECT_EQ(first.submission.sources, (std::vector<std::string>{"UNODC 2024", "https://example.org"}));
  EXPECT_EQ(first.submission.confidence, 4);
  EXPECT_EQ(first.submission.change_reason, "new route");
  EXPECT_EQ(rows->back().submission.confidence, 3);  // the default
  EXPECT_TRUE(rows->back().submission.sources.empty());
}

TEST(SubmissionsCsv, ReportsEveryProblemWithItsLineAndColumnAndReturnsNothing) {
  auto rows = ReadSubmissions(Csv("iso3,indicator,expert,score,justification,confidence,change_reason\n"
                                  "AAA,heroin_trade,ann,5.5,ok,3,\n"
                                  "AAA,heroin_trade,ann,6,again,3,\n"
                                  "AAA,heroin_trade,bob,5.25,ok,3,\n"
                                  "AAA,heroin_trade,cy,5,ok,3,\n"
                                  "BBB,extortion,bob,4, ,9,\n"
                                  "AAA,heroin_trade,bob,7,ok,3,\n"),
                              TestRound(), Drafts);
  ASSERT_FALSE(rows.ok());
  const std::string text = rows.error().ToString();
  EXPECT_NE(text.find("nothing was stored"), std::string::npos) << text;
  EXPECT_NE(text.find("line 3, column 3: ann already scored AAA/heroin_trade (line 2)"), std::string::npos) << text;
  EXPECT_NE(text.find("line 4, column 4: score '5.25'"), std::string::npos) << text;
  EXPECT_NE(text.find("line 5, column 3: cy does not draft"), std::string::npos) << text;
  EXPECT_NE(text.find("line 6, column 5: no justification"), std::string::npos) << text;
  EXPECT_NE(text.find("line 6, column 6: confidence '9'"), std::string::npos) << text;
  EXPECT_NE(text.find("line 7, column 7: 7 moves 2 from the baseline 5: expected a change_reason"), std::string::npos)
      << text;
}

}  // namespace
}  // namespace ocindex::adapters::io
