#include "core/uncertainty/uncertainty_analysis.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <thread>

#include "core/uncertainty/fast_evaluator.h"
#include "core/uncertainty/histograms.h"
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

// A pillar's rank histograms hold about kRankCounts counts in all (16 MB), and at least
// kMinRankBins per country: exact ranks up to 2,048 countries, beyond that bins of
// several ranks, so memory grows as the countries, not their square.
constexpr size_t kRankCounts = size_t{1} << 22;
constexpr size_t kMinRankBins = 256;
// From this many countries the tallies outgrow the caches, and runs are tallied
// in batches, country by country, so that each country's histograms are fetched once
// per batch instead of once per run.
constexpr int kBatchCountries = 2048;
// Runs a batch holds: 64, or fewer from 16,384 countries, so that a thread's batch of
// keys and rank bins stays within 16 MB (100,000 countries: 16 runs, which measured
// no slower than 64, with 125 MB less).
int BatchRuns(const Plan& plan) {
  if (plan.countries < kBatchCountries) return 1;
  const auto slots = static_cast<std::int64_t>(plan.pillars.size()) * plan.countries;
  return static_cast<int>(std::clamp<std::int64_t>((std::int64_t{1} << 21) / slots, 16, 64));
}

// Runs per task: 2,048, or fewer for large indices (a run of 100,000 countries takes
// milliseconds), so that every thread gets work; at least 16. Where runs are tallied
// in batches, whole batches: a part batch fetches the histograms as a whole one does.
std::int64_t RunsPerTask(const Plan& plan) {
  const std::int64_t runs = std::clamp<std::int64_t>((std::int64_t{1} << 22) / plan.countries, 16, 2048);
  const std::int64_t batch = BatchRuns(plan);
  return std::max(batch, runs / batch * batch);
}

// Rows of Tally::high_counts.
enum HighRow : size_t { kHighX, kHighY, kHighBoth };

// One run's x and y keys of n countries into high_counts ([HighRow][country]).
template <typename Count>
[[gnu::always_inline]] inline void CountHighIn(const std::int32_t* x, const std::int32_t* y, size_t n, int threshold,
                                               Count* counts) {
  Count* high_x = counts + kHighX * n;
  Count* high_y = counts + kHighY * n;
  Count* high_both = counts + kHighBoth * n;
  for (size_t c = 0; c < n; ++c) {
    const Count hx = x[c] >= threshold;
    const Count hy = y[c] >= threshold;
    high_x[c] += hx;
    high_y[c] += hy;
    high_both[c] += hx & hy;
  }
}

// Integers only, so the clones count alike; the AVX2 one takes eight countries at once.
__attribute__((target_clones("avx2", "default"))) void CountHigh(const std::int32_t* x, const std::int32_t* y, size_t n,
                                                                 int threshold, std::uint16_t* counts) {
  CountHighIn(x, y, n, threshold, counts);
}
__attribute__((target_clones("avx2", "default"))) void CountHigh(const std::int32_t* x, const std::int32_t* y, size_t n,
                                                                 int threshold, std::uint32_t* counts) {
  CountHighIn(x, y, n, threshold, counts);
}

// Integer counts, merged by addition. Each country's key counts cover only the keys
// it can take (Plan::key_low..key_high), which keeps a thread's counts in its cache; on
// large indices only the keys and rank bins its runs reached (Histograms).
template <typename Count>
struct Tally {
  explicit Tally(const Plan& plan)
      : countries(static_cast<size_t>(plan.countries)),
        rank_shift(RankShift(plan)),
        key_counts(plan.key_low, plan.key_high, plan.countries < kBatchCountries),
        rank_counts(std::vector<std::int32_t>(plan.key_low.size(), 0),
                    std::vector<std::int32_t>(plan.key_low.size(), (plan.countries - 1) >> rank_shift),
                    plan.countries < kBatchCountries) {
    if (rank_shift > 0) rank_sums.assign(plan.pillars.size() * countries, 0);
    high_counts.assign(countries * 3, 0);
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
  int rank_shift;                        // bin b holds ranks b * 2^shift + 1 .. (b + 1) * 2^shift
  Histograms<Count> key_counts;          // per pillar * countries + country: its keys
  Histograms<Count> rank_counts;         // per pillar * countries + country: its rank bins
  std::vector<std::uint64_t> rank_sums;  // [pillar][country] when binned: exact means
  // [kHighX, kHighY, kHighBoth][country]: runs with x, y, both >= the threshold, from
  // which Outcome works out the four quadrants; three adds a country, vectorised.
  std::vector<Count> high_counts;

  // Adds `other` into this and clears it.
  template <typename Other>
  void Drain(Tally<Other>& other) {
    key_counts.Drain(other.key_counts);
    rank_counts.Drain(other.rank_counts);
    DrainVector(rank_sums, other.rank_sums);
    DrainVector(high_counts, other.high_counts);
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
// cache of 32-bit ones, and drains them into 32-bit totals after it; beyond, batches go
// straight into the totals, whose windows hold only the values reached (Histograms).
class Worker {
 public:
  Worker(const Plan& plan, const AnalysisOptions& options)
      : plan_(plan),
        evaluator_(plan, options.allow_fast_path),
        sampler_(RunSampler(plan, options)),
        total_(plan),
        batch_(options.tally_batch > 0 ? options.tally_batch : BatchRuns(plan)),
        size_(plan.pillars.size() * static_cast<size_t>(plan.countries)),
        words_(plan.inputs.size()),
        params_(NominalParameters(plan)),
        keys_(size_ * (KeepsRecent(plan, batch_) ? kRecent : 1)),
        ranks_(keys_.size()),
        // Written before they are read: not zeroed (tens of MB on large indices).
        batch_keys_(std::make_unique_for_overwrite<std::int32_t[]>(BatchSlots())),
        batch_bins_(std::make_unique_for_overwrite<std::int32_t[]>(BatchSlots())),
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
  // The batch's keys and rank bins are stored in blocks of kLanes slots (one cache
  // line), a block's runs one after the other: tallying a block reads one contiguous
  // stretch instead of a line from every run (tens of kB apart, each a TLB miss).
  static constexpr size_t kLanes = 16;
  // Small indices (batch 1) stash nothing: their last kRecent runs' keys and ranks stay
  // in keys_ and ranks_ and are tallied together, slot by slot (TallyRecent).
  static constexpr size_t kRecent = 16;
  static bool KeepsRecent(const Plan& plan, int batch) { return plan.countries < kBatchCountries && batch == 1; }
  // A block's slots of one run, for the least and greatest of each slot over the batch
  // (GCC's vector extension: one or more SIMD registers, whatever the target).
  using Lanes = std::int32_t __attribute__((vector_size(kLanes * sizeof(std::int32_t))));
  size_t Stashed(size_t k, size_t run) const {
    return ((k / kLanes) * static_cast<size_t>(batch_) + run) * kLanes + k % kLanes;
  }
  size_t BatchSlots() const { return (size_ + kLanes - 1) / kLanes * kLanes * static_cast<size_t>(batch_); }

  template <typename Count>
  void RunInto(Tally<Count>& tally, std::int64_t first, std::int64_t end) {
    const size_t n = static_cast<size_t>(plan_.countries);
    const bool keeps_recent = KeepsRecent(plan_, batch_);
    int filled = 0;
    size_t recent = 0;  // runs in keys_ and ranks_ not tallied yet
    for (std::int64_t run = first; run < end; ++run) {
      std::int32_t* keys = keys_.data() + recent * size_;
      std::int32_t* ranks = ranks_.data() + recent * size_;
      sampler_.Point(static_cast<std::uint64_t>(run), words_.data());
      DrawParameters(plan_, words_.data(), params_);
      evaluator_.Evaluate(params_, keys);
      for (size_t p = 0; p < plan_.pillars.size(); ++p) {
        ranker_.Rank(keys + p * n, plan_.countries, ranks + p * n);
      }
      if (plan_.quadrant_x >= 0 && plan_.quadrant_y >= 0) {
        CountHigh(keys + static_cast<size_t>(plan_.quadrant_x) * n, keys + static_cast<size_t>(plan_.quadrant_y) * n, n,
                  ThresholdKey(plan_, params_.threshold), tally.high_counts.data());
      }
      if (tally.rank_shift > 0) {
        for (size_t k = 0; k < size_; ++k) tally.rank_sums[k] += static_cast<std::uint64_t>(ranks[k]);
      }
      if (keeps_recent) {
        if (++recent == kRecent) {
          TallyRecent(tally, recent);
          recent = 0;
        }
        continue;
      }
      Stash(tally.rank_shift, static_cast<size_t>(filled));
      if (++filled == batch_) {
        TallyBatch(tally, filled);
        filled = 0;
      }
    }
    TallyRecent(tally, recent);
    TallyBatch(tally, filled);
  }

  // The last `runs` runs' keys and rank bins into the histograms: small indices, whose
  // windows hold every value. A few slots at a time, so that the few lines of a slot's
  // histograms the runs reach are fetched once for all of them (the histograms of
  // every slot outgrow the L1 cache). The slots' counts are interleaved: a slot's runs
  // often repeat a value, and each increment of a count waits for the one before, but
  // not for another slot's.
  template <typename Count>
  void TallyRecent(Tally<Count>& tally, size_t runs) {
    constexpr size_t kTogether = 2;
    const auto add = [&](size_t k, size_t r) {
      ++tally.key_counts.at(k, keys_[r * size_ + k]);
      ++tally.rank_counts.at(k, (ranks_[r * size_ + k] - 1) >> tally.rank_shift);
    };
    size_t k = 0;
    for (; k + kTogether <= size_; k += kTogether) {
      for (size_t r = 0; r < runs; ++r) {
        for (size_t j = 0; j < kTogether; ++j) add(k + j, r);
      }
    }
    for (; k < size_; ++k) {
      for (size_t r = 0; r < runs; ++r) add(k, r);
    }
  }

  // The run's keys and rank bins into the batch.
  void Stash(int rank_shift, size_t run) {
    for (size_t block = 0; block < size_; block += kLanes) {
      std::int32_t* keys = batch_keys_.get() + Stashed(block, run);
      std::int32_t* bins = batch_bins_.get() + Stashed(block, run);
      for (size_t k = block; k < std::min(size_, block + kLanes); ++k) {
        keys[k - block] = keys_[k];
        bins[k - block] = (ranks_[k] - 1) >> rank_shift;
      }
    }
  }

  // The batch's `filled` runs into the histograms, a block of countries (and pillars)
  // at a time, so that each country's histograms are fetched once a batch: first the
  // least and greatest of its keys and rank bins, which its windows must hold.
  template <typename Count>
  void TallyBatch(Tally<Count>& tally, int filled) {
    const auto runs = static_cast<size_t>(filled);
    for (size_t block = 0; block < size_ && runs > 0; block += kLanes) {
      const std::int32_t* keys = batch_keys_.get() + Stashed(block, 0);
      const std::int32_t* bins = batch_bins_.get() + Stashed(block, 0);
      Lanes key_lo, bin_lo;
      std::memcpy(&key_lo, keys, sizeof key_lo);
      std::memcpy(&bin_lo, bins, sizeof bin_lo);
      Lanes key_hi = key_lo;
      Lanes bin_hi = bin_lo;
      for (size_t at = kLanes; at < runs * kLanes; at += kLanes) {
        Lanes key, bin;
        std::memcpy(&key, keys + at, sizeof key);
        std::memcpy(&bin, bins + at, sizeof bin);
        key_lo = key < key_lo ? key : key_lo;
        key_hi = key > key_hi ? key : key_hi;
        bin_lo = bin < bin_lo ? bin : bin_lo;
        bin_hi = bin > bin_hi ? bin : bin_hi;
      }
      for (size_t lane = 0; lane < std::min(kLanes, size_ - block); ++lane) {
        const size_t k = block + lane;
        tally.key_counts.Cover(k, key_lo[lane], key_hi[lane]);
        tally.rank_counts.Cover(k, bin_lo[lane], bin_hi[lane]);
        for (size_t at = lane; at < runs * kLanes; at += kLanes) {
          ++tally.key_counts.at(k, keys[at]);
          ++tally.rank_counts.at(k, bins[at]);
        }
      }
    }
  }

  const Plan& plan_;
  Evaluator evaluator_;
  InputSampler sampler_;
  std::optional<Tally<std::uint16_t>> task_;
  Tally<std::uint32_t> total_;
  int batch_;    // runs tallied together
  size_t size_;  // pillars * countries
  std::vector<std::uint64_t> words_;
  RunParameters params_;
  std::vector<std::int32_t> keys_;  // of the run, or the recent runs: [run][pillar][country]
  std::vector<std::int32_t> ranks_;
  std::unique_ptr<std::int32_t[]> batch_keys_;  // of the batch: see Stashed
  std::unique_ptr<std::int32_t[]> batch_bins_;
  Ranker ranker_;
};

// The p-quantile (R type 7) of `total` values given as counts of bins first ..
// first + bins - 1 (the others empty); bin b holds value b * scale + offset.
double HistogramQuantile(const std::uint32_t* counts, size_t first, size_t bins, std::uint64_t total, double p,
                         double scale, double offset) {
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
      at_lo = static_cast<double>(first + b);
      found_lo = true;
    }
    if (seen > hi) {
      at_hi = static_cast<double>(first + b);
      break;
    }
  }
  const double value = at_lo + (h - static_cast<double>(lo)) * (at_hi - at_lo);
  return value * scale + offset;
}

Summary Summarise(const std::uint32_t* counts, size_t first, size_t bins, std::uint64_t total, double scale,
                  double offset) {
  Summary s;
  double sum = 0;
  for (size_t b = 0; b < bins; ++b) sum += static_cast<double>(counts[b]) * static_cast<double>(first + b);
  s.mean = sum / static_cast<double>(total) * scale + offset;
  s.median = HistogramQuantile(counts, first, bins, total, 0.5, scale, offset);
  s.q05 = HistogramQuantile(counts, first, bins, total, 0.05, scale, offset);
  s.q95 = HistogramQuantile(counts, first, bins, total, 0.95, scale, offset);
  return s;
}

using Tallies = std::vector<const Tally<std::uint32_t>*>;  // every thread's

// Slot k's summary from its histograms (key_counts or rank_counts) of every thread,
// added up in `merged` over the union of their windows; bin b is value b - low. The
// empty bins outside the windows add nothing (0.0 to the sum, 0 to the counts seen), so
// windows of any extent give the same figures.
Summary SummariseSlot(const Tallies& tallies, Histograms<std::uint32_t> Tally<std::uint32_t>::*histograms, size_t k,
                      std::int32_t low, std::uint64_t total, double scale, double offset,
                      std::vector<std::uint32_t>& merged) {
  std::int32_t first = std::numeric_limits<std::int32_t>::max();
  std::int32_t last = std::numeric_limits<std::int32_t>::min();
  for (const auto* tally : tallies) {
    const Histograms<std::uint32_t>& h = tally->*histograms;
    if (h.first(k) > h.last(k)) continue;
    first = std::min(first, h.first(k));
    last = std::max(last, h.last(k));
  }
  merged.assign(static_cast<size_t>(last - first + 1), 0);
  for (const auto* tally : tallies) {
    const Histograms<std::uint32_t>& h = tally->*histograms;
    for (std::int32_t v = h.first(k); v <= h.last(k); ++v) merged[static_cast<size_t>(v - first)] += h.window(k)[v - h.first(k)];
  }
  return Summarise(merged.data(), static_cast<size_t>(first - low), merged.size(), total, scale, offset);
}

std::vector<std::int32_t> NominalKeys(const Plan& plan) {
  Scratch scratch(plan);
  std::vector<std::int32_t> keys(plan.pillars.size() * static_cast<size_t>(plan.countries));
  EvaluateGeneral(plan, NominalParameters(plan), scratch, keys.data());
  return keys;
}

struct Nominal {
  std::vector<std::int32_t> keys;
  std::vector<std::int32_t> ranks;
};

// Country c's outcome from every thread's tallies; `merged` is scratch.
CountryOutcome Outcome(const Plan& plan, const Tallies& tallies, const Nominal& nominal, size_t c, std::int64_t run_count,
                       std::vector<std::uint32_t>& merged) {
  const size_t n = static_cast<size_t>(plan.countries);
  const double unit = 1.0 / plan.key_scale;
  const auto runs = static_cast<std::uint64_t>(run_count);
  const int rank_shift = tallies[0]->rank_shift;
  CountryOutcome country;
  country.iso3 = plan.country_codes[c];
  country.name = plan.country_names[c];
  for (size_t p = 0; p < plan.pillars.size(); ++p) {
    const size_t k = p * n + c;
    PillarOutcome outcome;
    outcome.nominal_value = static_cast<double>(nominal.keys[k]) * unit;
    outcome.nominal_rank = nominal.ranks[k];
    // Bin b's ranks b * width + 1 .. (b + 1) * width stand for their middle.
    const auto width = static_cast<double>(std::size_t{1} << rank_shift);
    outcome.rank = SummariseSlot(tallies, &Tally<std::uint32_t>::rank_counts, k, 0, runs, width, (width + 1) / 2, merged);
    if (rank_shift > 0) {
      std::uint64_t rank_sum = 0;
      for (const auto* tally : tallies) rank_sum += tally->rank_sums[k];
      outcome.rank.mean = static_cast<double>(rank_sum) / static_cast<double>(runs);
      for (double* q : {&outcome.rank.median, &outcome.rank.q05, &outcome.rank.q95}) *q = std::min(*q, static_cast<double>(n));
    }
    const std::int32_t low = plan.key_low[k];
    outcome.value =
        SummariseSlot(tallies, &Tally<std::uint32_t>::key_counts, k, low, runs, unit, static_cast<double>(low) * unit, merged);
    country.pillars.push_back(outcome);
  }
  if (plan.quadrant_x >= 0 && plan.quadrant_y >= 0) {
    country.nominal_quadrant = QuadrantOf(nominal.keys[static_cast<size_t>(plan.quadrant_x) * n + c],
                                          nominal.keys[static_cast<size_t>(plan.quadrant_y) * n + c],
                                          ThresholdKey(plan, plan.threshold));
    std::uint64_t high[3] = {};
    for (const auto* tally : tallies) {
      for (size_t row : {kHighX, kHighY, kHighBoth}) high[row] += tally->high_counts[row * n + c];
    }
    // Quadrants as QuadrantOf numbers them.
    const std::uint64_t quadrants[4] = {high[kHighY] - high[kHighBoth], high[kHighBoth],
                                        runs - high[kHighX] - high[kHighY] + high[kHighBoth], high[kHighX] - high[kHighBoth]};
    for (size_t q = 0; q < 4; ++q) {
      country.quadrant_probability[q] = static_cast<double>(quadrants[q]) / static_cast<double>(runs);
    }
  }
  return country;
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

  Tallies tallies;
  for (const auto& worker : workers) tallies.push_back(&worker->tally());
  UncertaintyResult result;
  result.inputs = plan.inputs;
  result.runs = options.runs;
  result.seed = options.seed;
  result.sampling = options.sampling;
  result.threads = threads;
  result.fast_path = workers[0]->fast();
  result.rank_bin_width = 1 << tallies[0]->rank_shift;
  for (const Pillar& pillar : plan.pillars) result.pillars.push_back(pillar.id);
  const Nominal nominal{NominalKeys(plan), NominalRanks(plan)};
  // The countries shared out among the threads (on large indices merging and reading
  // the histograms takes as long as hundreds of runs).
  const size_t n = static_cast<size_t>(plan.countries);
  const size_t share = (n + static_cast<size_t>(threads) - 1) / static_cast<size_t>(threads);
  result.countries.resize(n);
  const auto summarise = [&](size_t from) {
    std::vector<std::uint32_t> merged;
    for (size_t c = from; c < std::min(n, from + share); ++c) result.countries[c] = Outcome(plan, tallies, nominal, c, options.runs, merged);
  };
  pool.clear();
  for (int t = 1; t < threads; ++t) pool.emplace_back(summarise, static_cast<size_t>(t) * share);
  summarise(0);
  for (std::thread& thread : pool) thread.join();
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
