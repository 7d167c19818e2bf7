// Variance-based sensitivity of the ranks to each input of an uncertainty spec, on
// Saltelli's design (see sobol_indices.h): N rows of A and of B and one AB_i per input,
// N (k + 2) model runs. A spec input is one Sobol input even when it is a group of
// random numbers (all score noise, all indicator weights): row r is point r of an
// InputSampler with 2k dimensions, A taking its first k words and B the last k, and
// AB_i is A with B's word for input i (Saltelli et al. 2010, with Sobol points).
//
// Outputs: the mean absolute rank shift over countries (mean |rank - nominal rank|) of
// one pillar, and optionally one country's rank in it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/uncertainty/evaluation_plan.h"
#include "core/uncertainty/input_sampler.h"
#include "core/uncertainty/sobol_indices.h"

namespace ocindex::core::uncertainty {

struct SensitivityOptions {
  std::uint64_t seed = 1;
  int samples = 1000;          // N, >= 2
  Sampling sampling = Sampling::kPseudoRandom;
  int threads = 0;             // 0 = one per hardware thread
  int pillar = -1;             // plan pillar index; -1 = the quadrant's vertical axis, else the first
  int country = -1;            // plan country index for the single-country output; -1 = none
  int bootstrap = 1000;        // resamples for the intervals; 0 = none
  bool allow_fast_path = true;
  std::function<void(std::int64_t done, std::int64_t total)> progress;  // on the calling thread
};

struct SensitivityOutput {
  std::string name;                     // "mean_abs_rank_shift" or "rank_<ISO3>"
  std::vector<SobolIndex> indices;      // per input
  std::vector<SobolInterval> intervals;  // per input; empty without bootstrap
  std::vector<double> y;                // per run, in design order (A, B, AB_1 .. AB_k)
  std::string note;                     // why indices are missing (output did not vary), else empty
};

struct SensitivityResult {
  std::vector<InputKind> inputs;
  std::string pillar;
  int samples = 0;
  std::int64_t runs = 0;  // samples * (inputs + 2)
  std::vector<SensitivityOutput> outputs;
};

// The input words of each run of the design, in design order (A, B, AB_1 .. AB_k).
// Not thread-safe: one per thread.
class SaltelliDesign {
 public:
  SaltelliDesign(const Plan& plan, const SensitivityOptions& options);
  std::int64_t runs() const;
  // words: plan.inputs.size() entries; 0 <= run < runs(). No allocation.
  void Words(std::int64_t run, std::uint64_t* words);

 private:
  std::size_t inputs_;
  int samples_;
  InputSampler sampler_;
  std::vector<std::uint64_t> point_;  // A's words, then B's
};

Result<SensitivityResult> RunSensitivity(const Plan& plan, const SensitivityOptions& options);

}  // namespace ocindex::core::uncertainty
