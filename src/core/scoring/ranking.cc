#include "core/scoring/ranking.h"

#include <algorithm>
#include <map>

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
  return RankWithinGroups(NumberGroups(dataset, scope).of_country, RoundedValues(scorecard, measure));
}

ScopeGroups NumberGroups(const Dataset& dataset, Scope scope) {
  ScopeGroups groups;
  groups.of_country.reserve(dataset.countries.size());
  std::map<std::string_view, int> numbers;
  for (const CountryEntry& country : dataset.countries) {
    const std::string& name = ScopeGroup(country, scope);
    auto [it, inserted] = numbers.emplace(name, static_cast<int>(groups.names.size()));
    if (inserted) groups.names.push_back(name);
    groups.of_country.push_back(it->second);
  }
  return groups;
}

std::vector<std::optional<int64_t>> RoundedValues(const Scorecard& scorecard, int measure) {
  std::vector<std::optional<int64_t>> values(static_cast<size_t>(scorecard.country_count()));
  for (size_t c = 0; c < values.size(); ++c) values[c] = scorecard.rounded(static_cast<int>(c), measure);
  return values;
}

std::vector<Rank> RankWithinGroups(const std::vector<int>& groups, const std::vector<std::optional<int64_t>>& values,
                                   std::vector<int>* equals) {
  std::vector<Rank> ranks(values.size());
  if (equals != nullptr) equals->assign(values.size(), 0);
  struct Entry {
    int group;
    int64_t value;
    int country;
  };
  std::vector<Entry> order;
  order.reserve(values.size());
  for (size_t c = 0; c < values.size(); ++c) {
    if (values[c]) order.push_back({groups[c], *values[c], static_cast<int>(c)});
  }
  // By group, then value descending: each group is a contiguous run, each tie a run in it.
  std::sort(order.begin(), order.end(), [](const Entry& a, const Entry& b) {
    if (a.group != b.group) return a.group < b.group;
    if (a.value != b.value) return a.value > b.value;
    return a.country < b.country;
  });
  for (size_t begin = 0; begin < order.size();) {
    size_t end = begin;
    while (end < order.size() && order[end].group == order[begin].group) ++end;
    for (size_t tie = begin; tie < end;) {
      size_t tie_end = tie;
      while (tie_end < end && order[tie_end].value == order[tie].value) ++tie_end;
      for (size_t k = tie; k < tie_end; ++k) {
        const auto c = static_cast<size_t>(order[k].country);
        ranks[c] = {static_cast<int>(tie - begin) + 1, static_cast<int>(end - begin), tie_end - tie > 1};
        if (equals != nullptr) (*equals)[c] = static_cast<int>(tie_end - tie) - 1;
      }
      tie = tie_end;
    }
    begin = end;
  }
  return ranks;
}

std::vector<GroupMean> GroupMeans(const Dataset& dataset, const Scorecard& scorecard, int measure, Scope scope) {
  const ScopeGroups groups = NumberGroups(dataset, scope);
  const std::vector<std::optional<int64_t>> values = RoundedValues(scorecard, measure);
  std::vector<GroupMean> by_number = MeansWithinGroups(groups, values, scorecard.decimals());
  // First-seen order among the countries with a value.
  std::vector<GroupMean> means;
  std::vector<bool> listed(by_number.size(), false);
  for (size_t c = 0; c < values.size(); ++c) {
    const auto g = static_cast<size_t>(groups.of_country[c]);
    if (!values[c] || listed[g]) continue;
    listed[g] = true;
    means.push_back(std::move(by_number[g]));
  }
  return means;
}

std::vector<GroupMean> MeansWithinGroups(const ScopeGroups& groups, const std::vector<std::optional<int64_t>>& values,
                                         int decimals) {
  std::vector<GroupMean> means(groups.names.size());
  std::vector<int64_t> sums(groups.names.size(), 0);  // in units: exact, and no gcd per member
  for (size_t c = 0; c < values.size(); ++c) {
    if (!values[c]) continue;
    const auto g = static_cast<size_t>(groups.of_country[c]);
    means[g].members += 1;
    sums[g] += *values[c];
  }
  for (size_t g = 0; g < means.size(); ++g) {
    means[g].group = groups.names[g];
    if (means[g].members == 0) continue;
    means[g].mean = Rational::FromUnits(sums[g], decimals) / Rational(means[g].members);
    means[g].rounded = means[g].mean.RoundHalfUp(decimals);
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
