// Expert-level scores in the SQLite store: every import is a new revision per edition,
// older ones stay, and a database from before the expert tables keeps what it held.
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
          "experts.csv"};
}

TEST(ExpertStore, EachSaveAddsARevisionPerEditionAndKeepsTheOldOnes) {
  auto opened = OpenSqliteStore(":memory:");
  ASSERT_TRUE(opened.ok()) << opened.error().ToString();
  Store* store = opened->get();
  auto first = store->SaveExpertScores({Set("2023", 6.5), Set("2021", 3)});
  ASSERT_TRUE(first.ok()) << first.error().ToString();
  EXPECT_EQ(*first, (std::vector<int>{1, 1}));
  auto second = store->SaveExpertScores({Set("2023", 9)});
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*second, std::vector<int>{2});

  auto current = store->LoadExpertScores("2023");
  ASSERT_TRUE(current.ok()) << current.error().ToString();
  EXPECT_EQ(current->info.revision, 2);
  EXPECT_EQ(current->info.scores, 3);
  EXPECT_EQ(current->info.experts, 2);
  EXPECT_EQ(current->info.source, "experts.csv");
  ASSERT_EQ(current->scores.size(), 3u);
  EXPECT_EQ(current->scores[0].score, 9.0);
  EXPECT_EQ(current->scores[0].edition, "2023");
  EXPECT_EQ(current->scores[0].justification, "route, \"north\"");
  EXPECT_EQ(current->scores[2].iso3, "UZB");

  auto old = store->LoadExpertScores("2023", 1);
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->scores[0].score, 6.5);

  auto list = store->ListExpertScores();
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ((*list)[0].edition, "2021");
  EXPECT_EQ((*list)[2].edition, "2023");
  EXPECT_EQ((*list)[2].revision, 2);
}

TEST(ExpertStore, AbsentScoresAreNotFoundAndBadSetsStoreNothing) {
  auto opened = OpenSqliteStore(":memory:");
  ASSERT_TRUE(opened.ok()) << opened.error().ToString();
  Store* store = opened->get();
  auto missing = store->LoadExpertScores("2023");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_NE(missing.error().message.find("ocindex reliability import"), std::string::npos);

  ExpertScoresToStore mixed = Set("2023", 5);
  mixed.scores.push_back({"2021", "KAZ", "heroin_trade", "E3", 4, {}});
  EXPECT_FALSE(store->SaveExpertScores({Set("2021", 5), mixed}).ok());
  ExpertScoresToStore twice = Set("2023", 5);
  twice.scores.push_back(twice.scores.front());  // the same expert and cell again
  EXPECT_FALSE(store->SaveExpertScores({Set("2021", 5), twice}).ok());
  EXPECT_TRUE(store->ListExpertScores()->empty());  // all or nothing
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
