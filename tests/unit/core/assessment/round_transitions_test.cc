// The cell state machine, checked against a table written here by hand: every pair of
// states, for every kind of actor, in every phase of the round.
#include "core/assessment/cell_state.h"

#include <gtest/gtest.h>

#include <set>

#include "support/assessment_fixture.h"

namespace ocindex::core::assessment {
namespace {

using S = CellState;
using P = Phase;

// The actors a transition can meet: an expert or reviewer assigned to the item, one
// who is not, the index team, and a reader.
enum class Who { kDrafter, kOtherExpert, kReviewer, kOtherReviewer, kCoordinator, kAdmin, kReader };
constexpr Who kEveryone[] = {Who::kDrafter, Who::kOtherExpert, Who::kReviewer, Who::kOtherReviewer,
                             Who::kCoordinator, Who::kAdmin, Who::kReader};

Actor ActorOf(Who who) {
  switch (who) {
    case Who::kDrafter: return test_support::kAnn;
    case Who::kOtherExpert: return test_support::kCy;
    case Who::kReviewer: return test_support::kRita;
    case Who::kOtherReviewer: return test_support::kOtto;
    case Who::kCoordinator: return test_support::kCoordinator;
    case Who::kAdmin: return test_support::kAdmin;
    case Who::kReader: return test_support::kReader;
  }
  return test_support::kReader;
}

Relation RelationOf(Who who) {
  if (who == Who::kDrafter) return Relation::kDrafter;
  if (who == Who::kReviewer) return Relation::kReviewer;
  return Relation::kNone;
}

struct Expected {
  S from;
  S to;
  std::set<Who> who;
  std::set<P> phases;
  bool reason;
  bool drafts;
};

const std::set<Who> kDraftSide = {Who::kDrafter, Who::kCoordinator, Who::kAdmin};
const std::set<Who> kReviewSide = {Who::kReviewer, Who::kCoordinator, Who::kAdmin};
const std::set<Who> kIndexTeam = {Who::kCoordinator, Who::kAdmin};
const std::set<P> kWriting = {P::kDrafting, P::kReviewOpen, P::kCalibration};
const std::set<P> kReviewing = {P::kReviewOpen, P::kCalibration};
const std::set<P> kSettling = {P::kSettled};

const std::vector<Expected>& Spec() {
  static const std::vector<Expected> spec = {
      {S::kDraft, S::kSubmitted, kDraftSide, kWriting, false, true},
      {S::kSubmitted, S::kDraft, kDraftSide, kWriting, false, false},
      {S::kSubmitted, S::kInReview, kReviewSide, kReviewing, false, false},
      {S::kInReview, S::kDraft, kReviewSide, kReviewing, true, false},   // a challenge
      {S::kInReview, S::kAgreed, kReviewSide, kReviewing, false, true},
      {S::kAgreed, S::kInReview, kReviewSide, kReviewing, true, false},  // a calibration challenge
      {S::kAgreed, S::kFinal, kIndexTeam, kSettling, false, false},
      {S::kFinal, S::kAgreed, kIndexTeam, kSettling, true, false},       // reopening
  };
  return spec;
}

const Expected* Find(S from, S to) {
  for (const Expected& expected : Spec()) {
    if (expected.from == from && expected.to == to) return &expected;
  }
  return nullptr;
}

Status Check(Who who, S from, S to, P phase, bool reason = true, bool drafted = true) {
  return CheckTransition(ActorOf(who), TransitionFacts{from, to, phase, RelationOf(who), reason, drafted}, "AAA/x");
}

std::string Describe(Who who, S from, S to, P phase) {
  return std::string(RoleName(ActorOf(who).role)) + " " + ActorOf(who).user.id + ": " + CellStateName(from) +
         " -> " + CellStateName(to) + " in " + PhaseName(phase);
}

TEST(CellStateMachine, TheTableHoldsExactlyTheSpecifiedTransitions) {
  EXPECT_EQ(Transitions().size(), Spec().size());
  for (const Transition& transition : Transitions()) {
    const Expected* expected = Find(transition.from, transition.to);
    ASSERT_NE(expected, nullptr) << CellStateName(transition.from) << " -> " << CellStateName(transition.to);
    EXPECT_EQ(transition.needs_reason, expected->reason);
    EXPECT_EQ(transition.needs_drafts, expected->drafts);
  }
}

TEST(CellStateMachine, EveryTransitionIsAllowedOrRefusedPerActorAndPhase) {
  int allowed = 0;
  for (S from : kCellStates) {
    for (S to : kCellStates) {
      const Expected* expected = Find(from, to);
      for (Who who : kEveryone) {
        for (P phase : kPhases) {
          const Status status = Check(who, from, to, phase);
          const std::string what = Describe(who, from, to, phase);
          if (expected == nullptr) {
            ASSERT_FALSE(status.ok()) << what;
            EXPECT_EQ(status.error().code, ErrorCode::kInvalidInput) << what;
          } else if (!expected->who.contains(who)) {
            ASSERT_FALSE(status.ok()) << what;
            EXPECT_EQ(status.error().code, ErrorCode::kForbidden) << what;
          } else if (!expected->phases.contains(phase)) {
            ASSERT_FALSE(status.ok()) << what;
            EXPECT_EQ(status.error().code, ErrorCode::kConflict) << what;
          } else {
            EXPECT_TRUE(status.ok()) << what << ": " << status.error().ToString();
            ++allowed;
          }
        }
      }
    }
  }
  // 3 actors x 3 phases for two transitions, x 2 phases for four; 2 actors x 1 phase for two.
  EXPECT_EQ(allowed, 3 * 3 * 2 + 3 * 2 * 4 + 2 * 1 * 2);
}

TEST(CellStateMachine, ChallengesAndReopeningsNeedAReason) {
  for (const Expected& expected : Spec()) {
    const Who who = expected.who.contains(Who::kReviewer) ? Who::kReviewer : Who::kCoordinator;
    const P phase = *expected.phases.rbegin();
    const Status status = Check(who, expected.from, expected.to, phase, /*reason=*/false);
    const std::string what = Describe(who, expected.from, expected.to, phase);
    if (expected.reason) {
      ASSERT_FALSE(status.ok()) << what;
      EXPECT_EQ(status.error().code, ErrorCode::kInvalidInput) << what;
    } else {
      EXPECT_TRUE(status.ok()) << what;
    }
  }
}

TEST(CellStateMachine, SubmittingAndAgreeingNeedEveryExpertsDraft) {
  for (const Expected& expected : Spec()) {
    const P phase = *expected.phases.rbegin();
    const Status status = Check(Who::kCoordinator, expected.from, expected.to, phase, true, /*drafted=*/false);
    if (expected.drafts) {
      ASSERT_FALSE(status.ok());
      EXPECT_EQ(status.error().code, ErrorCode::kConflict);
    } else {
      EXPECT_TRUE(status.ok()) << status.error().ToString();
    }
  }
}

TEST(CellStateMachine, AnExpertActsOnlyThroughTheirDraftingAssignment) {
  // An expert listed as a cell's reviewer (which validation forbids anyway) still
  // cannot review: the expert role acts through drafting only.
  const Status status = CheckTransition(test_support::kAnn,
                                        TransitionFacts{S::kSubmitted, S::kInReview, P::kReviewOpen,
                                                        Relation::kReviewer, true, true},
                                        "AAA/x");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kForbidden);
}

}  // namespace
}  // namespace ocindex::core::assessment
