#include "core/decision/what_if.h"

#include <algorithm>
#include <map>
#include <span>

#include "core/scoring/country_summary.h"
#include "core/scoring/measure_evaluator.h"
#include "core/scoring/quadrant.h"

namespace ocindex::core {
namespace {

// The changed countries' published values after the scenario, every measure.
std::vector<std::vector<std::optional<int64_t>>> ChangedValues(const RankedEdition& base,
                                                               const std::vector<int>& changed,
                                                               const std::vector<ScoreChange>& changes) {
  const Framework& framework = base.framework();
  const MeasureEvaluator evaluator(framework);
  const size_t indicators = framework.indicators.size();
  std::vector<std::vector<std::optional<int64_t>>> values;
  std::vector<std::optional<Rational>> exact(static_cast<size_t>(framework.measure_count()));
  for (int c : changed) {
    std::vector<std::optional<Rational>> scores(base.dataset().scores.begin() + static_cast<long>(c * indicators),
                                                base.dataset().scores.begin() + static_cast<long>((c + 1) * indicators));
    for (const ScoreChange& change : changes) {
      if (change.country == c) scores[static_cast<size_t>(change.indicator)] = change.after;
    }
    evaluator.Evaluate(scores, exact);
    auto& row = values.emplace_back();
    for (const auto& value : exact) {
      row.push_back(value ? std::optional<int64_t>(value->RoundHalfUp(framework.decimals)) : std::nullopt);
    }
  }
  return values;
}

}  // namespace

Result<WhatIfResult> WhatIf(const RankedEdition& base, const Scenario& scenario) {
  const Framework& framework = base.framework();
  WhatIfResult result;
  OCINDEX_ASSIGN_OR_RETURN(result.changes, ApplyScenario(framework, base.dataset(), scenario));
  std::vector<int> changed;
  for (const ScoreChange& change : result.changes) {
    if (std::find(changed.begin(), changed.end(), change.country) == changed.end()) changed.push_back(change.country);
  }
  result.values_after = ChangedValues(base, changed, result.changes);
  result.ranks_after = base.ranks();

  // Measures whose published value moved for some changed country.
  const int n = base.country_count();
  for (int m = 0; m < framework.measure_count(); ++m) {
    bool moved = false;
    for (size_t k = 0; k < changed.size(); ++k) moved |= result.values_after[k][static_cast<size_t>(m)] != base.value(changed[k], m);
    if (!moved) continue;
    for (size_t s = 0; s < kScopes.size(); ++s) {
      for (int o = 0; o < n; ++o) {
        const std::optional<int64_t> mine = base.value(o, m);
        if (!mine) continue;
        Rank& rank = result.ranks_after[base.Index(o, m, s)];
        const auto self = std::find(changed.begin(), changed.end(), o);
        if (self != changed.end()) {
          // A changed country: its place among everyone's values after the scenario.
          const int64_t value = *result.values_after[static_cast<size_t>(self - changed.begin())][static_cast<size_t>(m)];
          int above = 0;
          int equal = 0;
          for (int p = 0; p < n; ++p) {
            if (p == o || base.group(p, s) != base.group(o, s) || !base.value(p, m)) continue;
            const auto other = std::find(changed.begin(), changed.end(), p);
            const int64_t theirs = other == changed.end()
                                       ? *base.value(p, m)
                                       : *result.values_after[static_cast<size_t>(other - changed.begin())][static_cast<size_t>(m)];
            above += theirs > value;
            equal += theirs == value;
          }
          rank.position = above + 1;
          rank.tied = equal > 0;
          continue;
        }
        // Anyone else moves only by the changed countries of its group that crossed it.
        int position = rank.position;
        int equal = base.equals(o, m, s);
        for (size_t k = 0; k < changed.size(); ++k) {
          const int c = changed[k];
          if (base.group(c, s) != base.group(o, s)) continue;
          const int64_t was = *base.value(c, m);
          const int64_t now = *result.values_after[k][static_cast<size_t>(m)];
          position += (now > *mine) - (was > *mine);
          equal += (now == *mine) - (was == *mine);
        }
        rank.position = position;
        rank.tied = equal > 0;
        const Rank& before = base.rank(o, m, s);
        if (framework.IsNode(m) && before.position != position) {
          result.knock_on.push_back(KnockOn{o, m, s, before, rank});
        }
      }
    }
  }
  std::stable_sort(result.knock_on.begin(), result.knock_on.end(), [](const KnockOn& a, const KnockOn& b) {
    if (a.measure != b.measure) return a.measure < b.measure;
    if (a.scope != b.scope) return a.scope < b.scope;
    return a.after.position < b.after.position;
  });

  // The changed countries: every composite and each changed indicator.
  const std::vector<int> order = DisplayOrder(framework);
  auto x = framework.FindNode(framework.quadrant_x);
  auto y = framework.FindNode(framework.quadrant_y);
  for (size_t k = 0; k < changed.size(); ++k) {
    const int c = changed[k];
    CountryOutcome& outcome = result.countries.emplace_back();
    outcome.country = c;
    for (int m : order) {
      const bool touched = std::any_of(result.changes.begin(), result.changes.end(), [&](const ScoreChange& change) {
        return change.country == c && framework.IndicatorMeasure(change.indicator) == m;
      });
      if (!framework.IsNode(m) && !touched) continue;
      MeasureOutcome& row = outcome.measures.emplace_back();
      row.measure = m;
      row.before = base.value(c, m);
      row.after = result.values_after[k][static_cast<size_t>(m)];
      for (size_t s = 0; s < kScopes.size(); ++s) {
        row.ranks_before[s] = base.rank(c, m, s);
        row.ranks_after[s] = result.ranks_after[base.Index(c, m, s)];
      }
    }
    if (x && y) {
      outcome.quadrant_before = ClassifyUnits(framework, base.value(c, *x), base.value(c, *y));
      outcome.quadrant_after =
          ClassifyUnits(framework, result.values_after[k][static_cast<size_t>(*x)], result.values_after[k][static_cast<size_t>(*y)]);
    }
  }

  // Group averages of the composites, for every group a changed country belongs to.
  for (int m : order) {
    if (!framework.IsNode(m)) continue;
    for (size_t s = 0; s < kScopes.size(); ++s) {
      std::vector<int> groups;
      for (int c : changed) {
        if (std::find(groups.begin(), groups.end(), base.group(c, s)) == groups.end()) groups.push_back(base.group(c, s));
      }
      for (int g : groups) {
        AverageOutcome average{m, s, "", 0, 0, 0};
        int64_t before = 0;
        int64_t after = 0;
        for (int o = 0; o < n; ++o) {
          if (base.group(o, s) != g || !base.value(o, m)) continue;
          if (average.group.empty()) average.group = ScopeGroup(base.dataset().countries[static_cast<size_t>(o)], kScopes[s]);
          ++average.members;
          before += *base.value(o, m);
          const auto self = std::find(changed.begin(), changed.end(), o);
          after += self == changed.end() ? *base.value(o, m)
                                         : *result.values_after[static_cast<size_t>(self - changed.begin())][static_cast<size_t>(m)];
        }
        if (average.members == 0) continue;
        auto mean = [&](int64_t units) {
          return (Rational::FromUnits(units, framework.decimals) / Rational(average.members)).RoundHalfUp(framework.decimals);
        };
        average.before = mean(before);
        average.after = mean(after);
        result.averages.push_back(std::move(average));
      }
    }
  }
  return result;
}

}  // namespace ocindex::core
