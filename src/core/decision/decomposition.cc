#include "core/decision/decomposition.h"

#include <fmt/format.h>

#include <algorithm>
#include <span>

#include "core/decision/effective_weights.h"

namespace ocindex::core {
namespace {

// One side of a comparison: a country's scores in a framework, with the composite's weights.
struct Side {
  const Framework* framework = nullptr;
  std::span<const std::optional<Rational>> scores;
  std::vector<Rational> weights;
  Rational value;
};

Result<Side> MakeSide(const Framework& framework, const Dataset& dataset, int country, int measure) {
  Side side;
  side.framework = &framework;
  const size_t n = framework.indicators.size();
  side.scores = std::span(dataset.scores).subspan(static_cast<size_t>(country) * n, n);
  side.weights = EffectiveWeights(framework, side.scores, measure);
  bool any = false;
  for (size_t i = 0; i < n; ++i) {
    if (side.weights[i].num() != 0) {
      side.value += side.weights[i] * *side.scores[i];
      any = true;
    }
  }
  if (!any) {
    return MakeError(ErrorCode::kInvalidInput, fmt::format("{} has no value on {} in edition {}",
                                                           dataset.countries[static_cast<size_t>(country)].iso3,
                                                           framework.MeasureId(measure), framework.edition));
  }
  return side;
}

// The contributions of every indicator either side weighs, matched by id (A's order, then B's).
std::vector<Contribution> Contributions(const Side& a, const Side& b) {
  std::vector<Contribution> rows;
  auto weighed = [](const Side& side, size_t i) { return side.weights[i].num() != 0; };
  for (size_t i = 0; i < a.framework->indicators.size(); ++i) {
    const Indicator& indicator = a.framework->indicators[i];
    auto j = b.framework->FindIndicator(indicator.id);
    const bool in_b = j && weighed(b, static_cast<size_t>(*j));
    if (!weighed(a, i) && !in_b) continue;
    Contribution row;
    row.indicator = indicator.id;
    row.name = indicator.name;
    if (weighed(a, i)) {
      row.score_a = a.scores[i];
      row.weight_a = a.weights[i];
    }
    if (in_b) {
      row.score_b = b.scores[static_cast<size_t>(*j)];
      row.weight_b = b.weights[static_cast<size_t>(*j)];
    }
    if (row.score_a && row.score_b) {
      row.kind = ContributionKind::kShared;
      const Rational half(1, 2);
      row.score_effect = (row.weight_a + row.weight_b) * half * (*row.score_a - *row.score_b);
      row.weight_effect = (*row.score_a + *row.score_b) * half * (row.weight_a - row.weight_b);
    } else if (row.score_a) {
      row.kind = ContributionKind::kOnlyA;
      row.weight_effect = row.weight_a * *row.score_a;
    } else {
      row.kind = ContributionKind::kOnlyB;
      row.weight_effect = Rational(0) - row.weight_b * *row.score_b;
    }
    rows.push_back(std::move(row));
  }
  for (size_t j = 0; j < b.framework->indicators.size(); ++j) {
    const Indicator& indicator = b.framework->indicators[j];
    if (!weighed(b, j)) continue;
    auto i = a.framework->FindIndicator(indicator.id);
    if (i && weighed(a, static_cast<size_t>(*i))) continue;
    rows.push_back(Contribution{indicator.id, indicator.name, ContributionKind::kOnlyB, std::nullopt, b.scores[j],
                                0, b.weights[j], 0, Rational(0) - b.weights[j] * *b.scores[j], std::nullopt});
  }
  return rows;
}

Decomposition Finish(const Framework& framework, int measure, const Side& a, const Side& b,
                     std::vector<Contribution> rows) {
  Decomposition out;
  out.measure_id = framework.MeasureId(measure);
  out.measure_name = framework.MeasureName(measure);
  out.decimals = framework.decimals;
  out.value_a = a.value;
  out.value_b = b.value;
  out.published_a = a.value.RoundHalfUp(framework.decimals);
  out.published_b = b.value.RoundHalfUp(framework.decimals);
  out.rounding = Rational::FromUnits(out.published_a - out.published_b, framework.decimals) - (a.value - b.value);
  // Stable: equal contributions keep framework order.
  std::stable_sort(rows.begin(), rows.end(), [](const Contribution& x, const Contribution& y) {
    const Rational zero = 0;
    auto magnitude = [&zero](const Rational& v) { return v < zero ? zero - v : v; };
    return magnitude(x.total()) > magnitude(y.total());
  });
  out.rows = std::move(rows);
  return out;
}

}  // namespace

Result<Decomposition> ExplainCountries(const Edition& edition, int a, int b, int measure) {
  Side side_a, side_b;
  OCINDEX_ASSIGN_OR_RETURN(side_a, MakeSide(edition.framework, edition.dataset, a, measure));
  OCINDEX_ASSIGN_OR_RETURN(side_b, MakeSide(edition.framework, edition.dataset, b, measure));
  return Finish(edition.framework, measure, side_a, side_b, Contributions(side_a, side_b));
}

Result<Decomposition> ExplainEditions(const Edition& before, const Edition& after, const std::string& iso3,
                                      const std::string& measure_id) {
  auto measure_after = after.framework.FindMeasure(measure_id);
  auto measure_before = before.framework.FindMeasure(measure_id);
  if (!measure_after || !measure_before ||
      after.framework.MeasureId(*measure_after) != before.framework.MeasureId(*measure_before)) {
    return MakeError(ErrorCode::kNotFound, fmt::format("'{}' is not a measure of both editions {} and {}", measure_id,
                                                       before.framework.edition, after.framework.edition));
  }
  auto country_after = after.dataset.FindCountry(iso3);
  auto country_before = before.dataset.FindCountry(iso3);
  if (!country_after || !country_before) {
    return MakeError(ErrorCode::kNotFound, fmt::format("{} is not assessed in both editions {} and {}", iso3,
                                                       before.framework.edition, after.framework.edition));
  }
  Side side_a, side_b;
  OCINDEX_ASSIGN_OR_RETURN(side_a, MakeSide(after.framework, after.dataset, *country_after, *measure_after));
  OCINDEX_ASSIGN_OR_RETURN(side_b, MakeSide(before.framework, before.dataset, *country_before, *measure_before));
  std::vector<Contribution> rows = Contributions(side_a, side_b);

  // Like-for-like: both editions on the indicators they share.
  std::vector<std::string> shared;
  for (const Indicator& indicator : after.framework.indicators) {
    if (before.framework.FindIndicator(indicator.id)) shared.push_back(indicator.id);
  }
  Framework like_after_framework, like_before_framework;
  OCINDEX_ASSIGN_OR_RETURN(like_after_framework, RestrictFramework(after.framework, shared));
  OCINDEX_ASSIGN_OR_RETURN(like_before_framework, RestrictFramework(before.framework, shared));
  const Dataset like_after_data = ProjectDataset(after.dataset, after.framework, like_after_framework);
  const Dataset like_before_data = ProjectDataset(before.dataset, before.framework, like_before_framework);
  auto like_measure_after = like_after_framework.FindMeasure(measure_id);
  auto like_measure_before = like_before_framework.FindMeasure(measure_id);
  std::optional<Rational> like_a, like_b;
  if (like_measure_after && like_measure_before) {
    auto like_side_a = MakeSide(like_after_framework, like_after_data, *country_after, *like_measure_after);
    auto like_side_b = MakeSide(like_before_framework, like_before_data, *country_before, *like_measure_before);
    if (like_side_a && like_side_b) {
      like_a = like_side_a->value;
      like_b = like_side_b->value;
      for (const Contribution& like : Contributions(*like_side_a, *like_side_b)) {
        for (Contribution& row : rows) {
          if (row.indicator == like.indicator) row.like_for_like = like.total();
        }
      }
    }
  }
  Decomposition out = Finish(after.framework, *measure_after, side_a, side_b, std::move(rows));
  out.like_a = like_a;
  out.like_b = like_b;
  return out;
}

}  // namespace ocindex::core
