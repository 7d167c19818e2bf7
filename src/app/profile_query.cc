#include "app/profile_query.h"

#include <fmt/format.h>

#include "adapters/render/profile_view.h"
#include "app/country_query.h"
#include "core/model/lookup.h"

namespace ocindex::app {

Status ProfileQuery::Validate() const { return RequireCountry(country); }

Result<const adapters::StoredProfile*> CountryProfileNarrative::Narrative() const {
  if (narrative != nullptr) return narrative;
  return MakeError(ErrorCode::kNotFound,
                   fmt::format("no narrative is stored for {} in edition {}; import one with `ocindex profile import "
                               "FILE --country {} --edition {}`",
                               country->iso3, edition->id, country->iso3, edition->id));
}

Result<CountryProfileNarrative> Profile(const Engine& engine, const ProfileQuery& query) {
  OCINDEX_RETURN_IF_ERROR(query.Validate());
  CountryInEdition place;
  OCINDEX_ASSIGN_OR_RETURN(place, FindCountryInEdition(engine, query.edition, query.country));
  CountryProfileNarrative profile;
  profile.edition = place.edition;
  profile.country = place.country;
  auto found = profile.edition->narratives.find(profile.country->iso3);
  if (found != profile.edition->narratives.end()) profile.narrative = &found->second;
  return profile;
}

Result<std::string> ProfileDocument(const Engine& engine, const ProfileQuery& query, adapters::ProfileFormat format) {
  CountryProfileNarrative profile;
  OCINDEX_ASSIGN_OR_RETURN(profile, Profile(engine, query));
  const LoadedEdition& edition = *profile.edition;
  auto view = adapters::render::BuildProfileView(
      edition.Ranked(), edition.previous == nullptr ? nullptr : &edition.previous->Ranked(), profile.country->iso3,
      core::DisplayName(engine.geography(), *profile.country), profile.narrative);
  if (!view) return view.error();
  return adapters::RenderProfile(*view, format);
}

Result<std::vector<adapters::ProfileRevisionInfo>> ProfileHistory(Engine& engine, const ProfileQuery& query) {
  OCINDEX_RETURN_IF_ERROR(query.Validate());
  return engine.ProfileHistory(query.country, query.edition);
}

}  // namespace ocindex::app
