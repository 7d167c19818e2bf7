#include "core/scoring/scorecard.h"

namespace ocindex::core {

Result<Scorecard> Scorecard::Compute(const Framework& framework, const Dataset& dataset) {
  if (!dataset.Fits(framework)) {
    return MakeError(ErrorCode::kInternal, "dataset " + dataset.edition +
                                               " is not shaped for framework " + framework.id);
  }
  Scorecard card;
  card.countries_ = dataset.country_count();
  card.measures_ = framework.measure_count();
  card.decimals_ = framework.decimals;
  card.exact_.resize(static_cast<size_t>(card.countries_) * static_cast<size_t>(card.measures_));

  // Indicators under each node, resolved once for all countries.
  std::vector<std::vector<int>> under(framework.nodes.size());
  for (size_t n = 0; n < framework.nodes.size(); ++n) under[n] = framework.IndicatorsUnder(static_cast<int>(n));

  for (int c = 0; c < card.countries_; ++c) {
    for (size_t i = 0; i < framework.indicators.size(); ++i) {
      card.exact_[card.Index(c, framework.IndicatorMeasure(static_cast<int>(i)))] =
          dataset.score(c, static_cast<int>(i));
    }
    // Children follow their parents in the node list, so walking it backwards
    // computes every child before the parent that averages it.
    for (int n = static_cast<int>(framework.nodes.size()) - 1; n >= 0; --n) {
      const Node& node = framework.nodes[static_cast<size_t>(n)];
      Rational sum = 0;
      Rational weights = 0;
      auto add = [&sum, &weights](const std::optional<Rational>& value, const Rational& weight) {
        if (!value) return;
        sum += *value * weight;
        weights += weight;
      };
      if (node.aggregate == Aggregate::kChildren) {
        for (int child : node.children) {
          add(card.exact_[card.Index(c, child)], framework.nodes[static_cast<size_t>(child)].weight);
        }
      } else {
        for (int i : under[static_cast<size_t>(n)]) {
          add(dataset.score(c, i), framework.indicators[static_cast<size_t>(i)].weight);
        }
      }
      if (weights.num() != 0) card.exact_[card.Index(c, n)] = sum / weights;
    }
  }
  return card;
}

std::vector<PublishedMismatch> CheckPublished(const Framework& framework, const Dataset& dataset,
                                              const Scorecard& scorecard) {
  std::vector<PublishedMismatch> mismatches;
  for (int c = 0; c < dataset.country_count(); ++c) {
    for (int n = 0; n < dataset.node_count(); ++n) {
      const auto& published = dataset.published_value(c, n);
      if (!published) continue;
      int64_t printed = published->RoundHalfUp(framework.decimals);
      std::optional<int64_t> computed = scorecard.rounded(c, n);
      if (!computed || *computed != printed) {
        mismatches.push_back({c, n, printed, computed.value_or(0)});
      }
    }
  }
  return mismatches;
}

}  // namespace ocindex::core
