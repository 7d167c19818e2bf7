// Uncertainty specs as JSON (docs/ANALYTICS.md shows one):
// {"score_noise": [{"indicators": ["cocaine_trade"], "p_down": 0.25, "p_up": 0.25}],
//  "weight_noise": [{"level": "indicator", "amplitude": 0.25}],
//  "aggregation": ["arithmetic", "geometric"], "pillar_formula": ["published", "pooled"],
//  "threshold_spread": 0.5, "exclusion_candidates": ["cyber_dependent_crimes"],
//  "expert_bootstrap": {"indicators": ["heroin_trade"]}}
// Every field is optional; a score_noise entry without "indicators" covers them all;
// "expert_bootstrap": true resamples every indicator with expert data.
// Unknown fields are errors, so a typo never silently means a default.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "core/error.h"
#include "core/uncertainty/uncertainty_spec.h"

namespace ocindex::adapters::io {

nlohmann::ordered_json UncertaintySpecToJson(const core::uncertainty::UncertaintySpec& spec);

// Parses only (validation against an edition is core::uncertainty::ValidateSpec).
// Errors name `source` and the field: "spec.json: score_noise[0].p_up: expected a number".
Result<core::uncertainty::UncertaintySpec> UncertaintySpecFromJson(std::string_view text, const std::string& source);

}  // namespace ocindex::adapters::io
