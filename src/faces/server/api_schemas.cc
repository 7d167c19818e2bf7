#include "faces/server/api_schemas.h"

#include "faces/server/schema_builders.h"
#include "faces/server/workspace_routes.h"

#include <set>
#include <vector>

#include "core/flows/statement.h"
#include "core/model/framework.h"
#include "core/scoring/country_summary.h"
#include "core/scoring/ranking.h"
#include "core/uncertainty/uncertainty_spec.h"

namespace ocindex::server {
namespace {

using namespace schema;  // NOLINT(google-build-using-namespace): the schema vocabulary

// CountryJson's keys, which many rows start with.
Json CountryProperties() {
  return Json{{"iso3", String()}, {"name", String()}, {"continent", String()}, {"region", String()}};
}
// CountryJson's keys followed by `more`.
Json CountryAnd(const Json& more) {
  Json properties = CountryProperties();
  properties.update(more);
  return properties;
}

// A row list's body; the paging keys (route_support.h's AddPaging) only when the
// client asked for a page.
Json Paged(Json properties) {
  properties.update(Json{{"total", Integer()}, {"offset", Integer()}, {"limit", Integer()}});
  return Object(std::move(properties), {"total", "offset", "limit"});
}

Json MeasureKind() {
  std::vector<std::string> kinds;
  for (core::NodeKind kind : {core::NodeKind::kPillar, core::NodeKind::kComponent, core::NodeKind::kGroup}) {
    kinds.push_back(core::NodeKindName(kind));
  }
  kinds.push_back("indicator");
  return Enum(kinds);
}

// RankJson: null when unranked.
Json ScopedRanks() {
  const Json rank = Nullable(Object(Json{{"position", Integer()}, {"of", Integer()}, {"tied", Boolean()}}));
  Json properties = Json::object();
  for (core::Scope scope : core::kScopes) properties[core::ScopeName(scope)] = rank;
  return Object(std::move(properties));
}

// Per scope: a figure (means) or an integer (rank changes), null when missing.
Json PerScope(const Json& value) {
  Json properties = Json::object();
  for (core::Scope scope : core::kScopes) properties[core::ScopeName(scope)] = value;
  return Object(std::move(properties));
}

Json Error() {
  return Object(Json{{"error", Object(Json{{"code", String()}, {"message", String()}, {"suggestions", Strings()}},
                                      {"suggestions"})}});
}

Json Framework() {
  const Json scale = Object(Json{{"min", Number()}, {"max", Number()}, {"step", Number()}});
  const Json quadrant = Object(Json{{"x", String()}, {"y", String()}, {"threshold", Number()}});
  return Object(Json{{"edition", Integer()},
                     {"id", String()},
                     {"name", String()},
                     {"scale", scale},
                     {"decimals", Integer()},
                     {"quadrant", quadrant},
                     {"measures", Array(SchemaRef("MeasureNode"))}});
}

// MeasureTree: nodes and indicators (`since` on indicators only), recursively.
Json MeasureNode() {
  return Object(Json{{"id", String()},
                     {"name", String()},
                     {"kind", MeasureKind()},
                     {"definition", String()},
                     {"since", String()},
                     {"children", Array(SchemaRef("MeasureNode"))}},
                {"since"});
}

Json ProfileMeasure() {
  const Json change = Nullable(
      Object(Json{{"previous", Figure()}, {"delta", Figure()}, {"rank_change", PerScope(Nullable(Integer()))}}));
  return Object(Json{{"id", String()},
                     {"name", String()},
                     {"kind", MeasureKind()},
                     {"parent", Nullable(String())},
                     {"value", Figure()},
                     {"ranks", SchemaRef("ScopedRanks")},
                     {"means", PerScope(Figure())},
                     {"change", change}});
}

Json CountryProfile() {
  Json properties = Json{{"edition", Integer()}};
  properties.update(CountryAnd(Json{{"quadrant", QuadrantSchema()},
                                    {"previous_edition", Nullable(Integer())},
                                    {"measures", Array(SchemaRef("ProfileMeasure"))}}));
  return Object(std::move(properties));
}

Json Compare() {
  const Json measure =
      Object(Json{{"id", String()}, {"name", String()}, {"kind", MeasureKind()}, {"values", Map(Figure())}});
  return Object(Json{{"edition", Integer()}, {"countries", Array(SchemaRef("Country"))}, {"measures", Array(measure)}});
}

Json Changes() {
  const Json row = Object(CountryAnd(Json{{"from", Figure()},
                                          {"to", Figure()},
                                          {"delta", Figure()},
                                          {"rank_from", Nullable(Integer())},
                                          {"rank_to", Nullable(Integer())},
                                          {"rank_change", Nullable(Integer())}}));
  return Object(Json{{"from", Integer()},
                     {"to", Integer()},
                     {"measure", String()},
                     {"basis", Enum({"raw", "like-for-like"})},
                     {"note", String()},
                     {"shared_indicators", Strings()},
                     {"added", Strings()},
                     {"dropped", Strings()},
                     {"rows", Array(row)}});
}

// adapters::io::UncertaintySpecToJson.
Json UncertaintySpec() {
  namespace un = core::uncertainty;
  const Json score_noise = Object(Json{{"indicators", Strings()}, {"p_down", Number()}, {"p_up", Number()}},
                                  {"indicators"});
  const Json weight_noise =
      Object(Json{{"level", Enum({un::WeightLevelName(un::WeightLevel::kIndicator),
                                  un::WeightLevelName(un::WeightLevel::kComponent)})},
                  {"amplitude", Number()}});
  // Any type: OpenAPI 3.0 cannot say "true or an object" without oneOf, which generators handle poorly.
  const Json expert_bootstrap = {{"description", "true (every indicator with expert data) or {\"indicators\": [...]}"}};
  return Object(Json{{"score_noise", Array(score_noise)},
                     {"weight_noise", Array(weight_noise)},
                     {"aggregation", Array(Enum({un::AggregationName(un::Aggregation::kArithmetic),
                                                 un::AggregationName(un::Aggregation::kGeometric)}))},
                     {"pillar_formula", Array(Enum({un::PillarFormulaName(un::PillarFormula::kPublished),
                                                    un::PillarFormulaName(un::PillarFormula::kPooled)}))},
                     {"threshold_spread", Number()},
                     {"exclusion_candidates", Strings()},
                     {"expert_bootstrap", expert_bootstrap}},
                {"expert_bootstrap"});
}

// A row: the country, one PillarInterval under each pillar's id, and the quadrant
// probabilities when the framework has a quadrant.
Json UncertaintyRow() {
  Json quadrants = Json::object();
  for (const char* key : {"high_criminality_low_resilience", "high_criminality_high_resilience",
                          "low_criminality_low_resilience", "low_criminality_high_resilience"}) {
    quadrants[key] = Number();
  }
  Json row = Object(CountryAnd(Json{{"quadrant_probability", Object(std::move(quadrants))}}), {"quadrant_probability"});
  row["additionalProperties"] = SchemaRef("PillarInterval");
  return row;
}

Json PillarInterval() {
  return Object(Json{{"nominal_rank", Integer()},
                     {"rank_mean", Number()},
                     {"rank_median", Number()},
                     {"rank_q05", Number()},
                     {"rank_q95", Number()},
                     {"nominal_score", Number()},
                     {"score_q05", Number()},
                     {"score_q95", Number()}});
}

Json Narrative() {
  const Json revision =
      Object(Json{{"number", Integer()}, {"author", String()}, {"stored_at", String()}, {"note", String()}});
  const Json section =
      Object(Json{{"id", String()}, {"title", String()}, {"heading", String()}, {"paragraphs", Strings()}});
  Json properties = Json{{"edition", Integer()}};
  properties.update(CountryAnd(Json{{"revision", revision},
                                    {"sections", Array(section)},
                                    {"footer", String()},
                                    {"provenance", String()}}));
  return Object(std::move(properties));
}

// adapters::render::GraphJson's edges, each evidence with its quoted sentence.
Json FlowEdge() {
  const Json evidence = Object(Json{{"country", String()},
                                    {"edition", String()},
                                    {"section", String()},
                                    {"sentence", Integer()},
                                    {"begin", Integer()},
                                    {"end", Integer()},
                                    {"text", String()}});
  return Object(Json{{"market", String()},
                     {"from", String()},
                     {"to", String()},
                     {"from_name", String()},
                     {"to_name", String()},
                     {"statements", Integer()},
                     {"confidence", Number()},
                     {"hedged", Boolean()},
                     {"countries", Strings()},
                     {"evidence", Array(evidence)}});
}

// GraphJson's nodes: market "*" is every market.
Json FlowNode() {
  return Object(Json{{"code", String()},
                     {"name", String()},
                     {"market", String()},
                     {"in_degree", Integer()},
                     {"out_degree", Integer()},
                     {"betweenness", Number()}});
}

Json FlowGraph() {
  const Json point = Object(Json{{"name", String()}, {"lat", Nullable(Number())}, {"lon", Nullable(Number())}});
  return Object(Json{{"narratives", Integer()},
                     {"markets", Strings()},
                     {"edges", Array(SchemaRef("FlowEdge"))},
                     {"nodes", Array(SchemaRef("FlowNode"))},
                     {"points", Map(point)}});
}

// adapters::render::StatementJson: which keys appear depends on the kind.
Json Statement() {
  using core::StatementKind;
  std::vector<std::string> kinds;
  for (StatementKind kind : {StatementKind::kMarket, StatementKind::kRole, StatementKind::kFlow, StatementKind::kActor,
                             StatementKind::kTrend}) {
    kinds.push_back(core::StatementKindName(kind));
  }
  const Json places = Array(Object(Json{{"code", String()}, {"name", String()}}));
  const Json evidence = Object(Json{{"section", String()},
                                    {"paragraph", Integer()},
                                    {"sentence", Integer()},
                                    {"begin", Integer()},
                                    {"end", Integer()},
                                    {"cue", String()},
                                    {"text", String()}});
  return Object(Json{{"kind", Enum(kinds)},
                     {"market", String()},
                     {"actor", String()},
                     {"role", String()},
                     {"origins", places},
                     {"via", places},
                     {"destinations", places},
                     {"path", String()},
                     {"modes", Strings()},
                     {"crossings", Strings()},
                     {"route", String()},
                     {"based_in", places},
                     {"direction", String()},
                     {"figure", Nullable(String())},
                     {"period", Nullable(String())},
                     {"confidence", Number()},
                     {"hedged", Boolean()},
                     {"negated", Boolean()},
                     {"qualifiers", Strings()},
                     {"notes", Strings()},
                     {"evidence", Array(evidence)}},
                {"market", "actor", "role", "origins", "via", "destinations", "path", "modes", "crossings", "route",
                 "based_in", "direction", "figure", "period"});
}

Json CountryFlows() {
  const Json narrative = Object(
      Json{{"country", String()}, {"edition", String()}, {"statements", Array(SchemaRef("Statement"))}, {"notes", Strings()}},
      {"notes"});
  return Object(Json{{"iso3", String()},
                     {"name", String()},
                     {"narratives", Array(narrative)},
                     {"edges", Array(SchemaRef("FlowEdge"))},
                     {"metrics", Array(SchemaRef("FlowNode"))}});
}

// Decision analytics (decision_json.cc).
Json WhatIf() {
  const Json change = Object(Json{{"iso3", String()}, {"indicator", String()}, {"before", Number()}, {"after", Number()},
                                  {"clamped", Boolean()}});
  const Json measure = Object(Json{{"id", String()},
                                   {"name", String()},
                                   {"kind", MeasureKind()},
                                   {"before", Figure()},
                                   {"after", Figure()},
                                   {"ranks_before", SchemaRef("ScopedRanks")},
                                   {"ranks_after", SchemaRef("ScopedRanks")}});
  const Json country = Object(CountryAnd(Json{{"quadrant_before", QuadrantSchema()},
                                              {"quadrant_after", QuadrantSchema()},
                                              {"measures", Array(measure)}}));
  const Json scope = Enum({core::ScopeName(core::Scope::kWorld), core::ScopeName(core::Scope::kContinent),
                           core::ScopeName(core::Scope::kRegion)});
  const Json knock_on = Object(CountryAnd(Json{{"measure", String()},
                                               {"scope", scope},
                                               {"rank_before", Integer()},
                                               {"rank_after", Integer()}}));
  const Json average = Object(Json{{"measure", String()}, {"scope", scope}, {"group", String()}, {"members", Integer()},
                                   {"before", Figure()}, {"after", Figure()}});
  const Json adjustment = Object(Json{{"country", String()}, {"indicator", String()}, {"shift", Number()}, {"set", Number()}},
                                 {"shift", "set"});
  const Json scenario = Object(Json{{"edition", String()}, {"changes", Array(adjustment)}}, {"edition"});
  return Object(Json{{"edition", Integer()},
                     {"scenario", scenario},
                     {"changes", Array(change)},
                     {"countries", Array(country)},
                     {"knock_on", Array(knock_on)},
                     {"averages", Array(average)}});
}

Json Target() {
  const Json bound = Object(Json{{"measure", String()},
                                 {"at_least", Boolean()},
                                 {"value", Figure()},
                                 {"now", Figure()},
                                 {"best", Figure()},
                                 {"met_already", Boolean()},
                                 {"reachable", Boolean()}});
  const Json move = Object(Json{{"indicator", String()}, {"name", String()}, {"from", Number()}, {"to", Number()},
                                {"steps", Integer()}, {"cost", Integer()}});
  Json properties = Json{{"edition", Integer()}};
  properties.update(CountryAnd(Json{{"goal", String()},
                                    {"summary", String()},
                                    {"reachable", Boolean()},
                                    {"cost", Nullable(Integer())},
                                    {"more_ties", Boolean()},
                                    {"bounds", Array(bound)},
                                    {"plans", Array(Array(move))}}));
  return Object(std::move(properties));
}

Json Explain() {
  Json side_properties = Json{{"edition", Integer()}};
  side_properties.update(CountryAnd(Json{{"value", Figure()}, {"exact", String()}}));
  const Json side = Object(std::move(side_properties));
  const Json step = Object(Json{{"id", String()},
                                {"name", String()},
                                {"kind", Enum({"shared", "added", "dropped", "only_a", "only_b", "rounding"})},
                                {"score_a", Figure()},
                                {"score_b", Figure()},
                                {"weight_a", Figure()},
                                {"weight_b", Figure()},
                                {"contribution", Number()},
                                {"cumulative", Number()},
                                {"exact", String()},
                                {"like_for_like", Figure()}});
  const Json like = Nullable(Object(Json{{"a", String()}, {"b", String()}, {"difference", String()}}));
  return Object(Json{{"measure", String()},
                     {"name", String()},
                     {"between_editions", Boolean()},
                     {"a", side},
                     {"b", side},
                     {"difference", Number()},
                     {"exact_difference", String()},
                     {"like_for_like", like},
                     {"waterfall", Array(step)}});
}

Json Peers() {
  const Json peer = Object(CountryAnd(Json{{"distance", Number()}, {"shared", Integer()}}));
  const Json traced = Object(Json{{"iso3", String()}, {"name", String()}, {"raw", Array(Figure())},
                                  {"like_for_like", Array(Figure())}});
  const Json trajectories = Object(Json{{"measure", String()},
                                        {"editions", Strings()},
                                        {"shared_indicators", Strings()},
                                        {"countries", Array(traced)}});
  Json properties = Json{{"edition", Integer()}};
  properties.update(CountryAnd(Json{{"indicators", Integer()},
                                    {"distance", String()},
                                    {"peers", Array(peer)},
                                    {"trajectories", trajectories}}));
  return Object(std::move(properties));
}

Json Clusters() {
  const Json trait = Object(Json{{"indicator", String()}, {"name", String()}, {"cluster_mean", Number()},
                                 {"overall_mean", Number()}, {"z", Number()}});
  const Json cluster = Object(Json{{"cluster", Integer()}, {"size", Integer()}, {"countries", Strings()},
                                   {"distinctive", Array(trait)}});
  return Object(Json{{"edition", Integer()},
                     {"indicators", Integer()},
                     {"rule", Nullable(String())},
                     {"clusters", Array(cluster)},
                     {"assignment", Map(Integer())}});
}

// Only the top level: the document's own rules are OpenAPI's.
Json OpenApi() {
  return Object(Json{{"openapi", String()}, {"info", Type("object")}, {"paths", Type("object")},
                     {"components", Type("object")}});
}

}  // namespace

Json QuadrantSchema() {
  std::vector<std::string> labels;
  for (core::Quadrant quadrant :
       {core::Quadrant::kHighCriminalityLowResilience, core::Quadrant::kHighCriminalityHighResilience,
        core::Quadrant::kLowCriminalityLowResilience, core::Quadrant::kLowCriminalityHighResilience}) {
    labels.push_back(core::QuadrantName(quadrant));
  }
  return Nullable(
      Object(Json{{"label", Enum(labels)}, {"criminality_high", Boolean()}, {"resilience_high", Boolean()}}));
}

Json SchemaRef(const std::string& name) { return Json{{"$ref", "#/components/schemas/" + name}}; }

Json ApiSchemas() {
  const Json edition = Object(Json{{"edition", Integer()},
                                   {"framework", String()},
                                   {"name", String()},
                                   {"countries", Integer()},
                                   {"previous", Nullable(Integer())},
                                   {"latest", Boolean()}});
  const Json score_row = Object(CountryAnd(Json{{"values", Map(Figure())}}));
  const Json rank_row = Object(CountryAnd(Json{{"value", Figure()}, {"ranks", SchemaRef("ScopedRanks")}}));
  const Json aggregate_row = Object(Json{{"group", String()}, {"members", Integer()}, {"values", Map(Figure())}});
  Json schemas = Json{
      {"Error", Error()},
      {"Health", Object(Json{{"status", Enum({"ok"})}})},
      {"StoreHealth", Object(Json{{"status", Enum({"ok"})},
                                  {"store", Object(Json{{"backend", Enum({"sqlite", "postgresql"})},
                                                        {"location", String()},
                                                        {"schema_version", Integer()}})},
                                  {"editions", Integer()}})},
      {"OpenApi", OpenApi()},
      {"Country", Object(CountryProperties())},
      {"ScopedRanks", ScopedRanks()},
      {"Edition", edition},
      {"Editions", Object(Json{{"editions", Array(SchemaRef("Edition"))}})},
      {"Framework", Framework()},
      {"MeasureNode", MeasureNode()},
      {"Countries", Paged(Json{{"edition", Integer()}, {"countries", Array(SchemaRef("Country"))}})},
      // `ocindex export --format json` (adapters/io/dataset_writer.h): the edition as an id string.
      {"Dataset", Object(Json{{"edition", String()},
                              {"framework", String()},
                              {"decimals", Integer()},
                              {"countries", Array(Object(CountryAnd(Json{{"composites", Map(Figure())},
                                                                          {"scores", Map(Figure())}})))}})},
      {"ScoreRow", score_row},
      {"Scores", Paged(Json{{"edition", Integer()}, {"measures", Strings()}, {"rows", Array(SchemaRef("ScoreRow"))}})},
      {"RankRow", rank_row},
      {"Ranks", Paged(Json{{"edition", Integer()}, {"measure", String()}, {"rows", Array(SchemaRef("RankRow"))}})},
      {"Aggregates", Object(Json{{"edition", Integer()},
                                 {"by", Enum({core::ScopeName(core::Scope::kRegion),
                                              core::ScopeName(core::Scope::kContinent)})},
                                 {"rows", Array(aggregate_row)}})},
      {"ProfileMeasure", ProfileMeasure()},
      {"CountryProfile", CountryProfile()},
      {"Compare", Compare()},
      {"CountrySearch",
       Object(Json{{"query", String()},
                   {"countries", Array(Object(Json{{"iso3", String()}, {"name", String()}, {"matched", String()}}))},
                   {"suggestions", Strings()}})},
      {"Changes", Changes()},
      {"UncertaintySpec", UncertaintySpec()},
      {"PillarInterval", PillarInterval()},
      {"UncertaintyRow", UncertaintyRow()},
      {"Uncertainty", Paged(Json{{"edition", Integer()},
                                 {"runs", Integer()},
                                 {"seed", Integer()},
                                 {"spec", SchemaRef("UncertaintySpec")},
                                 {"pillars", Strings()},
                                 {"rows", Array(SchemaRef("UncertaintyRow"))}})},
      {"Narrative", Narrative()},
      {"FlowEdge", FlowEdge()},
      {"FlowNode", FlowNode()},
      {"FlowGraph", FlowGraph()},
      {"Statement", Statement()},
      {"CountryFlows", CountryFlows()},
      {"WhatIf", WhatIf()},
      {"Target", Target()},
      {"Explain", Explain()},
      {"Peers", Peers()},
      {"Clusters", Clusters()},
  };
  schemas.update(WorkspaceSchemas());
  return schemas;
}

}  // namespace ocindex::server
