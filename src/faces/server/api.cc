#include "faces/server/api.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cstdio>
#include <optional>
#include <set>

#include "faces/server/api_json.h"

namespace ocindex::server {

using adapters::http::PathParams;

namespace {

// Reads the store's schema anew, so a replica behind a load balancer says whether its
// store answers now: 200 with the backend and schema, or 503 (never cached).
Response Health(const app::Engine& engine) {
  auto schema = engine.StoreHealth();
  if (!schema) {
    return adapters::http::ErrorResponse(503, "storage_unavailable", "the store cannot be read: " + schema.error().ToString());
  }
  if (schema->version == 0) {
    return adapters::http::ErrorResponse(503, "storage_unavailable", "no ocindex database at " + schema->location);
  }
  if (schema->version != schema->known) {
    return adapters::http::ErrorResponse(503, "schema_mismatch",
                                         "the store's schema is version " + std::to_string(schema->version) +
                                             "; this ocindex serves version " + std::to_string(schema->known));
  }
  return JsonResponse(Json{{"status", "ok"},
                           {"store",
                            {{"backend", schema->backend},
                             {"location", schema->location},
                             {"schema_version", schema->version}}},
                           {"editions", engine.edition_ids().size()}});
}

// The route's handler behind a check of the query: a parameter the route does not
// document gets 400, so a client-chosen name never makes a response of its own (nor a
// cache entry: ResponseCache keeps 200s only).
adapters::http::RouteHandler WithKnownParams(const ApiRoute& route) {
  std::set<std::string> known;
  for (const ParamDoc& param : route.doc.params) {
    if (param.in == "query") known.insert(param.name);
  }
  return [known, handler = route.handler](const Request& request, const PathParams& params) {
    for (const auto& [name, value] : request.query) {
      if (known.count(name) != 0) continue;
      return adapters::http::ErrorResponse(
          400, "unknown_parameter",
          known.empty() ? fmt::format("unknown query parameter '{}': this path takes none", name)
                        : fmt::format("unknown query parameter '{}'; expected one of: {}", name, fmt::join(known, ", ")));
    }
    return handler(request, params);
  };
}

}  // namespace

namespace {
constexpr const char* kPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; ";
}  // namespace

std::string EmbedPolicy() {
  // frame-ancestors present: browsers ignore X-Frame-Options (CSP Level 2, 7.7.1).
  return std::string(kPolicy) + "frame-ancestors *";
}

std::vector<std::pair<std::string, std::string>> SecurityHeaders() {
  return {{"Content-Security-Policy", std::string(kPolicy) + "frame-ancestors 'none'"},
          {"X-Content-Type-Options", "nosniff"},
          {"X-Frame-Options", "DENY"},
          {"Referrer-Policy", "same-origin"}};
}

RouteTable ApiRoutes(const app::Engine& engine) {
  RouteTable table;
  AddEditionRoutes(table, engine);
  AddCountryRoutes(table, engine);
  AddChangesRoutes(table, engine);
  // One experiment per edition, shared by the routes that show its intervals.
  auto reference = std::make_shared<app::ReferenceUncertainty>(engine);
  AddUncertaintyRoutes(table, engine, reference);
  AddFlowsRoutes(table, engine);
  AddNarrativeRoutes(table, engine);
  AddDecisionRoutes(table, engine);
  AddDownloadRoutes(table, engine, reference);
  return table;
}

Api::Api(std::unique_ptr<app::Engine> engine, const std::string& web_dir, app::WorkspaceOptions options)
    : engine_(std::move(engine)),
      workspace_(engine_->shared_store(), std::move(options)),
      table_(ApiRoutes(*engine_)),
      workspace_table_(WorkspaceRoutes(workspace_, engine_->shared_store(), [this] { Published(); })),
      web_(web_dir) {
  for (const ApiRoute& route : table_) router_.Get(route.pattern, WithKnownParams(route));
  for (const WorkspaceRoute& route : workspace_table_) router_.Add(route.method, route.pattern, route.handler);
  auto openapi = std::make_shared<const std::string>(OpenApiDocument(table_, workspace_table_));
  router_.Get("/api/v1/openapi.json", WithKnownParams({"/api/v1/openapi.json", {}, [openapi](const Request&, const PathParams&) {
    Response response;
    response.body = openapi;
    return response;
  }}));
  router_.Get("/healthz", [](const Request&, const PathParams&) { return JsonResponse(Json{{"status", "ok"}}); });
  router_.Get("/api/v1/health", [this](const Request&, const PathParams&) { return Health(*engine_); });
}

void Api::Published() {
  // The publication is stored whatever happens here; on failure the edition shows after a restart.
  if (Status loaded = engine_->LoadAll(); !loaded) {
    std::fprintf(stderr, "ocindex serve: the published edition could not be loaded: %s\n",
                 loaded.error().ToString().c_str());
  }
  cache_.Clear();
}

// The workspace's paths: answers depend on who asks, change with every write, and wait
// on the store.
static bool Workspace(const std::string& path) {
  for (const char* prefix : {"/api/v1/session", "/api/v1/tokens", "/api/v1/rounds", "/api/v1/trail"}) {
    if (path.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

static bool Live(const std::string& path) {
  return Workspace(path) || path == "/healthz" || path == "/api/v1/health";
}

bool Api::Waits(const Request& request) { return Workspace(request.path); }

Response Api::Embed(const Request& request) const {
  Request document = request;
  document.path = "/";
  std::optional<Response> page = web_.Serve(document);
  if (!page) return adapters::http::ErrorResponse(404, "not_found", "the explorer is not built: nothing to embed");
  page->headers.emplace_back("Content-Security-Policy", EmbedPolicy());
  return *page;
}

Response Api::Handle(const Request& request) {
  const bool api = request.path.rfind("/api/", 0) == 0;
  if (Live(request.path)) {
    Response response = router_.Dispatch(request);
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
  }
  if (api) {
    if (request.method != "GET" && request.method != "HEAD") return router_.Dispatch(request);
    return cache_.Serve(request, [this, &request] { return router_.Dispatch(request); });
  }
  if (request.path == "/embed") return Embed(request);
  if (auto file = web_.Serve(request)) return *file;
  if (request.path == "/" && !web_.available()) {
    return JsonResponse(Json{{"note", "The explorer is not built (no index.html in the web folder; build it or pass "
                                      "--web DIR). The API works: see /api/v1/openapi.json."},
                             {"api", "/api/v1/editions"}});
  }
  return adapters::http::ErrorResponse(404, "not_found", "no such path: " + request.path);
}

}  // namespace ocindex::server
