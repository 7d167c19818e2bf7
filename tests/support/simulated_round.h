// A whole assessment round driven through the HTTP API, as a team would run it: experts
// draft every cell of a baseline edition's countries (three per cell), some disagree
// widely, reviewers challenge those, the outlier revises, reviewers agree, the
// coordinator settles, finalises and publishes. Scores are derived from the baseline so
// the published edition can be recomputed independently. Used by a test (correctness)
// and by bench/rounds (timings).
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/assessment/accounts.h"
#include "core/assessment/consensus.h"
#include "core/model/dataset.h"
#include "support/workspace_client.h"

namespace ocindex::test {

struct SimulationSize {
  int countries = 193;  // the baseline's first countries
  int experts = 60;
  int reviewers = 12;
  int per_cell = 3;     // drafting experts per cell
  int clients = 8;      // concurrent HTTP clients
};

struct SimulationReport {
  int cells = 0;
  int submissions = 0;  // drafts written, revisions included
  int challenged = 0;   // cells sent back to draft by their reviewer
  int stale_retries = 0;
  int requests = 0;
  double submit_seconds = 0;  // the first drafts of every cell
  double publish_seconds = 0;
  std::vector<double> submit_ms;  // latency of each first draft
  std::map<std::pair<std::string, std::string>, double> expected;  // cell -> the recomputed consensus
  std::vector<std::string> failures;  // unexpected answers, at most a few
};

class SimulatedRound {
 public:
  SimulatedRound(uint16_t port, app::Accounts& accounts, const core::Dataset& baseline, SimulationSize size)
      : port_(port), accounts_(accounts), baseline_(baseline), size_(size) {}

  static constexpr const char* kPassword = "simulated password";
  static constexpr const char* kRound = "sim";

  SimulationReport Run(const std::string& edition) {
    SimulationReport report;
    AddUsers(report);
    WorkspaceClient cora = SignedIn("cora");
    std::vector<std::string> countries;
    for (int c = 0; c < size_.countries && c < baseline_.country_count(); ++c) countries.push_back(baseline_.countries[c].iso3);
    Expect(report, cora.Send("POST", "/api/v1/rounds",
                             {{"id", kRound}, {"edition", edition}, {"baseline", baseline_.edition}, {"countries", countries}}),
           201, "create");
    Plan(countries);
    Expect(report, cora.Send("PUT", Round("/assignments"), Assignments()), 200, "assign");
    for (int e = 0; e < size_.experts; ++e) clients_.emplace(Expert(e), SignedIn(Expert(e)));
    for (int r = 0; r < size_.reviewers; ++r) clients_.emplace(Reviewer(r), SignedIn(Reviewer(r)));
    clients_.emplace("cora", cora);
    report.cells = static_cast<int>(cells_.size());

    // 1. Every expert drafts every cell they are assigned, in parallel. A cell's experts
    // come to it at different moments (first every cell's first expert, then the
    // second...), as people working through their own lists do; when two meet on one
    // cell anyway, the second gets 412 and retries.
    std::vector<std::function<void()>> drafts;
    std::mutex latency_mutex;
    for (int j = 0; j < size_.per_cell; ++j) {
      for (size_t k = 0; k < cells_.size(); ++k) {
        drafts.push_back([&, k, j] {
          const auto start = std::chrono::steady_clock::now();
          Submit(report, k, j, cells_[k].first_scores[j]);
          const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
          std::lock_guard lock(latency_mutex);
          report.submit_ms.push_back(ms);
        });
      }
    }
    report.submit_seconds = Parallel(drafts);
    report.submissions = static_cast<int>(drafts.size());
    // 2. The first expert of each cell submits it; review opens; reviewers take them up.
    ForEachCell([&](size_t k) { Move(report, Expert(cells_[k].experts[0]), k, "submitted"); });
    Expect(report, cora.Send("POST", Round("/phase"), {{"to", "review_open"}}), 200, "open review");
    ForEachCell([&](size_t k) { Move(report, Reviewer(cells_[k].reviewer), k, "in_review"); });
    // 3. Wide cells are challenged; their outlier revises to the baseline.
    std::vector<size_t> wide;
    for (size_t k = 0; k < cells_.size(); ++k) {
      if (cells_[k].wide) wide.push_back(k);
    }
    report.challenged = static_cast<int>(wide.size());
    Parallel(Tasks(wide, [&](size_t k) {
      const std::string reviewer = Reviewer(cells_[k].reviewer);
      Expect(report, clients_.at(reviewer).Send("POST", CellPath(k, "/threads"), {{"text", "Why so far apart?"}}), 201,
             "thread");
      Move(report, reviewer, k, "draft", "the experts disagree by 1.5 or more");
      Submit(report, k, size_.per_cell - 1, cells_[k].final_scores[size_.per_cell - 1]);
      Move(report, Expert(cells_[k].experts[0]), k, "submitted");
      Move(report, reviewer, k, "in_review");
    }));
    report.submissions += static_cast<int>(wide.size());
    // 4. Reviewers agree at the proposal; the coordinator calibrates, settles, finalises and publishes.
    ForEachCell([&](size_t k) { Move(report, Reviewer(cells_[k].reviewer), k, "agreed"); });
    Expect(report, cora.Send("POST", Round("/phase"), {{"to", "calibration"}}), 200, "calibration");
    Expect(report, cora.Send("POST", Round("/phase"), {{"to", "settled"}}), 200, "settle");
    ForEachCell([&](size_t k) { Move(report, "cora", k, "final"); });
    const auto start = std::chrono::steady_clock::now();
    Expect(report, cora.Send("POST", Round("/publication")), 201, "publish");
    report.publish_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (const Cell& cell : cells_) report.expected[{cell.iso3, cell.indicator}] = cell.expected;
    report.requests = requests_.load();
    report.stale_retries = stale_.load();
    return report;
  }

 private:
  struct Cell {
    std::string iso3;
    std::string indicator;
    std::vector<int> experts;
    int reviewer = 0;
    std::vector<double> first_scores;
    std::vector<double> final_scores;
    bool wide = false;
    double expected = 0;
    int version = 0;  // as last written by this driver
  };

  static std::string Expert(int e) { return "expert" + std::to_string(e); }
  static std::string Reviewer(int r) { return "reviewer" + std::to_string(r); }
  static std::string Round(const std::string& rest) { return std::string("/api/v1/rounds/") + kRound + rest; }
  std::string CellPath(size_t k, const std::string& rest) const {
    return Round("/cells/" + cells_[k].iso3 + "/" + cells_[k].indicator + rest);
  }

  void AddUsers(SimulationReport& report) {
    std::vector<std::pair<std::string, core::assessment::Role>> users = {{"cora", core::assessment::Role::kCoordinator}};
    for (int e = 0; e < size_.experts; ++e) users.emplace_back(Expert(e), core::assessment::Role::kExpert);
    for (int r = 0; r < size_.reviewers; ++r) users.emplace_back(Reviewer(r), core::assessment::Role::kReviewer);
    for (const auto& [user, role] : users) {
      if (Status added = accounts_.AddUser("operator", user, role, kPassword); !added) {
        report.failures.push_back("add user " + user + ": " + added.error().ToString());
      }
    }
  }

  WorkspaceClient SignedIn(const std::string& user) {
    WorkspaceClient client(port_);
    client.SignIn(user, kPassword);
    client.KeepAlive();  // each worker thread keeps its connection, as browsers do
    return client;
  }

  static double Clamp(double score) { return std::clamp(score, 1.0, 10.0); }

  // Each cell's experts (consecutive, wrapping), its reviewer (by country), and the
  // scores: the baseline, half a point up, half a point down; every thirteenth cell's
  // last expert first goes 2.5 points up, a wide spread that review settles.
  void Plan(const std::vector<std::string>& countries) {
    int k = 0;
    for (size_t c = 0; c < countries.size(); ++c) {
      for (int i = 0; i < baseline_.indicator_count(); ++i, ++k) {
        Cell cell;
        cell.iso3 = countries[c];
        cell.indicator = baseline_.indicator_ids[static_cast<size_t>(i)];
        for (int j = 0; j < size_.per_cell; ++j) cell.experts.push_back((k * size_.per_cell + j) % size_.experts);
        cell.reviewer = static_cast<int>(c) % size_.reviewers;
        const auto& score = baseline_.score(static_cast<int>(c), i);
        const double b = score ? score->ToDouble() : 5.0;
        for (int j = 0; j < size_.per_cell; ++j) cell.final_scores.push_back(Clamp(b + (j == 1 ? 0.5 : j == 2 ? -0.5 : 0)));
        cell.first_scores = cell.final_scores;
        cell.wide = k % 13 == 0;
        if (cell.wide) cell.first_scores.back() = Clamp(b + 2.5);
        // Independently of the engine: the median of the final drafts on the 0.5 grid.
        std::vector<double> sorted = cell.final_scores;
        std::sort(sorted.begin(), sorted.end());
        const size_t n = sorted.size();
        const double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        cell.expected = std::floor(median * 2 + 0.5) / 2;
        cells_.push_back(std::move(cell));
      }
    }
  }

  nlohmann::json Assignments() const {
    nlohmann::json cells = nlohmann::json::array();
    for (const Cell& cell : cells_) {
      std::vector<std::string> drafting;
      for (int e : cell.experts) drafting.push_back(Expert(e));
      cells.push_back({{"iso3", cell.iso3},
                       {"item", cell.indicator},
                       {"drafting", drafting},
                       {"reviewers", {Reviewer(cell.reviewer)}}});
    }
    return {{"cells", cells}, {"sections", nlohmann::json::array()}, {"thematic", nlohmann::json::object()}};
  }

  // Writes with the version last seen; on 412 reads the cell and tries again.
  HttpReply Versioned(size_t k, const std::string& user, const std::string& method, const std::string& path,
                      const nlohmann::json& body) {
    const WorkspaceClient& client = clients_.at(user);
    for (;;) {
      int seen = 0;
      {
        std::lock_guard lock(version_mutex_);
        seen = cells_[k].version;
      }
      HttpReply reply = client.Send(method, path, body, seen);
      ++requests_;
      if (reply.status != 412) {
        if (reply.status == 200) {
          std::lock_guard lock(version_mutex_);
          cells_[k].version = std::max(cells_[k].version, nlohmann::json::parse(reply.body).at("version").get<int>());
        }
        return reply;
      }
      ++stale_;
      HttpReply fresh = client.Get(CellPath(k, ""));
      ++requests_;
      std::lock_guard lock(version_mutex_);
      cells_[k].version = std::max(cells_[k].version, nlohmann::json::parse(fresh.body).at("version").get<int>());
    }
  }

  void Submit(SimulationReport& report, size_t k, int j, double score) {
    const nlohmann::json body = {{"score", score},
                                 {"justification", "Simulated: court records and interviews."},
                                 {"sources", {"https://example.org/simulated"}},
                                 {"confidence", 3},
                                 {"change_reason", "simulated evidence"}};
    Expect(report, Versioned(k, Expert(cells_[k].experts[static_cast<size_t>(j)]), "PUT", CellPath(k, "/submission"), body),
           200, "draft");
  }

  void Move(SimulationReport& report, const std::string& user, size_t k, const char* to, const std::string& reason = "") {
    Expect(report, Versioned(k, user, "POST", CellPath(k, "/transition"), {{"to", to}, {"reason", reason}}), 200,
           std::string("move to ") + to);
  }

  void Expect(SimulationReport& report, const HttpReply& reply, int status, const std::string& what) {
    if (reply.status == status) return;
    std::lock_guard lock(failure_mutex_);
    if (report.failures.size() < 5) report.failures.push_back(what + ": " + std::to_string(reply.status) + " " + reply.body);
  }

  template <typename F>
  std::vector<std::function<void()>> Tasks(const std::vector<size_t>& ks, F f) {
    std::vector<std::function<void()>> tasks;
    for (size_t k : ks) tasks.push_back([f, k] { f(k); });
    return tasks;
  }

  template <typename F>
  void ForEachCell(F f) {
    std::vector<size_t> all(cells_.size());
    for (size_t k = 0; k < all.size(); ++k) all[k] = k;
    Parallel(Tasks(all, f));
  }

  // Runs the tasks on size_.clients threads; returns the seconds it took.
  double Parallel(const std::vector<std::function<void()>>& tasks) {
    std::atomic<size_t> next{0};
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (int t = 0; t < size_.clients; ++t) {
      threads.emplace_back([&] {
        for (size_t i = next++; i < tasks.size(); i = next++) tasks[i]();
      });
    }
    for (std::thread& thread : threads) thread.join();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }

  uint16_t port_;
  app::Accounts& accounts_;
  const core::Dataset& baseline_;
  SimulationSize size_;
  std::vector<Cell> cells_;
  std::map<std::string, WorkspaceClient> clients_;
  std::mutex version_mutex_;
  std::mutex failure_mutex_;
  std::atomic<int> requests_{0};
  std::atomic<int> stale_{0};
};

}  // namespace ocindex::test
