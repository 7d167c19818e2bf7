// The life of a cell (and of a narrative section): draft -> submitted -> in review ->
// agreed -> final, with the way back for revision. One table says who may make each
// transition, in which phases of the round, and what it needs.
#pragma once

#include <span>
#include <string_view>

#include "core/assessment/assignment.h"
#include "core/assessment/people.h"
#include "core/assessment/round.h"
#include "core/error.h"

namespace ocindex::core::assessment {

enum class CellState { kDraft, kSubmitted, kInReview, kAgreed, kFinal };
inline constexpr CellState kCellStates[] = {CellState::kDraft, CellState::kSubmitted, CellState::kInReview,
                                            CellState::kAgreed, CellState::kFinal};
inline constexpr int kCellStateCount = 5;

const char* CellStateName(CellState state);

struct Transition {
  CellState from;
  CellState to;
  RoleSet roles;  // experts and reviewers only on items assigned to them
  Phase earliest;  // the phases in which it may be made, inclusive
  Phase latest;
  bool needs_reason;  // challenges and reopenings say why
  bool needs_drafts;  // every drafting expert has a current draft (for a section: a text exists)
};

std::span<const Transition> Transitions();

// What a transition is checked against, gathered by the caller from the round.
struct TransitionFacts {
  CellState from;
  CellState to;
  Phase phase;
  Relation relation;  // of the actor to the item
  bool has_reason;
  bool drafted;
};

// kInvalidInput when the table has no such transition or a needed reason is missing,
// kForbidden when the actor may not make it, kConflict when the phase or the drafts do
// not allow it yet. `item` names the cell or section in messages.
Status CheckTransition(const Actor& actor, const TransitionFacts& facts, std::string_view item);

}  // namespace ocindex::core::assessment
