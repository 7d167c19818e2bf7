// Responses computed once and then served from memory. Published editions change
// only when a round is published through this server (which then clears the cache),
// so a successful response is fixed by its path, its query and its format: the first
// request computes it, adds a strong ETag and Cache-Control, and every later one gets
// the stored bytes.
#pragma once

#include <cstddef>
#include <cstdint>
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

  // Drops every response; one being computed meanwhile is served but not kept.
  void Clear();

  size_t bytes() const;    // held now
  size_t entries() const;

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const adapters::http::Response> response;
    size_t bytes = 0;
  };
  // Also reads the generation, for Keep.
  std::shared_ptr<const adapters::http::Response> Find(const std::string& key, uint64_t& generation);
  // Unless Clear() ran since `generation` was read.
  void Keep(std::string key, std::shared_ptr<const adapters::http::Response> response, uint64_t generation);

  const size_t budget_;
  mutable std::mutex mutex_;
  std::list<Entry> recent_;  // most recently served first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  size_t bytes_ = 0;
  uint64_t generation_ = 0;  // counts Clear()s
};

// The cache key of a request: its path, its query pairs in order of name (so that
// "?a=1&b=2" and "?b=2&a=1" share an entry) and the format it answers in.
std::string CacheKey(const adapters::http::Request& request);

// Adds ETag and Cache-Control (public, max-age) to a successful response.
void MarkCacheable(adapters::http::Response& response);

}  // namespace ocindex::server
