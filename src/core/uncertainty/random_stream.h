// Reproducible random streams: stream k of seed s is the same sequence whatever thread
// draws it, so results depend on (seed, run index) only, never on scheduling.
//
// Choice: xoshiro256++ (Blackman and Vigna 2018) for speed and quality, its 256-bit
// state filled by SplitMix64 from seed ^ (stream index * golden-ratio constant), the
// seeding the xoshiro authors recommend.
#pragma once

#include <cstdint>

namespace ocindex::core {

class RandomStream {
 public:
  RandomStream(std::uint64_t seed, std::uint64_t stream) {
    std::uint64_t x = seed ^ (stream * 0x9E3779B97F4A7C15ULL);
    for (auto& word : state_) word = SplitMix64(x);
  }

  std::uint64_t Next() {
    const std::uint64_t result = Rotl(state_[0] + state_[3], 23) + state_[0];
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = Rotl(state_[3], 45);
    return result;
  }

  // Uniform integer in [0, n), n >= 1 (Lemire's multiply-shift; bias below 2^-64 * n).
  std::uint64_t Below(std::uint64_t n) {
    __extension__ using Wide = unsigned __int128;  // GCC builtin; __extension__ for -Wpedantic
    return static_cast<std::uint64_t>((static_cast<Wide>(Next()) * n) >> 64);
  }

 private:
  static std::uint64_t Rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static std::uint64_t SplitMix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  std::uint64_t state_[4];
};

}  // namespace ocindex::core
