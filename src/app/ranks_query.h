// Ranks of every country on one measure, in the world, its continent and its region.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/engine.h"
#include "app/place_filter.h"
#include "core/error.h"
#include "core/model/geography.h"
#include "core/scoring/ranking.h"

namespace ocindex::app {

struct RanksQuery {
  std::string edition;                  // id, "latest" or "" (the newest)
  std::string measure = "criminality";  // id or name
  std::string scope = "world";          // the rows are ordered by their rank in this scope
  PlaceFilter filter;

  Status Validate() const;
};

struct RankRow {
  const core::CountryEntry* country = nullptr;
  std::string name;                 // common English name
  std::optional<int64_t> value;     // rounded units
  std::array<core::Rank, 3> ranks;  // by core::kScopes: world, continent, region
};

struct RanksTable {
  const LoadedEdition* edition = nullptr;
  int measure = 0;
  std::string measure_id;
  int decimals = 2;
  core::Scope scope = core::Scope::kWorld;
  // By the scope's group (continent or region, alphabetical), then rank in it
  // (unranked last), then name.
  std::vector<RankRow> rows;

  const core::Rank& RankInScope(const RankRow& row) const { return row.ranks[static_cast<size_t>(scope)]; }
};

Result<RanksTable> Ranks(const Engine& engine, const RanksQuery& query);

// What a reader narrowed a table to beyond places, as the explorer's rankings do: a
// country search (the core's, Geography::Search: accents folded, aliases known) and a
// range of figures, bounds included. Once a bound is set, rows without a figure leave.
struct RowFilter {
  std::string search;
  std::optional<double> from;
  std::optional<double> to;

  bool empty() const { return search.empty() && !from && !to; }
  // "countries matching "congo", figures from 5 to 8"; empty when the filter keeps every row.
  std::string Describe() const;
};

void KeepRows(const core::Geography& geography, const RowFilter& filter, RanksTable& table);

}  // namespace ocindex::app
