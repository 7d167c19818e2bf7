#include "adapters/io/scenario_json.h"

#include <fmt/format.h>

namespace ocindex::adapters::io {
namespace {

using Json = nlohmann::ordered_json;

Error Invalid(const std::string& source, const std::string& field, const std::string& message) {
  return MakeError(ErrorCode::kInvalidInput, field + ": " + message, source);
}

// A JSON number as an exact rational, read from its decimal text (never via binary floating point).
std::optional<core::Rational> Amount(const Json& value) {
  if (!value.is_number()) return std::nullopt;
  return core::Rational::ParseDecimal(value.dump());
}

}  // namespace

Json ScenarioToJson(const core::Scenario& scenario) {
  Json changes = Json::array();
  for (const core::Adjustment& adjustment : scenario.adjustments) {
    const char* key = adjustment.kind == core::AdjustmentKind::kSet ? "set" : "shift";
    changes.push_back(Json{{"country", adjustment.country},
                           {"indicator", adjustment.indicator},
                           {key, Json::parse(core::FormatRational(adjustment.amount))}});
  }
  Json out = Json::object();
  if (!scenario.edition.empty()) out["edition"] = scenario.edition;
  out["changes"] = std::move(changes);
  return out;
}

Result<core::Scenario> ScenarioFromJson(std::string_view text, const std::string& source) {
  Json root = Json::parse(text, nullptr, false);
  if (root.is_discarded() || !root.is_object()) {
    return MakeError(ErrorCode::kInvalidInput, "not a JSON object (expected {\"changes\": [...]})", source);
  }
  core::Scenario scenario;
  for (const auto& [key, value] : root.items()) {
    if (key == "edition") {
      if (!value.is_string() && !value.is_number_integer()) return Invalid(source, key, "expected an edition id");
      scenario.edition = value.is_string() ? value.get<std::string>() : value.dump();
    } else if (key != "changes") {
      return Invalid(source, key, "unknown field (expected edition, changes)");
    }
  }
  if (!root.contains("changes") || !root["changes"].is_array() || root["changes"].empty()) {
    return Invalid(source, "changes", "expected a non-empty array of changes");
  }
  for (size_t k = 0; k < root["changes"].size(); ++k) {
    const Json& change = root["changes"][k];
    const std::string field = fmt::format("changes[{}]", k);
    if (!change.is_object()) return Invalid(source, field, "expected an object");
    core::Adjustment adjustment;
    int amounts = 0;
    for (const auto& [key, value] : change.items()) {
      if (key == "country" || key == "indicator") {
        if (!value.is_string()) return Invalid(source, field + "." + key, "expected a string");
        (key == "country" ? adjustment.country : adjustment.indicator) = value.get<std::string>();
      } else if (key == "shift" || key == "set") {
        auto amount = Amount(value);
        if (!amount) return Invalid(source, field + "." + key, "expected a number");
        adjustment.amount = *amount;
        adjustment.kind = key == "set" ? core::AdjustmentKind::kSet : core::AdjustmentKind::kShift;
        ++amounts;
      } else {
        return Invalid(source, field + "." + key, "unknown field (expected country, indicator, shift or set)");
      }
    }
    if (adjustment.country.empty() || adjustment.indicator.empty() || amounts != 1) {
      return Invalid(source, field, "expected a country, an indicator and one of shift or set");
    }
    scenario.adjustments.push_back(std::move(adjustment));
  }
  return scenario;
}

}  // namespace ocindex::adapters::io
