// One country in depth: every figure with its three ranks, the world, continent and
// region means, the quadrant and the change since the previous edition.
#pragma once

#include <string>

#include "app/engine.h"
#include "core/error.h"
#include "core/scoring/country_summary.h"

namespace ocindex::app {

struct CountryQuery {
  std::string country;  // ISO3 code, name or alias
  std::string edition;  // id, "latest" or "" (the newest)

  Status Validate() const;
};

struct CountryProfile {
  const LoadedEdition* edition = nullptr;
  const core::CountryEntry* country = nullptr;
  std::string name;      // common English name
  std::string quadrant;  // QuadrantLabel
  core::CountrySummary summary;
};

Result<CountryProfile> Country(const Engine& engine, const CountryQuery& query);

// The edition's index of a country named by ISO3, name or alias. kNotFound when the
// name is unknown (with suggestions) or the country is not assessed in the edition.
Result<int> FindAssessedCountry(const Engine& engine, const LoadedEdition& edition, const std::string& query);

// What every query naming one country checks first.
Status RequireCountry(const std::string& country);

// An edition (id, "latest" or "") and a country assessed in it: where every query about
// one country starts.
struct CountryInEdition {
  const LoadedEdition* edition = nullptr;
  const core::CountryEntry* country = nullptr;
};
Result<CountryInEdition> FindCountryInEdition(const Engine& engine, const std::string& edition,
                                              const std::string& country);

}  // namespace ocindex::app
