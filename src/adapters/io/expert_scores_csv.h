// The expert-level CSV format (docs/EXPERT_DATA.md): one row per score an expert gave
// one country on one indicator. Columns, in any order, named by the header row:
//   edition, country (an ISO3 code or any name the country list knows; "iso3" also
//   names it), indicator (id or name), expert (any id), score (on the edition's scale),
//   justification (optional free text).
#pragma once

#include <string>
#include <vector>

#include "adapters/io/table.h"
#include "core/error.h"
#include "core/model/framework.h"
#include "core/model/geography.h"
#include "core/reliability/expert_scores.h"

namespace ocindex::adapters::io {

// Checks every row against the frameworks of the editions it names and the country
// list; resolves countries to ISO3 and indicators to ids. Every problem (unknown column,
// edition, country or indicator, a score off the scale, a second score by the same
// expert for the same cell) is reported with its file, line and column in one
// kInvalidInput error, and then no score is returned.
Result<std::vector<core::ExpertScore>> ReadExpertScores(const Table& table,
                                                        const std::vector<core::Framework>& frameworks,
                                                        const core::Geography& geography);

// The CSV text of `scores` in the format ReadExpertScores reads, header first.
std::string ExpertScoresCsv(const std::vector<core::ExpertScore>& scores);

}  // namespace ocindex::adapters::io
