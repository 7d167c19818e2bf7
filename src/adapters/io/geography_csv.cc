#include "adapters/io/geography_csv.h"

#include "adapters/io/csv_reader.h"

namespace ocindex::adapters::io {

Result<core::Geography> ParseGeographyCsv(std::string_view text, const std::string& source) {
  auto table = ParseCsv(text, source);
  if (!table) return table.error();
  const auto& rows = table->rows;
  if (rows.empty() || rows[0].cells.size() < 3 || rows[0].cells[0] != "iso3" || rows[0].cells[1] != "name" ||
      rows[0].cells[2] != "aliases") {
    return MakeError(ErrorCode::kInvalidInput, "expected the header iso3,name,aliases", table->Where(1));
  }
  std::vector<core::Country> countries;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& cells = rows[r].cells;
    if (cells.size() < 2) return MakeError(ErrorCode::kInvalidInput, "expected iso3,name,aliases", table->Where(rows[r].number));
    core::Country country{cells[0], cells[1], {}};
    if (cells.size() > 2) {
      std::string_view aliases = cells[2];
      while (!aliases.empty()) {
        size_t bar = aliases.find('|');
        std::string_view alias = aliases.substr(0, bar);
        if (!alias.empty()) country.aliases.emplace_back(alias);
        aliases = bar == std::string_view::npos ? std::string_view() : aliases.substr(bar + 1);
      }
    }
    countries.push_back(std::move(country));
  }
  auto geography = core::Geography::Build(std::move(countries));
  if (!geography) {
    Error error = geography.error();
    error.where = source + (error.where.empty() ? "" : ", " + error.where);
    return error;
  }
  return geography;
}

}  // namespace ocindex::adapters::io
