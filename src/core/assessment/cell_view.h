// What one user may see of a cell. Before review opens an expert sees only their own
// draft; other experts' identities, scores, the consensus and the review threads
// appear once the policy allows kSeeOthers. Readers see published rounds' settled
// scores only.
#pragma once

#include <optional>
#include <vector>

#include "core/assessment/cell_state.h"
#include "core/assessment/comments.h"
#include "core/assessment/consensus.h"
#include "core/assessment/keys.h"
#include "core/assessment/ledger.h"
#include "core/assessment/people.h"
#include "core/assessment/submission.h"
#include "core/error.h"

namespace ocindex::core::assessment {

struct CellView {
  CellKey key;
  CellState state = CellState::kDraft;
  int version = 0;
  std::optional<Rational> settled;
  bool others_visible = false;
  std::vector<Submission> submissions;  // current ones: the viewer's own, and the others' when visible
  std::optional<Consensus> consensus;   // when others are visible
  std::vector<CommentThread> threads;   // when others are visible
};

// kNotFound for a cell outside the round; the policy's error when the user may not read it.
Result<CellView> ViewCell(const RoundLedger& ledger, const Actor& actor, const CellKey& key);

}  // namespace ocindex::core::assessment
