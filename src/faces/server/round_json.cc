#include "faces/server/round_json.h"

#include "core/assessment/names.h"

namespace ocindex::server {
namespace {

namespace as = core::assessment;

std::string StateName(as::CellState state) { return as::Token(as::CellStateName(state)); }

Json TallyJson(const as::Tally& tally) {
  Json states = Json::object();
  for (as::CellState state : as::kCellStates) states[StateName(state)] = tally.Count(state);
  return Json{{"cells", tally.cells}, {"states", states}, {"wide", tally.wide}, {"outliers", tally.outliers}};
}

Json Tallies(const std::map<std::string, as::Tally>& tallies, const char* key) {
  Json rows = Json::array();
  for (const auto& [id, tally] : tallies) {
    Json row = Json{{key, id}};
    row.update(TallyJson(tally));
    rows.push_back(std::move(row));
  }
  return rows;
}

Json Optional(const std::optional<double>& value) { return value ? Json(*value) : Json(nullptr); }

}  // namespace

const char* RelationName(core::assessment::Relation relation) {
  switch (relation) {
    case as::Relation::kDrafter: return "drafting";
    case as::Relation::kReviewer: return "reviewer";
    case as::Relation::kNone: return "none";
  }
  return "none";
}

Json ScoreJson(const std::optional<core::Rational>& value) {
  return value ? Json(value->ToDouble()) : Json(nullptr);
}

Json RoundInfoJson(const app::RoundInfo& info) {
  return Json{{"id", info.id},
              {"edition", info.edition},
              {"baseline", info.baseline_edition},
              {"phase", as::Token(as::PhaseName(info.phase))},
              {"version", info.version},
              {"countries", info.countries},
              {"cells", info.cells},
              {"sections", info.sections}};
}

Json WorklistJson(const std::string& round, const std::vector<app::WorkItem>& items) {
  Json rows = Json::array();
  for (const app::WorkItem& item : items) {
    rows.push_back({{"iso3", item.iso3},
                    {"item", item.item},
                    {"kind", item.section ? "section" : "cell"},
                    {"state", StateName(item.state)},
                    {"version", item.version},
                    {"relation", RelationName(item.relation)},
                    {"drafted", item.drafted}});
  }
  return Json{{"round", round}, {"items", rows}};
}

Json CellViewJson(const std::string& round, const as::CellView& view) {
  Json submissions = Json::array();
  for (const as::Submission& s : view.submissions) {
    submissions.push_back({{"expert", s.expert.id},
                           {"score", s.score.ToDouble()},
                           {"justification", s.justification},
                           {"sources", s.sources},
                           {"confidence", s.confidence},
                           {"change_reason", s.change_reason}});
  }
  Json consensus = nullptr;
  if (view.consensus) {
    consensus = Json{{"proposal", view.consensus->proposal.ToDouble()},
                     {"spread", view.consensus->spread.ToDouble()},
                     {"count", view.consensus->count},
                     {"wide", view.consensus->wide}};
  }
  Json threads = Json::array();
  for (const as::CommentThread& thread : view.threads) {
    Json comments = Json::array();
    for (const as::Comment& c : thread.comments) {
      comments.push_back({{"author", c.author.id}, {"at", c.at}, {"text", c.text}});
    }
    threads.push_back({{"id", thread.id}, {"comments", comments}});
  }
  return Json{{"round", round},
              {"iso3", view.key.iso3},
              {"indicator", view.key.indicator},
              {"state", StateName(view.state)},
              {"version", view.version},
              {"settled", ScoreJson(view.settled)},
              {"others_visible", view.others_visible},
              {"submissions", submissions},
              {"consensus", consensus},
              {"threads", threads}};
}

Json OverviewJson(const app::RoundStatus& status) {
  Json flagged = Json::array();
  for (const auto& [key, signal] : status.flagged) {
    flagged.push_back({{"iso3", key.iso3},
                       {"indicator", key.indicator},
                       {"proposal", signal.consensus ? Json(signal.consensus->proposal.ToDouble()) : Json(nullptr)},
                       {"spread", signal.consensus ? Json(signal.consensus->spread.ToDouble()) : Json(nullptr)},
                       {"z", Optional(signal.z)},
                       {"wide", signal.wide()},
                       {"outlier", signal.outlier()}});
  }
  Json reliability = Json::array();
  for (const core::PanelReliability& r : status.reliability) {
    reliability.push_back({{"id", r.id},
                           {"units", r.units},
                           {"raters", r.raters},
                           {"ratings", r.ratings},
                           {"alpha_interval", Optional(r.alpha_interval)},
                           {"alpha_ordinal", Optional(r.alpha_ordinal)},
                           {"icc", r.icc ? Json(r.icc->single) : Json(nullptr)}});
  }
  return Json{{"round", RoundInfoJson(status.info)},
              {"total", TallyJson(status.progress.total)},
              {"countries", Tallies(status.progress.countries, "iso3")},
              {"indicators", Tallies(status.progress.indicators, "indicator")},
              {"experts", Tallies(status.progress.experts, "expert")},
              {"flagged", flagged},
              {"reliability", reliability}};
}

Json PublishJson(const app::PublishReport& report) {
  return Json{{"edition", report.edition},
              {"revision", report.revision},
              {"countries", report.countries},
              {"expert_scores", report.expert_scores},
              {"changes",
               {{"raised", report.changes.raised},
                {"lowered", report.changes.lowered},
                {"unchanged", report.changes.unchanged},
                {"added", report.changes.added}}}};
}

}  // namespace ocindex::server
