#include "app/profile_query.h"

#include <fmt/format.h>

#include "app/country_query.h"

namespace ocindex::app {

Status ProfileQuery::Validate() const {
  if (country.empty()) return MakeError(ErrorCode::kInvalidInput, "name a country (ISO3 code, name or alias)");
  return {};
}

Result<const adapters::StoredProfile*> CountryProfileNarrative::Narrative() const {
  if (narrative != nullptr) return narrative;
  return MakeError(ErrorCode::kNotFound,
                   fmt::format("no narrative is stored for {} in edition {}; import one with `ocindex profile import "
                               "FILE --country {} --edition {}`",
                               country->iso3, edition->id, country->iso3, edition->id));
}

Result<CountryProfileNarrative> Profile(const Engine& engine, const ProfileQuery& query) {
  OCINDEX_RETURN_IF_ERROR(query.Validate());
  CountryProfileNarrative profile;
  OCINDEX_ASSIGN_OR_RETURN(profile.edition, engine.Edition(query.edition));
  int index = 0;
  OCINDEX_ASSIGN_OR_RETURN(index, FindAssessedCountry(engine, *profile.edition, query.country));
  profile.country = &profile.edition->edition.dataset.countries[static_cast<size_t>(index)];
  auto found = profile.edition->narratives.find(profile.country->iso3);
  if (found != profile.edition->narratives.end()) profile.narrative = &found->second;
  return profile;
}

Result<std::vector<adapters::ProfileRevisionInfo>> ProfileHistory(Engine& engine, const ProfileQuery& query) {
  OCINDEX_RETURN_IF_ERROR(query.Validate());
  return engine.ProfileHistory(query.country, query.edition);
}

}  // namespace ocindex::app
