// The role matrix, generated over every role, action, assignment and phase from the
// permission table and checked against the rules written out by hand here; then the
// phase changes and the assignment checks.
#include "core/assessment/policy.h"

#include <gtest/gtest.h>

#include "core/assessment/assignment.h"
#include "support/assessment_fixture.h"

namespace ocindex::core::assessment {
namespace {

using P = Phase;
using test_support::kAnn;
using test_support::kCoordinator;

bool Between(P phase, P first, P last) { return phase >= first && phase <= last; }

// docs/ASSESSMENT.md, "Roles", in code.
bool ShouldAllow(Role role, Action action, bool assigned, P phase) {
  switch (role) {
    case Role::kAdmin:
    case Role::kCoordinator:
      switch (action) {
        case Action::kRead:
        case Action::kSeeOthers: return true;
        case Action::kWrite: return false;  // scores are the experts'; the team settles them
        case Action::kComment: return Between(phase, P::kReviewOpen, P::kSettled);
        case Action::kManage: return phase != P::kPublished;
      }
      return false;
    case Role::kExpert:
      if (!assigned) return false;
      switch (action) {
        case Action::kRead: return true;
        case Action::kWrite: return phase <= P::kCalibration;
        case Action::kComment: return Between(phase, P::kReviewOpen, P::kSettled);
        case Action::kSeeOthers: return phase >= P::kReviewOpen;
        case Action::kManage: return false;
      }
      return false;
    case Role::kReviewer:
      if (!assigned) return false;
      switch (action) {
        case Action::kRead:
        case Action::kSeeOthers: return phase >= P::kReviewOpen;
        case Action::kWrite:
        case Action::kManage: return false;
        case Action::kComment: return Between(phase, P::kReviewOpen, P::kSettled);
      }
      return false;
    case Role::kReader: return action == Action::kRead && phase == P::kPublished;
  }
  return false;
}

Relation AssignedRelation(Role role) {
  if (role == Role::kExpert) return Relation::kDrafter;
  if (role == Role::kReviewer) return Relation::kReviewer;
  return Relation::kNone;
}

TEST(RoleMatrix, EveryRoleActionAssignmentAndPhase) {
  int checked = 0;
  for (Role role : kRoles) {
    for (Action action : kActions) {
      for (bool assigned : {false, true}) {
        for (P phase : kPhases) {
          const Actor actor{UserRef{"u"}, role};
          const Relation relation = assigned ? AssignedRelation(role) : Relation::kNone;
          const Status status = Authorise(actor, action, relation, phase, "AAA/x");
          const bool expected = ShouldAllow(role, action, assigned, phase);
          EXPECT_EQ(status.ok(), expected) << RoleName(role) << " " << ActionName(action)
                                           << (assigned ? " assigned" : " unassigned") << " in " << PhaseName(phase);
          ++checked;
        }
      }
    }
  }
  EXPECT_EQ(checked, 5 * 5 * 2 * 5);
}

TEST(RoleMatrix, WhoIsForbiddenAndWhenIsAConflict) {
  Status status = Authorise(kAnn, Action::kWrite, Relation::kNone, P::kDrafting, "AAA/x");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kForbidden);
  status = Authorise(kAnn, Action::kWrite, Relation::kDrafter, P::kSettled, "AAA/x");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kConflict);
  status = Authorise(test_support::kReader, Action::kRead, Relation::kNone, P::kCalibration, "AAA/x");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kConflict);
  status = Authorise(test_support::kReader, Action::kComment, Relation::kNone, P::kPublished, "AAA/x");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kForbidden);
}

TEST(RoleMatrix, ReviewersDoNotActThroughDraftingNorExpertsThroughReviewing) {
  EXPECT_FALSE(Authorise(test_support::kRita, Action::kRead, Relation::kDrafter, P::kReviewOpen, "x").ok());
  EXPECT_FALSE(Authorise(kAnn, Action::kRead, Relation::kReviewer, P::kReviewOpen, "x").ok());
}

class Phases : public ::testing::Test {
 protected:
  Round round_ = test_support::MakeRound(test_support::FlatFramework(), {test_support::Country("AAA")});
};

TEST_F(Phases, OnlyTheIndexTeamMovesTheRoundForward) {
  for (const Actor& actor : {kAnn, test_support::kRita, test_support::kReader}) {
    const Status status = CheckPhaseChange(round_, actor, P::kReviewOpen, "");
    ASSERT_FALSE(status.ok()) << actor.user.id;
    EXPECT_EQ(status.error().code, ErrorCode::kForbidden);
  }
  EXPECT_TRUE(CheckPhaseChange(round_, kCoordinator, P::kReviewOpen, "").ok());
  EXPECT_TRUE(CheckPhaseChange(round_, test_support::kAdmin, P::kReviewOpen, "").ok());
}

TEST_F(Phases, ForwardOneStepAtATime) {
  EXPECT_EQ(CheckPhaseChange(round_, kCoordinator, P::kCalibration, "").error().code, ErrorCode::kConflict);
  EXPECT_EQ(CheckPhaseChange(round_, kCoordinator, P::kDrafting, "x").error().code, ErrorCode::kConflict);
  round_.phase = P::kReviewOpen;
  EXPECT_TRUE(CheckPhaseChange(round_, kCoordinator, P::kCalibration, "").ok());
  EXPECT_EQ(CheckPhaseChange(round_, kCoordinator, P::kDrafting, "x").error().code, ErrorCode::kConflict)
      << "once review is open, drafts are no longer confidential: no way back";
  round_.phase = P::kCalibration;
  EXPECT_TRUE(CheckPhaseChange(round_, kCoordinator, P::kSettled, "").ok());
}

TEST_F(Phases, GoingBackNeedsAReason) {
  round_.phase = P::kCalibration;
  EXPECT_EQ(CheckPhaseChange(round_, kCoordinator, P::kReviewOpen, " ").error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(CheckPhaseChange(round_, kCoordinator, P::kReviewOpen, "late evidence").ok());
  round_.phase = P::kSettled;
  EXPECT_EQ(CheckPhaseChange(round_, kCoordinator, P::kCalibration, "").error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(CheckPhaseChange(round_, kCoordinator, P::kCalibration, "a challenge").ok());
}

TEST_F(Phases, APublishedRoundIsClosed) {
  round_.phase = P::kPublished;
  for (P to : kPhases) EXPECT_FALSE(CheckPhaseChange(round_, test_support::kAdmin, to, "reason").ok());
}

class AssignmentChecks : public ::testing::Test {
 protected:
  Round round_ = test_support::MakeRound(test_support::MiniGoci(), {test_support::Country("AAA")});
  Assignments assignments_ = test_support::TeamUp(round_);
};

TEST_F(AssignmentChecks, TheFixtureIsValid) {
  const Status status = ValidateAssignments(assignments_, round_);
  EXPECT_TRUE(status.ok()) << status.error().ToString();
}

TEST_F(AssignmentChecks, NobodyReviewsWhatTheyDraft) {
  assignments_.cells[CellKey{"AAA", "heroin_trade"}].reviewers.push_back(kAnn.user);
  EXPECT_EQ(ValidateAssignments(assignments_, round_).error().code, ErrorCode::kInvalidInput);
}

TEST_F(AssignmentChecks, NobodyCalibratesWhatTheyDraft) {
  assignments_.thematic["heroin_trade"] = {test_support::kBob.user};
  EXPECT_EQ(ValidateAssignments(assignments_, round_).error().code, ErrorCode::kInvalidInput);
}

TEST_F(AssignmentChecks, UsersAreListedOnce) {
  assignments_.cells[CellKey{"AAA", "heroin_trade"}].drafting.push_back(kAnn.user);
  EXPECT_EQ(ValidateAssignments(assignments_, round_).error().code, ErrorCode::kInvalidInput);
}

TEST_F(AssignmentChecks, KeysNameTheRoundsCellsSectionsAndIndicators) {
  Assignments cell = assignments_;
  cell.cells[CellKey{"ZZZ", "heroin_trade"}] = Team{{kAnn.user}, {}};
  EXPECT_EQ(ValidateAssignments(cell, round_).error().code, ErrorCode::kNotFound);
  Assignments section = assignments_;
  section.sections[SectionKey{"AAA", "no_such_section"}] = Team{{kAnn.user}, {}};
  EXPECT_EQ(ValidateAssignments(section, round_).error().code, ErrorCode::kNotFound);
  section.sections.erase(SectionKey{"AAA", "no_such_section"});
  section.sections[SectionKey{"AAA", "people"}] = Team{{kAnn.user}, {}};  // a section node
  EXPECT_TRUE(ValidateAssignments(section, round_).ok());
  Assignments thematic = assignments_;
  thematic.thematic["no_such_indicator"] = {test_support::kTheo.user};
  EXPECT_EQ(ValidateAssignments(thematic, round_).error().code, ErrorCode::kNotFound);
}

TEST_F(AssignmentChecks, RelationsFollowTheTeams) {
  const CellKey first{"AAA", round_.framework.indicators.front().id};
  const CellKey other{"AAA", "heroin_trade"};
  EXPECT_EQ(RelationTo(assignments_, kAnn.user, other), Relation::kDrafter);
  EXPECT_EQ(RelationTo(assignments_, test_support::kRita.user, other), Relation::kReviewer);
  EXPECT_EQ(RelationTo(assignments_, test_support::kTheo.user, first), Relation::kReviewer);
  EXPECT_EQ(RelationTo(assignments_, test_support::kTheo.user, other), Relation::kNone);
  EXPECT_EQ(RelationTo(assignments_, test_support::kCy.user, other), Relation::kNone);
}

}  // namespace
}  // namespace ocindex::core::assessment
