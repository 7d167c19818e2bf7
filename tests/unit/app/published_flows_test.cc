// Flows are published from the extraction stored for each narrative revision, and a
// revision read for the first time has its extraction stored (app/published_flows.h).
#include "app/published_flows.h"

#include <gtest/gtest.h>

#include "adapters/catalog/profiles.h"
#include "adapters/io/statements_json.h"
#include "app/engine.h"
#include "support/fixtures.h"

namespace ocindex::app {
namespace {

constexpr const char* kGeorgia =
    "DRUGS\n"
    "Georgia serves as a transit hub for heroin coming from Iran and bound for Ukraine.\n";

std::unique_ptr<Engine> OpenWith(const test::TempDir& dir, const char* narrative) {
  auto engine = Engine::Open(dir.File("ocindex.db"));
  EXPECT_TRUE(engine.ok()) << engine.error().ToString();
  if (narrative != nullptr) {
    const std::string path = dir.File("GEO.txt");
    EXPECT_TRUE(test::WriteFile(path, narrative).ok());
    auto report = adapters::ImportProfile((*engine)->catalog(), {path, "GEO", "2021", "text", "tester", "", false});
    EXPECT_TRUE(report.ok()) << report.error().ToString();
  }
  EXPECT_TRUE((*engine)->LoadAll().ok());
  return std::move(*engine);
}

const core::Statement* FirstFlow(const PublishedFlows& flows) {
  for (const core::Statement& s : flows.statements.at(0).statements) {
    if (s.kind == core::StatementKind::kFlow) return &s;
  }
  return nullptr;
}

TEST(PublishedFlows, AnExtractionIsStoredWithItsRevisionAndServedFromThere) {
  test::TempDir dir;
  {
    auto engine = OpenWith(dir, kGeorgia);
    auto flows = engine->Flows();
    ASSERT_TRUE(flows.ok()) << flows.error().ToString();
    ASSERT_EQ((*flows)->statements.size(), 1u);
    ASSERT_NE(FirstFlow(**flows), nullptr);
    EXPECT_EQ(FirstFlow(**flows)->destinations, std::vector<std::string>{"UKR"});
    auto stored = engine->shared_store().LoadExtraction("GEO", "2021", 1, ExtractorFingerprint());
    ASSERT_TRUE(stored.ok() && stored->has_value());
    EXPECT_EQ(**stored, adapters::io::WriteStatementsJson((*flows)->statements[0]));

    // What is stored is what a server publishes: changed there, it is served changed.
    core::NarrativeStatements changed = (*flows)->statements[0];
    for (core::Statement& s : changed.statements) {
      if (s.kind == core::StatementKind::kFlow) s.destinations = {"POL"};
    }
    ASSERT_TRUE(engine->shared_store()
                    .SaveExtraction("GEO", "2021", 1, ExtractorFingerprint(), adapters::io::WriteStatementsJson(changed))
                    .ok());
  }
  auto engine = OpenWith(dir, nullptr);
  auto flows = engine->Flows();
  ASSERT_TRUE(flows.ok()) << flows.error().ToString();
  ASSERT_NE(FirstFlow(**flows), nullptr);
  EXPECT_EQ(FirstFlow(**flows)->destinations, std::vector<std::string>{"POL"});
}

TEST(PublishedFlows, ANewRevisionIsReadAgain) {
  test::TempDir dir;
  {
    auto engine = OpenWith(dir, kGeorgia);
    ASSERT_TRUE(engine->Flows().ok());
  }
  auto engine = OpenWith(dir, "DRUGS\nHeroin is trafficked from Iran to Armenia.\n");
  auto flows = engine->Flows();
  ASSERT_TRUE(flows.ok()) << flows.error().ToString();
  ASSERT_NE(FirstFlow(**flows), nullptr);
  EXPECT_EQ(FirstFlow(**flows)->destinations, std::vector<std::string>{"ARM"});
  EXPECT_TRUE(engine->shared_store().LoadExtraction("GEO", "2021", 2, ExtractorFingerprint())->has_value());
}

}  // namespace
}  // namespace ocindex::app
