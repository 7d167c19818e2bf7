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

// The edition's index of a country named by ISO3, name or alias. kNotFound otherwise,
// with "did you mean" names in `suggestions` when the name is unknown.
Result<int> FindCountry(const Published& data, const PublishedEdition& published, const std::string& query,
                        std::vector<std::string>& suggestions);
// FindCountry's error as 404 (with the suggestions) or 400.
adapters::http::Response CountryError(const Error& error, const std::vector<std::string>& suggestions);

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
