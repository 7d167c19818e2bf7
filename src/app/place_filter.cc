#include "app/place_filter.h"

#include "core/scoring/ranking.h"

namespace ocindex::app {

bool PlaceFilter::Keeps(const core::CountryEntry& country) const {
  return (continent.empty() || core::NormalizeHeader(continent) == core::NormalizeHeader(country.continent)) &&
         (region.empty() || core::NormalizeHeader(region) == core::NormalizeHeader(country.region));
}

Status ValidateScope(const std::string& scope) {
  if (core::ParseScope(scope)) return {};
  return MakeError(ErrorCode::kInvalidInput, "scope must be world, continent or region, not '" + scope + "'");
}

}  // namespace ocindex::app
