// A quick start for staffing a round: every cell gets `per_cell` drafting experts and
// one reviewer, dealt round-robin over the round's cells in order so the work is
// spread evenly (cell i is drafted by experts i*per_cell, i*per_cell+1, ... modulo
// their number, and reviewed by reviewer i modulo theirs). Sections and thematic
// reviews are left for an assignments file.
#pragma once

#include <vector>

#include "core/assessment/assignment.h"
#include "core/assessment/round.h"
#include "core/error.h"

namespace ocindex::core::assessment {

// kInvalidInput when per_cell is not 1 to the number of experts, or a list is empty;
// the result passes ValidateAssignments (someone on both lists is refused there).
Result<Assignments> RoundRobin(const Round& round, int per_cell, const std::vector<UserRef>& experts,
                               const std::vector<UserRef>& reviewers);

}  // namespace ocindex::core::assessment
