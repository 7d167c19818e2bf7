#include "adapters/catalog/store_copy.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "adapters/catalog/catalog.h"
#include "adapters/store/sqlite_store.h"
#include "support/fixtures.h"

namespace ocindex::adapters {
namespace {

std::unique_ptr<Store> Open(const std::string& path) {
  auto store = OpenSqliteStore(path);
  EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().ToString());
  return store.ok() ? std::move(*store) : nullptr;
}

ProfileToStore Narrative(const std::string& text, const std::string& author) {
  ProfileToStore p;
  p.iso3 = "KAZ";
  p.edition = "2021";
  p.sections = {{"summary", "Summary", text, 1}};
  p.unplaced = {{"Stray heading", "kept, never dropped", 5}};
  p.footer = "Funded by a test.";
  p.source = "narrative.md";
  p.author = author;
  p.note = "revision by " + author;
  return p;
}

// A store with history: the bundled editions, a second revision of 2021, two
// revisions of a narrative and two of expert scores.
std::unique_ptr<Store> StoreWithHistory(const std::string& path) {
  auto catalog = Catalog::Open(Open(path));
  EXPECT_TRUE(catalog.ok());
  auto store = Open(path);
  auto editions = BundledEditions(catalog->geography());
  EXPECT_TRUE(editions.ok());
  EditionToStore revised = (*editions)[0];
  revised.dataset.score(0, 0) = core::Rational(7);
  revised.source = "revised.csv";
  EXPECT_TRUE(store->SaveEditions({revised}, /*replace=*/true).ok());
  EXPECT_TRUE(store->SaveProfile(Narrative("First draft.", "ana")).ok());
  EXPECT_TRUE(store->SaveProfile(Narrative("Second draft.", "ben")).ok());
  for (double score : {6.5, 7.0}) {
    ExpertScoresToStore set{"2021", {{"2021", "KAZ", "heroin_trade", "E1", score, "seizures"},
                                     {"2021", "KAZ", "heroin_trade", "E2", 6.0, ""}},
                            "experts.csv", ""};
    EXPECT_TRUE(store->SaveExpertScores({set}).ok());
  }
  return store;
}

TEST(StoreCopyTest, CopiesEveryRevisionWithItsTimeAndReadsBackTheSame) {
  test::TempDir dir;
  auto source = StoreWithHistory(dir.File("source.db"));
  auto target = Open(dir.File("target.db"));
  auto report = CopyStore(*source, *target);
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_EQ(report->counts.countries, 193);
  EXPECT_EQ(report->counts.editions, 3);
  EXPECT_EQ(report->counts.edition_revisions, 4);
  EXPECT_EQ(report->counts.profile_revisions, 2);
  EXPECT_EQ(report->counts.expert_revisions, 2);
  EXPECT_EQ(report->counts.expert_scores, 4);
  EXPECT_EQ(report->checksum.size(), 64u);

  // Revision numbers, times, authors and values as they were.
  auto revisions = target->ListRevisions(source->ListEditions()->front().edition);
  ASSERT_TRUE(revisions.ok());
  auto original = source->ListRevisions(revisions->front().edition);
  ASSERT_EQ(revisions->size(), 2u);
  for (size_t i = 0; i < revisions->size(); ++i) {
    EXPECT_EQ((*revisions)[i].revision, (*original)[i].revision);
    EXPECT_EQ((*revisions)[i].stored_at, (*original)[i].stored_at);
    EXPECT_EQ((*revisions)[i].source, (*original)[i].source);
  }
  auto narrative = target->LoadProfile("KAZ", "2021", 1);
  ASSERT_TRUE(narrative.ok());
  EXPECT_EQ(narrative->info.author, "ana");
  EXPECT_EQ(narrative->sections.front().text, "First draft.");
  EXPECT_EQ(narrative->unplaced.front().text, "kept, never dropped");
  auto experts = target->LoadExpertScores("2021", 1);
  ASSERT_TRUE(experts.ok());
  EXPECT_EQ(experts->scores.front().score, 6.5);

  // And back again: the same checksum.
  auto back = Open(dir.File("back.db"));
  auto again = CopyStore(*target, *back);
  ASSERT_TRUE(again.ok()) << again.error().ToString();
  EXPECT_EQ(again->checksum, report->checksum);
}

TEST(StoreCopyTest, ChecksumChangesWithAnyValue) {
  test::TempDir dir;
  auto store = StoreWithHistory(dir.File("source.db"));
  auto history = ReadHistory(*store);
  ASSERT_TRUE(history.ok());
  const std::string before = HistoryChecksum(*history);
  history->expert_scores.back().scores.back().justification = "changed";
  EXPECT_NE(HistoryChecksum(*history), before);
  history = ReadHistory(*store);
  history->profiles.front().stored_at = "2000-01-01T00:00:00Z";
  EXPECT_NE(HistoryChecksum(*history), before);
}

TEST(StoreCopyTest, RefusesATargetThatHoldsDataAndChangesNothing) {
  test::TempDir dir;
  auto source = StoreWithHistory(dir.File("source.db"));
  auto target = StoreWithHistory(dir.File("target.db"));
  const std::string before = HistoryChecksum(*ReadHistory(*target));
  auto report = CopyStore(*source, *target);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::kConflict);
  EXPECT_EQ(HistoryChecksum(*ReadHistory(*target)), before);
}

TEST(StoreCopyTest, ABadRevisionWritesNothing) {
  test::TempDir dir;
  auto source = StoreWithHistory(dir.File("source.db"));
  auto history = ReadHistory(*source);
  ASSERT_TRUE(history.ok());
  history->profiles.back().iso3.clear();  // invalid: a narrative needs a country
  auto target = Open(dir.File("target.db"));
  EXPECT_FALSE(target->Restore(*history).ok());
  EXPECT_TRUE(*target->IsEmpty());
}

}  // namespace
}  // namespace ocindex::adapters
