// Where editions and the country list live between runs. The CLI and server talk to
// this interface only, so a PostgreSQL backend can sit beside SQLite without touching
// the core or the faces.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/model/dataset.h"
#include "core/model/framework.h"
#include "core/model/geography.h"
#include "core/profile/narrative.h"
#include "core/reliability/expert_scores.h"

namespace ocindex::adapters {

// An edition to store: its framework (as parsed, and the TOML text it came from, kept
// verbatim so it can be re-read and shown) and its data, with where the data came from.
struct EditionToStore {
  core::Framework framework;
  std::string framework_toml;
  core::Dataset dataset;
  std::string source;  // e.g. "bundled data/editions/goci-2021.csv" or the imported file path
  std::string stored_at;  // empty: now. Set only by a restore, which keeps history as it was
};

struct EditionInfo {
  std::string edition;
  std::string name;      // framework name
  int revision = 0;      // 1 for the first import; each --replace adds one, older ones are kept
  int countries = 0;
  std::string source;
  std::string stored_at;  // UTC, ISO 8601
};

struct StoredEdition {
  EditionInfo info;
  std::string framework_toml;
  core::Dataset dataset;  // shaped for the framework parsed from framework_toml
};

// One country's narrative for one edition, as imported.
struct ProfileToStore {
  std::string iso3;
  std::string edition;
  std::vector<core::NarrativeSection> sections;  // in framework order
  std::vector<core::UnplacedText> unplaced;      // kept so nothing imported is lost
  std::string footer;
  std::string source;  // the imported file
  std::string author;  // who imported it
  std::string note;    // why (free text; may be empty)
  std::string stored_at;  // empty: now. Set only by a restore, which keeps history as it was
};

struct ProfileRevisionInfo {
  std::string iso3;
  std::string edition;
  int revision = 0;  // 1 for the first import; every import adds one, older ones are kept
  std::string author;
  std::string note;
  std::string source;
  std::string stored_at;  // UTC, ISO 8601
  int sections = 0;
  int words = 0;  // whitespace-separated words of headings, texts, unplaced text and footer
};

struct StoredProfile {
  ProfileRevisionInfo info;
  std::vector<core::NarrativeSection> sections;
  std::vector<core::UnplacedText> unplaced;
  std::string footer;
};

// One edition's expert-level scores (docs/EXPERT_DATA.md), as imported from one file.
struct ExpertScoresToStore {
  std::string edition;
  std::vector<core::ExpertScore> scores;  // every one of this edition
  std::string source;                     // the imported file
  std::string stored_at;                  // empty: now. Set only by a restore
};

struct ExpertScoresInfo {
  std::string edition;
  int revision = 0;  // 1 for the first import; every import adds one, older ones are kept
  std::string source;
  std::string stored_at;  // UTC, ISO 8601
  int scores = 0;
  int experts = 0;
};

struct StoredExpertScores {
  ExpertScoresInfo info;
  std::vector<core::ExpertScore> scores;  // in the order imported
};

// One entry of the journal: the append-only record of assessment rounds and accounts,
// which is also their audit trail (who, when, what, before, after, why). A stream
// ("round/R2027", "accounts") numbers its entries 1, 2, ...; an entry is written once
// and never changed, and replaying a stream rebuilds what it records.
struct JournalEntry {
  int64_t seq = 0;       // the store's order across streams; set by the store
  std::string stream;
  int version = 0;       // 1, 2, ... within the stream
  std::string at;        // UTC, ISO 8601 with milliseconds, from the application's clock
  std::string actor;     // the user id who wrote it
  std::string action;    // "cell.submit", "user.add", ...
  std::string target;    // what it acted on: "KAZ/heroin_trade", a user id, ...
  std::string reason;    // why, when one was given
  std::string before;    // JSON: the target as it was
  std::string after;     // JSON: the target as it became
  std::string payload;   // JSON: what replaying the stream needs
};

// Everything a store holds, every revision of it, oldest first: what `ocindex db copy`
// moves from one store to another. Replayed in this order into an empty store, each
// revision gets back its number (revisions run 1..N with no gap).
struct StoreHistory {
  core::Geography geography;
  std::vector<EditionToStore> editions;            // by edition, then revision
  std::vector<ProfileToStore> profiles;            // by edition, country, then revision
  std::vector<ExpertScoresToStore> expert_scores;  // by edition, then revision
  std::vector<JournalEntry> journal;               // in the store's order
};

// Which entries to read, all conditions together; empty fields match everything.
struct JournalFilter {
  std::string stream_prefix;  // "round/" for every round
  std::string actor;
  std::string action_prefix;  // "cell." for every cell write
  std::string since;          // at >= since (ISO 8601 compares as text)
  std::string until;          // at < until
  int64_t after_seq = 0;
  size_t limit = 0;           // 0: no limit
};

// A published round written in one transaction: the edition (a new revision when it is
// already stored), its narratives, its expert scores, and the journal entry that marks
// the round published. All of it is written or none.
struct PublicationToStore {
  EditionToStore edition;
  std::vector<ProfileToStore> profiles;
  ExpertScoresToStore expert_scores;  // none stored when it holds no score
  JournalEntry entry;
};

class Store {
 public:
  virtual ~Store() = default;

  // Current revision of every edition, ordered by edition.
  virtual Result<std::vector<EditionInfo>> ListEditions() = 0;
  // Every revision of one edition, oldest first.
  virtual Result<std::vector<EditionInfo>> ListRevisions(const std::string& edition) = 0;
  // The current revision (revision 0) or a given one. kNotFound if absent.
  virtual Result<StoredEdition> LoadEdition(const std::string& edition, int revision = 0) = 0;
  // The framework text of an edition's current revision, without its data: enough to
  // map a new file onto the edition. kNotFound if absent.
  virtual Result<std::string> LoadFrameworkToml(const std::string& edition) = 0;
  // Stores all editions in one transaction: all are written or none. An edition that
  // is already stored is a kConflict unless `replace`, which adds a new revision and
  // keeps the old ones. With `units` (an import's unit list), they are added to the
  // stored country list in the same transaction (core::Geography::With, on the list as
  // stored under the write lock, so that a concurrent import's units are kept).
  virtual Status SaveEditions(const std::vector<EditionToStore>& editions, bool replace,
                              const core::Geography* units = nullptr) = 0;

  virtual Result<core::Geography> LoadGeography() = 0;
  // Replaces the country list (one transaction).
  virtual Status SaveGeography(const core::Geography& geography) = 0;
  // True when the store holds no edition and no country yet (a new database).
  virtual Result<bool> IsEmpty() = 0;
  // On a new database (no edition, no country), stores the countries and editions in
  // one transaction and returns true; otherwise changes nothing and returns false.
  // Atomic across processes: of two opening a new database at once, one fills it.
  virtual Result<bool> FillIfEmpty(const core::Geography& geography, const std::vector<EditionToStore>& editions) = 0;

  // Narratives. Saving always adds a revision (1 for the first) in one transaction and
  // returns its number; nothing earlier is changed.
  virtual Result<int> SaveProfile(const ProfileToStore& profile) = 0;
  // The current revision (revision 0) or a given one. kNotFound if absent.
  virtual Result<StoredProfile> LoadProfile(const std::string& iso3, const std::string& edition,
                                            int revision = 0) = 0;
  // Every revision of one country's narrative, oldest first; kNotFound if none.
  virtual Result<std::vector<ProfileRevisionInfo>> ListProfileRevisions(const std::string& iso3,
                                                                        const std::string& edition) = 0;
  // The current revision of every narrative of an edition, by ISO3.
  virtual Result<std::vector<ProfileRevisionInfo>> ListProfiles(const std::string& edition) = 0;

  // Extraction results kept beside the narrative revision they were read from: derived
  // data (never copied, never in a history), replaced when `extractor` (a fingerprint
  // of the rules and lexicon that read them) changes. Loading gives nothing for
  // another fingerprint or an absent revision; saving for an absent revision is
  // kNotFound.
  virtual Result<std::optional<std::string>> LoadExtraction(const std::string& iso3, const std::string& edition,
                                                            int revision, const std::string& extractor) = 0;
  virtual Status SaveExtraction(const std::string& iso3, const std::string& edition, int revision,
                                const std::string& extractor, const std::string& statements) = 0;

  // Expert-level scores. Saving adds one revision per edition, all in one transaction
  // (every set is written or none), and returns the revisions in the order given.
  virtual Result<std::vector<int>> SaveExpertScores(const std::vector<ExpertScoresToStore>& sets) = 0;
  // The current revision (revision 0) or a given one. kNotFound if absent.
  virtual Result<StoredExpertScores> LoadExpertScores(const std::string& edition, int revision = 0) = 0;
  // Every revision of every edition's expert scores, by edition then revision.
  virtual Result<std::vector<ExpertScoresInfo>> ListExpertScores() = 0;

  // Journal. Appends the entries in one transaction, all or none: kConflict when
  // another writer has taken one of their (stream, version) numbers, kInvalidInput when
  // a version does not follow its stream's last one.
  virtual Status AppendJournal(const std::vector<JournalEntry>& entries) = 0;
  // A stream's entries with version > `after_version`, oldest first.
  virtual Result<std::vector<JournalEntry>> ReadStream(const std::string& stream, int after_version) = 0;
  // Entries of every stream in the store's order, filtered.
  virtual Result<std::vector<JournalEntry>> ReadJournal(const JournalFilter& filter) = 0;
  // Validated as SaveEditions, SaveProfile and SaveExpertScores; the entry as AppendJournal.
  virtual Status SavePublication(const PublicationToStore& publication) = 0;

  // Writes a whole history into an empty store in one transaction: all of it or, on any
  // error, nothing. kConflict if the store is not empty.
  virtual Status Restore(const StoreHistory& history) = 0;
};

}  // namespace ocindex::adapters
