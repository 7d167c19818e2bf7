// The OpenAPI 3.0 document, built from the route table rather than kept as a file:
// the table is what the router serves, so every route is documented by construction.
// Body schemas come from ApiSchemas(); the contract test (docs/API.md) validates every
// response of the API tests against them.
#include "faces/server/api_json.h"
#include "faces/server/api_schemas.h"
#include "faces/server/route_table.h"
#include "faces/server/workspace_routes.h"

namespace ocindex::server {
namespace {

Json Operation(const RouteDoc& doc) {
  Json parameters = ParametersJson(doc.params);
  const bool file = doc.answers_file();
  Json content = file ? Json{{doc.schema.substr(0, doc.schema.find(';')), {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}
                      : Json{{"application/json", {{"schema", SchemaRef(doc.schema)}}}};
  if (doc.csv) content["text/csv"] = {{"schema", {{"type", "string"}}}};
  auto error = [](const char* description) {
    return Json{{"description", description}, {"content", {{"application/json", {{"schema", SchemaRef("Error")}}}}}};
  };
  Json responses = {{"200", {{"description", "OK (ETag; 304 when If-None-Match matches)"}, {"content", content}}},
                    {"400", error("Malformed request")},
                    {"404", error("Unknown edition, country, measure or path")},
                    {"422", error("Invalid parameter")},
                    {"500", error("Stored data damaged, or a bug")},
                    {"501", error("Not served for this edition (e.g. a figure not assessed)")},
                    {"503", error("The store cannot be reached")}};
  return Json{{"summary", doc.summary}, {"parameters", parameters}, {"responses", responses}};
}

Json SimpleOperation(const std::string& summary, const std::vector<std::string>& required, const std::string& schema) {
  return Operation(RouteDoc{summary, {}, required, false, schema});
}

}  // namespace

Json ParametersJson(const std::vector<ParamDoc>& params) {
  Json parameters = Json::array();
  for (const ParamDoc& param : params) {
    parameters.push_back(Json{{"name", param.name},
                              {"in", param.in},
                              {"required", param.required},
                              {"description", param.description},
                              {"schema", {{"type", "string"}}},
                              {"example", param.example}});
  }
  return parameters;
}

std::string OpenApiDocument(const RouteTable& table, const WorkspaceTable& workspace) {
  Json paths = WorkspacePaths(workspace);
  for (const ApiRoute& route : table) paths[route.pattern] = {{"get", Operation(route.doc)}};
  paths["/api/v1/openapi.json"] = {
      {"get", SimpleOperation("This document", {"openapi", "info", "paths", "components"}, "OpenApi")}};
  paths["/healthz"] = {{"get", SimpleOperation("Liveness check", {"status"}, "Health")}};
  paths["/api/v1/health"] = {{"get", SimpleOperation("The store: backend, location and schema version, read anew on "
                                                     "each request (503 when it cannot be read)",
                                                     {"status", "store", "editions"}, "StoreHealth")}};
  Json document = {
      {"openapi", "3.0.3"},
      {"info",
       {{"title", "ocindex API"},
        {"version", "1"},
        {"description",
         "Published figures of the Global Organized Crime Index: editions, frameworks, scores, ranks, country "
         "profiles, comparisons, aggregates and changes. Numbers are published figures (rounded half-up to the "
         "framework's decimals); null means not assessed. Tabular endpoints answer CSV with Accept: text/csv or "
         "?format=csv."}}},
      {"paths", paths},
      {"components",
       {{"schemas", ApiSchemas()},
        {"securitySchemes",
         {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "ocindex_session"}}},
          {"token", {{"type", "http"}, {"scheme", "bearer"}}}}}}}};
  return document.dump(1);
}

Result<std::string> OpenApiDocument() {
  auto engine = app::Engine::Open(":memory:");
  if (!engine) return engine.error();
  app::Workspace workspace((*engine)->shared_store(), {});
  return OpenApiDocument(ApiRoutes(**engine), WorkspaceRoutes(workspace, (*engine)->shared_store()));
}

}  // namespace ocindex::server
