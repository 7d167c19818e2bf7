// One edition with every measure's published values, three-scope ranks and group
// averages worked out once (O(measures x n log n)), so a country's profile reads them
// in O(measures), and a what-if or a target search touches only what moves: a changed
// country's rank is found against the others' values, and another country's rank
// changes only by the changed countries that crossed it (O(changed x n)).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/dataset.h"
#include "core/scoring/ranking.h"
#include "core/scoring/scorecard.h"

namespace ocindex::core {

class RankedEdition {
 public:
  // `edition` and `card` (its Scorecard) must outlive this object. Immutable after
  // construction, so safe to share between threads.
  RankedEdition(const Edition& edition, const Scorecard& card);

  const Edition& edition() const { return *edition_; }
  const Framework& framework() const { return edition_->framework; }
  const Dataset& dataset() const { return edition_->dataset; }
  const Scorecard& card() const { return *card_; }
  int country_count() const { return edition_->dataset.country_count(); }

  // Rank by kScopes index (0 world, 1 continent, 2 region).
  const Rank& rank(int country, int measure, size_t scope) const { return ranks_[Index(country, measure, scope)]; }
  // Other countries of the same group with the same published value.
  int equals(int country, int measure, size_t scope) const { return equals_[Index(country, measure, scope)]; }
  // The country's group in a scope as a small integer (same group, same number).
  int group(int country, size_t scope) const { return groups_[static_cast<size_t>(country) * 3 + scope]; }
  std::optional<int64_t> value(int country, int measure) const { return card_->rounded(country, measure); }
  // The rounded mean of the country's group (its scope's "World", continent or region)
  // on the measure; nullopt when no member has a value.
  std::optional<int64_t> average(int country, int measure, size_t scope) const {
    return averages_[scope][static_cast<size_t>(measure) * group_counts_[scope] +
                            static_cast<size_t>(group(country, scope))];
  }

  // Ranks laid out [(measure * 3 + scope) * countries + country], for copying.
  const std::vector<Rank>& ranks() const { return ranks_; }
  size_t Index(int country, int measure, size_t scope) const {
    return (static_cast<size_t>(measure) * 3 + scope) * static_cast<size_t>(country_count()) +
           static_cast<size_t>(country);
  }

 private:
  const Edition* edition_;
  const Scorecard* card_;
  std::vector<int> groups_;
  std::vector<Rank> ranks_;
  std::vector<int> equals_;
  std::array<size_t, 3> group_counts_{};  // groups in each scope
  // By scope, laid out [measure * groups + group].
  std::array<std::vector<std::optional<int64_t>>, 3> averages_;
};

}  // namespace ocindex::core
