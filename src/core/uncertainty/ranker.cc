#include "core/uncertainty/ranker.h"

#include <immintrin.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <utility>

namespace ocindex::core::uncertainty {

namespace {

constexpr size_t kBlock = 16;  // counts per prefix step: one AVX2 register

// The smallest and largest key; the AVX2 clone vectorises it (integers: same result).
__attribute__((target_clones("avx2", "default"))) std::pair<std::int32_t, std::int32_t> KeyRange(
    const std::int32_t* keys, int n) {
  std::int32_t low = keys[0];
  std::int32_t high = keys[0];
  for (int c = 1; c < n; ++c) {
    low = std::min(low, keys[c]);
    high = std::max(high, keys[c]);
  }
  return {low, high};
}

// AVX2: a prefix sum inside each 128-bit half (three shift-and-adds), the low half's
// total added to the high half, then the running total of the registers before added.
// The register's own total is broadcast from its local sums, so the only thing carried
// from register to register is one add (not a shuffle and a lane permute).
__attribute__((target("avx2"))) void PrefixSumAvx2(std::uint16_t* counts, size_t first, size_t end) {
  const __m256i last_word = _mm256_set1_epi16(0x0F0E);  // bytes 14 and 15 of each half: its last count
  __m256i below = _mm256_setzero_si256();
  for (size_t k = first; k < end; k += kBlock) {
    __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(counts + k));
    x = _mm256_add_epi16(x, _mm256_slli_si256(x, 2));
    x = _mm256_add_epi16(x, _mm256_slli_si256(x, 4));
    x = _mm256_add_epi16(x, _mm256_slli_si256(x, 8));
    const __m256i low_half = _mm256_permute2x128_si256(x, x, 0x08);  // (0, low half)
    x = _mm256_add_epi16(x, _mm256_shuffle_epi8(low_half, last_word));
    const __m256i totals = _mm256_shuffle_epi8(x, last_word);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(counts + k), _mm256_add_epi16(x, below));
    below = _mm256_add_epi16(below, _mm256_permute2x128_si256(totals, totals, 0x11));  // + the high half's last count
  }
}

// Without AVX2: four counts to a 64-bit word, a prefix sum inside the word plus the
// running total, the only thing carried from word to word. memcpy is how C++ reads
// four uint16 as one word; it compiles to a load.
void PrefixSumWords(std::uint16_t* counts, size_t first, size_t end) {
  static_assert(std::endian::native == std::endian::little, "the 16-bit lanes are read as one little-endian word");
  std::uint64_t below = 0;
  for (size_t k = first; k < end; k += 4) {
    std::uint64_t word;
    std::memcpy(&word, counts + k, sizeof word);
    word += word << 16;
    word += word << 32;
    const std::uint64_t total = word + below * 0x0001000100010001ULL;
    std::memcpy(counts + k, &total, sizeof total);
    below += word >> 48;
  }
}

bool CpuHasAvx2() {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}

}  // namespace

void PrefixSumCounts(std::uint16_t* counts, size_t first, size_t end, bool avx2) {
  if (avx2) {
    PrefixSumAvx2(counts, first, end);
  } else {
    PrefixSumWords(counts, first, end);
  }
}

Ranker::Ranker(int max_key, int units)
    : counts_((static_cast<size_t>(max_key) / kBlock + 2) * kBlock, 0),
      wide_counts_(units > kNarrowKeys ? static_cast<size_t>(max_key) + 1 : 0, 0) {}

void Ranker::Rank(const std::int32_t* keys, int n, std::int32_t* ranks) {
  const auto [low, high] = KeyRange(keys, n);
  if (n > kNarrowKeys) {
    std::uint32_t* counts = wide_counts_.data();
    std::fill(counts + low, counts + high + 1, 0u);
    for (int c = 0; c < n; ++c) ++counts[keys[c]];
    std::uint32_t at_most = 0;  // in place, counts[k] becomes the number of keys <= k
    for (std::int32_t k = low; k <= high; ++k) counts[k] = at_most += counts[k];
    for (int c = 0; c < n; ++c) ranks[c] = 1 + n - static_cast<std::int32_t>(counts[keys[c]]);
    return;
  }
  // Whole blocks of 16 counts around the keys in use.
  const size_t first = static_cast<size_t>(low) / kBlock * kBlock;
  const size_t end = (static_cast<size_t>(high) / kBlock + 1) * kBlock;
  std::uint16_t* counts = counts_.data();
  std::fill(counts + first, counts + end, std::uint16_t{0});
  for (int c = 0; c < n; ++c) ++counts[keys[c]];
  // counts[k] becomes the number of keys <= k.
  PrefixSumCounts(counts, first, end, CpuHasAvx2());
  for (int c = 0; c < n; ++c) ranks[c] = 1 + n - static_cast<std::int32_t>(counts[keys[c]]);
}

}  // namespace ocindex::core::uncertainty
