// Every figure of one edition, computed from the indicator scores: exact values at
// every node and indicator, and the rounded values that get published and ranked.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/error.h"
#include "core/model/dataset.h"
#include "core/model/framework.h"
#include "core/model/rational.h"

namespace ocindex::core {

class Scorecard {
 public:
  // Composites come from unrounded means all the way up: a pillar that averages
  // children averages their exact values, never their published roundings.
  // A node whose indicators are all not assessed has no value. Fails if the dataset
  // was not shaped for this framework.
  static Result<Scorecard> Compute(const Framework& framework, const Dataset& dataset);

  int country_count() const { return countries_; }
  int measure_count() const { return measures_; }
  int decimals() const { return decimals_; }

  // Exact value of a measure (see Framework for measure numbering); nullopt if none.
  const std::optional<Rational>& exact(int country, int measure) const {
    return exact_[Index(country, measure)];
  }
  // Published value in units of 10^-decimals (4.26 -> 426); nullopt if none.
  std::optional<int64_t> rounded(int country, int measure) const {
    const auto& value = exact(country, measure);
    if (!value) return std::nullopt;
    return value->RoundHalfUp(decimals_);
  }

 private:
  size_t Index(int country, int measure) const {
    return static_cast<size_t>(country) * static_cast<size_t>(measures_) + static_cast<size_t>(measure);
  }
  int countries_ = 0;
  int measures_ = 0;
  int decimals_ = 2;
  std::vector<std::optional<Rational>> exact_;
};

// A published composite that differs from the recomputed one.
struct PublishedMismatch {
  int country = 0;
  int node = 0;
  int64_t published = 0;   // rounded to the framework's decimals
  int64_t recomputed = 0;
};

// Compares each published composite (rounded half-up to the framework's decimals, which
// absorbs unrounded and float-noisy sources) with the recomputed value.
std::vector<PublishedMismatch> CheckPublished(const Framework& framework, const Dataset& dataset,
                                              const Scorecard& scorecard);

}  // namespace ocindex::core
