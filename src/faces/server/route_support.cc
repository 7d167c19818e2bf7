#include "faces/server/route_support.h"

#include <fmt/format.h>

#include "app/labels.h"

namespace ocindex::server {

app::PlaceFilter PlaceFilterOf(const Request& request) {
  return app::PlaceFilter{request.Param("continent"), request.Param("region")};
}

Response CountryErrorResponse(const app::Engine& engine, const Error& error, const std::vector<std::string>& names) {
  const core::Geography& geography = engine.geography();
  for (const std::string& name : names) {
    if (geography.Find(name) != nullptr) continue;
    std::vector<std::string> codes;  // a name units share: their codes are the answers
    for (const core::Country* unit : geography.Named(name)) codes.push_back(unit->iso3);
    return ErrorResponse(error, codes.size() > 1 ? codes : geography.Suggest(name));
  }
  return ErrorResponse(error);
}

const ParamDoc kUnitParam{"iso3", "path", true,
                           "The country's ISO3 code or, in an index of other units, the unit's code "
                           "(case-insensitive); or a name or alias",
                           "KAZ"};
const ParamDoc kLimitParam{
    "limit", "query", false,
    fmt::format("Page: at most this many rows, 1 to {} (default: every row, or {} when offset is given)",
                app::Page::kMaxLimit, app::Page::kMaxLimit),
    "50"};
const ParamDoc kOffsetParam{"offset", "query", false,
                            "Page: skip this many rows, after the filters (default 0); past the end the page is empty",
                            "0"};

Result<std::optional<app::Page>> PageOf(const Request& request) {
  return app::Page::Parse(request.Param("limit"), request.Param("offset"));
}

std::pair<size_t, size_t> RowsOf(const std::optional<app::Page>& page, size_t total) {
  return page ? page->Bounds(total) : std::pair<size_t, size_t>{0, total};
}

void AddPaging(Json& body, const std::optional<app::Page>& page, size_t total) {
  if (!page) return;
  body["total"] = total;
  body["offset"] = page->offset;
  body["limit"] = page->limit;
}

std::string ParamOr(const Request& request, const std::string& name, const std::string& fallback) {
  return request.HasParam(name) ? request.Param(name) : fallback;
}

adapters::render::Grid RanksGrid(const app::RanksTable& table) {
  adapters::render::Grid grid;
  for (const char* name : {"iso3", "name", "continent", "region"}) grid.AddColumn(name);
  for (const char* name : {"value", "world_rank", "continent_rank", "region_rank"}) grid.AddColumn(name, true);
  for (const app::RankRow& row : table.rows) {
    auto& cells = grid.AddRow();
    cells = {row.country->iso3, row.name, row.country->continent, row.country->region,
             app::Units(row.value, table.decimals)};
    for (const core::Rank& rank : row.ranks) cells.push_back(app::Text(app::Position(rank)));
  }
  return grid;
}

}  // namespace ocindex::server
