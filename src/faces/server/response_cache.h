// Responses computed once and then served from memory. Published editions never
// change while the server runs (it loads them at start-up), so a successful response
// is fixed by its path, its query and its format: the first request computes it, adds a
// strong ETag and Cache-Control, and every later one gets the stored bytes.
#pragma once

#include <cstddef>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "adapters/http/message.h"

namespace ocindex::server {

class ResponseCache {
 public:
  // Holds at most `byte_budget` bytes (bodies, headers and keys): query strings are
  // client-chosen, so the least recently served responses make room for new ones.
  static constexpr size_t kDefaultBudget = size_t{32} << 20;
  explicit ResponseCache(size_t byte_budget = kDefaultBudget) : budget_(byte_budget) {}

  // The cached response for the request, computing it with `compute` on a miss;
  // 304 with no body when If-None-Match names its ETag. Only 200s are kept. Thread-safe.
  adapters::http::Response Serve(const adapters::http::Request& request,
                                 const std::function<adapters::http::Response()>& compute);

  size_t bytes() const;    // held now
  size_t entries() const;

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const adapters::http::Response> response;
    size_t bytes = 0;
  };
  std::shared_ptr<const adapters::http::Response> Find(const std::string& key);
  void Keep(std::string key, std::shared_ptr<const adapters::http::Response> response);

  const size_t budget_;
  mutable std::mutex mutex_;
  std::list<Entry> recent_;  // most recently served first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  size_t bytes_ = 0;
};

// The cache key of a request: its path, its query pairs in order of name (so that
// "?a=1&b=2" and "?b=2&a=1" share an entry) and the format it answers in.
std::string CacheKey(const adapters::http::Request& request);

// Adds ETag and Cache-Control (public, max-age) to a successful response.
void MarkCacheable(adapters::http::Response& response);

}  // namespace ocindex::server
