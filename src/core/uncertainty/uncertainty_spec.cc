#include "core/uncertainty/uncertainty_spec.h"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <set>

#include "core/uncertainty/expert_panels.h"

namespace ocindex::core::uncertainty {

const char* WeightLevelName(WeightLevel level) {
  return level == WeightLevel::kIndicator ? "indicator" : "component";
}

const char* AggregationName(Aggregation aggregation) {
  return aggregation == Aggregation::kArithmetic ? "arithmetic" : "geometric";
}

const char* PillarFormulaName(PillarFormula formula) {
  return formula == PillarFormula::kPublished ? "published" : "pooled";
}

const char* InputKindName(InputKind kind) {
  switch (kind) {
    case InputKind::kScores: return "scores";
    case InputKind::kExperts: return "expert_bootstrap";
    case InputKind::kWeightsIndicator: return "indicator_weights";
    case InputKind::kWeightsComponent: return "component_weights";
    case InputKind::kAggregation: return "aggregation";
    case InputKind::kPillarFormula: return "pillar_formula";
    case InputKind::kThreshold: return "threshold";
    case InputKind::kExclusion: return "exclusion";
  }
  return "?";
}

UncertaintySpec ReferenceSpec() {
  UncertaintySpec spec;
  spec.score_noise.push_back(ScoreNoise{});
  spec.weight_noise.push_back(WeightNoise{});
  return spec;
}

namespace {

Error Invalid(const std::string& field, const std::string& what) {
  return MakeError(ErrorCode::kInvalidInput, fmt::format("{}: {}", field, what));
}

// A probability in [0, 1] that is a multiple of 1/65536 (the finest noise field).
bool ExactProbability(double p) {
  const double scaled = p * 65536.0;
  return p >= 0 && p <= 1 && scaled == std::floor(scaled);
}

Status CheckIndicator(const Framework& framework, const std::string& id, const std::string& field) {
  if (!framework.FindIndicator(id)) {
    return MakeError(ErrorCode::kInvalidInput,
                     fmt::format("{}: unknown indicator \"{}\" in framework {}", field, id, framework.id));
  }
  return {};
}

// Whether some node averages components (the only place component weights and the
// pillar formula matter).
bool HasComponents(const Framework& framework) {
  for (const Node& node : framework.nodes) {
    if (node.kind == NodeKind::kPillar && node.aggregate == Aggregate::kChildren) return true;
  }
  return false;
}

}  // namespace

Result<std::vector<InputKind>> ValidateSpec(const UncertaintySpec& spec, const Framework& framework,
                                            const Dataset& dataset, const std::vector<ExpertScore>& experts) {
  if (!dataset.Fits(framework)) {
    return MakeError(ErrorCode::kInvalidInput, "the dataset does not follow framework " + framework.id);
  }
  std::vector<InputKind> inputs;
  std::map<std::string, size_t> noisy;  // indicator -> its score_noise entry
  for (size_t n = 0; n < spec.score_noise.size(); ++n) {
    const ScoreNoise& noise = spec.score_noise[n];
    const std::string field = fmt::format("score_noise[{}]", n);
    for (const double* p : {&noise.p_down, &noise.p_up}) {
      if (!ExactProbability(*p)) {
        return Invalid(field + (p == &noise.p_down ? ".p_down" : ".p_up"),
                       fmt::format("{} is not a probability in multiples of 1/65536 (e.g. 0.25)", *p));
      }
    }
    if (noise.p_down + noise.p_up > 1) return Invalid(field, "p_down + p_up exceeds 1");
    if (noise.p_down == 0 && noise.p_up == 0) return Invalid(field, "p_down and p_up are both 0: the noise changes nothing");
    std::vector<std::string> ids = noise.indicators;
    if (ids.empty()) ids = dataset.indicator_ids;
    for (const std::string& id : ids) {
      OCINDEX_RETURN_IF_ERROR(CheckIndicator(framework, id, field + ".indicators"));
      if (!noisy.emplace(id, n).second) return Invalid(field + ".indicators", "indicator \"" + id + "\" has noise twice");
    }
  }
  if (!noisy.empty()) inputs.push_back(InputKind::kScores);

  if (spec.expert_bootstrap) {
    ExpertPanels panels;
    OCINDEX_ASSIGN_OR_RETURN(panels, BuildExpertPanels(*spec.expert_bootstrap, framework, dataset, experts));
    for (int i : panels.indicators) {
      const std::string& id = framework.indicators[static_cast<size_t>(i)].id;
      if (const auto noise = noisy.find(id); noise != noisy.end()) {
        return Invalid("expert_bootstrap",
                       fmt::format("indicator \"{}\" also has score_noise[{}]: both model the uncertainty of its scores, "
                                   "so one of them must leave it out (list score_noise indicators, or "
                                   "expert_bootstrap.indicators)",
                                   id, noise->second));
      }
    }
    inputs.push_back(InputKind::kExperts);
  } else if (!experts.empty()) {
    return Invalid("expert_bootstrap", "expert scores were given, but the spec does not resample them");
  }

  std::set<WeightLevel> levels;
  for (size_t n = 0; n < spec.weight_noise.size(); ++n) {
    const WeightNoise& noise = spec.weight_noise[n];
    const std::string field = fmt::format("weight_noise[{}]", n);
    if (!(noise.amplitude > 0 && noise.amplitude < 1)) {
      return Invalid(field + ".amplitude", fmt::format("{} is not in (0, 1): weights must move and stay positive",
                                                       noise.amplitude));
    }
    if (!levels.insert(noise.level).second) return Invalid(field + ".level", "level repeated");
    if (noise.level == WeightLevel::kComponent && !HasComponents(framework)) {
      return Invalid(field + ".level", "framework " + framework.id + " has no pillar that averages components");
    }
  }
  if (levels.count(WeightLevel::kIndicator)) inputs.push_back(InputKind::kWeightsIndicator);
  if (levels.count(WeightLevel::kComponent)) inputs.push_back(InputKind::kWeightsComponent);

  if (spec.aggregation.empty()) return Invalid("aggregation", "expected at least one method");
  if (spec.aggregation.size() > 1) {
    if (std::set<Aggregation>(spec.aggregation.begin(), spec.aggregation.end()).size() != spec.aggregation.size()) {
      return Invalid("aggregation", "a method is listed twice");
    }
    inputs.push_back(InputKind::kAggregation);
  }
  if (spec.pillar_formula.empty()) return Invalid("pillar_formula", "expected at least one formula");
  if (spec.pillar_formula.size() > 1) {
    if (std::set<PillarFormula>(spec.pillar_formula.begin(), spec.pillar_formula.end()).size() !=
        spec.pillar_formula.size()) {
      return Invalid("pillar_formula", "a formula is listed twice");
    }
    if (!HasComponents(framework)) {
      return Invalid("pillar_formula", "framework " + framework.id + " has no pillar that averages components");
    }
    inputs.push_back(InputKind::kPillarFormula);
  }
  if (spec.threshold_spread < 0 || !std::isfinite(spec.threshold_spread)) {
    return Invalid("threshold_spread", "expected a number >= 0");
  }
  if (spec.threshold_spread > 0) {
    if (framework.quadrant_x.empty() || framework.quadrant_y.empty()) {
      return Invalid("threshold_spread", "framework " + framework.id + " has no quadrant");
    }
    inputs.push_back(InputKind::kThreshold);
  }
  std::set<std::string> candidates;
  for (const std::string& id : spec.exclusion_candidates) {
    OCINDEX_RETURN_IF_ERROR(CheckIndicator(framework, id, "exclusion_candidates"));
    if (!candidates.insert(id).second) return Invalid("exclusion_candidates", "indicator \"" + id + "\" listed twice");
    // The node that averages the indicator (its highest ancestor averaging indicators)
    // must keep another one.
    int node = framework.indicators[static_cast<size_t>(*framework.FindIndicator(id))].group;
    for (int parent = framework.nodes[static_cast<size_t>(node)].parent;
         parent >= 0 && framework.nodes[static_cast<size_t>(parent)].aggregate == Aggregate::kIndicators;
         parent = framework.nodes[static_cast<size_t>(parent)].parent) {
      node = parent;
    }
    if (framework.IndicatorsUnder(node).size() < 2) {
      return Invalid("exclusion_candidates", "leaving out \"" + id + "\" would leave " +
                                                 framework.nodes[static_cast<size_t>(node)].id + " with no indicator");
    }
  }
  if (!candidates.empty()) inputs.push_back(InputKind::kExclusion);
  if (inputs.empty()) return Invalid("spec", "nothing is uncertain: every run would give the nominal result");
  return inputs;
}

}  // namespace ocindex::core::uncertainty
