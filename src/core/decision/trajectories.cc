#include "core/decision/trajectories.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/scoring/scorecard.h"

namespace ocindex::core {
namespace {

// One composite of the given countries in one edition; nullopt where not assessed.
Result<std::vector<std::optional<int64_t>>> Values(const Framework& framework, const Dataset& dataset,
                                                   const std::vector<std::string>& iso3s, const std::string& measure_id) {
  auto measure = framework.FindNode(measure_id);
  if (!measure) {
    return MakeError(ErrorCode::kNotFound,
                     fmt::format("'{}' is not a composite of edition {}", measure_id, framework.edition));
  }
  Scorecard card;
  OCINDEX_ASSIGN_OR_RETURN(card, Scorecard::Compute(framework, dataset));
  std::vector<std::optional<int64_t>> values;
  for (const std::string& iso3 : iso3s) {
    auto c = dataset.FindCountry(iso3);
    values.push_back(c ? card.rounded(*c, *measure) : std::nullopt);
  }
  return values;
}

}  // namespace

Result<Trajectories> TraceCountries(const std::vector<const Edition*>& editions, const std::vector<std::string>& iso3s,
                                    const std::string& measure_id) {
  Trajectories out;
  out.measure_id = measure_id;
  if (editions.empty()) return MakeError(ErrorCode::kInvalidInput, "no edition to trace");
  out.decimals = editions.front()->framework.decimals;
  for (const Indicator& indicator : editions.front()->framework.indicators) {
    if (std::all_of(editions.begin(), editions.end(),
                    [&](const Edition* e) { return e->framework.FindIndicator(indicator.id).has_value(); })) {
      out.shared_indicators.push_back(indicator.id);
    }
  }
  for (const std::string& iso3 : iso3s) out.countries.push_back(Trajectory{iso3, {}, {}});
  for (const Edition* edition : editions) {
    out.editions.push_back(edition->framework.edition);
    std::vector<std::optional<int64_t>> raw, like;
    OCINDEX_ASSIGN_OR_RETURN(raw, Values(edition->framework, edition->dataset, iso3s, measure_id));
    Framework restricted;
    OCINDEX_ASSIGN_OR_RETURN(restricted, RestrictFramework(edition->framework, out.shared_indicators));
    OCINDEX_ASSIGN_OR_RETURN(like, Values(restricted, ProjectDataset(edition->dataset, edition->framework, restricted),
                                          iso3s, measure_id));
    for (size_t c = 0; c < iso3s.size(); ++c) {
      out.countries[c].raw.push_back(raw[c]);
      out.countries[c].like.push_back(like[c]);
    }
  }
  return out;
}

}  // namespace ocindex::core
