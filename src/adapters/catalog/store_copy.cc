#include "adapters/catalog/store_copy.h"

#include <fmt/format.h>
#include <sodium.h>

#include <nlohmann/json.hpp>
#include <set>

#include "adapters/io/framework_toml.h"

namespace ocindex::adapters {
namespace {

using Json = nlohmann::ordered_json;

Result<std::vector<EditionToStore>> ReadEditions(Store& store, const std::vector<EditionInfo>& editions) {
  std::vector<EditionToStore> out;
  for (const EditionInfo& current : editions) {
    std::vector<EditionInfo> revisions;
    OCINDEX_ASSIGN_OR_RETURN(revisions, store.ListRevisions(current.edition));
    for (const EditionInfo& info : revisions) {
      StoredEdition stored;
      OCINDEX_ASSIGN_OR_RETURN(stored, store.LoadEdition(info.edition, info.revision));
      core::Framework framework;
      OCINDEX_ASSIGN_OR_RETURN(framework,
                               io::ParseFramework(stored.framework_toml,
                                                  fmt::format("stored edition {} revision {}", info.edition,
                                                              info.revision)));
      out.push_back({std::move(framework), std::move(stored.framework_toml), std::move(stored.dataset), info.source,
                     info.stored_at});
    }
  }
  return out;
}

Result<std::vector<ProfileToStore>> ReadProfiles(Store& store, const std::vector<EditionInfo>& editions) {
  std::vector<ProfileToStore> out;
  for (const EditionInfo& edition : editions) {
    std::vector<ProfileRevisionInfo> current;
    OCINDEX_ASSIGN_OR_RETURN(current, store.ListProfiles(edition.edition));
    for (const ProfileRevisionInfo& country : current) {
      std::vector<ProfileRevisionInfo> revisions;
      OCINDEX_ASSIGN_OR_RETURN(revisions,
                               store.ListProfileRevisions(country.iso3, country.edition));
      for (const ProfileRevisionInfo& info : revisions) {
        StoredProfile stored;
        OCINDEX_ASSIGN_OR_RETURN(stored, store.LoadProfile(info.iso3, info.edition, info.revision));
        out.push_back({info.iso3, info.edition, std::move(stored.sections), std::move(stored.unplaced),
                       std::move(stored.footer), info.source, info.author, info.note, info.stored_at});
      }
    }
  }
  return out;
}

Result<std::vector<ExpertScoresToStore>> ReadExpertScores(Store& store) {
  std::vector<ExpertScoresToStore> out;
  std::vector<ExpertScoresInfo> revisions;
  OCINDEX_ASSIGN_OR_RETURN(revisions, store.ListExpertScores());
  for (const ExpertScoresInfo& info : revisions) {
    StoredExpertScores stored;
    OCINDEX_ASSIGN_OR_RETURN(stored, store.LoadExpertScores(info.edition, info.revision));
    out.push_back({info.edition, std::move(stored.scores), info.source, info.stored_at});
  }
  return out;
}

Json Values(const std::vector<std::optional<core::Rational>>& values) {
  Json out = Json::array();
  for (const auto& value : values) out.push_back(value ? Json(core::FormatRational(*value)) : Json());
  return out;
}

// One JSON document per history; keys in a fixed order, values exact (rationals as
// decimal text, doubles as the shortest text that reads back the same).
Json Canonical(const StoreHistory& history) {
  Json countries = Json::array();
  for (const core::Country& c : history.geography.countries()) countries.push_back({c.iso3, c.name, c.aliases});
  Json editions = Json::array();
  for (const EditionToStore& e : history.editions) {
    Json placed = Json::array();
    for (const core::CountryEntry& c : e.dataset.countries) placed.push_back({c.iso3, c.name, c.continent, c.region});
    editions.push_back({e.framework.edition, e.source, e.stored_at, e.framework_toml, placed, e.dataset.indicator_ids,
                        e.dataset.node_ids, Values(e.dataset.scores), Values(e.dataset.published)});
  }
  Json profiles = Json::array();
  for (const ProfileToStore& p : history.profiles) {
    Json sections = Json::array();
    for (const core::NarrativeSection& s : p.sections) sections.push_back({s.node_id, s.heading, s.line, s.text});
    Json unplaced = Json::array();
    for (const core::UnplacedText& u : p.unplaced) unplaced.push_back({u.heading, u.line, u.text});
    profiles.push_back({p.iso3, p.edition, p.source, p.author, p.note, p.stored_at, p.footer, sections, unplaced});
  }
  Json experts = Json::array();
  for (const ExpertScoresToStore& set : history.expert_scores) {
    Json scores = Json::array();
    for (const core::ExpertScore& s : set.scores) {
      scores.push_back({s.iso3, s.indicator, s.expert, fmt::format("{}", s.score), s.justification});
    }
    experts.push_back({set.edition, set.source, set.stored_at, scores});
  }
  Json journal = Json::array();
  for (const JournalEntry& e : history.journal) {
    journal.push_back({e.seq, e.stream, e.version, e.at, e.actor, e.action, e.target, e.reason, e.before, e.after,
                       e.payload});
  }
  return Json{{"countries", countries},
              {"editions", editions},
              {"profiles", profiles},
              {"expert_scores", experts},
              {"journal", journal}};
}

}  // namespace

Result<StoreHistory> ReadHistory(Store& store) {
  StoreHistory history;
  OCINDEX_ASSIGN_OR_RETURN(history.geography, store.LoadGeography());
  std::vector<EditionInfo> editions;
  OCINDEX_ASSIGN_OR_RETURN(editions, store.ListEditions());
  OCINDEX_ASSIGN_OR_RETURN(history.editions, ReadEditions(store, editions));
  OCINDEX_ASSIGN_OR_RETURN(history.profiles, ReadProfiles(store, editions));
  OCINDEX_ASSIGN_OR_RETURN(history.expert_scores, ReadExpertScores(store));
  OCINDEX_ASSIGN_OR_RETURN(history.journal, store.ReadJournal({}));
  return history;
}

HistoryCounts CountHistory(const StoreHistory& history) {
  HistoryCounts counts;
  counts.countries = static_cast<int>(history.geography.countries().size());
  std::set<std::string> editions;
  for (const EditionToStore& e : history.editions) {
    editions.insert(e.framework.edition);
    for (const auto& score : e.dataset.scores) counts.scores += score.has_value();
  }
  counts.editions = static_cast<int>(editions.size());
  counts.edition_revisions = static_cast<int>(history.editions.size());
  counts.profile_revisions = static_cast<int>(history.profiles.size());
  counts.expert_revisions = static_cast<int>(history.expert_scores.size());
  for (const ExpertScoresToStore& set : history.expert_scores) counts.expert_scores += static_cast<int64_t>(set.scores.size());
  counts.journal_entries = static_cast<int64_t>(history.journal.size());
  return counts;
}

std::string HistoryChecksum(const StoreHistory& history) {
  // Thread-safe and idempotent; it fails only without a usable random source, which
  // hashing does not need.
  static const bool sodium_ready = sodium_init() >= 0;
  (void)sodium_ready;
  const std::string text = Canonical(history).dump();
  unsigned char digest[crypto_generichash_BYTES];  // 32 bytes: BLAKE2b-256
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(text.data()), text.size(), nullptr,
                     0);
  std::string hex(2 * sizeof digest + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest, sizeof digest);
  hex.pop_back();  // the terminating NUL sodium_bin2hex writes
  return hex;
}

Result<CopyReport> CopyStore(Store& from, Store& to) {
  StoreHistory history;
  OCINDEX_ASSIGN_OR_RETURN(history, ReadHistory(from));
  const CopyReport source{CountHistory(history), HistoryChecksum(history)};
  OCINDEX_RETURN_IF_ERROR(to.Restore(history));
  StoreHistory copied;
  OCINDEX_ASSIGN_OR_RETURN(copied, ReadHistory(to));
  const CopyReport target{CountHistory(copied), HistoryChecksum(copied)};
  if (!(target.counts == source.counts) || target.checksum != source.checksum) {
    return MakeError(ErrorCode::kCorrupt, fmt::format("the copy does not read back as the source: checksum {} against "
                                                      "the source's {}",
                                                      target.checksum, source.checksum));
  }
  return source;
}

}  // namespace ocindex::adapters
