#include "faces/server/response_cache.h"

#include <mutex>

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
}  // namespace

Response ResponseCache::Serve(const adapters::http::Request& request, const std::function<Response()>& compute) {
  // The format is part of the key: one target answers JSON or CSV by Accept.
  const std::string key = request.target + (WantsCsv(request) ? "\ncsv" : "\njson");
  std::shared_ptr<const Response> cached;
  uint64_t generation = 0;
  {
    std::shared_lock lock(mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end()) cached = it->second;
    generation = generation_;
  }
  if (!cached) {
    Response fresh = compute();
    if (fresh.status != 200) return fresh;  // errors are cheap and not worth a slot
    MarkCacheable(fresh);
    cached = std::make_shared<const Response>(std::move(fresh));
    std::unique_lock lock(mutex_);
    // Computed from what Clear() dropped: served once, not kept.
    if (entries_.size() < capacity_ && generation == generation_) entries_.emplace(key, cached);
  }
  const std::string* etag = EtagOf(*cached);
  if (etag != nullptr && adapters::http::EtagMatches(request.Header("if-none-match"), *etag)) return NotModified(*cached);
  return *cached;
}

void ResponseCache::Clear() {
  std::unique_lock lock(mutex_);
  entries_.clear();
  ++generation_;
}

}  // namespace ocindex::server
