// What each user sees of a cell: experts see only their own draft until review opens;
// readers see nothing until publication, and then only the settled score.
#include "core/assessment/cell_view.h"

#include <gtest/gtest.h>

#include "support/assessment_fixture.h"

namespace ocindex::core::assessment {
namespace {

using test_support::kAnn;
using test_support::kBob;
using test_support::kCoordinator;
using test_support::R;

const CellKey kCell{"AAA", "x"};

class ConfidentialityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSESSMENT_OK(ledger_.Submit(kAnn, kCell, test_support::Draft("4"), 1, 0));
    ASSESSMENT_OK(ledger_.Submit(kBob, kCell, test_support::Draft("6"), 2, 1));
  }

  CellView View(const Actor& actor) {
    auto view = ViewCell(ledger_, actor, kCell);
    if (!view) ADD_FAILURE() << actor.user.id << ": " << view.error().ToString();
    return view ? *view : CellView{};
  }

  RoundLedger ledger_ = test_support::OpenLedger(
      test_support::MakeRound(test_support::FlatFramework(), {test_support::Country("AAA")}));
};

TEST_F(ConfidentialityTest, BeforeReviewAnExpertSeesOnlyTheirOwnDraft) {
  const CellView ann = View(kAnn);
  EXPECT_FALSE(ann.others_visible);
  ASSERT_EQ(ann.submissions.size(), 1u);
  EXPECT_EQ(ann.submissions[0].expert, kAnn.user);
  EXPECT_EQ(ann.submissions[0].score, R("4"));
  EXPECT_FALSE(ann.consensus.has_value()) << "the median would reveal bob's score";
  EXPECT_EQ(ann.version, 2);
  const CellView bob = View(kBob);
  ASSERT_EQ(bob.submissions.size(), 1u);
  EXPECT_EQ(bob.submissions[0].score, R("6"));
}

TEST_F(ConfidentialityTest, OnceReviewOpensTheCellsExpertsSeeEachOther) {
  ASSESSMENT_OK(ledger_.ChangePhase(kCoordinator, Phase::kReviewOpen, ""));
  ASSESSMENT_OK(ledger_.OpenThread(test_support::kRita, kCell, "Why so far apart?", 3));
  const CellView ann = View(kAnn);
  EXPECT_TRUE(ann.others_visible);
  ASSERT_EQ(ann.submissions.size(), 2u);
  EXPECT_EQ(ann.submissions[1].expert, kBob.user);
  EXPECT_EQ(ann.submissions[1].score, R("6"));
  ASSERT_TRUE(ann.consensus.has_value());
  EXPECT_EQ(ann.consensus->proposal, R("5"));
  EXPECT_TRUE(ann.consensus->wide);
  ASSERT_EQ(ann.threads.size(), 1u);
  EXPECT_EQ(View(test_support::kRita).submissions.size(), 2u);
}

TEST_F(ConfidentialityTest, TheIndexTeamSeesEverythingFromTheStart) {
  for (const Actor& actor : {kCoordinator, test_support::kAdmin}) {
    const CellView view = View(actor);
    EXPECT_TRUE(view.others_visible);
    EXPECT_EQ(view.submissions.size(), 2u);
    ASSERT_TRUE(view.consensus.has_value());
    EXPECT_EQ(view.consensus->count, 2);
  }
}

TEST_F(ConfidentialityTest, ReviewersWaitForReviewAndOutsidersNeverSee) {
  auto rita = ViewCell(ledger_, test_support::kRita, kCell);
  ASSERT_FALSE(rita.ok());
  EXPECT_EQ(rita.error().code, ErrorCode::kConflict);
  ASSESSMENT_OK(ledger_.ChangePhase(kCoordinator, Phase::kReviewOpen, ""));
  for (const Actor& outsider : {test_support::kCy, test_support::kOtto}) {
    auto view = ViewCell(ledger_, outsider, kCell);
    ASSERT_FALSE(view.ok()) << outsider.user.id;
    EXPECT_EQ(view.error().code, ErrorCode::kForbidden);
  }
  EXPECT_EQ(ViewCell(ledger_, kAnn, CellKey{"ZZZ", "x"}).error().code, ErrorCode::kNotFound);
}

TEST_F(ConfidentialityTest, ReadersSeeOnlyThePublishedScore) {
  auto before = ViewCell(ledger_, test_support::kReader, kCell);
  ASSERT_FALSE(before.ok());
  EXPECT_EQ(before.error().code, ErrorCode::kConflict);
  RoundLedger fresh =
      test_support::OpenLedger(test_support::MakeRound(test_support::FlatFramework(), {test_support::Country("AAA")}));
  test_support::DriveToFinal(fresh, [](const CellKey&) { return std::pair<std::string, std::string>{"4", "6"}; });
  ASSESSMENT_OK(fresh.ChangePhase(kCoordinator, Phase::kPublished, ""));
  auto after = ViewCell(fresh, test_support::kReader, kCell);
  ASSERT_TRUE(after.ok()) << after.error().ToString();
  EXPECT_FALSE(after->others_visible);
  EXPECT_TRUE(after->submissions.empty());
  EXPECT_FALSE(after->consensus.has_value());
  EXPECT_TRUE(after->threads.empty());
  EXPECT_EQ(after->state, CellState::kFinal);
  EXPECT_EQ(after->settled, R("5"));
}

}  // namespace
}  // namespace ocindex::core::assessment
