// Append-only histories. A cell or section is never edited in place: every draft and
// every transition appends a version numbered 1, 2, ... and nothing is ever altered,
// so the record of who changed what, when and why is complete.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/assessment/assignment.h"
#include "core/assessment/cell_state.h"
#include "core/assessment/people.h"
#include "core/assessment/submission.h"
#include "core/error.h"
#include "core/model/rational.h"

namespace ocindex::core::assessment {

// What every version records.
struct Change {
  int version = 0;  // set by History::Append
  CellState state = CellState::kDraft;  // the item's state after this version
  UserRef actor;
  Timestamp at = 0;
  std::string reason;  // of a challenge, a reopening or a settled score off the proposal
};

struct CellVersion {
  Change change;
  std::optional<Submission> submission;  // when this version records a draft
  std::optional<Rational> settled;       // when this version agrees the cell: its score
};

struct SectionVersion {
  Change change;
  std::optional<std::string> text;  // when this version records a draft
};

template <typename Version>
class History {
 public:
  History() = default;

  // A history read back from storage: versions must be numbered 1, 2, ... in order.
  static Result<History> Restore(std::vector<Version> versions) {
    for (size_t i = 0; i < versions.size(); ++i) {
      if (versions[i].change.version != static_cast<int>(i) + 1) {
        return MakeError(ErrorCode::kCorrupt, "versions are not numbered 1, 2, ... in order");
      }
    }
    History history;
    history.versions_ = std::move(versions);
    return history;
  }

  const std::vector<Version>& versions() const { return versions_; }
  // 0 before the first change.
  int version() const { return versions_.empty() ? 0 : versions_.back().change.version; }
  CellState state() const { return versions_.empty() ? CellState::kDraft : versions_.back().change.state; }

  // Appends `next` as the following version and returns its number.
  int Append(Version next) {
    next.change.version = version() + 1;
    versions_.push_back(std::move(next));
    return versions_.back().change.version;
  }

 private:
  std::vector<Version> versions_;
};

using CellHistory = History<CellVersion>;
using SectionHistory = History<SectionVersion>;

// The latest submission of each of the team's drafting experts, in team order; experts
// who have not submitted are skipped. Drafts of experts no longer assigned do not count.
std::vector<const Submission*> CurrentSubmissions(const CellHistory& history, const Team& team);

// Whether every drafting expert of a non-empty team has a current submission.
bool FullyDrafted(const CellHistory& history, const Team& team);

// The latest text of a section, if any.
const std::string* CurrentText(const SectionHistory& history);

// The score the cell was agreed at, while it stands agreed or final.
std::optional<Rational> SettledScore(const CellHistory& history);

}  // namespace ocindex::core::assessment
