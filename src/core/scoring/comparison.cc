#include "core/scoring/comparison.h"

#include <algorithm>

namespace ocindex::core {
namespace {

std::optional<int64_t> Difference(const ValueAndRank& before, const ValueAndRank& after) {
  if (!before.value || !after.value) return std::nullopt;
  return *after.value - *before.value;
}

// Values and ranks of one measure for every country of an edition.
Result<std::vector<ValueAndRank>> Evaluate(const Framework& framework, const Dataset& dataset,
                                           const std::string& measure_id, Scope scope) {
  auto measure = framework.FindMeasure(measure_id);
  if (!measure) {
    return MakeError(ErrorCode::kNotFound,
                     "'" + measure_id + "' is not a measure of edition " + framework.edition);
  }
  auto card = Scorecard::Compute(framework, dataset);
  if (!card) return card.error();
  std::vector<Rank> ranks = RankCountries(dataset, *card, *measure, scope);
  std::vector<ValueAndRank> out(ranks.size());
  for (size_t c = 0; c < ranks.size(); ++c) out[c] = {card->rounded(static_cast<int>(c), *measure), ranks[c]};
  return out;
}

}  // namespace

std::optional<int64_t> CountryChange::raw_change() const { return Difference(raw_before, raw_after); }
std::optional<int64_t> CountryChange::like_change() const { return Difference(like_before, like_after); }

Result<EditionComparison> CompareEditions(const Edition& before, const Edition& after,
                                          const std::string& measure, Scope scope) {
  EditionComparison out;
  out.before_edition = before.framework.edition;
  out.after_edition = after.framework.edition;
  out.scope = scope;
  out.decimals = after.framework.decimals;
  auto after_measure = after.framework.FindMeasure(measure);
  if (!after_measure || !before.framework.FindMeasure(measure)) {
    return MakeError(ErrorCode::kNotFound, "'" + measure + "' is not a measure of both editions " +
                                               out.before_edition + " and " + out.after_edition);
  }
  out.measure_id = after.framework.MeasureId(*after_measure);
  out.measure_name = after.framework.MeasureName(*after_measure);

  for (const Indicator& indicator : after.framework.indicators) {
    (before.framework.FindIndicator(indicator.id) ? out.shared_indicators : out.only_after).push_back(indicator.id);
  }
  for (const Indicator& indicator : before.framework.indicators) {
    if (!after.framework.FindIndicator(indicator.id)) out.only_before.push_back(indicator.id);
  }
  auto raw_before = Evaluate(before.framework, before.dataset, out.measure_id, scope);
  auto raw_after = Evaluate(after.framework, after.dataset, out.measure_id, scope);
  if (!raw_before) return raw_before.error();
  if (!raw_after) return raw_after.error();

  auto shared_before = RestrictFramework(before.framework, out.shared_indicators);
  auto shared_after = RestrictFramework(after.framework, out.shared_indicators);
  if (!shared_before) return shared_before.error();
  if (!shared_after) return shared_after.error();
  auto like_before = Evaluate(*shared_before, ProjectDataset(before.dataset, before.framework, *shared_before),
                              out.measure_id, scope);
  auto like_after = Evaluate(*shared_after, ProjectDataset(after.dataset, after.framework, *shared_after),
                             out.measure_id, scope);
  if (!like_before) return like_before.error();
  if (!like_after) return like_after.error();

  for (int c = 0; c < after.dataset.country_count(); ++c) {
    const CountryEntry& country = after.dataset.countries[static_cast<size_t>(c)];
    auto b = before.dataset.FindCountry(country.iso3);
    if (!b) continue;
    const auto bi = static_cast<size_t>(*b);
    const auto ai = static_cast<size_t>(c);
    out.countries.push_back({country.iso3, country.name, (*raw_before)[bi], (*raw_after)[ai],
                             (*like_before)[bi], (*like_after)[ai]});
  }
  return out;
}

}  // namespace ocindex::core
