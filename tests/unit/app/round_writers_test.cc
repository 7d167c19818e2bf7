// Many writers of one round at once, on both backends: single writes are stored in
// groups (rounds.h), so these prove that every acknowledged write is stored exactly once
// under its own number, that a group another process beat is retried whole, and that a
// second process sees exactly what was acknowledged.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "app/assessment/rounds.h"
#include "app/engine.h"
#include "support/assessment_fixture.h"
#include "support/store_backends.h"

namespace ocindex::app {
namespace {

using test_support::kAnn;
using test_support::kBob;
using test_support::kCoordinator;

constexpr const char* kRound = "r2027";

class RoundWriters : public adapters::BackendTest, public ::testing::WithParamInterface<std::string> {
 protected:
  void SetUp() override {
    SetUpBackend(GetParam());
    if (HasFatalFailure() || IsSkipped()) return;
    auto engine = Engine::Open(backend_->uri());  // fills the store with the bundled editions
    ASSERT_TRUE(engine.ok()) << engine.error().ToString();
    engine_ = std::move(*engine);
    Rounds rounds(store(), SystemMillis);
    NewRound request;
    request.id = kRound;
    request.edition = "2027";
    request.baseline = "2025";
    request.countries = {"KAZ", "UZB", "KGZ"};
    auto created = rounds.Create(kCoordinator, request);
    ASSERT_TRUE(created.ok()) << created.error().ToString();
    as::Assignments assignments;
    ASSERT_TRUE(rounds.Inspect(kRound, kCoordinator, [&](const as::RoundLedger& ledger) {
      for (const as::CellKey& key : ledger.round().Cells()) {
        cells_.push_back(key);
        assignments.cells[key] = as::Team{{kAnn.user, kBob.user}, {}};
      }
    }).ok());
    ASSERT_TRUE(rounds.Assign(kRound, kCoordinator, assignments).ok());
  }

  adapters::Store& store() { return engine_->shared_store(); }

  // The round's stream as stored: its versions, in order.
  std::vector<int> StoredVersions() {
    auto entries = store().ReadStream(RoundStream(kRound), 0);
    EXPECT_TRUE(entries.ok());
    std::vector<int> versions;
    for (const adapters::JournalEntry& entry : *entries) versions.push_back(entry.version);
    return versions;
  }

  std::unique_ptr<Engine> engine_;
  std::vector<as::CellKey> cells_;
};

// With a reason, so that a draft far from the baseline is accepted too.
as::Submission DraftFor(const as::Actor& expert, const std::string& justification) {
  as::Submission draft = test_support::Draft("5", justification, "Checked against new seizure data.");
  draft.expert = expert.user;
  return draft;
}

std::vector<int> OneToN(int n) {
  std::vector<int> versions;
  for (int v = 1; v <= n; ++v) versions.push_back(v);
  return versions;
}

// Writers per process, each drafting every cell in turn as one expert: two experts per
// process, so drafts of one cell race and every write is a single (grouped) write.
void DraftEverything(Rounds& rounds, const std::vector<as::CellKey>& cells, const std::string& tag,
                     std::atomic<int>& failures) {
  std::vector<std::thread> writers;
  for (const as::Actor& expert : {kAnn, kBob}) {
    writers.emplace_back([&, expert] {
      for (const as::CellKey& cell : cells) {
        // `seen` is a version no later than the cell's: a draft is refused only when stale,
        // so read the cell's current version first.
        auto view = rounds.View(kRound, expert, cell);
        auto written = view ? rounds.Submit(kRound, expert, cell, DraftFor(expert, tag + " " + cell.ToString()),
                                            view->version)
                            : Result<int>(view.error());
        // Another writer of the same cell may have moved it between the read and the
        // write: that is a stale draft (412 to a browser), tried again with a fresh read.
        // A round written too busily by another process answers kConflict (409): tried
        // again too, as a client would.
        while (!written && (written.error().code == ErrorCode::kStale || written.error().code == ErrorCode::kConflict)) {
          view = rounds.View(kRound, expert, cell);
          if (!view) break;
          written = rounds.Submit(kRound, expert, cell, DraftFor(expert, tag + " " + cell.ToString()), view->version);
        }
        if (!written) {
          failures.fetch_add(1);
          ADD_FAILURE() << written.error().ToString();
        }
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
}

TEST_P(RoundWriters, ConcurrentWritesAreEachStoredOnceUnderTheirOwnNumber) {
  Rounds rounds(store(), SystemMillis);
  std::atomic<int> failures{0};
  std::vector<std::thread> processes;
  for (int i = 0; i < 4; ++i) {
    processes.emplace_back([&, i] { DraftEverything(rounds, cells_, "writer " + std::to_string(i), failures); });
  }
  for (std::thread& p : processes) p.join();
  EXPECT_EQ(failures.load(), 0);
  const int drafts = 4 * 2 * static_cast<int>(cells_.size());
  EXPECT_EQ(StoredVersions(), OneToN(2 + drafts));  // create, assign, then every draft: no gap, none twice

  // Another process, reading the store afresh, sees each cell's every draft.
  Rounds other(store(), SystemMillis);
  int versions = 0;
  ASSERT_TRUE(other.Inspect(kRound, kCoordinator, [&](const as::RoundLedger& ledger) {
    for (const auto& [key, history] : ledger.cells()) versions += history.version();
  }).ok());
  EXPECT_EQ(versions, drafts);
}

TEST_P(RoundWriters, AGroupAnotherProcessBeatIsTriedAgainWhole) {
  // Two services on one store, as two servers behind a balancer: each one's groups keep
  // colliding with the other's numbers, and every write must still land exactly once.
  Rounds first(store(), SystemMillis);
  Rounds second(store(), SystemMillis);
  std::atomic<int> failures{0};
  std::vector<std::thread> processes;
  processes.emplace_back([&] { DraftEverything(first, cells_, "first", failures); });
  processes.emplace_back([&] { DraftEverything(second, cells_, "second", failures); });
  for (std::thread& p : processes) p.join();
  EXPECT_EQ(failures.load(), 0);
  const int drafts = 2 * 2 * static_cast<int>(cells_.size());
  EXPECT_EQ(StoredVersions(), OneToN(2 + drafts));

  // Each service's ledger, caught up, agrees with the store: nothing applied but not
  // stored survived a failed group.
  std::set<std::string> seen_by_first;
  std::set<std::string> seen_by_second;
  auto collect = [&](Rounds& rounds, std::set<std::string>& out) {
    EXPECT_TRUE(rounds.Inspect(kRound, kCoordinator, [&](const as::RoundLedger& ledger) {
      for (const auto& [key, history] : ledger.cells()) {
        for (const as::CellVersion& v : history.versions()) {
          if (v.submission) out.insert(key.ToString() + " " + v.submission->justification);
        }
      }
    }).ok());
  };
  collect(first, seen_by_first);
  collect(second, seen_by_second);
  EXPECT_EQ(seen_by_first, seen_by_second);
  EXPECT_EQ(static_cast<int>(seen_by_first.size()), static_cast<int>(cells_.size()) * 2);  // first/second per cell
}

TEST_P(RoundWriters, AFailedGroupLeavesNothingBehindAndWritingGoesOn) {
  // The store refuses any entry that mentions "refuse me", as a full disk would refuse a
  // group: its writers get the error, and nothing of their writes is read afterwards.
  const bool sqlite = GetParam() == "sqlite";
  backend_->Exec(sqlite ? "CREATE TRIGGER refuse BEFORE INSERT ON journal WHEN NEW.payload LIKE '%refuse me%' "
                          "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
                        : "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                          "IF NEW.payload LIKE '%refuse me%' THEN RAISE EXCEPTION 'refused by the test'; END IF; "
                          "RETURN NEW; END $$; CREATE TRIGGER refuse BEFORE INSERT ON journal "
                          "FOR EACH ROW EXECUTE FUNCTION refuse()");
  Rounds rounds(store(), SystemMillis);
  const as::CellKey cell = cells_.front();
  auto refused = rounds.Submit(kRound, kAnn, cell, DraftFor(kAnn, "refuse me"), 0);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().code, ErrorCode::kConflict);
  // The cell is as it was: version 0, no draft.
  auto before = rounds.View(kRound, kAnn, cell);
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->version, 0);
  EXPECT_TRUE(before->submissions.empty());
  auto written = rounds.Submit(kRound, kAnn, cell, DraftFor(kAnn, "accepted"), 0);
  ASSERT_TRUE(written.ok()) << written.error().ToString();
  EXPECT_EQ(*written, 1);
  EXPECT_EQ(StoredVersions(), OneToN(3));
  Rounds fresh(store(), SystemMillis);  // a new service reads the same from the store
  auto view = fresh.View(kRound, kAnn, cell);
  ASSERT_TRUE(view.ok());
  ASSERT_EQ(view->submissions.size(), 1u);
  EXPECT_EQ(view->submissions.front().justification, "accepted");
}

INSTANTIATE_TEST_SUITE_P(Backends, RoundWriters, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ocindex::app
