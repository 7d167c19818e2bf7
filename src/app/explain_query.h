// Why two figures differ: one composite of two countries in one edition, or of one
// country in two editions, split into exact per-indicator contributions
// (core/decision/decomposition.h) and printed as a waterfall.
#pragma once

#include <string>
#include <vector>

#include "adapters/render/grid.h"
#include "app/engine.h"
#include "core/decision/decomposition.h"
#include "core/error.h"

namespace ocindex::app {

struct ExplainQuery {
  std::vector<std::string> countries;  // two: A minus B in `edition`; one: the country in `to` minus `from`
  std::string edition;                 // for two countries: id, "latest" or ""
  std::string from;                    // for one country: the earlier edition ("": the later one's previous)
  std::string to;                      // for one country: the later edition ("": the newest)
  std::string measure = "criminality";

  Status Validate() const;
};

struct WaterfallStep {
  std::string id;    // indicator id, or "rounding"
  std::string name;
  std::string kind;  // shared, added, dropped, only_a, only_b, rounding
  int64_t units = 0;        // the contribution at decimals + 2 places; all steps sum to the published difference
  int64_t cumulative = 0;   // running total after this step
  const core::Contribution* row = nullptr;  // null for rounding
};

struct Explanation {
  const LoadedEdition* a = nullptr;  // the edition of A (the later one between editions)
  const LoadedEdition* b = nullptr;
  const core::CountryEntry* country_a = nullptr;
  const core::CountryEntry* country_b = nullptr;
  std::string name_a, name_b;
  bool between_editions = false;
  core::Decomposition decomposition;
  int places = 4;  // decimals of the waterfall: the published decimals + 2
  std::vector<WaterfallStep> steps;
  int64_t total = 0;  // published A - published B, at `places`
};

Result<Explanation> Explain(const Engine& engine, const ExplainQuery& query);

// The waterfall: one row per contribution, then rounding and the total.
adapters::render::Grid ExplainGrid(const Explanation& explanation);

}  // namespace ocindex::app
