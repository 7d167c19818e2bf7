// Offline submissions of a round as a CSV file (`ocindex round import`), one row per
// expert and cell, columns named by the header row in any order:
//   iso3, indicator, expert, score, justification   required
//   sources        citations or URLs separated by " | "
//   confidence     1 (thin evidence) to 5 (several independent sources); default 3
//   change_reason  why the score moves 1.0 or more from the baseline
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "adapters/io/table.h"
#include "core/assessment/keys.h"
#include "core/assessment/round.h"
#include "core/assessment/submission.h"
#include "core/error.h"

namespace ocindex::adapters::io {

struct SubmissionRow {
  uint32_t line = 0;
  core::assessment::CellKey cell;
  core::assessment::Submission submission;  // `expert` names who drafted it
};

// What is wrong with `expert` drafting `cell` (unknown user, not an expert, not
// assigned), or nullopt when nothing is.
using ExpertCheck =
    std::function<std::optional<std::string>(const std::string& expert, const core::assessment::CellKey& cell)>;

// Every row checked against the round (its cells, scale and baseline) and `check`;
// a second row for the same expert and cell is a problem. Every problem, with its
// file, line and column, in one kInvalidInput error, and then nothing is returned.
Result<std::vector<SubmissionRow>> ReadSubmissions(const Table& table, const core::assessment::Round& round,
                                                   const ExpertCheck& check);

}  // namespace ocindex::adapters::io
