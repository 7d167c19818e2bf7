// Who may do what to a cell or section, as one table of (role, action, grant, phases):
// what is not in the table is forbidden. Experts and reviewers act only on the items
// assigned to them; the index team (coordinator, admin) on every item; readers see
// published rounds only. State changes follow their own table (cell_state.h).
#pragma once

#include <span>
#include <string_view>

#include "core/assessment/assignment.h"
#include "core/assessment/people.h"
#include "core/assessment/round.h"
#include "core/error.h"

namespace ocindex::core::assessment {

enum class Action {
  kRead,       // the item's state, settled score and one's own drafts
  kWrite,      // record a draft: a score submission or a section text
  kComment,    // open or answer a review thread
  kSeeOthers,  // other experts' identities, scores, the consensus and the threads
  kManage,     // assignments and phase changes
};
inline constexpr Action kActions[] = {Action::kRead, Action::kWrite, Action::kComment, Action::kSeeOthers,
                                      Action::kManage};

const char* ActionName(Action action);

enum class Grant {
  kAssigned,  // only on items the user is assigned to in the role's capacity
  kAlways,
};

struct Permission {
  Role role;
  Action action;
  Grant grant;
  Phase earliest;  // the phases in which it holds, inclusive
  Phase latest;
};

std::span<const Permission> Permissions();

// Whether `relation` is the assignment `role` acts through: experts draft, reviewers review.
bool ActsThrough(Role role, Relation relation);

// kForbidden when the role or assignment does not allow it (who), kConflict when the
// round's phase does not (when). `item` names the cell or section in messages.
Status Authorise(const Actor& actor, Action action, Relation relation, Phase phase, std::string_view item);

// kConflict unless earliest <= phase <= latest; `what` says what is being done.
Status CheckPhaseWindow(Phase phase, Phase earliest, Phase latest, std::string_view what);

}  // namespace ocindex::core::assessment
