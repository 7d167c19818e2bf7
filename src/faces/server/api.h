// The HTTP face: API v1 routes, the response cache, /healthz, and the explorer's
// static files, combined into one handler for adapters::http::Server.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "adapters/http/router.h"
#include "adapters/http/static_files.h"
#include "app/engine.h"
#include "faces/server/response_cache.h"
#include "faces/server/route_table.h"

namespace ocindex::server {

class Api {
 public:
  // `engine` has loaded everything (Engine::LoadAll), so no request touches the store.
  // `web_dir`: the explorer's build folder; may be missing (then "/" explains that).
  Api(std::unique_ptr<const app::Engine> engine, const std::string& web_dir);

  // Thread-safe: the engine is only read, the cache locks.
  adapters::http::Response Handle(const adapters::http::Request& request);
  // Every path pattern the router answers.
  std::vector<std::string> Patterns() const { return router_.Patterns(); }
  bool explorer_available() const { return web_.available(); }

 private:
  std::unique_ptr<const app::Engine> engine_;
  RouteTable table_;
  adapters::http::Router router_;
  ResponseCache cache_;
  adapters::http::StaticFiles web_;
};

}  // namespace ocindex::server
