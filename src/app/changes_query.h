// What moved on one measure between two editions, as published (raw) and recomputed on
// the indicators both editions assessed (like-for-like), via core::CompareEditions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/engine.h"
#include "app/place_filter.h"
#include "core/error.h"
#include "core/scoring/comparison.h"

namespace ocindex::app {

struct ChangesQuery {
  std::string to;    // the later edition: id, "latest" or "" (the newest)
  std::string from;  // the earlier edition; "": the later one's previous edition
  std::string measure = "criminality";  // id present in both editions
  std::string scope = "world";          // ranks within world, continent or region
  std::string basis = "raw";            // raw or like-for-like: which change orders the rows

  Status Validate() const;
};

struct ChangeRow {
  const core::CountryEntry* country = nullptr;  // in the later edition
  std::string name;                             // common English name
  core::CountryChange change;                   // raw and like-for-like
  // On the query's basis.
  core::ValueAndRank before, after;
  std::optional<int64_t> delta;  // after - before, rounded units
};

struct ChangesTable {
  const LoadedEdition* before = nullptr;
  const LoadedEdition* after = nullptr;
  bool raw = true;
  core::EditionComparison comparison;
  std::string added;    // names of the indicators the later edition added, ", "-joined
  std::string dropped;  // names of those it dropped
  // Biggest rise first on the query's basis; countries with no change last; then by name.
  std::vector<ChangeRow> rows;
};

Result<ChangesTable> Changes(const Engine& engine, const ChangesQuery& query);

}  // namespace ocindex::app
