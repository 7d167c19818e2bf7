// Signing in and out, changing one's password, and API tokens for scripts.
#include "faces/server/workspace_auth.h"
#include "faces/server/workspace_routes.h"

namespace ocindex::server {
namespace {

using adapters::http::PathParams;

Json AccountJson(const app::Principal& caller) {
  return Json{{"user", caller.actor.user.id}, {"role", core::assessment::RoleName(caller.actor.role)}};
}

Response SignIn(app::Accounts& accounts, const Request& request) {
  Json body;
  if (auto bad = ParseBody(request, body)) return *bad;
  if (!body.contains("user") || !body["user"].is_string() || !body.contains("password") ||
      !body["password"].is_string()) {
    return adapters::http::ErrorResponse(422, "invalid_input", "send {\"user\": ..., \"password\": ...}");
  }
  auto session = accounts.SignIn(body["user"].get<std::string>(), body["password"].get<std::string>(), request.remote);
  if (!session) return ErrorResponse(session.error());
  Response response = JsonResponse(Json{{"user", session->account.id},
                                        {"role", core::assessment::RoleName(session->account.role)},
                                        {"csrf_token", session->csrf},
                                        {"expires", app::FormatMillis(session->expires)}});
  response.headers.emplace_back("Set-Cookie",
                                SessionCookie(request, session->id, accounts.policy().session_ms / 1000));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

}  // namespace

void AddSessionRoutes(WorkspaceTable& table, app::Workspace& workspace) {
  app::Accounts& accounts = workspace.accounts();
  const ParamDoc token_id{"id", "path", true, "The token's id (not its secret)", "0a1b2c3d4e5f"};
  table.push_back(
      {"POST", "/api/v1/session",
       {"Sign in: sets an HttpOnly, SameSite=Strict session cookie and answers the CSRF token that every write "
        "with this session must send as X-CSRF-Token. Failed sign-ins are limited per account and per address "
        "(429 while locked out)",
        {}, "SignIn", "Session", 200, false, true},
       [&accounts](const Request& request, const PathParams&) { return SignIn(accounts, request); }});
  table.push_back({"GET", "/api/v1/session",
                   {"Who is signed in (session cookie or API token)", {}, "", "Account", 200, false, false},
                   Authenticated(accounts, [](const Request&, const PathParams&, const app::Principal& caller) {
                     return JsonResponse(AccountJson(caller));
                   })});
  table.push_back(
      {"DELETE", "/api/v1/session",
       {"Sign out: the session ends everywhere and its cookie is cleared", {}, "", "Account", 200, false, false},
       Authenticated(accounts, [&accounts](const Request& request, const PathParams&, const app::Principal& caller) {
         if (Status ended = accounts.SignOut(caller); !ended) return ErrorResponse(ended.error());
         Response response = JsonResponse(AccountJson(caller));
         response.headers.emplace_back("Set-Cookie", SessionCookie(request, "", 0));
         return response;
       })});
  table.push_back(
      {"PUT", "/api/v1/session/password",
       {"Change one's own password (the current one is needed); every session of the user ends", {},
        "PasswordChange", "Account", 200, false, false},
       Authenticated(accounts, [&accounts](const Request& request, const PathParams&, const app::Principal& caller) {
         Json body;
         if (auto bad = ParseBody(request, body)) return *bad;
         if (!body.contains("current") || !body["current"].is_string() || !body.contains("new") ||
             !body["new"].is_string()) {
           return adapters::http::ErrorResponse(422, "invalid_input", "send {\"current\": ..., \"new\": ...}");
         }
         Status changed = accounts.ChangeOwnPassword(caller.actor.user.id, body["current"].get<std::string>(),
                                                     body["new"].get<std::string>());
         if (!changed) return ErrorResponse(changed.error());
         Response response = JsonResponse(AccountJson(caller));
         response.headers.emplace_back("Set-Cookie", SessionCookie(request, "", 0));
         return response;
       })});
  table.push_back(
      {"POST", "/api/v1/tokens",
       {"Issue an API token for scripts (Authorization: Bearer ...); the secret is shown in this answer only", {},
        "TokenRequest", "IssuedToken", 201, false, false},
       Authenticated(accounts, [&accounts](const Request& request, const PathParams&, const app::Principal& caller) {
         Json body;
         if (auto bad = ParseBody(request, body)) return *bad;
         const std::string label = body.value("label", "");
         auto token = accounts.IssueToken(caller.actor.user.id, label);
         if (!token) return ErrorResponse(token.error());
         Response response = JsonResponse(Json{{"id", token->id}, {"token", token->secret}, {"label", label}});
         response.status = 201;
         response.headers.emplace_back("Cache-Control", "no-store");
         return response;
       })});
  table.push_back(
      {"GET", "/api/v1/tokens",
       {"The caller's API tokens (never their secrets)", {}, "", "Tokens", 200, false, false},
       Authenticated(accounts, [&accounts](const Request&, const PathParams&, const app::Principal& caller) {
         auto tokens = accounts.Tokens(caller.actor.user.id);
         if (!tokens) return ErrorResponse(tokens.error());
         Json rows = Json::array();
         for (const app::TokenInfo& t : *tokens) {
           rows.push_back({{"id", t.id}, {"label", t.label}, {"created_at", t.created_at}, {"revoked", t.revoked}});
         }
         return JsonResponse(Json{{"tokens", rows}});
       })});
  table.push_back(
      {"DELETE", "/api/v1/tokens/{id}",
       {"Revoke one of the caller's API tokens (an admin may revoke anyone's)", {token_id}, "", "Account", 200,
        false, false},
       Authenticated(accounts, [&accounts](const Request&, const PathParams& params, const app::Principal& caller) {
         auto tokens = accounts.Tokens(caller.actor.user.id);
         if (!tokens) return ErrorResponse(tokens.error());
         const bool own = std::any_of(tokens->begin(), tokens->end(),
                                      [&](const app::TokenInfo& t) { return t.id == params.at("id"); });
         if (!own && caller.actor.role != core::assessment::Role::kAdmin) {
           return ErrorResponse(MakeError(ErrorCode::kNotFound, "no token " + params.at("id")));
         }
         if (Status revoked = accounts.RevokeToken(caller.actor.user.id, params.at("id")); !revoked) {
           return ErrorResponse(revoked.error());
         }
         return JsonResponse(AccountJson(caller));
       })});
}

}  // namespace ocindex::server
