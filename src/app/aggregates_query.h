// Unweighted means of the members' published figures per region, continent or the world.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/engine.h"
#include "app/place_filter.h"
#include "core/error.h"
#include "core/scoring/ranking.h"

namespace ocindex::app {

struct AggregatesQuery {
  std::string edition;                // id, "latest" or "" (the newest)
  std::vector<std::string> measures;  // ids or names; empty: every measure in display order
  std::string scope = "region";       // world, continent or region

  Status Validate() const;
};

struct GroupFigure {
  std::optional<int64_t> mean;  // rounded units; nullopt when no member has a value
  int members = 0;              // members with a value
};

struct AggregateRow {
  std::string group;
  int countries = 0;                // countries of the group in the edition
  std::vector<GroupFigure> values;  // by AggregatesTable::measures
};

struct AggregatesTable {
  const LoadedEdition* edition = nullptr;
  core::Scope scope = core::Scope::kRegion;
  std::vector<int> measures;
  std::vector<std::string> measure_ids;
  int decimals = 2;
  std::vector<AggregateRow> rows;  // groups in alphabetical order
};

Result<AggregatesTable> Aggregates(const Engine& engine, const AggregatesQuery& query);

}  // namespace ocindex::app
