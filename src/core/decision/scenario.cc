#include "core/decision/scenario.h"

#include <fmt/format.h>

#include <algorithm>

namespace ocindex::core {

Result<Adjustment> ParseAdjustment(std::string_view text) {
  const size_t equals = text.find('=');
  auto invalid = [text] {
    return MakeError(ErrorCode::kInvalidInput,
                     fmt::format("'{}' is not an adjustment: write indicator=+1 (shift) or indicator=4 (set)", text));
  };
  if (equals == std::string_view::npos || equals == 0) return invalid();
  std::string_view value = text.substr(equals + 1);
  Adjustment adjustment;
  adjustment.indicator = std::string(text.substr(0, equals));
  adjustment.kind = !value.empty() && (value[0] == '+' || value[0] == '-') ? AdjustmentKind::kShift
                                                                          : AdjustmentKind::kSet;
  if (!value.empty() && value[0] == '+') value.remove_prefix(1);
  auto amount = Rational::ParseDecimal(value);
  if (!amount) return invalid();
  adjustment.amount = *amount;
  return adjustment;
}

std::string AdjustmentText(const Adjustment& adjustment) {
  const bool shift = adjustment.kind == AdjustmentKind::kShift;
  const bool positive = !(adjustment.amount < Rational(0));
  return adjustment.indicator + "=" + (shift && positive ? "+" : "") + FormatRational(adjustment.amount);
}

Rational ClampToScale(const Framework& framework, const Rational& score, bool& clamped) {
  if (score < framework.scale_min) {
    clamped = true;
    return framework.scale_min;
  }
  if (framework.scale_max < score) {
    clamped = true;
    return framework.scale_max;
  }
  return score;
}

Result<std::vector<ScoreChange>> ApplyScenario(const Framework& framework, const Dataset& dataset,
                                               const Scenario& scenario) {
  std::vector<ScoreChange> changes;
  for (const Adjustment& adjustment : scenario.adjustments) {
    auto country = dataset.FindCountry(adjustment.country);
    if (!country) {
      return MakeError(ErrorCode::kNotFound,
                       fmt::format("{} is not assessed in edition {}", adjustment.country, dataset.edition));
    }
    auto measure = framework.FindMeasure(adjustment.indicator);
    if (!measure || framework.IsNode(*measure)) {
      return MakeError(ErrorCode::kNotFound, fmt::format("'{}' is not an indicator of edition {} (a what-if moves "
                                                         "indicator scores; composites follow)",
                                                         adjustment.indicator, framework.edition));
    }
    const int indicator = *measure - static_cast<int>(framework.nodes.size());
    const std::optional<Rational>& published = dataset.score(*country, indicator);
    if (!published) {
      return MakeError(ErrorCode::kInvalidInput,
                       fmt::format("{} was not assessed on {} in edition {}; a what-if changes scores, not "
                                   "assessments", adjustment.country, framework.indicators[static_cast<size_t>(indicator)].id,
                                   framework.edition));
    }
    if (!((adjustment.amount - (adjustment.kind == AdjustmentKind::kSet ? framework.scale_min : Rational(0))) /
          framework.scale_step)
             .IsInteger()) {
      return MakeError(ErrorCode::kInvalidInput,
                       fmt::format("{}: scores move in steps of {}", AdjustmentText(adjustment),
                                   FormatRational(framework.scale_step)));
    }
    auto found = std::find_if(changes.begin(), changes.end(), [&](const ScoreChange& change) {
      return change.country == *country && change.indicator == indicator;
    });
    if (found == changes.end()) {
      found = changes.insert(changes.end(), ScoreChange{*country, indicator, *published, *published, false});
    }
    const Rational wanted =
        adjustment.kind == AdjustmentKind::kSet ? adjustment.amount : found->after + adjustment.amount;
    found->after = ClampToScale(framework, wanted, found->clamped);
  }
  return changes;
}

}  // namespace ocindex::core
