// A country's profile in an edition: the country, the edition and its stored narrative
// (current revision), which `profile show/export` render beside the scores and the
// API's narrative route returns; and the narrative's stored revisions.
#pragma once

#include <string>
#include <vector>

#include "adapters/catalog/profiles.h"
#include "adapters/store/store.h"
#include "app/engine.h"
#include "core/error.h"
#include "core/model/dataset.h"

namespace ocindex::app {

struct ProfileQuery {
  std::string country;  // ISO3 code, name or alias
  std::string edition;  // id, "latest" or "" (the newest)

  Status Validate() const;
};

struct CountryProfileNarrative {
  const LoadedEdition* edition = nullptr;
  const core::CountryEntry* country = nullptr;
  const adapters::StoredProfile* narrative = nullptr;  // nullptr when none is stored: a scores-only profile

  // The narrative; kNotFound, saying how to import one, when none is stored.
  Result<const adapters::StoredProfile*> Narrative() const;
};

// kNotFound when the country is unknown or not assessed in the edition.
Result<CountryProfileNarrative> Profile(const Engine& engine, const ProfileQuery& query);

// The country's profile as a document: the bytes `ocindex profile export` writes for
// it (scores, ranks against the previous edition, chart, and the narrative if stored).
Result<std::string> ProfileDocument(const Engine& engine, const ProfileQuery& query, adapters::ProfileFormat format);

// Every stored revision of the country's narrative in the edition, oldest first.
Result<std::vector<adapters::ProfileRevisionInfo>> ProfileHistory(Engine& engine, const ProfileQuery& query);

}  // namespace ocindex::app
