// The document's schemas agree with the route table: each JSON route's body schema
// exists and requires exactly the route's declared top-level keys, and every $ref
// resolves.
#include "faces/server/api_schemas.h"

#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "faces/server/route_table.h"

namespace ocindex::server {
namespace {

std::set<std::string> Strings(const Json& list) {
  std::set<std::string> out;
  for (const Json& item : list) out.insert(item.get<std::string>());
  return out;
}

TEST(ApiSchemas, EachRouteSchemaRequiresItsDeclaredKeys) {
  const Json schemas = ApiSchemas();
  auto engine = app::Engine::Open(":memory:");
  ASSERT_TRUE(engine.ok()) << engine.error().ToString();
  for (const ApiRoute& route : ApiRoutes(**engine)) {
    if (route.doc.answers_file()) continue;  // a file has no JSON schema
    ASSERT_TRUE(schemas.contains(route.doc.schema)) << route.pattern << ": no schema '" << route.doc.schema << "'";
    const Json& schema = schemas[route.doc.schema];
    const std::set<std::string> declared(route.doc.required_keys.begin(), route.doc.required_keys.end());
    EXPECT_EQ(Strings(schema["required"]), declared) << route.pattern;
    EXPECT_EQ(schema["additionalProperties"], false) << route.pattern;
  }
}

TEST(ApiSchemas, EveryReferenceResolves) {
  const Json document = Json::parse(*OpenApiDocument());
  EXPECT_EQ(document["openapi"], "3.0.3");
  const Json& schemas = document["components"]["schemas"];
  int refs = 0;
  std::function<void(const Json&)> visit = [&](const Json& node) {
    if (node.is_object() && node.contains("$ref")) {
      const std::string ref = node["$ref"];
      ++refs;
      EXPECT_EQ(ref.rfind("#/components/schemas/", 0), 0u) << ref;
      EXPECT_TRUE(schemas.contains(ref.substr(ref.rfind('/') + 1))) << ref;
    }
    if (node.is_structured()) {
      for (const Json& child : node) visit(child);
    }
  };
  visit(document);
  EXPECT_GT(refs, 40);
}

}  // namespace
}  // namespace ocindex::server
