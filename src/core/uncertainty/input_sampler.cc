#include "core/uncertainty/input_sampler.h"

#include <boost/random/sobol.hpp>

#include <utility>

#include "core/uncertainty/random_stream.h"

namespace ocindex::core::uncertainty {

namespace {

// The stream the digital shift is drawn from: past any run index (runs < 2^31).
constexpr std::uint64_t kShiftStream = ~0ULL;

}  // namespace

const char* SamplingName(Sampling sampling) {
  return sampling == Sampling::kSobol ? "sobol" : "random";
}

struct InputSampler::Sobol {
  boost::random::sobol engine;
  std::vector<std::uint64_t> shift;
  Sobol(std::uint64_t seed, std::size_t dimensions) : engine(dimensions), shift(dimensions) {
    RandomStream stream(seed, kShiftStream);
    for (auto& word : shift) word = stream.Next();
  }
};

InputSampler::InputSampler(Sampling sampling, std::uint64_t seed, std::size_t dimensions)
    : seed_(seed),
      dimensions_(dimensions),
      sobol_(sampling == Sampling::kSobol && dimensions > 0 ? std::make_unique<Sobol>(seed, dimensions) : nullptr) {}

InputSampler::~InputSampler() = default;
InputSampler::InputSampler(InputSampler&&) noexcept = default;
InputSampler& InputSampler::operator=(InputSampler&&) noexcept = default;

void InputSampler::Point(std::uint64_t index, std::uint64_t* words) {
  if (!sobol_) {
    RandomStream stream(seed_, index);
    for (std::size_t d = 0; d < dimensions_; ++d) words[d] = stream.Next();
    return;
  }
  // Boost's engine starts after the all-zero point: seed(i - 1) makes point i the next.
  // Point 0 is kept (shifted, it is no corner) so the first 2^m points form a whole net.
  if (index > 0) sobol_->engine.seed(index - 1);
  for (std::size_t d = 0; d < dimensions_; ++d) words[d] = (index > 0 ? sobol_->engine() : 0) ^ sobol_->shift[d];
}

}  // namespace ocindex::core::uncertainty
