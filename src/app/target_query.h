// What it takes: the least change of one country's scores that reaches a goal, with
// the goal written as text both faces read the same way:
//   "resilience rank<=100"    rank 100 or better (1 = highest value)
//   "criminality rank>=150"   rank 150 or worse
//   "resilience>=6"           a published value of at least 6.00 ("<=", "<", ">" likewise)
//   "resilience>KGZ"          above another country ("<": below)
//   "quadrant=low criminality, high resilience"  (or low_criminality_high_resilience)
#pragma once

#include <string>
#include <vector>

#include "adapters/render/grid.h"
#include "app/engine.h"
#include "core/decision/target_search.h"
#include "core/error.h"

namespace ocindex::app {

inline constexpr int kDefaultTies = 10;
inline constexpr int kMaxTies = 1000;

struct TargetQuery {
  std::string edition;  // id, "latest" or "" (the newest)
  std::string country;
  std::string goal;     // see above
  std::string scope = "world";         // for rank goals
  std::vector<std::string> allow;      // indicator ids or names that may move; empty: all
  std::vector<std::string> costs;      // "law_enforcement=2": cost per step (default 1)
  int ties = kDefaultTies;             // minimal plans listed at most

  Status Validate() const;
};

struct TargetPlan {
  const LoadedEdition* edition = nullptr;
  const core::CountryEntry* country = nullptr;
  std::string name;
  std::string goal;  // as understood: "resilience rank 100 or better (world)"
  std::vector<int64_t> costs;  // per indicator
  core::TargetAnswer answer;
};

Result<TargetPlan> Target(const Engine& engine, const TargetQuery& query);

// One row per move of each minimal plan: plan number, indicator, from, to, steps, cost.
adapters::render::Grid TargetGrid(const TargetPlan& plan);
// One line: the least cost and the plans listed, or why the goal is out of reach.
std::string TargetSummary(const TargetPlan& plan);

}  // namespace ocindex::app
