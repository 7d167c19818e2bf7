#include "core/assessment/cell_view.h"

#include "core/assessment/policy.h"

namespace ocindex::core::assessment {

Result<CellView> ViewCell(const RoundLedger& ledger, const Actor& actor, const CellKey& key) {
  const CellHistory* history = ledger.FindCell(key);
  if (history == nullptr) return MakeError(ErrorCode::kNotFound, "no such cell in the round", key.ToString());
  const Relation relation = RelationTo(ledger.assignments(), actor.user, key);
  const Phase phase = ledger.round().phase;
  OCINDEX_RETURN_IF_ERROR(Authorise(actor, Action::kRead, relation, phase, key.ToString()));

  CellView view;
  view.key = key;
  view.state = history->state();
  view.version = history->version();
  view.settled = SettledScore(*history);
  view.others_visible = Authorise(actor, Action::kSeeOthers, relation, phase, key.ToString()).ok();
  for (const Submission* submission : CurrentSubmissions(*history, ledger.assignments().TeamOf(key))) {
    if (view.others_visible || submission->expert == actor.user) view.submissions.push_back(*submission);
  }
  if (!view.others_visible) return view;
  view.consensus = ledger.ConsensusOf(key);
  for (const CommentThread& thread : ledger.threads()) {
    if (thread.cell == key) view.threads.push_back(thread);
  }
  return view;
}

}  // namespace ocindex::core::assessment
