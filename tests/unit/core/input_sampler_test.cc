// Input sampling: the pseudo-random points are the documented streams, Sobol points
// depend on (seed, index) only and cover each dimension and pair of dimensions evenly.
#include "core/uncertainty/input_sampler.h"

#include <gtest/gtest.h>

#include <set>
#include <vector>

#include "core/uncertainty/random_stream.h"

namespace ocindex::core::uncertainty {
namespace {

std::vector<std::uint64_t> PointOf(InputSampler& sampler, std::uint64_t index) {
  std::vector<std::uint64_t> words(sampler.dimensions());
  sampler.Point(index, words.data());
  return words;
}

TEST(InputSampler, PseudoRandomPointIsTheRunsStream) {
  InputSampler sampler(Sampling::kPseudoRandom, 9, 3);
  RandomStream stream(9, 41);
  const std::vector<std::uint64_t> expected = {stream.Next(), stream.Next(), stream.Next()};
  EXPECT_EQ(PointOf(sampler, 41), expected);
}

TEST(InputSampler, SobolPointDependsOnSeedAndIndexOnly) {
  InputSampler sampler(Sampling::kSobol, 5, 4);
  const auto seventh = PointOf(sampler, 7);
  PointOf(sampler, 1000);
  PointOf(sampler, 0);
  EXPECT_EQ(PointOf(sampler, 7), seventh);  // whatever was asked before
  InputSampler fresh(Sampling::kSobol, 5, 4);
  EXPECT_EQ(PointOf(fresh, 7), seventh);
  InputSampler other_seed(Sampling::kSobol, 6, 4);
  EXPECT_NE(PointOf(other_seed, 7), seventh);  // another digital shift
  EXPECT_NE(PointOf(sampler, 8), seventh);
}

// The first 2^m points put exactly one point in each of the 2^m slices of every
// dimension, and in each cell of a 4 x 4 grid of the first two dimensions for m = 4
// (the Sobol sequence's (0, m, 2)-net property there). XOR with the shift permutes the
// slices, so the property survives it. Pseudo-random points almost never have it.
TEST(InputSampler, SobolPointsStratifyEveryDimension) {
  constexpr int kBits = 6;
  constexpr std::uint64_t kPoints = 1u << kBits;
  for (Sampling sampling : {Sampling::kSobol, Sampling::kPseudoRandom}) {
    InputSampler sampler(sampling, 11, 6);
    std::vector<std::set<std::uint64_t>> slices(6);
    std::set<std::uint64_t> cells;
    for (std::uint64_t i = 0; i < kPoints; ++i) {
      const auto words = PointOf(sampler, i);
      for (size_t d = 0; d < words.size(); ++d) slices[d].insert(words[d] >> (64 - kBits));
      if (i < 16) cells.insert((words[0] >> 62) * 4 + (words[1] >> 62));
    }
    bool stratified = cells.size() == 16;
    for (const auto& slice : slices) stratified = stratified && slice.size() == kPoints;
    EXPECT_EQ(stratified, sampling == Sampling::kSobol) << SamplingName(sampling);
  }
}

}  // namespace
}  // namespace ocindex::core::uncertainty
