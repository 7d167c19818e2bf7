#include "core/model/lookup.h"

#include <fmt/format.h>

#include <vector>

namespace ocindex::core {

Result<std::string> ResolveCountry(const Geography& geography, const std::string& query) {
  if (const Country* country = geography.Find(query)) return country->iso3;
  if (auto named = geography.Named(query); named.size() > 1) {
    return MakeError(ErrorCode::kInvalidInput, SharedNameMessage(query, named));
  }
  auto suggestions = geography.Suggest(query);
  return MakeError(ErrorCode::kNotFound,
                   fmt::format("unknown country '{}'{}", query,
                               suggestions.empty() ? std::string(": give an ISO3 code, an English name or an alias")
                                                   : fmt::format("; did you mean {}?", fmt::join(suggestions, ", "))));
}

Result<int> ResolveMeasure(const Framework& framework, const std::string& query) {
  if (auto measure = framework.FindMeasure(query)) return *measure;
  std::vector<std::string> ids;
  for (int m = 0; m < framework.measure_count(); ++m) ids.push_back(framework.MeasureId(m));
  return MakeError(ErrorCode::kNotFound, fmt::format("'{}' is not a measure of edition {}; expected one of: {}", query,
                                                     framework.edition, fmt::join(ids, ", ")));
}

std::string IndicatorNames(const Framework& framework, const std::vector<std::string>& ids) {
  std::vector<std::string> names;
  for (const std::string& id : ids) {
    auto indicator = framework.FindIndicator(id);
    names.push_back(indicator ? framework.indicators[static_cast<std::size_t>(*indicator)].name : id);
  }
  return fmt::format("{}", fmt::join(names, ", "));
}

std::string DisplayName(const Geography& geography, const CountryEntry& country) {
  const Country* known = geography.Find(country.iso3);
  return known != nullptr ? known->name : country.name;
}

}  // namespace ocindex::core
