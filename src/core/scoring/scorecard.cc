#include "core/scoring/scorecard.h"

#include "core/scoring/measure_evaluator.h"

namespace ocindex::core {

MeasureEvaluator::MeasureEvaluator(const Framework& framework) : framework_(framework), under_(framework.nodes.size()) {
  for (size_t n = 0; n < framework.nodes.size(); ++n) under_[n] = framework.IndicatorsUnder(static_cast<int>(n));
}

void MeasureEvaluator::Evaluate(std::span<const std::optional<Rational>> scores,
                                std::span<std::optional<Rational>> out) const {
  const Framework& framework = framework_;
  for (size_t i = 0; i < framework.indicators.size(); ++i) {
    out[static_cast<size_t>(framework.IndicatorMeasure(static_cast<int>(i)))] = scores[i];
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
        add(out[static_cast<size_t>(child)], framework.nodes[static_cast<size_t>(child)].weight);
      }
    } else {
      for (int i : under_[static_cast<size_t>(n)]) {
        add(scores[static_cast<size_t>(i)], framework.indicators[static_cast<size_t>(i)].weight);
      }
    }
    out[static_cast<size_t>(n)] = weights.num() != 0 ? std::optional<Rational>(sum / weights) : std::nullopt;
  }
}

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
  const MeasureEvaluator evaluator(framework);
  const size_t indicators = framework.indicators.size();
  for (int c = 0; c < card.countries_; ++c) {
    evaluator.Evaluate(std::span(dataset.scores).subspan(static_cast<size_t>(c) * indicators, indicators),
                       std::span(card.exact_).subspan(card.Index(c, 0), static_cast<size_t>(card.measures_)));
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
