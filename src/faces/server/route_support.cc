#include "faces/server/route_support.h"

#include <fmt/format.h>

#include "core/model/lookup.h"
#include "core/scoring/country_summary.h"
#include "faces/server/api_json.h"

namespace ocindex::server {

Result<const PublishedEdition*> FindEdition(const Published& data, const std::string& edition) {
  if (const PublishedEdition* found = data.Find(edition)) return found;
  return MakeError(ErrorCode::kNotFound,
                   fmt::format("unknown edition '{}'; expected one of: {}", edition, fmt::join(data.Ids(), ", ")));
}

Result<int> FindCountry(const Published& data, const PublishedEdition& published, const std::string& query,
                        std::vector<std::string>& suggestions) {
  auto iso3 = core::ResolveCountry(data.geography(), query);
  if (!iso3) {
    suggestions = data.geography().Suggest(query);
    return iso3.error();
  }
  auto index = published.edition.dataset.FindCountry(*iso3);
  if (!index) return MakeError(ErrorCode::kNotFound, fmt::format("{} is not assessed in edition {}", *iso3, published.id));
  return *index;
}

adapters::http::Response CountryError(const Error& error, const std::vector<std::string>& suggestions) {
  const int status = error.code == ErrorCode::kNotFound ? 404 : 400;
  return adapters::http::ErrorResponse(status, status == 404 ? "not_found" : "invalid_input", error.message,
                                       suggestions);
}

Result<int> ParseMeasure(const core::Framework& framework, const std::string& id) {
  auto measure = core::ResolveMeasure(framework, id);
  if (!measure) return MakeError(ErrorCode::kInvalidInput, measure.error().message);
  return *measure;
}

Result<std::vector<int>> ParseMeasures(const core::Framework& framework, const std::string& list) {
  if (list.empty()) return core::DisplayOrder(framework);
  std::vector<int> measures;
  for (const std::string& id : SplitList(list)) {
    int measure = 0;
    OCINDEX_ASSIGN_OR_RETURN(measure, ParseMeasure(framework, id));
    measures.push_back(measure);
  }
  return measures;
}

PlaceFilter PlaceFilter::From(const adapters::http::Request& request) {
  return PlaceFilter{request.Param("continent"), request.Param("region")};
}

bool PlaceFilter::Keeps(const core::CountryEntry& country) const {
  return (continent.empty() || core::NormalizeHeader(continent) == core::NormalizeHeader(country.continent)) &&
         (region.empty() || core::NormalizeHeader(region) == core::NormalizeHeader(country.region));
}

}  // namespace ocindex::server
