// serve: the HTTP API and the explorer, until SIGINT or SIGTERM.
#include <fmt/format.h>

#include <csignal>
#include <filesystem>
#include <iostream>
#include <memory>

#include "adapters/http/server.h"
#include "faces/cli/commands.h"
#include "faces/server/api.h"

namespace ocindex::cli {
namespace {

struct ServeArgs {
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 2;
  std::string web;
};

// The explorer's build: the `web` folder next to the ocindex executable.
std::string DefaultWebDir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("web") : (exe.parent_path() / "web").string();
}

void Serve(Context& context, const ServeArgs& args) {
  auto engine = context.OpenEngine();
  if (!engine) return context.Fail(engine.error());
  if (Status loaded = (*engine)->LoadAll(); !loaded) return context.Fail(loaded.error());
  auto api = std::make_shared<server::Api>(std::move(*engine), args.web.empty() ? DefaultWebDir() : args.web);
  // A closed stderr (a log pipe gone away) must not kill the server.
  std::signal(SIGPIPE, SIG_IGN);
  adapters::http::ServerOptions options;
  options.host = args.host;
  options.port = static_cast<uint16_t>(args.port);
  options.threads = args.threads;
  options.blocking = server::Api::Waits;
  adapters::http::Server http(options, [api](const adapters::http::Request& request) { return api->Handle(request); });
  if (Status started = http.Start(); !started) return context.Fail(started.error());
  if (!api->explorer_available()) {
    std::cerr << "ocindex: the explorer is not built (no index.html in the web folder); the API works\n";
  }
  std::cerr << fmt::format("listening on http://{}:{}", args.host, http.port()) << std::endl;
  http.WaitForSignal();
  std::cerr << "ocindex: stopped\n";
}

}  // namespace

void RegisterServeCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<ServeArgs>();
  auto* serve = app.add_subcommand("serve", "Serve the JSON/CSV API (/api/v1/...) and the web explorer over HTTP");
  serve->add_option("--host", args->host, "Address to listen on (loopback by default)");
  serve->add_option("--port", args->port, "TCP port; 0 picks a free one (the URL is printed on stderr)")
      ->check(CLI::Range(0, 65535));
  serve->add_option("--threads", args->threads, "Worker threads")->check(CLI::Range(1, 64));
  serve->add_option("--web", args->web, "Explorer build folder (default: 'web' next to the ocindex executable)");
  serve->callback([&context, args] { Serve(context, *args); });
}

}  // namespace ocindex::cli
