// Encoding helpers shared by the API routes: figures as JSON numbers, ranks, the
// JSON and CSV responses, and core errors as HTTP errors.
#pragma once

#include <array>
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
// {"position":133,"of":193,"tied":false}; null when unranked.
Json RankJson(const core::Rank& rank);
// A node's kind (pillar, component, group) or "indicator".
std::string MeasureKindName(const core::Framework& framework, int measure);
// {"world": RankJson, "continent": ..., "region": ...} by core::kScopes.
Json ScopedRanks(const std::array<core::Rank, 3>& ranks);
// {"label","criminality_high","resilience_high"}; null when not classified.
Json QuadrantJson(std::optional<core::Quadrant> quadrant, const std::string& label);
// {"iso3","name","continent","region"} with the common English name.
Json CountryJson(const core::Geography& geography, const core::CountryEntry& country);
// The same with the name already looked up (app tables carry it).
Json CountryJson(const core::CountryEntry& country, const std::string& name);

// Whether the client asked for CSV (?format=csv or Accept: text/csv).
bool WantsCsv(const Request& request);
Response JsonResponse(const Json& body);
Response CsvResponse(const adapters::render::Grid& grid);
// An error with the status and code app::DispositionOf gives it, and "did you mean" names.
Response ErrorResponse(const Error& error, const std::vector<std::string>& suggestions = {});

// Comma-separated list parameter ("KAZ,UZB" -> {"KAZ","UZB"}); empty items dropped.
std::vector<std::string> SplitList(const std::string& text);

}  // namespace ocindex::server
