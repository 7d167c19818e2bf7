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

namespace ocindex::adapters {
namespace {

namespace fs = std::filesystem;
using core::Rational;

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

// Two pillars, three indicators: enough to see column order survive.
core::Framework MakeFramework(const std::string& edition) {
  core::Framework fw;
  fw.id = "test";
  fw.name = "Test Index " + edition;
  fw.edition = edition;
  fw.quadrant_x = "resilience";
  fw.quadrant_y = "criminality";
  for (const char* id : {"criminality", "resilience"}) {
    core::Node pillar;
    pillar.id = id;
    pillar.name = id;
    pillar.kind = core::NodeKind::kPillar;
    fw.nodes.push_back(pillar);
  }
  for (const auto& [id, group] : {std::pair{"markets", "criminality"}, std::pair{"actors", "criminality"},
                                  std::pair{"governance", "resilience"}}) {
    core::Indicator indicator;
    indicator.id = id;
    indicator.name = id;
    indicator.group_id = group;
    fw.indicators.push_back(indicator);
  }
  EXPECT_TRUE(fw.Link().ok());
  return fw;
}

EditionToStore MakeEdition(const std::string& edition, Rational first_score = Rational(15, 2)) {
  EditionToStore e;
  e.framework = MakeFramework(edition);
  e.framework_toml = "id = \"test\"\nedition = \"" + edition + "\"\n";
  e.source = "test fixture " + edition;
  e.dataset = core::Dataset::ShapedFor(e.framework);
  int nga = e.dataset.AddCountry({"NGA", "Nigeria", "Africa", "West Africa"});
  e.dataset.score(nga, 0) = first_score;
  // score(nga, 1) stays not assessed.
  e.dataset.score(nga, 2) = Rational(13, 4);
  e.dataset.published_value(nga, 0) = Rational(4625, 1000);
  int fra = e.dataset.AddCountry({"FRA", "France", "Europe", "Western Europe"});
  e.dataset.score(fra, 0) = Rational(5);
  e.dataset.score(fra, 1) = Rational(-1, 2);  // odd but exact: storage must not care
  e.dataset.score(fra, 2) = Rational(0);      // zero is a score, not "not assessed"
  e.dataset.published_value(fra, 1) = Rational(1234567890123LL, 1000000000000LL);
  return e;
}

void ExpectSameDataset(const core::Dataset& a, const core::Dataset& b) {
  EXPECT_EQ(a.edition, b.edition);
  EXPECT_EQ(a.indicator_ids, b.indicator_ids);
  EXPECT_EQ(a.node_ids, b.node_ids);
  EXPECT_EQ(a.indicator_count(), b.indicator_count());
  EXPECT_EQ(a.node_count(), b.node_count());
  ASSERT_EQ(a.country_count(), b.country_count());
  for (size_t c = 0; c < a.countries.size(); ++c) {
    EXPECT_EQ(a.countries[c].iso3, b.countries[c].iso3);
    EXPECT_EQ(a.countries[c].name, b.countries[c].name);
    EXPECT_EQ(a.countries[c].continent, b.countries[c].continent);
    EXPECT_EQ(a.countries[c].region, b.countries[c].region);
  }
  EXPECT_EQ(a.scores, b.scores);
  EXPECT_EQ(a.published, b.published);
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
  EXPECT_TRUE(store->SaveEditions({MakeEdition("2021")}, false).ok());
}

TEST(SqliteStoreTest, InMemoryDatabaseWorks) {
  auto store = Open(":memory:");
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->SaveEditions({MakeEdition("2021")}, false).ok());
  auto loaded = store->LoadEdition("2021");
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  ExpectSameDataset(loaded->dataset, MakeEdition("2021").dataset);
}

TEST(SqliteStoreTest, MigratesVersionOneDatabaseForwardIdempotently) {
  fs::path path = TestDir() / "v1.db";
  const EditionToStore edition = MakeEdition("2021");
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

TEST(SqliteStoreTest, RoundTripsScoresNotAssessedAndPublishedValues) {
  fs::path path = TestDir() / "ocindex.db";
  const EditionToStore edition = MakeEdition("2021");
  ASSERT_TRUE(Open(path.string())->SaveEditions({edition}, false).ok());

  auto store = Open(path.string());  // a new connection: nothing cached
  auto loaded = store->LoadEdition("2021");
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  ExpectSameDataset(loaded->dataset, edition.dataset);
  EXPECT_FALSE(loaded->dataset.score(0, 1).has_value());
  EXPECT_EQ(loaded->dataset.score(1, 2), Rational(0));
  EXPECT_EQ(loaded->dataset.published_value(0, 0), Rational(37, 8));
  EXPECT_FALSE(loaded->dataset.published_value(0, 1).has_value());
  EXPECT_EQ(loaded->framework_toml, edition.framework_toml);
  EXPECT_EQ(loaded->info.edition, "2021");
  EXPECT_EQ(loaded->info.name, "Test Index 2021");
  EXPECT_EQ(loaded->info.revision, 1);
  EXPECT_EQ(loaded->info.countries, 2);
  EXPECT_EQ(loaded->info.source, "test fixture 2021");
  // UTC ISO 8601: 2024-05-01T12:00:00Z
  ASSERT_EQ(loaded->info.stored_at.size(), 20u);
  EXPECT_EQ(loaded->info.stored_at[10], 'T');
  EXPECT_EQ(loaded->info.stored_at.back(), 'Z');

  // Exact decimal text, and no row for a score that was not assessed.
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("SELECT value FROM scores WHERE iso3 = 'NGA' AND indicator_id = 'governance'")
                .getString(),
            "3.25");
  EXPECT_EQ(db.execAndGet("SELECT value FROM published WHERE iso3 = 'FRA'").getString(), "1.234567890123");
  EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM scores WHERE iso3 = 'NGA' AND indicator_id = 'actors'").getInt(),
            0);
}

TEST(SqliteStoreTest, NullStoredValueMeansNotAssessed) {
  fs::path path = TestDir() / "ocindex.db";
  ASSERT_TRUE(Open(path.string())->SaveEditions({MakeEdition("2021")}, false).ok());
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec("UPDATE scores SET value = NULL WHERE iso3 = 'FRA' AND indicator_id = 'markets'");
  }
  auto loaded = Open(path.string())->LoadEdition("2021");
  ASSERT_TRUE(loaded.ok());
  EXPECT_FALSE(loaded->dataset.score(1, 0).has_value());
}

TEST(SqliteStoreTest, DamagedStoredValueIsCorrupt) {
  fs::path path = TestDir() / "ocindex.db";
  ASSERT_TRUE(Open(path.string())->SaveEditions({MakeEdition("2021")}, false).ok());
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec("UPDATE scores SET value = '4.0199999999999996' WHERE iso3 = 'FRA' AND indicator_id = 'markets'");
  }
  auto loaded = Open(path.string())->LoadEdition("2021");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().code, ErrorCode::kCorrupt);
  EXPECT_NE(loaded.error().where.find("FRA"), std::string::npos) << loaded.error().ToString();
}

TEST(SqliteStoreTest, RefusesValueWithNoExactDecimal) {
  auto store = Open(":memory:");
  EditionToStore edition = MakeEdition("2021", Rational(1, 3));
  Status saved = store->SaveEditions({edition}, false);
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(*store->IsEmpty());
}

TEST(SqliteStoreTest, ReplaceAddsRevisionAndKeepsOldOnes) {
  auto store = Open(":memory:");
  ASSERT_TRUE(store->SaveEditions({MakeEdition("2021", Rational(1)), MakeEdition("2023")}, false).ok());
  ASSERT_TRUE(store->SaveEditions({MakeEdition("2021", Rational(2))}, true).ok());
  ASSERT_TRUE(store->SaveEditions({MakeEdition("2021", Rational(3))}, true).ok());

  auto editions = store->ListEditions();
  ASSERT_TRUE(editions.ok());
  ASSERT_EQ(editions->size(), 2u);
  EXPECT_EQ((*editions)[0].edition, "2021");
  EXPECT_EQ((*editions)[0].revision, 3);
  EXPECT_EQ((*editions)[0].countries, 2);
  EXPECT_EQ((*editions)[1].edition, "2023");
  EXPECT_EQ((*editions)[1].revision, 1);

  auto revisions = store->ListRevisions("2021");
  ASSERT_TRUE(revisions.ok());
  ASSERT_EQ(revisions->size(), 3u);
  for (int r = 0; r < 3; ++r) EXPECT_EQ((*revisions)[static_cast<size_t>(r)].revision, r + 1);

  auto current = store->LoadEdition("2021");
  ASSERT_TRUE(current.ok());
  EXPECT_EQ(current->info.revision, 3);
  EXPECT_EQ(current->dataset.score(0, 0), Rational(3));
  auto first = store->LoadEdition("2021", 1);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->info.revision, 1);
  EXPECT_EQ(first->dataset.score(0, 0), Rational(1));
}

TEST(SqliteStoreTest, FrameworkTomlOfTheCurrentRevisionLoadsWithoutItsData) {
  auto store = Open(":memory:");
  ASSERT_TRUE(store->SaveEditions({MakeEdition("2021")}, false).ok());
  EditionToStore revised = MakeEdition("2021", Rational(2));
  revised.framework_toml += "# revised\n";
  ASSERT_TRUE(store->SaveEditions({revised}, true).ok());
  auto toml = store->LoadFrameworkToml("2021");
  ASSERT_TRUE(toml.ok()) << toml.error().ToString();
  EXPECT_EQ(*toml, revised.framework_toml);
  auto missing = store->LoadFrameworkToml("1999");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST(SqliteStoreTest, MissingEditionOrRevisionIsNotFoundAndListsWhatIsStored) {
  auto store = Open(":memory:");
  auto none = store->LoadEdition("2021");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kNotFound);

  ASSERT_TRUE(store->SaveEditions({MakeEdition("2021"), MakeEdition("2023")}, false).ok());
  ASSERT_TRUE(store->SaveEditions({MakeEdition("2021")}, true).ok());
  auto missing = store->LoadEdition("2019");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_NE(missing.error().message.find("2019"), std::string::npos);
  EXPECT_NE(missing.error().message.find("2021 (revisions 1, 2), 2023 (revision 1)"), std::string::npos)
      << missing.error().message;

  auto bad_revision = store->LoadEdition("2021", 7);
  ASSERT_FALSE(bad_revision.ok());
  EXPECT_EQ(bad_revision.error().code, ErrorCode::kNotFound);
  EXPECT_NE(bad_revision.error().message.find("no revision 7"), std::string::npos);

  auto no_revisions = store->ListRevisions("2019");
  ASSERT_FALSE(no_revisions.ok());
  EXPECT_EQ(no_revisions.error().code, ErrorCode::kNotFound);
}

TEST(SqliteStoreTest, ConflictWithoutReplaceLeavesDatabaseUnchanged) {
  fs::path path = TestDir() / "ocindex.db";
  ASSERT_TRUE(Open(path.string())->SaveEditions({MakeEdition("2021")}, false).ok());
  const std::string before = Dump(path);

  // 2023 is new and is written first; the conflict on 2021 must undo it.
  auto store = Open(path.string());
  Status saved = store->SaveEditions({MakeEdition("2023"), MakeEdition("2021", Rational(9))}, false);
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.error().code, ErrorCode::kConflict);
  EXPECT_NE(saved.error().message.find("edition 2021 is already stored (revision 1)"), std::string::npos)
      << saved.error().message;
  EXPECT_NE(saved.error().message.find("--replace"), std::string::npos);
  EXPECT_EQ(Dump(path), before);
  EXPECT_FALSE(store->LoadEdition("2023").ok());
}

TEST(SqliteStoreTest, InvalidEditionInBatchLeavesDatabaseUnchanged) {
  fs::path path = TestDir() / "ocindex.db";
  ASSERT_TRUE(Open(path.string())->SaveEditions({MakeEdition("2021")}, false).ok());
  const std::string before = Dump(path);

  EditionToStore bad = MakeEdition("2024");
  std::swap(bad.dataset.indicator_ids[0], bad.dataset.indicator_ids[1]);  // columns no longer match
  Status saved = Open(path.string())->SaveEditions({MakeEdition("2023"), bad}, true);
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(saved.error().where.find("2024"), std::string::npos);
  EXPECT_EQ(Dump(path), before);
}

TEST(SqliteStoreTest, DatabaseFailureMidSaveRollsBack) {
  fs::path path = TestDir() / "ocindex.db";
  ASSERT_TRUE(Open(path.string())->SaveEditions({MakeEdition("2021")}, false).ok());
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
  Status saved = store->SaveEditions({MakeEdition("2023"), MakeEdition("2024"), MakeEdition("2021")}, true);
  ASSERT_FALSE(saved.ok());
  EXPECT_NE(saved.error().message.find("injected failure"), std::string::npos) << saved.error().ToString();
  EXPECT_EQ(Dump(path), before);
  // The connection is still usable.
  EXPECT_TRUE(store->SaveEditions({MakeEdition("2023")}, false).ok());
}

TEST(SqliteStoreTest, DuplicateEditionInBatchIsInvalid) {
  auto store = Open(":memory:");
  Status saved = store->SaveEditions({MakeEdition("2021"), MakeEdition("2021")}, true);
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(*store->IsEmpty());
}

TEST(SqliteStoreTest, FillIfEmptyFillsANewDatabaseOnce) {
  fs::path path = TestDir() / "ocindex.db";
  auto geography = core::Geography::Build({{"FRA", "France", {}}});
  ASSERT_TRUE(geography.ok());
  auto first = Open(path.string())->FillIfEmpty(*geography, {MakeEdition("2021")});
  ASSERT_TRUE(first.ok()) << first.error().ToString();
  EXPECT_TRUE(*first);
  // A second opener (another process, in real use) finds it filled and changes nothing.
  const std::string before = Dump(path);
  auto other = core::Geography::Build({{"NGA", "Nigeria", {}}});
  auto second = Open(path.string())->FillIfEmpty(*other, {MakeEdition("2021"), MakeEdition("2023")});
  ASSERT_TRUE(second.ok()) << second.error().ToString();
  EXPECT_FALSE(*second);
  EXPECT_EQ(Dump(path), before);
}

TEST(SqliteStoreTest, FillIfEmptyWithAnInvalidBatchWritesNothing) {
  auto store = Open(":memory:");
  auto geography = core::Geography::Build({{"FRA", "France", {}}});
  ASSERT_TRUE(geography.ok());
  auto filled = store->FillIfEmpty(*geography, {MakeEdition("2021"), MakeEdition("2021")});
  ASSERT_FALSE(filled.ok());
  EXPECT_EQ(filled.error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(*store->IsEmpty());
}

TEST(SqliteStoreTest, GeographyRoundTripsAndIsReplaced) {
  fs::path path = TestDir() / "ocindex.db";
  auto geography = core::Geography::Build({
      {"COD", "Congo, Dem. Rep.", {"DRC", "Democratic Republic of the Congo"}},
      {"CIV", "Côte d'Ivoire", {"Ivory Coast"}},
      {"FRA", "France", {}},
  });
  ASSERT_TRUE(geography.ok()) << geography.error().ToString();
  ASSERT_TRUE(Open(path.string())->SaveGeography(*geography).ok());

  auto store = Open(path.string());
  EXPECT_FALSE(*store->IsEmpty());
  auto loaded = store->LoadGeography();
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  ASSERT_EQ(loaded->countries().size(), geography->countries().size());
  for (size_t i = 0; i < geography->countries().size(); ++i) {
    EXPECT_EQ(loaded->countries()[i].iso3, geography->countries()[i].iso3);
    EXPECT_EQ(loaded->countries()[i].name, geography->countries()[i].name);
    EXPECT_EQ(loaded->countries()[i].aliases, geography->countries()[i].aliases);
  }
  ASSERT_NE(loaded->Find("drc"), nullptr);
  EXPECT_EQ(loaded->Find("drc")->iso3, "COD");

  auto smaller = core::Geography::Build({{"NGA", "Nigeria", {"Federal Republic of Nigeria"}}});
  ASSERT_TRUE(smaller.ok());
  ASSERT_TRUE(store->SaveGeography(*smaller).ok());
  auto replaced = store->LoadGeography();
  ASSERT_TRUE(replaced.ok());
  ASSERT_EQ(replaced->countries().size(), 1u);
  EXPECT_EQ(replaced->countries()[0].iso3, "NGA");
  EXPECT_EQ(replaced->Find("DRC"), nullptr);
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

TEST(SqliteStoreTest, RefusesNewerSchemaVersion) {
  fs::path path = TestDir() / "ocindex.db";
  ASSERT_NE(Open(path.string()), nullptr);
  const int newer = SqliteSchemaVersion() + 1;
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = " + std::to_string(newer));
  }
  auto store = OpenSqliteStore(path.string());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kUnsupported);
  EXPECT_NE(store.error().message.find("database schema version " + std::to_string(newer) +
                                       " is newer than this ocindex (" + std::to_string(SqliteSchemaVersion()) +
                                       "); upgrade ocindex"),
            std::string::npos)
      << store.error().message;
  EXPECT_EQ(UserVersion(path), newer);  // left alone
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

TEST(SqliteStoreTest, RefusesSqliteDatabaseOfAnotherProgram) {
  fs::path path = TestDir() / "other.db";
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE notes (body TEXT)");
  }
  auto store = OpenSqliteStore(path.string());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kCorrupt);
  EXPECT_EQ(UserVersion(path), 0);
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
