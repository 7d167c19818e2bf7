#include "adapters/http/router.h"

#include <algorithm>

namespace ocindex::adapters::http {

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> segments;
  while (!path.empty()) {
    size_t slash = path.find('/');
    std::string_view segment = path.substr(0, slash);
    if (!segment.empty()) segments.push_back(segment);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

void Router::Add(std::string method, std::string pattern, RouteHandler handler) {
  std::vector<std::string> segments;
  for (std::string_view segment : SplitPath(pattern)) segments.emplace_back(segment);
  routes_.push_back({std::move(method), std::move(pattern), std::move(segments), std::move(handler)});
}

Response Router::Dispatch(const Request& request) const {
  const std::vector<std::string_view> parts = SplitPath(request.path);
  const std::string method = request.method == "HEAD" ? "GET" : request.method;
  std::string allowed;  // the methods of the routes whose pattern matches
  for (const Route& route : routes_) {
    if (route.segments.size() != parts.size()) continue;
    PathParams params;
    bool matches = true;
    for (size_t i = 0; i < parts.size() && matches; ++i) {
      const std::string& segment = route.segments[i];
      if (segment.size() > 2 && segment.front() == '{' && segment.back() == '}') {
        params[segment.substr(1, segment.size() - 2)] = std::string(parts[i]);
      } else {
        matches = segment == parts[i];
      }
    }
    if (!matches) continue;
    if (route.method == method) return route.handler(request, params);
    allowed += (allowed.empty() ? "" : ", ") + route.method + (route.method == "GET" ? ", HEAD" : "");
  }
  if (!allowed.empty()) {
    Response response = ErrorResponse(405, "method_not_allowed", request.method + " is not allowed; use " + allowed);
    response.headers.emplace_back("Allow", allowed);
    return response;
  }
  return ErrorResponse(404, "not_found", "no such path: " + request.path);
}

std::vector<std::string> Router::Patterns() const {
  std::vector<std::string> patterns;
  for (const Route& route : routes_) {
    if (std::find(patterns.begin(), patterns.end(), route.pattern) == patterns.end()) patterns.push_back(route.pattern);
  }
  return patterns;
}

}  // namespace ocindex::adapters::http
