// Reproducible random streams: stream k of seed s is the same sequence whatever thread
// draws it, so results depend on (seed, run index) only, never on scheduling.
//
// Choice: xoshiro256++ (Blackman and Vigna 2018) for speed and quality, its 256-bit
// state filled by SplitMix64 from seed ^ (stream index * golden-ratio constant), the
// seeding the xoshiro authors recommend.
#pragma once

#include <cstdint>

namespace ocindex::core {

// The next word of SplitMix64 (Steele, Lea and Flood 2014) from state x: the seeding
// the xoshiro authors recommend.
inline std::uint64_t SplitMix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

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

  std::uint64_t state_[4];
};

// Eight xoshiro128++ streams side by side: the draws a SIMD register of eight 32-bit
// lanes makes at once, written here one lane at a time (the AVX2 code that steps all
// eight together must give the same words). Lane l's 128-bit state is SplitMix64
// words 2l and 2l + 1 of the seed, so one 64-bit seed gives all eight streams.
class LaneStreams {
 public:
  static constexpr int kLanes = 8;

  explicit LaneStreams(std::uint64_t seed) {
    std::uint64_t x = seed;
    for (int lane = 0; lane < kLanes; ++lane) {
      for (int half = 0; half < 2; ++half) {
        const std::uint64_t word = SplitMix64(x);
        state_[2 * half][lane] = static_cast<std::uint32_t>(word);
        state_[2 * half + 1][lane] = static_cast<std::uint32_t>(word >> 32);
      }
    }
  }

  // Advances every lane: out[l] is lane l's next word.
  void Next(std::uint32_t* out) {
    for (int l = 0; l < kLanes; ++l) {
      std::uint32_t& s0 = state_[0][l];
      std::uint32_t& s1 = state_[1][l];
      std::uint32_t& s2 = state_[2][l];
      std::uint32_t& s3 = state_[3][l];
      out[l] = Rotl(s0 + s3, 7) + s0;
      const std::uint32_t t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = Rotl(s3, 11);
    }
  }

  // state()[w][l]: word w of lane l's state, rows laid out for loading as vectors.
  const std::uint32_t (&state() const)[4][kLanes] { return state_; }

 private:
  static std::uint32_t Rotl(std::uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

  std::uint32_t state_[4][kLanes];
};

}  // namespace ocindex::core
