// Encoding helpers shared by the API routes: figures as JSON numbers, ranks, the
// JSON and CSV responses, and core errors as HTTP errors.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "adapters/http/message.h"
#include "adapters/render/grid.h"
#include "core/error.h"
#include "core/model/dataset.h"
#include "core/model/geography.h"
#include "core/scoring/ranking.h"

namespace ocindex::server {

using Json = nlohmann::ordered_json;
using adapters::http::Request;
using adapters::http::Response;

// A published figure (rounded units, e.g. 426 at 2 decimals) as the number 4.26; null when absent.
Json Figure(std::optional<int64_t> units, int decimals);
// The same figure as CSV text ("4.26", "4.50"); nullopt (an empty field) when absent.
std::optional<std::string> CsvFigure(std::optional<int64_t> units, int decimals);
// {"position":133,"of":193,"tied":false}; null when unranked.
Json RankJson(const core::Rank& rank);
// {"iso3","name","continent","region"} with the common English name.
Json CountryJson(const core::Geography& geography, const core::CountryEntry& country);

// Whether the client asked for CSV (?format=csv or Accept: text/csv).
bool WantsCsv(const Request& request);
Response JsonResponse(const Json& body);
Response CsvResponse(const adapters::render::Grid& grid);
// A core error as 404 (not found) or 400 (anything the caller got wrong).
Response ErrorResponse(const Error& error);

// Comma-separated list parameter ("KAZ,UZB" -> {"KAZ","UZB"}); empty items dropped.
std::vector<std::string> SplitList(const std::string& text);

}  // namespace ocindex::server
