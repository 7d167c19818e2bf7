// The status line and header fields of a response, written straight into a reused
// buffer: the server sends them and the (shared, never copied) body in one gathered
// write, with no per-field allocation.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "adapters/http/message.h"

namespace ocindex::adapters::http {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HeadOptions {
  const HeaderList* server_headers = nullptr;  // sent unless the response sets the same name
  bool tls = false;         // adds Strict-Transport-Security
  bool keep_alive = true;   // false: "Connection: close"
  bool head_only = false;   // a HEAD request: Content-Length of the body that is not sent
};

// Replaces `out` with the head of `response` (HTTP/1.1, ending in the blank line). A 304
// carries no Content-Length. Carriage returns and line feeds in a name or value become
// spaces, so no handler can split the head.
void WriteHead(const Response& response, const HeadOptions& options, std::string& out);

// Whether the body goes after the head: not for HEAD and not for 304.
inline bool SendsBody(const Response& response, const HeadOptions& options) {
  return !options.head_only && response.status != 304;
}

}  // namespace ocindex::adapters::http
