// Several countries side by side on every measure of one edition.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/engine.h"
#include "core/error.h"
#include "core/scoring/ranking.h"

namespace ocindex::app {

inline constexpr size_t kMinCompared = 2;
inline constexpr size_t kMaxCompared = 5;

struct CompareQuery {
  std::string edition;                 // id, "latest" or "" (the newest)
  std::vector<std::string> countries;  // ISO3 codes, names or aliases

  Status Validate() const;
};

struct ComparedFigure {
  std::optional<int64_t> value;  // rounded units
  core::Rank world_rank;
};

struct CompareRow {
  int measure = 0;
  std::vector<ComparedFigure> figures;  // by CompareTable::countries
};

struct CompareTable {
  const LoadedEdition* edition = nullptr;
  std::vector<const core::CountryEntry*> countries;  // in the order asked
  std::vector<std::string> names;                    // their common English names
  int decimals = 2;
  std::vector<CompareRow> rows;  // every measure in framework display order
};

Result<CompareTable> Compare(const Engine& engine, const CompareQuery& query);

}  // namespace ocindex::app
