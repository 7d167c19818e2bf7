// The API's workspace: sign-in, API tokens, assessment rounds and the audit trail.
// Unlike the published data (route_table.h), every route but sign-in needs a caller
// (a session cookie or an API token), writes need the session's CSRF token, answers
// are never cached, and item writes carry the version they last read (If-Match).
// The router and the OpenAPI document are both built from one table.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "adapters/http/router.h"
#include "app/assessment/workspace.h"
#include "faces/server/api_json.h"
#include "faces/server/route_table.h"

namespace ocindex::server {

struct WorkspaceDoc {
  std::string summary;
  std::vector<ParamDoc> params;
  std::string request_schema;  // the JSON body's schema; "" for none
  std::string schema;          // the success body's schema
  int success = 200;
  bool versioned = false;  // If-Match needed (428 without, 412 when stale); answers an ETag
  bool anonymous = false;  // sign-in only
};

// A handler with its caller already authenticated (and CSRF-checked for writes).
using WorkspaceHandler =
    std::function<Response(const Request&, const adapters::http::PathParams&, const app::Principal&)>;

struct WorkspaceRoute {
  std::string method;
  std::string pattern;
  WorkspaceDoc doc;
  adapters::http::RouteHandler handler;  // authentication included (workspace_auth.h)
};

using WorkspaceTable = std::vector<WorkspaceRoute>;

// Route families; `workspace` outlives the routes.
void AddSessionRoutes(WorkspaceTable& table, app::Workspace& workspace);  // session, password, tokens
// rounds, cells, sections, threads; `published` runs after a round is published (may be empty)
void AddRoundRoutes(WorkspaceTable& table, app::Workspace& workspace, std::function<void()> published);
void AddTrailRoutes(WorkspaceTable& table, app::Workspace& workspace, adapters::Store& store);  // audit trail
// A country's work, its preview, calibration, the publication's preview.
void AddRoundQueryRoutes(WorkspaceTable& table, app::Workspace& workspace, adapters::Store& store);

WorkspaceTable WorkspaceRoutes(app::Workspace& workspace, adapters::Store& store,
                               std::function<void()> published = {});

// The workspace's paths for the OpenAPI document.
Json WorkspacePaths(const WorkspaceTable& table);
// The schemas of the workspace's bodies (workspace_schemas.cc).
Json WorkspaceSchemas();

}  // namespace ocindex::server
