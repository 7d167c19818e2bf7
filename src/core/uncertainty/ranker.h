// Ranks of one run's keys (pillar values in units of 10^-decimals), by counting.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ocindex::core::uncertainty {

// Ranks keys in [0, max_key] high-first with ties sharing the smaller rank (1, 2, 2, 4):
// rank = 1 + the number of greater keys, by counting keys per value and a prefix sum
// over the values in use: O(n + values), never a sort. Up to 65,535 keys the counts are
// 16-bit, sixteen to an AVX2 register (four to a 64-bit word without AVX2) for the
// prefix sum; beyond, 32-bit. Not thread-safe.
class Ranker {
 public:
  static constexpr int kNarrowKeys = 65535;
  // `units`: the most keys a Rank call takes.
  explicit Ranker(int max_key, int units = kNarrowKeys);
  void Rank(const std::int32_t* keys, int n, std::int32_t* ranks);

 private:
  std::vector<std::uint16_t> counts_;       // per key value, summed 16 (or 4) at a time
  std::vector<std::uint32_t> wide_counts_;  // per key value, for more than kNarrowKeys keys
};

// In place, counts[k] for k in [first, end) becomes the sum of counts[first..k]: Rank's
// prefix sum, sixteen counts to an AVX2 register (`avx2`, which the CPU must have) or four
// to a 64-bit word. first and end are multiples of 16; every sum is at most 65,535.
// Rank takes the AVX2 one where the CPU has it; both give the same counts (tested).
void PrefixSumCounts(std::uint16_t* counts, size_t first, size_t end, bool avx2);

}  // namespace ocindex::core::uncertainty
