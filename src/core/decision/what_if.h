// What-if: a scenario's changed scores carried through every composite, the three
// ranks of every country, the quadrants and the group averages, without recomputing
// the edition: only the changed countries are re-evaluated (exactly, as Scorecard
// does) and every other country's rank moves by the changed countries that crossed it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/scoring/ranked_edition.h"
#include "core/decision/scenario.h"
#include "core/error.h"

namespace ocindex::core {

struct MeasureOutcome {
  int measure = 0;
  std::optional<int64_t> before, after;  // published (rounded) units
  std::array<Rank, 3> ranks_before, ranks_after;  // by kScopes
};

struct CountryOutcome {
  int country = 0;
  // Every composite, then each indicator the scenario changed, in display order.
  std::vector<MeasureOutcome> measures;
  std::optional<Quadrant> quadrant_before, quadrant_after;
};

// Another country whose rank on a composite moved because of the scenario.
struct KnockOn {
  int country = 0;
  int measure = 0;
  size_t scope = 0;  // kScopes index
  Rank before, after;
};

// The unweighted mean of a group's published values (as GroupMeans), before and after.
struct AverageOutcome {
  int measure = 0;
  size_t scope = 0;
  std::string group;
  int members = 0;
  int64_t before = 0, after = 0;  // rounded units
};

struct WhatIfResult {
  std::vector<ScoreChange> changes;
  std::vector<CountryOutcome> countries;  // the changed countries, in first-changed order
  std::vector<KnockOn> knock_on;          // by measure (framework order), scope, then new position
  std::vector<AverageOutcome> averages;   // composites of the changed countries' groups
  // Every country's rank on every measure after the scenario, laid out as
  // RankedEdition::ranks().
  std::vector<Rank> ranks_after;
  // Published values after the scenario of the changed countries, [changed][measure].
  std::vector<std::vector<std::optional<int64_t>>> values_after;
};

Result<WhatIfResult> WhatIf(const RankedEdition& base, const Scenario& scenario);

}  // namespace ocindex::core
