// serve: the HTTP API and the explorer, until SIGINT or SIGTERM.
#include <fmt/format.h>

#include <csignal>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

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
  bool allow_remote = false;
  std::string tls_cert, tls_key;
  size_t connections_per_address = adapters::http::PeerLimitOptions{}.connections;
  double requests_per_second = adapters::http::PeerLimitOptions{}.rate;
};

// The explorer's build: the `web` folder next to the ocindex executable.
std::string DefaultWebDir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("web") : (exe.parent_path() / "web").string();
}

void Serve(Context& context, const ServeArgs& args) {
  const bool tls = !args.tls_cert.empty();
  if (tls != !args.tls_key.empty()) {
    return context.Fail(MakeError(ErrorCode::kInvalidInput, "--tls-cert and --tls-key go together"));
  }
  // Plain HTTP beyond loopback sends passwords and session cookies in the clear.
  if (!tls && !adapters::http::IsLoopbackHost(args.host)) {
    if (!args.allow_remote) {
      return context.Fail(MakeError(
          ErrorCode::kInvalidInput,
          fmt::format("refusing to serve plain HTTP on {}, beyond this machine: pass --tls-cert and --tls-key, or "
                      "put a reverse proxy that terminates TLS in front and bind 127.0.0.1 (docs/API.md, "
                      "\"Exposing the server\"), or pass --allow-remote",
                      args.host)));
    }
    std::cerr << "ocindex: warning: serving plain HTTP on " << args.host
              << ", beyond this machine; sign-in passwords and session cookies travel unencrypted\n";
  }
  auto engine = context.OpenEngine();
  if (!engine) return context.Fail(engine.error());
  const app::Engine* loading = engine->get();
  auto api = std::make_shared<server::Api>(std::move(*engine), args.web.empty() ? DefaultWebDir() : args.web);
  // A closed stderr (a log pipe gone away) must not kill the server.
  std::signal(SIGPIPE, SIG_IGN);
  adapters::http::ServerOptions options;
  options.host = args.host;
  options.port = static_cast<uint16_t>(args.port);
  options.threads = args.threads;
  options.blocking = server::Api::Waits;
  options.headers = server::SecurityHeaders();
  options.peer_limits.connections = args.connections_per_address;
  options.peer_limits.rate = args.requests_per_second;
  options.peer_limits.burst = 2 * args.requests_per_second;
  options.tls_cert = args.tls_cert;
  options.tls_key = args.tls_key;
  adapters::http::Server http(options, [api](const adapters::http::Request& request) { return api->Handle(request); });
  if (Status started = http.Start(); !started) return context.Fail(started.error());
  if (!api->explorer_available()) {
    std::cerr << "ocindex: the explorer is not built (no index.html in the web folder); the API works\n";
  }
  std::cerr << fmt::format("listening on {}://{}:{}", tls ? "https" : "http", args.host, http.port()) << std::endl;
  // The editions load while the server already answers (a request for one waits for
  // it): what is stored never delays the start.
  std::thread warm([loading] {
    if (Status loaded = loading->Warm(); !loaded) std::cerr << "ocindex: " << loaded.error().ToString() << '\n';
  });
  http.WaitForSignal();
  warm.join();
  std::cerr << "ocindex: stopped\n";
}

}  // namespace

void RegisterServeCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<ServeArgs>();
  auto* serve = app.add_subcommand("serve", "Serve the JSON/CSV API (/api/v1/...) and the web explorer over HTTP, or HTTPS with --tls-cert/--tls-key");
  serve->add_option("--host", args->host, "Address to listen on (loopback by default)");
  serve->add_option("--port", args->port, "TCP port; 0 picks a free one (the URL is printed on stderr)")
      ->check(CLI::Range(0, 65535));
  serve->add_option("--threads", args->threads, "Worker threads")->check(CLI::Range(1, 64));
  serve->add_flag("--allow-remote", args->allow_remote,
                  "Serve plain HTTP on an address beyond loopback (refused without it; prefer TLS or a TLS reverse "
                  "proxy)");
  serve->add_option("--tls-cert", args->tls_cert,
                    "Certificate chain (PEM) to serve HTTPS with, beside --tls-key; then any --host is allowed and "
                    "every response carries Strict-Transport-Security")
      ->check(CLI::ExistingFile);
  serve->add_option("--tls-key", args->tls_key, "Private key (PEM, unencrypted) of --tls-cert")->check(CLI::ExistingFile);
  serve->add_option("--max-connections-per-address", args->connections_per_address,
                    "Open connections one client address may hold (0: no limit; loopback is exempt)");
  serve->add_option("--max-requests-per-second", args->requests_per_second,
                    "Requests a second one client address may send on average, bursts of twice that (0: no limit; "
                    "loopback is exempt)")
      ->check(CLI::NonNegativeNumber);
  serve->add_option("--web", args->web, "Explorer build folder (default: 'web' next to the ocindex executable)");
  serve->callback([&context, args] { Serve(context, *args); });
}

}  // namespace ocindex::cli
