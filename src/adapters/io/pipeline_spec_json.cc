#include "adapters/io/pipeline_spec_json.h"

#include <fmt/format.h>

#include <set>

namespace ocindex::adapters::io {

namespace pl = core::pipeline;
using nlohmann::ordered_json;
using pl::Overload;

namespace {

ordered_json StepToJson(const pl::Step& step) {
  ordered_json out;
  out["step"] = pl::StepName(step);
  std::visit(Overload{
                 [](const pl::DenominateStep&) {},
                 [&](const pl::ImputeStep& s) {
                   out["method"] = pl::ImputeMethodName(s.method);
                   out["group"] = s.group;
                 },
                 [&](const pl::ScreenStep& s) { out["min_availability"] = s.min_availability; },
                 [&](const pl::TreatStep& s) {
                   out["winmax"] = s.winmax;
                   out["skew_threshold"] = s.skew_threshold;
                   out["kurtosis_threshold"] = s.kurtosis_threshold;
                 },
                 [&](const pl::NormaliseStep& s) {
                   out["method"] = pl::NormaliseMethodName(s.method);
                   out["low"] = s.low;
                   out["high"] = s.high;
                 },
                 [&](const pl::WeightStep& s) {
                   out["method"] = pl::WeightMethodName(s.method);
                   ordered_json weights = ordered_json::array();
                   for (const pl::NodeWeight& w : s.weights) weights.push_back({{"code", w.code}, {"weight", w.weight}});
                   out["weights"] = weights;
                 },
                 [&](const pl::AggregateStep& s) {
                   out["method"] = pl::AggregationMethodName(s.method);
                   out["p"] = s.p;
                 },
             },
             step);
  return out;
}

// Reads the fields of one step object, remembering which were used.
class StepReader {
 public:
  StepReader(const ordered_json& object, std::string where) : object_(object), where_(std::move(where)) {}

  Error Fail(const std::string& what) const { return MakeError(ErrorCode::kInvalidInput, what, where_); }

  template <typename T>
  Status Get(const char* field, T& target) {
    used_.insert(field);
    auto it = object_.find(field);
    if (it == object_.end()) return {};  // the default stays
    try {
      target = it->template get<T>();
    } catch (const nlohmann::json::exception&) {
      return Fail(fmt::format("field \"{}\" has the wrong type", field));
    }
    return {};
  }

  // An enum by its name, trying each value of [first, last].
  template <typename E>
  Status GetEnum(const char* field, E& target, const char* (*name)(E), E first, E last) {
    std::string text = name(target);
    OCINDEX_RETURN_IF_ERROR(Get(field, text));
    std::string known;
    for (int v = static_cast<int>(first); v <= static_cast<int>(last); ++v) {
      const E value = static_cast<E>(v);
      if (text == name(value)) {
        target = value;
        return {};
      }
      known += fmt::format("{}{}", known.empty() ? "" : ", ", name(value));
    }
    return Fail(fmt::format("field \"{}\": expected one of {}, found \"{}\"", field, known, text));
  }

  Status CheckNoOtherFields() const {
    for (auto it = object_.begin(); it != object_.end(); ++it) {
      if (it.key() != "step" && used_.count(it.key()) == 0) return Fail(fmt::format("unknown field \"{}\"", it.key()));
    }
    return {};
  }

 private:
  const ordered_json& object_;
  std::string where_;
  std::set<std::string> used_;
};

Result<pl::Step> StepFromJson(const ordered_json& object, const std::string& where) {
  if (!object.is_object() || !object.contains("step") || !object["step"].is_string()) {
    return MakeError(ErrorCode::kInvalidInput, "expected an object with a \"step\" name", where);
  }
  const std::string name = object["step"].get<std::string>();
  StepReader reader(object, where);
  pl::Step step;
  if (name == "denominate") {
    step = pl::DenominateStep{};
  } else if (name == "impute") {
    pl::ImputeStep s;
    OCINDEX_RETURN_IF_ERROR(reader.GetEnum("method", s.method, pl::ImputeMethodName, pl::ImputeMethod::kGroupMean,
                                           pl::ImputeMethod::kRowMean));
    OCINDEX_RETURN_IF_ERROR(reader.Get("group", s.group));
    step = s;
  } else if (name == "screen") {
    pl::ScreenStep s;
    OCINDEX_RETURN_IF_ERROR(reader.Get("min_availability", s.min_availability));
    step = s;
  } else if (name == "treat") {
    pl::TreatStep s;
    OCINDEX_RETURN_IF_ERROR(reader.Get("winmax", s.winmax));
    OCINDEX_RETURN_IF_ERROR(reader.Get("skew_threshold", s.skew_threshold));
    OCINDEX_RETURN_IF_ERROR(reader.Get("kurtosis_threshold", s.kurtosis_threshold));
    step = s;
  } else if (name == "normalise") {
    pl::NormaliseStep s;
    OCINDEX_RETURN_IF_ERROR(reader.GetEnum("method", s.method, pl::NormaliseMethodName, pl::NormaliseMethod::kMinMax,
                                           pl::NormaliseMethod::kGoalposts));
    OCINDEX_RETURN_IF_ERROR(reader.Get("low", s.low));
    OCINDEX_RETURN_IF_ERROR(reader.Get("high", s.high));
    step = s;
  } else if (name == "weight") {
    pl::WeightStep s;
    OCINDEX_RETURN_IF_ERROR(reader.GetEnum("method", s.method, pl::WeightMethodName, pl::WeightMethod::kExplicit,
                                           pl::WeightMethod::kPca));
    ordered_json weights = ordered_json::array();
    OCINDEX_RETURN_IF_ERROR(reader.Get("weights", weights));
    for (const auto& w : weights) {
      if (!w.is_object() || !w.contains("code") || !w["code"].is_string() || !w.contains("weight") ||
          !w["weight"].is_number()) {
        return reader.Fail("each weight must be {\"code\": text, \"weight\": number}");
      }
      s.weights.push_back({w["code"].get<std::string>(), w["weight"].get<double>()});
    }
    step = s;
  } else if (name == "aggregate") {
    pl::AggregateStep s;
    OCINDEX_RETURN_IF_ERROR(reader.GetEnum("method", s.method, pl::AggregationMethodName,
                                           pl::AggregationMethod::kArithmetic, pl::AggregationMethod::kGeneralised));
    OCINDEX_RETURN_IF_ERROR(reader.Get("p", s.p));
    step = s;
  } else {
    return reader.Fail(fmt::format("unknown step \"{}\" (expected denominate, impute, screen, treat, normalise, "
                                   "weight or aggregate)",
                                   name));
  }
  OCINDEX_RETURN_IF_ERROR(reader.CheckNoOtherFields());
  return step;
}

}  // namespace

ordered_json SpecToJson(const pl::Spec& spec) {
  ordered_json steps = ordered_json::array();
  for (const pl::Step& step : spec.steps) steps.push_back(StepToJson(step));
  return ordered_json{{"steps", steps}};
}

Result<pl::Spec> SpecFromJson(std::string_view text, const std::string& source) {
  ordered_json document;
  try {
    document = ordered_json::parse(text);
  } catch (const nlohmann::json::exception& error) {  // parse_error, and out_of_range for a number like 1e999
    return MakeError(ErrorCode::kInvalidInput, fmt::format("not JSON: {}", error.what()), source);
  }
  if (!document.is_object() || !document.contains("steps") || !document["steps"].is_array()) {
    return MakeError(ErrorCode::kInvalidInput, "expected an object with a \"steps\" array", source);
  }
  pl::Spec spec;
  size_t index = 0;
  for (const auto& object : document["steps"]) {
    ++index;
    pl::Step step;
    OCINDEX_ASSIGN_OR_RETURN(step, StepFromJson(object, fmt::format("{}, step {}", source, index)));
    spec.steps.push_back(std::move(step));
  }
  Status valid = spec.Validate();
  if (!valid) return MakeError(valid.error().code, valid.error().message, source);
  return spec;
}

}  // namespace ocindex::adapters::io
