#include "core/assessment/round_robin.h"

#include <fmt/format.h>

namespace ocindex::core::assessment {

Result<Assignments> RoundRobin(const Round& round, int per_cell, const std::vector<UserRef>& experts,
                               const std::vector<UserRef>& reviewers) {
  if (experts.empty() || reviewers.empty()) {
    return MakeError(ErrorCode::kInvalidInput, "a round-robin assignment needs experts and reviewers");
  }
  if (per_cell < 1 || static_cast<size_t>(per_cell) > experts.size()) {
    return MakeError(ErrorCode::kInvalidInput, fmt::format("{} experts per cell: expected 1 to the {} experts given",
                                                           per_cell, experts.size()));
  }
  Assignments assignments;
  const std::vector<CellKey> cells = round.Cells();
  const size_t n = static_cast<size_t>(per_cell);
  for (size_t i = 0; i < cells.size(); ++i) {
    Team& team = assignments.cells[cells[i]];
    for (size_t k = 0; k < n; ++k) team.drafting.push_back(experts[(i * n + k) % experts.size()]);
    team.reviewers.push_back(reviewers[i % reviewers.size()]);
  }
  OCINDEX_RETURN_IF_ERROR(ValidateAssignments(assignments, round));
  return assignments;
}

}  // namespace ocindex::core::assessment
