#include "faces/server/published.h"

#include <algorithm>
#include <cstdlib>

#include "adapters/catalog/profiles.h"

namespace ocindex::server {

Result<std::unique_ptr<Published>> Published::Load(adapters::Catalog& catalog) {
  auto published = std::make_unique<Published>();
  published->geography_ = catalog.geography();
  auto editions = catalog.Editions();
  if (!editions) return editions.error();
  std::sort(editions->begin(), editions->end(),
            [](const adapters::EditionInfo& a, const adapters::EditionInfo& b) { return a.edition < b.edition; });
  for (const adapters::EditionInfo& info : *editions) {
    auto edition = catalog.Load(info.edition);
    if (!edition) return edition.error();
    auto card = core::Scorecard::Compute(edition->framework, edition->dataset);
    if (!card) return card.error();
    auto narratives = adapters::LoadNarratives(catalog, info.edition);
    if (!narratives) return narratives.error();
    auto entry = std::make_unique<PublishedEdition>();
    entry->id = info.edition;
    entry->year = std::atoi(info.edition.c_str());
    entry->edition = std::move(*edition);
    entry->card = std::move(*card);
    entry->narratives = std::move(*narratives);
    published->editions_.push_back(std::move(entry));
  }
  for (auto& entry : published->editions_) {
    const std::string& previous = entry->edition.framework.previous;
    entry->previous = previous.empty() ? nullptr : published->Find(previous);
  }
  // Flows come from the narratives just loaded, not from a second read of the store.
  std::vector<adapters::NarrativeSource> sources;
  for (const auto& entry : published->editions_) {
    for (const auto& [iso3, profile] : entry->narratives) {
      sources.push_back(adapters::StoredNarrativeSource(profile, entry->id, entry->edition.framework));
    }
  }
  OCINDEX_ASSIGN_OR_RETURN(published->flows_, LoadPublishedFlows(published->geography_, std::move(sources)));
  return published;
}

const PublishedEdition* Published::Find(const std::string& edition) const {
  if (editions_.empty()) return nullptr;
  if (edition == "latest") return editions_.back().get();
  for (const auto& entry : editions_) {
    if (entry->id == edition) return entry.get();
  }
  return nullptr;
}

std::vector<std::string> Published::Ids() const {
  std::vector<std::string> ids;
  for (const auto& entry : editions_) ids.push_back(entry->id);
  ids.push_back("latest");
  return ids;
}

}  // namespace ocindex::server
