// A round's record of work: its assignments, the append-only history of every cell
// and assigned section, and the review threads. Every operation takes the actor and
// the time as values, checks the policy and the state machine, and appends; nothing
// is edited in place.
//
// Writes carry the version the writer last saw, so two people acting on one item at
// once cannot overwrite each other: the second gets kStale and reloads.
//
// The accessors expose everything, for storage and the index team; what a given user
// may see goes through ViewCell (cell_view.h).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/assessment/assignment.h"
#include "core/assessment/cell_state.h"
#include "core/assessment/comments.h"
#include "core/assessment/consensus.h"
#include "core/assessment/history.h"
#include "core/assessment/keys.h"
#include "core/assessment/people.h"
#include "core/assessment/round.h"
#include "core/assessment/submission.h"
#include "core/error.h"

namespace ocindex::core::assessment {

// Items not yet final: how many, and the first few as "AAA/heroin_trade (submitted)".
struct Unfinished {
  int total = 0;
  std::vector<std::string> first;
};

class RoundLedger {
 public:
  // A round with no work yet: every cell (and assigned section) in draft at version 0.
  static Result<RoundLedger> Open(Round round, Assignments assignments);

  const Round& round() const { return round_; }
  const Assignments& assignments() const { return assignments_; }
  const std::map<CellKey, CellHistory>& cells() const { return cells_; }
  // Every section ever assigned; the round's sections are those assigned now.
  const std::map<SectionKey, SectionHistory>& sections() const { return sections_; }
  const std::vector<CommentThread>& threads() const { return threads_; }
  const CellHistory* FindCell(const CellKey& key) const;
  const SectionHistory* FindSection(const SectionKey& key) const;
  // The consensus of the cell's current submissions; nullopt when there is none.
  std::optional<Consensus> ConsensusOf(const CellKey& key) const;

  // An expert's draft score on a cell in draft. Returns the new version number.
  Result<int> Submit(const Actor& actor, const CellKey& key, Submission submission, Timestamp at,
                     int seen_version);
  // An expert's draft text of a section in draft (the section's experts share one text).
  Result<int> WriteSection(const Actor& actor, const SectionKey& key, const std::string& text, Timestamp at,
                           int seen_version);
  // A state transition (cell_state.h). Agreeing records the settled score: `settled`
  // when given (on the scale; a reason is needed when it is not the consensus proposal),
  // the consensus proposal otherwise.
  Result<int> Move(const Actor& actor, const CellKey& key, CellState to, const std::string& reason, Timestamp at,
                   int seen_version, std::optional<Rational> settled = std::nullopt);
  Result<int> MoveSection(const Actor& actor, const SectionKey& key, CellState to, const std::string& reason,
                          Timestamp at, int seen_version);

  // Opens a thread on a cell; returns its id.
  Result<int> OpenThread(const Actor& actor, const CellKey& key, const std::string& text, Timestamp at);
  Status Reply(const Actor& actor, int thread, const std::string& text, Timestamp at);

  // Phase changes (round.h). Publishing needs every item final: build the publication
  // first (publication.h), store it, then move the round to published.
  Status ChangePhase(const Actor& actor, Phase to, const std::string& reason);
  // New assignments; drafts of experts taken off a cell stop counting, histories stay.
  Status Reassign(const Actor& actor, Assignments assignments);

  Unfinished UnfinishedItems(size_t limit) const;

 private:
  RoundLedger(Round round, Assignments assignments);
  void AddAssignedSections();

  Round round_;
  Assignments assignments_;
  std::map<CellKey, CellHistory> cells_;
  std::map<SectionKey, SectionHistory> sections_;
  std::vector<CommentThread> threads_;
};

}  // namespace ocindex::core::assessment
