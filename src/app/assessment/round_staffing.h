// Staffing a round in one step from the workspace: cells round-robin over the experts
// and reviewers (core RoundRobin, as `ocindex round assign --experts-per-cell`), and
// each country's chosen narrative sections given to the team of its first cell.
#pragma once

#include <string>
#include <vector>

#include "app/assessment/rounds.h"

namespace ocindex::app {

struct RoundRobinRequest {
  int per_cell = 1;
  std::vector<std::string> experts;
  std::vector<std::string> reviewers;
  std::vector<std::string> sections;  // narrative section ids; may be empty
};

// The assignments (not yet stored): the index team only; kInvalidInput as RoundRobin,
// or for a section id the round's framework has not.
Result<as::Assignments> RoundRobinStaffing(Rounds& rounds, const std::string& round, const as::Actor& actor,
                                           const RoundRobinRequest& request);

}  // namespace ocindex::app
