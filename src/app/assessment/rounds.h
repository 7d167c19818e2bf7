// Assessment rounds on a shared store: the application service every face (CLI, HTTP)
// calls to create, staff, draft, review, settle and publish a round.
//
// A round is a journal stream (round_events.h). Each round's ledger is kept in memory
// and brought up to date from the store before every use, so several processes (a
// server and a CLI, or servers behind a balancer on PostgreSQL) see each other's work.
// A write is applied to the ledger, which checks it, then appended to the stream under
// the next version number; if another process took that number first, the ledger is
// reloaded and the write tried again, against what is now stored.
//
// Single writes are stored in groups (LevelDB's writer queue): while one writer's
// transaction is being committed, the writes that arrive queue behind it, and the
// first of them stores the whole queue in the next transaction. Each writer is answered
// once its own entry is committed, so nothing is acknowledged before it is durable,
// but many writes share one commit. Reads wait until nothing is in flight, so they see
// only what is stored.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "adapters/store/store.h"
#include "app/assessment/clock.h"
#include "app/assessment/round_events.h"
#include "core/assessment/calibration.h"
#include "core/assessment/cell_view.h"
#include "core/assessment/ledger.h"
#include "core/assessment/progress.h"
#include "core/assessment/publication.h"
#include "core/error.h"
#include "core/reliability/panel_reliability.h"

namespace ocindex::app {

namespace as = core::assessment;

struct RoundInfo {
  std::string id;
  std::string edition;
  std::string baseline_edition;
  as::Phase phase = as::Phase::kDrafting;
  int version = 0;  // of the round's stream
  int countries = 0;
  int cells = 0;
  int sections = 0;  // assigned
};

struct NewRound {
  std::string id;       // letters, digits, '-', '_' (it names a URL segment)
  std::string edition;  // the edition it publishes as; must not be stored yet
  std::string baseline;  // a stored edition: its framework, scores, countries and narratives
  std::vector<std::string> countries;  // ISO3 of the baseline's countries to assess; empty: all
};

// One assigned item as its assignee sees it in a worklist.
struct WorkItem {
  std::string iso3;
  std::string item;  // indicator or section id
  bool section = false;
  as::CellState state = as::CellState::kDraft;
  int version = 0;
  as::Relation relation = as::Relation::kNone;
  bool drafted = false;  // the user has a current draft (cells) or a text exists (sections)
};

struct RoundStatus {
  RoundInfo info;
  as::Progress progress;
  std::vector<std::pair<as::CellKey, as::CellSignal>> flagged;  // wide or outlying cells, in round order
  std::vector<core::PanelReliability> reliability;  // per indicator, then "all", on the current drafts
};

struct PublishReport {
  std::string edition;
  int revision = 0;
  int countries = 0;
  int expert_scores = 0;
  as::ChangeReport changes;
};

// One offline submission (ocindex round import): who drafted what.
struct ImportedSubmission {
  as::Actor actor;
  as::CellKey cell;
  as::Submission submission;
};

class Rounds {
 public:
  Rounds(adapters::Store& store, Clock clock);

  Result<RoundInfo> Create(const as::Actor& actor, const NewRound& request);
  // The rounds `actor` may see: the index team every round; others the rounds they are
  // assigned in (experts, reviewers) or that are published (everyone).
  Result<std::vector<RoundInfo>> List(const as::Actor& actor);
  Result<RoundInfo> Info(const std::string& round, const as::Actor& actor);

  // Writes return the item's new version (its ETag). `seen` is the version the writer
  // last read; kStale when the item has moved on since.
  Result<int> Submit(const std::string& round, const as::Actor& actor, const as::CellKey& cell,
                     const as::Submission& submission, int seen);
  Result<int> Move(const std::string& round, const as::Actor& actor, const as::CellKey& cell, as::CellState to,
                   const std::string& reason, int seen, std::optional<core::Rational> settled = std::nullopt);
  Result<int> WriteSection(const std::string& round, const as::Actor& actor, const as::SectionKey& section,
                           const std::string& text, int seen);
  Result<int> MoveSection(const std::string& round, const as::Actor& actor, const as::SectionKey& section,
                          as::CellState to, const std::string& reason, int seen);
  // Returns the new thread's id.
  Result<int> OpenThread(const std::string& round, const as::Actor& actor, const as::CellKey& cell,
                         const std::string& text);
  Status Reply(const std::string& round, const as::Actor& actor, int thread, const std::string& text);
  Status Assign(const std::string& round, const as::Actor& actor, const as::Assignments& assignments);
  Status ChangePhase(const std::string& round, const as::Actor& actor, as::Phase to, const std::string& reason);
  // Stores the edition, narratives and expert scores and marks the round published, in
  // one transaction. Needs every item final (kConflict naming the first unfinished).
  Result<PublishReport> Publish(const std::string& round, const as::Actor& actor);
  // Many drafts at once, all stored or none (the first refused one is reported).
  // Returns how many were stored.
  Result<int> Import(const std::string& round, const std::vector<ImportedSubmission>& submissions);
  // Moves every cell now in `from` to `to` (agreeing at the proposal), as one
  // transaction: the index team's bulk step. Returns how many cells moved.
  Result<int> MoveAll(const std::string& round, const as::Actor& actor, as::CellState from, as::CellState to,
                      const std::string& reason);

  // What `actor` may see of a cell (cell_view.h).
  Result<as::CellView> View(const std::string& round, const as::Actor& actor, const as::CellKey& cell);
  // The items assigned to `actor`, in round order.
  Result<std::vector<WorkItem>> Worklist(const std::string& round, const as::Actor& actor);
  // Progress, flags and reliability so far: for the index team (kForbidden otherwise).
  Result<RoundStatus> Overview(const std::string& round, const as::Actor& actor);
  // Runs `read` on the up-to-date ledger of a round `actor` may manage (exports).
  Status Inspect(const std::string& round, const as::Actor& actor,
                 const std::function<void(const as::RoundLedger&)>& read);
  // Runs `read` on the up-to-date ledger of any round, for whoever asks: the workspace's
  // queries (round_queries.h, round_preview.h) view every item through the policy themselves.
  Status Observe(const std::string& round, const std::function<void(const as::RoundLedger&)>& read);

 private:
  struct Cached;
  // A write: its action, target, reason and payload (without role and time).
  struct Write {
    as::Actor actor;
    std::string action;
    std::string target;
    std::string reason;
    Json payload;
  };

  using Lock = std::unique_lock<std::mutex>;
  using VersionOf = std::function<int(const as::RoundLedger&)>;

  Result<std::shared_ptr<Cached>> Find(const std::string& round);
  // Runs `read` on the up-to-date ledger and the cached round, under the round's lock.
  Status Read(const std::string& round, const std::function<Status(const Cached&)>& read);
  // Holding the round's lock: waits until no write is in flight (new writes wait
  // meanwhile), then applies entries stored since the ledger was last read.
  Status Settle(Cached& cached, Lock& lock);
  // Holding the round's lock, with nothing in flight: applies entries stored since.
  Status CatchUp(Cached& cached);
  Status Load(Cached& cached);
  // Applies and appends `writes` as one transaction, retrying after another process's
  // write; `version_of` reads the written item's version once they are applied.
  Result<int> Append(const std::string& round, const std::vector<Write>& writes, const VersionOf& version_of);
  // One write, stored in a group with others (see the top of this file).
  Result<int> AppendGrouped(Cached& cached, Lock& lock, const Write& write, const VersionOf& version_of);
  // Several writes, alone in one transaction.
  Result<int> AppendAlone(Cached& cached, Lock& lock, const std::vector<Write>& writes, const VersionOf& version_of);
  // The writer at the head of the queue: stores every queued entry in one transaction.
  void StoreQueue(Cached& cached, Lock& lock);
  // The entry of `write`, applied to the ledger with its state before and after.
  Result<adapters::JournalEntry> Apply(Cached& cached, const Write& write, int version);
  // The entry of `write` and its payload (with the role and time added), parsed and as text.
  std::pair<adapters::JournalEntry, Json> EntryFor(const Cached& cached, const Write& write, int version) const;

  adapters::Store& store_;
  Clock clock_;
  std::mutex mutex_;  // guards rounds_
  std::map<std::string, std::shared_ptr<Cached>> rounds_;
};

}  // namespace ocindex::app
