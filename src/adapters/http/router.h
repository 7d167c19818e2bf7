// Maps "GET /api/v1/editions/{edition}/ranks" style patterns to handlers. Literal
// segments match exactly; "{name}" matches one non-empty segment and is captured.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/http/message.h"

namespace ocindex::adapters::http {

using PathParams = std::map<std::string, std::string>;
using RouteHandler = std::function<Response(const Request&, const PathParams&)>;

class Router {
 public:
  // A route for one method; GET routes also answer HEAD (the headers only).
  void Add(std::string method, std::string pattern, RouteHandler handler);
  void Get(std::string pattern, RouteHandler handler) { Add("GET", std::move(pattern), std::move(handler)); }
  // The matching route's response; 404 JSON for an unknown path, 405 (with Allow) for
  // a method the path does not answer.
  Response Dispatch(const Request& request) const;
  // Every registered pattern once (several methods may share one), in registration order.
  std::vector<std::string> Patterns() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    RouteHandler handler;
  };
  std::vector<Route> routes_;
};

// "/a/b/" -> {"a", "b"}; empty segments dropped.
std::vector<std::string_view> SplitPath(std::string_view path);

}  // namespace ocindex::adapters::http
