// I/O faults under the SQLite store (issue 18), through SQLite's own VFS seam: a disk
// that fills at any point of the first fill or of a new revision, a failing fsync and
// failing reads. Whatever the fault hits, the write either succeeds whole or reports a
// clear error; afterwards the database opens, passes SQLite's integrity check, and
// holds everything committed before the fault.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "adapters/catalog/catalog.h"
#include "adapters/catalog/importer.h"
#include "adapters/store/sqlite_store.h"
#include "support/faulty_sqlite_vfs.h"
#include "support/fixtures.h"
#include "support/store_fixtures.h"

namespace ocindex::adapters {
namespace {

Result<Catalog> OpenCatalog(const std::string& path) {
  auto store = OpenSqliteStore(path);
  if (!store) return store.error();
  return Catalog::Open(std::move(*store));
}

// Every revision of every edition, as (edition, revision, countries).
struct Shape {
  std::string edition;
  int revision;
  int countries;
  bool operator==(const Shape&) const = default;
};

std::vector<Shape> ShapeOf(Catalog& catalog) {
  std::vector<Shape> out;
  auto editions = catalog.store().ListEditions();
  EXPECT_TRUE(editions) << editions.error().ToString();
  if (!editions) return out;
  for (const EditionInfo& info : *editions) {
    auto revisions = catalog.store().ListRevisions(info.edition);
    EXPECT_TRUE(revisions);
    if (!revisions) continue;
    for (const auto& revision : *revisions) {
      auto stored = catalog.store().LoadEdition(info.edition, revision.revision);
      EXPECT_TRUE(stored) << stored.error().ToString();
      if (stored) out.push_back({info.edition, revision.revision, stored->dataset.country_count()});
    }
  }
  return out;
}

std::string IntegrityCheck(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return db.execAndGet("PRAGMA integrity_check").getString();
}

// The message of a store error caused by the disk: what failed, and which database.
void ExpectClearDiskError(const Error& error, const std::string& path) {
  const std::string text = error.ToString();
  EXPECT_NE(text.find(path), std::string::npos) << text;
  const bool names_cause = text.find("disk") != std::string::npos || text.find("I/O") != std::string::npos;
  EXPECT_TRUE(names_cause) << text;
}

// `count` write budgets spread from 0 to just under `total`, the writes an unfaulted
// run took, so faults land early, in the middle and at the commit.
std::vector<long> Budgets(long total, int count) {
  std::vector<long> out;
  for (int k = 0; k < count; ++k) out.push_back(total * k / count);
  out.push_back(std::max(0L, total - 1));
  return out;
}

// A store filled with the bundled editions, with a three-country 2021 table beside it
// and the SQLite VFS that fails on demand installed before anything opens.
class StoreFaults : public ::testing::Test {
 protected:
  void SetUp() override {
    auto catalog = OpenCatalog(path_);
    ASSERT_TRUE(catalog) << catalog.error().ToString();
    auto edition = catalog->Load("2021");
    ASSERT_TRUE(edition);
    ASSERT_TRUE(test::WriteFile(csv_, test::ThreeCountriesCsv(edition->framework)));
    before_ = ShapeOf(*catalog);
    replace_.edition = "2021";
    replace_.replace = true;
  }

  test::TempDir dir_;
  test::FaultySqlite faulty_;
  std::string path_ = dir_.File("ocindex.db");
  std::string csv_ = dir_.File("three.csv");
  std::vector<Shape> before_;  // the bundled editions, one revision each
  ImportOptions replace_;      // the table as a new revision of 2021
};

TEST_F(StoreFaults, TheFirstFillIsWholeOrNothing) {
  ASSERT_EQ(before_.size(), 3u);
  // An unfaulted fill, to know how many writes it takes.
  const long start = faulty_.writes;
  ASSERT_TRUE(OpenCatalog(dir_.File("measure.db")));
  const long total = faulty_.writes - start;
  ASSERT_GT(total, 10);

  for (long budget : Budgets(total, 8)) {
    SCOPED_TRACE("writes allowed: " + std::to_string(budget));
    const std::string path = dir_.File("fill-" + std::to_string(budget) + ".db");
    faulty_.writes_left = budget;
    const long failed_before = faulty_.failed;
    {
      auto catalog = OpenCatalog(path);
      if (catalog) {
        EXPECT_EQ(faulty_.failed, failed_before) << "a fill that reached a fault reported success";
      } else {
        ExpectClearDiskError(catalog.error(), path);
      }
    }
    faulty_.Clear();
    auto reopened = OpenCatalog(path);
    ASSERT_TRUE(reopened) << reopened.error().ToString();
    EXPECT_EQ(ShapeOf(*reopened), before_);
    EXPECT_EQ(IntegrityCheck(path), "ok");
  }
}

TEST_F(StoreFaults, ANewRevisionIsWholeOrNothingAndTheOldOnesStay) {
  // An unfaulted import into a copy, to know how many writes a new revision takes.
  long total = 0;
  {
    const std::string copy = dir_.File("measure.db");
    std::filesystem::copy_file(path_, copy);  // closed, so checkpointed: the file is whole
    auto catalog = OpenCatalog(copy);
    ASSERT_TRUE(catalog);
    const long start = faulty_.writes;
    ASSERT_TRUE(ImportFile(*catalog, csv_, replace_));
    total = faulty_.writes - start;
  }
  ASSERT_GT(total, 2);

  std::vector<Shape> expected_after = before_;
  expected_after.insert(std::find_if(expected_after.begin(), expected_after.end(),
                                     [](const Shape& s) { return s.edition != "2021"; }),
                        Shape{"2021", 2, 3});
  for (long budget : Budgets(total, 6)) {
    SCOPED_TRACE("writes allowed: " + std::to_string(budget));
    bool stored = false;
    {
      auto catalog = OpenCatalog(path_);
      ASSERT_TRUE(catalog);
      faulty_.writes_left = budget;
      auto report = ImportFile(*catalog, csv_, replace_);
      faulty_.Clear();
      if (report) {
        stored = true;
      } else {
        ExpectClearDiskError(report.error(), path_);
      }
    }
    auto reopened = OpenCatalog(path_);
    ASSERT_TRUE(reopened) << reopened.error().ToString();
    EXPECT_EQ(IntegrityCheck(path_), "ok");
    EXPECT_EQ(ShapeOf(*reopened), stored ? expected_after : before_);
    if (stored) break;  // the revision is in: later budgets would find it unchanged
  }
  // Once the disk has room again, the same import goes through.
  auto catalog = OpenCatalog(path_);
  ASSERT_TRUE(catalog);
  ASSERT_TRUE(ImportFile(*catalog, csv_, replace_));
  EXPECT_EQ(ShapeOf(*catalog), expected_after);
}

TEST_F(StoreFaults, AFailingFsyncFailsTheCommitAndLosesNothing) {
  {
    auto catalog = OpenCatalog(path_);
    ASSERT_TRUE(catalog);
    faulty_.fail_sync = true;
    auto report = ImportFile(*catalog, csv_, replace_);
    faulty_.Clear();
    // Nothing is acknowledged that is not durable.
    ASSERT_FALSE(report) << "a commit whose fsync failed reported success";
    ExpectClearDiskError(report.error(), path_);
    EXPECT_GT(faulty_.failed, 0);
  }
  auto reopened = OpenCatalog(path_);
  ASSERT_TRUE(reopened) << reopened.error().ToString();
  EXPECT_EQ(IntegrityCheck(path_), "ok");
  EXPECT_EQ(ShapeOf(*reopened), before_);
}

TEST_F(StoreFaults, FailingReadsGiveAClearErrorAndChangeNothing) {
  {
    faulty_.reads_left = 0;
    auto catalog = OpenCatalog(path_);
    faulty_.Clear();
    ASSERT_FALSE(catalog) << "an open whose reads all failed reported success";
    ExpectClearDiskError(catalog.error(), path_);
  }
  auto reopened = OpenCatalog(path_);
  ASSERT_TRUE(reopened) << reopened.error().ToString();
  EXPECT_EQ(ShapeOf(*reopened), before_);
  EXPECT_EQ(IntegrityCheck(path_), "ok");
}

}  // namespace
}  // namespace ocindex::adapters
