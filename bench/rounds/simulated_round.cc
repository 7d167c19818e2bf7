// The simulated round (tests/support/simulated_round.h) as a benchmark: 193 countries,
// every 2025 indicator, 60 experts, 3 per cell, through the HTTP API of an in-process
// `ocindex serve` on 127.0.0.1, on a store given by URI (a new SQLite file or an empty
// PostgreSQL database). Prints one JSON line: the first drafts' wall time and latency
// percentiles, requests, retries, and the publication's time.
//
//   simulated_round_bench DB [CLIENTS]
//
// bench/rounds/simulated_round.sh runs it several times on both backends.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "adapters/http/server.h"
#include "app/engine.h"
#include "faces/server/api.h"
#include "support/simulated_round.h"

namespace {

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[static_cast<size_t>(p * static_cast<double>(values.size() - 1))];
}

}  // namespace

int main(int argc, char** argv) {
  using namespace ocindex;  // NOLINT(google-build-using-namespace): a short program
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " DB [CLIENTS]\n";
    return 2;
  }
  const int clients = argc > 2 ? std::stoi(argv[2]) : 20;
  auto engine = app::Engine::Open(argv[1]);
  if (!engine) {
    std::cerr << engine.error().ToString() << "\n";
    return 1;
  }
  if (Status loaded = (*engine)->LoadAll(); !loaded) {
    std::cerr << loaded.error().ToString() << "\n";
    return 1;
  }
  auto baseline = (*engine)->Edition("2025");
  if (!baseline) return 1;
  const core::Dataset dataset = (*baseline)->edition.dataset;
  // Accounts at Argon2id's interactive cost, as in production: sign-ins are not timed.
  auto api = std::make_shared<server::Api>(std::move(*engine), "/nonexistent", app::WorkspaceOptions{});
  adapters::http::ServerOptions options;
  options.port = 0;
  options.access_log = false;
  options.threads = 2;
  options.blocking = server::Api::Waits;
  adapters::http::Server server(options, [api](const adapters::http::Request& r) { return api->Handle(r); });
  if (Status started = server.Start(); !started) return 1;
  test::SimulationSize size;
  size.clients = clients;
  test::SimulatedRound round(server.port(), api->workspace().accounts(), dataset, size);
  const test::SimulationReport report = round.Run("2027");
  for (const std::string& failure : report.failures) std::cerr << "failure: " << failure << "\n";
  const nlohmann::json line = {{"cells", report.cells},
                               {"first_drafts", report.submit_ms.size()},
                               {"clients", clients},
                               {"drafts_seconds", report.submit_seconds},
                               {"drafts_per_second", static_cast<double>(report.submit_ms.size()) / report.submit_seconds},
                               {"draft_p50_ms", Percentile(report.submit_ms, 0.50)},
                               {"draft_p99_ms", Percentile(report.submit_ms, 0.99)},
                               {"requests", report.requests},
                               {"stale_retries", report.stale_retries},
                               {"publish_seconds", report.publish_seconds},
                               {"failures", report.failures.size()}};
  std::cout << line.dump() << "\n";
  return report.failures.empty() ? 0 : 1;
}
