#include "adapters/io/geography_csv.h"

#include <fmt/format.h>

#include "adapters/io/csv_reader.h"

namespace ocindex::adapters::io {
namespace {

struct Rows {
  std::vector<core::Country> units;
  std::vector<std::string> where;
};

// The rows below a header `code_column`,name,aliases, each code checked by `valid`
// (which `expected` describes), each row's place in `where`.
Result<Rows> ParseRows(std::string_view text, const std::string& source, const char* code_column,
                           bool (*valid)(std::string_view), const std::string& expected) {
  auto table = ParseCsv(text, source);
  if (!table) return table.error();
  const auto& rows = table->rows;
  const std::string header = fmt::format("{},name,aliases", code_column);
  if (rows.empty() || rows[0].cells.size() < 3 || rows[0].cells[0] != code_column || rows[0].cells[1] != "name" ||
      rows[0].cells[2] != "aliases") {
    return MakeError(ErrorCode::kInvalidInput, "expected the header " + header,
                     table->Where(rows.empty() ? 1 : rows[0].number));
  }
  Rows list;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& cells = rows[r].cells;
    if (cells.size() < 2 || cells[1].empty()) {
      return MakeError(ErrorCode::kInvalidInput, "missing name: expected " + header,
                       table->Where(rows[r].number, 1));
    }
    if (!valid(cells[0])) {
      return MakeError(ErrorCode::kInvalidInput, fmt::format("'{}' is not {}", cells[0], expected),
                       table->Where(rows[r].number, 0));
    }
    core::Country unit{cells[0], cells[1], {}};
    if (cells.size() > 2) {
      std::string_view aliases = cells[2];
      while (!aliases.empty()) {
        size_t bar = aliases.find('|');
        std::string_view alias = aliases.substr(0, bar);
        if (!alias.empty()) unit.aliases.emplace_back(alias);
        aliases = bar == std::string_view::npos ? std::string_view() : aliases.substr(bar + 1);
      }
    }
    list.units.push_back(std::move(unit));
    list.where.push_back(table->Where(rows[r].number));
  }
  return list;
}

}  // namespace

Result<core::Geography> ParseGeographyCsv(std::string_view text, const std::string& source) {
  auto rows = ParseRows(text, source, "iso3", core::IsIso3Code, "an ISO 3166 alpha-3 code (three capital letters)");
  if (!rows) return rows.error();
  return core::Geography::Build(std::move(rows->units), rows->where);
}

Result<UnitList> ParseUnitsCsv(std::string_view text, const std::string& source) {
  auto rows = ParseRows(text, source, "code", core::IsUnitCode,
                        fmt::format("a unit code: expected 1 to {} of A-Z, 0-9, '_' and '-'", core::kMaxUnitCode));
  if (!rows) return rows.error();
  // The list alone must be consistent (two rows of one code, a name of two units).
  auto units = core::Geography::Build(std::move(rows->units), rows->where);
  if (!units) return units.error();
  return UnitList{std::move(*units), std::move(rows->where)};
}

}  // namespace ocindex::adapters::io
