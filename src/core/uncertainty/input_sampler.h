// Where the input words of a run come from: point `index` of a sequence of points with
// `dimensions` 64-bit coordinates each (an uncertainty run takes one point with one word
// per input; a Saltelli row takes one point with two words per input, A's then B's).
//
// - Pseudo-random: point i is the first `dimensions` draws of RandomStream(seed, i).
// - Sobol: point i of the Sobol sequence (Boost.Random's Joe-Kuo directions, in
//   Gray-code order, from the all-zero point 0) with a random digital shift: each
//   coordinate is XORed with a word drawn once from the seed. The shift keeps the
//   sequence's even coverage (its (t, m, s)-net property) while making estimates vary
//   with the seed, as randomised quasi-Monte Carlo needs (Owen 1995; Saltelli et al.
//   2010 use Sobol points for their design). Coverage is best when the number of
//   points is a power of two.
//
// Either way point i depends on (seed, i) only, so results do not depend on which
// thread evaluates which run.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

namespace ocindex::core::uncertainty {

enum class Sampling { kPseudoRandom, kSobol };
const char* SamplingName(Sampling sampling);

// Not thread-safe (the Sobol engine has state): one per thread.
class InputSampler {
 public:
  InputSampler(Sampling sampling, std::uint64_t seed, std::size_t dimensions);
  ~InputSampler();
  InputSampler(InputSampler&&) noexcept;
  InputSampler& operator=(InputSampler&&) noexcept;

  std::size_t dimensions() const { return dimensions_; }
  // words: dimensions() entries. No allocation.
  void Point(std::uint64_t index, std::uint64_t* words);

 private:
  struct Sobol;
  std::uint64_t seed_;
  std::size_t dimensions_;
  std::unique_ptr<Sobol> sobol_;  // null for pseudo-random
};

}  // namespace ocindex::core::uncertainty
