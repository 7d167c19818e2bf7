#include "core/assessment/ledger.h"

#include <fmt/format.h>

#include "core/assessment/consensus.h"
#include "core/assessment/policy.h"
#include "core/assessment/text.h"

namespace ocindex::core::assessment {
namespace {

Status CheckSeen(int current, int seen, const std::string& item) {
  if (current == seen) return {};
  return MakeError(ErrorCode::kStale,
                   fmt::format("{} is at version {}, not {}: reload it and try again", item, current, seen));
}

// What a draft needs, for a cell or a section alike: the right to write, the version
// the writer saw, and the item in draft (submitted work is withdrawn before revising).
template <typename Version>
Status CheckDraftable(const History<Version>& history, const Actor& actor, Relation relation, Phase phase,
                      const std::string& item, int seen) {
  OCINDEX_RETURN_IF_ERROR(Authorise(actor, Action::kWrite, relation, phase, item));
  OCINDEX_RETURN_IF_ERROR(CheckSeen(history.version(), seen, item));
  if (history.state() != CellState::kDraft) {
    return MakeError(ErrorCode::kConflict, fmt::format("{} is {}; only a draft can be revised", item,
                                                       CellStateName(history.state())));
  }
  return {};
}

// Whether the transition may be made now. Checked before anything else about it, so a
// refused actor learns nothing of the cell (not even its consensus).
template <typename Version>
Status CheckMove(const History<Version>& history, const Actor& actor, Relation relation, Phase phase,
                 const std::string& item, CellState to, const std::string& reason, int seen, bool drafted) {
  OCINDEX_RETURN_IF_ERROR(CheckSeen(history.version(), seen, item));
  const TransitionFacts facts{history.state(), to, phase, relation, !Trim(reason).empty(), drafted};
  return CheckTransition(actor, facts, item);
}

}  // namespace

RoundLedger::RoundLedger(Round round, Assignments assignments)
    : round_(std::move(round)), assignments_(std::move(assignments)) {
  for (CellKey& key : round_.Cells()) cells_.emplace(std::move(key), CellHistory());
  AddAssignedSections();
}

void RoundLedger::AddAssignedSections() {
  for (const auto& entry : assignments_.sections) sections_.try_emplace(entry.first);
}

Result<RoundLedger> RoundLedger::Open(Round round, Assignments assignments) {
  OCINDEX_RETURN_IF_ERROR(ValidateRound(round));
  OCINDEX_RETURN_IF_ERROR(ValidateAssignments(assignments, round));
  return RoundLedger(std::move(round), std::move(assignments));
}

const CellHistory* RoundLedger::FindCell(const CellKey& key) const {
  auto found = cells_.find(key);
  return found == cells_.end() ? nullptr : &found->second;
}

const SectionHistory* RoundLedger::FindSection(const SectionKey& key) const {
  if (!assignments_.sections.contains(key)) return nullptr;
  return &sections_.at(key);
}

std::optional<Consensus> RoundLedger::ConsensusOf(const CellKey& key) const {
  const CellHistory* history = FindCell(key);
  if (history == nullptr) return std::nullopt;
  std::vector<Rational> scores;
  for (const Submission* submission : CurrentSubmissions(*history, assignments_.TeamOf(key))) {
    scores.push_back(submission->score);
  }
  return assessment::ConsensusOf(scores, round_.framework);
}

Result<int> RoundLedger::Submit(const Actor& actor, const CellKey& key, Submission submission, Timestamp at,
                                 int seen_version) {
  const std::string item = key.ToString();
  auto found = cells_.find(key);
  if (found == cells_.end()) return MakeError(ErrorCode::kNotFound, "no such cell in the round", item);
  CellHistory& history = found->second;
  OCINDEX_RETURN_IF_ERROR(CheckDraftable(history, actor, RelationTo(assignments_, actor.user, key), round_.phase,
                                         item, seen_version));
  submission.expert = actor.user;
  CellVersion next;
  OCINDEX_ASSIGN_OR_RETURN(next.submission,
                           ValidateSubmission(std::move(submission), round_.framework, round_.BaselineScore(key)));
  next.change = Change{0, CellState::kDraft, actor.user, at, {}};
  return history.Append(std::move(next));
}

Result<int> RoundLedger::WriteSection(const Actor& actor, const SectionKey& key, const std::string& text,
                                      Timestamp at, int seen_version) {
  const std::string item = key.ToString();
  if (FindSection(key) == nullptr) return MakeError(ErrorCode::kNotFound, "no such section in the round", item);
  SectionHistory& history = sections_.at(key);
  OCINDEX_RETURN_IF_ERROR(CheckDraftable(history, actor, RelationTo(assignments_, actor.user, key), round_.phase,
                                         item, seen_version));
  SectionVersion next;
  OCINDEX_ASSIGN_OR_RETURN(next.text, RequiredText(text, "the section's text"));
  next.change = Change{0, CellState::kDraft, actor.user, at, {}};
  return history.Append(std::move(next));
}

Result<int> RoundLedger::Move(const Actor& actor, const CellKey& key, CellState to, const std::string& reason,
                              Timestamp at, int seen_version, std::optional<Rational> settled) {
  const std::string item = key.ToString();
  auto found = cells_.find(key);
  if (found == cells_.end()) return MakeError(ErrorCode::kNotFound, "no such cell in the round", item);
  CellHistory& history = found->second;
  OCINDEX_RETURN_IF_ERROR(CheckMove(history, actor, RelationTo(assignments_, actor.user, key), round_.phase, item, to,
                                    reason, seen_version, FullyDrafted(history, assignments_.TeamOf(key))));
  CellVersion next;
  const bool agreeing = to == CellState::kAgreed && history.state() == CellState::kInReview;
  if (settled && !agreeing) {
    return MakeError(ErrorCode::kInvalidInput, "a settled score is given only when agreeing a cell in review", item);
  }
  if (agreeing) {
    const std::optional<Consensus> consensus = ConsensusOf(key);
    if (settled && !round_.framework.OnScale(*settled)) {
      return MakeError(ErrorCode::kInvalidInput, "the settled score is not on the scale", item);
    }
    if (settled && consensus && *settled != consensus->proposal && Trim(reason).empty()) {
      return MakeError(ErrorCode::kInvalidInput,
                       fmt::format("settling at {} rather than the proposal {} needs a reason",
                                   FormatRational(*settled), FormatRational(consensus->proposal)),
                       item);
    }
    next.settled = settled ? settled : (consensus ? std::optional<Rational>(consensus->proposal) : std::nullopt);
  }
  next.change = Change{0, to, actor.user, at, Trim(reason)};
  return history.Append(std::move(next));
}

Result<int> RoundLedger::MoveSection(const Actor& actor, const SectionKey& key, CellState to,
                                     const std::string& reason, Timestamp at, int seen_version) {
  const std::string item = key.ToString();
  if (FindSection(key) == nullptr) return MakeError(ErrorCode::kNotFound, "no such section in the round", item);
  SectionHistory& history = sections_.at(key);
  OCINDEX_RETURN_IF_ERROR(CheckMove(history, actor, RelationTo(assignments_, actor.user, key), round_.phase, item, to,
                                    reason, seen_version, CurrentText(history) != nullptr));
  SectionVersion next;
  next.change = Change{0, to, actor.user, at, Trim(reason)};
  return history.Append(std::move(next));
}

Result<int> RoundLedger::OpenThread(const Actor& actor, const CellKey& key, const std::string& text, Timestamp at) {
  const std::string item = key.ToString();
  if (FindCell(key) == nullptr) return MakeError(ErrorCode::kNotFound, "no such cell in the round", item);
  OCINDEX_RETURN_IF_ERROR(
      Authorise(actor, Action::kComment, RelationTo(assignments_, actor.user, key), round_.phase, item));
  std::string body;
  OCINDEX_ASSIGN_OR_RETURN(body, RequiredText(text, "a comment"));
  const int id = static_cast<int>(threads_.size()) + 1;
  threads_.push_back(CommentThread{id, key, {Comment{actor.user, at, std::move(body)}}});
  return id;
}

Status RoundLedger::Reply(const Actor& actor, int thread, const std::string& text, Timestamp at) {
  if (thread < 1 || thread > static_cast<int>(threads_.size())) {
    return MakeError(ErrorCode::kNotFound, fmt::format("no thread {} in the round", thread));
  }
  CommentThread& target = threads_[static_cast<size_t>(thread - 1)];
  OCINDEX_RETURN_IF_ERROR(Authorise(actor, Action::kComment, RelationTo(assignments_, actor.user, target.cell),
                                    round_.phase, target.cell.ToString()));
  std::string body;
  OCINDEX_ASSIGN_OR_RETURN(body, RequiredText(text, "a comment"));
  target.comments.push_back(Comment{actor.user, at, std::move(body)});
  return {};
}

Status RoundLedger::ChangePhase(const Actor& actor, Phase to, const std::string& reason) {
  OCINDEX_RETURN_IF_ERROR(CheckPhaseChange(round_, actor, to, reason));
  if (to == Phase::kPublished) {
    const Unfinished unfinished = UnfinishedItems(0);
    if (unfinished.total > 0) {
      return MakeError(ErrorCode::kConflict, fmt::format("items not final: {}", unfinished.total));
    }
  }
  round_.phase = to;
  return {};
}

Status RoundLedger::Reassign(const Actor& actor, Assignments assignments) {
  OCINDEX_RETURN_IF_ERROR(Authorise(actor, Action::kManage, Relation::kNone, round_.phase, "the assignments"));
  OCINDEX_RETURN_IF_ERROR(ValidateAssignments(assignments, round_));
  assignments_ = std::move(assignments);
  AddAssignedSections();
  return {};
}

Unfinished RoundLedger::UnfinishedItems(size_t limit) const {
  Unfinished unfinished;
  auto note = [&](const std::string& item, CellState state) {
    if (state == CellState::kFinal) return;
    ++unfinished.total;
    if (unfinished.first.size() < limit) unfinished.first.push_back(fmt::format("{} ({})", item, CellStateName(state)));
  };
  for (const auto& [key, history] : cells_) note(key.ToString(), history.state());
  for (const auto& entry : assignments_.sections) note(entry.first.ToString(), sections_.at(entry.first).state());
  return unfinished;
}

}  // namespace ocindex::core::assessment
