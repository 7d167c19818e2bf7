// Ranks and group means in the publisher's three scopes.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/dataset.h"
#include "core/model/rational.h"
#include "core/scoring/scorecard.h"

namespace ocindex::core {

enum class Scope { kWorld, kContinent, kRegion };
inline constexpr std::array<Scope, 3> kScopes = {Scope::kWorld, Scope::kContinent, Scope::kRegion};

const char* ScopeName(Scope scope);
std::optional<Scope> ParseScope(std::string_view name);
// The group a country belongs to in a scope ("World", its continent or its region).
const std::string& ScopeGroup(const CountryEntry& country, Scope scope);

struct Rank {
  int position = 0;  // 1 = highest value; 0 = unranked (no value)
  int of = 0;        // countries with a value in the same group
  bool tied = false;  // another country shares the position
};

// Ranks every country on the rounded (published) value of `measure` within its group:
// highest first, equal values share the best position (1, 2, 2, 4).
std::vector<Rank> RankCountries(const Dataset& dataset, const Scorecard& scorecard, int measure, Scope scope);

// The countries' groups in a scope as numbers (0, 1, ... in first-seen order), so that
// ranks and means of many measures compare integers instead of names.
struct ScopeGroups {
  std::vector<int> of_country;
  std::vector<std::string> names;  // by number
};
ScopeGroups NumberGroups(const Dataset& dataset, Scope scope);

// One measure's rounded values by country (nullopt: not assessed).
std::vector<std::optional<int64_t>> RoundedValues(const Scorecard& scorecard, int measure);

// RankCountries on numbered groups: O(n log n) in integers. `equals`, when given,
// receives how many other countries of the group share each country's value.
std::vector<Rank> RankWithinGroups(const std::vector<int>& groups, const std::vector<std::optional<int64_t>>& values,
                                   std::vector<int>* equals = nullptr);

struct GroupMean {
  std::string group;      // "World", a continent or a region
  int members = 0;        // countries with a value
  Rational mean;          // unweighted mean of the members' published (rounded) values
  int64_t rounded = 0;    // mean rounded half-up to the framework's decimals
};

// Unweighted means of each group's members for one measure, groups in first-seen order.
std::vector<GroupMean> GroupMeans(const Dataset& dataset, const Scorecard& scorecard, int measure, Scope scope);

// GroupMeans by group number (a group with no value has no members and mean 0).
std::vector<GroupMean> MeansWithinGroups(const ScopeGroups& groups, const std::vector<std::optional<int64_t>>& values,
                                         int decimals);

enum class Quadrant { kHighCriminalityLowResilience, kHighCriminalityHighResilience,
                      kLowCriminalityLowResilience, kLowCriminalityHighResilience };

const char* QuadrantName(Quadrant quadrant);

// A country's quadrant from its published values on the framework's axes; a value
// equal to the threshold counts as high. nullopt if the framework has no quadrant
// axes or a value is missing.
std::optional<Quadrant> Classify(const Framework& framework, const Scorecard& scorecard, int country);

}  // namespace ocindex::core
