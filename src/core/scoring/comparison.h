// Changes between two editions. The publisher compares editions as printed (raw),
// although later editions added indicators: a country's criminality can move only
// because new markets entered the mean. The like-for-like view recomputes both
// editions on the indicators they share, so a change reflects changed scores.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/model/dataset.h"
#include "core/scoring/ranking.h"

namespace ocindex::core {

struct ValueAndRank {
  std::optional<int64_t> value;  // rounded units (10^-decimals)
  Rank rank;
};

struct CountryChange {
  std::string iso3;
  std::string name;
  ValueAndRank raw_before, raw_after;          // as published in each edition
  ValueAndRank like_before, like_after;        // recomputed on the shared indicators
  // after - before, in rounded units; nullopt when either side has no value.
  std::optional<int64_t> raw_change() const;
  std::optional<int64_t> like_change() const;
};

struct EditionComparison {
  std::string before_edition, after_edition;
  std::string measure_id, measure_name;
  Scope scope = Scope::kWorld;
  int decimals = 2;
  std::vector<std::string> shared_indicators;  // ids assessed in both editions
  std::vector<std::string> only_before;        // dropped by the later edition
  std::vector<std::string> only_after;         // added by the later edition
  std::vector<CountryChange> countries;        // countries present in both, by after-edition order
};

// Compares `measure` (a node or indicator id present in both frameworks) between two
// editions, ranks in `scope`. Countries are matched by ISO3.
Result<EditionComparison> CompareEditions(const Edition& before, const Edition& after,
                                          const std::string& measure, Scope scope);

}  // namespace ocindex::core
