#include "app/country_query.h"

#include <fmt/format.h>

#include "app/labels.h"
#include "core/model/lookup.h"

namespace ocindex::app {

Status CountryQuery::Validate() const {
  if (country.empty()) return MakeError(ErrorCode::kInvalidInput, "name a country (ISO3 code, name or alias)");
  return {};
}

Result<int> FindAssessedCountry(const Engine& engine, const LoadedEdition& edition, const std::string& query) {
  std::string iso3;
  OCINDEX_ASSIGN_OR_RETURN(iso3, core::ResolveCountry(engine.geography(), query));
  auto index = edition.edition.dataset.FindCountry(iso3);
  if (!index) return MakeError(ErrorCode::kNotFound, fmt::format("{} is not assessed in edition {}", iso3, edition.id));
  return *index;
}

Result<CountryProfile> Country(const Engine& engine, const CountryQuery& query) {
  OCINDEX_RETURN_IF_ERROR(query.Validate());
  CountryProfile profile;
  OCINDEX_ASSIGN_OR_RETURN(profile.edition, engine.Edition(query.edition));
  int index = 0;
  OCINDEX_ASSIGN_OR_RETURN(index, FindAssessedCountry(engine, *profile.edition, query.country));
  profile.country = &profile.edition->edition.dataset.countries[static_cast<size_t>(index)];
  profile.name = core::DisplayName(engine.geography(), *profile.country);
  const core::Edition* previous = profile.edition->previous ? &profile.edition->previous->edition : nullptr;
  OCINDEX_ASSIGN_OR_RETURN(profile.summary, core::SummarizeCountry(profile.edition->edition, previous,
                                                                   profile.country->iso3));
  profile.quadrant = QuadrantLabel(profile.summary.quadrant);
  return profile;
}

}  // namespace ocindex::app
