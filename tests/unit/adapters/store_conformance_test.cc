// Every Store backend behaves the same. Each test runs on SQLite (a temporary file) and
// on PostgreSQL (a fresh database on the server at $OCINDEX_TEST_POSTGRES, dropped
// afterwards). Without that variable the PostgreSQL half is skipped, saying so, unless
// $OCINDEX_REQUIRE_POSTGRES=1 (CI), which makes a missing server a failure.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <pqxx/pqxx>

#include "adapters/catalog/catalog.h"
#include "adapters/catalog/store_copy.h"
#include "adapters/store/open_store.h"
#include "adapters/store/postgres_store.h"
#include "adapters/store/sqlite_store.h"
#include "core/model/dataset.h"
#include "core/model/framework.h"
#include "core/model/geography.h"
#include "core/model/rational.h"
#include "support/fixtures.h"
#include "support/store_backends.h"
#include "support/store_fixtures.h"

namespace ocindex::adapters {
namespace {

using core::Rational;
using test::ExpectSameDataset;
using test::StoreTestEdition;

ProfileToStore Profile(const std::string& iso3, const std::string& people_text, const std::string& author) {
  ProfileToStore profile;
  profile.iso3 = iso3;
  profile.edition = "2021";
  profile.sections = {{"people", "PEOPLE", people_text, 1}, {"trade", "Trade", "Boats carry arms.\n\nTabs\there.", 5}};
  profile.unplaced = {{"MARITIME PIRACY", "Ships are seized.", 9}};
  profile.footer = "Funded by the Lakeside Trust.";
  profile.source = "valdoria.txt";
  profile.author = author;
  profile.note = "first draft";
  return profile;
}

ExpertScoresToStore ExpertSet(const std::string& edition, double first_score) {
  return {edition,
          {{edition, "KAZ", "heroin_trade", "E1", first_score, "route, \"north\"\tand \\ back"},
           {edition, "KAZ", "heroin_trade", "E2", 7.5, {}},
           {edition, "UZB", "heroin_trade", "E1", 1, {}}},
          "experts.csv", {}};
}

core::Geography MakeGeography(const std::string& first_iso3) {
  auto geography = core::Geography::Build({
      {first_iso3, "First", {"Number One"}},
      {"COD", "Congo, Dem. Rep.", {"DRC", "Democratic Republic of the Congo"}},
      {"CIV", "Côte d'Ivoire", {"Ivory Coast"}},
  });
  EXPECT_TRUE(geography.ok());
  return *geography;
}

class StoreConformance : public BackendTest, public ::testing::WithParamInterface<std::string> {
 protected:
  void SetUp() override { SetUpBackend(GetParam()); }
};

TEST_P(StoreConformance, NewDatabaseIsEmptyAtTheCurrentSchema) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(*store->IsEmpty());
  EXPECT_TRUE(store->ListEditions()->empty());
  EXPECT_EQ(backend_->GetSchemaVersion(), backend_->schema_version());
  ASSERT_NE(Open(), nullptr);  // opening again migrates nothing
  EXPECT_EQ(backend_->GetSchemaVersion(), backend_->schema_version());
}

TEST_P(StoreConformance, EditionRoundTripIsExact) {
  const EditionToStore edition = StoreTestEdition("2021");
  ASSERT_TRUE(Open()->SaveEditions({edition}, false).ok());
  auto store = Open();  // a new connection: nothing cached
  auto loaded = store->LoadEdition("2021");
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  ExpectSameDataset(loaded->dataset, edition.dataset);
  EXPECT_FALSE(loaded->dataset.score(0, 1).has_value());
  EXPECT_EQ(loaded->dataset.score(1, 2), Rational(0));
  EXPECT_EQ(loaded->dataset.published_value(0, 0), Rational(37, 8));
  EXPECT_EQ(loaded->dataset.published_value(1, 1), Rational(1234567890123LL, 1000000000000LL));
  EXPECT_EQ(loaded->framework_toml, edition.framework_toml);
  EXPECT_EQ(loaded->info.edition, "2021");
  EXPECT_EQ(loaded->info.name, "Test Index 2021");
  EXPECT_EQ(loaded->info.revision, 1);
  EXPECT_EQ(loaded->info.countries, 2);
  EXPECT_EQ(loaded->info.source, "test fixture");
  ASSERT_EQ(loaded->info.stored_at.size(), 20u);  // 2024-05-01T12:00:00Z
  EXPECT_EQ(loaded->info.stored_at.back(), 'Z');
  auto toml = store->LoadFrameworkToml("2021");
  ASSERT_TRUE(toml.ok());
  EXPECT_EQ(*toml, edition.framework_toml);
}

TEST_P(StoreConformance, ReplaceAddsARevisionAndOverwritesNothing) {
  auto store = Open();
  ASSERT_TRUE(store->SaveEditions({StoreTestEdition("2021", Rational(1)), StoreTestEdition("2023")}, false).ok());
  ASSERT_TRUE(store->SaveEditions({StoreTestEdition("2021", Rational(2))}, true).ok());
  ASSERT_TRUE(store->SaveEditions({StoreTestEdition("2021", Rational(3))}, true).ok());

  auto editions = store->ListEditions();
  ASSERT_TRUE(editions.ok());
  ASSERT_EQ(editions->size(), 2u);
  EXPECT_EQ((*editions)[0].edition, "2021");
  EXPECT_EQ((*editions)[0].revision, 3);
  EXPECT_EQ((*editions)[0].countries, 2);
  EXPECT_EQ((*editions)[1].edition, "2023");
  EXPECT_EQ((*editions)[1].revision, 1);
  auto revisions = store->ListRevisions("2021");
  ASSERT_TRUE(revisions.ok());
  ASSERT_EQ(revisions->size(), 3u);
  for (int r = 1; r <= 3; ++r) {
    EXPECT_EQ((*revisions)[static_cast<size_t>(r - 1)].revision, r);
    auto old = store->LoadEdition("2021", r);
    ASSERT_TRUE(old.ok()) << old.error().ToString();
    EXPECT_EQ(old->info.revision, r);
    EXPECT_EQ(old->dataset.score(0, 0), Rational(r));
  }
  EXPECT_EQ(store->LoadEdition("2021")->dataset.score(0, 0), Rational(3));
  // The framework text is the current revision's.
  EditionToStore revised = StoreTestEdition("2021", Rational(4));
  revised.framework_toml += "# revised\n";
  ASSERT_TRUE(store->SaveEditions({revised}, true).ok());
  EXPECT_EQ(*store->LoadFrameworkToml("2021"), revised.framework_toml);
}

TEST_P(StoreConformance, MissingEditionIsNotFoundAndListsWhatIsStored) {
  auto store = Open();
  EXPECT_EQ(store->LoadEdition("2021").error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(store->SaveEditions({StoreTestEdition("2021"), StoreTestEdition("2023")}, false).ok());
  ASSERT_TRUE(store->SaveEditions({StoreTestEdition("2021")}, true).ok());
  auto missing = store->LoadEdition("2019");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_NE(missing.error().message.find("2021 (revisions 1, 2), 2023 (revision 1)"), std::string::npos)
      << missing.error().message;
  auto bad_revision = store->LoadEdition("2021", 7);
  ASSERT_FALSE(bad_revision.ok());
  EXPECT_NE(bad_revision.error().message.find("no revision 7"), std::string::npos);
  EXPECT_EQ(store->ListRevisions("2019").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store->LoadFrameworkToml("2019").error().code, ErrorCode::kNotFound);
}

TEST_P(StoreConformance, ConflictWithoutReplaceWritesNothing) {
  auto store = Open();
  ASSERT_TRUE(store->SaveEditions({StoreTestEdition("2021", Rational(1))}, false).ok());
  // 2023 is new and is written first; the conflict on 2021 must undo it.
  Status saved = store->SaveEditions({StoreTestEdition("2023"), StoreTestEdition("2021", Rational(9))}, false);
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.error().code, ErrorCode::kConflict);
  EXPECT_NE(saved.error().message.find("edition 2021 is already stored (revision 1)"), std::string::npos)
      << saved.error().message;
  EXPECT_NE(saved.error().message.find("--replace"), std::string::npos);
  EXPECT_EQ(store->LoadEdition("2023").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store->ListRevisions("2021")->size(), 1u);
  EXPECT_EQ(store->LoadEdition("2021")->dataset.score(0, 0), Rational(1));
}

TEST_P(StoreConformance, BatchWithOneBadEditionWritesNothing) {
  auto store = Open();
  ASSERT_TRUE(store->SaveEditions({StoreTestEdition("2021")}, false).ok());
  EditionToStore bad = StoreTestEdition("2024");
  std::swap(bad.dataset.indicator_ids[0], bad.dataset.indicator_ids[1]);  // columns no longer match
  Status saved = store->SaveEditions({StoreTestEdition("2023"), StoreTestEdition("2021"), bad}, true);
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(saved.error().where.find("2024"), std::string::npos);
  EXPECT_EQ(store->ListEditions()->size(), 1u);
  EXPECT_EQ(store->ListRevisions("2021")->size(), 1u);
  Status twice = store->SaveEditions({StoreTestEdition("2023"), StoreTestEdition("2023")}, true);
  EXPECT_EQ(twice.error().code, ErrorCode::kInvalidInput);
  // A value with no exact decimal is refused the same way.
  Status inexact = store->SaveEditions({StoreTestEdition("2023", Rational(1, 3))}, false);
  EXPECT_EQ(inexact.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(store->ListEditions()->size(), 1u);
}

// Issue 18: whatever path a framework takes to the store (import, the API, a round's
// publication), an unsafe edition id or an unbounded name is refused there too.
TEST_P(StoreConformance, UnsafeEditionIdsAndNamesAreRefusedBeforeAnythingIsWritten) {
  auto store = Open();
  EditionToStore traversal = StoreTestEdition("2021");
  traversal.framework.edition = traversal.dataset.edition = "../../etc";
  Status saved = store->SaveEditions({traversal}, false);
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(saved.error().message.find("edition id '../../etc' is not a plain id"), std::string::npos);
  EditionToStore huge = StoreTestEdition("2021");
  huge.framework.name = std::string(20 << 20, 'x');
  saved = store->SaveEditions({huge}, false);
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.error().message, "'name' is 20971520 characters long; expected at most 200");
  EXPECT_TRUE(*store->IsEmpty());
  ExpertScoresToStore experts = ExpertSet("2021", 5);
  experts.edition = "../x";
  for (core::ExpertScore& score : experts.scores) score.edition = "../x";
  EXPECT_FALSE(store->SaveExpertScores({experts}).ok());
}

TEST_P(StoreConformance, FillIfEmptyWithAnInvalidBatchWritesNothing) {
  auto store = Open();
  auto filled = store->FillIfEmpty(MakeGeography("FRA"), {StoreTestEdition("2021"), StoreTestEdition("2021")});
  ASSERT_FALSE(filled.ok());
  EXPECT_EQ(filled.error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(*store->IsEmpty());
}

TEST_P(StoreConformance, GeographyRoundTripsAndIsReplaced) {
  const core::Geography geography = MakeGeography("FRA");
  ASSERT_TRUE(Open()->SaveGeography(geography).ok());
  auto store = Open();
  EXPECT_FALSE(*store->IsEmpty());
  auto loaded = store->LoadGeography();
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  ASSERT_EQ(loaded->countries().size(), geography.countries().size());
  for (size_t i = 0; i < geography.countries().size(); ++i) {
    EXPECT_EQ(loaded->countries()[i].iso3, geography.countries()[i].iso3);
    EXPECT_EQ(loaded->countries()[i].name, geography.countries()[i].name);
    EXPECT_EQ(loaded->countries()[i].aliases, geography.countries()[i].aliases);
  }
  ASSERT_NE(loaded->Find("drc"), nullptr);
  EXPECT_EQ(loaded->Find("drc")->iso3, "COD");
  auto smaller = core::Geography::Build({{"NGA", "Nigeria", {"Federal Republic of Nigeria"}}});
  ASSERT_TRUE(store->SaveGeography(*smaller).ok());
  auto replaced = store->LoadGeography();
  ASSERT_EQ(replaced->countries().size(), 1u);
  EXPECT_EQ(replaced->countries()[0].iso3, "NGA");
  EXPECT_EQ(replaced->Find("DRC"), nullptr);
}

TEST_P(StoreConformance, FillIfEmptyFillsOnceWithFourConcurrentOpeners) {
  constexpr int kOpeners = 4;
  std::vector<int> filled(kOpeners, -1);
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kOpeners; ++i) {
    threads.emplace_back([&, i] {
      ++ready;
      while (ready < kOpeners) std::this_thread::yield();  // open together: migrate and fill race
      auto store = OpenStore(backend_->uri());
      if (!store) {
        ADD_FAILURE() << store.error().ToString();
        return;
      }
      auto result = (*store)->FillIfEmpty(MakeGeography("FR" + std::string(1, static_cast<char>('A' + i))),
                                          {StoreTestEdition("2021", Rational(i + 1), "opener " + std::to_string(i))});
      if (!result) {
        ADD_FAILURE() << result.error().ToString();
        return;
      }
      filled[static_cast<size_t>(i)] = *result ? 1 : 0;
    });
  }
  for (std::thread& t : threads) t.join();
  ASSERT_EQ(std::count(filled.begin(), filled.end(), 1), 1);
  ASSERT_EQ(std::count(filled.begin(), filled.end(), 0), kOpeners - 1);
  const int winner = static_cast<int>(std::find(filled.begin(), filled.end(), 1) - filled.begin());
  auto store = Open();
  auto revisions = store->ListRevisions("2021");
  ASSERT_TRUE(revisions.ok());
  ASSERT_EQ(revisions->size(), 1u);
  EXPECT_EQ((*revisions)[0].source, "opener " + std::to_string(winner));
  EXPECT_EQ(store->LoadGeography()->countries()[0].iso3, "FR" + std::string(1, static_cast<char>('A' + winner)));
  EXPECT_EQ(store->LoadGeography()->countries().size(), 3u);
}

TEST_P(StoreConformance, ConcurrentWritersNeverCollideOnARevision) {
  constexpr int kWriters = 4;
  constexpr int kEach = 5;
  ASSERT_TRUE(Open()->SaveEditions({StoreTestEdition("2021", Rational(0), "seed")}, false).ok());
  std::vector<std::thread> threads;
  std::vector<std::vector<int>> profile_revisions(kWriters);
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      auto store = OpenStore(backend_->uri());  // each writer its own store, as processes have
      if (!store) {
        ADD_FAILURE() << store.error().ToString();
        return;
      }
      for (int k = 0; k < kEach; ++k) {
        const std::string source = "writer " + std::to_string(w) + " #" + std::to_string(k);
        Status saved = (*store)->SaveEditions({StoreTestEdition("2021", Rational(w * kEach + k), source)}, true);
        EXPECT_TRUE(saved.ok()) << saved.error().ToString();
        auto revision = (*store)->SaveProfile(Profile("VAL", source, source));
        EXPECT_TRUE(revision.ok()) << revision.error().ToString();
        if (revision) profile_revisions[static_cast<size_t>(w)].push_back(*revision);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  auto store = Open();
  auto revisions = store->ListRevisions("2021");
  ASSERT_TRUE(revisions.ok());
  ASSERT_EQ(revisions->size(), static_cast<size_t>(1 + kWriters * kEach));
  std::set<std::string> sources;
  for (size_t i = 0; i < revisions->size(); ++i) {
    EXPECT_EQ((*revisions)[i].revision, static_cast<int>(i) + 1);  // 1..M, no gap, no duplicate
    sources.insert((*revisions)[i].source);
    // Each revision holds the data its writer saved with it.
    auto loaded = store->LoadEdition("2021", static_cast<int>(i) + 1);
    ASSERT_TRUE(loaded.ok());
    if (i > 0) {
      const std::string& source = (*revisions)[i].source;
      const int w = source[7] - '0';
      const int k = std::stoi(source.substr(source.find('#') + 1));
      EXPECT_EQ(loaded->dataset.score(0, 0), Rational(w * kEach + k)) << source;
    }
  }
  EXPECT_EQ(sources.size(), static_cast<size_t>(1 + kWriters * kEach));  // nothing lost
  std::vector<int> all;
  for (const auto& list : profile_revisions) all.insert(all.end(), list.begin(), list.end());
  std::sort(all.begin(), all.end());
  ASSERT_EQ(all.size(), static_cast<size_t>(kWriters * kEach));
  for (size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i], static_cast<int>(i) + 1);
}

TEST_P(StoreConformance, ProfilesKeepEveryRevision) {
  auto store = Open();
  EXPECT_EQ(store->LoadProfile("VAL", "2021").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(*store->SaveProfile(Profile("VAL", "Victims are moved north.", "ana")), 1);
  EXPECT_EQ(*store->SaveProfile(Profile("VAL", "Victims are moved south.", "ben")), 2);
  ASSERT_TRUE(store->SaveProfile(Profile("ARC", "Ice.", "ana")).ok());
  store = Open();  // what was saved survives a new connection

  auto current = store->LoadProfile("VAL", "2021");
  ASSERT_TRUE(current.ok()) << current.error().ToString();
  EXPECT_EQ(current->info.revision, 2);
  EXPECT_EQ(current->info.author, "ben");
  ASSERT_EQ(current->sections.size(), 2u);
  EXPECT_EQ(current->sections[0].text, "Victims are moved south.");
  EXPECT_EQ(current->sections[1].heading, "Trade");
  EXPECT_EQ(current->sections[1].text, "Boats carry arms.\n\nTabs\there.");
  EXPECT_EQ(current->sections[1].line, 5);
  ASSERT_EQ(current->unplaced.size(), 1u);
  EXPECT_EQ(current->unplaced[0].heading, "MARITIME PIRACY");
  EXPECT_EQ(current->footer, "Funded by the Lakeside Trust.");
  auto old = store->LoadProfile("VAL", "2021", 1);
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->sections[0].text, "Victims are moved north.");
  EXPECT_EQ(store->LoadProfile("VAL", "2021", 7).error().code, ErrorCode::kNotFound);

  auto history = store->ListProfileRevisions("VAL", "2021");
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].note, "first draft");
  EXPECT_EQ((*history)[1].sections, 2);
  EXPECT_EQ((*history)[1].words, 1 + 4 + 1 + 5 + 2 + 3 + 5);
  EXPECT_EQ(store->ListProfileRevisions("VAL", "2023").error().code, ErrorCode::kNotFound);

  auto list = store->ListProfiles("2021");
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].iso3, "ARC");
  EXPECT_EQ((*list)[1].iso3, "VAL");
  EXPECT_EQ((*list)[1].revision, 2);

  ProfileToStore incomplete = Profile("", "Text.", "ana");
  EXPECT_EQ(store->SaveProfile(incomplete).error().code, ErrorCode::kInvalidInput);
}

TEST_P(StoreConformance, ExtractionsAreKeptPerRevisionAndExtractor) {
  auto store = Open();
  ASSERT_TRUE(store->SaveProfile(Profile("VAL", "Victims are moved north.", "ana")).ok());
  ASSERT_TRUE(store->SaveProfile(Profile("VAL", "Victims are moved south.", "ben")).ok());
  EXPECT_EQ(*store->LoadExtraction("VAL", "2021", 2, "rules-a"), std::nullopt);
  ASSERT_TRUE(store->SaveExtraction("VAL", "2021", 1, "rules-a", R"({"n":1})").ok());
  ASSERT_TRUE(store->SaveExtraction("VAL", "2021", 2, "rules-a", R"({"n":2})").ok());
  store = Open();  // what was saved survives a new connection
  EXPECT_EQ(*store->LoadExtraction("VAL", "2021", 1, "rules-a"), R"({"n":1})");
  EXPECT_EQ(*store->LoadExtraction("VAL", "2021", 2, "rules-a"), R"({"n":2})");
  EXPECT_EQ(*store->LoadExtraction("VAL", "2021", 2, "rules-b"), std::nullopt);
  EXPECT_EQ(*store->LoadExtraction("VAL", "2023", 2, "rules-a"), std::nullopt);
  // Another extractor's result replaces the stale one.
  ASSERT_TRUE(store->SaveExtraction("VAL", "2021", 2, "rules-b", R"({"n":3})").ok());
  EXPECT_EQ(*store->LoadExtraction("VAL", "2021", 2, "rules-b"), R"({"n":3})");
  EXPECT_EQ(*store->LoadExtraction("VAL", "2021", 2, "rules-a"), std::nullopt);
  EXPECT_EQ(store->SaveExtraction("VAL", "2021", 3, "rules-a", "{}").error().code, ErrorCode::kNotFound);
}

TEST_P(StoreConformance, ExpertScoresKeepEveryRevisionAndSaveAllOrNothing) {
  auto store = Open();
  auto missing = store->LoadExpertScores("2023");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_NE(missing.error().message.find("ocindex reliability import"), std::string::npos);
  auto first = store->SaveExpertScores({ExpertSet("2023", 6.5), ExpertSet("2021", 3)});
  ASSERT_TRUE(first.ok()) << first.error().ToString();
  EXPECT_EQ(*first, (std::vector<int>{1, 1}));
  EXPECT_EQ(*store->SaveExpertScores({ExpertSet("2023", 9)}), std::vector<int>{2});

  auto current = store->LoadExpertScores("2023");
  ASSERT_TRUE(current.ok()) << current.error().ToString();
  EXPECT_EQ(current->info.revision, 2);
  EXPECT_EQ(current->info.scores, 3);
  EXPECT_EQ(current->info.experts, 2);
  ASSERT_EQ(current->scores.size(), 3u);
  EXPECT_EQ(current->scores[0].score, 9.0);
  EXPECT_EQ(current->scores[0].justification, "route, \"north\"\tand \\ back");
  EXPECT_EQ(current->scores[2].iso3, "UZB");
  EXPECT_EQ(store->LoadExpertScores("2023", 1)->scores[0].score, 6.5);

  ExpertScoresToStore mixed = ExpertSet("2025", 5);
  mixed.scores.push_back({"2021", "KAZ", "heroin_trade", "E3", 4, {}});
  EXPECT_EQ(store->SaveExpertScores({ExpertSet("2019", 5), mixed}).error().code, ErrorCode::kInvalidInput);
  // A set whose rows collide in the database undoes the whole save.
  ExpertScoresToStore twice = ExpertSet("2025", 5);
  twice.scores.push_back(twice.scores.front());
  EXPECT_FALSE(store->SaveExpertScores({ExpertSet("2019", 5), twice}).ok());
  auto list = store->ListExpertScores();
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ((*list)[0].edition, "2021");
  EXPECT_EQ((*list)[2].edition, "2023");
  EXPECT_EQ((*list)[2].revision, 2);
}

TEST_P(StoreConformance, RefusesANewerSchema) {
  ASSERT_NE(Open(), nullptr);
  const int newer = backend_->schema_version() + 1;
  backend_->SetSchemaVersion(newer);
  auto store = OpenStore(backend_->uri());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kUnsupported);
  EXPECT_NE(store.error().message.find("database schema version " + std::to_string(newer) +
                                       " is newer than this ocindex (" +
                                       std::to_string(backend_->schema_version()) + "); upgrade ocindex"),
            std::string::npos)
      << store.error().message;
  EXPECT_EQ(backend_->GetSchemaVersion(), newer);  // left alone
}

TEST_P(StoreConformance, RefusesAForeignDatabase) {
  backend_->AddForeignTable();
  auto store = OpenStore(backend_->uri());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kCorrupt) << store.error().ToString();
  EXPECT_NE(store.error().message.find("did not create"), std::string::npos) << store.error().message;
}

TEST_P(StoreConformance, SchemaIsReadWithoutSettingUpANewDatabase) {
  auto fresh = ReadStoreSchema(backend_->uri());
  ASSERT_TRUE(fresh.ok()) << fresh.error().ToString();
  EXPECT_EQ(fresh->version, 0);
  EXPECT_EQ(fresh->known, backend_->schema_version());
  EXPECT_FALSE(fresh->location.empty());
  // Had reading set anything up, the other program's table would sit beside ours.
  backend_->AddForeignTable();
  auto foreign = ReadStoreSchema(backend_->uri());
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().code, ErrorCode::kCorrupt);
}

TEST_P(StoreConformance, SchemaIsReadAsStoredOlderOrNewer) {
  ASSERT_NE(Open(), nullptr);
  EXPECT_EQ(ReadStoreSchema(backend_->uri())->version, backend_->schema_version());
  backend_->SetSchemaVersion(backend_->schema_version() + 1);
  auto newer = ReadStoreSchema(backend_->uri());
  ASSERT_TRUE(newer.ok()) << newer.error().ToString();  // reported, not refused
  EXPECT_EQ(newer->version, backend_->schema_version() + 1);
  backend_->SetSchemaVersion(1);
  EXPECT_EQ(ReadStoreSchema(backend_->uri())->version, 1);
  EXPECT_EQ(backend_->GetSchemaVersion(), 1);  // reading migrates nothing
}

// PostgreSQL's own promise: one store serves several threads (SQLite's is one
// connection, opened per thread or process).
class PostgresStoreTest : public BackendTest {
 protected:
  void SetUp() override { SetUpBackend("postgresql"); }
};

TEST_F(PostgresStoreTest, OneStoreServesManyThreadsThroughItsPool) {
  constexpr int kThreads = 8;  // twice the pool: some wait for a connection
  constexpr int kEach = 4;
  auto store = Open();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->SaveEditions({StoreTestEdition("2021", Rational(0), "seed")}, false).ok());
  std::vector<std::thread> threads;
  for (int w = 0; w < kThreads; ++w) {
    threads.emplace_back([&, w] {
      for (int k = 0; k < kEach; ++k) {
        const std::string source = "thread " + std::to_string(w) + " #" + std::to_string(k);
        Status saved = store->SaveEditions({StoreTestEdition("2021", Rational(w), source)}, true);
        EXPECT_TRUE(saved.ok()) << saved.error().ToString();
        auto loaded = store->LoadEdition("2021");
        EXPECT_TRUE(loaded.ok()) << loaded.error().ToString();
        auto profile = store->SaveProfile(Profile("VAL", source, source));
        EXPECT_TRUE(profile.ok()) << profile.error().ToString();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  auto revisions = store->ListRevisions("2021");
  ASSERT_TRUE(revisions.ok());
  ASSERT_EQ(revisions->size(), static_cast<size_t>(1 + kThreads * kEach));
  for (size_t i = 0; i < revisions->size(); ++i) EXPECT_EQ((*revisions)[i].revision, static_cast<int>(i) + 1);
  EXPECT_EQ(store->ListProfileRevisions("VAL", "2021")->size(), static_cast<size_t>(kThreads * kEach));
}

TEST(PostgresConnection, UnreachableServerIsAnIoErrorNamingTheDatabaseButNotThePassword) {
  test::TempDir dir;  // an empty folder: no server's socket is there
  auto store = OpenStore("postgresql://ana:s3cret@/goci?host=" + dir.path());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kIo) << store.error().ToString();
  const std::string text = store.error().ToString();
  EXPECT_NE(text.find("PostgreSQL database goci on " + dir.path() + " as ana"), std::string::npos) << text;
  EXPECT_EQ(text.find("s3cret"), std::string::npos) << text;
}

TEST(PostgresConnection, MalformedConnectionStringIsInvalidInput) {
  auto store = OpenStore("host='/run/postgresql dbname=ocindex");  // the quote is never closed
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kInvalidInput) << store.error().ToString();
}

TEST(OpenStore, ConnectionStringsArePostgresAndEverythingElseIsAFile) {
  EXPECT_TRUE(IsPostgresConnection("postgresql://analyst@db/ocindex"));
  EXPECT_TRUE(IsPostgresConnection("postgres:///ocindex?host=/run/postgresql"));
  EXPECT_TRUE(IsPostgresConnection("host=/run/postgresql dbname=ocindex"));
  EXPECT_TRUE(IsPostgresConnection("  dbname = ocindex"));
  EXPECT_FALSE(IsPostgresConnection("ocindex.db"));
  EXPECT_FALSE(IsPostgresConnection("/tmp/a=b.db"));
  EXPECT_FALSE(IsPostgresConnection("./x=y.db"));
  EXPECT_FALSE(IsPostgresConnection("My Data=2021.db"));
  EXPECT_FALSE(IsPostgresConnection(":memory:"));
  EXPECT_FALSE(IsPostgresConnection("postgresql.db"));
}

// The bundled 2021 edition: the one Profile and ExpertSet name.
EditionToStore Edition2021(const std::vector<EditionToStore>& bundled) {
  auto it = std::find_if(bundled.begin(), bundled.end(),
                         [](const EditionToStore& e) { return e.framework.edition == "2021"; });
  EXPECT_NE(it, bundled.end());
  return it == bundled.end() ? EditionToStore{} : *it;
}

// db copy: a history (revisions of an edition, a narrative, expert scores) goes from
// SQLite into this backend and back out unchanged; into a store holding data, nothing.
TEST_P(StoreConformance, RestoresACopiedHistoryThereAndBack) {
  auto geography = BundledGeography();
  ASSERT_TRUE(geography.ok());
  auto editions = BundledEditions(*geography);
  ASSERT_TRUE(editions.ok());
  EditionToStore edition = Edition2021(*editions);
  SqliteBackend source_db;
  auto source = OpenStore(source_db.uri());
  ASSERT_TRUE(source.ok());
  ASSERT_TRUE((*source)->SaveGeography(*geography).ok());
  ASSERT_TRUE((*source)->SaveEditions({edition}, /*replace=*/false).ok());
  edition.dataset.score(0, 0) = Rational(7);
  edition.source = "revised.csv";
  ASSERT_TRUE((*source)->SaveEditions({edition}, /*replace=*/true).ok());
  for (const char* author : {"ana", "ben"}) ASSERT_TRUE((*source)->SaveProfile(Profile("KAZ", author, author)).ok());
  for (double score : {6.5, 2.0}) ASSERT_TRUE((*source)->SaveExpertScores({ExpertSet("2021", score)}).ok());

  auto store = Open();
  auto copied = CopyStore(**source, *store);
  ASSERT_TRUE(copied.ok()) << copied.error().ToString();
  EXPECT_EQ(copied->counts.edition_revisions, 2);
  EXPECT_EQ(copied->counts.profile_revisions, 2);
  EXPECT_EQ(copied->counts.expert_scores, 6);
  auto revisions = store->ListRevisions(edition.framework.edition);
  ASSERT_TRUE(revisions.ok());
  ASSERT_EQ(revisions->size(), 2u);
  EXPECT_EQ(revisions->back().source, "revised.csv");
  EXPECT_EQ(revisions->back().stored_at, (*(*source)->ListRevisions(edition.framework.edition)).back().stored_at);

  SqliteBackend back_db;
  auto back = OpenStore(back_db.uri());
  ASSERT_TRUE(back.ok());
  auto again = CopyStore(*store, **back);
  ASSERT_TRUE(again.ok()) << again.error().ToString();
  EXPECT_EQ(again->checksum, copied->checksum);

  auto refused = CopyStore(**source, *store);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_EQ(HistoryChecksum(*ReadHistory(*store)), copied->checksum);
}

TEST_P(StoreConformance, RestoreWritesNothingWhenOneRevisionIsBad) {
  auto geography = BundledGeography();
  ASSERT_TRUE(geography.ok());
  auto editions = BundledEditions(*geography);
  ASSERT_TRUE(editions.ok());
  StoreHistory history;
  history.geography = *geography;
  history.editions = {Edition2021(*editions)};
  history.profiles = {Profile("KAZ", "text", "ana"), Profile("", "no country", "ben")};
  auto store = Open();
  Status restored = store->Restore(history);
  ASSERT_FALSE(restored.ok());
  EXPECT_EQ(restored.error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(*store->IsEmpty());
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreConformance, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace ocindex::adapters
