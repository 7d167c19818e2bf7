// What-if scenarios as data: indicator scores of one or more countries set to a value
// or shifted by an amount. A scenario is saved, shared and replayed as JSON
// (adapters/io/scenario_json.h); applying it clamps every score to the scale.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/model/dataset.h"
#include "core/model/framework.h"
#include "core/model/rational.h"

namespace ocindex::core {

enum class AdjustmentKind { kSet, kShift };

struct Adjustment {
  std::string country;    // ISO3
  std::string indicator;  // indicator id or name
  AdjustmentKind kind = AdjustmentKind::kShift;
  Rational amount;        // the new score (kSet) or the change (kShift)
};

struct Scenario {
  std::string edition;  // the edition it was written for; empty: any
  std::vector<Adjustment> adjustments;  // applied in order; later ones see earlier ones
};

// "law_enforcement=+1" or "law_enforcement=-0.5" shifts, "heroin_trade=4" sets; the
// country is left empty for the caller to fill. kInvalidInput on other text.
Result<Adjustment> ParseAdjustment(std::string_view text);
// The text ParseAdjustment reads ("law_enforcement=+1").
std::string AdjustmentText(const Adjustment& adjustment);

// One score a scenario changed.
struct ScoreChange {
  int country = 0;    // in the dataset
  int indicator = 0;  // in the framework
  Rational before;
  Rational after;     // on the scale's grid, within it
  bool clamped = false;  // the scenario asked for a score beyond the scale
};

// The changed cells, one per (country, indicator) in first-touched order. kNotFound for
// an unknown country or indicator; kInvalidInput for a cell not assessed (a what-if
// changes scores, it does not add assessments) or an amount off the scale's grid.
Result<std::vector<ScoreChange>> ApplyScenario(const Framework& framework, const Dataset& dataset,
                                               const Scenario& scenario);

// Clamps a score to [scale_min, scale_max]; sets `clamped` when it had to.
Rational ClampToScale(const Framework& framework, const Rational& score, bool& clamped);

}  // namespace ocindex::core
