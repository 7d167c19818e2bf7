// Reads the country list (data/geography/countries.csv: iso3,name,aliases) and a unit
// list (`ocindex import --units`: code,name,aliases), aliases separated by '|'.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/model/geography.h"

namespace ocindex::adapters::io {

// Every code must be an ISO 3166 alpha-3 code.
Result<core::Geography> ParseGeographyCsv(std::string_view text, const std::string& source);

// The units of an index that are not countries (municipalities, cities, companies):
// codes are core::IsUnitCode, and no code, name or alias may name two units.
struct UnitList {
  core::Geography units;           // the list alone
  std::vector<std::string> where;  // "units.csv, line 7" per unit, for core::Geography::With
};
Result<UnitList> ParseUnitsCsv(std::string_view text, const std::string& source);

}  // namespace ocindex::adapters::io
