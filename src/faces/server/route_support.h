// Request parsing shared by the route families: lists, place filters, and the
// {edition} path parameter.
#pragma once

#include <string>
#include <vector>

#include "adapters/http/router.h"
#include "app/engine.h"
#include "app/paging.h"
#include "app/place_filter.h"
#include "app/ranks_query.h"
#include "faces/server/api_json.h"
#include "faces/server/route_table.h"

namespace ocindex::server {

// ?continent= and ?region=.
app::PlaceFilter PlaceFilterOf(const Request& request);

// The {iso3} path parameter: a country's ISO3 code or, in an index imported with
// --units, any unit's code; or a name or alias.
extern const ParamDoc kUnitParam;

// ?limit= and ?offset= of the routes that answer a row list, read before the query
// runs (app::Page::Parse); nullopt when neither is given: the whole list, as before paging.
extern const ParamDoc kLimitParam;
extern const ParamDoc kOffsetParam;
Result<std::optional<app::Page>> PageOf(const Request& request);
// The rows [first, second) of `total` that `page` answers: all of them without one.
std::pair<size_t, size_t> RowsOf(const std::optional<app::Page>& page, size_t total);
// Keeps `page`'s rows of an app table (all without one); answers how many it had.
template <typename Row>
size_t KeepPage(const std::optional<app::Page>& page, std::vector<Row>& rows) {
  return page ? page->Keep(rows) : rows.size();
}
// Adds "total" (rows after the filters), "offset" and "limit" to a paged list's body;
// nothing without a page, so an unpaged body is the one clients had before paging.
void AddPaging(Json& body, const std::optional<app::Page>& page, size_t total);

// The error of a query that names countries, with "did you mean" names for the first
// name that is not a country.
Response CountryErrorResponse(const app::Engine& engine, const Error& error, const std::vector<std::string>& names);

// A query parameter, or `fallback` when absent.
std::string ParamOr(const Request& request, const std::string& name, const std::string& fallback);

// The ranks as CSV columns: iso3, name, continent, region, value, world_rank,
// continent_rank, region_rank (the ranks route's CSV and the measure download's table).
adapters::render::Grid RanksGrid(const app::RanksTable& table);

// Wraps a handler that needs the {edition} path parameter resolved.
template <typename F>
adapters::http::RouteHandler WithEdition(const app::Engine& engine, F f) {
  return [&engine, f](const Request& request, const adapters::http::PathParams& params) {
    auto edition = engine.Edition(params.at("edition"));
    if (!edition) return ErrorResponse(edition.error());
    return f(**edition, request, params);
  };
}

}  // namespace ocindex::server
