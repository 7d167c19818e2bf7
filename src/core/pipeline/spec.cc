#include "core/pipeline/spec.h"

#include <cmath>

#include <fmt/format.h>

namespace ocindex::core::pipeline {

namespace {

Error Invalid(size_t index, const Step& step, const std::string& what) {
  return MakeError(ErrorCode::kInvalidInput, fmt::format("step {} ({}): {}", index + 1, StepName(step), what));
}

Status CheckStep(const Step& step, size_t index) {
  return std::visit(
      Overload{
          [](const DenominateStep&) -> Status { return {}; },
          [](const ImputeStep&) -> Status { return {}; },
          [&](const ScreenStep& s) -> Status {
            if (!(s.min_availability >= 0 && s.min_availability <= 1)) {
              return Invalid(index, step, "min_availability must lie in [0, 1]");
            }
            return {};
          },
          [&](const TreatStep& s) -> Status {
            if (s.winmax < 1) return Invalid(index, step, "winmax must be at least 1");
            if (!(s.skew_threshold > 0) || !std::isfinite(s.kurtosis_threshold)) {
              return Invalid(index, step, "the skew threshold must be > 0 and the kurtosis threshold finite");
            }
            return {};
          },
          [&](const NormaliseStep& s) -> Status {
            if (!std::isfinite(s.low) || !std::isfinite(s.high)) return Invalid(index, step, "low and high must be finite");
            if (s.method == NormaliseMethod::kMinMax && !(s.low < s.high)) {
              return Invalid(index, step, "min-max needs low < high");
            }
            if (s.method == NormaliseMethod::kZScore && !(s.high > 0)) {
              return Invalid(index, step, "z-score needs a standard deviation (high) > 0");
            }
            return {};
          },
          [&](const WeightStep& s) -> Status {
            for (const NodeWeight& w : s.weights) {
              if (!std::isfinite(w.weight) || w.weight < 0) {
                return Invalid(index, step, fmt::format("weight of {} must be finite and >= 0", w.code));
              }
            }
            if (s.method == WeightMethod::kPca && !s.weights.empty()) {
              return Invalid(index, step, "PCA weights take no explicit weights");
            }
            return {};
          },
          [&](const AggregateStep& s) -> Status {
            if (!std::isfinite(s.p)) return Invalid(index, step, "the order p must be finite");
            return {};
          },
      },
      step);
}

}  // namespace

Status Spec::Validate() const {
  for (size_t i = 0; i < steps.size(); ++i) {
    OCINDEX_RETURN_IF_ERROR(CheckStep(steps[i], i));
    if (std::holds_alternative<AggregateStep>(steps[i]) && i + 1 != steps.size()) {
      return Invalid(i, steps[i], "aggregation must be the last step");
    }
  }
  return {};
}

const char* StepName(const Step& step) {
  static constexpr const char* kNames[] = {"denominate", "impute", "screen", "treat", "normalise", "weight",
                                           "aggregate"};
  return kNames[step.index()];
}

const char* ImputeMethodName(ImputeMethod method) {
  switch (method) {
    case ImputeMethod::kGroupMean: return "group_mean";
    case ImputeMethod::kGroupMedian: return "group_median";
    case ImputeMethod::kRowMean: return "row_mean";
  }
  return "?";
}

const char* NormaliseMethodName(NormaliseMethod method) {
  switch (method) {
    case NormaliseMethod::kMinMax: return "minmax";
    case NormaliseMethod::kZScore: return "zscore";
    case NormaliseMethod::kRank: return "rank";
    case NormaliseMethod::kTarget: return "target";
    case NormaliseMethod::kGoalposts: return "goalposts";
  }
  return "?";
}

const char* WeightMethodName(WeightMethod method) { return method == WeightMethod::kExplicit ? "explicit" : "pca"; }

const char* AggregationMethodName(AggregationMethod method) {
  switch (method) {
    case AggregationMethod::kArithmetic: return "arithmetic";
    case AggregationMethod::kGeometric: return "geometric";
    case AggregationMethod::kHarmonic: return "harmonic";
    case AggregationMethod::kGeneralised: return "generalised";
  }
  return "?";
}

}  // namespace ocindex::core::pipeline
