// Expert-level scores in an SQLite database from before the expert tables: it gains them
// and keeps what it held. What every store does with expert scores is in
// store_conformance_test.cc.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "adapters/store/sqlite_store.h"
#include "support/fixtures.h"

namespace ocindex::adapters {
namespace {

ExpertScoresToStore Set(const std::string& edition, double first_score) {
  return {edition,
          {{edition, "KAZ", "heroin_trade", "E1", first_score, "route, \"north\""},
           {edition, "KAZ", "heroin_trade", "E2", 7.5, {}},
           {edition, "UZB", "heroin_trade", "E1", 1, {}}},
          "experts.csv", {}};
}

TEST(ExpertStore, AnOlderDatabaseGainsTheTablesAndKeepsItsProfiles) {
  test::TempDir dir;
  const std::string path = dir.File("v2.db");
  {
    auto v2 = OpenSqliteStoreAtSchema(path, 2);
    ASSERT_TRUE(v2.ok()) << v2.error().ToString();
    ProfileToStore profile;
    profile.iso3 = "KAZ";
    profile.edition = "2023";
    profile.sections = {{"people", "PEOPLE", "Text.", 1}};
    profile.source = "kaz.txt";
    profile.author = "ana";
    ASSERT_TRUE((*v2)->SaveProfile(profile).ok());
  }
  auto opened = OpenSqliteStore(path);
  ASSERT_TRUE(opened.ok()) << opened.error().ToString();
  Store* store = opened->get();
  ASSERT_TRUE(store->SaveExpertScores({Set("2023", 5)}).ok());
  EXPECT_TRUE(store->LoadProfile("KAZ", "2023").ok());
  EXPECT_EQ(store->LoadExpertScores("2023")->scores.size(), 3u);
}

}  // namespace
}  // namespace ocindex::adapters
