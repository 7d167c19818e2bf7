// Everything the publisher's country page shows, for one country and edition: every
// figure by group, its three ranks, the regional, continental and world averages
// beside it, the quadrant, and what changed since the previous edition.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/model/dataset.h"
#include "core/scoring/ranked_edition.h"
#include "core/scoring/ranking.h"

namespace ocindex::core {

struct MeasureFigures {
  std::optional<int64_t> value;                    // rounded units
  std::array<Rank, 3> ranks;                       // by kScopes
  std::array<std::optional<int64_t>, 3> averages;  // world, continent, region means (rounded units)
};

struct MeasureSummary {
  int measure = 0;  // in the edition's framework
  MeasureFigures current;
  // The same measure in the previous edition, when both editions have it and the
  // country was assessed there (raw: as published).
  std::optional<MeasureFigures> previous;
};

struct CountrySummary {
  CountryEntry country;
  std::string edition;
  std::string previous_edition;  // empty when there is none
  std::optional<Quadrant> quadrant;
  std::vector<MeasureSummary> measures;  // every node and indicator, in framework display order
};

// `previous` may be null. O(measures): the ranks and averages are the editions'.
// kNotFound if the country is not in the edition.
Result<CountrySummary> SummarizeCountry(const RankedEdition& edition, const RankedEdition* previous,
                                        const std::string& iso3);

// Measures in display order: each node followed by its own indicators, depth first.
std::vector<int> DisplayOrder(const Framework& framework);

}  // namespace ocindex::core
