// Per-address limits of the HTTP server: open connections and a request rate (a token
// bucket per address: `rate` requests a second on average, bursts of `burst`), so that
// one client cannot take every connection or every worker's time. Thread-safe. Behind
// a reverse proxy every request comes from the proxy's address: set the limits there
// (docs/API.md, "Exposing the server").
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace ocindex::adapters::http {

struct PeerLimitOptions {
  size_t connections = 64;  // open connections per address; 0: no limit
  double rate = 100;        // requests a second per address, on average; 0: no limit
  double burst = 200;       // requests an idle address may send at once
  bool loopback_exempt = true;  // 127.0.0.0/8 and ::1: a reverse proxy on this host, benchmarks
};

class PeerLimits {
 public:
  using Clock = std::chrono::steady_clock;
  explicit PeerLimits(PeerLimitOptions options) : options_(options) {}

  // A connection from `address` opens: false (nothing counted) when it already holds
  // the limit. Every true is paired with one Close.
  bool Open(const std::string& address);
  void Close(const std::string& address);
  // A request from `address` at `now`: false when its bucket is empty.
  bool Allow(const std::string& address, Clock::time_point now = Clock::now());

 private:
  struct Peer {
    size_t connections = 0;
    double tokens = 0;
    Clock::time_point refilled;
    bool seen = false;
  };
  bool Exempt(const std::string& address) const;
  // Forgets addresses with no connection whose bucket has refilled, once the table is large.
  void Prune(Clock::time_point now);

  const PeerLimitOptions options_;
  std::mutex mutex_;
  std::unordered_map<std::string, Peer> peers_;
};

}  // namespace ocindex::adapters::http
