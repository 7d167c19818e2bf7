// Building blocks of the API's JSON schemas (OpenAPI 3.0.3), shared by the published
// data's schemas (api_schemas.cc) and the workspace's (workspace_schemas.cc).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "faces/server/api_json.h"

namespace ocindex::server::schema {

inline Json Type(const char* type) { return Json{{"type", type}}; }
inline Json String() { return Type("string"); }
inline Json Integer() { return Type("integer"); }
inline Json Number() { return Type("number"); }
inline Json Boolean() { return Type("boolean"); }
inline Json Nullable(Json schema) {
  schema["nullable"] = true;
  return schema;
}
// A published figure: null when not assessed.
inline Json Figure() { return Nullable(Number()); }
inline Json Array(Json items) { return Json{{"type", "array"}, {"items", std::move(items)}}; }
inline Json Strings() { return Array(String()); }
// An object keyed by data (measure ids, ISO3 codes, place codes).
inline Json Map(Json values) { return Json{{"type", "object"}, {"additionalProperties", std::move(values)}}; }
inline Json Enum(const std::vector<std::string>& values) { return Json{{"type", "string"}, {"enum", values}}; }

// Every property required except `optional`; no other key allowed, so a key added to a
// renderer without its schema fails the contract test.
inline Json Object(Json properties, const std::set<std::string>& optional = {}) {
  Json required = Json::array();
  for (const auto& [key, value] : properties.items()) {
    if (optional.count(key) == 0) required.push_back(key);
  }
  return Json{{"type", "object"},
              {"required", std::move(required)},
              {"properties", std::move(properties)},
              {"additionalProperties", false}};
}

}  // namespace ocindex::server::schema
