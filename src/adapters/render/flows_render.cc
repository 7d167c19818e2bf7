#include "adapters/render/flows_render.h"

#include <fmt/format.h>

#include <cmath>

namespace ocindex::adapters::render {
namespace {

using core::Statement;
using core::StatementKind;

std::string Join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

std::string Confidence(double value) { return fmt::format("{:.2f}", value); }

// What a statement says, in a few words.
std::string Summary(const Statement& s) {
  switch (s.kind) {
    case StatementKind::kMarket: return "mentioned";
    case StatementKind::kRole: return s.role;
    case StatementKind::kFlow: {
      std::string text = FlowPath(s);
      std::vector<std::string> extras;
      if (!s.modes.empty()) extras.push_back("by " + Join(s.modes, "/"));
      if (!s.crossings.empty()) extras.push_back("at " + Join(s.crossings, "; "));
      if (!s.route.empty()) extras.push_back("route: " + s.route);
      if (!extras.empty()) text += " (" + Join(extras, ", ") + ")";
      return text;
    }
    case StatementKind::kActor: return s.actor_base.empty() ? "present" : "based in " + s.actor_base;
    case StatementKind::kTrend: {
      std::string text = s.direction;
      if (!s.figure.empty()) text += " " + s.figure;
      if (!s.period.empty()) text += " " + s.period;
      return text;
    }
  }
  return {};
}

std::string Qualifiers(const Statement& s) {
  std::string text;
  if (s.negated) text += "negated";
  if (s.hedged) text += std::string(text.empty() ? "" : ", ") + "hedged";
  if (!s.qualifiers.empty()) text += " (" + Join(s.qualifiers, ", ") + ")";
  return text;
}

std::string EvidenceRefs(const std::vector<core::Evidence>& evidence) {
  std::vector<std::string> refs;
  for (const core::Evidence& e : evidence) {
    refs.push_back(fmt::format("{}{} s{} [{},{})", e.section, e.page > 0 ? fmt::format(" p{}", e.page) : "",
                               e.sentence + 1, e.begin, e.end));
  }
  return Join(refs, "; ");
}

nlohmann::ordered_json Places(const std::vector<std::string>& codes, const PlaceNamer& names) {
  auto out = nlohmann::ordered_json::array();
  for (const std::string& code : codes) out.push_back({{"code", code}, {"name", names(code)}});
  return out;
}

std::string_view SectionText(const core::Narrative& narrative, const std::string& section) {
  const core::NarrativeSection* found = narrative.Find(section);
  return found == nullptr ? std::string_view() : std::string_view(found->text);
}

}  // namespace

std::string FlowPath(const Statement& flow) {
  std::vector<std::string> stops = {Join(flow.origins, ",")};
  for (const std::string& via : flow.via) stops.push_back(via);
  stops.push_back(Join(flow.destinations, ","));
  return Join(stops, " -> ");
}

Grid StatementGrid(const std::vector<core::NarrativeStatements>& narratives, std::optional<StatementKind> kind) {
  Grid grid;
  for (const char* name : {"country", "edition", "kind", "subject", "statement", "confidence", "qualifiers", "notes",
                           "evidence"}) {
    grid.AddColumn(name, std::string_view(name) == "confidence");
  }
  for (const core::NarrativeStatements& narrative : narratives) {
    for (const Statement& s : narrative.statements) {
      if (kind && s.kind != *kind) continue;
      grid.rows.push_back({narrative.country, narrative.edition, core::StatementKindName(s.kind),
                           s.actor.empty() ? s.market : s.actor, Summary(s), Confidence(s.confidence), Qualifiers(s),
                           Join(s.notes, "; "), EvidenceRefs(s.evidence)});
    }
  }
  return grid;
}

nlohmann::ordered_json StatementJson(const core::NarrativeStatements& statements, const core::Narrative& narrative,
                                     const PlaceNamer& names, std::optional<StatementKind> kind) {
  auto list = nlohmann::ordered_json::array();
  for (const Statement& s : statements.statements) {
    if (kind && s.kind != *kind) continue;
    nlohmann::ordered_json item;
    item["kind"] = core::StatementKindName(s.kind);
    if (!s.market.empty()) item["market"] = s.market;
    if (!s.actor.empty()) item["actor"] = s.actor;
    if (!s.role.empty()) item["role"] = s.role;
    if (s.kind == StatementKind::kFlow) {
      item["origins"] = Places(s.origins, names);
      item["via"] = Places(s.via, names);
      item["destinations"] = Places(s.destinations, names);
      item["path"] = FlowPath(s);
      item["modes"] = s.modes;
      item["crossings"] = s.crossings;
      if (!s.route.empty()) item["route"] = s.route;
    }
    if (!s.actor_base.empty()) item["based_in"] = Places({s.actor_base}, names);
    if (s.kind == StatementKind::kTrend) {
      item["direction"] = s.direction;
      item["figure"] = s.figure.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s.figure);
      item["period"] = s.period.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s.period);
    }
    item["confidence"] = std::round(s.confidence * 100) / 100;
    item["hedged"] = s.hedged;
    item["negated"] = s.negated;
    item["qualifiers"] = s.qualifiers;
    item["notes"] = s.notes;
    auto evidence = nlohmann::ordered_json::array();
    for (const core::Evidence& e : s.evidence) {
      const std::string_view text = SectionText(narrative, e.section);
      const bool in_range = e.end <= text.size();
      nlohmann::ordered_json ref = {{"section", e.section}};
      if (e.page > 0) ref["page"] = e.page;
      ref.update(nlohmann::ordered_json{{"paragraph", e.paragraph + 1},
                                        {"sentence", e.sentence + 1},
                                        {"begin", e.begin},
                                        {"end", e.end},
                                        {"cue", in_range ? std::string(text.substr(e.cue_begin, e.cue_end - e.cue_begin)) : ""},
                                        {"text", in_range ? std::string(text.substr(e.begin, e.end - e.begin)) : ""}});
      evidence.push_back(std::move(ref));
    }
    item["evidence"] = std::move(evidence);
    list.push_back(std::move(item));
  }
  nlohmann::ordered_json out = {
      {"country", statements.country}, {"edition", statements.edition}, {"statements", std::move(list)}};
  if (!statements.notes.empty()) out["notes"] = statements.notes;  // reading was bounded (core::ExtractLimits)
  return out;
}

Grid EdgeGrid(const core::FlowGraph& graph, const PlaceNamer& names) {
  Grid grid;
  for (const char* name : {"market", "from", "to", "from_name", "to_name", "statements", "confidence", "hedged",
                           "countries", "evidence"}) {
    const std::string_view n = name;
    grid.AddColumn(name, n == "statements" || n == "confidence" || n == "evidence");
  }
  for (const core::FlowEdge& e : graph.edges) {
    grid.rows.push_back({e.market, e.from, e.to, names(e.from), names(e.to), std::to_string(e.statements),
                         Confidence(e.confidence), e.hedged ? "yes" : "no", Join(e.countries, " "),
                         std::to_string(e.evidence.size())});
  }
  return grid;
}

Grid NodeGrid(const core::FlowGraph& graph, const PlaceNamer& names) {
  Grid grid;
  for (const char* name : {"market", "code", "name", "in_degree", "out_degree", "betweenness"}) {
    const std::string_view n = name;
    grid.AddColumn(name, n == "in_degree" || n == "out_degree" || n == "betweenness");
  }
  for (const core::NodeMetrics& m : graph.metrics) {
    grid.rows.push_back({m.market, m.code, names(m.code), std::to_string(m.in_degree), std::to_string(m.out_degree),
                         fmt::format("{:.2f}", m.betweenness)});
  }
  return grid;
}

namespace {

nlohmann::ordered_json EdgeProperties(const core::FlowEdge& e, const PlaceNamer& names) {
  auto evidence = nlohmann::ordered_json::array();
  for (const core::EdgeEvidence& ev : e.evidence) {
    evidence.push_back({{"country", ev.country},
                        {"edition", ev.edition},
                        {"section", ev.evidence.section},
                        {"sentence", ev.evidence.sentence + 1},
                        {"begin", ev.evidence.begin},
                        {"end", ev.evidence.end}});
  }
  return {{"market", e.market},        {"from", e.from},
          {"to", e.to},                {"from_name", names(e.from)},
          {"to_name", names(e.to)},    {"statements", e.statements},
          {"confidence", std::round(e.confidence * 100) / 100},
          {"hedged", e.hedged},        {"countries", e.countries},
          {"evidence", std::move(evidence)}};
}

nlohmann::ordered_json NodeProperties(const core::NodeMetrics& m, const PlaceNamer& names) {
  return {{"code", m.code},
          {"name", names(m.code)},
          {"market", m.market},
          {"in_degree", m.in_degree},
          {"out_degree", m.out_degree},
          {"betweenness", m.betweenness}};
}

}  // namespace

nlohmann::ordered_json GraphJson(const core::FlowGraph& graph, const PlaceNamer& names) {
  auto edges = nlohmann::ordered_json::array();
  for (const core::FlowEdge& e : graph.edges) edges.push_back(EdgeProperties(e, names));
  auto nodes = nlohmann::ordered_json::array();
  for (const core::NodeMetrics& m : graph.metrics) nodes.push_back(NodeProperties(m, names));
  return {{"edges", std::move(edges)}, {"nodes", std::move(nodes)}};
}

std::string GraphGeoJsonLines(const core::FlowGraph& graph, const PlaceNamer& names, int* skipped) {
  std::string out;
  *skipped = 0;
  auto point = [&](const std::string& code) { return names.gazetteer.Point(code); };
  auto coordinates = [](const core::GeoPoint& p) { return nlohmann::ordered_json::array({p.lon, p.lat}); };
  for (const core::FlowEdge& e : graph.edges) {
    const auto from = point(e.from);
    const auto to = point(e.to);
    if (!from || !to) {
      ++*skipped;
      continue;
    }
    nlohmann::ordered_json feature = {
        {"type", "Feature"},
        {"geometry", {{"type", "LineString"}, {"coordinates", {coordinates(*from), coordinates(*to)}}}},
        {"properties", EdgeProperties(e, names)}};
    out += feature.dump() + "\n";
  }
  for (const core::NodeMetrics& m : graph.metrics) {
    const auto at = point(m.code);
    if (!at) continue;
    nlohmann::ordered_json feature = {{"type", "Feature"},
                                      {"geometry", {{"type", "Point"}, {"coordinates", coordinates(*at)}}},
                                      {"properties", NodeProperties(m, names)}};
    out += feature.dump() + "\n";
  }
  return out;
}

}  // namespace ocindex::adapters::render
