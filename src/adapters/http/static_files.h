// Serves the files of one directory (the explorer's build) read-only: content type by
// extension, a strong ETag, and no way out of the directory ("..", symlinks leaving it).
#pragma once

#include <optional>
#include <string>

#include "adapters/http/message.h"

namespace ocindex::adapters::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::string root);

  // Whether the directory exists (with an index.html).
  bool available() const;
  // The file for a request path ("/" is index.html), 304 when If-None-Match matches;
  // nullopt when there is no such file inside the root.
  std::optional<Response> Serve(const Request& request) const;

 private:
  std::string root_;  // canonical
};

// "text/html; charset=utf-8" for "x.html", ..., "application/octet-stream" otherwise.
std::string ContentTypeFor(const std::string& path);

}  // namespace ocindex::adapters::http
