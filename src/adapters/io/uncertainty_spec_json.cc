#include "adapters/io/uncertainty_spec_json.h"

#include <fmt/format.h>

#include <functional>
#include <set>

namespace ocindex::adapters::io {

namespace un = core::uncertainty;
using nlohmann::ordered_json;

namespace {

template <typename E>
ordered_json Names(const std::vector<E>& values, const char* (*name)(E)) {
  ordered_json out = ordered_json::array();
  for (E value : values) out.push_back(name(value));
  return out;
}

// Reads an object's fields, each by name, then rejects the ones nobody asked for.
class FieldReader {
 public:
  FieldReader(const ordered_json& object, std::string source, std::string prefix)
      : object_(object), source_(std::move(source)), prefix_(std::move(prefix)) {}

  Error Fail(const std::string& field, const std::string& what) const {
    return MakeError(ErrorCode::kInvalidInput, fmt::format("{}{}: {}", prefix_, field, what), source_);
  }
  const ordered_json* Find(const char* field) {
    used_.insert(field);
    auto it = object_.find(field);
    return it == object_.end() ? nullptr : &*it;
  }
  Status Number(const char* field, double& target) {
    const ordered_json* value = Find(field);
    if (value == nullptr) return {};
    if (!value->is_number()) return Fail(field, "expected a number");
    target = value->get<double>();
    return {};
  }
  Status Strings(const char* field, std::vector<std::string>& target) {
    const ordered_json* value = Find(field);
    if (value == nullptr) return {};
    if (!value->is_array()) return Fail(field, "expected an array of names");
    target.clear();
    for (const auto& item : *value) {
      if (!item.is_string()) return Fail(field, "expected an array of names");
      target.push_back(item.get<std::string>());
    }
    return {};
  }
  template <typename E>
  Status Enums(const char* field, std::vector<E>& target, const char* (*name)(E), std::initializer_list<E> all) {
    std::vector<std::string> names;
    if (Find(field) == nullptr) return {};
    OCINDEX_RETURN_IF_ERROR(Strings(field, names));
    target.clear();
    for (const std::string& text : names) {
      bool known = false;
      std::string expected;
      for (E value : all) {
        expected += fmt::format("{}{}", expected.empty() ? "" : ", ", name(value));
        if (text == name(value)) {
          target.push_back(value);
          known = true;
        }
      }
      if (!known) return Fail(field, fmt::format("expected one of {}, found \"{}\"", expected, text));
    }
    return {};
  }
  Status CheckNoOtherFields() const {
    for (auto it = object_.begin(); it != object_.end(); ++it) {
      if (used_.count(it.key()) == 0) return Fail(it.key(), "unknown field");
    }
    return {};
  }

 private:
  const ordered_json& object_;
  std::string source_;
  std::string prefix_;
  std::set<std::string> used_;
};

Status ReadEntries(FieldReader& reader, const char* field, const std::string& source,
                   const std::function<Status(FieldReader&)>& read_one) {
  const ordered_json* entries = reader.Find(field);
  if (entries == nullptr) return {};
  if (!entries->is_array()) return reader.Fail(field, "expected an array of objects");
  for (size_t n = 0; n < entries->size(); ++n) {
    const ordered_json& entry = (*entries)[n];
    FieldReader inner(entry, source, fmt::format("{}[{}].", field, n));
    if (!entry.is_object()) return reader.Fail(fmt::format("{}[{}]", field, n), "expected an object");
    OCINDEX_RETURN_IF_ERROR(read_one(inner));
    OCINDEX_RETURN_IF_ERROR(inner.CheckNoOtherFields());
  }
  return {};
}

Status ReadScoreNoise(FieldReader& entry, un::UncertaintySpec& spec) {
  un::ScoreNoise noise;
  OCINDEX_RETURN_IF_ERROR(entry.Strings("indicators", noise.indicators));
  OCINDEX_RETURN_IF_ERROR(entry.Number("p_down", noise.p_down));
  OCINDEX_RETURN_IF_ERROR(entry.Number("p_up", noise.p_up));
  spec.score_noise.push_back(noise);
  return {};
}

Status ReadWeightNoise(FieldReader& entry, un::UncertaintySpec& spec) {
  un::WeightNoise noise;
  if (const ordered_json* value = entry.Find("level"); value != nullptr) {
    const std::string name = value->is_string() ? value->get<std::string>() : value->dump();
    if (name == "indicator") {
      noise.level = un::WeightLevel::kIndicator;
    } else if (name == "component") {
      noise.level = un::WeightLevel::kComponent;
    } else {
      return entry.Fail("level", "expected \"indicator\" or \"component\", found \"" + name + "\"");
    }
  }
  OCINDEX_RETURN_IF_ERROR(entry.Number("amplitude", noise.amplitude));
  spec.weight_noise.push_back(noise);
  return {};
}

// true (every indicator with expert data), false (none), or {"indicators": [...]}.
Status ReadExpertBootstrap(FieldReader& reader, const std::string& source, un::UncertaintySpec& spec) {
  const char* field = "expert_bootstrap";
  const ordered_json* value = reader.Find(field);
  if (value == nullptr) return {};
  if (value->is_boolean()) {
    if (value->get<bool>()) spec.expert_bootstrap.emplace();
    return {};
  }
  if (!value->is_object()) return reader.Fail(field, "expected true, false or an object such as {\"indicators\": [...]}");
  FieldReader inner(*value, source, "expert_bootstrap.");
  un::ExpertBootstrap bootstrap;
  OCINDEX_RETURN_IF_ERROR(inner.Strings("indicators", bootstrap.indicators));
  OCINDEX_RETURN_IF_ERROR(inner.CheckNoOtherFields());
  spec.expert_bootstrap = std::move(bootstrap);
  return {};
}

}  // namespace

ordered_json UncertaintySpecToJson(const un::UncertaintySpec& spec) {
  ordered_json out;
  ordered_json scores = ordered_json::array();
  for (const un::ScoreNoise& noise : spec.score_noise) {
    ordered_json entry;
    if (!noise.indicators.empty()) entry["indicators"] = noise.indicators;
    entry["p_down"] = noise.p_down;
    entry["p_up"] = noise.p_up;
    scores.push_back(entry);
  }
  out["score_noise"] = scores;
  ordered_json weights = ordered_json::array();
  for (const un::WeightNoise& noise : spec.weight_noise) {
    weights.push_back({{"level", un::WeightLevelName(noise.level)}, {"amplitude", noise.amplitude}});
  }
  out["weight_noise"] = weights;
  out["aggregation"] = Names(spec.aggregation, un::AggregationName);
  out["pillar_formula"] = Names(spec.pillar_formula, un::PillarFormulaName);
  out["threshold_spread"] = spec.threshold_spread;
  out["exclusion_candidates"] = spec.exclusion_candidates;
  if (spec.expert_bootstrap) {
    if (spec.expert_bootstrap->indicators.empty()) {
      out["expert_bootstrap"] = true;
    } else {
      out["expert_bootstrap"] = {{"indicators", spec.expert_bootstrap->indicators}};
    }
  }
  return out;
}

Result<un::UncertaintySpec> UncertaintySpecFromJson(std::string_view text, const std::string& source) {
  ordered_json document;
  try {
    document = ordered_json::parse(text);
  } catch (const nlohmann::json::exception& error) {  // parse_error, and out_of_range for a number like 1e999
    return MakeError(ErrorCode::kInvalidInput, fmt::format("not JSON: {}", error.what()), source);
  }
  if (!document.is_object()) return MakeError(ErrorCode::kInvalidInput, "expected a JSON object", source);
  un::UncertaintySpec spec;
  FieldReader reader(document, source, "");
  OCINDEX_RETURN_IF_ERROR(ReadEntries(reader, "score_noise", source,
                                      [&spec](FieldReader& entry) { return ReadScoreNoise(entry, spec); }));
  OCINDEX_RETURN_IF_ERROR(ReadEntries(reader, "weight_noise", source,
                                      [&spec](FieldReader& entry) { return ReadWeightNoise(entry, spec); }));
  OCINDEX_RETURN_IF_ERROR(reader.Enums("aggregation", spec.aggregation, un::AggregationName,
                                       {un::Aggregation::kArithmetic, un::Aggregation::kGeometric}));
  OCINDEX_RETURN_IF_ERROR(reader.Enums("pillar_formula", spec.pillar_formula, un::PillarFormulaName,
                                       {un::PillarFormula::kPublished, un::PillarFormula::kPooled}));
  OCINDEX_RETURN_IF_ERROR(reader.Number("threshold_spread", spec.threshold_spread));
  OCINDEX_RETURN_IF_ERROR(reader.Strings("exclusion_candidates", spec.exclusion_candidates));
  OCINDEX_RETURN_IF_ERROR(ReadExpertBootstrap(reader, source, spec));
  OCINDEX_RETURN_IF_ERROR(reader.CheckNoOtherFields());
  return spec;
}

}  // namespace ocindex::adapters::io
