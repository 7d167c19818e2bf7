// Who is calling the workspace: a session cookie (from sign-in: HttpOnly,
// SameSite=Strict) or an API token (Authorization: Bearer ocx_...). A write with a
// session must also send the session's CSRF token in X-CSRF-Token: a page on another
// site can make the browser send the cookie, but cannot read the token. API tokens
// are not sent by browsers on their own, so they need none.
#pragma once

#include <string>

#include "app/assessment/accounts.h"
#include "faces/server/workspace_routes.h"

namespace ocindex::server {

inline constexpr const char* kSessionCookie = "ocindex_session";

// Wraps `handler`: 401 without valid credentials, 403 (code "csrf") for a session's
// write without its CSRF token.
adapters::http::RouteHandler Authenticated(app::Accounts& accounts, WorkspaceHandler handler);

// The Set-Cookie value that opens (or, with an empty id, ends) a session; Secure (sent
// back over HTTPS only) when `request` arrived over TLS.
std::string SessionCookie(const Request& request, const std::string& session_id, int64_t max_age_seconds);

// The version an If-Match header names ("\"v3\"" or "\"3\""): -1 when absent, -2 when malformed.
int IfMatchVersion(const Request& request);
// The ETag of an item version: "\"v3\"".
std::string VersionTag(int version);
// 428 when If-Match is missing, 400 when it is malformed; otherwise nullopt and `version`.
std::optional<Response> RequireVersion(const Request& request, int& version);

// The request's JSON body, or a 400/422 response.
std::optional<Response> ParseBody(const Request& request, Json& body);

}  // namespace ocindex::server
