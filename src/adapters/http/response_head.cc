#include "adapters/http/response_head.h"

#include <boost/beast/http/status.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <strings.h>

namespace ocindex::adapters::http {
namespace {

void AppendClean(std::string& out, std::string_view text) {
  const size_t start = out.size();
  out.append(text);
  // Two memchr scans: the common case, a value with neither, is not walked byte by byte.
  if (text.find('\r') == std::string_view::npos && text.find('\n') == std::string_view::npos) return;
  std::replace_if(out.begin() + static_cast<std::ptrdiff_t>(start), out.end(),
                  [](char c) { return c == '\r' || c == '\n'; }, ' ');
}

void AppendField(std::string& out, std::string_view name, std::string_view value) {
  AppendClean(out, name);
  out.append(": ");
  AppendClean(out, value);
  out.append("\r\n");
}

bool SameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

bool ResponseSets(const Response& response, std::string_view name) {
  return std::any_of(response.headers.begin(), response.headers.end(),
                     [&](const auto& field) { return SameName(field.first, name); });
}

}  // namespace

void WriteHead(const Response& response, const HeadOptions& options, std::string& out) {
  out.clear();
  const auto status = static_cast<unsigned>(response.status);
  out.append("HTTP/1.1 ");
  fmt::format_to(std::back_inserter(out), "{} ", status);
  const auto reason = boost::beast::http::obsolete_reason(boost::beast::http::int_to_status(status));
  out.append(reason.data(), reason.size());
  out.append("\r\n");
  if (!ResponseSets(response, "Server")) AppendField(out, "Server", "ocindex");
  if (!ResponseSets(response, "Content-Type")) AppendField(out, "Content-Type", response.content_type);
  if (options.server_headers != nullptr) {
    for (const auto& [name, value] : *options.server_headers) {
      if (!ResponseSets(response, name)) AppendField(out, name, value);
    }
  }
  // Browsers that reached the server over TLS keep to HTTPS for a year: a later
  // plain-HTTP link or typed address cannot expose the session cookie.
  if (options.tls && !ResponseSets(response, "Strict-Transport-Security")) {
    AppendField(out, "Strict-Transport-Security", "max-age=31536000");
  }
  for (const auto& [name, value] : response.headers) {
    if (!SameName(name, "Content-Length") && !SameName(name, "Connection")) AppendField(out, name, value);
  }
  if (!options.keep_alive) out.append("Connection: close\r\n");
  if (response.status != 304) fmt::format_to(std::back_inserter(out), "Content-Length: {}\r\n", response.body->size());
  out.append("\r\n");
}

}  // namespace ocindex::adapters::http
