#include "adapters/store/sqlite_store.h"

#include <sqlite3.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <utility>

#include <SQLiteCpp/SQLiteCpp.h>

#include "adapters/store/store_validation.h"
#include "core/model/rational.h"

namespace ocindex::adapters {
namespace {

using namespace store_validation;  // NOLINT(google-build-using-namespace): the shared checks

// Marks the file as ours ("OCIX"), so that we never migrate another program's database.
constexpr int32_t kApplicationId = 0x4F434958;
// Another ocindex process may hold the write lock briefly (an import); wait, not fail.
constexpr int kBusyTimeoutMs = 5000;

// kMigrations[i] takes the schema from version i to i + 1. Shipped entries are never
// edited: a change to the schema is a new entry appended here.
constexpr std::array<const char*, 5> kMigrations = {
    // 1: editions with their revisions, and the country list.
    R"sql(
CREATE TABLE countries (
  iso3     TEXT PRIMARY KEY NOT NULL,
  name     TEXT NOT NULL,
  position INTEGER NOT NULL UNIQUE
);
CREATE TABLE country_aliases (
  iso3     TEXT NOT NULL REFERENCES countries (iso3) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  alias    TEXT NOT NULL,
  PRIMARY KEY (iso3, position)
) WITHOUT ROWID;
CREATE TABLE edition_revisions (
  id             INTEGER PRIMARY KEY,
  edition        TEXT NOT NULL,
  revision       INTEGER NOT NULL CHECK (revision >= 1),
  name           TEXT NOT NULL,
  framework_toml TEXT NOT NULL,
  source         TEXT NOT NULL,
  stored_at      TEXT NOT NULL,
  UNIQUE (edition, revision)
);
-- The framework ids a revision's columns follow, in Dataset order.
CREATE TABLE revision_columns (
  revision_id INTEGER NOT NULL REFERENCES edition_revisions (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('indicator', 'node')),
  position    INTEGER NOT NULL,
  id          TEXT NOT NULL,
  PRIMARY KEY (revision_id, kind, position),
  UNIQUE (revision_id, kind, id)
) WITHOUT ROWID;
CREATE TABLE revision_countries (
  revision_id INTEGER NOT NULL REFERENCES edition_revisions (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  iso3        TEXT NOT NULL,
  name        TEXT NOT NULL,
  continent   TEXT NOT NULL,
  region      TEXT NOT NULL,
  PRIMARY KEY (revision_id, position),
  UNIQUE (revision_id, iso3)
) WITHOUT ROWID;
-- Values are exact decimal text; a NULL value or a missing row means not assessed.
CREATE TABLE scores (
  revision_id  INTEGER NOT NULL,
  iso3         TEXT NOT NULL,
  indicator_id TEXT NOT NULL,
  value        TEXT,
  PRIMARY KEY (revision_id, iso3, indicator_id),
  FOREIGN KEY (revision_id, iso3) REFERENCES revision_countries (revision_id, iso3)
    ON DELETE CASCADE
) WITHOUT ROWID;
CREATE TABLE published (
  revision_id INTEGER NOT NULL,
  iso3        TEXT NOT NULL,
  node_id     TEXT NOT NULL,
  value       TEXT,
  PRIMARY KEY (revision_id, iso3, node_id),
  FOREIGN KEY (revision_id, iso3) REFERENCES revision_countries (revision_id, iso3)
    ON DELETE CASCADE
) WITHOUT ROWID;
)sql",
    // 2: country profile narratives, one row per import (revision); never updated.
    R"sql(
CREATE TABLE profile_revisions (
  id        INTEGER PRIMARY KEY,
  iso3      TEXT NOT NULL,
  edition   TEXT NOT NULL,
  revision  INTEGER NOT NULL CHECK (revision >= 1),
  author    TEXT NOT NULL,
  note      TEXT NOT NULL,
  source    TEXT NOT NULL,
  stored_at TEXT NOT NULL,
  footer    TEXT NOT NULL,
  words     INTEGER NOT NULL,
  UNIQUE (iso3, edition, revision)
);
-- kind 'section': node_id is a framework section; 'unplaced': text under no section.
CREATE TABLE profile_sections (
  revision_id INTEGER NOT NULL REFERENCES profile_revisions (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('section', 'unplaced')),
  node_id     TEXT NOT NULL,
  heading     TEXT NOT NULL,
  line        INTEGER NOT NULL,
  text        TEXT NOT NULL,
  PRIMARY KEY (revision_id, position)
) WITHOUT ROWID;
)sql",
    // 3: expert-level scores, one set per import (revision); never updated.
    R"sql(
CREATE TABLE expert_revisions (
  id        INTEGER PRIMARY KEY,
  edition   TEXT NOT NULL,
  revision  INTEGER NOT NULL CHECK (revision >= 1),
  source    TEXT NOT NULL,
  stored_at TEXT NOT NULL,
  UNIQUE (edition, revision)
);
-- Scores are multiples of the scale's step (0.5 for the GOCI): exact as REAL.
CREATE TABLE expert_scores (
  revision_id   INTEGER NOT NULL REFERENCES expert_revisions (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  iso3          TEXT NOT NULL,
  indicator     TEXT NOT NULL,
  expert        TEXT NOT NULL,
  score         REAL NOT NULL,
  justification TEXT NOT NULL,
  PRIMARY KEY (revision_id, position),
  UNIQUE (revision_id, iso3, indicator, expert)
) WITHOUT ROWID;
)sql",
    // 4: the journal of assessment rounds and accounts, their audit trail. Append-only:
    // the triggers refuse to change or delete an entry, whoever asks.
    R"sql(
CREATE TABLE journal (
  seq          INTEGER PRIMARY KEY,
  stream       TEXT NOT NULL,
  version      INTEGER NOT NULL CHECK (version >= 1),
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  action       TEXT NOT NULL,
  target       TEXT NOT NULL,
  reason       TEXT NOT NULL,
  state_before TEXT NOT NULL,
  state_after  TEXT NOT NULL,
  payload      TEXT NOT NULL,
  UNIQUE (stream, version)
);
CREATE INDEX journal_at ON journal (at);
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
)sql",
    // 5: extraction results of narrative revisions (Store::LoadExtraction): derived data,
    // one row per revision and extractor fingerprint, gone with their revision.
    R"sql(
CREATE TABLE narrative_extractions (
  revision_id INTEGER NOT NULL REFERENCES profile_revisions (id) ON DELETE CASCADE,
  extractor   TEXT NOT NULL,
  statements  TEXT NOT NULL,
  PRIMARY KEY (revision_id, extractor)
) WITHOUT ROWID;
)sql",
};
constexpr int kSchemaVersion = static_cast<int>(kMigrations.size());

Error FromSqlite(const SQLite::Exception& e, const std::string& path) {
  const int code = e.getErrorCode() & 0xff;
  std::string detail = e.what();
  switch (code) {
    case SQLITE_NOTADB:
      return MakeError(ErrorCode::kCorrupt, "the file is not an SQLite database, so not an ocindex one", path);
    case SQLITE_CORRUPT:
      return MakeError(ErrorCode::kCorrupt, "the database file is damaged (" + detail + ")", path);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return MakeError(ErrorCode::kIo,
                       "the database is locked by another process; try again (" + detail + ")", path);
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return MakeError(ErrorCode::kIo, "cannot use the database file (" + detail + ")", path);
    default:
      return MakeError(ErrorCode::kInternal, "database error: " + detail, path);
  }
}

// Runs `body`, turning any exception into an Error: none may leave the Store.
template <typename F>
auto Guarded(const std::string& path, F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const SQLite::Exception& e) {
    return FromSqlite(e, path);
  } catch (const std::exception& e) {
    return MakeError(ErrorCode::kInternal, std::string("unexpected failure: ") + e.what(), path);
  }
}

int IntPragma(SQLite::Database& db, const char* name) {
  return db.execAndGet(std::string("PRAGMA ") + name).getInt();
}

class SqliteStore final : public Store {
 public:
  SqliteStore(SQLite::Database db, std::string path) : db_(std::move(db)), path_(std::move(path)) {}

  Result<std::vector<EditionInfo>> ListEditions() override {
    return Locked([&]() -> Result<std::vector<EditionInfo>> {
      return QueryInfos(
          "WHERE r.revision = (SELECT MAX(revision) FROM edition_revisions WHERE edition = r.edition) "
          "ORDER BY r.edition",
          std::nullopt);
    });
  }

  Result<std::vector<EditionInfo>> ListRevisions(const std::string& edition) override {
    return Locked([&]() -> Result<std::vector<EditionInfo>> {
      auto infos = QueryInfos("WHERE r.edition = ? ORDER BY r.revision", edition);
      if (infos.ok() && infos->empty()) {
        return EditionNotFound(edition, 0, DescribeStored());
      }
      return infos;
    });
  }

  Result<StoredEdition> LoadEdition(const std::string& edition, int revision) override {
    return Locked([&]() -> Result<StoredEdition> {
      if (revision < 0) {
        return MakeError(ErrorCode::kInvalidInput, "revision " + std::to_string(revision) + " is not valid");
      }
      SQLite::Statement q(db_,
                          "SELECT id, revision, name, framework_toml, source, stored_at "
                          "FROM edition_revisions WHERE edition = ?1 AND (?2 = 0 OR revision = ?2) "
                          "ORDER BY revision DESC LIMIT 1");
      q.bind(1, edition);
      q.bind(2, revision);
      if (!q.executeStep()) {
        return EditionNotFound(edition, revision, DescribeStored());
      }
      StoredEdition stored;
      const int64_t id = q.getColumn(0).getInt64();
      stored.info.edition = edition;
      stored.info.revision = q.getColumn(1).getInt();
      stored.info.name = q.getColumn(2).getString();
      stored.framework_toml = q.getColumn(3).getString();
      stored.info.source = q.getColumn(4).getString();
      stored.info.stored_at = q.getColumn(5).getString();
      const std::string where = "edition " + edition + " revision " + std::to_string(stored.info.revision);
      auto dataset = ReadDataset(id, edition, where);
      if (!dataset.ok()) return dataset.error();
      stored.dataset = std::move(dataset).value();
      stored.info.countries = stored.dataset.country_count();
      return stored;
    });
  }

  Result<std::string> LoadFrameworkToml(const std::string& edition) override {
    return Locked([&]() -> Result<std::string> {
      SQLite::Statement q(db_, "SELECT framework_toml FROM edition_revisions WHERE edition = ? "
                               "ORDER BY revision DESC LIMIT 1");
      q.bind(1, edition);
      if (!q.executeStep()) {
        return EditionNotFound(edition, 0, DescribeStored());
      }
      return q.getColumn(0).getString();
    });
  }

  Status SaveEditions(const std::vector<EditionToStore>& editions, bool replace,
                      const core::Geography* units) override {
    return Locked([&]() -> Status {
      OCINDEX_RETURN_IF_ERROR(ValidateEditions(editions));
      // IMMEDIATE takes the write lock now, so the revision numbers read below cannot
      // be taken by another process before we write them.
      SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
      if (units != nullptr) {
        // Merged with the list as stored under the write lock: a concurrent import's units are kept.
        core::Geography stored;
        OCINDEX_ASSIGN_OR_RETURN(stored, ReadGeography());
        core::Geography merged;
        OCINDEX_ASSIGN_OR_RETURN(merged, stored.With(units->countries(), {}));
        WriteGeography(merged);
      }
      // Returning without commit rolls back whatever the other editions wrote.
      OCINDEX_RETURN_IF_ERROR(WriteEditions(editions, replace));
      transaction.commit();
      return {};
    });
  }

  Result<core::Geography> LoadGeography() override {
    return Locked([&] { return ReadGeography(); });
  }

  Status SaveGeography(const core::Geography& geography) override {
    return Locked([&]() -> Status {
      SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
      WriteGeography(geography);
      transaction.commit();
      return {};
    });
  }

  Result<bool> IsEmpty() override {
    return Locked([&]() -> Result<bool> { return Empty(); });
  }

  Result<bool> FillIfEmpty(const core::Geography& geography, const std::vector<EditionToStore>& editions) override {
    return Locked([&]() -> Result<bool> {
      OCINDEX_RETURN_IF_ERROR(ValidateEditions(editions));
      // The check and the writes share one write lock: two processes opening a new
      // database at once cannot both fill it (the second finds it filled).
      SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
      if (!Empty()) return false;
      WriteGeography(geography);
      OCINDEX_RETURN_IF_ERROR(WriteEditions(editions, /*replace=*/false));
      transaction.commit();
      return true;
    });
  }

  Result<int> SaveProfile(const ProfileToStore& profile) override {
    return Locked([&]() -> Result<int> {
      OCINDEX_RETURN_IF_ERROR(ValidateProfile(profile));
      SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
      const int revision = WriteProfile(profile);
      transaction.commit();
      return revision;
    });
  }

  Result<std::vector<int>> SaveExpertScores(const std::vector<ExpertScoresToStore>& sets) override {
    return Locked([&]() -> Result<std::vector<int>> {
      OCINDEX_RETURN_IF_ERROR(ValidateExpertScores(sets));
      SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
      std::vector<int> revisions = WriteExpertScores(sets);
      transaction.commit();
      return revisions;
    });
  }

  Status Restore(const StoreHistory& history) override {
    return Locked([&]() -> Status {
      OCINDEX_RETURN_IF_ERROR(ValidateHistory(history));
      SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
      if (!Empty()) return RestoreIntoNonEmpty(path_);
      WriteGeography(history.geography);
      for (const EditionToStore& e : history.editions) OCINDEX_RETURN_IF_ERROR(WriteEditions({e}, /*replace=*/true));
      for (const ProfileToStore& p : history.profiles) WriteProfile(p);
      WriteExpertScores(history.expert_scores);
      OCINDEX_RETURN_IF_ERROR(WriteJournal(history.journal, /*restoring=*/true));
      transaction.commit();
      return {};
    });
  }

  Status AppendJournal(const std::vector<JournalEntry>& entries) override {
    return Locked([&]() -> Status {
      OCINDEX_RETURN_IF_ERROR(ValidateJournal(entries));
      SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
      OCINDEX_RETURN_IF_ERROR(WriteJournal(entries, /*restoring=*/false));
      transaction.commit();
      return {};
    });
  }

  Result<std::vector<JournalEntry>> ReadStream(const std::string& stream, int after_version) override {
    return Locked([&]() -> Result<std::vector<JournalEntry>> {
      SQLite::Statement q(db_, std::string(kJournalColumns) + " WHERE stream = ? AND version > ? ORDER BY version");
      q.bind(1, stream);
      q.bind(2, after_version);
      return ReadEntries(q);
    });
  }

  Result<std::vector<JournalEntry>> ReadJournal(const JournalFilter& f) override {
    return Locked([&]() -> Result<std::vector<JournalEntry>> {
      SQLite::Statement q(db_, std::string(kJournalColumns) +
                                   " WHERE substr(stream, 1, length(?1)) = ?1 AND (?2 = '' OR actor = ?2) "
                                   "AND substr(action, 1, length(?3)) = ?3 AND (?4 = '' OR at >= ?4) "
                                   "AND (?5 = '' OR at < ?5) AND seq > ?6 ORDER BY seq LIMIT ?7");
      q.bind(1, f.stream_prefix);
      q.bind(2, f.actor);
      q.bind(3, f.action_prefix);
      q.bind(4, f.since);
      q.bind(5, f.until);
      q.bind(6, f.after_seq);
      q.bind(7, f.limit == 0 ? int64_t{-1} : static_cast<int64_t>(f.limit));
      return ReadEntries(q);
    });
  }

  Status SavePublication(const PublicationToStore& p) override {
    return Locked([&]() -> Status {
      OCINDEX_RETURN_IF_ERROR(ValidatePublication(p));
      SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
      OCINDEX_RETURN_IF_ERROR(WriteEditions({p.edition}, /*replace=*/true));
      for (const ProfileToStore& profile : p.profiles) WriteProfile(profile);
      if (!p.expert_scores.scores.empty()) WriteExpertScores({p.expert_scores});
      OCINDEX_RETURN_IF_ERROR(WriteJournal({p.entry}, /*restoring=*/false));
      transaction.commit();
      return {};
    });
  }

  Result<StoredExpertScores> LoadExpertScores(const std::string& edition, int revision) override {
    return Locked([&]() -> Result<StoredExpertScores> {
      auto infos = QueryExpertRevisions(edition, revision, "ORDER BY r.revision DESC LIMIT 1");
      if (infos.empty()) {
        return ExpertScoresNotFound(edition, revision);
      }
      StoredExpertScores stored;
      stored.info = infos.front().first;
      SQLite::Statement q(db_, "SELECT iso3, indicator, expert, score, justification FROM expert_scores "
                               "WHERE revision_id = ? ORDER BY position");
      q.bind(1, infos.front().second);
      while (q.executeStep()) {
        stored.scores.push_back({edition, q.getColumn(0).getString(), q.getColumn(1).getString(),
                                 q.getColumn(2).getString(), q.getColumn(3).getDouble(), q.getColumn(4).getString()});
      }
      return stored;
    });
  }

  Result<std::vector<ExpertScoresInfo>> ListExpertScores() override {
    return Locked([&]() -> Result<std::vector<ExpertScoresInfo>> {
      std::vector<ExpertScoresInfo> infos;
      for (auto& [info, id] : QueryExpertRevisions("", 0, "ORDER BY r.edition, r.revision")) {
        infos.push_back(std::move(info));
      }
      return infos;
    });
  }

  Result<StoredProfile> LoadProfile(const std::string& iso3, const std::string& edition, int revision) override {
    return Locked([&]() -> Result<StoredProfile> {
      auto infos = QueryProfiles("WHERE r.iso3 = ?1 AND r.edition = ?2 AND (CAST(?3 AS INTEGER) = 0 OR r.revision = CAST(?3 AS INTEGER)) "
                                 "ORDER BY r.revision DESC LIMIT 1",
                                 {iso3, edition, std::to_string(revision)});
      if (infos.empty()) {
        return ProfileNotFound(iso3, edition, revision);
      }
      StoredProfile stored;
      stored.info = infos.front().first;
      SQLite::Statement footer(db_, "SELECT footer FROM profile_revisions WHERE id = ?");
      footer.bind(1, infos.front().second);
      footer.executeStep();
      stored.footer = footer.getColumn(0).getString();
      SQLite::Statement q(db_, "SELECT kind, node_id, heading, line, text FROM profile_sections WHERE revision_id = ? "
                               "ORDER BY position");
      q.bind(1, infos.front().second);
      while (q.executeStep()) {
        if (q.getColumn(0).getString() == "section") {
          stored.sections.push_back({q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(4).getString(),
                                     q.getColumn(3).getInt()});
        } else {
          stored.unplaced.push_back({q.getColumn(2).getString(), q.getColumn(4).getString(), q.getColumn(3).getInt()});
        }
      }
      return stored;
    });
  }

  Result<std::vector<ProfileRevisionInfo>> ListProfileRevisions(const std::string& iso3,
                                                                const std::string& edition) override {
    return Locked([&]() -> Result<std::vector<ProfileRevisionInfo>> {
      std::vector<ProfileRevisionInfo> infos;
      for (auto& [info, id] : QueryProfiles("WHERE r.iso3 = ?1 AND r.edition = ?2 ORDER BY r.revision", {iso3, edition})) {
        infos.push_back(std::move(info));
      }
      if (infos.empty()) {
        return MakeError(ErrorCode::kNotFound, "no narrative for " + iso3 + " in edition " + edition);
      }
      return infos;
    });
  }

  Result<std::optional<std::string>> LoadExtraction(const std::string& iso3, const std::string& edition, int revision,
                                                    const std::string& extractor) override {
    return Locked([&]() -> Result<std::optional<std::string>> {
      SQLite::Statement q(db_, "SELECT x.statements FROM narrative_extractions x JOIN profile_revisions r "
                               "ON r.id = x.revision_id WHERE r.iso3 = ? AND r.edition = ? AND r.revision = ? "
                               "AND x.extractor = ?");
      q.bind(1, iso3);
      q.bind(2, edition);
      q.bind(3, revision);
      q.bind(4, extractor);
      if (!q.executeStep()) return std::optional<std::string>();
      return std::optional<std::string>(q.getColumn(0).getString());
    });
  }

  Status SaveExtraction(const std::string& iso3, const std::string& edition, int revision,
                        const std::string& extractor, const std::string& statements) override {
    return Locked([&]() -> Status {
      SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
      SQLite::Statement id(db_, "SELECT id FROM profile_revisions WHERE iso3 = ? AND edition = ? AND revision = ?");
      id.bind(1, iso3);
      id.bind(2, edition);
      id.bind(3, revision);
      if (!id.executeStep()) return ProfileNotFound(iso3, edition, revision);
      const int64_t revision_id = id.getColumn(0).getInt64();
      // Results of another extractor are stale for good: replaced, not kept beside.
      SQLite::Statement drop(db_, "DELETE FROM narrative_extractions WHERE revision_id = ?");
      drop.bind(1, revision_id);
      drop.exec();
      SQLite::Statement insert(db_, "INSERT INTO narrative_extractions (revision_id, extractor, statements) "
                                    "VALUES (?, ?, ?)");
      insert.bind(1, revision_id);
      insert.bind(2, extractor);
      insert.bind(3, statements);
      insert.exec();
      transaction.commit();
      return {};
    });
  }

  Result<std::vector<ProfileRevisionInfo>> ListProfiles(const std::string& edition) override {
    return Locked([&]() -> Result<std::vector<ProfileRevisionInfo>> {
      std::vector<ProfileRevisionInfo> infos;
      for (auto& [info, id] : QueryProfiles("WHERE r.edition = ?1 AND r.revision = (SELECT MAX(revision) FROM "
                                            "profile_revisions WHERE iso3 = r.iso3 AND edition = r.edition) "
                                            "ORDER BY r.iso3",
                                            {edition})) {
        infos.push_back(std::move(info));
      }
      return infos;
    });
  }

 private:
  // One connection serves every thread of a server: one call at a time, so
  // transactions of two threads never interleave on it.
  template <typename F>
  auto Locked(F&& body) -> decltype(body()) {
    std::lock_guard lock(mutex_);
    return Guarded(path_, std::forward<F>(body));
  }

  // Profile revision infos with their row ids; `filter` is the WHERE/ORDER BY tail,
  // `parameters` bind ?1, ?2, ... in order.
  std::vector<std::pair<ProfileRevisionInfo, int64_t>> QueryProfiles(const std::string& filter,
                                                                     const std::vector<std::string>& parameters) {
    SQLite::Statement q(db_,
                        "SELECT r.id, r.iso3, r.edition, r.revision, r.author, r.note, r.source, r.stored_at, "
                        "(SELECT COUNT(*) FROM profile_sections s WHERE s.revision_id = r.id AND s.kind = 'section'), "
                        "r.words FROM profile_revisions r " +
                            filter);
    for (size_t i = 0; i < parameters.size(); ++i) q.bind(static_cast<int>(i) + 1, parameters[i]);
    std::vector<std::pair<ProfileRevisionInfo, int64_t>> infos;
    while (q.executeStep()) {
      infos.push_back({{q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getInt(),
                        q.getColumn(4).getString(), q.getColumn(5).getString(), q.getColumn(6).getString(),
                        q.getColumn(7).getString(), q.getColumn(8).getInt(), q.getColumn(9).getInt()},
                       q.getColumn(0).getInt64()});
    }
    return infos;
  }

  // Expert revisions of `edition` ("" for any) at `revision` (0 for any), in `order`,
  // each with its row id and its counts of scores and experts.
  std::vector<std::pair<ExpertScoresInfo, int64_t>> QueryExpertRevisions(const std::string& edition, int revision,
                                                                         const std::string& order) {
    SQLite::Statement q(db_, "SELECT r.edition, r.revision, r.source, r.stored_at, r.id, "
                             "(SELECT COUNT(*) FROM expert_scores s WHERE s.revision_id = r.id), "
                             "(SELECT COUNT(DISTINCT expert) FROM expert_scores s WHERE s.revision_id = r.id) "
                             "FROM expert_revisions r WHERE (?1 = '' OR r.edition = ?1) AND (?2 = 0 OR r.revision = ?2) " +
                                 order);
    q.bind(1, edition);
    q.bind(2, revision);
    std::vector<std::pair<ExpertScoresInfo, int64_t>> out;
    while (q.executeStep()) {
      out.push_back({ExpertScoresInfo{q.getColumn(0).getString(), q.getColumn(1).getInt(), q.getColumn(2).getString(),
                                      q.getColumn(3).getString(), q.getColumn(5).getInt(), q.getColumn(6).getInt()},
                     q.getColumn(4).getInt64()});
    }
    return out;
  }

  template <typename... Args>
  static void Insert(SQLite::Statement& statement, const Args&... args) {
    statement.reset();
    int index = 0;
    (statement.bind(++index, args), ...);
    statement.exec();
  }

  static void InsertValue(SQLite::Statement& statement, int64_t revision_id, const std::string& iso3,
                          const std::string& id, const core::Rational& value) {
    // ValidateEdition has checked that every value has exact text.
    Insert(statement, revision_id, iso3, id, *ExactText(value));
  }

  void WriteRevision(const EditionToStore& e, int revision, const std::string& stored_at) {
    const core::Dataset& ds = e.dataset;
    SQLite::Statement header(db_,
                             "INSERT INTO edition_revisions "
                             "(edition, revision, name, framework_toml, source, stored_at) "
                             "VALUES (?, ?, ?, ?, ?, ?)");
    Insert(header, e.framework.edition, revision, e.framework.name, e.framework_toml, e.source, stored_at);
    const int64_t id = db_.getLastInsertRowid();

    SQLite::Statement column(db_, "INSERT INTO revision_columns (revision_id, kind, position, id) VALUES (?, ?, ?, ?)");
    for (int i = 0; i < ds.indicator_count(); ++i) Insert(column, id, "indicator", i, ds.indicator_ids[i]);
    for (int n = 0; n < ds.node_count(); ++n) Insert(column, id, "node", n, ds.node_ids[n]);

    SQLite::Statement country(db_,
                              "INSERT INTO revision_countries (revision_id, position, iso3, name, continent, region) "
                              "VALUES (?, ?, ?, ?, ?, ?)");
    SQLite::Statement score(db_, "INSERT INTO scores (revision_id, iso3, indicator_id, value) VALUES (?, ?, ?, ?)");
    SQLite::Statement published(db_, "INSERT INTO published (revision_id, iso3, node_id, value) VALUES (?, ?, ?, ?)");
    for (int c = 0; c < ds.country_count(); ++c) {
      const core::CountryEntry& entry = ds.countries[c];
      Insert(country, id, c, entry.iso3, entry.name, entry.continent, entry.region);
      // Not assessed is no row at all: most of a sparse edition costs nothing.
      for (int i = 0; i < ds.indicator_count(); ++i) {
        if (const auto& v = ds.score(c, i)) InsertValue(score, id, entry.iso3, ds.indicator_ids[i], *v);
      }
      for (int n = 0; n < ds.node_count(); ++n) {
        if (const auto& v = ds.published_value(c, n)) InsertValue(published, id, entry.iso3, ds.node_ids[n], *v);
      }
    }
  }

  Result<core::Dataset> ReadDataset(int64_t id, const std::string& edition, const std::string& where) {
    StoredDataset out(edition, where);
    SQLite::Statement columns(db_, "SELECT kind, position, id FROM revision_columns WHERE revision_id = ? "
                                   "ORDER BY kind, position");
    columns.bind(1, id);
    while (columns.executeStep()) {
      OCINDEX_RETURN_IF_ERROR(
          out.AddColumn(columns.getColumn(0).getString(), columns.getColumn(1).getInt64(), columns.getColumn(2).getString()));
    }
    SQLite::Statement countries(db_, "SELECT position, iso3, name, continent, region FROM revision_countries "
                                     "WHERE revision_id = ? ORDER BY position");
    countries.bind(1, id);
    while (countries.executeStep()) {
      OCINDEX_RETURN_IF_ERROR(out.AddCountry(countries.getColumn(0).getInt64(),
                                             {countries.getColumn(1).getString(), countries.getColumn(2).getString(),
                                              countries.getColumn(3).getString(), countries.getColumn(4).getString()}));
    }
    auto text = [](const SQLite::Column& column) {
      return column.isNull() ? std::nullopt : std::optional<std::string>(column.getString());
    };
    SQLite::Statement scores(db_, "SELECT iso3, indicator_id, value FROM scores WHERE revision_id = ?");
    scores.bind(1, id);
    while (scores.executeStep()) {
      OCINDEX_RETURN_IF_ERROR(
          out.AddScore(scores.getColumn(0).getString(), scores.getColumn(1).getString(), text(scores.getColumn(2))));
    }
    SQLite::Statement published(db_, "SELECT iso3, node_id, value FROM published WHERE revision_id = ?");
    published.bind(1, id);
    while (published.executeStep()) {
      OCINDEX_RETURN_IF_ERROR(out.AddPublished(published.getColumn(0).getString(), published.getColumn(1).getString(),
                                               text(published.getColumn(2))));
    }
    return std::move(out).Finish();
  }

  // `filter` is the WHERE/ORDER BY tail; `edition` binds its one parameter, if any.
  Result<std::vector<EditionInfo>> QueryInfos(const std::string& filter, const std::optional<std::string>& edition) {
    SQLite::Statement q(db_,
                        "SELECT r.edition, r.name, r.revision, "
                        "(SELECT COUNT(*) FROM revision_countries c WHERE c.revision_id = r.id), "
                        "r.source, r.stored_at FROM edition_revisions r " +
                            filter);
    if (edition) q.bind(1, *edition);
    std::vector<EditionInfo> infos;
    while (q.executeStep()) {
      infos.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getInt(),
                       q.getColumn(3).getInt(), q.getColumn(4).getString(), q.getColumn(5).getString()});
    }
    return infos;
  }

  bool Empty() {
    return db_.execAndGet("SELECT NOT EXISTS (SELECT 1 FROM edition_revisions) "
                          "AND NOT EXISTS (SELECT 1 FROM countries)")
               .getInt() != 0;
  }

  // Inside a write transaction; returns the revision written.
  int WriteProfile(const ProfileToStore& profile) {
    SQLite::Statement q(db_, "SELECT COALESCE(MAX(revision), 0) FROM profile_revisions WHERE iso3 = ? AND edition = ?");
    q.bind(1, profile.iso3);
    q.bind(2, profile.edition);
    q.executeStep();
    const int revision = q.getColumn(0).getInt() + 1;
    SQLite::Statement header(db_,
                             "INSERT INTO profile_revisions (iso3, edition, revision, author, note, source, "
                             "stored_at, footer, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Insert(header, profile.iso3, profile.edition, revision, profile.author, profile.note, profile.source,
           profile.stored_at.empty() ? NowUtc() : profile.stored_at, profile.footer, ProfileWords(profile));
    const int64_t id = db_.getLastInsertRowid();
    SQLite::Statement part(db_, "INSERT INTO profile_sections (revision_id, position, kind, node_id, heading, line, "
                                "text) VALUES (?, ?, ?, ?, ?, ?, ?)");
    int position = 0;
    for (const core::NarrativeSection& s : profile.sections) {
      Insert(part, id, position++, "section", s.node_id, s.heading, s.line, s.text);
    }
    for (const core::UnplacedText& u : profile.unplaced) {
      Insert(part, id, position++, "unplaced", "", u.heading, u.line, u.text);
    }
    return revision;
  }

  // Inside a write transaction; returns the revisions written, in the order of `sets`.
  std::vector<int> WriteExpertScores(const std::vector<ExpertScoresToStore>& sets) {
    std::vector<int> revisions;
    const std::string now = NowUtc();
    SQLite::Statement next(db_, "SELECT COALESCE(MAX(revision), 0) + 1 FROM expert_revisions WHERE edition = ?");
    SQLite::Statement header(db_, "INSERT INTO expert_revisions (edition, revision, source, stored_at) "
                                  "VALUES (?, ?, ?, ?)");
    SQLite::Statement row(db_, "INSERT INTO expert_scores (revision_id, position, iso3, indicator, expert, score, "
                               "justification) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const ExpertScoresToStore& set : sets) {
      next.reset();
      next.bind(1, set.edition);
      next.executeStep();
      revisions.push_back(next.getColumn(0).getInt());
      next.reset();
      Insert(header, set.edition, revisions.back(), set.source, set.stored_at.empty() ? now : set.stored_at);
      const int64_t id = db_.getLastInsertRowid();
      int position = 0;
      for (const core::ExpertScore& s : set.scores) {
        Insert(row, id, position++, s.iso3, s.indicator, s.expert, s.score, s.justification);
      }
    }
    return revisions;
  }

  static std::vector<JournalEntry> ReadEntries(SQLite::Statement& q) {
    std::vector<JournalEntry> entries;
    while (q.executeStep()) {
      entries.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getInt(),
                         q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                         q.getColumn(6).getString(), q.getColumn(7).getString(), q.getColumn(8).getString(),
                         q.getColumn(9).getString(), q.getColumn(10).getString()});
    }
    return entries;
  }

  // Inside a write transaction. Each entry's version must follow its stream's last one
  // (JournalGap says how it does not); a restore keeps the entries' order numbers.
  Status WriteJournal(const std::vector<JournalEntry>& entries, bool restoring) {
    SQLite::Statement last(db_, "SELECT COALESCE(MAX(version), 0) FROM journal WHERE stream = ?");
    SQLite::Statement insert(db_, "INSERT INTO journal (seq, stream, version, at, actor, action, target, reason, "
                                  "state_before, state_after, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const JournalEntry& e : entries) {
      last.reset();
      last.bind(1, e.stream);
      last.executeStep();
      const int current = last.getColumn(0).getInt();
      last.reset();
      OCINDEX_RETURN_IF_ERROR(JournalGap(e, current, path_));
      insert.reset();
      if (restoring) {
        insert.bind(1, e.seq);
      } else {
        insert.bind(1);  // NULL: the next order number
      }
      int index = 1;
      insert.bind(++index, e.stream);
      insert.bind(++index, e.version);
      for (const std::string* text : {&e.at, &e.actor, &e.action, &e.target, &e.reason, &e.before, &e.after,
                                      &e.payload}) {
        insert.bind(++index, *text);
      }
      insert.exec();
    }
    return {};
  }

  // Inside a write transaction; a kConflict leaves it for the caller to roll back.
  Status WriteEditions(const std::vector<EditionToStore>& editions, bool replace) {
    const std::string stored_at = NowUtc();
    std::vector<std::string> conflicts;
    for (const EditionToStore& e : editions) {
      SQLite::Statement q(db_, "SELECT COALESCE(MAX(revision), 0) FROM edition_revisions WHERE edition = ?");
      q.bind(1, e.framework.edition);
      q.executeStep();
      const int current = q.getColumn(0).getInt();
      if (current > 0 && !replace) {
        conflicts.push_back(AlreadyStored(e.framework.edition, current));
        continue;
      }
      WriteRevision(e, current + 1, e.stored_at.empty() ? stored_at : e.stored_at);
    }
    if (conflicts.empty()) return {};
    return EditionsConflict(conflicts);
  }

  // The country list, read in the transaction under way if any.
  Result<core::Geography> ReadGeography() {
    std::vector<core::Country> countries;
    std::unordered_map<std::string, size_t> by_iso3;
    SQLite::Statement q(db_, "SELECT iso3, name FROM countries ORDER BY position");
    while (q.executeStep()) {
      by_iso3[q.getColumn(0).getString()] = countries.size();
      countries.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), {}});
    }
    SQLite::Statement aliases(db_, "SELECT iso3, alias FROM country_aliases ORDER BY iso3, position");
    while (aliases.executeStep()) {
      auto it = by_iso3.find(aliases.getColumn(0).getString());
      if (it == by_iso3.end()) {
        return MakeError(ErrorCode::kCorrupt, "an alias names unknown country " + aliases.getColumn(0).getString(),
                         path_);
      }
      countries[it->second].aliases.push_back(aliases.getColumn(1).getString());
    }
    auto geography = core::Geography::Build(std::move(countries));
    if (!geography.ok()) {
      return MakeError(ErrorCode::kCorrupt, "the stored country list is inconsistent: " + geography.error().ToString(),
                       path_);
    }
    return geography;
  }

  // Inside a write transaction.
  void WriteGeography(const core::Geography& geography) {
    db_.exec("DELETE FROM country_aliases; DELETE FROM countries;");
    SQLite::Statement country(db_, "INSERT INTO countries (iso3, name, position) VALUES (?, ?, ?)");
    SQLite::Statement alias(db_, "INSERT INTO country_aliases (iso3, position, alias) VALUES (?, ?, ?)");
    int position = 0;
    for (const core::Country& c : geography.countries()) {
      Insert(country, c.iso3, c.name, position++);
      int alias_position = 0;
      for (const std::string& a : c.aliases) Insert(alias, c.iso3, alias_position++, a);
    }
  }

  std::string DescribeStored() {
    SQLite::Statement q(db_, "SELECT edition, revision FROM edition_revisions ORDER BY edition, revision");
    std::map<std::string, std::vector<std::string>> revisions;
    while (q.executeStep()) revisions[q.getColumn(0).getString()].push_back(q.getColumn(1).getString());
    return store_validation::DescribeStored(revisions);
  }

  std::mutex mutex_;
  SQLite::Database db_;
  std::string path_;
};

// Switching a new file to WAL needs it to itself, and SQLite answers "busy" at once
// rather than calling the busy handler: several processes opening a new database
// together retry here, within the busy timeout. WAL then stays set in the file.
void UseWal(SQLite::Database& db) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  for (;;) {
    try {
      db.execAndGet("PRAGMA journal_mode = WAL");
      return;
    } catch (const SQLite::Exception& e) {
      if ((e.getErrorCode() & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() > deadline) throw;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

// The schema version of an ocindex database (0 for an empty one); kCorrupt for a file
// that is not SQLite or a database of another program.
Result<int> OwnVersion(SQLite::Database& db, const std::string& path) {
  // One statement, so one snapshot: another process may be migrating the file right now.
  // Reading the header is the first thing that fails on a file that is not SQLite.
  SQLite::Statement q(db, "SELECT (SELECT application_id FROM pragma_application_id), "
                          "(SELECT user_version FROM pragma_user_version), (SELECT COUNT(*) FROM sqlite_master)");
  q.executeStep();
  const int application_id = q.getColumn(0).getInt();
  const int version = q.getColumn(1).getInt();
  if (application_id != 0 && application_id != kApplicationId) {
    return MakeError(ErrorCode::kCorrupt, "an SQLite database of another program, not an ocindex one", path);
  }
  if (application_id == 0 && version == 0 && q.getColumn(2).getInt() > 0) {
    return MakeError(ErrorCode::kCorrupt, "an SQLite database that ocindex did not create", path);
  }
  return version;
}

// Applies the migrations from the database's version up to `target`, each in its own
// transaction, so an interrupted upgrade leaves a consistent older version.
void Migrate(SQLite::Database& db, int target) {
  for (int version = 0; version < target; ++version) {
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Read under the write lock: another process may have migrated meanwhile.
    if (IntPragma(db, "user_version") > version) continue;
    db.exec(kMigrations[static_cast<size_t>(version)]);
    if (version == 0) db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    db.exec("PRAGMA user_version = " + std::to_string(version + 1));
    transaction.commit();
  }
}

}  // namespace

int SqliteSchemaVersion() { return kSchemaVersion; }

Result<std::unique_ptr<Store>> OpenSqliteStoreAtSchema(const std::string& path, int schema_version) {
  if (path.empty()) return MakeError(ErrorCode::kInvalidInput, "no database path given");
  if (schema_version < 1 || schema_version > kSchemaVersion) {
    return MakeError(ErrorCode::kInvalidInput, "schema version " + std::to_string(schema_version) +
                                                   " is not one this ocindex knows (1 to " +
                                                   std::to_string(kSchemaVersion) + ")");
  }
  const bool in_memory = path == ":memory:";
  if (!in_memory) {
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (ec) {
      return MakeError(ErrorCode::kIo, "cannot create directory " + parent.string() + ": " + ec.message(), path);
    }
  }
  return Guarded(path, [&]() -> Result<std::unique_ptr<Store>> {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, kBusyTimeoutMs);
    auto version = OwnVersion(db, path);
    if (!version) return version.error();
    if (*version > kSchemaVersion) return NewerSchema(*version, kSchemaVersion, path);
    db.exec("PRAGMA foreign_keys = ON");
    // WAL lets readers (the server) run while an import writes. It is a no-op for
    // ":memory:", and SQLite keeps the rollback journal where WAL is impossible.
    if (!in_memory) UseWal(db);
    Migrate(db, schema_version);
    return std::unique_ptr<Store>(std::make_unique<SqliteStore>(std::move(db), path));
  });
}

Result<int> ReadSqliteSchemaVersion(const std::string& path) {
  if (path == ":memory:" || !std::filesystem::exists(path)) return 0;
  return Guarded(path, [&]() -> Result<int> {
    SQLite::Database db(path, SQLite::OPEN_READONLY, kBusyTimeoutMs);
    return OwnVersion(db, path);
  });
}

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path) {
  return OpenSqliteStoreAtSchema(path, kSchemaVersion);
}

std::string DefaultDatabasePath() {
  auto env = [](const char* name) -> std::string {
    const char* value = std::getenv(name);
    return value == nullptr ? std::string() : std::string(value);
  };
  if (std::string db = env("OCINDEX_DB"); !db.empty()) return db;
  // The XDG spec says to ignore a relative XDG_DATA_HOME.
  if (std::string data = env("XDG_DATA_HOME"); !data.empty() && data.front() == '/') {
    return (std::filesystem::path(data) / "ocindex" / "ocindex.db").string();
  }
  if (std::string home = env("HOME"); !home.empty()) {
    return (std::filesystem::path(home) / ".local" / "share" / "ocindex" / "ocindex.db").string();
  }
  return "ocindex.db";
}

}  // namespace ocindex::adapters
