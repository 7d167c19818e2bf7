// How ocindex's cost grows with the number of units: scoring, ranking, the uncertainty
// analysis and the sensitivity analysis of one synthetic index (bench/scaling/
// synthetic_index.py), named by OCINDEX_SYNTHETIC=PREFIX (PREFIX.toml, PREFIX.csv).
// bench/scaling/scaling.sh runs it at several sizes and reports the growth.
//
// The CSV is read here rather than through the importer: the importer resolves each row
// to a country of the geography (ISO 3166 codes), and an index of 100,000 units holds
// no countries.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>

#include "adapters/io/csv_reader.h"
#include "adapters/io/framework_toml.h"
#include "adapters/io/text_file.h"
#include "core/scoring/ranking.h"
#include "core/scoring/scorecard.h"
#include "core/uncertainty/random_stream.h"
#include "core/uncertainty/rank_statistics.h"
#include "core/uncertainty/sensitivity_analysis.h"
#include "core/uncertainty/ranker.h"
#include "core/uncertainty/uncertainty_analysis.h"

namespace {

namespace io = ocindex::adapters::io;
namespace un = ocindex::core::uncertainty;

[[noreturn]] void Fail(const std::string& what) {
  std::cerr << "scaling_bench: " << what << "\n";
  std::exit(1);
}

struct Index {
  ocindex::core::Framework framework;
  ocindex::core::Dataset dataset;
  un::Plan plan;  // of the reference experiment
};

// Rows iso3,country,continent,region, then one column per indicator id.
ocindex::core::Dataset ReadScores(const ocindex::core::Framework& framework, const std::string& path) {
  auto text = io::ReadTextFile(path);
  if (!text) Fail(text.error().ToString());
  io::CsvRecords records(*text, path);
  ocindex::adapters::io::TableRow row;
  auto header = records.Next(row);
  if (!header || !*header) Fail(path + ": no header");
  std::vector<int> indicator_of;
  for (size_t j = 4; j < row.cells.size(); ++j) {
    const std::optional<int> indicator = framework.FindIndicator(row.cells[j]);
    if (!indicator) Fail(path + ": unknown indicator " + row.cells[j]);
    indicator_of.push_back(*indicator);
  }
  ocindex::core::Dataset dataset = ocindex::core::Dataset::ShapedFor(framework);
  for (auto more = records.Next(row); more && *more; more = records.Next(row)) {
    const int unit = dataset.AddCountry({row.cells[0], row.cells[1], row.cells[2], row.cells[3]});
    for (size_t j = 0; j < indicator_of.size(); ++j) {
      dataset.score(unit, indicator_of[j]) = ocindex::core::Rational::ParseDecimal(row.cells[j + 4]);
    }
  }
  return dataset;
}

const Index& Synthetic() {
  static const Index* index = [] {
    const char* prefix = std::getenv("OCINDEX_SYNTHETIC");
    if (prefix == nullptr) Fail("set OCINDEX_SYNTHETIC to the prefix of a synthetic index (bench/scaling/synthetic_index.py)");
    auto framework = io::ReadFrameworkFile(std::string(prefix) + ".toml");
    if (!framework) Fail(framework.error().ToString());
    auto* out = new Index{*framework, ReadScores(*framework, std::string(prefix) + ".csv"), {}};
    auto plan = un::BuildPlan(out->framework, out->dataset, un::ReferenceSpec());
    if (!plan) Fail(plan.error().ToString());
    out->plan = std::move(*plan);
    return out;
  }();
  return *index;
}

double Units() { return static_cast<double>(Synthetic().dataset.country_count()); }

// Runs an analysis takes at this size: about the same time at every size.
std::int64_t RunsFor(double work) { return std::max<std::int64_t>(64, static_cast<std::int64_t>(work / Units())); }

void CountUnits(benchmark::State& state) {
  state.counters["units/s"] = benchmark::Counter(static_cast<double>(state.iterations()) * Units(), benchmark::Counter::kIsRate);
}

// Every composite of every unit, exact (what every page and export starts from).
void BM_Scoring(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ocindex::core::Scorecard::Compute(Synthetic().framework, Synthetic().dataset));
  CountUnits(state);
}
BENCHMARK(BM_Scoring)->Unit(benchmark::kMillisecond);

// The published ranking of one pillar (core::RankCountries, as the API's rankings).
void BM_RankCountries(benchmark::State& state) {
  auto card = ocindex::core::Scorecard::Compute(Synthetic().framework, Synthetic().dataset);
  const int pillar = *Synthetic().framework.FindNode("criminality");
  for (auto _ : state) {
    benchmark::DoNotOptimize(ocindex::core::RankCountries(Synthetic().dataset, *card, pillar, ocindex::core::Scope::kWorld));
  }
  CountUnits(state);
}
BENCHMARK(BM_RankCountries)->Unit(benchmark::kMillisecond);

// One run's ranking of the rounded keys: the engine's counting rank (arg 1) against a
// comparison sort of the same keys (arg 0, core::RanksHighFirst).
void BM_RankKeys(benchmark::State& state) {
  const un::Plan& plan = Synthetic().plan;
  ocindex::core::RandomStream stream(1, 0);
  std::vector<std::int32_t> keys(static_cast<size_t>(plan.countries));  // over the whole scale, ties and all
  for (auto& key : keys) key = static_cast<std::int32_t>(stream.Below(static_cast<std::uint64_t>(plan.max_key) + 1));
  std::vector<std::int32_t> ranks(keys.size());
  un::Ranker ranker(plan.max_key, plan.countries);
  const std::vector<double> values(keys.begin(), keys.end());
  for (auto _ : state) {
    if (state.range(0) == 1) {
      ranker.Rank(keys.data(), plan.countries, ranks.data());
      benchmark::DoNotOptimize(ranks.data());
    } else {
      benchmark::DoNotOptimize(ocindex::core::RanksHighFirst(values));
    }
  }
  CountUnits(state);
}
BENCHMARK(BM_RankKeys)->Arg(1)->Arg(0);

// The reference uncertainty experiment on 2 threads.
void BM_Uncertainty(benchmark::State& state) {
  un::AnalysisOptions options;
  options.threads = 2;
  options.runs = RunsFor(4e7);
  for (auto _ : state) benchmark::DoNotOptimize(un::RunUncertainty(Synthetic().plan, options));
  state.counters["runs/s"] = benchmark::Counter(static_cast<double>(state.iterations() * options.runs), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Uncertainty)->Unit(benchmark::kMillisecond)->UseRealTime();

// Sobol sensitivity of the same spec on 2 threads (N (2 + 2) runs, 100 bootstrap resamples).
void BM_Sensitivity(benchmark::State& state) {
  un::SensitivityOptions options;
  options.threads = 2;
  options.samples = static_cast<int>(RunsFor(1e7));
  options.bootstrap = 100;
  for (auto _ : state) benchmark::DoNotOptimize(un::RunSensitivity(Synthetic().plan, options));
  state.counters["runs/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * options.samples * 4), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Sensitivity)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
