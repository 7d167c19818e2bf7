#include "core/uncertainty/uncertainty_analysis.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <optional>
#include <thread>

#include "core/uncertainty/fast_evaluator.h"
#include "core/uncertainty/ranker.h"

namespace ocindex::core::uncertainty {

struct Evaluator::Impl {
  Impl(const Plan& p, bool allow_fast) : plan(p), scratch(p) {
    if (allow_fast && FastPathApplies(p)) fast.emplace(p);
  }
  const Plan& plan;
  Scratch scratch;
  std::optional<FastEvaluator> fast;
};

Evaluator::Evaluator(const Plan& plan, bool allow_fast_path) : impl_(std::make_unique<Impl>(plan, allow_fast_path)) {}
Evaluator::~Evaluator() = default;
bool Evaluator::fast() const { return impl_->fast.has_value(); }

void Evaluator::Evaluate(const RunParameters& params, std::int32_t* keys) {
  if (impl_->fast) {
    impl_->fast->Evaluate(params, keys);
  } else {
    EvaluateGeneral(impl_->plan, params, impl_->scratch, keys);
  }
}

namespace {

// Runs per task: 2,048, or fewer for large indices (a run of 100,000 countries takes
// milliseconds), so that every thread gets work; at least 16.
std::int64_t RunsPerTask(const Plan& plan) {
  return std::clamp<std::int64_t>((std::int64_t{1} << 22) / plan.countries, 16, 2048);
}
// A pillar's rank histograms hold about kRankCounts counts in all (16 MB), and at least
// kMinRankBins per country: exact ranks up to 2,048 countries, beyond that bins of
// several ranks, so memory grows as the countries, not their square.
constexpr size_t kRankCounts = size_t{1} << 22;
constexpr size_t kMinRankBins = 256;
// From this many countries the tallies outgrow the caches, and runs are tallied
// kBatchRuns at a time, country by country, so that each country's histograms are
// fetched once per batch instead of once per run.
constexpr int kBatchCountries = 2048;
constexpr int kBatchRuns = 64;

// Integer counts, merged by addition. Each country's key counts cover only the keys
// it can take (Plan::key_low..key_high), which keeps a thread's counts in its cache.
template <typename Count>
struct Tally {
  explicit Tally(const Plan& plan) : countries(static_cast<size_t>(plan.countries)), rank_shift(RankShift(plan)) {
    size_t offset = 0;
    for (size_t k = 0; k < plan.key_low.size(); ++k) {
      key_offset.push_back(offset - static_cast<size_t>(plan.key_low[k]));  // index = offset + key (wraps)
      offset += static_cast<size_t>(plan.key_high[k] - plan.key_low[k] + 1);
    }
    rank_bins = ((countries - 1) >> rank_shift) + 1;
    rank_counts.assign(plan.pillars.size() * countries * rank_bins, 0);
    if (rank_shift > 0) rank_sums.assign(plan.pillars.size() * countries, 0);
    key_counts.assign(offset, 0);
    quadrant_counts.assign(countries * 4, 0);
  }
  // log2 of the ranks a bin holds: the least that keeps the bins within the bounds above.
  static int RankShift(const Plan& plan) {
    const auto n = static_cast<size_t>(plan.countries);
    const size_t most = std::max(kMinRankBins, kRankCounts / n);
    int shift = 0;
    while (((n - 1) >> shift) + 1 > most) ++shift;
    return shift;
  }
  size_t countries;
  int rank_shift;                       // bin b holds ranks b * 2^shift + 1 .. (b + 1) * 2^shift
  size_t rank_bins = 0;
  std::vector<size_t> key_offset;       // per pillar * countries + country
  std::vector<Count> rank_counts;       // [pillar][country][rank bin]
  std::vector<std::uint64_t> rank_sums;  // [pillar][country] when binned: exact means
  std::vector<Count> key_counts;        // per pillar and country, its window of keys
  std::vector<Count> quadrant_counts;   // [country][quadrant]

  // Adds `other` into this and clears it.
  template <typename Other>
  void Drain(Tally<Other>& other) {
    DrainVector(rank_counts, other.rank_counts);
    DrainVector(rank_sums, other.rank_sums);
    DrainVector(key_counts, other.key_counts);
    DrainVector(quadrant_counts, other.quadrant_counts);
  }

 private:
  template <typename Into, typename From>
  static void DrainVector(std::vector<Into>& into, std::vector<From>& from) {
    for (size_t k = 0; k < into.size(); ++k) into[k] += from[k];
    std::fill(from.begin(), from.end(), From{0});
  }
};

// What one thread does: runs of the tasks it takes. Up to kBatchCountries countries
// it tallies each task in 16-bit counts (a task has fewer than 65536 runs), half the
// cache of 32-bit ones, and drains them into 32-bit totals after it; beyond, the
// histograms are far larger than any cache and batches go straight into the totals.
class Worker {
 public:
  Worker(const Plan& plan, const AnalysisOptions& options)
      : plan_(plan),
        evaluator_(plan, options.allow_fast_path),
        sampler_(RunSampler(plan, options)),
        total_(plan),
        batch_(options.tally_batch > 0 ? options.tally_batch : plan.countries >= kBatchCountries ? kBatchRuns : 1),
        words_(plan.inputs.size()),
        params_(NominalParameters(plan)),
        keys_(static_cast<size_t>(batch_) * plan.pillars.size() * static_cast<size_t>(plan.countries)),
        ranks_(keys_.size()),
        ranker_(plan.max_key, plan.countries) {
    if (plan.countries < kBatchCountries) task_.emplace(plan);
  }

  void Run(std::int64_t first, std::int64_t end) {
    if (!task_) return RunInto(total_, first, end);
    RunInto(*task_, first, end);
    total_.Drain(*task_);
  }
  Tally<std::uint32_t>& tally() { return total_; }
  bool fast() const { return evaluator_.fast(); }

 private:
  template <typename Count>
  void RunInto(Tally<Count>& tally, std::int64_t first, std::int64_t end) {
    const size_t n = static_cast<size_t>(plan_.countries);
    const size_t size = plan_.pillars.size() * n;
    int filled = 0;
    for (std::int64_t run = first; run < end; ++run) {
      std::int32_t* keys = keys_.data() + static_cast<size_t>(filled) * size;
      std::int32_t* ranks = ranks_.data() + static_cast<size_t>(filled) * size;
      sampler_.Point(static_cast<std::uint64_t>(run), words_.data());
      DrawParameters(plan_, words_.data(), params_);
      evaluator_.Evaluate(params_, keys);
      for (size_t p = 0; p < plan_.pillars.size(); ++p) ranker_.Rank(keys + p * n, plan_.countries, ranks + p * n);
      if (plan_.quadrant_x >= 0 && plan_.quadrant_y >= 0) {
        const int threshold = ThresholdKey(plan_, params_.threshold);
        const std::int32_t* x = keys + static_cast<size_t>(plan_.quadrant_x) * n;
        const std::int32_t* y = keys + static_cast<size_t>(plan_.quadrant_y) * n;
        for (size_t c = 0; c < n; ++c) ++tally.quadrant_counts[c * 4 + static_cast<size_t>(QuadrantOf(x[c], y[c], threshold))];
      }
      if (++filled == batch_) {
        TallyBatch(tally, filled);
        filled = 0;
      }
    }
    TallyBatch(tally, filled);
  }

  // The keys and ranks of the batch's `filled` runs into the histograms: a batch of
  // runs country by country (and pillar), so that each country's histograms are fetched
  // once; a single run in one sweep.
  template <typename Count>
  void TallyBatch(Tally<Count>& tally, int filled) {
    const size_t size = plan_.pillars.size() * static_cast<size_t>(plan_.countries);
    const int shift = tally.rank_shift;
    Count* rank_counts = tally.rank_counts.data();
    Count* key_counts = tally.key_counts.data();
    const auto add = [&](size_t k, size_t at) {  // k = pillar * countries + country; at = run * size + k
      ++rank_counts[k * tally.rank_bins + (static_cast<size_t>(ranks_[at] - 1) >> shift)];
      // In size_t: the offset alone may lie before the array (it wraps back with the key).
      ++key_counts[tally.key_offset[k] + static_cast<size_t>(keys_[at])];
      if (shift > 0) tally.rank_sums[k] += static_cast<std::uint64_t>(ranks_[at]);
    };
    if (filled == 1) {
      for (size_t k = 0; k < size; ++k) add(k, k);
      return;
    }
    for (size_t k = 0; k < size; ++k) {
      for (size_t run = 0; run < static_cast<size_t>(filled); ++run) add(k, run * size + k);
    }
  }

  const Plan& plan_;
  Evaluator evaluator_;
  InputSampler sampler_;
  std::optional<Tally<std::uint16_t>> task_;
  Tally<std::uint32_t> total_;
  int batch_;  // runs tallied together
  std::vector<std::uint64_t> words_;
  RunParameters params_;
  std::vector<std::int32_t> keys_;   // [run of the batch][pillar][country]
  std::vector<std::int32_t> ranks_;
  Ranker ranker_;
};

// The p-quantile (R type 7) of `total` values given as counts per bin; bin b holds value b * scale + offset.
double HistogramQuantile(const std::uint32_t* counts, size_t bins, std::uint64_t total, double p, double scale,
                         double offset) {
  const double h = static_cast<double>(total - 1) * p;
  const auto lo = static_cast<std::uint64_t>(std::floor(h));
  const std::uint64_t hi = std::min(lo + 1, total - 1);
  // The order statistics lo and hi (0-based).
  double at_lo = 0;
  double at_hi = 0;
  std::uint64_t seen = 0;
  bool found_lo = false;
  for (size_t b = 0; b < bins; ++b) {
    seen += counts[b];
    if (!found_lo && seen > lo) {
      at_lo = static_cast<double>(b);
      found_lo = true;
    }
    if (seen > hi) {
      at_hi = static_cast<double>(b);
      break;
    }
  }
  const double value = at_lo + (h - static_cast<double>(lo)) * (at_hi - at_lo);
  return value * scale + offset;
}

Summary Summarise(const std::uint32_t* counts, size_t bins, std::uint64_t total, double scale, double offset) {
  Summary s;
  double sum = 0;
  for (size_t b = 0; b < bins; ++b) sum += static_cast<double>(counts[b]) * static_cast<double>(b);
  s.mean = sum / static_cast<double>(total) * scale + offset;
  s.median = HistogramQuantile(counts, bins, total, 0.5, scale, offset);
  s.q05 = HistogramQuantile(counts, bins, total, 0.05, scale, offset);
  s.q95 = HistogramQuantile(counts, bins, total, 0.95, scale, offset);
  return s;
}

std::vector<std::int32_t> NominalKeys(const Plan& plan) {
  Scratch scratch(plan);
  std::vector<std::int32_t> keys(plan.pillars.size() * static_cast<size_t>(plan.countries));
  EvaluateGeneral(plan, NominalParameters(plan), scratch, keys.data());
  return keys;
}

}  // namespace

std::vector<std::int32_t> NominalRanks(const Plan& plan) {
  const std::vector<std::int32_t> keys = NominalKeys(plan);
  std::vector<std::int32_t> ranks(keys.size());
  Ranker ranker(plan.max_key, plan.countries);
  const size_t n = static_cast<size_t>(plan.countries);
  for (size_t p = 0; p < plan.pillars.size(); ++p) {
    ranker.Rank(keys.data() + p * n, plan.countries, ranks.data() + p * n);
  }
  return ranks;
}

InputSampler RunSampler(const Plan& plan, const AnalysisOptions& options) {
  return InputSampler(options.sampling, options.seed, plan.inputs.size());
}

Result<UncertaintyResult> RunUncertainty(const Plan& plan, const AnalysisOptions& options) {
  if (options.runs < 1 || options.runs > 0x7FFFFFFF) {
    return MakeError(ErrorCode::kInvalidInput, fmt::format("runs: expected 1 to 2147483647, found {}", options.runs));
  }
  if (options.threads < 0) return MakeError(ErrorCode::kInvalidInput, "threads: expected 0 (all) or more");
  int threads = options.threads > 0 ? options.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const std::int64_t task_runs = RunsPerTask(plan);
  const std::int64_t tasks = (options.runs + task_runs - 1) / task_runs;
  threads = static_cast<int>(std::min<std::int64_t>(threads, tasks));

  std::vector<std::unique_ptr<Worker>> workers;
  for (int t = 0; t < threads; ++t) workers.push_back(std::make_unique<Worker>(plan, options));
  std::atomic<std::int64_t> next_task{0};
  std::atomic<std::int64_t> done{0};
  const auto work = [&](Worker& worker, bool report) {
    for (std::int64_t task = next_task++; task < tasks; task = next_task++) {
      const std::int64_t first = task * task_runs;
      const std::int64_t end = std::min(options.runs, first + task_runs);
      worker.Run(first, end);
      done += end - first;
      if (report && options.progress) options.progress(done.load(), options.runs);
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work, std::ref(*workers[static_cast<size_t>(t)]), false);
  work(*workers[0], true);
  for (std::thread& thread : pool) thread.join();
  if (options.progress) options.progress(options.runs, options.runs);

  Tally<std::uint32_t>& total = workers[0]->tally();
  for (size_t t = 1; t < workers.size(); ++t) total.Drain(workers[t]->tally());

  UncertaintyResult result;
  result.inputs = plan.inputs;
  result.runs = options.runs;
  result.seed = options.seed;
  result.sampling = options.sampling;
  result.threads = threads;
  result.fast_path = workers[0]->fast();
  result.rank_bin_width = 1 << total.rank_shift;
  for (const Pillar& pillar : plan.pillars) result.pillars.push_back(pillar.id);
  const std::vector<std::int32_t> nominal_keys = NominalKeys(plan);
  const std::vector<std::int32_t> nominal_ranks = NominalRanks(plan);
  const size_t n = static_cast<size_t>(plan.countries);
  const double unit = 1.0 / plan.key_scale;
  const auto runs = static_cast<std::uint64_t>(options.runs);
  for (size_t c = 0; c < n; ++c) {
    CountryOutcome country;
    country.iso3 = plan.country_codes[c];
    country.name = plan.country_names[c];
    for (size_t p = 0; p < plan.pillars.size(); ++p) {
      PillarOutcome outcome;
      outcome.nominal_value = static_cast<double>(nominal_keys[p * n + c]) * unit;
      outcome.nominal_rank = nominal_ranks[p * n + c];
      // Bin b's ranks b * width + 1 .. (b + 1) * width stand for their middle.
      const auto width = static_cast<double>(std::size_t{1} << total.rank_shift);
      outcome.rank = Summarise(total.rank_counts.data() + (p * n + c) * total.rank_bins, total.rank_bins, runs, width,
                               (width + 1) / 2);
      if (total.rank_shift > 0) {
        outcome.rank.mean = static_cast<double>(total.rank_sums[p * n + c]) / static_cast<double>(runs);
        for (double* q : {&outcome.rank.median, &outcome.rank.q05, &outcome.rank.q95}) *q = std::min(*q, static_cast<double>(n));
      }
      const size_t window = p * n + c;
      const auto low = static_cast<size_t>(plan.key_low[window]);
      // The index in size_t first: key_offset alone may point before the array (it wraps
      // back with the key), and a pointer may not (UBSan's pointer-overflow).
      outcome.value = Summarise(total.key_counts.data() + (total.key_offset[window] + low),
                                static_cast<size_t>(plan.key_high[window]) - low + 1, runs, unit,
                                static_cast<double>(low) * unit);
      country.pillars.push_back(outcome);
    }
    if (plan.quadrant_x >= 0 && plan.quadrant_y >= 0) {
      country.nominal_quadrant = QuadrantOf(nominal_keys[static_cast<size_t>(plan.quadrant_x) * n + c],
                                            nominal_keys[static_cast<size_t>(plan.quadrant_y) * n + c],
                                            ThresholdKey(plan, plan.threshold));
      for (size_t q = 0; q < 4; ++q) {
        country.quadrant_probability[q] =
            static_cast<double>(total.quadrant_counts[c * 4 + q]) / static_cast<double>(runs);
      }
    }
    result.countries.push_back(std::move(country));
  }
  return result;
}

std::vector<std::string> ParameterColumns(const Plan& plan) {
  std::vector<std::string> columns;
  for (InputKind kind : plan.inputs) {
    switch (kind) {
      case InputKind::kScores: columns.push_back("score_seed"); break;
      case InputKind::kExperts: columns.push_back("expert_seed"); break;
      case InputKind::kWeightsIndicator:
        for (const std::string& id : plan.indicator_ids) columns.push_back("weight_x_" + id);
        break;
      case InputKind::kWeightsComponent:
        for (const Pillar& pillar : plan.pillars) {
          for (size_t k = 0; k < pillar.components.size(); ++k) {
            columns.push_back(fmt::format("weight_x_{}_component_{}", pillar.id, k + 1));
          }
        }
        break;
      default: columns.push_back(InputKindName(kind));
    }
  }
  return columns;
}

std::vector<std::string> ParameterValues(const Plan& plan, const RunParameters& params) {
  std::vector<std::string> values;
  for (InputKind kind : plan.inputs) {
    switch (kind) {
      case InputKind::kScores: values.push_back(fmt::format("{:016x}", params.score_seed)); break;
      case InputKind::kExperts: values.push_back(fmt::format("{:016x}", params.expert_seed)); break;
      case InputKind::kWeightsIndicator:
        for (float m : params.indicator_multipliers) values.push_back(fmt::format("{}", m));
        break;
      case InputKind::kWeightsComponent:
        for (float m : params.component_multipliers) values.push_back(fmt::format("{}", m));
        break;
      case InputKind::kAggregation: values.push_back(AggregationName(params.aggregation)); break;
      case InputKind::kPillarFormula: values.push_back(PillarFormulaName(params.pillar_formula)); break;
      case InputKind::kThreshold: values.push_back(fmt::format("{}", params.threshold)); break;
      case InputKind::kExclusion:
        values.push_back(params.excluded < 0 ? "none" : plan.indicator_ids[static_cast<size_t>(params.excluded)]);
        break;
    }
  }
  return values;
}

}  // namespace ocindex::core::uncertainty
