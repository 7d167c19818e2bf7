#include "app/country_query.h"

#include <fmt/format.h>

#include "app/labels.h"
#include "core/model/lookup.h"

namespace ocindex::app {

Status RequireCountry(const std::string& country) {
  if (country.empty()) return MakeError(ErrorCode::kInvalidInput, "name a country (ISO3 code, name or alias)");
  return {};
}

Status CountryQuery::Validate() const { return RequireCountry(country); }

Result<int> FindAssessedCountry(const Engine& engine, const LoadedEdition& edition, const std::string& query) {
  std::string iso3;
  OCINDEX_ASSIGN_OR_RETURN(iso3, core::ResolveCountry(engine.geography(), query));
  auto index = edition.edition.dataset.FindCountry(iso3);
  if (index) return *index;
  // Not the country, maybe a unit named like it ("Guatemala", a department).
  std::vector<const core::Country*> units = engine.geography().AlsoNamed(query);
  std::erase_if(units, [&](const core::Country* unit) { return !edition.edition.dataset.FindCountry(unit->iso3); });
  return MakeError(ErrorCode::kNotFound,
                   fmt::format("{} is not assessed in edition {}{}", iso3, edition.id,
                               units.empty() ? std::string()
                                             : fmt::format("; the unit {} is: give its code", core::CodesAndNames(units))));
}

Result<CountryInEdition> FindCountryInEdition(const Engine& engine, const std::string& edition,
                                              const std::string& country) {
  CountryInEdition found;
  OCINDEX_ASSIGN_OR_RETURN(found.edition, engine.Edition(edition));
  int index = 0;
  OCINDEX_ASSIGN_OR_RETURN(index, FindAssessedCountry(engine, *found.edition, country));
  found.country = &found.edition->edition.dataset.countries[static_cast<size_t>(index)];
  return found;
}

Result<CountryProfile> Country(const Engine& engine, const CountryQuery& query) {
  OCINDEX_RETURN_IF_ERROR(query.Validate());
  CountryInEdition found;
  OCINDEX_ASSIGN_OR_RETURN(found, FindCountryInEdition(engine, query.edition, query.country));
  CountryProfile profile;
  profile.edition = found.edition;
  profile.country = found.country;
  profile.name = core::DisplayName(engine.geography(), *profile.country);
  const core::RankedEdition* previous = profile.edition->previous ? &profile.edition->previous->Ranked() : nullptr;
  OCINDEX_ASSIGN_OR_RETURN(profile.summary, core::SummarizeCountry(profile.edition->Ranked(), previous,
                                                                   profile.country->iso3));
  profile.quadrant = QuadrantLabel(profile.summary.quadrant);
  return profile;
}

}  // namespace ocindex::app
