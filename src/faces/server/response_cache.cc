#include "faces/server/response_cache.h"

#include "faces/server/api_json.h"

namespace ocindex::server {

using adapters::http::Response;

void MarkCacheable(Response& response) {
  response.headers.emplace_back("ETag", adapters::http::StrongEtag(*response.body));
  // Published figures do not change; an hour keeps a re-import visible the same day.
  response.headers.emplace_back("Cache-Control", "public, max-age=3600");
  response.headers.emplace_back("Vary", "Accept");
}

namespace {
Response NotModified(const Response& cached) {
  Response response;
  response.status = 304;
  response.content_type = cached.content_type;
  response.headers = cached.headers;
  return response;
}

const std::string* EtagOf(const Response& response) {
  for (const auto& [name, value] : response.headers) {
    if (name == "ETag") return &value;
  }
  return nullptr;
}

// What an entry costs: its bytes, its key twice (list and index) and the bookkeeping.
size_t EntryBytes(const std::string& key, const Response& response) {
  constexpr size_t kOverhead = 256;  // list node, index node, shared_ptr control block, Response
  size_t bytes = kOverhead + 2 * key.size() + response.body->size() + response.content_type.size();
  for (const auto& [name, value] : response.headers) bytes += name.size() + value.size() + 2 * sizeof(std::string);
  return bytes;
}
}  // namespace

std::string CacheKey(const adapters::http::Request& request) {
  // The query is a multimap, ordered by name; '\n' appears in no decoded name or value
  // the routes accept, and the path comes first, so keys of two requests never collide.
  std::string key = request.path;
  for (const auto& [name, value] : request.query) key += "\n" + name + "=" + value;
  // The format is part of the key: one target answers JSON or CSV by Accept.
  return key + (WantsCsv(request) ? "\n\ncsv" : "\n\njson");
}

std::shared_ptr<const Response> ResponseCache::Find(const std::string& key, uint64_t& generation) {
  std::lock_guard lock(mutex_);
  generation = generation_;
  auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  recent_.splice(recent_.begin(), recent_, it->second);
  return it->second->response;
}

void ResponseCache::Keep(std::string key, std::shared_ptr<const Response> response, uint64_t generation) {
  const size_t bytes = EntryBytes(key, *response);
  if (bytes > budget_ / 4) return;  // one response may not push out most of the others
  std::lock_guard lock(mutex_);
  if (generation != generation_) return;  // computed from what Clear() dropped: served once, not kept
  if (index_.count(key) != 0) return;     // another thread computed it meanwhile
  while (!recent_.empty() && bytes_ + bytes > budget_) {
    bytes_ -= recent_.back().bytes;
    index_.erase(recent_.back().key);
    recent_.pop_back();
  }
  recent_.push_front({key, std::move(response), bytes});
  index_.emplace(std::move(key), recent_.begin());
  bytes_ += bytes;
}

void ResponseCache::Clear() {
  std::lock_guard lock(mutex_);
  recent_.clear();
  index_.clear();
  bytes_ = 0;
  ++generation_;
}

size_t ResponseCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

size_t ResponseCache::entries() const {
  std::lock_guard lock(mutex_);
  return recent_.size();
}

Response ResponseCache::Serve(const adapters::http::Request& request, const std::function<Response()>& compute) {
  std::string key = CacheKey(request);
  uint64_t generation = 0;
  std::shared_ptr<const Response> cached = Find(key, generation);
  if (!cached) {
    Response fresh = compute();
    if (fresh.status != 200) return fresh;  // errors are cheap and not worth a slot
    MarkCacheable(fresh);
    cached = std::make_shared<const Response>(std::move(fresh));
    Keep(std::move(key), cached, generation);
  }
  const std::string* etag = EtagOf(*cached);
  if (etag != nullptr && adapters::http::EtagMatches(request.Header("if-none-match"), *etag)) return NotModified(*cached);
  return *cached;
}

}  // namespace ocindex::server
