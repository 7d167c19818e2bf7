#include "faces/server/workspace_auth.h"

#include <charconv>

#include "app/assessment/secrets.h"

namespace ocindex::server {
namespace {

Result<app::Principal> Caller(app::Accounts& accounts, const Request& request) {
  const std::string authorization = request.Header("authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (authorization.rfind(kBearer, 0) == 0) return accounts.FromToken(authorization.substr(kBearer.size()));
  const std::string session = request.Cookie(kSessionCookie);
  if (session.empty()) return MakeError(ErrorCode::kUnauthenticated, "sign in first (POST /api/v1/session)");
  return accounts.FromSession(session);
}

bool Writes(const Request& request) { return request.method != "GET" && request.method != "HEAD"; }

}  // namespace

adapters::http::RouteHandler Authenticated(app::Accounts& accounts, WorkspaceHandler handler) {
  return [&accounts, handler = std::move(handler)](const Request& request, const adapters::http::PathParams& params) {
    auto caller = Caller(accounts, request);
    if (!caller) return ErrorResponse(caller.error());
    if (Writes(request) && !caller->session.empty()) {
      const std::string token = request.Header("x-csrf-token");
      if (token.empty() || !app::SecretsEqual(app::SecretDigest(token), caller->csrf)) {
        return adapters::http::ErrorResponse(403, "csrf",
                                             "a write needs the session's CSRF token in the X-CSRF-Token header");
      }
    }
    return handler(request, params, *caller);
  };
}

std::string SessionCookie(const Request& request, const std::string& session_id, int64_t max_age_seconds) {
  return std::string(kSessionCookie) + "=" + session_id + "; Path=/; HttpOnly; SameSite=Strict; " +
         (request.tls ? "Secure; " : "") + "Max-Age=" + std::to_string(session_id.empty() ? 0 : max_age_seconds);
}

int IfMatchVersion(const Request& request) {
  const std::string header = request.Header("if-match");  // owns the bytes `tag` views
  std::string_view tag = header;
  if (tag.empty()) return -1;
  if (tag.size() < 3 || tag.front() != '"' || tag.back() != '"') return -2;
  tag = tag.substr(1, tag.size() - 2);
  if (!tag.empty() && tag.front() == 'v') tag.remove_prefix(1);
  int version = 0;
  auto [end, error] = std::from_chars(tag.data(), tag.data() + tag.size(), version);
  if (error != std::errc() || end != tag.data() + tag.size() || version < 0) return -2;
  return version;
}

std::string VersionTag(int version) { return "\"v" + std::to_string(version) + "\""; }

std::optional<Response> RequireVersion(const Request& request, int& version) {
  version = IfMatchVersion(request);
  if (version == -1) {
    return adapters::http::ErrorResponse(428, "precondition_required",
                                         "send If-Match with the ETag of the item as you last read it");
  }
  if (version == -2) return adapters::http::ErrorResponse(400, "bad_request", "If-Match is not an ETag such as \"v3\"");
  return std::nullopt;
}

std::optional<Response> ParseBody(const Request& request, Json& body) {
  body = Json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) {
    return adapters::http::ErrorResponse(400, "bad_request", "the body must be a JSON object");
  }
  return std::nullopt;
}

}  // namespace ocindex::server
