// Output of narrative extraction and of the flow graph: statement tables (table/csv),
// statement JSON with evidence quotes, and the graph as edge/node tables, JSON and
// GeoJSON lines (one Feature per line: edges as great-circle-free straight
// LineStrings between centroids, nodes as Points with their metrics).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/render/grid.h"
#include "core/flows/flow_graph.h"
#include "core/flows/lexicon.h"
#include "core/flows/statement.h"
#include "core/model/geography.h"
#include "core/profile/narrative.h"

namespace ocindex::adapters::render {

// Turns place codes into names for people.
struct PlaceNamer {
  const core::Geography& geography;
  const core::Gazetteer& gazetteer;
  std::string operator()(const std::string& code) const { return core::PlaceName(code, geography, gazetteer); }
};

// "AFG -> KAZ -> RUS" (origins, transit points, destinations; lists joined by ',').
std::string FlowPath(const core::Statement& flow);

// One row per statement (kind filter optional): country, edition, kind, market or
// actor, what it says, confidence, hedged/negated words, notes, evidence.
Grid StatementGrid(const std::vector<core::NarrativeStatements>& narratives,
                   std::optional<core::StatementKind> kind);

// A narrative's statements as JSON: every field, places with names, and each
// evidence with its section, sentence, offsets and the quoted sentence (from
// `narrative`, which the offsets point into).
nlohmann::ordered_json StatementJson(const core::NarrativeStatements& statements, const core::Narrative& narrative,
                                     const PlaceNamer& names, std::optional<core::StatementKind> kind);

// Edges: market, from, to, names, statements, confidence, hedged, countries, evidence count.
Grid EdgeGrid(const core::FlowGraph& graph, const PlaceNamer& names);
// Nodes: market ("*" = all), code, name, in/out degree, betweenness.
Grid NodeGrid(const core::FlowGraph& graph, const PlaceNamer& names);
// {"edges": [...], "nodes": [...]} with evidence references.
nlohmann::ordered_json GraphJson(const core::FlowGraph& graph, const PlaceNamer& names);
// GeoJSON lines (RFC 8142 without record separators): one Feature per line. Edges
// whose ends have no known point are left out and counted in `skipped`.
std::string GraphGeoJsonLines(const core::FlowGraph& graph, const PlaceNamer& names, int* skipped);

}  // namespace ocindex::adapters::render
