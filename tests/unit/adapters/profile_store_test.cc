// Narratives in the SQLite store: every save is a new revision, older ones stay.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "adapters/store/sqlite_store.h"
#include "support/fixtures.h"

namespace ocindex::adapters {
namespace {

std::unique_ptr<Store> OpenOrFail(const std::string& path) {
  auto store = OpenSqliteStore(path);
  if (!store) {
    ADD_FAILURE() << store.error().ToString();
    return nullptr;
  }
  return std::move(*store);
}

ProfileToStore Profile(const std::string& people_text, const std::string& author) {
  ProfileToStore profile;
  profile.iso3 = "VAL";
  profile.edition = "2021";
  profile.sections = {{"people", "PEOPLE", people_text, 1}, {"trade", "Trade", "Boats carry arms.", 5}};
  profile.unplaced = {{"MARITIME PIRACY", "Ships are seized.", 9}};
  profile.footer = "Funded by the Lakeside Trust.";
  profile.source = "valdoria.txt";
  profile.author = author;
  profile.note = "first draft";
  return profile;
}

TEST(ProfileStore, SaveAddsRevisionsAndKeepsOlderOnes) {
  auto store = OpenOrFail(":memory:");
  ASSERT_NE(store, nullptr);
  auto first = store->SaveProfile(Profile("Victims are moved north.", "ana"));
  ASSERT_TRUE(first.ok()) << first.error().ToString();
  EXPECT_EQ(*first, 1);
  auto second = store->SaveProfile(Profile("Victims are moved south.", "ben"));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*second, 2);

  auto current = store->LoadProfile("VAL", "2021");
  ASSERT_TRUE(current.ok()) << current.error().ToString();
  EXPECT_EQ(current->info.revision, 2);
  EXPECT_EQ(current->info.author, "ben");
  ASSERT_EQ(current->sections.size(), 2u);
  EXPECT_EQ(current->sections[0].text, "Victims are moved south.");
  EXPECT_EQ(current->sections[1].heading, "Trade");
  EXPECT_EQ(current->sections[1].line, 5);
  ASSERT_EQ(current->unplaced.size(), 1u);
  EXPECT_EQ(current->unplaced[0].heading, "MARITIME PIRACY");
  EXPECT_EQ(current->footer, "Funded by the Lakeside Trust.");

  auto old = store->LoadProfile("VAL", "2021", 1);
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->sections[0].text, "Victims are moved north.");
  EXPECT_EQ(old->info.author, "ana");

  auto history = store->ListProfileRevisions("VAL", "2021");
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].revision, 1);
  EXPECT_EQ((*history)[0].note, "first draft");
  EXPECT_EQ((*history)[1].sections, 2);
  // PEOPLE + 4, Trade + 3, MARITIME PIRACY + 3, footer 5.
  EXPECT_EQ((*history)[1].words, 1 + 4 + 1 + 3 + 2 + 3 + 5);
  EXPECT_FALSE((*history)[1].stored_at.empty());
}

TEST(ProfileStore, MissingProfileIsNotFound) {
  auto store = OpenOrFail(":memory:");
  ASSERT_NE(store, nullptr);
  auto missing = store->LoadProfile("VAL", "2021");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(store->SaveProfile(Profile("Text.", "ana")).ok());
  auto no_revision = store->LoadProfile("VAL", "2021", 7);
  ASSERT_FALSE(no_revision.ok());
  EXPECT_NE(no_revision.error().message.find("revision 7"), std::string::npos);
  EXPECT_EQ(store->ListProfileRevisions("VAL", "2023").error().code, ErrorCode::kNotFound);
}

TEST(ProfileStore, ListProfilesGivesCurrentRevisionPerCountry) {
  auto store = OpenOrFail(":memory:");
  ASSERT_NE(store, nullptr);
  ProfileToStore other = Profile("Text.", "ana");
  other.iso3 = "ARC";
  ASSERT_TRUE(store->SaveProfile(Profile("One.", "ana")).ok());
  ASSERT_TRUE(store->SaveProfile(Profile("Two.", "ana")).ok());
  ASSERT_TRUE(store->SaveProfile(other).ok());
  auto list = store->ListProfiles("2021");
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].iso3, "ARC");
  EXPECT_EQ((*list)[1].iso3, "VAL");
  EXPECT_EQ((*list)[1].revision, 2);
  EXPECT_TRUE(store->ListProfiles("2025")->empty());
}

TEST(ProfileStore, ProfilesSurviveReopeningAFile) {
  test::TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  {
    auto store = OpenOrFail(dir.File("p.db"));
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->SaveProfile(Profile("Kept.", "ana")).ok());
  }
  auto store = OpenOrFail(dir.File("p.db"));
  ASSERT_NE(store, nullptr);
  auto loaded = store->LoadProfile("VAL", "2021");
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->sections[0].text, "Kept.");
}

TEST(ProfileStore, IncompleteProfileIsRejected) {
  auto store = OpenOrFail(":memory:");
  ASSERT_NE(store, nullptr);
  ProfileToStore profile = Profile("Text.", "ana");
  profile.iso3.clear();
  auto saved = store->SaveProfile(profile);
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(store->ListProfiles("2021")->size(), 0u);
}

}  // namespace
}  // namespace ocindex::adapters
