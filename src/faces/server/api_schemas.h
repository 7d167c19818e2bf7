// The schemas of the API's JSON bodies (OpenAPI 3.0.3: `nullable` for figures that can
// be missing), by component name, for the OpenAPI document. Each route names its 200
// body's schema in its RouteDoc; the contract test (docs/API.md) validates every
// response of the API tests against them, so a renderer and its schema cannot drift
// unnoticed. Enums come from the core's own name functions.
#pragma once

#include <string>

#include "faces/server/api_json.h"

namespace ocindex::server {

// {"Error": {...}, "Editions": {...}, ...}: the document's components/schemas.
Json ApiSchemas();
// {"$ref": "#/components/schemas/<name>"}
Json SchemaRef(const std::string& name);
// A quadrant {"label","criminality_high","resilience_high"}, or null (QuadrantJson).
Json QuadrantSchema();

}  // namespace ocindex::server
