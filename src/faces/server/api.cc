#include "faces/server/api.h"

#include "faces/server/api_json.h"

namespace ocindex::server {

using adapters::http::PathParams;

RouteTable ApiRoutes(const app::Engine& engine) {
  RouteTable table;
  AddEditionRoutes(table, engine);
  AddCountryRoutes(table, engine);
  AddChangesRoutes(table, engine);
  AddUncertaintyRoutes(table, engine);
  AddFlowsRoutes(table, engine);
  AddNarrativeRoutes(table, engine);
  return table;
}

Api::Api(std::unique_ptr<const app::Engine> engine, const std::string& web_dir)
    : engine_(std::move(engine)), table_(ApiRoutes(*engine_)), web_(web_dir) {
  for (const ApiRoute& route : table_) router_.Get(route.pattern, route.handler);
  auto openapi = std::make_shared<const std::string>(OpenApiDocument(table_));
  router_.Get("/api/v1/openapi.json", [openapi](const Request&, const PathParams&) {
    Response response;
    response.body = openapi;
    return response;
  });
  router_.Get("/healthz", [](const Request&, const PathParams&) { return JsonResponse(Json{{"status", "ok"}}); });
}

Response Api::Handle(const Request& request) {
  const bool api = request.path.rfind("/api/", 0) == 0;
  if (request.path == "/healthz") return router_.Dispatch(request);  // live, never cached
  if (api) {
    if (request.method != "GET" && request.method != "HEAD") return router_.Dispatch(request);
    return cache_.Serve(request, [this, &request] { return router_.Dispatch(request); });
  }
  if (auto file = web_.Serve(request)) return *file;
  if (request.path == "/" && !web_.available()) {
    return JsonResponse(Json{{"note", "The explorer is not built (no index.html in the web folder; build it or pass "
                                      "--web DIR). The API works: see /api/v1/openapi.json."},
                             {"api", "/api/v1/editions"}});
  }
  return adapters::http::ErrorResponse(404, "not_found", "no such path: " + request.path);
}

}  // namespace ocindex::server
