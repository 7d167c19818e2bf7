#include "core/reliability/synthetic_experts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numbers>
#include <string>

#include "core/uncertainty/random_stream.h"

namespace ocindex::core {
namespace {

// Uniform in (0, 1]: 53 random bits, shifted off zero so the logarithm below is finite.
double Uniform(RandomStream& stream) {
  return static_cast<double>((stream.Next() >> 11) + 1) * 0x1.0p-53;
}

// Standard normal by Box-Muller (one of the pair; simplicity over speed here).
double Normal(RandomStream& stream) {
  const double u = Uniform(stream);
  const double v = Uniform(stream);
  return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * v);
}

Status Validate(const Framework& framework, const Dataset& dataset, const SyntheticPanel& panel) {
  if (panel.experts < 2 || panel.experts > 1000) {
    return MakeError(ErrorCode::kInvalidInput,
                     fmt::format("{} experts: expected 2 to 1000 (agreement needs at least two)", panel.experts));
  }
  if (!(panel.bias_sd >= 0 && std::isfinite(panel.bias_sd)) || !(panel.noise_sd >= 0 && std::isfinite(panel.noise_sd))) {
    return MakeError(ErrorCode::kInvalidInput, "the bias and noise spreads must be finite and not negative");
  }
  if (!(panel.missing >= 0 && panel.missing < 1)) {
    return MakeError(ErrorCode::kInvalidInput,
                     fmt::format("missing share {}: expected at least 0 and below 1", panel.missing));
  }
  if (!dataset.Fits(framework)) {
    return MakeError(ErrorCode::kInvalidInput, "the dataset does not follow the framework's indicators");
  }
  return {};
}

}  // namespace

Result<std::vector<ExpertScore>> GenerateExpertScores(const Framework& framework, const Dataset& dataset,
                                                      const SyntheticPanel& panel) {
  OCINDEX_RETURN_IF_ERROR(Validate(framework, dataset, panel));
  const auto experts = static_cast<std::size_t>(panel.experts);
  std::vector<double> bias(experts);
  RandomStream bias_stream(panel.seed, 0);
  for (double& b : bias) b = panel.bias_sd * Normal(bias_stream);
  double mean_bias = 0;
  for (double b : bias) mean_bias += b / static_cast<double>(experts);
  for (double& b : bias) b -= mean_bias;

  const double lo = framework.scale_min.ToDouble();
  const double hi = framework.scale_max.ToDouble();
  const double step = framework.scale_step.ToDouble();
  std::vector<ExpertScore> out;
  for (int c = 0; c < dataset.country_count(); ++c) {
    for (int i = 0; i < dataset.indicator_count(); ++i) {
      const auto& published = dataset.score(c, i);
      if (!published) continue;
      RandomStream cell(panel.seed, 1 + static_cast<std::uint64_t>(c) * static_cast<std::uint64_t>(dataset.indicator_count()) +
                                        static_cast<std::uint64_t>(i));
      for (std::size_t e = 0; e < experts; ++e) {
        // Both draws happen for every rating, so the missing share never shifts the
        // noise of the ratings that stay.
        const double raw = published->ToDouble() + bias[e] + panel.noise_sd * Normal(cell);
        const bool left_out = Uniform(cell) <= panel.missing;
        if (left_out) continue;
        const double on_grid = lo + step * std::round((raw - lo) / step);
        out.push_back({dataset.edition, dataset.countries[static_cast<std::size_t>(c)].iso3,
                       framework.indicators[static_cast<std::size_t>(i)].id, "E" + std::to_string(e + 1),
                       std::clamp(on_grid, lo, hi), {}});
      }
    }
  }
  return out;
}

}  // namespace ocindex::core
