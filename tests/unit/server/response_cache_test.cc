#include "faces/server/response_cache.h"

#include <gtest/gtest.h>

namespace ocindex::server {
namespace {

using adapters::http::Request;
using adapters::http::Response;

Request Get(std::string target) {
  Request request;
  request.method = "GET";
  request.target = std::move(target);
  return request;
}

TEST(ResponseCache, ComputesOnceAndAddsValidators) {
  ResponseCache cache;
  int computed = 0;
  auto compute = [&computed] {
    ++computed;
    Response response;
    response.SetBody("{\"n\":1}");
    return response;
  };
  Response first = cache.Serve(Get("/a"), compute);
  Response second = cache.Serve(Get("/a"), compute);
  EXPECT_EQ(computed, 1);
  EXPECT_EQ(first.body, second.body);  // the same shared bytes
  ASSERT_FALSE(first.headers.empty());
  EXPECT_EQ(first.headers[0].first, "ETag");
  Request conditional = Get("/a");
  conditional.headers["if-none-match"] = first.headers[0].second;
  Response not_modified = cache.Serve(conditional, compute);
  EXPECT_EQ(not_modified.status, 304);
  EXPECT_TRUE(not_modified.body->empty());
}

TEST(ResponseCache, ClearDropsEveryResponseAndOneComputedMeanwhileIsNotKept) {
  ResponseCache cache;
  int computed = 0;
  auto compute = [&computed] {
    ++computed;
    Response response;
    response.SetBody("{\"n\":" + std::to_string(computed) + "}");
    return response;
  };
  cache.Serve(Get("/a"), compute);
  cache.Clear();
  EXPECT_EQ(*cache.Serve(Get("/a"), compute).body, "{\"n\":2}");
  // A publication clears the cache while a request is computing from the old editions.
  auto racing = [&] {
    Response response = compute();
    cache.Clear();
    return response;
  };
  EXPECT_EQ(*cache.Serve(Get("/b"), racing).body, "{\"n\":3}");
  EXPECT_EQ(*cache.Serve(Get("/b"), compute).body, "{\"n\":4}");  // computed again, not the stale one
}

TEST(ResponseCache, FormatIsPartOfTheKeyAndErrorsAreNotCached) {
  ResponseCache cache;
  int computed = 0;
  auto compute = [&computed] {
    Response response;
    response.status = ++computed == 1 ? 500 : 200;
    return response;
  };
  EXPECT_EQ(cache.Serve(Get("/a"), compute).status, 500);
  EXPECT_EQ(cache.Serve(Get("/a"), compute).status, 200);
  Request csv = Get("/a");
  csv.headers["accept"] = "text/csv";
  cache.Serve(csv, compute);
  EXPECT_EQ(computed, 3);
}

TEST(ResponseCache, BoundedByCapacity) {
  ResponseCache cache(1);
  int computed = 0;
  auto compute = [&computed] {
    ++computed;
    return Response();
  };
  cache.Serve(Get("/a"), compute);
  cache.Serve(Get("/b"), compute);
  cache.Serve(Get("/b"), compute);  // no room: computed again
  cache.Serve(Get("/a"), compute);  // cached
  EXPECT_EQ(computed, 3);
}

}  // namespace
}  // namespace ocindex::server
