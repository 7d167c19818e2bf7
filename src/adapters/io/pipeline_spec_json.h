// Pipeline specs as JSON, so every result can say how it was built and a run can be
// replayed: {"steps": [{"step": "denominate"}, {"step": "impute", "method":
// "group_mean", "group": "EurAsia_group"}, {"step": "screen", "min_availability": 0.9},
// {"step": "treat", "winmax": 5, "skew_threshold": 2, "kurtosis_threshold": 3.5},
// {"step": "normalise", "method": "minmax", "low": 0,
// "high": 100}, {"step": "weight", "method": "explicit", "weights": [{"code": "Conn",
// "weight": 1.06}]}, {"step": "aggregate", "method": "arithmetic", "p": 1}]}.
// Names are those of core/pipeline/spec.h's *Name functions. Doubles are written as
// the shortest text that reads back to the same double.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "core/error.h"
#include "core/pipeline/spec.h"

namespace ocindex::adapters::io {

nlohmann::ordered_json SpecToJson(const core::pipeline::Spec& spec);

// Parses and validates (Spec::Validate). Errors name `source`, the step number and
// the field; unknown fields are errors, so a typo never silently means a default.
Result<core::pipeline::Spec> SpecFromJson(std::string_view text, const std::string& source);

}  // namespace ocindex::adapters::io
