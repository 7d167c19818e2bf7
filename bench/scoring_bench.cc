// Scoring and ranking all three bundled editions: the work behind every page and
// command. Inputs are read once outside the timed loop.
#include <benchmark/benchmark.h>

#include "adapters/catalog/catalog.h"
#include "core/scoring/ranking.h"
#include "core/scoring/scorecard.h"

namespace {

const std::vector<ocindex::adapters::EditionToStore>& Editions() {
  static const auto* editions = [] {
    auto geography = ocindex::adapters::BundledGeography();
    auto loaded = ocindex::adapters::BundledEditions(*geography);
    return new std::vector<ocindex::adapters::EditionToStore>(std::move(*loaded));
  }();
  return *editions;
}

// Every composite of every country, exact, for the three editions.
void BM_ScoreAllEditions(benchmark::State& state) {
  const auto& editions = Editions();
  int64_t countries = 0;
  for (auto _ : state) {
    for (const auto& edition : editions) {
      auto card = ocindex::core::Scorecard::Compute(edition.framework, edition.dataset);
      benchmark::DoNotOptimize(card);
      countries += edition.dataset.country_count();
    }
  }
  state.counters["countries/s"] = benchmark::Counter(static_cast<double>(countries), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ScoreAllEditions);

// Scoring plus ranks of every measure (composites and indicators) in all three scopes.
void BM_ScoreAndRankAllEditions(benchmark::State& state) {
  const auto& editions = Editions();
  int64_t rankings = 0;
  for (auto _ : state) {
    for (const auto& edition : editions) {
      auto card = ocindex::core::Scorecard::Compute(edition.framework, edition.dataset);
      for (int m = 0; m < edition.framework.measure_count(); ++m) {
        for (auto scope : {ocindex::core::Scope::kWorld, ocindex::core::Scope::kContinent,
                           ocindex::core::Scope::kRegion}) {
          auto ranks = ocindex::core::RankCountries(edition.dataset, *card, m, scope);
          benchmark::DoNotOptimize(ranks.data());
          ++rankings;
        }
      }
    }
  }
  state.counters["rankings/s"] = benchmark::Counter(static_cast<double>(rankings), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ScoreAndRankAllEditions);

}  // namespace
