// A caller of the API's workspace in tests: signs in (keeping the session cookie and
// CSRF token, as a browser page would) or uses an API token, and sends JSON.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "support/http_client.h"

namespace ocindex::test {

class WorkspaceClient {
 public:
  explicit WorkspaceClient(uint16_t port) : port_(port) {}

  // Signs in; the reply's status (200 on success).
  int SignIn(const std::string& user, const std::string& password) {
    HttpReply reply = HttpRequest(port_, "POST", "/api/v1/session", {},
                                  nlohmann::json{{"user", user}, {"password", password}}.dump());
    if (reply.status == 200) {
      const std::string cookie = reply.Header("set-cookie");
      session_ = cookie.substr(0, cookie.find(';'));
      csrf_ = nlohmann::json::parse(reply.body).at("csrf_token").get<std::string>();
    }
    return reply.status;
  }
  void UseToken(const std::string& token) { token_ = token; }
  // Sends on a connection each thread keeps open (HttpRequestKeepAlive), for load.
  void KeepAlive() { keep_alive_ = true; }
  void SetCsrf(const std::string& csrf) { csrf_ = csrf; }
  void SetCookie(const std::string& cookie) { session_ = cookie; }
  const std::string& cookie() const { return session_; }
  const std::string& csrf() const { return csrf_; }

  HttpReply Send(const std::string& method, const std::string& target, const nlohmann::json& body = nullptr,
                 int if_match = -1) const {
    std::map<std::string, std::string> headers;
    if (!session_.empty()) headers["Cookie"] = session_;
    if (!token_.empty()) headers["Authorization"] = "Bearer " + token_;
    if (!csrf_.empty() && method != "GET") headers["X-CSRF-Token"] = csrf_;
    if (if_match >= 0) headers["If-Match"] = "\"v" + std::to_string(if_match) + "\"";
    const std::string bytes = body.is_null() ? std::string() : body.dump();
    return keep_alive_ ? HttpRequestKeepAlive(port_, method, target, headers, bytes)
                       : HttpRequest(port_, method, target, headers, bytes);
  }
  HttpReply Get(const std::string& target) const { return Send("GET", target); }

 private:
  uint16_t port_;
  std::string session_;  // "ocindex_session=..."
  std::string csrf_;
  std::string token_;
  bool keep_alive_ = false;
};

}  // namespace ocindex::test
