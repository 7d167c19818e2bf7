// Every stored edition, loaded and scored once at start-up with its countries'
// narratives, and then only read: the API's handlers run on several threads and never
// touch the database. A narrative imported while the server runs shows after a restart.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "adapters/catalog/catalog.h"
#include "adapters/store/store.h"
#include "core/error.h"
#include "core/model/geography.h"
#include "core/scoring/scorecard.h"
#include "faces/server/published_flows.h"

namespace ocindex::server {

struct PublishedEdition {
  std::string id;        // "2021"
  int year = 0;          // 2021 (the API speaks numbers)
  core::Edition edition;
  core::Scorecard card;
  const PublishedEdition* previous = nullptr;  // the framework's previous edition, if stored
  std::map<std::string, adapters::StoredProfile> narratives;  // current revision, by ISO3
};

class Published {
 public:
  // Loads and scores every edition in the catalog. Immutable afterwards (thread-safe reads).
  static Result<std::unique_ptr<Published>> Load(adapters::Catalog& catalog);

  const core::Geography& geography() const { return geography_; }
  // Oldest first.
  const std::vector<std::unique_ptr<PublishedEdition>>& editions() const { return editions_; }
  // "2021" or "latest"; nullptr when unknown.
  const PublishedEdition* Find(const std::string& edition) const;
  // The ids of every edition, for error messages.
  std::vector<std::string> Ids() const;
  // The flows of the stored narratives.
  const PublishedFlows& flows() const { return *flows_; }

 private:
  core::Geography geography_;
  std::vector<std::unique_ptr<PublishedEdition>> editions_;
  std::unique_ptr<const PublishedFlows> flows_;
};

}  // namespace ocindex::server
