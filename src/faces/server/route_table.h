// The API's routes with their documentation: each route family adds entries here,
// and both the router and the OpenAPI document are built from the one table, so the
// document cannot leave a route out.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "adapters/http/router.h"
#include "app/engine.h"
#include "app/reference_uncertainty.h"
#include "faces/server/api_json.h"

namespace ocindex::server {

struct ParamDoc {
  std::string name;
  std::string in;  // "path" or "query"
  bool required = false;
  std::string description;
  std::string example;  // a value that answers 200 with the bundled data
};

struct RouteDoc {
  std::string summary;
  std::vector<ParamDoc> params;
  std::vector<std::string> required_keys;  // top-level keys of the 200 JSON body
  bool csv = false;                        // also answers text/csv
  // The 200 JSON body's schema in ApiSchemas() ("Ranks"), or, for a route that answers
  // a file to save, its media type ("application/pdf").
  std::string schema;

  // Whether the route answers a file (`schema` is then a media type).
  bool answers_file() const { return schema.find('/') != std::string::npos; }
};

struct ApiRoute {
  std::string pattern;  // "/api/v1/editions/{edition}/ranks"
  RouteDoc doc;
  adapters::http::RouteHandler handler;
};

using RouteTable = std::vector<ApiRoute>;

// Route families; `engine` outlives the routes.
void AddEditionRoutes(RouteTable& table, const app::Engine& engine);      // editions, framework, countries, scores, ranks, aggregates
void AddCountryRoutes(RouteTable& table, const app::Engine& engine);      // country profile, compare
void AddChangesRoutes(RouteTable& table, const app::Engine& engine);      // changes between editions
// rank intervals (reference experiment)
void AddUncertaintyRoutes(RouteTable& table, const app::Engine& engine,
                          const std::shared_ptr<app::ReferenceUncertainty>& reference);
void AddFlowsRoutes(RouteTable& table, const app::Engine& engine);        // flow graph, a country's flows
void AddNarrativeRoutes(RouteTable& table, const app::Engine& engine);    // a country's profile narrative
void AddDecisionRoutes(RouteTable& table, const app::Engine& engine);     // what-if, target, explain, peers, clusters
// dataset files, measure CSV (with the reference experiment's intervals), profile PDF
void AddDownloadRoutes(RouteTable& table, const app::Engine& engine,
                       const std::shared_ptr<app::ReferenceUncertainty>& reference);

// Every route family above.
RouteTable ApiRoutes(const app::Engine& engine);

// The OpenAPI "parameters" of a route (every value a string, with its example).
Json ParametersJson(const std::vector<ParamDoc>& params);

struct WorkspaceRoute;
// The OpenAPI 3.0 document describing the tables (and /healthz, /api/v1/openapi.json).
std::string OpenApiDocument(const RouteTable& table, const std::vector<WorkspaceRoute>& workspace);
// The same document without a database (`ocindex openapi`): the routes are registered
// on an engine over an in-memory store, whose data no documentation reads.
Result<std::string> OpenApiDocument();

}  // namespace ocindex::server
