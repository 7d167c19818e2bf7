// Decision analytics on the bundled 2025 edition: a what-if with every country's new
// rank, the target search over every country and the hardest rank goals, and Ward
// clustering of all 193 countries. The edition is scored and ranked once, outside
// the timed loops (as the server does once per edition).
#include <benchmark/benchmark.h>

#include <chrono>
#include <numeric>

#include "adapters/catalog/catalog.h"
#include "core/decision/clustering.h"
#include "core/scoring/ranked_edition.h"
#include "core/decision/target_search.h"
#include "core/decision/what_if.h"

namespace {

using namespace ocindex::core;

struct Fixture {
  Edition edition;
  Scorecard card;
  std::unique_ptr<RankedEdition> ranked;
};

const Fixture& Edition2025() {
  static const auto* fixture = [] {
    auto geography = ocindex::adapters::BundledGeography();
    auto loaded = ocindex::adapters::BundledEditions(*geography);
    auto* out = new Fixture;
    for (auto& edition : *loaded) {
      if (edition.framework.edition == "2025") out->edition = Edition{edition.framework, edition.dataset};
    }
    out->card = *Scorecard::Compute(out->edition.framework, out->edition.dataset);
    out->ranked = std::make_unique<RankedEdition>(out->edition, out->card);
    return out;
  }();
  return *fixture;
}

// Kazakhstan raises law enforcement and anti-money laundering by one point each.
void BM_WhatIfOneCountry(benchmark::State& state) {
  const Fixture& f = Edition2025();
  const Scenario scenario{"2025", {{"KAZ", "law_enforcement", AdjustmentKind::kShift, 1},
                                   {"KAZ", "anti_money_laundering", AdjustmentKind::kShift, 1}}};
  for (auto _ : state) {
    auto result = WhatIf(*f.ranked, scenario);
    benchmark::DoNotOptimize(result->ranks_after.data());
  }
}
BENCHMARK(BM_WhatIfOneCountry)->Unit(benchmark::kMicrosecond);

// Three countries, four changes each, on both pillars.
void BM_WhatIfThreeCountries(benchmark::State& state) {
  const Fixture& f = Edition2025();
  Scenario scenario{"2025", {}};
  for (const char* country : {"KAZ", "KGZ", "UZB"}) {
    for (const char* indicator : {"law_enforcement", "judicial_system", "heroin_trade", "criminal_networks"}) {
      scenario.adjustments.push_back({country, indicator, AdjustmentKind::kShift, Rational(-3, 2)});
    }
  }
  for (auto _ : state) {
    auto result = WhatIf(*f.ranked, scenario);
    benchmark::DoNotOptimize(result->ranks_after.data());
  }
}
BENCHMARK(BM_WhatIfThreeCountries)->Unit(benchmark::kMicrosecond);

// The hardest rank goals: first place and last place on both pillars, in the world.
std::vector<Bound> HardGoals(const Fixture& f, int country) {
  std::vector<Bound> goals;
  const int places = f.edition.dataset.country_count();
  for (const char* pillar : {"criminality", "resilience"}) {
    const int m = *f.edition.framework.FindNode(pillar);
    goals.push_back(*RankBound(*f.ranked, country, m, 0, 1, true));
    goals.push_back(*RankBound(*f.ranked, country, m, 0, places, false));
  }
  return goals;
}

// One sweep: every country, every hard goal; returns the slowest single search in ms.
double SweepWorstMs(const Fixture& f, const SearchOptions& options, int64_t& searches) {
  double worst = 0;
  for (int c = 0; c < f.edition.dataset.country_count(); ++c) {
    for (const Bound& goal : HardGoals(f, c)) {
      const auto start = std::chrono::steady_clock::now();
      auto answer = SearchTarget(*f.ranked, c, {goal}, options);
      benchmark::DoNotOptimize(answer);
      worst = std::max(worst, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
      ++searches;
    }
  }
  return worst;
}

// Every country, every hard goal, costs 1 (arg 0) or a different cost per step for
// every indicator (arg 1: no two interchangeable, the most classes the search can
// face). Counter worst_ms: the slowest single search.
void BM_TargetEveryCountry(benchmark::State& state) {
  const Fixture& f = Edition2025();
  SearchOptions options{{}, {}, 10};
  if (state.range(0) == 1) {
    options.costs.resize(f.edition.framework.indicators.size());
    std::iota(options.costs.begin(), options.costs.end(), 1);
  }
  double worst = 0;
  int64_t searches = 0;
  for (auto _ : state) worst = std::max(worst, SweepWorstMs(f, options, searches));
  state.counters["worst_ms"] = worst;
  state.counters["searches/s"] = benchmark::Counter(static_cast<double>(searches), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TargetEveryCountry)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_WardClusters(benchmark::State& state) {
  const Fixture& f = Edition2025();
  std::vector<int> all(f.edition.framework.indicators.size());
  std::iota(all.begin(), all.end(), 0);
  for (auto _ : state) {
    auto clustering = WardClusters(f.edition.dataset, all, ClusterOptions{});
    benchmark::DoNotOptimize(clustering);
  }
}
BENCHMARK(BM_WardClusters)->Unit(benchmark::kMillisecond);

// The one-off cost the queries start from (once per edition).
void BM_RankedEditionBuild(benchmark::State& state) {
  const Fixture& f = Edition2025();
  for (auto _ : state) {
    RankedEdition ranked(f.edition, f.card);
    benchmark::DoNotOptimize(ranked.ranks().data());
  }
}
BENCHMARK(BM_RankedEditionBuild)->Unit(benchmark::kMillisecond);

}  // namespace
