#include "core/scoring/ranked_edition.h"

namespace ocindex::core {

RankedEdition::RankedEdition(const Edition& edition, const Scorecard& card) : edition_(&edition), card_(&card) {
  const int n = edition.dataset.country_count();
  const int measures = edition.framework.measure_count();
  groups_.resize(static_cast<size_t>(n) * 3);
  ranks_.resize(static_cast<size_t>(measures) * 3 * static_cast<size_t>(n));
  equals_.resize(ranks_.size());
  std::array<ScopeGroups, 3> groups;
  for (size_t s = 0; s < kScopes.size(); ++s) {
    groups[s] = NumberGroups(edition.dataset, kScopes[s]);
    group_counts_[s] = groups[s].names.size();
    for (int c = 0; c < n; ++c) groups_[static_cast<size_t>(c) * 3 + s] = groups[s].of_country[static_cast<size_t>(c)];
  }
  for (int m = 0; m < measures; ++m) {
    const std::vector<std::optional<int64_t>> values = RoundedValues(card, m);
    for (size_t s = 0; s < kScopes.size(); ++s) {
      std::vector<int> equals;
      const std::vector<Rank> ranks = RankWithinGroups(groups[s].of_country, values, &equals);
      for (int c = 0; c < n; ++c) {
        ranks_[Index(c, m, s)] = ranks[static_cast<size_t>(c)];
        equals_[Index(c, m, s)] = equals[static_cast<size_t>(c)];
      }
      for (const GroupMean& mean : MeansWithinGroups(groups[s], values, card.decimals())) {
        averages_[s].push_back(mean.members > 0 ? std::optional<int64_t>(mean.rounded) : std::nullopt);
      }
    }
  }
}

}  // namespace ocindex::core
