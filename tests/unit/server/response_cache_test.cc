#include "faces/server/response_cache.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>

namespace ocindex::server {
namespace {

using adapters::http::Request;
using adapters::http::Response;

Request Get(std::string target) {
  Request request;
  request.method = "GET";
  request.target = std::move(target);
  const size_t question = request.target.find('?');
  request.path = request.target.substr(0, question);
  if (question != std::string::npos) {
    EXPECT_TRUE(adapters::http::ParseQuery(request.target.substr(question + 1), request.query));
  }
  return request;
}

// A 200 of `bytes` bytes, counting its computations.
std::function<Response()> Body(size_t bytes, int& computed) {
  return [bytes, &computed] {
    ++computed;
    Response response;
    response.SetBody(std::string(bytes, 'x'));
    return response;
  };
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

TEST(ResponseCache, BoundedByBytesLeastRecentlyServedFirst) {
  int computed = 0;
  const auto compute = Body(900, computed);
  ResponseCache probe;
  probe.Serve(Get("/a"), compute);
  const size_t entry = probe.bytes();  // what one of these responses costs
  ASSERT_GT(entry, 900u);
  const size_t budget = 4 * entry + entry / 2;  // room for four
  ResponseCache cache(budget);
  computed = 0;
  for (const char* target : {"/a", "/b", "/c", "/d"}) cache.Serve(Get(target), compute);
  EXPECT_EQ(cache.entries(), 4u);
  cache.Serve(Get("/a"), compute);  // served: now the most recent
  cache.Serve(Get("/e"), compute);  // pushes out /b, the least recently served
  EXPECT_EQ(computed, 5);
  EXPECT_EQ(cache.entries(), 4u);
  EXPECT_LE(cache.bytes(), budget);
  cache.Serve(Get("/a"), compute);
  EXPECT_EQ(computed, 5);
  cache.Serve(Get("/b"), compute);
  EXPECT_EQ(computed, 6);
  EXPECT_LE(cache.bytes(), budget);
}

TEST(ResponseCache, OneResponseMayNotTakeMostOfTheBudget) {
  ResponseCache cache(4000);
  int computed = 0;
  cache.Serve(Get("/big"), Body(1500, computed));
  cache.Serve(Get("/big"), Body(1500, computed));
  EXPECT_EQ(computed, 2);
  EXPECT_EQ(cache.entries(), 0u);
}

TEST(ResponseCache, QueryOrderDoesNotMakeANewEntry) {
  ResponseCache cache;
  int computed = 0;
  const auto compute = Body(10, computed);
  cache.Serve(Get("/a?x=1&y=2"), compute);
  cache.Serve(Get("/a?y=2&x=1"), compute);
  cache.Serve(Get("/a?y=%32&x=1"), compute);  // the same values, escaped
  EXPECT_EQ(computed, 1);
  cache.Serve(Get("/a?x=1&y=3"), compute);
  EXPECT_EQ(computed, 2);
}

}  // namespace
}  // namespace ocindex::server
