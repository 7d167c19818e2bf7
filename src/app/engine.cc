#include "app/engine.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "adapters/catalog/flows.h"
#include "adapters/catalog/profiles.h"
#include "adapters/io/statements_json.h"
#include "adapters/store/open_store.h"
#include "core/model/lookup.h"

namespace ocindex::app {

Engine::Engine(adapters::Catalog catalog, std::string location)
    : location_(std::move(location)), catalog_(std::move(catalog)) {}

Result<adapters::Catalog> OpenCatalog(const std::string& location) {
  auto store = adapters::OpenStore(adapters::DatabaseUri(location));
  if (!store) return store.error();
  return adapters::Catalog::Open(std::move(*store));
}

Result<std::unique_ptr<Engine>> Engine::Open(const std::string& location) {
  auto catalog = OpenCatalog(location);
  if (!catalog) return catalog.error();
  std::unique_ptr<Engine> engine(new Engine(std::move(*catalog), adapters::DatabaseUri(location)));
  OCINDEX_RETURN_IF_ERROR(engine->ListEditions());
  return engine;
}

Result<adapters::StoreSchema> Engine::StoreHealth() const { return adapters::ReadStoreSchema(location_); }

Status Engine::ListEditions() {
  bool changed = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    OCINDEX_ASSIGN_OR_RETURN(changed, ListEditionsLocked());
  }
  if (changed) {
    // The flows came from the editions as they were: published again when next asked
    // for (flows_mutex_ is never taken with mutex_ held).
    std::lock_guard<std::mutex> lock(flows_mutex_);
    if (flows_job_.valid()) flows_job_.wait();
    flows_job_ = {};
    if (flows_) retired_flows_.push_back(std::move(flows_));
  }
  return {};
}

Result<bool> Engine::ListEditionsLocked() {
  auto editions = catalog_.Editions();
  if (!editions) return editions.error();
  std::vector<std::string> ids;
  std::map<std::string, int> revisions;
  bool replaced = false;
  for (const adapters::EditionInfo& info : *editions) {
    ids.push_back(info.edition);
    revisions[info.edition] = info.revision;
    auto known = revisions_.find(info.edition);
    replaced = replaced || (known != revisions_.end() && known->second != info.revision);
  }
  // Edition ids sort as text: "2019" < "2021" < "2023".
  std::sort(ids.begin(), ids.end());
  // A new revision also changes the editions that compare with it: all are loaded anew.
  if (replaced) {
    for (auto& [id, entry] : loaded_) retired_editions_.push_back(std::move(entry));
    loaded_.clear();
  }
  const bool changed = ids != ids_ || replaced;
  ids_ = std::move(ids);
  revisions_ = std::move(revisions);
  return changed;
}

std::vector<std::string> Engine::edition_ids() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return ids_;
}

Status Engine::LoadAll() {
  OCINDEX_RETURN_IF_ERROR(ListEditions());  // the catalog may have changed since Open
  return Warm();
}

Status Engine::Warm() const {
  std::vector<const LoadedEdition*> loaded;
  for (const std::string& id : edition_ids()) {
    auto edition = Edition(id);
    if (!edition) return edition.error();
    loaded.push_back(*edition);
  }
  StartFlows();
  for (const LoadedEdition* edition : loaded) edition->Ranked();
  return {};
}

Result<std::vector<adapters::EditionInfo>> Engine::StoredEditions() const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto editions = catalog_.Editions();
  if (!editions) return editions.error();
  std::sort(editions->begin(), editions->end(),
            [](const adapters::EditionInfo& a, const adapters::EditionInfo& b) { return a.edition < b.edition; });
  return editions;
}

Result<const LoadedEdition*> Engine::Edition(const std::string& id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return LoadLocked(id);
}

Result<const LoadedEdition*> Engine::LoadLocked(const std::string& id) const {
  std::vector<std::string> chain;
  return LoadLocked(id, chain);
}

Result<const LoadedEdition*> Engine::LoadLocked(const std::string& id, std::vector<std::string>& chain) const {
  const std::string wanted = (id.empty() || id == "latest") && !ids_.empty() ? ids_.back() : id;
  if (auto found = loaded_.find(wanted); found != loaded_.end()) return found->second.get();
  if (std::find(ids_.begin(), ids_.end(), wanted) == ids_.end()) {
    if (ids_.empty()) return MakeError(ErrorCode::kNotFound, "no edition is stored; import one with `ocindex import`");
    return MakeError(ErrorCode::kNotFound,
                     fmt::format("unknown edition '{}'; expected one of: {}, latest", id, fmt::join(ids_, ", ")));
  }
  auto entry = std::make_unique<LoadedEdition>();
  entry->id = wanted;
  entry->year = std::atoi(wanted.c_str());
  OCINDEX_ASSIGN_OR_RETURN(entry->edition, catalog_.Load(wanted));
  OCINDEX_ASSIGN_OR_RETURN(entry->card, core::Scorecard::Compute(entry->edition.framework, entry->edition.dataset));
  OCINDEX_ASSIGN_OR_RETURN(entry->narratives, adapters::LoadNarratives(catalog_, wanted));
  // A previous edition that leads back to one being loaded is not linked: stored
  // before the importer refused such chains, it would make the past endless.
  chain.push_back(wanted);
  const std::string& previous = entry->edition.framework.previous;
  if (!previous.empty() && std::find(ids_.begin(), ids_.end(), previous) != ids_.end() &&
      std::find(chain.begin(), chain.end(), previous) == chain.end()) {
    OCINDEX_ASSIGN_OR_RETURN(entry->previous, LoadLocked(previous, chain));
  }
  return loaded_.emplace(wanted, std::move(entry)).first->second.get();
}

Result<std::vector<adapters::ProfileRevisionInfo>> Engine::ProfileHistory(const std::string& country,
                                                                          const std::string& edition) {
  std::string iso3;
  OCINDEX_ASSIGN_OR_RETURN(iso3, core::ResolveCountry(geography(), country));
  const LoadedEdition* loaded = nullptr;
  OCINDEX_ASSIGN_OR_RETURN(loaded, Edition(edition));
  std::lock_guard<std::mutex> lock(mutex_);
  return catalog_.store().ListProfileRevisions(iso3, loaded->id);
}

Result<std::vector<adapters::ExpertScoresInfo>> Engine::ExpertScoreSets() {
  std::lock_guard<std::mutex> lock(mutex_);
  return catalog_.store().ListExpertScores();
}

Result<adapters::StoredExpertScores> Engine::LoadExpertScores(const std::string& edition, int revision) {
  std::lock_guard<std::mutex> lock(mutex_);
  return catalog_.store().LoadExpertScores(edition, revision);
}

Result<std::vector<int>> Engine::SaveExpertScores(const std::vector<adapters::ExpertScoresToStore>& sets) {
  std::lock_guard<std::mutex> lock(mutex_);
  return catalog_.store().SaveExpertScores(sets);
}

void Engine::StartFlows() const {
  std::lock_guard<std::mutex> lock(flows_mutex_);
  if (!flows_ && !flows_job_.valid()) flows_job_ = std::async(std::launch::async, [this] { return PublishFlows(); });
}

Result<const PublishedFlows*> Engine::Flows() const {
  std::lock_guard<std::mutex> lock(flows_mutex_);
  if (flows_) return flows_.get();
  // A failed job is not kept: the next call tries again.
  auto published = flows_job_.valid() ? flows_job_.get() : PublishFlows();
  if (!published) return published.error();
  flows_ = std::move(*published);
  return flows_.get();
}

Result<std::unique_ptr<const PublishedFlows>> Engine::PublishFlows() const {
  const std::string fingerprint = ExtractorFingerprint();
  std::vector<NarrativeToPublish> narratives;
  {
    // Flows come from the narratives loaded with the editions, not from a second read of the store.
    std::lock_guard<std::mutex> lock(mutex_);
    for (const std::string& id : ids_) {
      const LoadedEdition* entry = nullptr;
      OCINDEX_ASSIGN_OR_RETURN(entry, LoadLocked(id));
      for (const auto& [iso3, profile] : entry->narratives) {
        NarrativeToPublish narrative{adapters::StoredNarrativeSource(profile, entry->id, entry->edition.framework),
                                     profile.info.revision, std::nullopt};
        auto stored = catalog_.store().LoadExtraction(iso3, entry->id, profile.info.revision, fingerprint);
        if (!stored) return stored.error();
        if (*stored) {
          OCINDEX_ASSIGN_OR_RETURN(
              narrative.stored,
              adapters::io::ParseStatementsJson(**stored, fmt::format("stored extraction of {} {} revision {}", iso3,
                                                                     entry->id, profile.info.revision)));
        }
        narratives.push_back(std::move(narrative));
      }
    }
  }
  std::vector<size_t> extracted;
  std::vector<std::pair<std::string, int>> keys;  // (edition, revision) by narrative, for storing
  for (const NarrativeToPublish& narrative : narratives) keys.emplace_back(narrative.source.edition, narrative.revision);
  auto flows = LoadPublishedFlows(catalog_.geography(), std::move(narratives), extracted);
  if (!flows) return flows.error();
  std::lock_guard<std::mutex> lock(mutex_);
  for (size_t i : extracted) {
    const core::NarrativeStatements& statements = (*flows)->statements[i];
    if (statements.stopped) continue;  // a partial reading: read again next time
    // Not kept is only slower next time: the published flows stand either way.
    (void)catalog_.store().SaveExtraction(statements.country, keys[i].first, keys[i].second, fingerprint,
                                          adapters::io::WriteStatementsJson(statements));
  }
  return flows;
}

}  // namespace ocindex::app
