// What the HTTP server hands to a handler and expects back: plain values, so route
// code and its tests never see Boost.Beast.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ocindex::adapters::http {

struct Request {
  std::string method;  // "GET", "HEAD", ...
  std::string target;  // as sent: path and query
  std::string path;    // percent-decoded, without the query
  std::multimap<std::string, std::string> query;  // percent-decoded; '+' is a space
  std::map<std::string, std::string> headers;     // names lower-case
  std::string body;    // as sent (bounded by the server's body limit)
  std::string remote;  // the client's address, for rate limits and logs
  bool tls = false;    // it arrived over TLS: cookies set in answer are marked Secure

  // The first value of a query parameter, or "" when absent.
  std::string Param(std::string_view name) const;
  bool HasParam(std::string_view name) const { return query.find(std::string(name)) != query.end(); }
  // A header's value (name lower-case), or "".
  std::string Header(std::string_view name) const;
  // A cookie's value from the Cookie header, or "".
  std::string Cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  // Shared so cached responses are sent without copying the bytes.
  std::shared_ptr<const std::string> body = std::make_shared<const std::string>();
  std::vector<std::pair<std::string, std::string>> headers;  // extra: ETag, Cache-Control, ...

  void SetBody(std::string bytes) { body = std::make_shared<const std::string>(std::move(bytes)); }
};

// {"error":{"code":..,"message":..,"suggestions":[..]}} with the given status.
Response ErrorResponse(int status, std::string_view code, std::string_view message,
                       const std::vector<std::string>& suggestions = {});

// Splits "a=1&b=x%20y" into decoded pairs; false on a malformed escape.
bool ParseQuery(std::string_view query, std::multimap<std::string, std::string>& out);
// Decodes %XX escapes (and '+' as space when `plus_is_space`); false on a malformed escape.
bool PercentDecode(std::string_view text, bool plus_is_space, std::string& out);

// A strong ETag for a body: a quoted 64-bit FNV-1a hash and the length.
std::string StrongEtag(std::string_view body);
// Whether an If-None-Match header value matches `etag` ("*" or a listed tag).
bool EtagMatches(std::string_view if_none_match, std::string_view etag);

}  // namespace ocindex::adapters::http
