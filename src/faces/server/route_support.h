// Parameter parsing shared by the route families: editions, measures and place filters.
#pragma once

#include <string>
#include <vector>

#include "adapters/http/router.h"
#include "core/error.h"
#include "core/model/dataset.h"
#include "faces/server/published.h"

namespace ocindex::server {

// The edition named by the path (a year or "latest"); kNotFound lists what exists.
Result<const PublishedEdition*> FindEdition(const Published& data, const std::string& edition);

// Measure ids, comma-separated; empty: every measure in framework display order.
// kInvalidInput names an unknown measure and lists the valid ones.
Result<std::vector<int>> ParseMeasures(const core::Framework& framework, const std::string& list);
Result<int> ParseMeasure(const core::Framework& framework, const std::string& id);

// ?continent= and ?region= (case-insensitive); empty keeps everyone.
struct PlaceFilter {
  std::string continent;
  std::string region;
  static PlaceFilter From(const adapters::http::Request& request);
  bool Keeps(const core::CountryEntry& country) const;
};

}  // namespace ocindex::server
