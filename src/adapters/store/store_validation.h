// What every Store backend checks and formats the same way: edition, profile and
// expert-score validation before anything is written, the exact decimal text values
// are stored as, and the messages that describe stored data.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "adapters/store/store.h"
#include "core/error.h"
#include "core/model/dataset.h"
#include "core/model/rational.h"

namespace ocindex::adapters::store_validation {

// The current time, UTC, ISO 8601 ("2024-05-01T12:00:00Z"): every stored_at.
std::string NowUtc();

// The text stored for a value, or nullopt if the text would not give the value back.
std::optional<std::string> ExactText(const core::Rational& value);
// The value of stored text. Only the form ExactText writes is accepted: anything else
// was not written by ocindex and might not be the value that was meant.
std::optional<core::Rational> ParseStored(const std::string& text);

std::string Join(const std::vector<std::string>& parts, std::string_view separator);

// kInvalidInput for an empty id or one that appears twice.
Status CheckUnique(const std::vector<std::string>& ids, const char* what, const std::string& where);
// Everything that can be checked without the database, so that a bad edition is
// reported before anything is written.
Status ValidateEdition(const EditionToStore& e);
// Each edition, and no edition twice in one batch.
Status ValidateEditions(const std::vector<EditionToStore>& editions);
Status ValidateProfile(const ProfileToStore& profile);
Status ValidateExpertScores(const std::vector<ExpertScoresToStore>& sets);
// The journal's columns in JournalEntry's order: both backends read entries with it.
inline constexpr const char* kJournalColumns =
    "SELECT seq, stream, version, at, actor, action, target, reason, state_before, state_after, payload FROM journal";

// Journal entries name a stream, an action and a time.
Status ValidateJournal(const std::vector<JournalEntry>& entries);
// kConflict when `entry`'s version is taken (another writer was first), kInvalidInput
// when it would leave a gap after the stream's `current` version.
Status JournalGap(const JournalEntry& entry, int current, const std::string& where);
// The edition, profiles, expert scores and entry of a publication.
Status ValidatePublication(const PublicationToStore& publication);
// Every revision of a history on its own (it holds one edition many times).
Status ValidateHistory(const StoreHistory& history);
// The kConflict of a restore into a store that already holds data.
Error RestoreIntoNonEmpty(const std::string& where);

// The word count stored with a profile revision.
int ProfileWords(const ProfileToStore& profile);

// "edition 2021 is already stored (revision 1)", one of an EditionsConflict's parts.
std::string AlreadyStored(const std::string& edition, int current_revision);
// The kConflict for editions already stored when saving without replace.
Error EditionsConflict(const std::vector<std::string>& conflicts);
// kNotFound for a missing edition or revision (0: any), naming what is stored.
Error EditionNotFound(const std::string& edition, int revision, const std::string& described_stored);
// kNotFound for a missing narrative or expert-score set (revision 0: the current one).
Error ProfileNotFound(const std::string& iso3, const std::string& edition, int revision);
Error ExpertScoresNotFound(const std::string& edition, int revision);
// "stored editions: 2021 (revisions 1, 2), 2023 (revision 1)", for kNotFound messages,
// from each stored edition's revisions in order.
std::string DescribeStored(const std::map<std::string, std::vector<std::string>>& revisions);

// kUnsupported: the database's schema `version` is newer than the `known` one.
Error NewerSchema(int version, int known, const std::string& where);

// A stored edition's rows back into a Dataset, checking what a damaged database could
// get wrong (kCorrupt, at `where`). Columns and countries come first, in position order
// ("indicator" columns, then "node" columns, as ORDER BY kind, position gives them);
// then values in any order.
class StoredDataset {
 public:
  StoredDataset(const std::string& edition, std::string where);
  Status AddColumn(const std::string& kind, int64_t position, std::string id);
  Status AddCountry(int64_t position, core::CountryEntry country);
  // `text` is nullopt for a NULL value (not assessed, like a missing row).
  Status AddScore(const std::string& iso3, const std::string& indicator, const std::optional<std::string>& text);
  Status AddPublished(const std::string& iso3, const std::string& node, const std::optional<std::string>& text);
  core::Dataset Finish() &&;

 private:
  // Sizes the value tables and indexes the columns, once, before the first value.
  void ShapeValues();
  Status AddValue(const std::unordered_map<std::string, int>& columns, const std::string& iso3,
                  const std::string& column, const std::optional<std::string>& text, bool score);

  core::Dataset dataset_;
  std::string where_;
  bool shaped_ = false;
  std::unordered_map<std::string, int> countries_, indicators_, nodes_;
};

}  // namespace ocindex::adapters::store_validation
