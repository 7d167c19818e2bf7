// Assignments of a round as a CSV file (`ocindex round assign --file`), one row per
// person and item, columns named by the header row in any order:
//   kind      cell, section or thematic
//   iso3      the country (empty for thematic)
//   item      the indicator id (cell, thematic) or the narrative section id (section)
//   user      the user's sign-in name
//   capacity  drafting or reviewer (thematic: reviewer)
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "adapters/io/table.h"
#include "core/assessment/assignment.h"
#include "core/assessment/round.h"
#include "core/error.h"

namespace ocindex::adapters::io {

enum class Capacity { kDrafting, kReviewer };

// What is wrong with `user` taking `capacity` (unknown, or a role that cannot act so),
// or nullopt when nothing is.
using UserCheck = std::function<std::optional<std::string>(const std::string& user, Capacity capacity)>;

// The whole file's assignments, each row checked against the round (its countries,
// indicators and sections) and `check`; every problem, with its file, line and column,
// in one kInvalidInput error, and then nothing is returned.
Result<core::assessment::Assignments> ReadAssignments(const Table& table, const core::assessment::Round& round,
                                                      const UserCheck& check);

}  // namespace ocindex::adapters::io
