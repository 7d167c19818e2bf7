#include "adapters/io/gazetteer_csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>

#include "adapters/io/csv_reader.h"

namespace ocindex::adapters::io {
namespace {

std::vector<std::string> SplitBars(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const size_t bar = text.find('|');
    if (bar != 0) out.emplace_back(text.substr(0, bar));
    text = bar == std::string_view::npos ? std::string_view() : text.substr(bar + 1);
  }
  return out;
}

// Parses the CSV, checks its header, and calls `row` with each data row padded to
// the header's width.
Status ForEachRow(std::string_view text, const std::string& source, const std::vector<std::string>& header,
                  const std::function<Status(const Table&, const TableRow&)>& row) {
  auto table = ParseCsv(text, source);
  if (!table) return table.error();
  if (table->rows.empty() || table->rows[0].cells.size() < header.size() ||
      !std::equal(header.begin(), header.end(), table->rows[0].cells.begin())) {
    std::string expected;
    for (const std::string& name : header) expected += (expected.empty() ? "" : ",") + name;
    return MakeError(ErrorCode::kInvalidInput, "expected the header " + expected, table->Where(1));
  }
  for (size_t r = 1; r < table->rows.size(); ++r) {
    TableRow padded = table->rows[r];
    padded.cells.resize(std::max(padded.cells.size(), header.size()));
    if (padded.cells[0].empty()) {
      return MakeError(ErrorCode::kInvalidInput, "the first column is empty", table->Where(padded.number, 0));
    }
    OCINDEX_RETURN_IF_ERROR(row(*table, padded));
  }
  return {};
}

Result<double> Degrees(const Table& table, const TableRow& row, int column, double limit) {
  const std::string& cell = row.cells[static_cast<size_t>(column)];
  double value = 0;
  auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  if (error != std::errc() || end != cell.data() + cell.size() || std::fabs(value) > limit) {
    return MakeError(ErrorCode::kInvalidInput, fmt::format("expected degrees within ±{}, got '{}'", limit, cell),
                     table.Where(row.number, column));
  }
  return value;
}

}  // namespace

Status ParseDemonymsCsv(std::string_view text, const std::string& source, core::Gazetteer& gazetteer) {
  return ForEachRow(text, source, {"iso3", "forms"}, [&](const Table&, const TableRow& row) -> Status {
    gazetteer.demonyms[row.cells[0]] = SplitBars(row.cells[1]);
    return {};
  });
}

Status ParseCitiesCsv(std::string_view text, const std::string& source, core::Gazetteer& gazetteer) {
  return ForEachRow(text, source, {"iso3", "cities"}, [&](const Table&, const TableRow& row) -> Status {
    gazetteer.cities[row.cells[0]] = SplitBars(row.cells[1]);
    return {};
  });
}

Status ParseRegionsCsv(std::string_view text, const std::string& source, core::Gazetteer& gazetteer) {
  return ForEachRow(text, source, {"code", "name", "aliases", "adjectives", "lat", "lon"},
                    [&](const Table& table, const TableRow& row) -> Status {
                      core::Region region;
                      region.code = row.cells[0];
                      region.name = row.cells[1];
                      region.aliases = SplitBars(row.cells[2]);
                      region.adjectives = SplitBars(row.cells[3]);
                      OCINDEX_ASSIGN_OR_RETURN(region.lat, Degrees(table, row, 4, 90));
                      OCINDEX_ASSIGN_OR_RETURN(region.lon, Degrees(table, row, 5, 180));
                      gazetteer.regions.push_back(std::move(region));
                      return {};
                    });
}

Status ParseSubregionsCsv(std::string_view text, const std::string& source, core::Gazetteer& gazetteer) {
  return ForEachRow(text, source, {"iso3", "m49"}, [&](const Table& table, const TableRow& row) -> Status {
    const std::string code = "M49-" + row.cells[1];
    if (gazetteer.FindRegion(code) == nullptr) {
      return MakeError(ErrorCode::kInvalidInput, fmt::format("'{}' is not a region of regions.csv", code),
                       table.Where(row.number, 1));
    }
    gazetteer.subregion[row.cells[0]] = code;
    return {};
  });
}

Status ParseCentroidsCsv(std::string_view text, const std::string& source, core::Gazetteer& gazetteer) {
  return ForEachRow(text, source, {"iso3", "lat", "lon"}, [&](const Table& table, const TableRow& row) -> Status {
    core::GeoPoint point;
    OCINDEX_ASSIGN_OR_RETURN(point.lat, Degrees(table, row, 1, 90));
    OCINDEX_ASSIGN_OR_RETURN(point.lon, Degrees(table, row, 2, 180));
    gazetteer.centroids[row.cells[0]] = point;
    return {};
  });
}

}  // namespace ocindex::adapters::io
