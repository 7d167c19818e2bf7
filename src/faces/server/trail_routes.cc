// The audit trail over HTTP, for the index team: filtered, as JSON or CSV, and its
// completeness check.
#include "app/assessment/trail.h"
#include "faces/server/route_support.h"
#include "faces/server/workspace_auth.h"
#include "faces/server/workspace_routes.h"

namespace ocindex::server {
namespace {

namespace as = core::assessment;
using adapters::http::PathParams;

bool IndexTeam(const app::Principal& caller) {
  return caller.actor.role == as::Role::kAdmin || caller.actor.role == as::Role::kCoordinator;
}

Response Forbidden() {
  return ErrorResponse(MakeError(ErrorCode::kForbidden, "the audit trail is for the index team (coordinator, admin)"));
}

}  // namespace

void AddTrailRoutes(WorkspaceTable& table, app::Workspace& workspace, adapters::Store& store) {
  app::Accounts& accounts = workspace.accounts();
  table.push_back(
      {"GET", "/api/v1/trail",
       {"The audit trail (index team): who, when, what, before, after and why of every write, oldest first; "
        "filters combine; ?format=csv for CSV",
        {{"stream", "query", false, "Stream prefix: 'round/' for every round, 'accounts'", "round/"},
         {"actor", "query", false, "A user id", "alice"},
         {"action", "query", false, "Action prefix, such as 'cell.'", "cell."},
         {"since", "query", false, "ISO 8601 time, inclusive", "2026-01-01"},
         {"until", "query", false, "ISO 8601 time, exclusive", "2027-01-01"},
         {"after", "query", false, "Only entries after this seq (paging)", "0"},
         {"limit", "query", false, "At most this many entries (default 1000, at most 10000)", "100"}},
        "", "Trail", 200, false, false},
       Authenticated(accounts, [&store](const Request& request, const PathParams&, const app::Principal& caller) {
         if (!IndexTeam(caller)) return Forbidden();
         adapters::JournalFilter filter;
         filter.stream_prefix = request.Param("stream");
         filter.actor = request.Param("actor");
         filter.action_prefix = request.Param("action");
         filter.since = request.Param("since");
         filter.until = request.Param("until");
         try {
           filter.after_seq = std::stoll(ParamOr(request, "after", "0"));
           filter.limit = static_cast<size_t>(std::clamp(std::stoll(ParamOr(request, "limit", "1000")), 1LL, 10000LL));
         } catch (const std::exception&) {
           return adapters::http::ErrorResponse(422, "invalid_input", "after and limit are whole numbers");
         }
         auto entries = store.ReadJournal(filter);
         if (!entries) return ErrorResponse(entries.error());
         if (WantsCsv(request)) {
           Response response;
           response.content_type = "text/csv; charset=utf-8";
           response.SetBody(app::TrailCsv(*entries));
           return response;
         }
         Response response;
         response.SetBody("{\"entries\":" + app::TrailJson(*entries) + "}");
         return response;
       })});
  table.push_back(
      {"GET", "/api/v1/trail/check",
       {"Whether the trail accounts for every stored version of every round and account (index team)", {}, "",
        "TrailCheck", 200, false, false},
       Authenticated(accounts, [&store](const Request&, const PathParams&, const app::Principal& caller) {
         if (!IndexTeam(caller)) return Forbidden();
         auto check = app::CheckTrail(store);
         if (!check) return ErrorResponse(check.error());
         return JsonResponse(Json{{"ok", check->ok()},
                                  {"entries", check->entries},
                                  {"streams", check->streams},
                                  {"rounds", check->rounds},
                                  {"item_versions", check->item_versions},
                                  {"comments", check->comments},
                                  {"publications", check->publications},
                                  {"problems", check->problems}});
       })});
}

}  // namespace ocindex::server
