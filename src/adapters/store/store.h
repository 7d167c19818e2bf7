// Where editions and the country list live between runs. The CLI and server talk to
// this interface only, so a PostgreSQL backend can sit beside SQLite without touching
// the core or the faces.
#pragma once

#include <memory>
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

// Everything a store holds, every revision of it, oldest first: what `ocindex db copy`
// moves from one store to another. Replayed in this order into an empty store, each
// revision gets back its number (revisions run 1..N with no gap).
struct StoreHistory {
  core::Geography geography;
  std::vector<EditionToStore> editions;            // by edition, then revision
  std::vector<ProfileToStore> profiles;            // by edition, country, then revision
  std::vector<ExpertScoresToStore> expert_scores;  // by edition, then revision
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
  // keeps the old ones.
  virtual Status SaveEditions(const std::vector<EditionToStore>& editions, bool replace) = 0;

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

  // Expert-level scores. Saving adds one revision per edition, all in one transaction
  // (every set is written or none), and returns the revisions in the order given.
  virtual Result<std::vector<int>> SaveExpertScores(const std::vector<ExpertScoresToStore>& sets) = 0;
  // The current revision (revision 0) or a given one. kNotFound if absent.
  virtual Result<StoredExpertScores> LoadExpertScores(const std::string& edition, int revision = 0) = 0;
  // Every revision of every edition's expert scores, by edition then revision.
  virtual Result<std::vector<ExpertScoresInfo>> ListExpertScores() = 0;

  // Writes a whole history into an empty store in one transaction: all of it or, on any
  // error, nothing. kConflict if the store is not empty.
  virtual Status Restore(const StoreHistory& history) = 0;
};

}  // namespace ocindex::adapters
