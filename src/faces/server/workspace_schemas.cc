// The workspace's JSON bodies, requests and answers alike. Answers are validated by
// the contract test (docs/API.md) like every other response of the API tests.
#include <vector>

#include "core/assessment/cell_state.h"
#include "core/assessment/names.h"
#include "core/assessment/people.h"
#include "core/assessment/round.h"
#include "faces/server/api_schemas.h"
#include "faces/server/schema_builders.h"
#include "faces/server/workspace_routes.h"

namespace ocindex::server {
namespace {

namespace as = core::assessment;
using namespace schema;  // NOLINT(google-build-using-namespace): the schema vocabulary

template <typename T, size_t N>
Json Names(const T (&values)[N], const char* (*name_of)(T)) {
  std::vector<std::string> names;
  for (T value : values) names.push_back(as::Token(name_of(value)));
  return Enum(names);
}

Json Roles() { return Names(as::kRoles, as::RoleName); }
Json States() { return Names(as::kCellStates, as::CellStateName); }

Json Tally() {
  Json states = Json::object();
  for (as::CellState state : as::kCellStates) states[as::Token(as::CellStateName(state))] = Integer();
  return Object(Json{{"cells", Integer()}, {"states", Object(states)}, {"wide", Integer()}, {"outliers", Integer()}});
}

// A Tally with the key it is counted by first.
Json TallyBy(const char* key) {
  Json tally = Tally();
  Json properties = Json{{key, String()}};
  properties.update(tally["properties"]);
  return Object(properties);
}

Json Team() {
  return Object(Json{{"iso3", String()}, {"item", String()}, {"drafting", Strings()}, {"reviewers", Strings()}});
}

Json RoundInfo() {
  return Object(Json{{"id", String()},
                     {"edition", String()},
                     {"baseline", String()},
                     {"phase", Names(as::kPhases, as::PhaseName)},
                     {"version", Integer()},
                     {"countries", Integer()},
                     {"cells", Integer()},
                     {"sections", Integer()}});
}

Json Cell() {
  const Json submission = Object(Json{{"expert", String()},
                                      {"score", Number()},
                                      {"justification", String()},
                                      {"sources", Strings()},
                                      {"confidence", Integer()},
                                      {"change_reason", String()}});
  const Json consensus =
      Nullable(Object(Json{{"proposal", Number()}, {"spread", Number()}, {"count", Integer()}, {"wide", Boolean()}}));
  const Json comment = Object(Json{{"author", String()}, {"at", Integer()}, {"text", String()}});
  return Object(Json{{"round", String()},
                     {"iso3", String()},
                     {"indicator", String()},
                     {"state", States()},
                     {"version", Integer()},
                     {"settled", Nullable(Number())},
                     {"others_visible", Boolean()},
                     {"submissions", Array(submission)},
                     {"consensus", consensus},
                     {"threads", Array(Object(Json{{"id", Integer()}, {"comments", Array(comment)}}))}});
}

Json Progress() {
  const Json flagged = Object(Json{{"iso3", String()},
                                   {"indicator", String()},
                                   {"proposal", Nullable(Number())},
                                   {"spread", Nullable(Number())},
                                   {"z", Nullable(Number())},
                                   {"wide", Boolean()},
                                   {"outlier", Boolean()}});
  const Json reliability = Object(Json{{"id", String()},
                                       {"units", Integer()},
                                       {"raters", Integer()},
                                       {"ratings", Integer()},
                                       {"alpha_interval", Nullable(Number())},
                                       {"alpha_ordinal", Nullable(Number())},
                                       {"icc", Nullable(Number())}});
  return Object(Json{{"round", SchemaRef("Round")},
                     {"total", Tally()},
                     {"countries", Array(TallyBy("iso3"))},
                     {"indicators", Array(TallyBy("indicator"))},
                     {"experts", Array(TallyBy("expert"))},
                     {"flagged", Array(flagged)},
                     {"reliability", Array(reliability)}});
}

Json CountryWork() {
  const Json cell = Object(Json{{"indicator", String()},
                                {"name", String()},
                                {"definition", String()},
                                {"group", String()},
                                {"relation", Enum({"drafting", "reviewer", "none"})},
                                {"baseline", Nullable(Number())},
                                {"baseline_justifications", Strings()},
                                {"cell", SchemaRef("Cell")}});
  const Json section = Object(Json{{"section", String()},
                                   {"title", String()},
                                   {"state", States()},
                                   {"version", Integer()},
                                   {"relation", Enum({"drafting", "reviewer", "none"})},
                                   {"text", String()},
                                   {"baseline_text", String()},
                                   {"paragraphs", Strings()},
                                   {"problems", Strings()}});
  return Object(Json{{"round", String()},
                     {"iso3", String()},
                     {"name", String()},
                     {"region", String()},
                     {"phase", Names(as::kPhases, as::PhaseName)},
                     {"scale", Object(Json{{"min", Number()}, {"max", Number()}, {"step", Number()}})},
                     {"cells", Array(cell)},
                     {"sections", Array(section)}});
}

Json CountryPreview() {
  const Json rank = Nullable(Object(Json{{"position", Integer()}, {"of", Integer()}, {"tied", Boolean()}}));
  const Json composite = Object(Json{{"id", String()},
                                     {"name", String()},
                                     {"before", Nullable(Number())},
                                     {"after", Nullable(Number())},
                                     {"rank_before", rank},
                                     {"rank_after", rank}});
  return Object(Json{{"iso3", String()},
                     {"name", String()},
                     {"composites", Array(composite)},
                     {"quadrant_before", QuadrantSchema()},
                     {"quadrant_after", QuadrantSchema()}});
}

Json Calibration() {
  const Json row = Object(Json{{"iso3", String()},
                               {"name", String()},
                               {"region", String()},
                               {"baseline", Nullable(Number())},
                               {"standing", Nullable(Number())},
                               {"z", Nullable(Number())},
                               {"wide", Boolean()},
                               {"outlier", Boolean()},
                               {"cell", SchemaRef("Cell")}});
  return Object(Json{{"round", String()},
                     {"indicator", String()},
                     {"name", String()},
                     {"region", String()},
                     {"rows", Array(row)}});
}

Json PublicationPreview() {
  const Json cell = Object(Json{{"iso3", String()},
                                {"indicator", String()},
                                {"baseline", Nullable(Number())},
                                {"score", Number()},
                                {"delta", Nullable(Number())}});
  return Object(Json{{"round", String()},
                     {"changes", Object(Json{{"raised", Integer()},
                                             {"lowered", Integer()},
                                             {"unchanged", Integer()},
                                             {"added", Integer()}})},
                     {"pending", Integer()},
                     {"cells", Array(cell)},
                     {"countries", Array(SchemaRef("CountryPreview"))}});
}

Json TrailEntry() {
  const Json state = Type("object");
  return Object(Json{{"seq", Integer()},
                     {"at", String()},
                     {"actor", String()},
                     {"action", String()},
                     {"stream", String()},
                     {"version", Integer()},
                     {"target", String()},
                     {"reason", String()},
                     {"before", state},
                     {"after", state}});
}

}  // namespace

Json WorkspaceSchemas() {
  const Json account = Object(Json{{"user", String()}, {"role", Roles()}});
  return Json{
      {"SignIn", Object(Json{{"user", String()}, {"password", String()}})},
      {"Session", Object(Json{{"user", String()}, {"role", Roles()}, {"csrf_token", String()}, {"expires", String()}})},
      {"Account", account},
      {"PasswordChange", Object(Json{{"current", String()}, {"new", String()}})},
      {"TokenRequest", Object(Json{{"label", String()}}, {"label"})},
      {"IssuedToken", Object(Json{{"id", String()}, {"token", String()}, {"label", String()}})},
      {"Tokens", Object(Json{{"tokens", Array(Object(Json{{"id", String()},
                                                          {"label", String()},
                                                          {"created_at", String()},
                                                          {"revoked", Boolean()}}))}})},
      {"Round", RoundInfo()},
      {"Rounds", Object(Json{{"rounds", Array(SchemaRef("Round"))}})},
      {"NewRound", Object(Json{{"id", String()}, {"edition", String()}, {"baseline", String()}, {"countries", Strings()}},
                          {"countries"})},
      {"Assignments", Object(Json{{"cells", Array(Team())}, {"sections", Array(Team())}, {"thematic", Map(Strings())}})},
      {"RoundRobin", Object(Json{{"experts_per_cell", Integer()},
                                 {"experts", Strings()},
                                 {"reviewers", Strings()},
                                 {"sections", Strings()}},
                            {"sections"})},
      {"PhaseChange", Object(Json{{"to", String()}, {"reason", String()}}, {"reason"})},
      {"Worklist", Object(Json{{"round", String()},
                               {"items", Array(Object(Json{{"iso3", String()},
                                                           {"item", String()},
                                                           {"kind", Enum({"cell", "section"})},
                                                           {"state", States()},
                                                           {"version", Integer()},
                                                           {"relation", Enum({"drafting", "reviewer", "none"})},
                                                           {"drafted", Boolean()}}))}})},
      {"RoundProgress", Progress()},
      {"Cell", Cell()},
      {"CountryWork", CountryWork()},
      {"CountryPreview", CountryPreview()},
      {"Calibration", Calibration()},
      {"PublicationPreview", PublicationPreview()},
      {"Submission", Object(Json{{"score", Number()},
                                 {"justification", String()},
                                 {"sources", Strings()},
                                 {"confidence", Integer()},
                                 {"change_reason", String()}},
                            {"sources", "confidence", "change_reason"})},
      {"Transition", Object(Json{{"to", States()}, {"reason", String()}, {"settled", Nullable(Number())}},
                            {"reason", "settled"})},
      {"Written", Object(Json{{"version", Integer()}})},
      {"Comment", Object(Json{{"text", String()}})},
      {"ThreadId", Object(Json{{"thread", Integer()}})},
      {"SectionText", Object(Json{{"text", String()}})},
      {"Publication", Object(Json{{"edition", String()},
                                  {"revision", Integer()},
                                  {"countries", Integer()},
                                  {"expert_scores", Integer()},
                                  {"changes", Object(Json{{"raised", Integer()},
                                                          {"lowered", Integer()},
                                                          {"unchanged", Integer()},
                                                          {"added", Integer()}})}})},
      {"Trail", Object(Json{{"entries", Array(TrailEntry())}})},
      {"TrailCheck", Object(Json{{"ok", Boolean()},
                                 {"entries", Integer()},
                                 {"streams", Integer()},
                                 {"rounds", Integer()},
                                 {"item_versions", Integer()},
                                 {"comments", Integer()},
                                 {"publications", Integer()},
                                 {"problems", Strings()}})},
  };
}

}  // namespace ocindex::server
