// An in-process `ocindex serve`: a fresh database (seeded with the bundled editions,
// plus the fixture narrative kDistributedNarrative imported for KAZ 2021 as revision 1
// by kFixtureAuthor), the API and the HTTP server on 127.0.0.1 with a port the system picks.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "adapters/catalog/catalog.h"
#include "adapters/catalog/profiles.h"
#include "adapters/http/server.h"
#include "app/engine.h"
#include "faces/server/api.h"
#include "support/fixtures.h"
#include "support/narrative_fixtures.h"

namespace ocindex::test {

inline constexpr const char* kFixtureAuthor = "api-test";

class ApiServer {
 public:
  // `web_dir` may name a folder that does not exist (no explorer); `seed` may store
  // more (narratives) before the data is loaded.
  // Accounts hash passwords at Argon2id's minimum cost unless `workspace` says otherwise.
  explicit ApiServer(const std::string& web_dir = "/nonexistent",
                     const std::function<void(adapters::Catalog&, TempDir&)>& seed = {},
                     app::WorkspaceOptions workspace = MinimumCost()) {
    auto engine = app::Engine::Open(dir_.File("ocindex.db"));
    if (!engine) return;
    adapters::ProfileImportOptions narrative{dir_.File("valdoria.txt"), "KAZ", "2021", "text", kFixtureAuthor,
                                             "fixture", false};
    if (!WriteFile(narrative.path, test_support::kDistributedNarrative).ok()) return;
    if (!adapters::ImportProfile((*engine)->catalog(), narrative)) return;
    if (seed) seed((*engine)->catalog(), dir_);
    if (!(*engine)->LoadAll()) return;
    api_ = std::make_shared<server::Api>(std::move(*engine), web_dir, std::move(workspace));
    adapters::http::ServerOptions options;
    options.port = 0;
    options.access_log = false;
    options.blocking = server::Api::Waits;
    options.headers = server::SecurityHeaders();
    auto api = api_;
    server_ = std::make_unique<adapters::http::Server>(
        options, [api](const adapters::http::Request& request) { return api->Handle(request); });
    if (!server_->Start()) server_.reset();
  }

  static app::WorkspaceOptions MinimumCost() {
    app::WorkspaceOptions options;
    options.accounts.cost = app::PasswordCost::Minimum();
    return options;
  }

  bool ok() const { return server_ != nullptr; }
  // The database the server works on, for tests that read what it stored.
  std::string db_path() const { return dir_.File("ocindex.db"); }
  uint16_t port() const { return server_->port(); }
  server::Api& api() { return *api_; }

 private:
  TempDir dir_;
  std::shared_ptr<server::Api> api_;
  std::unique_ptr<adapters::http::Server> server_;
};

}  // namespace ocindex::test
