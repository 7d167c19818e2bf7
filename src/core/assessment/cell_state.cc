#include "core/assessment/cell_state.h"

#include <fmt/format.h>

#include "core/assessment/policy.h"

namespace ocindex::core::assessment {
namespace {

constexpr RoleSet kDrafters{Role::kExpert, Role::kCoordinator, Role::kAdmin};
constexpr RoleSet kReviewers{Role::kReviewer, Role::kCoordinator, Role::kAdmin};
constexpr RoleSet kIndexTeam{Role::kCoordinator, Role::kAdmin};

// Experts revise until calibration ends; reviewers act once review is open; only the
// index team marks final, and only once the round is settled.
constexpr Transition kTransitions[] = {
    {CellState::kDraft, CellState::kSubmitted, kDrafters, Phase::kDrafting, Phase::kCalibration, false, true},
    {CellState::kSubmitted, CellState::kDraft, kDrafters, Phase::kDrafting, Phase::kCalibration, false, false},
    {CellState::kSubmitted, CellState::kInReview, kReviewers, Phase::kReviewOpen, Phase::kCalibration, false, false},
    {CellState::kInReview, CellState::kDraft, kReviewers, Phase::kReviewOpen, Phase::kCalibration, true, false},
    {CellState::kInReview, CellState::kAgreed, kReviewers, Phase::kReviewOpen, Phase::kCalibration, false, true},
    {CellState::kAgreed, CellState::kInReview, kReviewers, Phase::kReviewOpen, Phase::kCalibration, true, false},
    {CellState::kAgreed, CellState::kFinal, kIndexTeam, Phase::kSettled, Phase::kSettled, false, false},
    {CellState::kFinal, CellState::kAgreed, kIndexTeam, Phase::kSettled, Phase::kSettled, true, false},
};

}  // namespace

const char* CellStateName(CellState state) {
  switch (state) {
    case CellState::kDraft: return "draft";
    case CellState::kSubmitted: return "submitted";
    case CellState::kInReview: return "in review";
    case CellState::kAgreed: return "agreed";
    case CellState::kFinal: return "final";
  }
  return "draft";
}

std::span<const Transition> Transitions() { return kTransitions; }

Status CheckTransition(const Actor& actor, const TransitionFacts& facts, std::string_view item) {
  const std::string what =
      fmt::format("moving {} from {} to {}", item, CellStateName(facts.from), CellStateName(facts.to));
  const std::string who = fmt::format("{} ({})", actor.user.id, RoleName(actor.role));
  for (const Transition& transition : kTransitions) {
    if (transition.from != facts.from || transition.to != facts.to) continue;
    const bool through_assignment = actor.role == Role::kExpert || actor.role == Role::kReviewer;
    if (!transition.roles.Has(actor.role) || (through_assignment && !ActsThrough(actor.role, facts.relation))) {
      return MakeError(ErrorCode::kForbidden, fmt::format("{}: {} may not make this transition", what, who));
    }
    OCINDEX_RETURN_IF_ERROR(CheckPhaseWindow(facts.phase, transition.earliest, transition.latest, what));
    if (transition.needs_reason && !facts.has_reason) {
      return MakeError(ErrorCode::kInvalidInput, what + " needs a reason");
    }
    if (transition.needs_drafts && !facts.drafted) {
      return MakeError(ErrorCode::kConflict, what + " needs a current draft from every drafting expert");
    }
    return {};
  }
  return MakeError(ErrorCode::kInvalidInput, fmt::format("{} is not a transition", what));
}

}  // namespace ocindex::core::assessment
