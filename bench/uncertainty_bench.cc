// The uncertainty engine on its reference experiment (GOCI 2025, 193 countries x 32
// indicators, score noise +-0.5 and indicator weight noise; both rank vectors tallied
// into histograms) and with the expert-level bootstrap in place of the score noise,
// fast and general evaluators, on 1 and 2 threads; and COINr's
// ASEM sensitivity analysis at COINr's published size (Saltelli design N = 1000, four
// inputs, 6,000 pipeline runs, then Sobol indices with bootstrap intervals), which
// COINr takes about 645 s for.
#include <benchmark/benchmark.h>

#include <atomic>
#include <cmath>
#include <string>
#include <thread>

#include "adapters/catalog/catalog.h"
#include "adapters/io/coin_csv.h"
#include "core/pipeline/coinr_asem.h"
#include "core/pipeline/run.h"
#include "core/reliability/synthetic_experts.h"
#include "core/uncertainty/random_stream.h"
#include "core/uncertainty/rank_statistics.h"
#include "core/uncertainty/sobol_indices.h"
#include "core/uncertainty/uncertainty_analysis.h"

namespace {

namespace un = ocindex::core::uncertainty;
namespace pl = ocindex::core::pipeline;

const ocindex::adapters::EditionToStore& Edition2025() {
  static const auto* edition = []() -> const ocindex::adapters::EditionToStore* {
    auto geography = ocindex::adapters::BundledGeography();
    if (!geography) std::abort();
    auto editions = ocindex::adapters::BundledEditions(*geography);
    if (!editions) std::abort();
    for (auto& e : *editions) {
      if (e.framework.edition == "2025") return new ocindex::adapters::EditionToStore(std::move(e));
    }
    std::abort();
  }();
  return *edition;
}

const un::Plan& ReferencePlan() {
  static const auto* plan = [] {
    auto built = un::BuildPlan(Edition2025().framework, Edition2025().dataset, un::ReferenceSpec());
    if (!built) std::abort();
    return new un::Plan(std::move(*built));
  }();
  return *plan;
}

// Args: threads, fast path (1) or general (0).
void BM_ReferenceExperiment(benchmark::State& state) {
  un::AnalysisOptions options;
  options.threads = static_cast<int>(state.range(0));
  options.allow_fast_path = state.range(1) == 1;
  options.runs = options.allow_fast_path ? 200000 : 20000;
  for (auto _ : state) {
    auto result = un::RunUncertainty(ReferencePlan(), options);
    benchmark::DoNotOptimize(result);
  }
  state.counters["runs/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * options.runs), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReferenceExperiment)
    ->Args({1, 1})
    ->Args({2, 1})
    ->Args({1, 0})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The expert-level bootstrap on 2025 with a synthetic panel of 4 experts a cell (10 %
// missing, as `ocindex reliability generate --edition 2025 --experts 4 --seed 1
// --missing 0.1`) and indicator weight noise: what `ocindex uncertainty --experts` runs.
const un::Plan& ExpertPlan() {
  static const auto* plan = [] {
    const auto& edition = Edition2025();
    ocindex::core::SyntheticPanel panel;
    panel.missing = 0.1;
    auto experts = ocindex::core::GenerateExpertScores(edition.framework, edition.dataset, panel);
    if (!experts) std::abort();
    un::UncertaintySpec spec;
    spec.expert_bootstrap.emplace();
    spec.weight_noise.push_back(un::WeightNoise{});
    auto built = un::BuildPlan(edition.framework, edition.dataset, spec, *experts);
    if (!built) std::abort();
    return new un::Plan(std::move(*built));
  }();
  return *plan;
}

// Args: threads, fast path (1) or general (0).
void BM_ExpertBootstrap(benchmark::State& state) {
  un::AnalysisOptions options;
  options.threads = static_cast<int>(state.range(0));
  options.allow_fast_path = state.range(1) == 1;
  options.runs = options.allow_fast_path ? 100000 : 10000;
  for (auto _ : state) {
    auto result = un::RunUncertainty(ExpertPlan(), options);
    if (!result || result->fast_path != options.allow_fast_path) std::abort();
    benchmark::DoNotOptimize(result);
  }
  state.counters["runs/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * options.runs), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ExpertBootstrap)
    ->Args({1, 1})
    ->Args({2, 1})
    ->Args({1, 0})
    ->Args({2, 0})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// ---------------------------------------------------------------- COINr ASEM, N = 1000

const std::string kDir = std::string(OCINDEX_TEST_DATA) + "/coinr-asem/";

struct Asem {
  pl::Model model;
  std::vector<std::vector<pl::NodeWeight>> weight_sets;
};

const Asem& AsemData() {
  static const auto* data = [] {
    auto model = ocindex::adapters::io::ReadCoinModel(kDir + "ASEM_iData.csv", kDir + "ASEM_iMeta.csv");
    auto weights = ocindex::adapters::io::ReadCoinWeightSets(kDir + "ASEM_noisy_weights_100.csv");
    if (!model || !weights) std::abort();
    return new Asem{std::move(*model), std::move(*weights)};
  }();
  return *data;
}

// COINr's four inputs as uniform choices: winmax 1..5, normalisation, weight set, aggregation.
constexpr int kInputs = 4;
using DesignRow = std::array<std::uint64_t, kInputs>;

pl::Spec RestSpec(const Asem& asem, const DesignRow& row) {
  pl::AsemDesignRow design;
  design.winmax = 1 + static_cast<int>(row[0] % 5);
  design.normalisation = row[1] % 2 ? pl::NormaliseMethod::kZScore : pl::NormaliseMethod::kMinMax;
  design.aggregation = row[3] % 2 ? pl::AggregationMethod::kGeometric : pl::AggregationMethod::kArithmetic;
  return pl::AsemRunRestSpec(design, asem.weight_sets[row[2] % asem.weight_sets.size()]);
}

// The whole analysis: design, 6,000 runs on `threads` Runners, ranks, y = mean
// |rank - nominal rank|, Sobol indices and 1,000 bootstrap resamples.
std::vector<ocindex::core::SobolInterval> AsemSensitivity(int samples, int threads) {
  const Asem& asem = AsemData();
  const int index = *asem.model.FindNode("Index");
  const auto runs = static_cast<size_t>(samples) * (kInputs + 2);
  std::vector<double> y(runs);
  std::vector<int> nominal;
  {
    pl::Runner runner(asem.model);
    if (!runner.Run(pl::Concatenate(pl::AsemPrefixSpec(), pl::AsemNominalRestSpec()))) std::abort();
    const double* column = runner.scores().column(static_cast<size_t>(index));
    nominal = ocindex::core::RanksHighFirst(std::vector<double>(column, column + runner.rows().size()));
  }
  std::atomic<size_t> next{0};
  const auto work = [&] {
    pl::Runner runner(asem.model);
    if (!runner.Checkpoint(pl::AsemPrefixSpec())) std::abort();
    for (size_t run = next++; run < runs; run = next++) {
      const size_t block = run / static_cast<size_t>(samples);
      const size_t r = run % static_cast<size_t>(samples);
      DesignRow a, b;
      ocindex::core::RandomStream sa(7, 2 * r), sb(7, 2 * r + 1);
      for (int i = 0; i < kInputs; ++i) {
        a[static_cast<size_t>(i)] = sa.Next();
        b[static_cast<size_t>(i)] = sb.Next();
      }
      DesignRow row = block == 1 ? b : a;
      if (block >= 2) row[block - 2] = b[block - 2];
      if (!runner.RunFromCheckpoint(RestSpec(asem, row))) std::abort();
      const double* column = runner.scores().column(static_cast<size_t>(index));
      const std::vector<int> ranks =
          ocindex::core::RanksHighFirst(std::vector<double>(column, column + runner.rows().size()));
      double shift = 0;
      for (size_t c = 0; c < ranks.size(); ++c) shift += std::abs(ranks[c] - nominal[c]);
      y[run] = shift / static_cast<double>(ranks.size());
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& thread : pool) thread.join();
  const auto n = static_cast<long>(samples);
  const std::vector<double> y_a(y.begin(), y.begin() + n), y_b(y.begin() + n, y.begin() + 2 * n);
  std::vector<std::vector<double>> y_ab;
  for (long i = 0; i < kInputs; ++i) y_ab.emplace_back(y.begin() + (i + 2) * n, y.begin() + (i + 3) * n);
  if (!ocindex::core::EstimateSobolIndices(y_a, y_b, y_ab)) std::abort();
  auto intervals = ocindex::core::BootstrapSobolIntervals(y_a, y_b, y_ab, 1000, 7, 0.05, 0.95);
  if (!intervals) std::abort();
  return *intervals;
}

void BM_AsemSensitivity6000Runs(benchmark::State& state) {
  AsemData();  // reading the CSV files is not part of the analysis
  for (auto _ : state) benchmark::DoNotOptimize(AsemSensitivity(1000, static_cast<int>(state.range(0))));
  state.counters["runs/s"] = benchmark::Counter(static_cast<double>(state.iterations() * 6000),
                                                benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AsemSensitivity6000Runs)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
