#include "adapters/store/postgres_store.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include <pqxx/pqxx>

#include "adapters/store/postgres_pool.h"
#include "adapters/store/store_validation.h"

namespace ocindex::adapters {
namespace {

using postgres::Guarded;
using namespace store_validation;  // NOLINT(google-build-using-namespace): the shared checks

// Marks the database as ocindex's, so that we never migrate another program's tables.
constexpr const char* kApplication = "ocindex";
// Transaction-level advisory locks, keyed ("OCIX", n): one writer at a time, like
// SQLite's write lock, so revision numbers are read and taken under one lock, and one
// migrator at a time.
constexpr const char* kWriteLock = "SELECT pg_advisory_xact_lock(1329809752, 1)";
constexpr const char* kMigrationLock = "SELECT pg_advisory_xact_lock(1329809752, 2)";
// Enough for a server's request threads and an import; more would only queue in PostgreSQL.
constexpr size_t kPoolSize = 4;

// kMigrations[i] takes the schema from version i to i + 1: the SQLite store's schema in
// PostgreSQL's types. Shipped entries are never edited; a change is a new entry. Texts
// that lists are ordered by collate as "C", byte order, as SQLite sorts them.
constexpr std::array<const char*, 5> kMigrations = {
    // 1: editions with their revisions, and the country list.
    R"sql(
CREATE TABLE countries (
  iso3     TEXT COLLATE "C" PRIMARY KEY,
  name     TEXT NOT NULL,
  position INTEGER NOT NULL UNIQUE
);
CREATE TABLE country_aliases (
  iso3     TEXT COLLATE "C" NOT NULL REFERENCES countries (iso3) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  alias    TEXT NOT NULL,
  PRIMARY KEY (iso3, position)
);
CREATE TABLE edition_revisions (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  edition        TEXT COLLATE "C" NOT NULL,
  revision       INTEGER NOT NULL CHECK (revision >= 1),
  name           TEXT NOT NULL,
  framework_toml TEXT NOT NULL,
  source         TEXT NOT NULL,
  stored_at      TEXT NOT NULL,
  UNIQUE (edition, revision)
);
CREATE TABLE revision_columns (
  revision_id BIGINT NOT NULL REFERENCES edition_revisions (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('indicator', 'node')),
  position    INTEGER NOT NULL,
  id          TEXT NOT NULL,
  PRIMARY KEY (revision_id, kind, position),
  UNIQUE (revision_id, kind, id)
);
CREATE TABLE revision_countries (
  revision_id BIGINT NOT NULL REFERENCES edition_revisions (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  iso3        TEXT NOT NULL,
  name        TEXT NOT NULL,
  continent   TEXT NOT NULL,
  region      TEXT NOT NULL,
  PRIMARY KEY (revision_id, position),
  UNIQUE (revision_id, iso3)
);
-- Values are exact decimal text; a NULL value or a missing row means not assessed.
CREATE TABLE scores (
  revision_id  BIGINT NOT NULL,
  iso3         TEXT NOT NULL,
  indicator_id TEXT NOT NULL,
  value        TEXT,
  PRIMARY KEY (revision_id, iso3, indicator_id),
  FOREIGN KEY (revision_id, iso3) REFERENCES revision_countries (revision_id, iso3) ON DELETE CASCADE
);
CREATE TABLE published (
  revision_id BIGINT NOT NULL,
  iso3        TEXT NOT NULL,
  node_id     TEXT NOT NULL,
  value       TEXT,
  PRIMARY KEY (revision_id, iso3, node_id),
  FOREIGN KEY (revision_id, iso3) REFERENCES revision_countries (revision_id, iso3) ON DELETE CASCADE
);
)sql",
    // 2: country profile narratives, one row per import (revision); never updated.
    R"sql(
CREATE TABLE profile_revisions (
  id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  iso3      TEXT COLLATE "C" NOT NULL,
  edition   TEXT COLLATE "C" NOT NULL,
  revision  INTEGER NOT NULL CHECK (revision >= 1),
  author    TEXT NOT NULL,
  note      TEXT NOT NULL,
  source    TEXT NOT NULL,
  stored_at TEXT NOT NULL,
  footer    TEXT NOT NULL,
  words     INTEGER NOT NULL,
  UNIQUE (iso3, edition, revision)
);
CREATE TABLE profile_sections (
  revision_id BIGINT NOT NULL REFERENCES profile_revisions (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('section', 'unplaced')),
  node_id     TEXT NOT NULL,
  heading     TEXT NOT NULL,
  line        INTEGER NOT NULL,
  text        TEXT NOT NULL,
  PRIMARY KEY (revision_id, position)
);
)sql",
    // 3: expert-level scores, one set per import (revision); never updated.
    R"sql(
CREATE TABLE expert_revisions (
  id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  edition   TEXT COLLATE "C" NOT NULL,
  revision  INTEGER NOT NULL CHECK (revision >= 1),
  source    TEXT NOT NULL,
  stored_at TEXT NOT NULL,
  UNIQUE (edition, revision)
);
-- Scores are multiples of the scale's step (0.5 for the GOCI): exact as doubles.
CREATE TABLE expert_scores (
  revision_id   BIGINT NOT NULL REFERENCES expert_revisions (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  iso3          TEXT NOT NULL,
  indicator     TEXT NOT NULL,
  expert        TEXT NOT NULL,
  score         DOUBLE PRECISION NOT NULL,
  justification TEXT NOT NULL,
  PRIMARY KEY (revision_id, position),
  UNIQUE (revision_id, iso3, indicator, expert)
);
)sql",
    // 4: the journal of assessment rounds and accounts, their audit trail. Append-only:
    // the trigger refuses to change or delete an entry, whoever asks.
    R"sql(
CREATE TABLE journal (
  seq          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  stream       TEXT COLLATE "C" NOT NULL,
  version      INTEGER NOT NULL CHECK (version >= 1),
  at           TEXT COLLATE "C" NOT NULL,
  actor        TEXT NOT NULL,
  action       TEXT COLLATE "C" NOT NULL,
  target       TEXT NOT NULL,
  reason       TEXT NOT NULL,
  state_before TEXT NOT NULL,
  state_after  TEXT NOT NULL,
  payload      TEXT NOT NULL,
  UNIQUE (stream, version)
);
CREATE INDEX journal_at ON journal (at);
CREATE FUNCTION ocindex_journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the journal is append-only'; END $$;
CREATE TRIGGER journal_append_only BEFORE UPDATE OR DELETE ON journal
FOR EACH ROW EXECUTE FUNCTION ocindex_journal_append_only();
)sql",
    // 5: extraction results of narrative revisions (Store::LoadExtraction): derived data,
    // one row per revision and extractor fingerprint, gone with their revision.
    R"sql(
CREATE TABLE narrative_extractions (
  revision_id BIGINT NOT NULL REFERENCES profile_revisions (id) ON DELETE CASCADE,
  extractor   TEXT NOT NULL,
  statements  TEXT NOT NULL,
  PRIMARY KEY (revision_id, extractor)
);
)sql",
};
constexpr int kSchemaVersion = static_cast<int>(kMigrations.size());

using Columns = std::vector<std::string>;
// Reads see one snapshot across their queries (an edition and its values agree).
using ReadTransaction = pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>;

// The schema version of an ocindex database; nullopt for one with no tables yet.
// kCorrupt for a database of another program.
Result<std::optional<int>> OwnVersion(pqxx::transaction_base& t, const std::string& where) {
  if (t.exec1("SELECT to_regclass('ocindex_schema') IS NULL")[0].as<bool>()) {
    const int tables = t.exec1("SELECT COUNT(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
                               "ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN "
                               "('r', 'p', 'v', 'm', 'f')")[0]
                           .as<int>();
    if (tables > 0) return MakeError(ErrorCode::kCorrupt, "a PostgreSQL database that ocindex did not create", where);
    return std::optional<int>();
  }
  pqxx::result row = t.exec("SELECT application, version FROM ocindex_schema");
  if (row.size() != 1 || row[0][0].as<std::string>() != kApplication) {
    return MakeError(ErrorCode::kCorrupt, "a PostgreSQL database of another program, not an ocindex one", where);
  }
  return std::optional<int>(row[0][1].as<int>());
}

// The schema version under the migration lock; a new database gets its version table.
Result<int> SchemaVersion(pqxx::work& t, const std::string& where) {
  auto owned = OwnVersion(t, where);
  if (!owned) return owned.error();
  const std::optional<int> version = *owned;
  if (!version) {
    t.exec("CREATE TABLE ocindex_schema (only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row), "
           "application TEXT NOT NULL, version INTEGER NOT NULL)");
    t.exec_params0("INSERT INTO ocindex_schema (application, version) VALUES ($1, 0)", kApplication);
    return 0;
  }
  if (*version > kSchemaVersion) return NewerSchema(*version, kSchemaVersion, where);
  return *version;
}

// Applies the migrations from the database's version up to the current one, each in
// its own transaction under the migration lock: of several processes opening a new
// database at once, one migrates and the others find it done.
Status Migrate(pqxx::connection& connection, const std::string& where) {
  for (;;) {
    pqxx::work t(connection);
    t.exec(kMigrationLock);
    auto version = SchemaVersion(t, where);
    if (!version) return version.error();
    if (*version < kSchemaVersion) {
      t.exec(kMigrations[static_cast<size_t>(*version)]);
      t.exec_params0("UPDATE ocindex_schema SET version = $1", *version + 1);
    }
    t.commit();
    if (*version + 1 >= kSchemaVersion) return {};
  }
}

class PostgresStore final : public Store {
 public:
  PostgresStore(std::string connection, std::unique_ptr<pqxx::connection> first, std::string where)
      : pool_(std::move(connection), std::move(first), kPoolSize), where_(std::move(where)) {}

  Result<std::vector<EditionInfo>> ListEditions() override {
    return Read([&](pqxx::transaction_base& t) -> Result<std::vector<EditionInfo>> {
      return QueryInfos(t, "WHERE r.revision = (SELECT MAX(revision) FROM edition_revisions WHERE edition = r.edition) "
                           "ORDER BY r.edition",
                        std::nullopt);
    });
  }

  Result<std::vector<EditionInfo>> ListRevisions(const std::string& edition) override {
    return Read([&](pqxx::transaction_base& t) -> Result<std::vector<EditionInfo>> {
      auto infos = QueryInfos(t, "WHERE r.edition = $1 ORDER BY r.revision", edition);
      if (infos.empty()) return EditionNotFound(edition, 0, DescribeStored(t));
      return infos;
    });
  }

  Result<StoredEdition> LoadEdition(const std::string& edition, int revision) override {
    if (revision < 0) {
      return MakeError(ErrorCode::kInvalidInput, "revision " + std::to_string(revision) + " is not valid");
    }
    return Read([&](pqxx::transaction_base& t) -> Result<StoredEdition> {
      pqxx::result r = t.exec_params(
          "SELECT id, revision, name, framework_toml, source, stored_at FROM edition_revisions "
          "WHERE edition = $1 AND ($2 = 0 OR revision = $2) ORDER BY revision DESC LIMIT 1",
          edition, revision);
      if (r.empty()) return EditionNotFound(edition, revision, DescribeStored(t));
      StoredEdition stored;
      const auto id = r[0][0].as<int64_t>();
      stored.info.edition = edition;
      stored.info.revision = r[0][1].as<int>();
      stored.info.name = r[0][2].as<std::string>();
      stored.framework_toml = r[0][3].as<std::string>();
      stored.info.source = r[0][4].as<std::string>();
      stored.info.stored_at = r[0][5].as<std::string>();
      const std::string where = where_ + ", edition " + edition + " revision " + std::to_string(stored.info.revision);
      auto dataset = ReadDataset(t, id, edition, where);
      if (!dataset) return dataset.error();
      stored.dataset = std::move(*dataset);
      stored.info.countries = stored.dataset.country_count();
      return stored;
    });
  }

  Result<std::string> LoadFrameworkToml(const std::string& edition) override {
    return Read([&](pqxx::transaction_base& t) -> Result<std::string> {
      pqxx::result r = t.exec_params(
          "SELECT framework_toml FROM edition_revisions WHERE edition = $1 ORDER BY revision DESC LIMIT 1", edition);
      if (r.empty()) return EditionNotFound(edition, 0, DescribeStored(t));
      return r[0][0].as<std::string>();
    });
  }

  Status SaveEditions(const std::vector<EditionToStore>& editions, bool replace,
                      const core::Geography* units) override {
    OCINDEX_RETURN_IF_ERROR(ValidateEditions(editions));
    return Write([&](pqxx::work& t) -> Status {
      if (units != nullptr) {
        // Merged with the list as stored under the write lock: a concurrent import's units are kept.
        core::Geography stored;
        OCINDEX_ASSIGN_OR_RETURN(stored, ReadGeography(t));
        core::Geography merged;
        OCINDEX_ASSIGN_OR_RETURN(merged, stored.With(units->countries(), {}));
        WriteGeography(t, merged);
      }
      return WriteEditions(t, editions, replace);
    });
  }

  Result<core::Geography> LoadGeography() override {
    return Read([&](pqxx::transaction_base& t) { return ReadGeography(t); });
  }

  Status SaveGeography(const core::Geography& geography) override {
    return Write([&](pqxx::work& t) -> Status {
      WriteGeography(t, geography);
      return {};
    });
  }

  Result<bool> IsEmpty() override {
    return Read([&](pqxx::transaction_base& t) -> Result<bool> { return Empty(t); });
  }

  Result<bool> FillIfEmpty(const core::Geography& geography, const std::vector<EditionToStore>& editions) override {
    OCINDEX_RETURN_IF_ERROR(ValidateEditions(editions));
    // The check and the writes share the write lock: of several processes opening a
    // new database at once, one fills it and the others find it filled.
    bool filled = false;
    Status written = Write([&](pqxx::work& t) -> Status {
      if (!Empty(t)) return {};
      WriteGeography(t, geography);
      OCINDEX_RETURN_IF_ERROR(WriteEditions(t, editions, /*replace=*/false));
      filled = true;
      return {};
    });
    if (!written) return written.error();
    return filled;
  }

  Result<int> SaveProfile(const ProfileToStore& profile) override {
    OCINDEX_RETURN_IF_ERROR(ValidateProfile(profile));
    int revision = 0;
    Status written = Write([&](pqxx::work& t) -> Status {
      revision = WriteProfile(t, profile);
      return {};
    });
    if (!written) return written.error();
    return revision;
  }

  Result<StoredProfile> LoadProfile(const std::string& iso3, const std::string& edition, int revision) override {
    return Read([&](pqxx::transaction_base& t) -> Result<StoredProfile> {
      auto infos = QueryProfiles(t,
                                 "WHERE r.iso3 = $1 AND r.edition = $2 AND ($3 = 0 OR r.revision = $3) "
                                 "ORDER BY r.revision DESC LIMIT 1",
                                 iso3, edition, revision);
      if (infos.empty()) return ProfileNotFound(iso3, edition, revision);
      StoredProfile stored;
      stored.info = infos.front().first;
      const int64_t id = infos.front().second;
      stored.footer = t.exec_params1("SELECT footer FROM profile_revisions WHERE id = $1", id)[0].as<std::string>();
      for (const pqxx::row& row : t.exec_params("SELECT kind, node_id, heading, line, text FROM profile_sections "
                                                "WHERE revision_id = $1 ORDER BY position",
                                                id)) {
        if (row[0].as<std::string>() == "section") {
          stored.sections.push_back({row[1].as<std::string>(), row[2].as<std::string>(), row[4].as<std::string>(),
                                     row[3].as<int>()});
        } else {
          stored.unplaced.push_back({row[2].as<std::string>(), row[4].as<std::string>(), row[3].as<int>()});
        }
      }
      return stored;
    });
  }

  Result<std::vector<ProfileRevisionInfo>> ListProfileRevisions(const std::string& iso3,
                                                                const std::string& edition) override {
    return Read([&](pqxx::transaction_base& t) -> Result<std::vector<ProfileRevisionInfo>> {
      std::vector<ProfileRevisionInfo> infos;
      for (auto& [info, id] : QueryProfiles(t, "WHERE r.iso3 = $1 AND r.edition = $2 ORDER BY r.revision", iso3,
                                            edition)) {
        infos.push_back(std::move(info));
      }
      if (infos.empty()) return MakeError(ErrorCode::kNotFound, "no narrative for " + iso3 + " in edition " + edition);
      return infos;
    });
  }

  Result<std::optional<std::string>> LoadExtraction(const std::string& iso3, const std::string& edition, int revision,
                                                    const std::string& extractor) override {
    return Read([&](pqxx::transaction_base& t) -> Result<std::optional<std::string>> {
      const pqxx::result rows =
          t.exec_params("SELECT x.statements FROM narrative_extractions x JOIN profile_revisions r "
                        "ON r.id = x.revision_id WHERE r.iso3 = $1 AND r.edition = $2 AND r.revision = $3 "
                        "AND x.extractor = $4",
                        iso3, edition, revision, extractor);
      if (rows.empty()) return std::optional<std::string>();
      return std::optional<std::string>(rows[0][0].as<std::string>());
    });
  }

  Status SaveExtraction(const std::string& iso3, const std::string& edition, int revision,
                        const std::string& extractor, const std::string& statements) override {
    return Write([&](pqxx::work& t) -> Status {
      const pqxx::result id = t.exec_params(
          "SELECT id FROM profile_revisions WHERE iso3 = $1 AND edition = $2 AND revision = $3", iso3, edition,
          revision);
      if (id.empty()) return ProfileNotFound(iso3, edition, revision);
      const auto revision_id = id[0][0].as<int64_t>();
      // Results of another extractor are stale for good: replaced, not kept beside.
      t.exec_params("DELETE FROM narrative_extractions WHERE revision_id = $1", revision_id);
      t.exec_params("INSERT INTO narrative_extractions (revision_id, extractor, statements) VALUES ($1, $2, $3)",
                    revision_id, extractor, statements);
      return {};
    });
  }

  Result<std::vector<ProfileRevisionInfo>> ListProfiles(const std::string& edition) override {
    return Read([&](pqxx::transaction_base& t) -> Result<std::vector<ProfileRevisionInfo>> {
      std::vector<ProfileRevisionInfo> infos;
      for (auto& [info, id] : QueryProfiles(t,
                                            "WHERE r.edition = $1 AND r.revision = (SELECT MAX(revision) FROM "
                                            "profile_revisions WHERE iso3 = r.iso3 AND edition = r.edition) "
                                            "ORDER BY r.iso3",
                                            edition)) {
        infos.push_back(std::move(info));
      }
      return infos;
    });
  }

  Result<std::vector<int>> SaveExpertScores(const std::vector<ExpertScoresToStore>& sets) override {
    OCINDEX_RETURN_IF_ERROR(ValidateExpertScores(sets));
    std::vector<int> revisions;
    Status written = Write([&](pqxx::work& t) -> Status {
      revisions = WriteExpertScores(t, sets);
      return {};
    });
    if (!written) return written.error();
    return revisions;
  }

  Status Restore(const StoreHistory& history) override {
    OCINDEX_RETURN_IF_ERROR(ValidateHistory(history));
    return Write([&](pqxx::work& t) -> Status {
      if (!Empty(t)) return RestoreIntoNonEmpty(where_);
      WriteGeography(t, history.geography);
      for (const EditionToStore& e : history.editions) {
        OCINDEX_RETURN_IF_ERROR(WriteEditions(t, {e}, /*replace=*/true));
      }
      for (const ProfileToStore& p : history.profiles) WriteProfile(t, p);
      WriteExpertScores(t, history.expert_scores);
      return WriteJournal(t, history.journal, /*restoring=*/true);
    });
  }

  Status AppendJournal(const std::vector<JournalEntry>& entries) override {
    OCINDEX_RETURN_IF_ERROR(ValidateJournal(entries));
    return Write([&](pqxx::work& t) -> Status { return WriteJournal(t, entries, /*restoring=*/false); });
  }

  Result<std::vector<JournalEntry>> ReadStream(const std::string& stream, int after_version) override {
    return ReadOne([&](pqxx::transaction_base& t) -> Result<std::vector<JournalEntry>> {
      return ReadEntries(t.exec_params(std::string(kJournalColumns) +
                                           " WHERE stream = $1 AND version > $2 ORDER BY version",
                                       stream, after_version));
    });
  }

  Result<std::vector<JournalEntry>> ReadJournal(const JournalFilter& f) override {
    return ReadOne([&](pqxx::transaction_base& t) -> Result<std::vector<JournalEntry>> {
      return ReadEntries(t.exec_params(std::string(kJournalColumns) +
                                           " WHERE left(stream, length($1)) = $1 AND ($2 = '' OR actor = $2) "
                                           "AND left(action, length($3)) = $3 AND ($4 = '' OR at >= $4) "
                                           "AND ($5 = '' OR at < $5) AND seq > $6 ORDER BY seq "
                                           "LIMIT CASE WHEN $7 = 0 THEN NULL ELSE $7 END",
                                       f.stream_prefix, f.actor, f.action_prefix, f.since, f.until, f.after_seq,
                                       static_cast<int64_t>(f.limit)));
    });
  }

  Status SavePublication(const PublicationToStore& p) override {
    OCINDEX_RETURN_IF_ERROR(ValidatePublication(p));
    return Write([&](pqxx::work& t) -> Status {
      OCINDEX_RETURN_IF_ERROR(WriteEditions(t, {p.edition}, /*replace=*/true));
      for (const ProfileToStore& profile : p.profiles) WriteProfile(t, profile);
      if (!p.expert_scores.scores.empty()) WriteExpertScores(t, {p.expert_scores});
      return WriteJournal(t, {p.entry}, /*restoring=*/false);
    });
  }

  Result<StoredExpertScores> LoadExpertScores(const std::string& edition, int revision) override {
    return Read([&](pqxx::transaction_base& t) -> Result<StoredExpertScores> {
      auto infos = QueryExpertRevisions(t, edition, revision, "ORDER BY r.revision DESC LIMIT 1");
      if (infos.empty()) return ExpertScoresNotFound(edition, revision);
      StoredExpertScores stored;
      stored.info = infos.front().first;
      for (const pqxx::row& row : t.exec_params("SELECT iso3, indicator, expert, score, justification "
                                                "FROM expert_scores WHERE revision_id = $1 ORDER BY position",
                                                infos.front().second)) {
        stored.scores.push_back({edition, row[0].as<std::string>(), row[1].as<std::string>(),
                                 row[2].as<std::string>(), row[3].as<double>(), row[4].as<std::string>()});
      }
      return stored;
    });
  }

  Result<std::vector<ExpertScoresInfo>> ListExpertScores() override {
    return Read([&](pqxx::transaction_base& t) -> Result<std::vector<ExpertScoresInfo>> {
      std::vector<ExpertScoresInfo> infos;
      for (auto& [info, id] : QueryExpertRevisions(t, "", 0, "ORDER BY r.edition, r.revision")) {
        infos.push_back(std::move(info));
      }
      return infos;
    });
  }

 private:
  // Runs `body` in a read-only snapshot on a borrowed connection.
  template <typename F>
  auto Read(F&& body) -> decltype(body(std::declval<pqxx::transaction_base&>())) {
    return Guarded(where_, [&]() -> decltype(body(std::declval<pqxx::transaction_base&>())) {
      auto connection = pool_.Borrow();
      ReadTransaction t(*connection);
      return body(t);
    });
  }

  // Runs `body`, one statement, on a borrowed connection without a transaction block: a
  // statement sees one snapshot by itself, and this saves two round trips (the hot
  // path: every request of the workspace catches up on the journal).
  template <typename F>
  auto ReadOne(F&& body) -> decltype(body(std::declval<pqxx::transaction_base&>())) {
    return Guarded(where_, [&]() -> decltype(body(std::declval<pqxx::transaction_base&>())) {
      auto connection = pool_.Borrow();
      pqxx::nontransaction t(*connection);
      return body(t);
    });
  }

  // Runs `body` in one transaction under the write lock; commits only if it succeeds.
  template <typename F>
  Status Write(F&& body) {
    return Guarded(where_, [&]() -> Status {
      auto connection = pool_.Borrow();
      pqxx::work t(*connection);
      t.exec(kWriteLock);
      Status status = body(t);
      if (status) t.commit();  // otherwise the transaction is rolled back as it goes
      return status;
    });
  }

  static bool Empty(pqxx::transaction_base& t) {
    return t.exec1("SELECT NOT EXISTS (SELECT 1 FROM edition_revisions) AND NOT EXISTS (SELECT 1 FROM countries)")[0]
        .as<bool>();
  }

  // Under the write lock; returns the revision written.
  static int WriteProfile(pqxx::work& t, const ProfileToStore& profile) {
    const int revision = t.exec_params1("SELECT COALESCE(MAX(revision), 0) + 1 FROM profile_revisions "
                                        "WHERE iso3 = $1 AND edition = $2",
                                        profile.iso3, profile.edition)[0]
                             .as<int>();
    const auto id = t.exec_params1("INSERT INTO profile_revisions (iso3, edition, revision, author, note, source, "
                                   "stored_at, footer, words) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
                                   "RETURNING id",
                                   profile.iso3, profile.edition, revision, profile.author, profile.note,
                                   profile.source, profile.stored_at.empty() ? NowUtc() : profile.stored_at,
                                   profile.footer, ProfileWords(profile))[0]
                        .as<int64_t>();
    pqxx::stream_to parts(t, "profile_sections",
                          Columns{"revision_id", "position", "kind", "node_id", "heading", "line", "text"});
    int position = 0;
    for (const core::NarrativeSection& s : profile.sections) {
      parts << std::make_tuple(id, position++, std::string("section"), s.node_id, s.heading, s.line, s.text);
    }
    for (const core::UnplacedText& u : profile.unplaced) {
      parts << std::make_tuple(id, position++, std::string("unplaced"), std::string(), u.heading, u.line, u.text);
    }
    parts.complete();
    return revision;
  }

  static std::vector<JournalEntry> ReadEntries(const pqxx::result& rows) {
    std::vector<JournalEntry> entries;
    entries.reserve(rows.size());
    for (const pqxx::row& r : rows) {
      entries.push_back({r[0].as<int64_t>(), r[1].as<std::string>(), r[2].as<int>(), r[3].as<std::string>(),
                         r[4].as<std::string>(), r[5].as<std::string>(), r[6].as<std::string>(),
                         r[7].as<std::string>(), r[8].as<std::string>(), r[9].as<std::string>(),
                         r[10].as<std::string>()});
    }
    return entries;
  }

  // Under the write lock. Each entry's version must follow its stream's last one; a
  // restore keeps the entries' order numbers and moves the counter past them.
  Status WriteJournal(pqxx::work& t, const std::vector<JournalEntry>& entries, bool restoring) const {
    std::map<std::string, int> last;  // per stream, as written so far: one query per stream, not per entry
    for (const JournalEntry& e : entries) {
      auto [at, first] = last.try_emplace(e.stream, 0);
      if (first) {
        at->second =
            t.exec_params1("SELECT COALESCE(MAX(version), 0) FROM journal WHERE stream = $1", e.stream)[0].as<int>();
      }
      OCINDEX_RETURN_IF_ERROR(JournalGap(e, at->second, where_));
      at->second = e.version;
    }
    // One COPY for the lot: a group of round writes costs one round trip, not one per entry.
    Columns columns{"stream", "version", "at", "actor", "action", "target", "reason", "state_before", "state_after",
                    "payload"};
    if (restoring) columns.insert(columns.begin(), "seq");
    pqxx::stream_to rows(t, "journal", columns);
    for (const JournalEntry& e : entries) {
      const auto fields = std::make_tuple(e.stream, e.version, e.at, e.actor, e.action, e.target, e.reason, e.before,
                                          e.after, e.payload);
      if (restoring) {
        rows << std::tuple_cat(std::make_tuple(e.seq), fields);
      } else {
        rows << fields;
      }
    }
    rows.complete();
    if (restoring && !entries.empty()) {
      t.exec("SELECT setval(pg_get_serial_sequence('journal', 'seq'), (SELECT MAX(seq) FROM journal))");
    }
    return {};
  }

  // Under the write lock; returns the revisions written, in the order of `sets`.
  static std::vector<int> WriteExpertScores(pqxx::work& t, const std::vector<ExpertScoresToStore>& sets) {
    std::vector<int> revisions;
    const std::string now = NowUtc();
    for (const ExpertScoresToStore& set : sets) {
      revisions.push_back(
          t.exec_params1("SELECT COALESCE(MAX(revision), 0) + 1 FROM expert_revisions WHERE edition = $1",
                         set.edition)[0]
              .as<int>());
      const auto id = t.exec_params1("INSERT INTO expert_revisions (edition, revision, source, stored_at) "
                                     "VALUES ($1, $2, $3, $4) RETURNING id",
                                     set.edition, revisions.back(), set.source,
                                     set.stored_at.empty() ? now : set.stored_at)[0]
                          .as<int64_t>();
      pqxx::stream_to rows(t, "expert_scores",
                           Columns{"revision_id", "position", "iso3", "indicator", "expert", "score", "justification"});
      int position = 0;
      for (const core::ExpertScore& s : set.scores) {
        rows << std::make_tuple(id, position++, s.iso3, s.indicator, s.expert, s.score, s.justification);
      }
      rows.complete();
    }
    return revisions;
  }

  // Under the write lock; a kConflict leaves the transaction for the caller to roll back.
  static Status WriteEditions(pqxx::work& t, const std::vector<EditionToStore>& editions, bool replace) {
    const std::string stored_at = NowUtc();
    std::vector<std::string> conflicts;
    for (const EditionToStore& e : editions) {
      const int current = t.exec_params1("SELECT COALESCE(MAX(revision), 0) FROM edition_revisions WHERE edition = $1",
                                         e.framework.edition)[0]
                              .as<int>();
      if (current > 0 && !replace) {
        conflicts.push_back(AlreadyStored(e.framework.edition, current));
        continue;
      }
      WriteRevision(t, e, current + 1, e.stored_at.empty() ? stored_at : e.stored_at);
    }
    if (conflicts.empty()) return {};
    return EditionsConflict(conflicts);
  }

  static void WriteRevision(pqxx::work& t, const EditionToStore& e, int revision, const std::string& stored_at) {
    const core::Dataset& ds = e.dataset;
    const auto id = t.exec_params1("INSERT INTO edition_revisions (edition, revision, name, framework_toml, source, "
                                   "stored_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                                   e.framework.edition, revision, e.framework.name, e.framework_toml, e.source,
                                   stored_at)[0]
                        .as<int64_t>();
    {
      pqxx::stream_to columns(t, "revision_columns", Columns{"revision_id", "kind", "position", "id"});
      for (int i = 0; i < ds.indicator_count(); ++i) {
        columns << std::make_tuple(id, std::string("indicator"), i, ds.indicator_ids[i]);
      }
      for (int n = 0; n < ds.node_count(); ++n) columns << std::make_tuple(id, std::string("node"), n, ds.node_ids[n]);
      columns.complete();
    }
    {
      pqxx::stream_to countries(t, "revision_countries",
                                Columns{"revision_id", "position", "iso3", "name", "continent", "region"});
      for (int c = 0; c < ds.country_count(); ++c) {
        const core::CountryEntry& entry = ds.countries[c];
        countries << std::make_tuple(id, c, entry.iso3, entry.name, entry.continent, entry.region);
      }
      countries.complete();
    }
    WriteValues(t, "scores", "indicator_id", id, ds.countries, ds.indicator_ids,
                [&](int c, int i) -> const auto& { return ds.score(c, i); });
    WriteValues(t, "published", "node_id", id, ds.countries, ds.node_ids,
                [&](int c, int n) -> const auto& { return ds.published_value(c, n); });
  }

  // One row per assessed value of `table` (scores or published); not assessed is no
  // row at all. ValidateEdition has checked that every value has exact text.
  template <typename Value>
  static void WriteValues(pqxx::work& t, const std::string& table, const std::string& column, int64_t id,
                          const std::vector<core::CountryEntry>& countries, const std::vector<std::string>& ids,
                          Value value) {
    pqxx::stream_to rows(t, table, Columns{"revision_id", "iso3", column, "value"});
    for (size_t c = 0; c < countries.size(); ++c) {
      for (size_t i = 0; i < ids.size(); ++i) {
        if (const auto& v = value(static_cast<int>(c), static_cast<int>(i))) {
          rows << std::make_tuple(id, countries[c].iso3, ids[i], *ExactText(*v));
        }
      }
    }
    rows.complete();
  }

  // The country list, read in transaction `t`.
  Result<core::Geography> ReadGeography(pqxx::transaction_base& t) const {
    std::vector<core::Country> countries;
    std::unordered_map<std::string, size_t> by_iso3;
    for (const pqxx::row& row : t.exec("SELECT iso3, name FROM countries ORDER BY position")) {
      by_iso3[row[0].as<std::string>()] = countries.size();
      countries.push_back({row[0].as<std::string>(), row[1].as<std::string>(), {}});
    }
    for (const pqxx::row& row : t.exec("SELECT iso3, alias FROM country_aliases ORDER BY iso3, position")) {
      auto it = by_iso3.find(row[0].as<std::string>());
      if (it == by_iso3.end()) {
        return MakeError(ErrorCode::kCorrupt, "an alias names unknown country " + row[0].as<std::string>(), where_);
      }
      countries[it->second].aliases.push_back(row[1].as<std::string>());
    }
    auto geography = core::Geography::Build(std::move(countries));
    if (!geography) {
      return MakeError(ErrorCode::kCorrupt, "the stored country list is inconsistent: " + geography.error().ToString(),
                       where_);
    }
    return geography;
  }

  static void WriteGeography(pqxx::work& t, const core::Geography& geography) {
    t.exec("DELETE FROM country_aliases");
    t.exec("DELETE FROM countries");
    {
      pqxx::stream_to countries(t, "countries", Columns{"iso3", "name", "position"});
      int position = 0;
      for (const core::Country& c : geography.countries()) countries << std::make_tuple(c.iso3, c.name, position++);
      countries.complete();
    }
    pqxx::stream_to aliases(t, "country_aliases", Columns{"iso3", "position", "alias"});
    for (const core::Country& c : geography.countries()) {
      int position = 0;
      for (const std::string& a : c.aliases) aliases << std::make_tuple(c.iso3, position++, a);
    }
    aliases.complete();
  }

  static Result<core::Dataset> ReadDataset(pqxx::transaction_base& t, int64_t id, const std::string& edition,
                                           const std::string& where) {
    StoredDataset out(edition, where);
    for (const pqxx::row& row : t.exec_params("SELECT kind, position, id FROM revision_columns "
                                              "WHERE revision_id = $1 ORDER BY kind, position",
                                              id)) {
      OCINDEX_RETURN_IF_ERROR(out.AddColumn(row[0].as<std::string>(), row[1].as<int64_t>(), row[2].as<std::string>()));
    }
    for (const pqxx::row& row : t.exec_params("SELECT position, iso3, name, continent, region FROM "
                                              "revision_countries WHERE revision_id = $1 ORDER BY position",
                                              id)) {
      OCINDEX_RETURN_IF_ERROR(out.AddCountry(row[0].as<int64_t>(), {row[1].as<std::string>(), row[2].as<std::string>(),
                                                                    row[3].as<std::string>(), row[4].as<std::string>()}));
    }
    auto text = [](const pqxx::field& field) {
      return field.is_null() ? std::nullopt : std::optional<std::string>(field.as<std::string>());
    };
    for (const pqxx::row& row : t.exec_params("SELECT iso3, indicator_id, value FROM scores WHERE revision_id = $1", id)) {
      OCINDEX_RETURN_IF_ERROR(out.AddScore(row[0].as<std::string>(), row[1].as<std::string>(), text(row[2])));
    }
    for (const pqxx::row& row : t.exec_params("SELECT iso3, node_id, value FROM published WHERE revision_id = $1", id)) {
      OCINDEX_RETURN_IF_ERROR(out.AddPublished(row[0].as<std::string>(), row[1].as<std::string>(), text(row[2])));
    }
    return std::move(out).Finish();
  }

  // `filter` is the WHERE/ORDER BY tail; `edition` binds its one parameter, if any.
  static std::vector<EditionInfo> QueryInfos(pqxx::transaction_base& t, const std::string& filter,
                                             const std::optional<std::string>& edition) {
    const std::string sql =
        "SELECT r.edition, r.name, r.revision, "
        "(SELECT COUNT(*) FROM revision_countries c WHERE c.revision_id = r.id), r.source, r.stored_at "
        "FROM edition_revisions r " +
        filter;
    std::vector<EditionInfo> infos;
    for (const pqxx::row& row : edition ? t.exec_params(sql, *edition) : t.exec(sql)) {
      infos.push_back({row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<int>(), row[3].as<int>(),
                       row[4].as<std::string>(), row[5].as<std::string>()});
    }
    return infos;
  }

  // Profile revision infos with their row ids, by `filter` (the WHERE/ORDER BY tail)
  // with its parameters $1, $2, ... bound to `parameters`.
  template <typename... Parameters>
  static std::vector<std::pair<ProfileRevisionInfo, int64_t>> QueryProfiles(pqxx::transaction_base& t,
                                                                            const std::string& filter,
                                                                            const Parameters&... parameters) {
    std::vector<std::pair<ProfileRevisionInfo, int64_t>> infos;
    for (const pqxx::row& row :
         t.exec_params("SELECT r.id, r.iso3, r.edition, r.revision, r.author, r.note, r.source, r.stored_at, "
                       "(SELECT COUNT(*) FROM profile_sections s WHERE s.revision_id = r.id AND s.kind = 'section'), "
                       "r.words FROM profile_revisions r " +
                           filter,
                       parameters...)) {
      infos.push_back({{row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<int>(),
                        row[4].as<std::string>(), row[5].as<std::string>(), row[6].as<std::string>(),
                        row[7].as<std::string>(), row[8].as<int>(), row[9].as<int>()},
                       row[0].as<int64_t>()});
    }
    return infos;
  }

  // Expert revisions of `edition` ("" for any) at `revision` (0 for any), in `order`,
  // each with its row id and its counts of scores and experts.
  static std::vector<std::pair<ExpertScoresInfo, int64_t>> QueryExpertRevisions(pqxx::transaction_base& t,
                                                                                const std::string& edition,
                                                                                int revision,
                                                                                const std::string& order) {
    std::vector<std::pair<ExpertScoresInfo, int64_t>> out;
    for (const pqxx::row& row :
         t.exec_params("SELECT r.edition, r.revision, r.source, r.stored_at, r.id, "
                       "(SELECT COUNT(*) FROM expert_scores s WHERE s.revision_id = r.id), "
                       "(SELECT COUNT(DISTINCT expert) FROM expert_scores s WHERE s.revision_id = r.id) "
                       "FROM expert_revisions r WHERE ($1 = '' OR r.edition = $1) AND ($2 = 0 OR r.revision = $2) " +
                           order,
                       edition, revision)) {
      out.push_back({ExpertScoresInfo{row[0].as<std::string>(), row[1].as<int>(), row[2].as<std::string>(),
                                      row[3].as<std::string>(), row[5].as<int>(), row[6].as<int>()},
                     row[4].as<int64_t>()});
    }
    return out;
  }

  std::string DescribeStored(pqxx::transaction_base& t) {
    std::map<std::string, std::vector<std::string>> revisions;
    for (const pqxx::row& row : t.exec("SELECT edition, revision FROM edition_revisions ORDER BY edition, revision")) {
      revisions[row[0].as<std::string>()].push_back(row[1].as<std::string>());
    }
    return store_validation::DescribeStored(revisions);
  }

  postgres::Pool pool_;
  const std::string where_;  // DescribePostgres of the connection: every Error's location
};

}  // namespace

int PostgresSchemaVersion() { return kSchemaVersion; }

Result<int> ReadPostgresSchemaVersion(const std::string& connection) {
  auto where = DescribePostgres(connection);
  if (!where) return where.error();
  return Guarded(*where, [&]() -> Result<int> {
    pqxx::connection c(connection);
    ReadTransaction t(c);
    auto version = OwnVersion(t, *where);
    if (!version) return version.error();
    return version->value_or(0);
  });
}

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& connection) {
  auto where = DescribePostgres(connection);
  if (!where) return where.error();
  return Guarded(*where, [&]() -> Result<std::unique_ptr<Store>> {
    auto first = std::make_unique<pqxx::connection>(connection);
    OCINDEX_RETURN_IF_ERROR(Migrate(*first, *where));
    return std::unique_ptr<Store>(std::make_unique<PostgresStore>(connection, std::move(first), *where));
  });
}

}  // namespace ocindex::adapters
