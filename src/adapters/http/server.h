// A small asynchronous HTTP/1.1 server, plain or over TLS (Boost.Beast over Boost.Asio,
// OpenSSL): a fixed pool of threads, each running an io_context of its own that new
// connections are dealt to in turn; each connection (after the TLS handshake) reads a
// request, asks the handler for a response (on a second pool when the request blocks),
// writes its head and body in one gathered write and, on keep-alive, reads the next. Every request is bounded
// (header and body size, read and write timeouts) and every handler exception becomes
// a 500 JSON error, so no request can take the process down.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "adapters/http/message.h"
#include "adapters/http/peer_limits.h"
#include "core/error.h"

namespace ocindex::adapters::http {

struct ServerOptions {
  std::string host = "127.0.0.1";  // loopback unless asked otherwise
  uint16_t port = 8080;            // 0: the system picks a free port
  int threads = 2;
  size_t header_limit = 8 * 1024;   // bytes; larger headers get 431
  size_t body_limit = 1024 * 1024;  // bytes; larger bodies get 413
  std::chrono::milliseconds read_timeout{10'000};   // per request, idle keep-alive included
  std::chrono::milliseconds write_timeout{10'000};
  std::chrono::milliseconds drain_timeout{5'000};   // how long Stop() waits for in-flight requests
  bool access_log = true;  // one JSON line per request on stderr
  // Requests for which `blocking` is true wait on something (a store's commit) and run on
  // a pool of `blocking_threads` threads of their own: waiting never stalls the threads
  // that serve the network, and concurrent writes can share one commit. Unset: none.
  std::function<bool(const Request&)> blocking;
  int blocking_threads = 16;
  // Per client address: more connections are answered 429 and closed, requests beyond
  // the rate get 429 with Retry-After.
  PeerLimitOptions peer_limits;
  // Added to every response, the server's own errors included, unless the handler set
  // the same header (security headers: the face chooses them).
  std::vector<std::pair<std::string, std::string>> headers;
  // PEM files of the certificate chain and its private key: both set, the server speaks
  // HTTPS only (TLS 1.2 or later, OpenSSL through Boost.Asio) and adds
  // Strict-Transport-Security to every response; both empty, plain HTTP.
  std::string tls_cert;
  std::string tls_key;
};

// Whether `host` (an IP address or "localhost") is a loopback address: only this machine
// can reach a server bound there.
bool IsLoopbackHost(const std::string& host);

// Called concurrently from the server's threads: it must be thread-safe.
using Handler = std::function<Response(const Request&)>;

class Server {
 public:
  Server(ServerOptions options, Handler handler);
  ~Server();  // Stop()s if running
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Loads the TLS files if any, binds, listens and starts the threads. kInvalidInput
  // for TLS files that cannot be loaded, kIo if the address cannot be bound.
  Status Start();
  // The bound port (the chosen one when options.port was 0); valid after Start().
  uint16_t port() const;
  // Stops accepting, lets in-flight requests finish (up to drain_timeout), then
  // closes idle connections and joins the threads. Idempotent.
  void Stop();
  // Blocks until SIGINT or SIGTERM, then Stop()s.
  void WaitForSignal();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ocindex::adapters::http
