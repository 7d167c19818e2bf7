// Assessment rounds over HTTP: create and staff a round, move its phases, draft and
// review cells and sections, comment, follow progress and publish. The services
// (app/assessment/rounds.h) check every write against the round's roles, assignments,
// phase and state machine; these routes parse, call and render.
#include "app/assessment/round_staffing.h"
#include "core/assessment/names.h"
#include "faces/server/round_json.h"
#include "faces/server/workspace_auth.h"
#include "faces/server/workspace_routes.h"

namespace ocindex::server {
namespace {

namespace as = core::assessment;
using adapters::http::PathParams;

as::CellKey CellOf(const PathParams& params) { return {params.at("iso3"), params.at("indicator")}; }
as::SectionKey SectionOf(const PathParams& params) { return {params.at("iso3"), params.at("section")}; }

Response Invalid(const std::string& message) { return adapters::http::ErrorResponse(422, "invalid_input", message); }

// A written item's new version, as body and ETag.
Response Written(const Result<int>& version, int status = 200) {
  if (!version) return ErrorResponse(version.error());
  Response response = JsonResponse(Json{{"version", *version}});
  response.status = status;
  response.headers.emplace_back("ETag", VersionTag(*version));
  return response;
}

std::optional<as::CellState> StateIn(const Json& body) {
  if (!body.contains("to") || !body["to"].is_string()) return std::nullopt;
  return as::Named(body["to"].get<std::string>(), as::kCellStates, as::CellStateName);
}

std::string TextIn(const Json& body, const char* key) {
  return body.contains(key) && body[key].is_string() ? body[key].get<std::string>() : "";
}

// A list of strings under `key`, if present (absent: left empty); false when malformed.
bool StringsIn(const Json& body, const char* key, std::vector<std::string>& out) {
  if (!body.contains(key)) return true;
  if (!body[key].is_array()) return false;
  for (const Json& item : body[key]) {
    if (!item.is_string()) return false;
    out.push_back(item.get<std::string>());
  }
  return true;
}

Response Info(app::Rounds& rounds, const std::string& round, const as::Actor& actor, int status = 200) {
  auto info = rounds.Info(round, actor);
  if (!info) return ErrorResponse(info.error());
  Response response = JsonResponse(RoundInfoJson(*info));
  response.status = status;
  return response;
}

Response Create(app::Rounds& rounds, const Request& request, const as::Actor& actor) {
  Json body;
  if (auto bad = ParseBody(request, body)) return *bad;
  app::NewRound spec{TextIn(body, "id"), TextIn(body, "edition"), TextIn(body, "baseline"), {}};
  if (body.contains("countries")) {
    if (!body["countries"].is_array()) return Invalid("countries is a list of ISO3 codes");
    for (const Json& c : body["countries"]) {
      if (!c.is_string()) return Invalid("countries is a list of ISO3 codes");
      spec.countries.push_back(c.get<std::string>());
    }
  }
  auto created = rounds.Create(actor, spec);
  if (!created) return ErrorResponse(created.error());
  Response response = JsonResponse(RoundInfoJson(*created));
  response.status = 201;
  return response;
}

Response Submit(app::Rounds& rounds, const Request& request, const PathParams& params, const as::Actor& actor) {
  int seen = 0;
  if (auto missing = RequireVersion(request, seen)) return *missing;
  Json body;
  if (auto bad = ParseBody(request, body)) return *bad;
  auto submission = app::SubmissionFrom(body);
  if (!submission) return ErrorResponse(submission.error());
  return Written(rounds.Submit(params.at("round"), actor, CellOf(params), *submission, seen));
}

Response MoveCell(app::Rounds& rounds, const Request& request, const PathParams& params, const as::Actor& actor) {
  int seen = 0;
  if (auto missing = RequireVersion(request, seen)) return *missing;
  Json body;
  if (auto bad = ParseBody(request, body)) return *bad;
  const std::optional<as::CellState> to = StateIn(body);
  if (!to) return Invalid("send {\"to\": a cell state (draft, submitted, in_review, agreed, final)}");
  std::optional<core::Rational> settled;
  if (body.contains("settled") && !body["settled"].is_null()) {
    settled = core::Rational::ParseDecimal(body["settled"].is_string() ? body["settled"].get<std::string>()
                                                                        : body["settled"].dump());
    if (!settled) return Invalid("settled is a score such as 5.5");
  }
  return Written(rounds.Move(params.at("round"), actor, CellOf(params), *to, TextIn(body, "reason"), seen, settled));
}

Response WriteSection(app::Rounds& rounds, const Request& request, const PathParams& params, const as::Actor& actor) {
  int seen = 0;
  if (auto missing = RequireVersion(request, seen)) return *missing;
  Json body;
  if (auto bad = ParseBody(request, body)) return *bad;
  return Written(rounds.WriteSection(params.at("round"), actor, SectionOf(params), TextIn(body, "text"), seen));
}

Response MoveSection(app::Rounds& rounds, const Request& request, const PathParams& params, const as::Actor& actor) {
  int seen = 0;
  if (auto missing = RequireVersion(request, seen)) return *missing;
  Json body;
  if (auto bad = ParseBody(request, body)) return *bad;
  const std::optional<as::CellState> to = StateIn(body);
  if (!to) return Invalid("send {\"to\": a state (draft, submitted, in_review, agreed, final)}");
  return Written(rounds.MoveSection(params.at("round"), actor, SectionOf(params), *to, TextIn(body, "reason"), seen));
}

Response Thread(const Result<int>& thread) {
  if (!thread) return ErrorResponse(thread.error());
  Response response = JsonResponse(Json{{"thread", *thread}});
  response.status = 201;
  return response;
}

}  // namespace

void AddRoundRoutes(WorkspaceTable& table, app::Workspace& workspace, std::function<void()> published) {
  app::Rounds& rounds = workspace.rounds();
  app::Accounts& accounts = workspace.accounts();
  const ParamDoc round{"round", "path", true, "The round's id", "r2027"};
  const ParamDoc iso3{"iso3", "path", true, "ISO3 code", "KAZ"};
  const ParamDoc indicator{"indicator", "path", true, "Indicator id", "human_trafficking"};
  const ParamDoc section{"section", "path", true, "Narrative section id", "summary"};
  const ParamDoc thread{"thread", "path", true, "Thread id within the round", "1"};
  auto add = [&](const char* method, const char* pattern, WorkspaceDoc doc, WorkspaceHandler handler) {
    table.push_back({method, pattern, std::move(doc), Authenticated(accounts, std::move(handler))});
  };
  auto info = [&rounds](const Request&, const PathParams& p, const app::Principal& c) {
    return Info(rounds, p.at("round"), c.actor);
  };

  add("GET", "/api/v1/rounds",
      {"The rounds the caller takes part in (the index team: every round; everyone: published ones)", {}, "",
       "Rounds", 200, false, false},
      [&rounds](const Request&, const PathParams&, const app::Principal& c) {
        auto list = rounds.List(c.actor);
        if (!list) return ErrorResponse(list.error());
        Json rows = Json::array();
        for (const app::RoundInfo& i : *list) rows.push_back(RoundInfoJson(i));
        return JsonResponse(Json{{"rounds", rows}});
      });
  add("POST", "/api/v1/rounds",
      {"Create a round (index team): the edition it publishes as, made on a stored baseline edition's framework, "
       "countries, scores and narratives",
       {}, "NewRound", "Round", 201, false, false},
      [&rounds](const Request& r, const PathParams&, const app::Principal& c) { return Create(rounds, r, c.actor); });
  add("GET", "/api/v1/rounds/{round}", {"A round: phase, size, version", {round}, "", "Round", 200, false, false},
      info);
  add("PUT", "/api/v1/rounds/{round}/assignments",
      {"Replace the round's assignments (index team): drafting experts and reviewers per cell and section, "
       "thematic reviewers per indicator",
       {round}, "Assignments", "Round", 200, false, false},
      [&rounds](const Request& r, const PathParams& p, const app::Principal& c) {
        Json body;
        if (auto bad = ParseBody(r, body)) return *bad;
        auto assignments = app::AssignmentsFrom(body);
        if (!assignments) return ErrorResponse(assignments.error());
        if (Status done = rounds.Assign(p.at("round"), c.actor, *assignments); !done) return ErrorResponse(done.error());
        return Info(rounds, p.at("round"), c.actor);
      });
  add("POST", "/api/v1/rounds/{round}/assignments/round-robin",
      {"Staff the round in one step (index team): every cell gets experts_per_cell drafting experts and one "
       "reviewer, dealt round-robin; each country's listed narrative sections go to its first cell's team. "
       "Replaces the assignments",
       {round}, "RoundRobin", "Round", 200, false, false},
      [&rounds](const Request& r, const PathParams& p, const app::Principal& c) {
        Json body;
        if (auto bad = ParseBody(r, body)) return *bad;
        app::RoundRobinRequest request;
        if (!body.contains("experts_per_cell") || !body["experts_per_cell"].is_number_integer() ||
            !StringsIn(body, "experts", request.experts) || !StringsIn(body, "reviewers", request.reviewers) ||
            !StringsIn(body, "sections", request.sections)) {
          return Invalid("send {experts_per_cell: a number, experts: [...], reviewers: [...], sections?: [...]}");
        }
        request.per_cell = body["experts_per_cell"].get<int>();
        auto assignments = app::RoundRobinStaffing(rounds, p.at("round"), c.actor, request);
        if (!assignments) return ErrorResponse(assignments.error());
        if (Status done = rounds.Assign(p.at("round"), c.actor, *assignments); !done) return ErrorResponse(done.error());
        return Info(rounds, p.at("round"), c.actor);
      });
  add("POST", "/api/v1/rounds/{round}/phase",
      {"Move the round to another phase (index team); going back needs a reason", {round}, "PhaseChange", "Round",
       200, false, false},
      [&rounds](const Request& r, const PathParams& p, const app::Principal& c) {
        Json body;
        if (auto bad = ParseBody(r, body)) return *bad;
        auto to = as::Named(TextIn(body, "to"), as::kPhases, as::PhaseName);
        if (!to) return Invalid("send {\"to\": drafting, review_open, calibration or settled}");
        Status done = rounds.ChangePhase(p.at("round"), c.actor, *to, TextIn(body, "reason"));
        if (!done) return ErrorResponse(done.error());
        return Info(rounds, p.at("round"), c.actor);
      });
  add("GET", "/api/v1/rounds/{round}/worklist",
      {"The cells and sections assigned to the caller, with their state and version", {round}, "", "Worklist", 200,
       false, false},
      [&rounds](const Request&, const PathParams& p, const app::Principal& c) {
        auto items = rounds.Worklist(p.at("round"), c.actor);
        if (!items) return ErrorResponse(items.error());
        return JsonResponse(WorklistJson(p.at("round"), *items));
      });
  add("GET", "/api/v1/rounds/{round}/progress",
      {"Progress for the index team: cells by state and flag per country, indicator and expert, the flagged "
       "cells, and Krippendorff's alpha and the ICC per indicator on the drafts so far",
       {round}, "", "RoundProgress", 200, false, false},
      [&rounds](const Request&, const PathParams& p, const app::Principal& c) {
        auto status = rounds.Overview(p.at("round"), c.actor);
        if (!status) return ErrorResponse(status.error());
        return JsonResponse(OverviewJson(*status));
      });
  add("GET", "/api/v1/rounds/{round}/cells/{iso3}/{indicator}",
      {"A cell as the caller may see it: before review opens an expert sees only their own draft. The ETag is "
       "the cell's version, for If-Match on writes",
       {round, iso3, indicator}, "", "Cell", 200, true, false},
      [&rounds](const Request&, const PathParams& p, const app::Principal& c) {
        auto view = rounds.View(p.at("round"), c.actor, CellOf(p));
        if (!view) return ErrorResponse(view.error());
        Response response = JsonResponse(CellViewJson(p.at("round"), *view));
        response.headers.emplace_back("ETag", VersionTag(view->version));
        return response;
      });
  add("PUT", "/api/v1/rounds/{round}/cells/{iso3}/{indicator}/submission",
      {"The caller's draft score with its justification, sources and confidence (a move of 1.0 or more from the "
       "baseline needs change_reason)",
       {round, iso3, indicator}, "Submission", "Written", 200, true, false},
      [&rounds](const Request& r, const PathParams& p, const app::Principal& c) { return Submit(rounds, r, p, c.actor); });
  add("POST", "/api/v1/rounds/{round}/cells/{iso3}/{indicator}/transition",
      {"Move a cell through its states (docs/ASSESSMENT.md); agreeing may give the settled score",
       {round, iso3, indicator}, "Transition", "Written", 200, true, false},
      [&rounds](const Request& r, const PathParams& p, const app::Principal& c) {
        return MoveCell(rounds, r, p, c.actor);
      });
  add("POST", "/api/v1/rounds/{round}/cells/{iso3}/{indicator}/threads",
      {"Open a review thread on a cell", {round, iso3, indicator}, "Comment", "ThreadId", 201, false, false},
      [&rounds](const Request& r, const PathParams& p, const app::Principal& c) {
        Json body;
        if (auto bad = ParseBody(r, body)) return *bad;
        return Thread(rounds.OpenThread(p.at("round"), c.actor, CellOf(p), TextIn(body, "text")));
      });
  add("POST", "/api/v1/rounds/{round}/threads/{thread}/replies",
      {"Answer a review thread", {round, thread}, "Comment", "ThreadId", 201, false, false},
      [&rounds](const Request& r, const PathParams& p, const app::Principal& c) {
        Json body;
        if (auto bad = ParseBody(r, body)) return *bad;
        int id = 0;
        try {
          id = std::stoi(p.at("thread"));
        } catch (const std::exception&) {
          return ErrorResponse(MakeError(ErrorCode::kNotFound, "no thread " + p.at("thread")));
        }
        Status done = rounds.Reply(p.at("round"), c.actor, id, TextIn(body, "text"));
        return Thread(done ? Result<int>(id) : Result<int>(done.error()));
      });
  add("PUT", "/api/v1/rounds/{round}/sections/{iso3}/{section}/text",
      {"The draft text of a narrative section (its experts share one text)", {round, iso3, section}, "SectionText",
       "Written", 200, true, false},
      [&rounds](const Request& r, const PathParams& p, const app::Principal& c) {
        return WriteSection(rounds, r, p, c.actor);
      });
  add("POST", "/api/v1/rounds/{round}/sections/{iso3}/{section}/transition",
      {"Move a narrative section through its states", {round, iso3, section}, "Transition", "Written", 200, true,
       false},
      [&rounds](const Request& r, const PathParams& p, const app::Principal& c) {
        return MoveSection(rounds, r, p, c.actor);
      });
  add("POST", "/api/v1/rounds/{round}/publication",
      {"Publish a settled round whose every item is final (index team): the edition, its narratives and its "
       "pseudonymous expert scores are stored in one transaction; answers what changed from the baseline",
       {round}, "", "Publication", 201, false, false},
      [&rounds, published](const Request&, const PathParams& p, const app::Principal& c) {
        auto report = rounds.Publish(p.at("round"), c.actor);
        if (!report) return ErrorResponse(report.error());
        if (published) published();
        Response response = JsonResponse(PublishJson(*report));
        response.status = 201;
        return response;
      });
}

}  // namespace ocindex::server
