#include "core/uncertainty/evaluation_plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/uncertainty/random_stream.h"

namespace ocindex::core::uncertainty {

namespace {

// Uniform in [0, 1) with 24 bits, exactly representable as a float.
float UnitFloat(std::uint64_t word) { return static_cast<float>(word >> 40) * 0x1p-24f; }
double UnitDouble(std::uint64_t word) { return static_cast<double>(word >> 11) * 0x1p-53; }
// Uniform integer in [0, n).
int Choose(std::uint64_t word, size_t n) {
  __extension__ using Wide = unsigned __int128;
  return static_cast<int>((static_cast<Wide>(word) * n) >> 64);
}

void DrawMultipliers(std::uint64_t word, double amplitude, std::vector<float>& out) {
  RandomStream stream(word, 0);
  const auto a = static_cast<float>(amplitude);
  for (float& m : out) m = 1.0f + a * (2.0f * UnitFloat(stream.Next()) - 1.0f);
}

double Amplitude(const UncertaintySpec& spec, WeightLevel level) {
  for (const WeightNoise& noise : spec.weight_noise) {
    if (noise.level == level) return noise.amplitude;
  }
  return 0;
}

Result<std::int32_t> InSteps(const Rational& value, const Rational& step, const std::string& what) {
  const Rational steps = value / step;
  if (steps.den() != 1) {
    return MakeError(ErrorCode::kUnsupported, fmt::format("{} is not a whole number of scale steps", what));
  }
  return static_cast<std::int32_t>(steps.num());
}

// The blocks the pillars need under a formula.
std::vector<int> ActiveBlocks(const Plan& plan, PillarFormula formula) {
  std::vector<int> blocks;
  for (const Pillar& pillar : plan.pillars) {
    if (pillar.direct_block >= 0) {
      blocks.push_back(pillar.direct_block);
    } else if (formula == PillarFormula::kPooled) {
      blocks.push_back(pillar.pooled_block);
    } else {
      blocks.insert(blocks.end(), pillar.components.begin(), pillar.components.end());
    }
  }
  return blocks;
}

}  // namespace

int Plan::words_per_noisy_indicator() const {
  if (noise_bits == 0) return 0;
  const int per_word = 64 / noise_bits;
  return (countries + per_word - 1) / per_word;
}

int Plan::input_index(InputKind kind) const {
  for (size_t k = 0; k < inputs.size(); ++k) {
    if (inputs[k] == kind) return static_cast<int>(k);
  }
  return -1;
}

Result<Plan> BuildPlan(const Framework& framework, const Dataset& dataset, const UncertaintySpec& spec,
                       const std::vector<ExpertScore>& experts) {
  Plan plan;
  OCINDEX_ASSIGN_OR_RETURN(plan.inputs, ValidateSpec(spec, framework, dataset, experts));
  plan.spec = spec;
  plan.countries = dataset.country_count();
  plan.indicators = dataset.indicator_count();
  if (plan.countries < 2) return MakeError(ErrorCode::kUnsupported, "ranking needs at least 2 countries");
  for (const CountryEntry& country : dataset.countries) {
    plan.country_codes.push_back(country.iso3);
    plan.country_names.push_back(country.name);
  }
  plan.indicator_ids = dataset.indicator_ids;
  const Rational step = framework.scale_step;
  OCINDEX_ASSIGN_OR_RETURN(plan.step_low, InSteps(framework.scale_min, step, "the scale minimum"));
  OCINDEX_ASSIGN_OR_RETURN(plan.step_high, InSteps(framework.scale_max, step, "the scale maximum"));
  plan.decimals = framework.decimals;
  const double pow10 = std::pow(10.0, framework.decimals);
  plan.key_factor = step.ToDouble() * pow10;
  plan.max_key = static_cast<int>(std::ceil(static_cast<double>(plan.step_high) * plan.key_factor)) + 1;
  plan.steps.resize(static_cast<size_t>(plan.indicators) * static_cast<size_t>(plan.countries));
  for (int i = 0; i < plan.indicators; ++i) {
    for (int c = 0; c < plan.countries; ++c) {
      const auto& score = dataset.score(c, i);
      const std::string what = fmt::format("{} on {}", dataset.countries[static_cast<size_t>(c)].iso3,
                                           dataset.indicator_ids[static_cast<size_t>(i)]);
      if (!score) {
        return MakeError(ErrorCode::kUnsupported,
                         "the uncertainty analysis needs every score; " + what + " is not assessed");
      }
      OCINDEX_ASSIGN_OR_RETURN(plan.steps[static_cast<size_t>(i * plan.countries + c)],
                               InSteps(*score, step, "the score of " + what));
    }
  }
  for (const Indicator& indicator : framework.indicators) {
    plan.indicator_weights.push_back(static_cast<float>(indicator.weight.ToDouble()));
  }
  for (size_t n = 0; n < framework.nodes.size(); ++n) {
    const Node& node = framework.nodes[n];
    if (node.kind != NodeKind::kPillar) continue;
    Pillar pillar;
    pillar.id = node.id;
    const auto add_block = [&plan](std::vector<int> indicators) {
      plan.blocks.push_back(Block{std::move(indicators)});
      return static_cast<int>(plan.blocks.size() - 1);
    };
    if (node.aggregate == Aggregate::kIndicators) {
      pillar.direct_block = add_block(framework.IndicatorsUnder(static_cast<int>(n)));
    } else {
      for (int child : node.children) {
        const Node& component = framework.nodes[static_cast<size_t>(child)];
        if (component.aggregate != Aggregate::kIndicators) {
          return MakeError(ErrorCode::kUnsupported,
                           "the uncertainty analysis handles pillars of components of indicators; " + component.id +
                               " averages child nodes");
        }
        pillar.components.push_back(add_block(framework.IndicatorsUnder(child)));
        pillar.component_weights.push_back(static_cast<float>(component.weight.ToDouble()));
        pillar.component_weight_slots.push_back(plan.component_count++);
      }
      pillar.pooled_block = add_block(framework.IndicatorsUnder(static_cast<int>(n)));
    }
    if (node.id == framework.quadrant_x) plan.quadrant_x = plan.pillar_count();
    if (node.id == framework.quadrant_y) plan.quadrant_y = plan.pillar_count();
    plan.pillars.push_back(std::move(pillar));
  }
  plan.threshold = framework.quadrant_threshold.ToDouble();
  plan.active_blocks[0] = ActiveBlocks(plan, PillarFormula::kPublished);
  plan.active_blocks[1] = ActiveBlocks(plan, PillarFormula::kPooled);
  plan.key_scale = pow10;
  if (spec.expert_bootstrap) {
    OCINDEX_ASSIGN_OR_RETURN(plan.expert_panels, BuildExpertPanels(*spec.expert_bootstrap, framework, dataset, experts));
  }
  // The lowest and highest score of each cell in any run.
  std::vector<std::int32_t> lowest = plan.steps;
  std::vector<std::int32_t> highest = plan.steps;
  for (size_t k = 0; k < plan.expert_panels.cells.size(); ++k) {
    const auto cell = static_cast<size_t>(plan.expert_panels.cells[k]);
    lowest[cell] = std::min(lowest[cell], plan.expert_panels.lowest(k));
    highest[cell] = std::max(highest[cell], plan.expert_panels.highest(k));
  }
  for (size_t p = 0; p < plan.pillars.size(); ++p) {
    const Pillar& pillar = plan.pillars[p];
    const Block& all = plan.blocks[static_cast<size_t>(pillar.direct_block >= 0 ? pillar.direct_block : pillar.pooled_block)];
    for (int c = 0; c < plan.countries; ++c) {
      std::int32_t low = plan.step_high;
      std::int32_t high = plan.step_low;
      for (int i : all.indicators) {
        low = std::min(low, lowest[static_cast<size_t>(i * plan.countries + c)]);
        high = std::max(high, highest[static_cast<size_t>(i * plan.countries + c)]);
      }
      low = std::max(low - 1, plan.step_low);
      high = std::min(high + 1, plan.step_high);
      plan.key_low.push_back(std::max(0, static_cast<std::int32_t>(std::floor(low * plan.key_factor)) - 1));
      plan.key_high.push_back(std::min(plan.max_key, static_cast<std::int32_t>(std::ceil(high * plan.key_factor)) + 1));
    }
  }

  // The coarsest field that represents every probability exactly.
  for (const ScoreNoise& noise : spec.score_noise) {
    int bits = 1;
    while (bits < 16 && (noise.p_down * (1 << bits) != std::floor(noise.p_down * (1 << bits)) ||
                         noise.p_up * (1 << bits) != std::floor(noise.p_up * (1 << bits)))) {
      bits *= 2;
    }
    plan.noise_bits = std::max(plan.noise_bits, bits);
  }
  std::vector<const ScoreNoise*> noise_of(static_cast<size_t>(plan.indicators), nullptr);
  for (const ScoreNoise& noise : spec.score_noise) {
    if (noise.indicators.empty()) {
      std::fill(noise_of.begin(), noise_of.end(), &noise);
    } else {
      for (const std::string& id : noise.indicators) noise_of[static_cast<size_t>(*framework.FindIndicator(id))] = &noise;
    }
  }
  const double fields = std::ldexp(1.0, plan.noise_bits);
  for (int i = 0; i < plan.indicators; ++i) {
    const ScoreNoise* noise = noise_of[static_cast<size_t>(i)];
    if (noise == nullptr) continue;
    plan.noisy_indicators.push_back(i);
    plan.noise_down.push_back(static_cast<std::uint32_t>(noise->p_down * fields));
    plan.noise_up.push_back(static_cast<std::uint32_t>(fields - noise->p_up * fields));
  }
  for (const std::string& id : spec.exclusion_candidates) plan.exclusion_candidates.push_back(*framework.FindIndicator(id));
  return plan;
}

RunParameters NominalParameters(const Plan& plan) {
  RunParameters params;
  params.indicator_multipliers.assign(static_cast<size_t>(plan.indicators), 1.0f);
  params.component_multipliers.assign(static_cast<size_t>(plan.component_count), 1.0f);
  params.aggregation = plan.spec.aggregation.front();
  params.pillar_formula = plan.spec.pillar_formula.front();
  params.threshold = plan.threshold;
  return params;
}

void DrawParameters(const Plan& plan, const std::uint64_t* words, RunParameters& out) {
  out.indicator_multipliers.assign(static_cast<size_t>(plan.indicators), 1.0f);
  out.component_multipliers.assign(static_cast<size_t>(plan.component_count), 1.0f);
  out.aggregation = plan.spec.aggregation.front();
  out.pillar_formula = plan.spec.pillar_formula.front();
  out.threshold = plan.threshold;
  out.excluded = -1;
  out.score_noise = false;
  out.expert_bootstrap = false;
  for (size_t k = 0; k < plan.inputs.size(); ++k) {
    const std::uint64_t word = words[k];
    switch (plan.inputs[k]) {
      case InputKind::kScores:
        out.score_noise = true;
        out.score_seed = word;
        break;
      case InputKind::kExperts:
        out.expert_bootstrap = true;
        out.expert_seed = word;
        break;
      case InputKind::kWeightsIndicator:
        DrawMultipliers(word, Amplitude(plan.spec, WeightLevel::kIndicator), out.indicator_multipliers);
        break;
      case InputKind::kWeightsComponent:
        DrawMultipliers(word, Amplitude(plan.spec, WeightLevel::kComponent), out.component_multipliers);
        break;
      case InputKind::kAggregation:
        out.aggregation = plan.spec.aggregation[static_cast<size_t>(Choose(word, plan.spec.aggregation.size()))];
        break;
      case InputKind::kPillarFormula:
        out.pillar_formula = plan.spec.pillar_formula[static_cast<size_t>(Choose(word, plan.spec.pillar_formula.size()))];
        break;
      case InputKind::kThreshold:
        out.threshold = plan.threshold + plan.spec.threshold_spread * (2.0 * UnitDouble(word) - 1.0);
        break;
      case InputKind::kExclusion: {
        const int pick = Choose(word, plan.exclusion_candidates.size() + 1);
        out.excluded = pick == 0 ? -1 : plan.exclusion_candidates[static_cast<size_t>(pick - 1)];
        break;
      }
    }
  }
}

void FillNoiseWords(const Plan& plan, std::uint64_t score_seed, std::uint64_t* words) {
  RandomStream stream(score_seed, 0);
  const size_t total = plan.noisy_indicators.size() * static_cast<size_t>(plan.words_per_noisy_indicator());
  for (size_t w = 0; w < total; ++w) words[w] = stream.Next();
}

int ThresholdKey(const Plan& plan, double threshold) {
  return static_cast<int>(std::ceil(threshold * plan.key_scale - 1e-9));
}

Scratch::Scratch(const Plan& plan)
    : noise_words(plan.noisy_indicators.size() * static_cast<size_t>(plan.words_per_noisy_indicator())),
      steps(plan.steps.size()),
      weights(static_cast<size_t>(plan.indicators)),
      block_sums(plan.blocks.size() * static_cast<size_t>(plan.countries)),
      block_totals(plan.blocks.size()),
      pillar_sums(static_cast<size_t>(plan.countries)) {}

// Integer and IEEE double arithmetic without fused operations only, so every clone
// gives the same keys; the AVX2 one vectorises the loops over countries.
__attribute__((target_clones("avx2", "default"))) void PillarKeys(const Plan& plan, const RunParameters& params,
                                                                  const float* block_sums, size_t stride,
                                                                  const float* block_totals, double* pillar_sums,
                                                                  std::int32_t* keys) {
  const size_t n = static_cast<size_t>(plan.countries);
  const bool arithmetic = params.aggregation == Aggregation::kArithmetic;
  // The small tolerance keeps a value exactly on a boundary (4.025) from rounding down
  // through the last bits of a double.
  constexpr double kHalf = 0.5 + 1e-9;
  const double factor = plan.key_factor;
  for (size_t p = 0; p < plan.pillars.size(); ++p) {
    const Pillar& pillar = plan.pillars[p];
    std::int32_t* out = keys + p * n;
    int single = pillar.direct_block;
    if (single < 0 && params.pillar_formula == PillarFormula::kPooled) single = pillar.pooled_block;
    // The value of country c is base[c] + coefficient * sums[c] (base 0 for all but a
    // pillar's last component): a block's mean (geometric block sums are of
    // logarithms), or the weighted mean of the components' means (of logarithms for
    // geometric), each component's weight / (total weight * block weight) folded into one
    // coefficient and the components before the last summed into pillar_sums first.
    const float* sums = nullptr;
    double coefficient = 0;
    const double* base = nullptr;
    if (single >= 0) {
      sums = block_sums + static_cast<size_t>(single) * stride;
      coefficient = 1.0 / static_cast<double>(block_totals[single]);
    } else {
      double total = 0;
      for (size_t k = 0; k < pillar.components.size(); ++k) {
        total += static_cast<double>(pillar.component_weights[k]) *
                 params.component_multipliers[static_cast<size_t>(pillar.component_weight_slots[k])];
      }
      for (size_t k = 0; k < pillar.components.size(); ++k) {
        const int block = pillar.components[k];
        sums = block_sums + static_cast<size_t>(block) * stride;
        coefficient = static_cast<double>(pillar.component_weights[k]) *
                      params.component_multipliers[static_cast<size_t>(pillar.component_weight_slots[k])] /
                      (total * static_cast<double>(block_totals[block]));
        if (k + 1 == pillar.components.size()) break;  // the last is added as the keys are made
        if (k == 0) {
          for (size_t c = 0; c < n; ++c) pillar_sums[c] = coefficient * static_cast<double>(sums[c]);
        } else {
          for (size_t c = 0; c < n; ++c) pillar_sums[c] += coefficient * static_cast<double>(sums[c]);
        }
        base = pillar_sums;
      }
    }
    // A base of 0 is left out: 0 + x is x exactly (but for the sign of a zero, which
    // no key sees), so the keys are those of summing from 0.
    if (arithmetic && base == nullptr) {
      for (size_t c = 0; c < n; ++c) out[c] = static_cast<std::int32_t>(static_cast<double>(sums[c]) * coefficient * factor + kHalf);
    } else if (arithmetic) {
      for (size_t c = 0; c < n; ++c) {
        out[c] = static_cast<std::int32_t>((base[c] + coefficient * static_cast<double>(sums[c])) * factor + kHalf);
      }
    } else {
      for (size_t c = 0; c < n; ++c) {
        const double value = (base == nullptr ? 0.0 : base[c]) + coefficient * static_cast<double>(sums[c]);
        out[c] = static_cast<std::int32_t>(std::exp(value) * factor + kHalf);
      }
    }
  }
}

void EvaluateGeneral(const Plan& plan, const RunParameters& params, Scratch& scratch, std::int32_t* keys) {
  const size_t n = static_cast<size_t>(plan.countries);
  std::copy(plan.steps.begin(), plan.steps.end(), scratch.steps.begin());
  if (params.expert_bootstrap) ResamplePanels(plan.expert_panels, params.expert_seed, scratch.steps.data());
  if (params.score_noise) {
    FillNoiseWords(plan, params.score_seed, scratch.noise_words.data());
    const int bits = plan.noise_bits;
    const size_t per_word = static_cast<size_t>(64 / bits);
    const std::uint64_t mask = bits == 64 ? ~0ULL : (1ULL << bits) - 1;
    const size_t words_each = static_cast<size_t>(plan.words_per_noisy_indicator());
    for (size_t k = 0; k < plan.noisy_indicators.size(); ++k) {
      std::int32_t* row = scratch.steps.data() + static_cast<size_t>(plan.noisy_indicators[k]) * n;
      const std::uint64_t* words = scratch.noise_words.data() + k * words_each;
      for (size_t c = 0; c < n; ++c) {
        const auto field = static_cast<std::uint32_t>((words[c / per_word] >> ((c % per_word) * static_cast<size_t>(bits))) & mask);
        const std::int32_t delta = (field >= plan.noise_up[k]) - (field < plan.noise_down[k]);
        row[c] = std::clamp(row[c] + delta, plan.step_low, plan.step_high);
      }
    }
  }
  for (size_t i = 0; i < scratch.weights.size(); ++i) {
    scratch.weights[i] = plan.indicator_weights[i] * params.indicator_multipliers[i];
  }
  const bool arithmetic = params.aggregation == Aggregation::kArithmetic;
  for (int b : plan.blocks_for(params.pillar_formula)) {
    float* sums = scratch.block_sums.data() + static_cast<size_t>(b) * n;
    std::fill(sums, sums + n, 0.0f);
    float total = 0;
    for (int i : plan.blocks[static_cast<size_t>(b)].indicators) {
      if (i == params.excluded) continue;
      const float w = scratch.weights[static_cast<size_t>(i)];
      total += w;
      const std::int32_t* row = scratch.steps.data() + static_cast<size_t>(i) * n;
      for (size_t c = 0; c < n; ++c) {
        const auto s = static_cast<float>(row[c]);
        sums[c] += arithmetic ? w * s : w * std::log(s);
      }
    }
    scratch.block_totals[static_cast<size_t>(b)] = total;
  }
  PillarKeys(plan, params, scratch.block_sums.data(), n, scratch.block_totals.data(), scratch.pillar_sums.data(),
             keys);
}

}  // namespace ocindex::core::uncertainty
