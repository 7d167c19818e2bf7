#include "core/pipeline/edition_model.h"

#include <algorithm>

namespace ocindex::core::pipeline {

namespace {

// The node that weighs an indicator: the highest ancestor in an unbroken chain of
// nodes that average indicators.
int WeighingNode(const Framework& framework, int group) {
  int node = group;
  while (true) {
    const core::Node& current = framework.nodes[static_cast<size_t>(node)];
    if (current.parent < 0) return node;
    if (framework.nodes[static_cast<size_t>(current.parent)].aggregate != Aggregate::kIndicators) return node;
    node = current.parent;
  }
}

// Levels: indicators 1, nodes averaging indicators 2, others one above their highest child.
int LevelOf(const Framework& framework, int node) {
  const core::Node& n = framework.nodes[static_cast<size_t>(node)];
  if (n.aggregate == Aggregate::kIndicators) return 2;
  int level = 2;
  for (int child : n.children) level = std::max(level, LevelOf(framework, child) + 1);
  return level;
}

}  // namespace

Result<Model> ModelFromEdition(const Framework& framework, const Dataset& dataset) {
  if (!dataset.Fits(framework)) {
    return MakeError(ErrorCode::kInternal, "dataset " + dataset.edition + " is not shaped for framework " + framework.id);
  }
  Model model;
  const size_t n_indicators = framework.indicators.size();
  for (const CountryEntry& country : dataset.countries) model.units.push_back(country.iso3);
  // Framework node index -> model node index, for nodes that weigh.
  std::vector<int> kept(framework.nodes.size(), -1);
  std::vector<Node> aggregates;
  for (size_t n = 0; n < framework.nodes.size(); ++n) {
    const core::Node& node = framework.nodes[n];
    const bool weighs = node.aggregate == Aggregate::kChildren || WeighingNode(framework, static_cast<int>(n)) ==
                                                                      static_cast<int>(n);
    if (!weighs) continue;
    Node out;
    out.code = node.id;
    out.name = node.name;
    out.level = LevelOf(framework, static_cast<int>(n));
    out.parent_code = node.parent_id;
    out.weight = node.weight.ToDouble();
    kept[n] = static_cast<int>(n_indicators + aggregates.size());
    aggregates.push_back(std::move(out));
  }
  for (const Indicator& indicator : framework.indicators) {
    Node out;
    out.code = indicator.id;
    out.name = indicator.name;
    out.parent_code = framework.nodes[static_cast<size_t>(WeighingNode(framework, indicator.group))].id;
    out.weight = indicator.weight.ToDouble();
    model.nodes.push_back(std::move(out));
  }
  model.nodes.insert(model.nodes.end(), aggregates.begin(), aggregates.end());
  for (size_t n = 0; n < framework.nodes.size(); ++n) {
    if (kept[n] >= 0) continue;
    DisplayGroup group{framework.nodes[n].id, {}};
    for (int i : framework.IndicatorsUnder(static_cast<int>(n))) group.members.push_back(i);
    model.display_groups.push_back(std::move(group));
  }
  model.data = Matrix(model.units.size(), n_indicators);
  for (int c = 0; c < dataset.country_count(); ++c) {
    for (size_t i = 0; i < n_indicators; ++i) {
      const auto& score = dataset.score(c, static_cast<int>(i));
      model.data.at(static_cast<size_t>(c), i) = score ? score->ToDouble() : kMissing;
    }
  }
  OCINDEX_RETURN_IF_ERROR(model.Link());
  return model;
}

}  // namespace ocindex::core::pipeline
