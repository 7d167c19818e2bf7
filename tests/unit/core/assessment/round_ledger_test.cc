// The round's ledger: append-only versions, stale writes, who writes and moves what,
// challenges, settling, comments, sections and reassignment.
#include "core/assessment/ledger.h"

#include <gtest/gtest.h>

#include "support/assessment_fixture.h"

namespace ocindex::core::assessment {
namespace {

using test_support::Draft;
using test_support::kAdmin;
using test_support::kAnn;
using test_support::kBob;
using test_support::kCoordinator;
using test_support::kCy;
using test_support::kRita;
using test_support::kTheo;
using test_support::R;

const CellKey kHeroin{"AAA", "heroin_trade"};
const CellKey kTrafficking{"AAA", "human_trafficking"};  // theo's indicator (the first)
const SectionKey kSummary{"AAA", "summary"};

class LedgerTest : public ::testing::Test {
 protected:
  static Round MakeRound() {
    Framework framework = test_support::MiniGoci();
    Dataset baseline = Dataset::ShapedFor(framework);
    test_support::AddCountry(baseline, framework, test_support::Country("AAA"), {{"heroin_trade", "5"}});
    return test_support::MakeRound(framework, {test_support::Country("AAA")}, baseline);
  }

  int Version(const CellKey& key) const { return test_support::Version(ledger_, key); }
  const CellHistory& Heroin() const { return *ledger_.FindCell(kHeroin); }

  RoundLedger ledger_ = test_support::OpenLedger(MakeRound());
};

void ExpectError(const Status& status, ErrorCode code) {
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, code) << status.error().ToString();
}

template <typename T>
void ExpectError(const Result<T>& result, ErrorCode code) {
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, code) << result.error().ToString();
}

TEST_F(LedgerTest, EveryCellStartsAsADraftAtVersionZero) {
  EXPECT_EQ(ledger_.cells().size(), 9u);
  EXPECT_EQ(Heroin().version(), 0);
  EXPECT_EQ(Heroin().state(), CellState::kDraft);
  ExpectError(ledger_.Submit(kAnn, CellKey{"ZZZ", "heroin_trade"}, Draft("5"), 1, 0), ErrorCode::kNotFound);
}

TEST_F(LedgerTest, EveryDraftAppendsAVersionAndKeepsTheEarlierOnes) {
  auto first = ledger_.Submit(kAnn, kHeroin, Draft("5"), 100, 0);
  ASSERT_TRUE(first.ok()) << first.error().ToString();
  EXPECT_EQ(*first, 1);
  auto second = ledger_.Submit(kAnn, kHeroin, Draft("5.5", "Revised after new data."), 200, 1);
  ASSERT_TRUE(second.ok()) << second.error().ToString();
  EXPECT_EQ(*second, 2);
  const auto& versions = Heroin().versions();
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].change.version, 1);
  EXPECT_EQ(versions[0].submission->score, R("5"));
  EXPECT_EQ(versions[0].change.at, 100);
  EXPECT_EQ(versions[1].submission->score, R("5.5"));
  EXPECT_EQ(versions[1].submission->justification, "Revised after new data.");
  EXPECT_EQ(versions[1].change.actor, kAnn.user);
  const auto current = CurrentSubmissions(Heroin(), ledger_.assignments().TeamOf(kHeroin));
  ASSERT_EQ(current.size(), 1u);
  EXPECT_EQ(current[0]->score, R("5.5"));
}

TEST_F(LedgerTest, AStaleWriteIsRefusedAndChangesNothing) {
  ASSESSMENT_OK(ledger_.Submit(kAnn, kHeroin, Draft("5"), 1, 0));
  ExpectError(ledger_.Submit(kBob, kHeroin, Draft("6"), 2, 0), ErrorCode::kStale);
  ExpectError(ledger_.Move(kAnn, kHeroin, CellState::kSubmitted, "", 2, 0), ErrorCode::kStale);
  EXPECT_EQ(Heroin().versions().size(), 1u);
}

TEST_F(LedgerTest, OnlyTheCellsExpertsWriteIt) {
  ExpectError(ledger_.Submit(kCy, kHeroin, Draft("5"), 1, 0), ErrorCode::kForbidden);
  ExpectError(ledger_.Submit(kRita, kHeroin, Draft("5"), 1, 0), ErrorCode::kForbidden);
  ExpectError(ledger_.Submit(kCoordinator, kHeroin, Draft("5"), 1, 0), ErrorCode::kForbidden);
  ExpectError(ledger_.Submit(test_support::kReader, kHeroin, Draft("5"), 1, 0), ErrorCode::kForbidden);
  EXPECT_EQ(Heroin().version(), 0);
}

TEST_F(LedgerTest, AnExpertSubmitsOnlyAsThemselves) {
  Submission spoofed = Draft("5");
  spoofed.expert = kBob.user;
  ASSESSMENT_OK(ledger_.Submit(kAnn, kHeroin, spoofed, 1, 0));
  EXPECT_EQ(Heroin().versions()[0].submission->expert, kAnn.user);
}

TEST_F(LedgerTest, SubmissionsAreCheckedAgainstTheBaseline) {
  ExpectError(ledger_.Submit(kAnn, kHeroin, Draft("6.5"), 1, 0), ErrorCode::kInvalidInput);  // baseline 5
  ExpectError(ledger_.Submit(kAnn, kHeroin, Draft("5.25"), 1, 0), ErrorCode::kInvalidInput);
  ExpectError(ledger_.Submit(kAnn, kHeroin, Draft("5", " "), 1, 0), ErrorCode::kInvalidInput);
  ASSESSMENT_OK(ledger_.Submit(kAnn, kHeroin, Draft("6.5", "Why.", "Two new markets"), 1, 0));
  ASSESSMENT_OK(ledger_.Submit(kAnn, kTrafficking, Draft("9"), 1, 0));  // no baseline score
}

TEST_F(LedgerTest, SubmittingNeedsEveryDraftAndFreezesTheDrafts) {
  ASSESSMENT_OK(ledger_.Submit(kAnn, kHeroin, Draft("5"), 1, 0));
  ExpectError(ledger_.Move(kAnn, kHeroin, CellState::kSubmitted, "", 2, 1), ErrorCode::kConflict);
  ASSESSMENT_OK(ledger_.Submit(kBob, kHeroin, Draft("5.5"), 2, 1));
  ASSESSMENT_OK(ledger_.Move(kAnn, kHeroin, CellState::kSubmitted, "", 3, 2));
  ExpectError(ledger_.Submit(kBob, kHeroin, Draft("5.5"), 4, 3), ErrorCode::kConflict);
  ExpectError(ledger_.Move(kCy, kHeroin, CellState::kDraft, "", 4, 3), ErrorCode::kForbidden);
  ASSESSMENT_OK(ledger_.Move(kBob, kHeroin, CellState::kDraft, "", 4, 3));  // withdrawn to revise
  ASSESSMENT_OK(ledger_.Submit(kBob, kHeroin, Draft("5.5"), 5, 4));
  EXPECT_EQ(Heroin().version(), 5);
}

TEST_F(LedgerTest, AChallengeSendsTheCellBackAndKeepsItsHistory) {
  test_support::DraftAndSubmit(ledger_, kHeroin, "5", "6");
  ExpectError(ledger_.Move(kRita, kHeroin, CellState::kInReview, "", 4, 3), ErrorCode::kConflict);  // drafting
  ASSESSMENT_OK(ledger_.ChangePhase(kCoordinator, Phase::kReviewOpen, ""));
  ASSESSMENT_OK(ledger_.Move(kRita, kHeroin, CellState::kInReview, "", 4, 3));
  ExpectError(ledger_.Move(kRita, kHeroin, CellState::kDraft, "  ", 5, 4), ErrorCode::kInvalidInput);
  ASSESSMENT_OK(ledger_.Move(kRita, kHeroin, CellState::kDraft, "Check the 2024 seizures.", 5, 4));
  EXPECT_EQ(Heroin().versions().back().change.reason, "Check the 2024 seizures.");
  ASSESSMENT_OK(ledger_.Submit(kBob, kHeroin, Draft("5", "Seizures were lower."), 6, 5));
  ASSESSMENT_OK(ledger_.Move(kBob, kHeroin, CellState::kSubmitted, "", 7, 6));
  test_support::ReviewAndAgree(ledger_, kHeroin);
  EXPECT_EQ(Heroin().state(), CellState::kAgreed);
  EXPECT_EQ(SettledScore(Heroin()), R("5"));
  const auto& versions = Heroin().versions();
  ASSERT_EQ(versions.size(), 9u);
  EXPECT_EQ(versions[1].submission->score, R("6"));  // bob's first draft is still there
  for (size_t i = 0; i < versions.size(); ++i) EXPECT_EQ(versions[i].change.version, static_cast<int>(i) + 1);
}

TEST_F(LedgerTest, AgreeingRecordsTheProposalUnlessTheTeamSettlesOtherwiseWithAReason) {
  test_support::DraftAndSubmit(ledger_, kHeroin, "5", "5.5");  // proposal: 5.25 rounds to 5.5
  ASSESSMENT_OK(ledger_.ChangePhase(kCoordinator, Phase::kReviewOpen, ""));
  ASSESSMENT_OK(ledger_.Move(kRita, kHeroin, CellState::kInReview, "", 4, 3));
  auto outsider = ledger_.Move(kCy, kHeroin, CellState::kAgreed, "", 5, 4, R("6"));
  ExpectError(outsider, ErrorCode::kForbidden);
  EXPECT_EQ(outsider.error().message.find("proposal"), std::string::npos) << "the refusal must not reveal the median";
  ExpectError(ledger_.Move(kCoordinator, kHeroin, CellState::kAgreed, "", 5, 4, R("6")), ErrorCode::kInvalidInput);
  ExpectError(ledger_.Move(kCoordinator, kHeroin, CellState::kAgreed, "x", 5, 4, R("6.2")), ErrorCode::kInvalidInput);
  ASSESSMENT_OK(ledger_.Move(kCoordinator, kHeroin, CellState::kAgreed, "", 5, 4, R("5.5")));  // the proposal
  EXPECT_EQ(SettledScore(Heroin()), R("5.5"));
  ASSESSMENT_OK(ledger_.Move(kRita, kHeroin, CellState::kInReview, "Calibrate.", 6, 5));
  ASSESSMENT_OK(ledger_.Move(kCoordinator, kHeroin, CellState::kAgreed, "Regional calibration.", 7, 6, R("6")));
  EXPECT_EQ(SettledScore(Heroin()), R("6"));
  ExpectError(ledger_.Move(kCoordinator, kHeroin, CellState::kInReview, "x", 8, 7, R("6")), ErrorCode::kInvalidInput);
}

TEST_F(LedgerTest, OnlyTheIndexTeamFinalisesAndReopensOnceSettled) {
  test_support::DraftAndSubmit(ledger_, kHeroin, "5", "6");
  ASSESSMENT_OK(ledger_.ChangePhase(kCoordinator, Phase::kReviewOpen, ""));
  test_support::ReviewAndAgree(ledger_, kHeroin);
  ExpectError(ledger_.Move(kCoordinator, kHeroin, CellState::kFinal, "", 6, 5), ErrorCode::kConflict);
  ASSESSMENT_OK(ledger_.ChangePhase(kCoordinator, Phase::kCalibration, ""));
  ASSESSMENT_OK(ledger_.ChangePhase(kCoordinator, Phase::kSettled, ""));
  ExpectError(ledger_.Move(kRita, kHeroin, CellState::kFinal, "", 6, 5), ErrorCode::kForbidden);
  ASSESSMENT_OK(ledger_.Move(kCoordinator, kHeroin, CellState::kFinal, "", 6, 5));
  ExpectError(ledger_.Submit(kAnn, kHeroin, Draft("5"), 7, 6), ErrorCode::kConflict);
  ExpectError(ledger_.Move(kRita, kHeroin, CellState::kAgreed, "reopen", 7, 6), ErrorCode::kForbidden);
  ExpectError(ledger_.Move(kAdmin, kHeroin, CellState::kAgreed, "", 7, 6), ErrorCode::kInvalidInput);
  ASSESSMENT_OK(ledger_.Move(kAdmin, kHeroin, CellState::kAgreed, "Late correction.", 7, 6));
  EXPECT_EQ(SettledScore(Heroin()), R("5.5"));  // (5 + 6) / 2
  ExpectError(ledger_.Move(kCoordinator, kHeroin, CellState::kDraft, "x", 8, 7), ErrorCode::kInvalidInput);
}

TEST_F(LedgerTest, CommentsOpenWithReview) {
  ExpectError(ledger_.OpenThread(kAnn, kHeroin, "Is 5 right?", 1), ErrorCode::kConflict);
  ASSESSMENT_OK(ledger_.ChangePhase(kCoordinator, Phase::kReviewOpen, ""));
  auto thread = ledger_.OpenThread(kRita, kHeroin, "  Is 5 right?  ", 2);
  ASSERT_TRUE(thread.ok()) << thread.error().ToString();
  ASSESSMENT_OK(ledger_.Reply(kAnn, *thread, "Yes: see the court records.", 3));
  ExpectError(ledger_.Reply(kCy, *thread, "I think not.", 4), ErrorCode::kForbidden);
  ExpectError(ledger_.Reply(kBob, *thread, "   ", 4), ErrorCode::kInvalidInput);
  ExpectError(ledger_.Reply(kBob, 99, "Hm.", 4), ErrorCode::kNotFound);
  ExpectError(ledger_.OpenThread(kTheo, kHeroin, "Out of my indicator.", 5), ErrorCode::kForbidden);
  ASSESSMENT_OK(ledger_.OpenThread(kTheo, kTrafficking, "High against the region.", 5));
  ASSERT_EQ(ledger_.threads().size(), 2u);
  const CommentThread& first = ledger_.threads()[0];
  EXPECT_EQ(first.cell, kHeroin);
  ASSERT_EQ(first.comments.size(), 2u);
  EXPECT_EQ(first.comments[0].text, "Is 5 right?");
  EXPECT_EQ(first.comments[1].author, kAnn.user);
}

TEST_F(LedgerTest, SectionsFollowTheSameMachine) {
  ExpectError(ledger_.WriteSection(kCy, kSummary, "Text.", 1, 0), ErrorCode::kForbidden);
  ExpectError(ledger_.WriteSection(kAnn, kSummary, "  ", 1, 0), ErrorCode::kInvalidInput);
  ExpectError(ledger_.WriteSection(kAnn, SectionKey{"AAA", "people"}, "Text.", 1, 0), ErrorCode::kNotFound);
  ExpectError(ledger_.MoveSection(kAnn, kSummary, CellState::kSubmitted, "", 1, 0), ErrorCode::kConflict);
  ASSESSMENT_OK(ledger_.WriteSection(kAnn, kSummary, "A first text.", 1, 0));
  ASSESSMENT_OK(ledger_.WriteSection(kBob, kSummary, "A better text.", 2, 1));
  ASSESSMENT_OK(ledger_.MoveSection(kBob, kSummary, CellState::kSubmitted, "", 3, 2));
  const SectionHistory& history = *ledger_.FindSection(kSummary);
  EXPECT_EQ(*CurrentText(history), "A better text.");
  EXPECT_EQ(*history.versions()[0].text, "A first text.");
  EXPECT_EQ(history.state(), CellState::kSubmitted);
}

TEST_F(LedgerTest, ReassigningDropsTheRemovedExpertsDrafts) {
  ASSESSMENT_OK(ledger_.Submit(kAnn, kHeroin, Draft("5"), 1, 0));
  ASSESSMENT_OK(ledger_.Submit(kBob, kHeroin, Draft("8", "Bob's view.", "new data"), 2, 1));
  Assignments assignments = ledger_.assignments();
  assignments.cells[kHeroin].drafting = {kAnn.user, kCy.user};
  ExpectError(ledger_.Reassign(kAnn, assignments), ErrorCode::kForbidden);
  ASSESSMENT_OK(ledger_.Reassign(kCoordinator, assignments));
  EXPECT_EQ(ledger_.ConsensusOf(kHeroin)->count, 1);
  ExpectError(ledger_.Move(kAnn, kHeroin, CellState::kSubmitted, "", 3, 2), ErrorCode::kConflict);
  ExpectError(ledger_.Submit(kBob, kHeroin, Draft("5"), 3, 2), ErrorCode::kForbidden);
  ASSESSMENT_OK(ledger_.Submit(kCy, kHeroin, Draft("5.5"), 3, 2));
  EXPECT_EQ(ledger_.ConsensusOf(kHeroin)->proposal, R("5.5"));  // (5 + 5.5) / 2 rounds up
  EXPECT_EQ(Heroin().versions().size(), 3u);
}

TEST_F(LedgerTest, PublishingThePhaseNeedsEveryItemFinal) {
  ASSESSMENT_OK(ledger_.ChangePhase(kCoordinator, Phase::kReviewOpen, ""));
  ASSESSMENT_OK(ledger_.ChangePhase(kCoordinator, Phase::kCalibration, ""));
  ASSESSMENT_OK(ledger_.ChangePhase(kCoordinator, Phase::kSettled, ""));
  ExpectError(ledger_.ChangePhase(kCoordinator, Phase::kPublished, ""), ErrorCode::kConflict);
  const Unfinished unfinished = ledger_.UnfinishedItems(3);
  EXPECT_EQ(unfinished.total, 10);  // 9 cells and the summary
  ASSERT_EQ(unfinished.first.size(), 3u);
  EXPECT_EQ(unfinished.first[0], "AAA/criminal_networks (draft)");
}

TEST(History, RestoresOnlyVersionsNumberedInOrder) {
  std::vector<CellVersion> versions(2);
  versions[0].change.version = 1;
  versions[1].change.version = 2;
  versions[1].change.state = CellState::kSubmitted;
  auto restored = CellHistory::Restore(versions);
  ASSERT_TRUE(restored.ok());
  EXPECT_EQ(restored->version(), 2);
  EXPECT_EQ(restored->state(), CellState::kSubmitted);
  versions[1].change.version = 3;
  ExpectError(CellHistory::Restore(versions), ErrorCode::kCorrupt);
}

}  // namespace
}  // namespace ocindex::core::assessment
