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

// The traced countries' rows alone: a composite is each country's own, so a trace
// costs the countries traced, not the whole edition (an index of 100,000 units).
Dataset Only(const Dataset& dataset, const std::vector<std::string>& iso3s) {
  Dataset out{dataset.edition, {}, dataset.indicator_ids, dataset.node_ids, {}, {}};
  const auto indicators = static_cast<size_t>(dataset.indicator_count());
  const auto nodes = static_cast<size_t>(dataset.node_count());
  for (const std::string& iso3 : iso3s) {
    auto c = dataset.FindCountry(iso3);
    if (!c || out.FindCountry(iso3)) continue;
    const auto row = static_cast<size_t>(*c);
    out.countries.push_back(dataset.countries[row]);
    out.scores.insert(out.scores.end(), dataset.scores.begin() + static_cast<std::ptrdiff_t>(row * indicators),
                      dataset.scores.begin() + static_cast<std::ptrdiff_t>((row + 1) * indicators));
    out.published.insert(out.published.end(), dataset.published.begin() + static_cast<std::ptrdiff_t>(row * nodes),
                         dataset.published.begin() + static_cast<std::ptrdiff_t>((row + 1) * nodes));
  }
  return out;
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
    const Dataset traced = Only(edition->dataset, iso3s);
    std::vector<std::optional<int64_t>> raw, like;
    OCINDEX_ASSIGN_OR_RETURN(raw, Values(edition->framework, traced, iso3s, measure_id));
    Framework restricted;
    OCINDEX_ASSIGN_OR_RETURN(restricted, RestrictFramework(edition->framework, out.shared_indicators));
    OCINDEX_ASSIGN_OR_RETURN(like, Values(restricted, ProjectDataset(traced, edition->framework, restricted), iso3s,
                                          measure_id));
    for (size_t c = 0; c < iso3s.size(); ++c) {
      out.countries[c].raw.push_back(raw[c]);
      out.countries[c].like.push_back(like[c]);
    }
  }
  return out;
}

}  // namespace ocindex::core
