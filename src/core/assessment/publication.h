// Publication: a round whose every cell and assigned section is final becomes an
// edition: the settled scores as a Dataset for the round's framework, the narratives,
// the experts' final scores under pseudonyms, and what changed from the baseline.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/assessment/keys.h"
#include "core/assessment/ledger.h"
#include "core/assessment/round.h"
#include "core/error.h"
#include "core/model/dataset.h"
#include "core/model/rational.h"
#include "core/reliability/expert_scores.h"

namespace ocindex::core::assessment {

// At most this many unfinished items are named when publication is refused.
inline constexpr size_t kUnfinishedListed = 10;

struct CellChange {
  CellKey key;
  std::optional<Rational> baseline;  // nullopt: not assessed in the baseline
  Rational published;
  std::optional<Rational> delta;     // published - baseline
};

struct ChangeReport {
  std::vector<CellChange> cells;  // every cell, in round order
  int raised = 0;
  int lowered = 0;
  int unchanged = 0;
  int added = 0;  // no baseline score
};

// Adds a cell's change to the report and counts it.
void AddChange(ChangeReport& report, CellChange change);

struct Publication {
  Edition edition;  // the round's framework and the settled scores
  std::vector<SectionText> narratives;  // the assigned sections' final texts
  std::vector<ExpertScore> expert_scores;
  // User id -> the pseudonym the expert scores carry ("expert-1", ... in order of first
  // appearance over the cells in round order). Confidential: keep it with the round.
  std::map<std::string, std::string> pseudonyms;
  ChangeReport changes;
};

// kConflict naming the first kUnfinishedListed items when any is not final.
Result<Publication> BuildPublication(const RoundLedger& ledger);

}  // namespace ocindex::core::assessment
