#include "core/uncertainty/sensitivity_analysis.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <memory>
#include <thread>

#include "core/uncertainty/ranker.h"
#include "core/uncertainty/uncertainty_analysis.h"

namespace ocindex::core::uncertainty {

namespace {

constexpr std::int64_t kRunsPerTask = 256;

}  // namespace

SaltelliDesign::SaltelliDesign(const Plan& plan, const SensitivityOptions& options)
    : inputs_(plan.inputs.size()),
      samples_(options.samples),
      sampler_(options.sampling, options.seed, 2 * plan.inputs.size()),
      point_(2 * plan.inputs.size()) {}

std::int64_t SaltelliDesign::runs() const {
  return static_cast<std::int64_t>(samples_) * static_cast<std::int64_t>(inputs_ + 2);
}

void SaltelliDesign::Words(std::int64_t run, std::uint64_t* words) {
  const std::int64_t block = run / samples_;  // 0 = A, 1 = B, 2 + i = AB_i
  sampler_.Point(static_cast<std::uint64_t>(run % samples_), point_.data());
  const std::uint64_t* half = point_.data() + (block == 1 ? inputs_ : 0);
  std::copy(half, half + inputs_, words);
  if (block >= 2) {
    const auto i = static_cast<std::size_t>(block - 2);
    words[i] = point_[inputs_ + i];
  }
}

Result<SensitivityResult> RunSensitivity(const Plan& plan, const SensitivityOptions& options) {
  if (options.samples < 2) return MakeError(ErrorCode::kInvalidInput, "samples: expected at least 2");
  if (options.country >= plan.countries) return MakeError(ErrorCode::kInvalidInput, "country: out of range");
  if (options.bootstrap < 0) return MakeError(ErrorCode::kInvalidInput, "bootstrap: expected 0 or more resamples");
  const int pillar = options.pillar >= 0 ? options.pillar : std::max(plan.quadrant_y, 0);
  if (pillar >= plan.pillar_count()) return MakeError(ErrorCode::kInvalidInput, "pillar: out of range");
  const size_t k = plan.inputs.size();
  const std::int64_t runs = SaltelliDesign(plan, options).runs();
  const bool one_country = options.country >= 0;

  SensitivityResult result;
  result.inputs = plan.inputs;
  result.pillar = plan.pillars[static_cast<size_t>(pillar)].id;
  result.samples = options.samples;
  result.runs = runs;
  result.outputs.push_back({"mean_abs_rank_shift", {}, {}, std::vector<double>(static_cast<size_t>(runs)), {}});
  if (one_country) {
    result.outputs.push_back({"rank_" + plan.country_codes[static_cast<size_t>(options.country)], {}, {},
                              std::vector<double>(static_cast<size_t>(runs)), {}});
  }

  const std::vector<std::int32_t> nominal = NominalRanks(plan);
  const size_t n = static_cast<size_t>(plan.countries);
  const std::int32_t* nominal_ranks = nominal.data() + static_cast<size_t>(pillar) * n;
  int threads = options.threads > 0 ? options.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const std::int64_t tasks = (runs + kRunsPerTask - 1) / kRunsPerTask;
  threads = static_cast<int>(std::min<std::int64_t>(threads, tasks));
  std::atomic<std::int64_t> next_task{0};
  std::atomic<std::int64_t> done{0};
  const auto work = [&](bool report) {
    Evaluator evaluator(plan, options.allow_fast_path);
    SaltelliDesign design(plan, options);
    std::vector<std::uint64_t> words(k);
    RunParameters params = NominalParameters(plan);
    std::vector<std::int32_t> keys(plan.pillars.size() * n);
    std::vector<std::int32_t> ranks(n);
    Ranker ranker(plan.max_key, plan.countries);
    for (std::int64_t task = next_task++; task < tasks; task = next_task++) {
      const std::int64_t end = std::min(runs, (task + 1) * kRunsPerTask);
      for (std::int64_t run = task * kRunsPerTask; run < end; ++run) {
        design.Words(run, words.data());
        DrawParameters(plan, words.data(), params);
        evaluator.Evaluate(params, keys.data());
        ranker.Rank(keys.data() + static_cast<size_t>(pillar) * n, plan.countries, ranks.data());
        std::int64_t shift = 0;
        for (size_t c = 0; c < n; ++c) shift += std::abs(ranks[c] - nominal_ranks[c]);
        result.outputs[0].y[static_cast<size_t>(run)] = static_cast<double>(shift) / static_cast<double>(n);
        if (one_country) result.outputs[1].y[static_cast<size_t>(run)] = ranks[static_cast<size_t>(options.country)];
      }
      done += end - task * kRunsPerTask;
      if (report && options.progress) options.progress(done.load(), runs);
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work, false);
  work(true);
  for (std::thread& thread : pool) thread.join();

  const auto samples = static_cast<long>(options.samples);
  for (SensitivityOutput& output : result.outputs) {
    const auto begin = output.y.begin();
    const std::vector<double> y_a(begin, begin + samples);
    const std::vector<double> y_b(begin + samples, begin + 2 * samples);
    std::vector<std::vector<double>> y_ab;
    for (size_t i = 0; i < k; ++i) {
      const auto at = begin + static_cast<long>(i + 2) * samples;
      y_ab.emplace_back(at, at + samples);
    }
    auto indices = EstimateSobolIndices(y_a, y_b, y_ab);
    if (!indices) {
      output.note = indices.error().message;
      continue;
    }
    output.indices = std::move(*indices);
    if (options.bootstrap > 0) {
      auto intervals = BootstrapSobolIntervals(y_a, y_b, y_ab, options.bootstrap, options.seed, 0.05, 0.95);
      if (intervals) output.intervals = std::move(*intervals);
    }
  }
  return result;
}

}  // namespace ocindex::core::uncertainty
