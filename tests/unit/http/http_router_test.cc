#include "adapters/http/router.h"

#include <gtest/gtest.h>

namespace ocindex::adapters::http {
namespace {

Request Get(std::string path, std::string method = "GET") {
  Request request;
  request.method = std::move(method);
  request.path = std::move(path);
  return request;
}

Router Sample() {
  Router router;
  router.Get("/api/v1/editions", [](const Request&, const PathParams&) {
    Response response;
    response.SetBody("list");
    return response;
  });
  router.Get("/api/v1/editions/{edition}/countries/{iso3}", [](const Request&, const PathParams& params) {
    Response response;
    response.SetBody(params.at("edition") + "/" + params.at("iso3"));
    return response;
  });
  return router;
}

TEST(Router, MatchesLiteralsAndCapturesParameters) {
  Router router = Sample();
  EXPECT_EQ(*router.Dispatch(Get("/api/v1/editions")).body, "list");
  EXPECT_EQ(*router.Dispatch(Get("/api/v1/editions/")).body, "list");
  EXPECT_EQ(*router.Dispatch(Get("/api/v1/editions/2021/countries/KAZ")).body, "2021/KAZ");
}

TEST(Router, UnknownPathsAre404Json) {
  Router router = Sample();
  for (const char* path : {"/", "/api/v1", "/api/v1/editions/2021", "/api/v1/editions/2021/countries/KAZ/x"}) {
    Response response = router.Dispatch(Get(path));
    EXPECT_EQ(response.status, 404) << path;
    EXPECT_NE(response.body->find("\"not_found\""), std::string::npos);
  }
}

TEST(Router, OtherMethodsAre405) {
  Response response = Sample().Dispatch(Get("/api/v1/editions", "DELETE"));
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(Sample().Dispatch(Get("/api/v1/editions", "HEAD")).status, 200);
}

TEST(Router, ListsPatterns) {
  EXPECT_EQ(Sample().Patterns(),
            (std::vector<std::string>{"/api/v1/editions", "/api/v1/editions/{edition}/countries/{iso3}"}));
}

TEST(SplitPath, DropsEmptySegments) {
  EXPECT_EQ(SplitPath("//a/b/"), (std::vector<std::string_view>{"a", "b"}));
  EXPECT_TRUE(SplitPath("/").empty());
}

}  // namespace
}  // namespace ocindex::adapters::http
