#include "adapters/http/message.h"

#include <fmt/format.h>

#include <cstdint>
#include <nlohmann/json.hpp>

namespace ocindex::adapters::http {

std::string Request::Param(std::string_view name) const {
  auto it = query.find(std::string(name));
  return it == query.end() ? std::string() : it->second;
}

std::string Request::Cookie(std::string_view name) const {
  const std::string header = Header("cookie");
  std::string_view cookies = header;
  while (!cookies.empty()) {
    const size_t end = cookies.find(';');
    std::string_view pair = cookies.substr(0, end);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const size_t equals = pair.find('=');
    if (equals != std::string_view::npos && pair.substr(0, equals) == name) return std::string(pair.substr(equals + 1));
    if (end == std::string_view::npos) break;
    cookies.remove_prefix(end + 1);
  }
  return "";
}

std::string Request::Header(std::string_view name) const {
  auto it = headers.find(std::string(name));
  return it == headers.end() ? std::string() : it->second;
}

namespace {
// JSON whose strings hold no '<', '>' or '&' (escaped as \u003c, \u003e, \u0026, which
// JSON parsers read back unchanged): an error echoes what the client sent, and text
// that a browser might sniff or a page might paste as HTML stays inert. The three never
// occur in JSON outside strings.
std::string HtmlSafe(std::string json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    switch (c) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default: out += c;
    }
  }
  return out;
}
}  // namespace

Response ErrorResponse(int status, std::string_view code, std::string_view message,
                       const std::vector<std::string>& suggestions) {
  nlohmann::ordered_json error = {{"code", code}, {"message", message}};
  if (!suggestions.empty()) error["suggestions"] = suggestions;
  Response response;
  response.status = status;
  response.SetBody(HtmlSafe(
      nlohmann::ordered_json{{"error", error}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

namespace {
int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

bool PercentDecode(std::string_view text, bool plus_is_space, std::string& out) {
  // Most paths and values have nothing to decode: one scan, one copy.
  if (text.find('%') == std::string_view::npos && (!plus_is_space || text.find('+') == std::string_view::npos)) {
    out.assign(text);
    return true;
  }
  out.clear();
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return false;
      int hi = HexValue(text[i + 1]);
      int lo = HexValue(text[i + 2]);
      if (hi < 0 || lo < 0) return false;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return true;
}

bool ParseQuery(std::string_view query, std::multimap<std::string, std::string>& out) {
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string key, value;
    if (!PercentDecode(pair.substr(0, eq), true, key)) return false;
    if (eq != std::string_view::npos && !PercentDecode(pair.substr(eq + 1), true, value)) return false;
    out.emplace(std::move(key), std::move(value));
  }
  return true;
}

std::string StrongEtag(std::string_view body) {
  uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : body) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return fmt::format("\"{:016x}-{:x}\"", hash, body.size());
}

bool EtagMatches(std::string_view if_none_match, std::string_view etag) {
  if (if_none_match.empty()) return false;
  size_t start = 0;
  while (start <= if_none_match.size()) {
    size_t comma = if_none_match.find(',', start);
    std::string_view tag = if_none_match.substr(start, comma == std::string_view::npos ? std::string_view::npos
                                                                                       : comma - start);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag == "*" || tag == etag) return true;
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return false;
}

}  // namespace ocindex::adapters::http
