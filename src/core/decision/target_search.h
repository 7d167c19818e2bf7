// What it takes: the smallest change of one country's indicator scores, in steps of
// the scale, that reaches a target (a rank, a score, a place above another country, a
// quadrant). Every target becomes bounds on published values; other countries stay as
// published.
//
// Why the search is exact: for a fixed set of assessed indicators a composite is
// linear in the scores (effective_weights.h), so a bound is a knapsack cover
// "sum of gain_i * steps_i >= need" with integer gains once scaled by the common
// denominator, and moving an indicator against a bound never helps. Indicators with
// the same gain and cost per step are interchangeable (the structure of means: every
// market of a component weighs the same), so the search runs over these classes with
// a dynamic programme on the exact progress toward the need: every class total is
// tried for every reachable progress, which proves the minimum. Ties are then listed
// from the same table, class totals first, then their spread over the class's indicators.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/scoring/ranked_edition.h"
#include "core/error.h"

namespace ocindex::core {

// The country's published value of `measure` must be at least (or at most) `units`.
struct Bound {
  int measure = 0;
  bool at_least = true;
  int64_t units = 0;
};

// Rank `position` or better (at_most_position) or `position` or worse, 1 = highest
// value, ties sharing the best place. kInvalidInput when the group is too small.
Result<Bound> RankBound(const RankedEdition& base, int country, int measure, size_t scope, int position,
                        bool at_most_position);
// Above (higher value than) or below another country on a measure.
Result<Bound> RelativeBound(const RankedEdition& base, int country, int measure, int other, bool above);
// The framework's quadrant: one bound on each axis. kInvalidInput without quadrant axes.
Result<std::vector<Bound>> QuadrantBounds(const Framework& framework, Quadrant quadrant);

struct SearchOptions {
  std::vector<int> allowed;     // indicators that may move; empty: every assessed one
  std::vector<int64_t> costs;   // cost per step by indicator (>= 1); empty: 1 each
  int tie_limit = 10;           // minimal plans listed at most
};

struct Move {
  int indicator = 0;
  int steps = 0;  // signed, in scale steps
  Rational from, to;
};

struct BoundOutcome {
  Bound bound;
  std::optional<int64_t> before;  // the country's published value now
  int64_t best = 0;               // the furthest the allowed indicators can take it
  bool met_already = false;
  bool reachable = false;
};

struct TargetAnswer {
  bool reachable = false;
  int64_t cost = 0;        // minimal total cost (total steps when every cost is 1)
  std::vector<std::vector<Move>> plans;  // minimal plans, up to the tie limit; empty when already met
  bool more_ties = false;  // more minimal plans exist than listed
  std::vector<BoundOutcome> bounds;
};

// kInvalidInput for bad options, kUnsupported when two bounds share an indicator
// (targets on nested composites).
Result<TargetAnswer> SearchTarget(const RankedEdition& base, int country, const std::vector<Bound>& bounds,
                                  const SearchOptions& options);

}  // namespace ocindex::core
