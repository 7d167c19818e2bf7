// Why two figures differ: the difference of one composite between two countries (one
// edition) or between two editions (one country), split exactly into per-indicator
// contributions. A composite is sum of weight_i * score_i (effective_weights.h), so
//   A - B = sum over indicators in both of  mean(weight) * (scoreA - scoreB)   [score effect]
//                                        + mean(score) * (weightA - weightB)  [weight effect]
//         + sum over indicators in A only of weightA * scoreA                  [added]
//         - sum over indicators in B only of weightB * scoreB                  [dropped]
// holds exactly in rationals. With the same indicators assessed on both sides the
// weight effects are zero and each contribution is the score difference times the
// effective weight. Between editions the like-for-like column recomputes both on the
// indicators they share, so the added indicators' share of a raw change stands apart.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/model/dataset.h"
#include "core/scoring/scorecard.h"

namespace ocindex::core {

enum class ContributionKind { kShared, kOnlyA, kOnlyB };  // between editions: only A = added, only B = dropped

struct Contribution {
  std::string indicator;  // id
  std::string name;
  ContributionKind kind = ContributionKind::kShared;
  std::optional<Rational> score_a, score_b;
  Rational weight_a, weight_b;  // effective weights in the composite (0 where not assessed)
  Rational score_effect;
  Rational weight_effect;
  std::optional<Rational> like_for_like;  // editions only, shared indicators: the like-for-like contribution
  Rational total() const { return score_effect + weight_effect; }
};

struct Decomposition {
  std::string measure_id, measure_name;
  int decimals = 2;
  Rational value_a, value_b;  // exact composites
  int64_t published_a = 0, published_b = 0;  // rounded units
  // Indicators contributing anything (or assessed on either side), biggest |total| first, then framework order.
  std::vector<Contribution> rows;
  Rational rounding;  // (published A - published B) - (A - B): what rounding adds
  // Editions only: both editions recomputed on their shared indicators.
  std::optional<Rational> like_a, like_b;
};

// `a` minus `b`, two countries of one edition. kInvalidInput when either has no value.
Result<Decomposition> ExplainCountries(const Edition& edition, int a, int b, int measure);
// The country in `after` minus the same country in `before`; `measure_id` in both frameworks.
Result<Decomposition> ExplainEditions(const Edition& before, const Edition& after, const std::string& iso3,
                                      const std::string& measure_id);

}  // namespace ocindex::core
