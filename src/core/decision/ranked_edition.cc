#include "core/decision/ranked_edition.h"

#include <map>

namespace ocindex::core {

RankedEdition::RankedEdition(const Edition& edition, const Scorecard& card) : edition_(&edition), card_(&card) {
  const int n = edition.dataset.country_count();
  groups_.resize(static_cast<size_t>(n) * 3);
  for (size_t s = 0; s < kScopes.size(); ++s) {
    std::map<std::string, int> numbers;
    for (int c = 0; c < n; ++c) {
      const std::string& group = ScopeGroup(edition.dataset.countries[static_cast<size_t>(c)], kScopes[s]);
      groups_[static_cast<size_t>(c) * 3 + s] = numbers.emplace(group, static_cast<int>(numbers.size())).first->second;
    }
  }
  const int measures = edition.framework.measure_count();
  ranks_.resize(static_cast<size_t>(measures) * 3 * static_cast<size_t>(n));
  equals_.resize(ranks_.size());
  for (int m = 0; m < measures; ++m) {
    for (size_t s = 0; s < kScopes.size(); ++s) {
      const std::vector<Rank> ranks = RankCountries(edition.dataset, card, m, kScopes[s]);
      std::map<std::pair<int, int64_t>, int> same;  // (group, value) -> countries
      for (int c = 0; c < n; ++c) {
        if (auto v = card.rounded(c, m)) ++same[{group(c, s), *v}];
      }
      for (int c = 0; c < n; ++c) {
        ranks_[Index(c, m, s)] = ranks[static_cast<size_t>(c)];
        if (auto v = card.rounded(c, m)) equals_[Index(c, m, s)] = same[{group(c, s), *v}] - 1;
      }
    }
  }
}

}  // namespace ocindex::core
