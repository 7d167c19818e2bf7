// Responses computed once and then served from memory. Published editions change
// only when a round is published through this server (which then clears the cache),
// so a successful response is fixed by its request target and format: the first
// request computes it, adds a strong ETag and Cache-Control, and every later one gets
// the stored bytes.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "adapters/http/message.h"

namespace ocindex::server {

class ResponseCache {
 public:
  // At most `capacity` entries: targets are client-chosen, so the cache is bounded;
  // once full, new responses are computed each time (still correct, only slower).
  explicit ResponseCache(size_t capacity = 4096) : capacity_(capacity) {}

  // The cached response for the request, computing it with `compute` on a miss;
  // 304 with no body when If-None-Match names its ETag. Thread-safe.
  adapters::http::Response Serve(const adapters::http::Request& request,
                                 const std::function<adapters::http::Response()>& compute);
  // Drops every response; one being computed meanwhile is served but not kept.
  void Clear();

 private:
  size_t capacity_;
  std::shared_mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const adapters::http::Response>> entries_;
  uint64_t generation_ = 0;  // counts Clear()s
};

// Adds ETag and Cache-Control (public, max-age) to a successful response.
void MarkCacheable(adapters::http::Response& response);

}  // namespace ocindex::server
