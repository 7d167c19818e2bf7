// What the workspace's pages read in one request each (app/assessment/round_queries.h,
// round_preview.h): a country's cells and sections for the scoring page, the
// composites and ranks its drafts would give, one indicator across a region for
// calibration, and what publishing would change. The app layer applies the policy.
#include <memory>

#include "app/assessment/round_preview.h"
#include "app/assessment/round_queries.h"
#include "adapters/render/markup.h"
#include "app/labels.h"
#include "core/assessment/names.h"
#include "faces/server/round_json.h"
#include "faces/server/workspace_auth.h"
#include "faces/server/workspace_routes.h"

namespace ocindex::server {
namespace {

namespace as = core::assessment;
using adapters::http::PathParams;

Json ParagraphsJson(const std::string& text) {
  Json paragraphs = Json::array();
  for (std::string_view paragraph : adapters::render::Paragraphs(text)) paragraphs.push_back(paragraph);
  return paragraphs;
}

Json CountryWorkJson(const std::string& round, const app::CountryWork& work) {
  Json cells = Json::array();
  for (const app::CountryCell& cell : work.cells) {
    cells.push_back({{"indicator", cell.view.key.indicator},
                     {"name", cell.name},
                     {"definition", cell.definition},
                     {"group", cell.group},
                     {"relation", RelationName(cell.relation)},
                     {"baseline", ScoreJson(cell.baseline)},
                     {"baseline_justifications", cell.baseline_justifications},
                     {"cell", CellViewJson(round, cell.view)}});
  }
  Json sections = Json::array();
  for (const app::CountrySection& s : work.sections) {
    sections.push_back({{"section", s.key.section},
                        {"title", s.title},
                        {"state", as::Token(as::CellStateName(s.state))},
                        {"version", s.version},
                        {"relation", RelationName(s.relation)},
                        {"text", s.text},
                        {"baseline_text", s.baseline_text},
                        {"paragraphs", ParagraphsJson(s.rendered)},
                        {"problems", s.problems}});
  }
  return Json{{"round", round},
              {"iso3", work.country.iso3},
              {"name", work.country.name},
              {"region", work.country.region},
              {"phase", as::Token(as::PhaseName(work.phase))},
              {"scale",
               {{"min", work.scale_min.ToDouble()}, {"max", work.scale_max.ToDouble()}, {"step", work.scale_step.ToDouble()}}},
              {"cells", cells},
              {"sections", sections}};
}

Json FiguresJson(const app::CountryFigures& figures) {
  Json composites = Json::array();
  for (const app::CompositeMove& m : figures.composites) {
    composites.push_back({{"id", m.id},
                          {"name", m.name},
                          {"before", Figure(m.before, figures.decimals)},
                          {"after", Figure(m.after, figures.decimals)},
                          {"rank_before", RankJson(m.rank_before)},
                          {"rank_after", RankJson(m.rank_after)}});
  }
  return Json{{"iso3", figures.country.iso3},
              {"name", figures.country.name},
              {"composites", composites},
              {"quadrant_before", QuadrantJson(figures.quadrant_before, app::QuadrantLabel(figures.quadrant_before))},
              {"quadrant_after", QuadrantJson(figures.quadrant_after, app::QuadrantLabel(figures.quadrant_after))}};
}

Json CalibrationJson(const std::string& round, const app::Calibration& calibration) {
  Json rows = Json::array();
  for (const app::CalibrationRow& row : calibration.rows) {
    const std::optional<as::CellSignal>& signal = row.signal;
    rows.push_back({{"iso3", row.country.iso3},
                    {"name", row.country.name},
                    {"region", row.country.region},
                    {"baseline", ScoreJson(row.baseline)},
                    {"standing", signal ? ScoreJson(signal->standing) : Json(nullptr)},
                    {"z", signal && signal->z ? Json(*signal->z) : Json(nullptr)},
                    {"wide", signal && signal->wide()},
                    {"outlier", signal && signal->outlier()},
                    {"cell", CellViewJson(round, row.view)}});
  }
  return Json{{"round", round},
              {"indicator", calibration.indicator},
              {"name", calibration.name},
              {"region", calibration.region},
              {"rows", rows}};
}

Json PreviewJson(const std::string& round, const app::PublicationPreview& preview) {
  Json cells = Json::array();
  for (const as::CellChange& change : preview.changes.cells) {
    if (change.delta && *change.delta == core::Rational(0)) continue;  // only what moves
    cells.push_back({{"iso3", change.key.iso3},
                     {"indicator", change.key.indicator},
                     {"baseline", ScoreJson(change.baseline)},
                     {"score", change.published.ToDouble()},
                     {"delta", ScoreJson(change.delta)}});
  }
  Json countries = Json::array();
  for (const app::CountryFigures& figures : preview.countries) countries.push_back(FiguresJson(figures));
  return Json{{"round", round},
              {"changes",
               {{"raised", preview.changes.raised},
                {"lowered", preview.changes.lowered},
                {"unchanged", preview.changes.unchanged},
                {"added", preview.changes.added}}},
              {"pending", preview.pending},
              {"cells", cells},
              {"countries", countries}};
}

}  // namespace

void AddRoundQueryRoutes(WorkspaceTable& table, app::Workspace& workspace, adapters::Store& store) {
  app::Rounds& rounds = workspace.rounds();
  auto queries = std::make_shared<app::RoundQueries>(rounds, store);
  const ParamDoc round{"round", "path", true, "The round's id", "r2027"};
  const ParamDoc iso3{"iso3", "path", true, "ISO3 code", "KAZ"};
  auto add = [&](const char* pattern, WorkspaceDoc doc, WorkspaceHandler handler) {
    table.push_back({"GET", pattern, std::move(doc), Authenticated(workspace.accounts(), std::move(handler))});
  };

  add("/api/v1/rounds/{round}/countries/{iso3}",
      {"A country's cells and narrative sections as the caller may see them, with each indicator's definition, "
       "the baseline's score and published justifications: the scoring page in one request",
       {round, iso3}, "", "CountryWork", 200, false, false},
      [queries](const Request&, const PathParams& p, const app::Principal& c) {
        auto work = queries->Country(p.at("round"), c.actor, p.at("iso3"));
        if (!work) return ErrorResponse(work.error());
        return JsonResponse(CountryWorkJson(p.at("round"), *work));
      });
  add("/api/v1/rounds/{round}/countries/{iso3}/preview",
      {"The country's composites, world ranks and quadrant as they would be with its cells at what the caller "
       "sees (settled, else the consensus when visible, else the caller's own draft, else the baseline), beside "
       "the baseline's; ranks among the round's countries",
       {round, iso3}, "", "CountryPreview", 200, false, false},
      [&rounds](const Request&, const PathParams& p, const app::Principal& c) {
        auto figures = app::PreviewCountry(rounds, p.at("round"), c.actor, p.at("iso3"));
        if (!figures) return ErrorResponse(figures.error());
        return JsonResponse(FiguresJson(*figures));
      });
  add("/api/v1/rounds/{round}/calibration/{indicator}",
      {"One indicator across the round's countries of a region (or all): each cell the caller may read with its "
       "state, baseline, and, where the caller may see other experts, the standing score, spread and flags",
       {round,
        {"indicator", "path", true, "Indicator id", "human_trafficking"},
        {"region", "query", false, "A region's name; all countries when absent", "Central Asia and the Caucasus"}},
       "", "Calibration", 200, false, false},
      [queries](const Request& r, const PathParams& p, const app::Principal& c) {
        auto calibration = queries->Calibrate(p.at("round"), c.actor, p.at("indicator"), r.Param("region"));
        if (!calibration) return ErrorResponse(calibration.error());
        return JsonResponse(CalibrationJson(p.at("round"), *calibration));
      });
  add("/api/v1/rounds/{round}/publication/preview",
      {"What publishing would change from the baseline (index team): cells with a standing score (settled, else "
       "the consensus proposal) that move, and the countries whose composites, world ranks or quadrant move",
       {round}, "", "PublicationPreview", 200, false, false},
      [&rounds](const Request&, const PathParams& p, const app::Principal& c) {
        auto preview = app::PreviewPublication(rounds, p.at("round"), c.actor);
        if (!preview) return ErrorResponse(preview.error());
        return JsonResponse(PreviewJson(p.at("round"), *preview));
      });
}

}  // namespace ocindex::server
