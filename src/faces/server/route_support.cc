#include "faces/server/route_support.h"

#include "app/labels.h"

namespace ocindex::server {

app::PlaceFilter PlaceFilterOf(const Request& request) {
  return app::PlaceFilter{request.Param("continent"), request.Param("region")};
}

Response CountryErrorResponse(const app::Engine& engine, const Error& error, const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    if (engine.geography().Find(name) == nullptr) return ErrorResponse(error, engine.geography().Suggest(name));
  }
  return ErrorResponse(error);
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
