#include "adapters/store/store_validation.h"

#include <chrono>
#include <ctime>
#include <set>

#include "core/model/dataset.h"
#include "core/model/framework.h"
#include "core/model/framework_values.h"
#include "core/profile/narrative.h"

namespace ocindex::adapters::store_validation {
namespace {

// Values are stored as exact decimals; FormatRational never writes more places.
constexpr int kValueDecimals = 12;

// " at revision 7", or nothing for the current revision.
std::string AtRevision(int revision) {
  return revision == 0 ? std::string() : " at revision " + std::to_string(revision);
}

}  // namespace

std::string NowUtc() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::optional<std::string> ExactText(const core::Rational& value) {
  std::string text = core::FormatRational(value);
  auto back = core::Rational::ParseDecimal(text, kValueDecimals);
  if (!back || *back != value) return std::nullopt;
  return text;
}

std::optional<core::Rational> ParseStored(const std::string& text) {
  auto value = core::Rational::ParseDecimal(text, kValueDecimals);
  if (!value || core::FormatRational(*value) != text) return std::nullopt;
  return value;
}

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

Status CheckUnique(const std::vector<std::string>& ids, const char* what, const std::string& where) {
  std::set<std::string_view> seen;
  for (const std::string& id : ids) {
    if (id.empty()) return MakeError(ErrorCode::kInvalidInput, std::string("an empty ") + what, where);
    if (!seen.insert(id).second) {
      return MakeError(ErrorCode::kInvalidInput, std::string(what) + " '" + id + "' appears twice", where);
    }
  }
  return {};
}

Status ValidateEdition(const EditionToStore& e) {
  const core::Framework& fw = e.framework;
  const core::Dataset& ds = e.dataset;
  if (fw.edition.empty()) return MakeError(ErrorCode::kInvalidInput, "the framework names no edition");
  OCINDEX_RETURN_IF_ERROR(core::CheckFrameworkValues(fw));
  const std::string where = "edition " + fw.edition;
  if (!ds.edition.empty() && ds.edition != fw.edition) {
    return MakeError(ErrorCode::kInvalidInput,
                     "the data is for edition " + ds.edition + " but the framework is for " + fw.edition,
                     where);
  }
  std::vector<std::string> indicator_ids;
  for (const core::Indicator& indicator : fw.indicators) indicator_ids.push_back(indicator.id);
  std::vector<std::string> node_ids;
  for (const core::Node& node : fw.nodes) node_ids.push_back(node.id);
  if (ds.indicator_ids != indicator_ids) {
    return MakeError(ErrorCode::kInvalidInput,
                     "the data's indicators (" + Join(ds.indicator_ids, ", ") +
                         ") are not the framework's (" + Join(indicator_ids, ", ") + ")",
                     where);
  }
  if (ds.node_ids != node_ids) {
    return MakeError(ErrorCode::kInvalidInput,
                     "the data's composites (" + Join(ds.node_ids, ", ") + ") are not the framework's (" +
                         Join(node_ids, ", ") + ")",
                     where);
  }
  if (Status s = CheckUnique(indicator_ids, "indicator id", where); !s) return s;
  if (Status s = CheckUnique(node_ids, "node id", where); !s) return s;
  if (!ds.Fits(fw)) {
    return MakeError(ErrorCode::kInvalidInput,
                     "the data's tables do not match its country and column counts", where);
  }
  std::vector<std::string> iso3s;
  for (const core::CountryEntry& country : ds.countries) iso3s.push_back(country.iso3);
  if (Status s = CheckUnique(iso3s, "country", where); !s) return s;
  for (int c = 0; c < ds.country_count(); ++c) {
    for (int i = 0; i < ds.indicator_count(); ++i) {
      const auto& v = ds.score(c, i);
      if (v && !ExactText(*v)) {
        return MakeError(ErrorCode::kInvalidInput,
                         "score " + core::FormatRational(*v) + " has no exact decimal form",
                         where + ", country " + ds.countries[c].iso3 + ", indicator " + ds.indicator_ids[i]);
      }
    }
    for (int n = 0; n < ds.node_count(); ++n) {
      const auto& v = ds.published_value(c, n);
      if (v && !ExactText(*v)) {
        return MakeError(ErrorCode::kInvalidInput,
                         "published value " + core::FormatRational(*v) + " has no exact decimal form",
                         where + ", country " + ds.countries[c].iso3 + ", " + ds.node_ids[n]);
      }
    }
  }
  return {};
}

Status ValidateEditions(const std::vector<EditionToStore>& editions) {
  std::set<std::string_view> seen;
  for (const EditionToStore& e : editions) {
    if (Status s = ValidateEdition(e); !s) return s;
    if (!seen.insert(e.framework.edition).second) {
      return MakeError(ErrorCode::kInvalidInput, "edition " + e.framework.edition + " is given twice");
    }
  }
  return {};
}

Status ValidateProfile(const ProfileToStore& profile) {
  if (profile.iso3.empty() || profile.edition.empty()) {
    return MakeError(ErrorCode::kInvalidInput, "a profile needs a country and an edition");
  }
  return core::CheckEditionId(profile.edition);
}

Status ValidateExpertScores(const std::vector<ExpertScoresToStore>& sets) {
  for (const ExpertScoresToStore& set : sets) {
    if (set.edition.empty() || set.scores.empty()) {
      return MakeError(ErrorCode::kInvalidInput, "expert scores need an edition and at least one score");
    }
    OCINDEX_RETURN_IF_ERROR(core::CheckEditionId(set.edition));
    for (const core::ExpertScore& score : set.scores) {
      if (score.edition != set.edition) {
        return MakeError(ErrorCode::kInvalidInput,
                         "a score of edition " + score.edition + " in the set of edition " + set.edition);
      }
    }
  }
  return {};
}

Status ValidateJournal(const std::vector<JournalEntry>& entries) {
  for (const JournalEntry& e : entries) {
    if (e.stream.empty() || e.action.empty() || e.at.empty()) {
      return MakeError(ErrorCode::kInvalidInput, "a journal entry needs a stream, an action and a time");
    }
  }
  return {};
}

Status JournalGap(const JournalEntry& entry, int current, const std::string& where) {
  if (entry.version == current + 1) return {};
  const std::string what = "journal " + entry.stream + " is at version " + std::to_string(current) +
                           "; an entry numbered " + std::to_string(entry.version) + " ";
  if (entry.version <= current) return MakeError(ErrorCode::kConflict, what + "was written by someone else", where);
  return MakeError(ErrorCode::kInvalidInput, what + "would leave a gap", where);
}

Status ValidatePublication(const PublicationToStore& publication) {
  OCINDEX_RETURN_IF_ERROR(ValidateEdition(publication.edition));
  for (const ProfileToStore& p : publication.profiles) OCINDEX_RETURN_IF_ERROR(ValidateProfile(p));
  if (!publication.expert_scores.scores.empty()) {
    OCINDEX_RETURN_IF_ERROR(ValidateExpertScores({publication.expert_scores}));
  }
  return ValidateJournal({publication.entry});
}

Status ValidateHistory(const StoreHistory& history) {
  for (const EditionToStore& e : history.editions) OCINDEX_RETURN_IF_ERROR(ValidateEdition(e));
  for (const ProfileToStore& p : history.profiles) OCINDEX_RETURN_IF_ERROR(ValidateProfile(p));
  OCINDEX_RETURN_IF_ERROR(ValidateExpertScores(history.expert_scores));
  return ValidateJournal(history.journal);
}

Error RestoreIntoNonEmpty(const std::string& where) {
  return MakeError(ErrorCode::kConflict, "the store already holds data; a copy is written only into a new store",
                   where);
}

int ProfileWords(const ProfileToStore& profile) {
  core::Narrative words_of;
  words_of.sections = profile.sections;
  words_of.unplaced = profile.unplaced;
  words_of.footer = profile.footer;
  return static_cast<int>(core::NarrativeWords(words_of).size());
}

std::string AlreadyStored(const std::string& edition, int current_revision) {
  return "edition " + edition + " is already stored (revision " + std::to_string(current_revision) + ")";
}

Error EditionsConflict(const std::vector<std::string>& conflicts) {
  return MakeError(ErrorCode::kConflict, Join(conflicts, "; ") +
                                             "; nothing was stored. Pass --replace to store a new revision "
                                             "(older revisions are kept)");
}

Error EditionNotFound(const std::string& edition, int revision, const std::string& described_stored) {
  std::string what = revision == 0 ? "edition " + edition + " is not stored"
                                   : "edition " + edition + " has no revision " + std::to_string(revision);
  return MakeError(ErrorCode::kNotFound, what + "; " + described_stored);
}

Error ProfileNotFound(const std::string& iso3, const std::string& edition, int revision) {
  return MakeError(ErrorCode::kNotFound, "no narrative for " + iso3 + " in edition " + edition +
                                             AtRevision(revision) + "; import one with 'ocindex profile import'");
}

Error ExpertScoresNotFound(const std::string& edition, int revision) {
  return MakeError(ErrorCode::kNotFound, "no expert scores stored for edition " + edition + AtRevision(revision) +
                                             "; import some with 'ocindex reliability import FILE' or name a file");
}

std::string DescribeStored(const std::map<std::string, std::vector<std::string>>& revisions) {
  if (revisions.empty()) return "the database holds no editions yet";
  std::vector<std::string> parts;
  for (const auto& [edition, list] : revisions) {
    parts.push_back(edition + (list.size() == 1 ? " (revision " : " (revisions ") + Join(list, ", ") + ")");
  }
  return "stored editions: " + Join(parts, ", ");
}

Error NewerSchema(int version, int known, const std::string& where) {
  return MakeError(ErrorCode::kUnsupported,
                   "database schema version " + std::to_string(version) + " is newer than this ocindex (" +
                       std::to_string(known) + "); upgrade ocindex",
                   where);
}

StoredDataset::StoredDataset(const std::string& edition, std::string where) : where_(std::move(where)) {
  dataset_.edition = edition;
}

Status StoredDataset::AddColumn(const std::string& kind, int64_t position, std::string id) {
  std::vector<std::string>& ids = kind == "indicator" ? dataset_.indicator_ids : dataset_.node_ids;
  if (position != static_cast<int64_t>(ids.size())) {
    return MakeError(ErrorCode::kCorrupt, "the " + kind + " columns have a gap", where_);
  }
  ids.push_back(std::move(id));
  return {};
}

Status StoredDataset::AddCountry(int64_t position, core::CountryEntry country) {
  if (position != static_cast<int64_t>(dataset_.countries.size())) {
    return MakeError(ErrorCode::kCorrupt, "the country list has a gap", where_);
  }
  countries_[country.iso3] = dataset_.country_count();
  dataset_.countries.push_back(std::move(country));
  return {};
}

void StoredDataset::ShapeValues() {
  if (shaped_) return;
  shaped_ = true;
  dataset_.scores.assign(dataset_.countries.size() * dataset_.indicator_ids.size(), std::nullopt);
  dataset_.published.assign(dataset_.countries.size() * dataset_.node_ids.size(), std::nullopt);
  for (size_t i = 0; i < dataset_.indicator_ids.size(); ++i) indicators_[dataset_.indicator_ids[i]] = static_cast<int>(i);
  for (size_t n = 0; n < dataset_.node_ids.size(); ++n) nodes_[dataset_.node_ids[n]] = static_cast<int>(n);
}

Status StoredDataset::AddScore(const std::string& iso3, const std::string& indicator,
                               const std::optional<std::string>& text) {
  ShapeValues();
  return AddValue(indicators_, iso3, indicator, text, /*score=*/true);
}

Status StoredDataset::AddPublished(const std::string& iso3, const std::string& node,
                                   const std::optional<std::string>& text) {
  ShapeValues();
  return AddValue(nodes_, iso3, node, text, /*score=*/false);
}

Status StoredDataset::AddValue(const std::unordered_map<std::string, int>& columns, const std::string& iso3,
                               const std::string& column, const std::optional<std::string>& text, bool score) {
  auto c = countries_.find(iso3);
  auto m = columns.find(column);
  const std::string at = where_ + ", country " + iso3 + ", " + column;
  if (c == countries_.end() || m == columns.end()) {
    return MakeError(ErrorCode::kCorrupt, "a value belongs to no country or column of this edition", at);
  }
  if (!text) return {};
  auto value = ParseStored(*text);
  if (!value) return MakeError(ErrorCode::kCorrupt, "stored value '" + *text + "' is not an exact decimal", at);
  if (score) {
    dataset_.score(c->second, m->second) = *value;
  } else {
    dataset_.published_value(c->second, m->second) = *value;
  }
  return {};
}

core::Dataset StoredDataset::Finish() && {
  ShapeValues();  // an edition with no value at all still has its tables
  return std::move(dataset_);
}

}  // namespace ocindex::adapters::store_validation
