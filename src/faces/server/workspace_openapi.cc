// The workspace's table assembled, and its paths in the OpenAPI document: each
// operation with its request body, its success answer, the errors a caller can meet,
// and the credentials it needs.
#include "faces/server/api_schemas.h"
#include "faces/server/workspace_routes.h"

namespace ocindex::server {
namespace {

Json ErrorAnswer(const char* description) {
  return Json{{"description", description}, {"content", {{"application/json", {{"schema", SchemaRef("Error")}}}}}};
}

Json Operation(const WorkspaceRoute& route) {
  const WorkspaceDoc& doc = route.doc;
  Json parameters = ParametersJson(doc.params);
  const bool writes = route.method != "GET";
  if (doc.versioned && writes) {
    parameters.push_back(Json{{"name", "If-Match"},
                              {"in", "header"},
                              {"required", true},
                              {"description", "The item's ETag as last read (\"v3\")"},
                              {"schema", {{"type", "string"}}}});
  }
  if (writes && !doc.anonymous) {
    parameters.push_back(Json{{"name", "X-CSRF-Token"},
                              {"in", "header"},
                              {"required", false},
                              {"description", "The session's CSRF token (from sign-in); not needed with an API token"},
                              {"schema", {{"type", "string"}}}});
  }
  Json success = {{"description", "OK"}, {"content", {{"application/json", {{"schema", SchemaRef(doc.schema)}}}}}};
  if (doc.schema == "Trail") success["content"]["text/csv"] = {{"schema", {{"type", "string"}}}};
  Json responses = {{std::to_string(doc.success), success},
                    {"400", ErrorAnswer("Malformed body or header")},
                    {"404", ErrorAnswer("No such round, cell, section, thread or token (or not the caller's to see)")},
                    {"409", ErrorAnswer("Not now: the round's phase or the item's state does not allow it")},
                    {"422", ErrorAnswer("Invalid input (a score off the scale, no justification, ...)")},
                    {"500", ErrorAnswer("Stored data damaged, or a bug")},
                    {"503", ErrorAnswer("The store cannot be reached")}};
  if (doc.anonymous) {
    responses["401"] = ErrorAnswer("Wrong user name or password");
    responses["429"] = ErrorAnswer("Too many failed sign-ins: locked out for a while");
  } else {
    responses["401"] = ErrorAnswer("Not signed in (no session cookie or API token, or it has ended)");
    responses["403"] = ErrorAnswer("The caller may not do this (role, assignment), or a session write lacks its CSRF token");
  }
  if (doc.versioned && writes) {
    responses["412"] = ErrorAnswer("Stale: the item changed since the If-Match version; reload it");
    responses["428"] = ErrorAnswer("If-Match is required");
  }
  Json operation = {{"summary", doc.summary}, {"parameters", parameters}, {"responses", responses}};
  if (!doc.request_schema.empty()) {
    operation["requestBody"] = {{"required", true},
                                {"content", {{"application/json", {{"schema", SchemaRef(doc.request_schema)}}}}}};
  }
  operation["security"] = doc.anonymous ? Json::array() : Json::array({{{"session", Json::array()}}, {{"token", Json::array()}}});
  return operation;
}

}  // namespace

WorkspaceTable WorkspaceRoutes(app::Workspace& workspace, adapters::Store& store, std::function<void()> published) {
  WorkspaceTable table;
  AddSessionRoutes(table, workspace);
  AddRoundRoutes(table, workspace, std::move(published));
  AddRoundQueryRoutes(table, workspace, store);
  AddTrailRoutes(table, workspace, store);
  return table;
}

Json WorkspacePaths(const WorkspaceTable& table) {
  Json paths = Json::object();
  for (const WorkspaceRoute& route : table) {
    std::string method = route.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    paths[route.pattern][method] = Operation(route);
  }
  return paths;
}

}  // namespace ocindex::server
