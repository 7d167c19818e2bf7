// Every country's published figures on chosen measures.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/engine.h"
#include "app/place_filter.h"
#include "core/error.h"

namespace ocindex::app {

struct ScoresQuery {
  std::string edition;  // id, "latest" or "" (the newest)
  // Measure ids or names. Empty: the headline figures (pillars and components);
  // {"all"}: every measure in framework display order.
  std::vector<std::string> measures;
  PlaceFilter filter;
};

struct ScoreRow {
  const core::CountryEntry* country = nullptr;
  std::string name;                            // common English name
  std::vector<std::optional<int64_t>> values;  // rounded units, by ScoresTable::measures
};

struct ScoresTable {
  const LoadedEdition* edition = nullptr;
  std::vector<int> measures;
  std::vector<std::string> measure_ids;
  int decimals = 2;
  std::vector<ScoreRow> rows;  // in the edition's country order
};

Result<ScoresTable> Scores(const Engine& engine, const ScoresQuery& query);

}  // namespace ocindex::app
