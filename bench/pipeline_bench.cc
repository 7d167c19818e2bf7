// The composite-indicator pipeline on COINr's ASEM example (51 countries, 49
// indicators, 4 levels): one nominal run with every intermediate data set, one run
// of the fast path, and the 600 runs of COINr's sensitivity design (COINr takes
// 0.05-0.1 s per run). Inputs are read and specs built outside the timed loop.
#include <benchmark/benchmark.h>

#include <string>

#include "adapters/io/coin_csv.h"
#include "adapters/io/csv_reader.h"
#include "core/pipeline/coinr_asem.h"
#include "core/pipeline/run.h"

namespace {

namespace pl = ocindex::core::pipeline;
const std::string kDir = std::string(OCINDEX_TEST_DATA) + "/coinr-asem/";

const pl::Model& Asem() {
  static const auto* model = [] {
    auto read = ocindex::adapters::io::ReadCoinModel(kDir + "ASEM_iData.csv", kDir + "ASEM_iMeta.csv");
    if (!read) std::abort();
    return new pl::Model(std::move(*read));
  }();
  return *model;
}

// The rest of each of the 600 design runs, in design order.
const std::vector<pl::Spec>& Design() {
  static const auto* specs = [] {
    auto weights = ocindex::adapters::io::ReadCoinWeightSets(kDir + "ASEM_noisy_weights_100.csv");
    auto design = ocindex::adapters::io::ReadCsvFile(kDir + "ASEM_SA_N100_design.csv");
    if (!weights || !design) std::abort();
    auto* out = new std::vector<pl::Spec>;
    for (size_t r = 1; r < design->rows.size(); ++r) {
      const auto& cells = design->rows[r].cells;
      pl::AsemDesignRow row;
      row.winmax = std::stoi(cells[1]);
      row.normalisation = cells[2] == "n_zscore" ? pl::NormaliseMethod::kZScore : pl::NormaliseMethod::kMinMax;
      row.aggregation = cells[4] == "a_gmean" ? pl::AggregationMethod::kGeometric : pl::AggregationMethod::kArithmetic;
      out->push_back(pl::AsemRunRestSpec(row, (*weights)[std::stoul(cells[3]) - 1]));
    }
    return out;
  }();
  return *specs;
}

void BM_AsemNominalRunWithAllDataSets(benchmark::State& state) {
  const pl::Spec spec = pl::Concatenate(pl::AsemPrefixSpec(), pl::AsemNominalRestSpec());
  for (auto _ : state) {
    auto results = pl::Run(Asem(), spec);
    benchmark::DoNotOptimize(results);
  }
  state.counters["runs/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AsemNominalRunWithAllDataSets);

void BM_AsemOneRunFastPath(benchmark::State& state) {
  pl::Runner runner(Asem());
  if (!runner.Checkpoint(pl::AsemPrefixSpec())) std::abort();
  const pl::Spec& spec = Design().front();
  for (auto _ : state) {
    auto status = runner.RunFromCheckpoint(spec);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(runner.scores().column(0));
  }
  state.counters["runs/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AsemOneRunFastPath);

void BM_Asem600DesignRuns(benchmark::State& state) {
  pl::Runner runner(Asem());
  if (!runner.Checkpoint(pl::AsemPrefixSpec())) std::abort();
  const auto& design = Design();
  for (auto _ : state) {
    for (const pl::Spec& spec : design) {
      auto status = runner.RunFromCheckpoint(spec);
      benchmark::DoNotOptimize(status);
      benchmark::DoNotOptimize(runner.scores().column(0));
    }
  }
  state.counters["runs/s"] = benchmark::Counter(static_cast<double>(state.iterations() * design.size()),
                                                benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Asem600DesignRuns)->Unit(benchmark::kMillisecond);

}  // namespace
