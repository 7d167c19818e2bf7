#include "adapters/store/sqlite_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/model/dataset.h"
#include "core/model/framework.h"
#include "core/model/geography.h"
#include "core/model/rational.h"
#include "support/store_fixtures.h"

namespace ocindex::adapters {
namespace {

namespace fs = std::filesystem;
using core::Rational;
using test::ExpectSameDataset;
using test::StoreTestEdition;

// A fresh directory per test, under ctest's scratch directory when there is one.
fs::path TestDir() {
  const char* root = std::getenv("OCINDEX_TEST_TMPDIR");
  fs::path base = root != nullptr && *root != '\0'
                      ? fs::path(root)
                      : fs::temp_directory_path() / ("ocindex-test-" + std::to_string(getpid()));
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  fs::path dir = base / (std::string("sqlite_store.") + info->test_suite_name() + "." + info->name());
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::unique_ptr<Store> Open(const std::string& path) {
  auto store = OpenSqliteStore(path);
  EXPECT_TRUE(store.ok()) << store.error().ToString();
  return store.ok() ? std::move(store).value() : nullptr;
}

// Every row of every table, so "unchanged" can be checked after a failed save.
std::string Dump(const fs::path& path) {
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  std::string out;
  for (const char* table : {"countries", "country_aliases", "edition_revisions", "revision_columns",
                            "revision_countries", "scores", "published"}) {
    SQLite::Statement q(db, std::string("SELECT * FROM ") + table + " ORDER BY 1, 2, 3");
    out += table;
    out += ":\n";
    while (q.executeStep()) {
      for (int i = 0; i < q.getColumnCount(); ++i) out += q.getColumn(i).getString() + "|";
      out += "\n";
    }
  }
  return out;
}

int UserVersion(const fs::path& path) {
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  return db.execAndGet("PRAGMA user_version").getInt();
}

TEST(SqliteStoreTest, CreatesFileAndParentDirectories) {
  fs::path path = TestDir() / "nested" / "deeper" / "ocindex.db";
  auto store = Open(path.string());
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(fs::exists(path));
  auto empty = store->IsEmpty();
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(*empty);
  auto editions = store->ListEditions();
  ASSERT_TRUE(editions.ok());
  EXPECT_TRUE(editions->empty());
}

TEST(SqliteStoreTest, NewFileIsAtCurrentSchemaInWalMode) {
  fs::path path = TestDir() / "ocindex.db";
  ASSERT_NE(Open(path.string()), nullptr);
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), SqliteSchemaVersion());
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
  EXPECT_NE(db.execAndGet("PRAGMA application_id").getInt(), 0);
}

TEST(SqliteStoreTest, EmptyFileBecomesDatabase) {
  fs::path path = TestDir() / "empty.db";
  std::ofstream(path).close();  // a zero-byte file is an empty SQLite database
  auto store = Open(path.string());
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(store->SaveEditions({StoreTestEdition("2021")}, false).ok());
}

TEST(SqliteStoreTest, InMemoryDatabaseWorks) {
  auto store = Open(":memory:");
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->SaveEditions({StoreTestEdition("2021")}, false).ok());
  auto loaded = store->LoadEdition("2021");
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  ExpectSameDataset(loaded->dataset, StoreTestEdition("2021").dataset);
}

TEST(SqliteStoreTest, MigratesVersionOneDatabaseForwardIdempotently) {
  fs::path path = TestDir() / "v1.db";
  const EditionToStore edition = StoreTestEdition("2021");
  {
    auto v1 = OpenSqliteStoreAtSchema(path.string(), 1);
    ASSERT_TRUE(v1.ok()) << v1.error().ToString();
    ASSERT_TRUE((*v1)->SaveEditions({edition}, false).ok());
  }
  ASSERT_EQ(UserVersion(path), 1);
  // Each open must bring it to the current version and then change nothing more.
  for (int open = 0; open < 2; ++open) {
    auto store = Open(path.string());
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(UserVersion(path), SqliteSchemaVersion());
    auto loaded = store->LoadEdition("2021");
    ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
    EXPECT_EQ(loaded->info.revision, 1);
    ExpectSameDataset(loaded->dataset, edition.dataset);
    auto revisions = store->ListRevisions("2021");
    ASSERT_TRUE(revisions.ok());
    EXPECT_EQ(revisions->size(), 1u);
  }
}

TEST(SqliteStoreTest, RejectsUnknownSchemaTarget) {
  fs::path path = TestDir() / "x.db";
  EXPECT_FALSE(OpenSqliteStoreAtSchema(path.string(), 0).ok());
  EXPECT_FALSE(OpenSqliteStoreAtSchema(path.string(), SqliteSchemaVersion() + 1).ok());
}

// The round trip itself is in store_conformance_test.cc; this is SQLite's storage form.
TEST(SqliteStoreTest, StoresValuesAsExactDecimalTextAndNotAssessedAsNoRow) {
  fs::path path = TestDir() / "ocindex.db";
  ASSERT_TRUE(Open(path.string())->SaveEditions({StoreTestEdition("2021")}, false).ok());
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("SELECT value FROM scores WHERE iso3 = 'NGA' AND indicator_id = 'governance'")
                .getString(),
            "3.25");
  EXPECT_EQ(db.execAndGet("SELECT value FROM published WHERE iso3 = 'CIV'").getString(), "1.234567890123");
  EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM scores WHERE iso3 = 'NGA' AND indicator_id = 'actors'").getInt(),
            0);
}

TEST(SqliteStoreTest, NullStoredValueMeansNotAssessed) {
  fs::path path = TestDir() / "ocindex.db";
  ASSERT_TRUE(Open(path.string())->SaveEditions({StoreTestEdition("2021")}, false).ok());
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec("UPDATE scores SET value = NULL WHERE iso3 = 'CIV' AND indicator_id = 'markets'");
  }
  auto loaded = Open(path.string())->LoadEdition("2021");
  ASSERT_TRUE(loaded.ok());
  EXPECT_FALSE(loaded->dataset.score(1, 0).has_value());
}

TEST(SqliteStoreTest, DamagedStoredValueIsCorrupt) {
  fs::path path = TestDir() / "ocindex.db";
  ASSERT_TRUE(Open(path.string())->SaveEditions({StoreTestEdition("2021")}, false).ok());
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec("UPDATE scores SET value = '4.0199999999999996' WHERE iso3 = 'CIV' AND indicator_id = 'markets'");
  }
  auto loaded = Open(path.string())->LoadEdition("2021");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().code, ErrorCode::kCorrupt);
  EXPECT_NE(loaded.error().where.find("CIV"), std::string::npos) << loaded.error().ToString();
}

TEST(SqliteStoreTest, DatabaseFailureMidSaveRollsBack) {
  fs::path path = TestDir() / "ocindex.db";
  ASSERT_TRUE(Open(path.string())->SaveEditions({StoreTestEdition("2021")}, false).ok());
  {
    // Inject a failure on the second edition's rows, after the first is fully written.
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec(
        "CREATE TRIGGER fail_2024 BEFORE INSERT ON revision_countries "
        "WHEN (SELECT edition FROM edition_revisions WHERE id = NEW.revision_id) = '2024' "
        "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
  }
  const std::string before = Dump(path);
  auto store = Open(path.string());
  Status saved = store->SaveEditions({StoreTestEdition("2023"), StoreTestEdition("2024"), StoreTestEdition("2021")}, true);
  ASSERT_FALSE(saved.ok());
  EXPECT_NE(saved.error().message.find("injected failure"), std::string::npos) << saved.error().ToString();
  EXPECT_EQ(Dump(path), before);
  // The connection is still usable.
  EXPECT_TRUE(store->SaveEditions({StoreTestEdition("2023")}, false).ok());
}

TEST(SqliteStoreTest, FailedGeographySaveRollsBack) {
  fs::path path = TestDir() / "ocindex.db";
  auto before_geography = core::Geography::Build({{"FRA", "France", {"French Republic"}}});
  ASSERT_TRUE(before_geography.ok());
  ASSERT_TRUE(Open(path.string())->SaveGeography(*before_geography).ok());
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec(
        "CREATE TRIGGER fail_alias BEFORE INSERT ON country_aliases WHEN NEW.alias = 'DRC' "
        "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
  }
  const std::string before = Dump(path);
  // The old list is deleted and two countries are written before the alias fails.
  auto geography = core::Geography::Build({{"NGA", "Nigeria", {}}, {"COD", "Congo, Dem. Rep.", {"DRC"}}});
  ASSERT_TRUE(geography.ok());
  Status saved = Open(path.string())->SaveGeography(*geography);
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(Dump(path), before);
}

TEST(SqliteStoreTest, RefusesFileThatIsNotSqlite) {
  fs::path path = TestDir() / "notes.txt";
  const std::string text = "iso3,name\nNGA,Nigeria\n" + std::string(200, 'x');
  std::ofstream(path) << text;
  auto store = OpenSqliteStore(path.string());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kCorrupt);
  EXPECT_NE(store.error().ToString().find(path.string()), std::string::npos) << store.error().ToString();
  EXPECT_NE(store.error().message.find("not an SQLite database"), std::string::npos);
  std::ifstream in(path);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), text);  // not touched
}

TEST(SqliteStoreTest, DirectoryPathIsIoError) {
  fs::path dir = TestDir();
  auto store = OpenSqliteStore(dir.string());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kIo) << store.error().ToString();
}

// Sets or unsets environment variables for one test and restores them afterwards.
class ScopedEnv {
 public:
  void Set(const char* name, const char* value) {
    saved_.emplace_back(name, Get(name));
    if (value != nullptr) {
      setenv(name, value, 1);
    } else {
      unsetenv(name);
    }
  }
  ~ScopedEnv() {
    for (auto it = saved_.rbegin(); it != saved_.rend(); ++it) {
      if (it->second) {
        setenv(it->first.c_str(), it->second->c_str(), 1);
      } else {
        unsetenv(it->first.c_str());
      }
    }
  }

 private:
  static std::optional<std::string> Get(const char* name) {
    const char* value = std::getenv(name);
    return value == nullptr ? std::nullopt : std::optional<std::string>(value);
  }
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

TEST(SqliteStoreTest, DefaultDatabasePathFollowsEnvironment) {
  ScopedEnv env;
  env.Set("OCINDEX_DB", "/srv/goci/index.db");
  env.Set("XDG_DATA_HOME", "/xdg");
  env.Set("HOME", "/home/analyst");
  EXPECT_EQ(DefaultDatabasePath(), "/srv/goci/index.db");

  env.Set("OCINDEX_DB", nullptr);
  EXPECT_EQ(DefaultDatabasePath(), "/xdg/ocindex/ocindex.db");

  env.Set("XDG_DATA_HOME", "");  // empty counts as unset
  EXPECT_EQ(DefaultDatabasePath(), "/home/analyst/.local/share/ocindex/ocindex.db");

  env.Set("XDG_DATA_HOME", "relative/dir");  // the XDG spec says to ignore relative paths
  EXPECT_EQ(DefaultDatabasePath(), "/home/analyst/.local/share/ocindex/ocindex.db");

  env.Set("XDG_DATA_HOME", nullptr);
  env.Set("HOME", nullptr);
  EXPECT_EQ(DefaultDatabasePath(), "ocindex.db");
}

}  // namespace
}  // namespace ocindex::adapters
