// The HTTP face: API v1 routes, the response cache, /healthz, and the explorer's
// static files, combined into one handler for adapters::http::Server.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "adapters/http/router.h"
#include "adapters/http/static_files.h"
#include "app/assessment/workspace.h"
#include "app/engine.h"
#include "faces/server/response_cache.h"
#include "faces/server/route_table.h"
#include "faces/server/workspace_routes.h"

namespace ocindex::server {

// Headers for every response (adapters::http::ServerOptions::headers): a Content
// Security Policy fitted to the explorer (scripts, styles and data from this origin
// only, no inline script, no plugins; inline style attributes allowed, which its charts
// and bars set), no MIME sniffing, no framing by other sites, and no Referer beyond
// this origin. The one exception is /embed (EmbedPolicy).
std::vector<std::pair<std::string, std::string>> SecurityHeaders();
// The policy of /embed: the explorer's document, which other sites may frame (the
// explorer then shows its embeddable charts only, so no sign-in or form can be
// framed); otherwise SecurityHeaders' policy.
std::string EmbedPolicy();

class Api {
 public:
  // `engine` has loaded everything (Engine::LoadAll), so no request touches the store.
  // `web_dir`: the explorer's build folder; may be missing (then "/" explains that).
  // The workspace (sign-in, rounds, audit trail) works on the engine's store. A round
  // published through it shows at once: the engine loads the new edition and the
  // response cache is cleared.
  Api(std::unique_ptr<app::Engine> engine, const std::string& web_dir, app::WorkspaceOptions options = {});

  // Thread-safe: the engine and the cache lock, the workspace's services lock.
  adapters::http::Response Handle(const adapters::http::Request& request);
  // The requests that wait on the store (the workspace's): ServerOptions::blocking.
  static bool Waits(const adapters::http::Request& request);
  // Every path pattern the router answers.
  std::vector<std::string> Patterns() const { return router_.Patterns(); }
  bool explorer_available() const { return web_.available(); }
  app::Workspace& workspace() { return workspace_; }
  const ResponseCache& cache() const { return cache_; }

 private:
  // Picks up a publication: the engine loads what is new, then the cache is cleared.
  void Published();
  // /embed: the explorer's document under EmbedPolicy.
  adapters::http::Response Embed(const adapters::http::Request& request) const;

  std::unique_ptr<app::Engine> engine_;
  app::Workspace workspace_;
  RouteTable table_;
  WorkspaceTable workspace_table_;
  adapters::http::Router router_;
  ResponseCache cache_;
  adapters::http::StaticFiles web_;
};

}  // namespace ocindex::server
