// I/O faults under an assessment round's writes (issue 18), through SQLite's VFS: a
// draft whose commit meets a full disk or a failing fsync is refused with a clear
// error, never acknowledged; the service goes on writing once the disk is back; and a
// new process reads every acknowledged draft, none of the refused ones, and an audit
// trail that accounts for everything.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/assessment/rounds.h"
#include "app/assessment/trail.h"
#include "app/engine.h"
#include "support/assessment_fixture.h"
#include "support/faulty_sqlite_vfs.h"
#include "support/fixtures.h"

namespace ocindex::app {
namespace {

using test_support::kAnn;
using test_support::kCoordinator;

constexpr const char* kRound = "r2027";

as::Submission DraftFor(const std::string& justification) {
  as::Submission draft = test_support::Draft("5", justification, "Checked against new seizure data.");
  draft.expert = kAnn.user;
  return draft;
}

class RoundFaults : public ::testing::Test {
 protected:
  void SetUp() override {
    auto engine = Engine::Open(path_);  // through the faulty VFS, installed first
    ASSERT_TRUE(engine.ok()) << engine.error().ToString();
    engine_ = std::move(*engine);
    Rounds rounds(engine_->shared_store(), SystemMillis);
    NewRound request;
    request.id = kRound;
    request.edition = "2027";
    request.baseline = "2025";
    request.countries = {"KAZ", "UZB"};
    ASSERT_TRUE(rounds.Create(kCoordinator, request).ok());
    as::Assignments assignments;
    ASSERT_TRUE(rounds.Inspect(kRound, kCoordinator, [&](const as::RoundLedger& ledger) {
      for (const as::CellKey& key : ledger.round().Cells()) {
        cells_.push_back(key);
        assignments.cells[key] = as::Team{{kAnn.user}, {}};
      }
    }).ok());
    ASSERT_TRUE(rounds.Assign(kRound, kCoordinator, assignments).ok());
  }

  // Writes three drafts: the first and the third freely, the second under `fault`.
  void DraftAroundAFault(const std::function<void()>& fault) {
    Rounds rounds(engine_->shared_store(), SystemMillis);
    ASSERT_TRUE(rounds.Submit(kRound, kAnn, cells_[0], DraftFor("before the fault"), 0).ok());
    fault();
    auto refused = rounds.Submit(kRound, kAnn, cells_[1], DraftFor("during the fault"), 0);
    faulty_.Clear();
    ASSERT_FALSE(refused.ok()) << "a draft whose commit failed was acknowledged";
    const std::string message = refused.error().ToString();
    EXPECT_TRUE(message.find("disk") != std::string::npos || message.find("I/O") != std::string::npos) << message;
    EXPECT_GT(faulty_.failed, 0);
    auto after = rounds.Submit(kRound, kAnn, cells_[2], DraftFor("after the fault"), 0);
    ASSERT_TRUE(after.ok()) << after.error().ToString();
  }

  // What a new process reads: the justification of each of the first three cells ("" if none).
  void ExpectStored(const std::vector<std::string>& expected) {
    engine_.reset();
    auto engine = Engine::Open(path_);
    ASSERT_TRUE(engine.ok()) << engine.error().ToString();
    Rounds rounds((*engine)->shared_store(), SystemMillis);
    for (size_t k = 0; k < expected.size(); ++k) {
      auto view = rounds.View(kRound, kCoordinator, cells_[k]);
      ASSERT_TRUE(view.ok()) << view.error().ToString();
      EXPECT_EQ(view->submissions.empty() ? "" : view->submissions.front().justification, expected[k]) << cells_[k].ToString();
    }
    auto trail = CheckTrail((*engine)->shared_store());
    ASSERT_TRUE(trail.ok()) << trail.error().ToString();
    EXPECT_TRUE(trail->ok()) << (trail->problems.empty() ? "" : trail->problems.front());
  }

  test::TempDir dir_;
  std::string path_ = dir_.File("ocindex.db");
  test::FaultySqlite faulty_;
  std::unique_ptr<Engine> engine_;
  std::vector<as::CellKey> cells_;
};

TEST_F(RoundFaults, AFullDiskRefusesTheDraftAndLosesNoAcknowledgedOne) {
  DraftAroundAFault([&] { faulty_.writes_left = 0; });
  ExpectStored({"before the fault", "", "after the fault"});
}

TEST_F(RoundFaults, AFailingFsyncRefusesTheDraftAndLosesNoAcknowledgedOne) {
  DraftAroundAFault([&] { faulty_.fail_sync = true; });
  ExpectStored({"before the fault", "", "after the fault"});
}

}  // namespace
}  // namespace ocindex::app
