#include "core/decision/effective_weights.h"

namespace ocindex::core {
namespace {

// Adds `scale` times the node's weights to `weights`; false when nothing beneath is assessed.
bool AddNodeWeights(const Framework& framework, std::span<const std::optional<Rational>> scores, int node,
                    const Rational& scale, std::vector<Rational>& weights) {
  const Node& current = framework.nodes[static_cast<size_t>(node)];
  if (current.aggregate == Aggregate::kChildren) {
    // The children that have a value share the node by their weights.
    Rational total = 0;
    std::vector<int> valued;
    for (int child : current.children) {
      std::vector<Rational> probe(weights.size());
      if (AddNodeWeights(framework, scores, child, 1, probe)) {
        valued.push_back(child);
        total += framework.nodes[static_cast<size_t>(child)].weight;
      }
    }
    if (total.num() == 0) return false;
    for (int child : valued) {
      AddNodeWeights(framework, scores, child, scale * framework.nodes[static_cast<size_t>(child)].weight / total,
                     weights);
    }
    return !valued.empty();
  }
  Rational total = 0;
  const std::vector<int> under = framework.IndicatorsUnder(node);
  for (int i : under) {
    if (scores[static_cast<size_t>(i)]) total += framework.indicators[static_cast<size_t>(i)].weight;
  }
  if (total.num() == 0) return false;
  for (int i : under) {
    if (scores[static_cast<size_t>(i)]) {
      weights[static_cast<size_t>(i)] += scale * framework.indicators[static_cast<size_t>(i)].weight / total;
    }
  }
  return true;
}

}  // namespace

std::vector<Rational> EffectiveWeights(const Framework& framework, std::span<const std::optional<Rational>> scores,
                                       int measure) {
  std::vector<Rational> weights(framework.indicators.size());
  if (!framework.IsNode(measure)) {
    const size_t i = static_cast<size_t>(measure) - framework.nodes.size();
    if (scores[i]) weights[i] = 1;
    return weights;
  }
  AddNodeWeights(framework, scores, measure, 1, weights);
  return weights;
}

}  // namespace ocindex::core
