#include "core/scoring/ranking.h"

#include <algorithm>
#include <map>
#include <numeric>

#include "core/scoring/quadrant.h"

namespace ocindex::core {
namespace {
const std::string kWorld = "World";
}

const char* ScopeName(Scope scope) {
  switch (scope) {
    case Scope::kWorld: return "world";
    case Scope::kContinent: return "continent";
    case Scope::kRegion: return "region";
  }
  return "world";
}

std::optional<Scope> ParseScope(std::string_view name) {
  for (Scope scope : {Scope::kWorld, Scope::kContinent, Scope::kRegion}) {
    if (name == ScopeName(scope)) return scope;
  }
  return std::nullopt;
}

const std::string& ScopeGroup(const CountryEntry& country, Scope scope) {
  switch (scope) {
    case Scope::kContinent: return country.continent;
    case Scope::kRegion: return country.region;
    case Scope::kWorld: break;
  }
  return kWorld;
}

std::vector<Rank> RankCountries(const Dataset& dataset, const Scorecard& scorecard, int measure, Scope scope) {
  const int n = dataset.country_count();
  std::vector<Rank> ranks(static_cast<size_t>(n));
  std::vector<int> order;
  for (int c = 0; c < n; ++c) {
    if (scorecard.rounded(c, measure)) order.push_back(c);
  }
  // Sort by group, then value descending; each group is then a contiguous run.
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const std::string& ga = ScopeGroup(dataset.countries[static_cast<size_t>(a)], scope);
    const std::string& gb = ScopeGroup(dataset.countries[static_cast<size_t>(b)], scope);
    if (ga != gb) return ga < gb;
    return *scorecard.rounded(a, measure) > *scorecard.rounded(b, measure);
  });
  // Walk each group's run; within it, each run of equal values shares its first position.
  for (size_t begin = 0; begin < order.size();) {
    auto group_of = [&](size_t k) -> const std::string& {
      return ScopeGroup(dataset.countries[static_cast<size_t>(order[k])], scope);
    };
    size_t end = begin;
    while (end < order.size() && group_of(end) == group_of(begin)) ++end;
    for (size_t tie = begin; tie < end;) {
      const int64_t value = *scorecard.rounded(order[tie], measure);
      size_t tie_end = tie;
      while (tie_end < end && *scorecard.rounded(order[tie_end], measure) == value) ++tie_end;
      for (size_t k = tie; k < tie_end; ++k) {
        ranks[static_cast<size_t>(order[k])] = {static_cast<int>(tie - begin) + 1, static_cast<int>(end - begin),
                                                tie_end - tie > 1};
      }
      tie = tie_end;
    }
    begin = end;
  }
  return ranks;
}

std::vector<GroupMean> GroupMeans(const Dataset& dataset, const Scorecard& scorecard, int measure, Scope scope) {
  std::vector<GroupMean> means;
  std::map<std::string, size_t> index;
  for (int c = 0; c < dataset.country_count(); ++c) {
    std::optional<int64_t> value = scorecard.rounded(c, measure);
    if (!value) continue;
    const std::string& group = ScopeGroup(dataset.countries[static_cast<size_t>(c)], scope);
    auto [it, inserted] = index.emplace(group, means.size());
    if (inserted) means.push_back(GroupMean{group, 0, 0, 0});
    GroupMean& mean = means[it->second];
    mean.members += 1;
    mean.mean += Rational::FromUnits(*value, scorecard.decimals());
  }
  for (GroupMean& mean : means) {
    mean.mean = mean.mean / Rational(mean.members);
    mean.rounded = mean.mean.RoundHalfUp(scorecard.decimals());
  }
  return means;
}

const char* QuadrantName(Quadrant quadrant) {
  switch (quadrant) {
    case Quadrant::kHighCriminalityLowResilience: return "high criminality, low resilience";
    case Quadrant::kHighCriminalityHighResilience: return "high criminality, high resilience";
    case Quadrant::kLowCriminalityLowResilience: return "low criminality, low resilience";
    case Quadrant::kLowCriminalityHighResilience: return "low criminality, high resilience";
  }
  return "";
}

std::optional<Quadrant> Classify(const Framework& framework, const Scorecard& scorecard, int country) {
  auto x = framework.FindNode(framework.quadrant_x);
  auto y = framework.FindNode(framework.quadrant_y);
  if (!x || !y) return std::nullopt;
  return ClassifyUnits(framework, scorecard.rounded(country, *x), scorecard.rounded(country, *y));
}

int64_t QuadrantHighFrom(const Framework& framework) {
  // The published figure against the exact threshold: a threshold finer than the
  // published decimals must not be rounded into a different cut.
  int64_t units = framework.quadrant_threshold.RoundHalfUp(framework.decimals);
  while (Rational::FromUnits(units - 1, framework.decimals) >= framework.quadrant_threshold) --units;
  while (Rational::FromUnits(units, framework.decimals) < framework.quadrant_threshold) ++units;
  return units;
}

std::optional<Quadrant> ClassifyUnits(const Framework& framework, std::optional<int64_t> resilience,
                                      std::optional<int64_t> criminality) {
  if (framework.quadrant_x.empty() || framework.quadrant_y.empty() || !resilience || !criminality) return std::nullopt;
  const int64_t high_from = QuadrantHighFrom(framework);
  const bool high_criminality = *criminality >= high_from;
  const bool high_resilience = *resilience >= high_from;
  if (high_criminality) {
    return high_resilience ? Quadrant::kHighCriminalityHighResilience : Quadrant::kHighCriminalityLowResilience;
  }
  return high_resilience ? Quadrant::kLowCriminalityHighResilience : Quadrant::kLowCriminalityLowResilience;
}

}  // namespace ocindex::core
