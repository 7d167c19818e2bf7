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

// A 2021 table of three countries, every score 5: a new revision of 2021 when replacing.
std::string ThreeCountries2021(const core::Framework& framework) {
  std::string text = "iso3,country,continent,region";
  for (const auto& indicator : framework.indicators) text += "," + indicator.id;
  text += "\n";
  for (const char* iso3 : {"KAZ", "KGZ", "UZB"}) {
    text += std::string(iso3) + "," + iso3 + ",Asia,Central Asia and the Caucasus";
    for (size_t k = 0; k < framework.indicators.size(); ++k) text += ",5";
    text += "\n";
  }
  return text;
}

// `count` write budgets spread from 0 to just under `total`, the writes an unfaulted
// run took, so faults land early, in the middle and at the commit.
std::vector<long> Budgets(long total, int count) {
  std::vector<long> out;
  for (int k = 0; k < count; ++k) out.push_back(total * k / count);
  out.push_back(std::max(0L, total - 1));
  return out;
}

TEST(StoreFaultsTest, TheFirstFillIsWholeOrNothing) {
  test::TempDir dir;
  test::FaultySqlite faulty;
  // An unfaulted fill, to know how many writes it takes.
  std::vector<Shape> bundled;
  {
    auto catalog = OpenCatalog(dir.File("measure.db"));
    ASSERT_TRUE(catalog) << catalog.error().ToString();
    bundled = ShapeOf(*catalog);
  }
  ASSERT_EQ(bundled.size(), 3u);
  const long total = faulty.writes;
  ASSERT_GT(total, 10);

  for (long budget : Budgets(total, 8)) {
    SCOPED_TRACE("writes allowed: " + std::to_string(budget));
    const std::string path = dir.File("fill-" + std::to_string(budget) + ".db");
    faulty.writes_left = budget;
    const long failed_before = faulty.failed;
    {
      auto catalog = OpenCatalog(path);
      if (catalog) {
        EXPECT_EQ(faulty.failed, failed_before) << "a fill that reached a fault reported success";
      } else {
        ExpectClearDiskError(catalog.error(), path);
      }
    }
    faulty.Clear();
    auto reopened = OpenCatalog(path);
    ASSERT_TRUE(reopened) << reopened.error().ToString();
    EXPECT_EQ(ShapeOf(*reopened), bundled);
    EXPECT_EQ(IntegrityCheck(path), "ok");
  }
}

TEST(StoreFaultsTest, ANewRevisionIsWholeOrNothingAndTheOldOnesStay) {
  test::TempDir dir;
  test::FaultySqlite faulty;
  const std::string path = dir.File("ocindex.db");
  const std::string csv = dir.File("three.csv");
  std::vector<Shape> before;
  {
    auto catalog = OpenCatalog(path);
    ASSERT_TRUE(catalog) << catalog.error().ToString();
    auto edition = catalog->Load("2021");
    ASSERT_TRUE(edition);
    ASSERT_TRUE(test::WriteFile(csv, ThreeCountries2021(edition->framework)));
    before = ShapeOf(*catalog);
  }
  ImportOptions replace;
  replace.edition = "2021";
  replace.replace = true;
  // An unfaulted import into a copy, to know how many writes a new revision takes.
  long total = 0;
  {
    const std::string copy = dir.File("measure.db");
    std::filesystem::copy_file(path, copy);  // closed, so checkpointed: the file is whole
    auto catalog = OpenCatalog(copy);
    ASSERT_TRUE(catalog);
    const long start = faulty.writes;
    ASSERT_TRUE(ImportFile(*catalog, csv, replace));
    total = faulty.writes - start;
  }
  ASSERT_GT(total, 2);

  std::vector<Shape> expected_after = before;
  expected_after.insert(std::find_if(expected_after.begin(), expected_after.end(),
                                     [](const Shape& s) { return s.edition != "2021"; }),
                        Shape{"2021", 2, 3});
  for (long budget : Budgets(total, 6)) {
    SCOPED_TRACE("writes allowed: " + std::to_string(budget));
    bool stored = false;
    {
      auto catalog = OpenCatalog(path);
      ASSERT_TRUE(catalog);
      faulty.writes_left = budget;
      auto report = ImportFile(*catalog, csv, replace);
      faulty.Clear();
      if (report) {
        stored = true;
      } else {
        ExpectClearDiskError(report.error(), path);
      }
    }
    auto reopened = OpenCatalog(path);
    ASSERT_TRUE(reopened) << reopened.error().ToString();
    EXPECT_EQ(IntegrityCheck(path), "ok");
    EXPECT_EQ(ShapeOf(*reopened), stored ? expected_after : before);
    if (stored) break;  // the revision is in: later budgets would find it unchanged
  }
  // Once the disk has room again, the same import goes through.
  auto catalog = OpenCatalog(path);
  ASSERT_TRUE(catalog);
  ASSERT_TRUE(ImportFile(*catalog, csv, replace));
  EXPECT_EQ(ShapeOf(*catalog), expected_after);
}

TEST(StoreFaultsTest, AFailingFsyncFailsTheCommitAndLosesNothing) {
  test::TempDir dir;
  test::FaultySqlite faulty;
  const std::string path = dir.File("ocindex.db");
  const std::string csv = dir.File("three.csv");
  std::vector<Shape> before;
  {
    auto catalog = OpenCatalog(path);
    ASSERT_TRUE(catalog);
    auto edition = catalog->Load("2021");
    ASSERT_TRUE(edition);
    ASSERT_TRUE(test::WriteFile(csv, ThreeCountries2021(edition->framework)));
    before = ShapeOf(*catalog);
    ImportOptions replace;
    replace.edition = "2021";
    replace.replace = true;
    faulty.fail_sync = true;
    auto report = ImportFile(*catalog, csv, replace);
    faulty.Clear();
    // Nothing is acknowledged that is not durable.
    ASSERT_FALSE(report) << "a commit whose fsync failed reported success";
    ExpectClearDiskError(report.error(), path);
    EXPECT_GT(faulty.failed, 0);
  }
  auto reopened = OpenCatalog(path);
  ASSERT_TRUE(reopened) << reopened.error().ToString();
  EXPECT_EQ(IntegrityCheck(path), "ok");
  EXPECT_EQ(ShapeOf(*reopened), before);
}

TEST(StoreFaultsTest, FailingReadsGiveAClearErrorAndChangeNothing) {
  test::TempDir dir;
  test::FaultySqlite faulty;
  const std::string path = dir.File("ocindex.db");
  std::vector<Shape> before;
  {
    auto catalog = OpenCatalog(path);
    ASSERT_TRUE(catalog);
    before = ShapeOf(*catalog);
  }
  {
    faulty.reads_left = 0;
    auto catalog = OpenCatalog(path);
    faulty.Clear();
    ASSERT_FALSE(catalog) << "an open whose reads all failed reported success";
    ExpectClearDiskError(catalog.error(), path);
  }
  auto reopened = OpenCatalog(path);
  ASSERT_TRUE(reopened) << reopened.error().ToString();
  EXPECT_EQ(ShapeOf(*reopened), before);
  EXPECT_EQ(IntegrityCheck(path), "ok");
}

}  // namespace
}  // namespace ocindex::adapters
