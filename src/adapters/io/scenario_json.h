// What-if scenarios as JSON, to save, share and replay (docs/DECISION.md):
// {"edition": "2025",
//  "changes": [{"country": "KAZ", "indicator": "law_enforcement", "shift": 1},
//              {"country": "KAZ", "indicator": "heroin_trade", "set": 4}]}
// "edition" is optional; each change has exactly one of "shift" and "set". Unknown
// fields are errors, so a typo never silently means something else.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "core/decision/scenario.h"
#include "core/error.h"

namespace ocindex::adapters::io {

nlohmann::ordered_json ScenarioToJson(const core::Scenario& scenario);

// Errors name `source` and the field: "kaz.json: changes[0].shift: expected a number".
Result<core::Scenario> ScenarioFromJson(std::string_view text, const std::string& source);

}  // namespace ocindex::adapters::io
