#include "core/assessment/consensus.h"

#include <algorithm>

namespace ocindex::core::assessment {
namespace {

// floor(value) for a rational with a positive denominator.
int64_t Floor(const Rational& value) {
  int64_t quotient = value.num() / value.den();
  if (value.num() % value.den() != 0 && value.num() < 0) --quotient;
  return quotient;
}

Rational Distance(const Rational& a, const Rational& b) { return a < b ? b - a : a - b; }

}  // namespace

Rational RoundToScale(const Rational& value, const Framework& framework) {
  const Rational steps = (value - framework.scale_min) / framework.scale_step;
  const Rational rounded = framework.scale_min + Rational(Floor(steps + Rational(1, 2))) * framework.scale_step;
  return std::clamp(rounded, framework.scale_min, framework.scale_max);
}

Rational Median(std::vector<Rational> values) {
  std::sort(values.begin(), values.end());
  const size_t middle = values.size() / 2;
  if (values.size() % 2 == 1) return values[middle];
  return (values[middle - 1] + values[middle]) / Rational(2);
}

std::optional<Consensus> ConsensusOf(const std::vector<Rational>& scores, const Framework& framework) {
  if (scores.empty()) return std::nullopt;
  const auto [low, high] = std::minmax_element(scores.begin(), scores.end());
  Consensus consensus;
  consensus.proposal = RoundToScale(Median(scores), framework);
  consensus.spread = *high - *low;
  consensus.count = static_cast<int>(scores.size());
  consensus.wide = consensus.spread >= kWideSpread;
  return consensus;
}

std::vector<double> RobustZ(const std::vector<Rational>& values) {
  std::vector<double> z(values.size(), 0.0);
  if (values.empty()) return z;
  const Rational median = Median(values);
  std::vector<Rational> deviations;
  Rational total = 0;
  for (const Rational& value : values) {
    deviations.push_back(Distance(value, median));
    total += deviations.back();
  }
  const Rational mad = Median(deviations);
  double scale = 1.4826 * mad.ToDouble();
  if (mad == Rational(0)) scale = 1.253314 * (total / Rational(static_cast<int64_t>(values.size()))).ToDouble();
  if (scale == 0.0) return z;
  for (size_t i = 0; i < values.size(); ++i) z[i] = (values[i] - median).ToDouble() / scale;
  return z;
}

}  // namespace ocindex::core::assessment
