#include "core/uncertainty/fast_evaluator.h"

#include <immintrin.h>

#include <bit>
#include <cstring>

namespace ocindex::core::uncertainty {

namespace {

constexpr int kLanes = 8;
// Chunks summed together: one noise word, four accumulators. Eight (two words) ran
// about 10 % slower: with their constants they outgrew the 16 vector registers, and
// GCC zeroed the spilled accumulators with `rep stos` on every call.
constexpr int kGroupChunks = 4;

bool CpuHasAvx2() {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}

struct Kernel {
  int chunks;
  int indicators;
  const std::uint8_t* steps;
  const std::int32_t* deltas;
  const std::int32_t* noise_row;  // per indicator: its first noise word, the zero row if not noisy
  const std::uint64_t* noise_words;
  const float* weights;
  std::int32_t step_low;
  std::int32_t step_high;
};

// Steps of 8 countries after their noise: lane l's field is bits shift_l, shift_l + 1
// of `half` (32 bits of the noise word, in every lane).
__attribute__((target("avx2"))) inline __m256i NoisySteps(__m256i steps, __m256i half, __m256i shifts, __m256i deltas,
                                                         __m256i low, __m256i high) {
  // The permute reads the low 3 bits of each lane: the 2-bit field and the next
  // field's low bit, which the table ignores by holding its four entries twice.
  const __m256i field = _mm256_srlv_epi32(half, shifts);
  return _mm256_min_epi32(_mm256_max_epi32(_mm256_add_epi32(steps, _mm256_permutevar8x32_epi32(deltas, field)), low),
                          high);
}

// Half h (0: bits 0-31) of noise word `word`, in every lane: memcpy is how C++ reads
// 32 bits of a 64-bit word; it compiles to a broadcast load.
__attribute__((target("avx2"))) inline __m256i NoiseHalf(const std::uint64_t* word, int h) {
  static_assert(std::endian::native == std::endian::little, "half 0 is the low 32 bits");
  std::uint32_t half;
  std::memcpy(&half, reinterpret_cast<const char*>(word) + 4 * h, sizeof half);
  return _mm256_set1_epi32(static_cast<int>(half));
}

// One block's weighted sums for chunks [first, first + kGroup): acc = acc + w * s per
// indicator in block order, exactly EvaluateGeneral's sequence per lane. The chunks of
// a group keep independent accumulators, so the adds of different chunks overlap
// instead of waiting on each other, and share an indicator's weight, noise row and
// table. Chunk j's 8 fields are the 16 bits at 16 (j % 4) of noise word j / 4: in half
// (j % 4) / 2, from bit 16 (j % 2) on. Indicators without noise read a row of zero
// words and a table of zero changes, which leave their steps as they are, so a noisy
// run needs no test per indicator.
template <int kGroup, bool kNoisy>
__attribute__((target("avx2"))) void BlockSumsGroup(const Kernel& k, const std::vector<int>& members, int first,
                                                    float* out) {
  static_assert(kGroup == 1 || kGroup % 4 == 0, "a group of several chunks starts a noise word");
  const __m256i low = _mm256_set1_epi32(k.step_low);
  const __m256i high = _mm256_set1_epi32(k.step_high);
  const __m256i shifts[2] = {_mm256_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14),
                             _mm256_setr_epi32(16, 18, 20, 22, 24, 26, 28, 30)};
  const size_t stride = static_cast<size_t>(k.indicators) * kLanes;
  const std::uint8_t* chunk0 = k.steps + static_cast<size_t>(first) * stride;
  __m256 acc[kGroup];
  for (int q = 0; q < kGroup; ++q) acc[q] = _mm256_setzero_ps();
  for (int i : members) {
    const __m256 w = _mm256_set1_ps(k.weights[i]);
    const std::uint8_t* steps = chunk0 + i * kLanes;
    if constexpr (kNoisy) {
      const std::uint64_t* words = k.noise_words + k.noise_row[i] + (first >> 2);
      const __m256i deltas = _mm256_load_si256(reinterpret_cast<const __m256i*>(k.deltas + i * kLanes));
      for (int q = 0; q < kGroup; ++q) {
        const int part = (kGroup == 1 ? first : q) & 3;
        const __m256i half = NoiseHalf(words + (kGroup == 1 ? 0 : q >> 2), part >> 1);
        const __m256i s = _mm256_cvtepu8_epi32(
            _mm_loadl_epi64(reinterpret_cast<const __m128i*>(steps + static_cast<size_t>(q) * stride)));
        acc[q] = _mm256_add_ps(
            acc[q], _mm256_mul_ps(w, _mm256_cvtepi32_ps(NoisySteps(s, half, shifts[part & 1], deltas, low, high))));
      }
    } else {
      for (int q = 0; q < kGroup; ++q) {
        const __m256i s = _mm256_cvtepu8_epi32(
            _mm_loadl_epi64(reinterpret_cast<const __m128i*>(steps + static_cast<size_t>(q) * stride)));
        acc[q] = _mm256_add_ps(acc[q], _mm256_mul_ps(w, _mm256_cvtepi32_ps(s)));
      }
    }
  }
  for (int q = 0; q < kGroup; ++q) _mm256_storeu_ps(out + (first + q) * kLanes, acc[q]);
}

template <bool kNoisy>
void BlockSums(const Kernel& k, const std::vector<int>& members, float* out) {
  int j = 0;
  for (; j + kGroupChunks <= k.chunks; j += kGroupChunks) BlockSumsGroup<kGroupChunks, kNoisy>(k, members, j, out);
  for (; j < k.chunks; ++j) BlockSumsGroup<1, kNoisy>(k, members, j, out);
}

// 32-byte aligned storage inside a vector: round the start up.
template <typename T>
T* Aligned(std::vector<T>& v) {
  auto address = reinterpret_cast<std::uintptr_t>(v.data());
  return reinterpret_cast<T*>((address + 31) & ~static_cast<std::uintptr_t>(31));
}

constexpr size_t kAlignSlack = 32;

}  // namespace

bool FastPathApplies(const Plan& plan) {
  const UncertaintySpec& spec = plan.spec;
  return CpuHasAvx2() && spec.aggregation.size() == 1 && spec.aggregation.front() == Aggregation::kArithmetic &&
         spec.pillar_formula.size() == 1 && plan.exclusion_candidates.empty() && plan.step_low >= 0 &&
         plan.step_high <= 255 && PanelTilesApply(plan) &&
         (plan.noise_bits == 0 || plan.noise_bits == 2);
}

FastEvaluator::FastEvaluator(const Plan& plan) : plan_(plan) {
  chunks_ = (plan.countries + kLanes - 1) / kLanes;
  const size_t n = static_cast<size_t>(plan.indicators);
  steps_.assign(static_cast<size_t>(chunks_) * n * kLanes, static_cast<std::uint8_t>(plan.step_low));
  for (int c = 0; c < plan.countries; ++c) {
    for (size_t i = 0; i < n; ++i) {
      steps_[(static_cast<size_t>(c / kLanes) * n + i) * kLanes + static_cast<size_t>(c % kLanes)] =
          static_cast<std::uint8_t>(plan.steps[i * static_cast<size_t>(plan.countries) + static_cast<size_t>(c)]);
    }
  }
  deltas_.assign(n * kLanes + kAlignSlack, 0);
  // The zero row (for indicators without noise) after the noisy indicators' rows.
  const auto words_each = static_cast<size_t>(plan.words_per_noisy_indicator());
  noise_words_.assign((plan.noisy_indicators.size() + 1) * words_each, 0);
  noise_row_.assign(n, static_cast<std::int32_t>(plan.noisy_indicators.size() * words_each));
  std::int32_t* deltas = Aligned(deltas_);
  for (size_t k = 0; k < plan.noisy_indicators.size(); ++k) {
    const auto i = static_cast<size_t>(plan.noisy_indicators[k]);
    noise_row_[i] = static_cast<std::int32_t>(k * words_each);
    for (std::uint32_t field = 0; field < 4; ++field) {
      const std::int32_t delta = (field >= plan.noise_up[k]) - (field < plan.noise_down[k]);
      deltas[i * kLanes + field] = delta;
      deltas[i * kLanes + field + 4] = delta;
    }
  }
  tiles_ = BuildPanelTiles(plan);
  weights_.resize(n);
  blocks_ = plan.blocks_for(plan.spec.pillar_formula.front());
  block_sums_.resize(plan.blocks.size() * static_cast<size_t>(chunks_) * kLanes);
  block_totals_.resize(plan.blocks.size());
  pillar_sums_.resize(static_cast<size_t>(plan.countries));
}

void FastEvaluator::Evaluate(const RunParameters& params, std::int32_t* keys) {
  if (params.expert_bootstrap) {
    ResampleTiles(tiles_, params.expert_seed, steps_.data());
    resampled_ = true;
  } else if (resampled_) {
    RestoreTiles(tiles_, steps_.data());
    resampled_ = false;
  }
  if (params.score_noise) FillNoiseWords(plan_, params.score_seed, noise_words_.data());
  for (size_t i = 0; i < weights_.size(); ++i) weights_[i] = plan_.indicator_weights[i] * params.indicator_multipliers[i];
  const Kernel kernel{chunks_,          plan_.indicators, steps_.data(),  Aligned(deltas_), noise_row_.data(),
                      noise_words_.data(), weights_.data(), plan_.step_low, plan_.step_high};
  const size_t stride = static_cast<size_t>(chunks_) * kLanes;
  for (int b : blocks_) {
    const std::vector<int>& members = plan_.blocks[static_cast<size_t>(b)].indicators;
    float total = 0;
    for (int i : members) total += weights_[static_cast<size_t>(i)];
    block_totals_[static_cast<size_t>(b)] = total;
    float* sums = block_sums_.data() + static_cast<size_t>(b) * stride;
    if (params.score_noise) {
      BlockSums<true>(kernel, members, sums);
    } else {
      BlockSums<false>(kernel, members, sums);
    }
  }
  PillarKeys(plan_, params, block_sums_.data(), stride, block_totals_.data(), pillar_sums_.data(), keys);
}

}  // namespace ocindex::core::uncertainty
