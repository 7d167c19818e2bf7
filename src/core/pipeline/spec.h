// A pipeline spec: the ordered list of steps that turns a model's raw data into
// composite scores. Every result carries the spec that built it, and the spec is
// plain data, so a run can be written out (adapters/io/pipeline_spec_json) and
// replayed exactly. Parameters follow COINr's names where COINr has the method.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "core/error.h"

namespace ocindex::core::pipeline {

// Divides each indicator with a denominator (Node::denominator) by that column.
struct DenominateStep {};

enum class ImputeMethod {
  kGroupMean,    // mean of the indicator over units of the same group (all units if no group)
  kGroupMedian,  // median of the indicator over units of the same group
  kRowMean,      // mean of the unit's other indicators under the same parent node
};
struct ImputeStep {
  ImputeMethod method = ImputeMethod::kGroupMean;
  std::string group;  // a Model::groups column for the group methods; empty = all units
};

// Drops units with less than `min_availability` (0..1) of their indicators present.
struct ScreenStep {
  double min_availability = 0.9;
};

// COINr's default treatment: while |skewness| >= skew_threshold and kurtosis >=
// kurtosis_threshold, Winsorise the extreme on the side of the skew (tied extremes
// move together to the next value inwards) until winmax points are Winsorised; if the
// test still fails, discard that and log-transform the original values (see treat.h).
struct TreatStep {
  int winmax = 5;
  double skew_threshold = 2;
  double kurtosis_threshold = 3.5;
};

enum class NormaliseMethod {
  kMinMax,      // linear map of [min, max] onto [low, high]
  kZScore,      // (x - mean) / sd * high + low: `low` is the new mean, `high` the new sd
  kRank,        // rank among units, ties share the mean rank (1 = lowest)
  kTarget,      // distance to target: (x - min) / (target - min), capped at 1, times `high`
  kGoalposts,   // (x - goalpost_low) / (goalpost_high - goalpost_low) clipped to [0, 1], times `high`
};
// Each indicator is first multiplied by its direction, so "higher is better" holds
// for every normalised column.
struct NormaliseStep {
  NormaliseMethod method = NormaliseMethod::kMinMax;
  double low = 0;
  double high = 100;
};

struct NodeWeight {
  std::string code;
  double weight = 1;
};
enum class WeightMethod {
  kExplicit,  // the listed weights replace the model's (unlisted nodes keep theirs)
  kPca,       // per aggregate: squared loadings of the first principal component of its
              // children's correlation matrix (they sum to 1), on the data at this step
};
struct WeightStep {
  WeightMethod method = WeightMethod::kExplicit;
  std::vector<NodeWeight> weights;
};

enum class AggregationMethod { kArithmetic, kGeometric, kHarmonic, kGeneralised };
// Every aggregate is the weighted mean of its children; weights are re-normalised over
// the children a unit has values for. Every mean but the arithmetic one (geometric,
// harmonic, generalised of order p != 1) needs strictly positive values.
struct AggregateStep {
  AggregationMethod method = AggregationMethod::kArithmetic;
  double p = 1;  // order of the generalised mean
};

using Step = std::variant<DenominateStep, ImputeStep, ScreenStep, TreatStep, NormaliseStep, WeightStep,
                          AggregateStep>;

struct Spec {
  std::vector<Step> steps;
  // Checks parameters that need no model: thresholds in range, winmax >= 1, a positive
  // z-score sd, low < high for min-max, at most one aggregate step and it comes last.
  Status Validate() const;
};

// Visits a Step with one lambda per kind: std::visit(Overload{[](const TreatStep&) {...}, ...}, step).
template <typename... Ts>
struct Overload : Ts... {
  using Ts::operator()...;
};
template <typename... Ts>
Overload(Ts...) -> Overload<Ts...>;

const char* StepName(const Step& step);
const char* ImputeMethodName(ImputeMethod method);
const char* NormaliseMethodName(NormaliseMethod method);
const char* WeightMethodName(WeightMethod method);
const char* AggregationMethodName(AggregationMethod method);

}  // namespace ocindex::core::pipeline
