// The journal (rounds' and accounts' append-only record) behaves the same on every
// backend: versions follow each other per stream, a taken version is a conflict, a
// batch is all or nothing, nothing can be changed or deleted, a publication is one
// transaction, and a copy of the store carries the journal.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "adapters/catalog/store_copy.h"
#include "adapters/store/store.h"
#include "support/store_backends.h"
#include "support/store_fixtures.h"

namespace ocindex::adapters {
namespace {

JournalEntry Entry(const std::string& stream, int version, const std::string& action = "cell.submit",
                   const std::string& actor = "ann", const std::string& at = "2026-12-06T10:00:00.000Z") {
  JournalEntry e;
  e.stream = stream;
  e.version = version;
  e.at = at;
  e.actor = actor;
  e.action = action;
  e.target = "KAZ/heroin_trade";
  e.reason = "why \"quoted\"\tand tabbed";
  e.before = R"({"state":"draft","version":0})";
  e.after = R"({"state":"draft","version":1})";
  e.payload = R"({"score":"5.5","text":"ünïcode \\ back"})";
  return e;
}

class JournalConformance : public BackendTest, public ::testing::WithParamInterface<std::string> {
 protected:
  void SetUp() override {
    SetUpBackend(GetParam());
    if (backend_) store_ = Open();
  }
  std::unique_ptr<Store> store_;
};

TEST_P(JournalConformance, EntriesComeBackByteForByteInVersionOrder) {
  ASSERT_TRUE(store_->AppendJournal({Entry("round/a", 1), Entry("round/a", 2)}).ok());
  ASSERT_TRUE(store_->AppendJournal({Entry("accounts", 1, "user.add", "operator")}).ok());
  auto all = store_->ReadStream("round/a", 0);
  ASSERT_TRUE(all.ok()) << all.error().ToString();
  ASSERT_EQ(all->size(), 2u);
  const JournalEntry expected = Entry("round/a", 2);
  const JournalEntry& got = (*all)[1];
  EXPECT_EQ(got.version, 2);
  EXPECT_EQ(got.reason, expected.reason);
  EXPECT_EQ(got.payload, expected.payload);
  EXPECT_EQ(got.before, expected.before);
  EXPECT_EQ(got.after, expected.after);
  EXPECT_LT((*all)[0].seq, got.seq);
  auto after_first = store_->ReadStream("round/a", 1);
  ASSERT_EQ(after_first->size(), 1u);
  EXPECT_EQ(after_first->front().version, 2);
  EXPECT_TRUE(store_->ReadStream("round/none", 0)->empty());
}

TEST_P(JournalConformance, ATakenVersionIsAConflictAndAGapIsRefused) {
  ASSERT_TRUE(store_->AppendJournal({Entry("round/a", 1)}).ok());
  Status taken = store_->AppendJournal({Entry("round/a", 1, "cell.move")});
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, ErrorCode::kConflict);
  Status gap = store_->AppendJournal({Entry("round/a", 3)});
  ASSERT_FALSE(gap.ok());
  EXPECT_EQ(gap.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(store_->ReadStream("round/a", 0)->size(), 1u);
}

TEST_P(JournalConformance, ABatchIsAllOrNothing) {
  ASSERT_TRUE(store_->AppendJournal({Entry("round/a", 1)}).ok());
  // The second entry's version is taken: the first, on another stream, is not kept either.
  Status refused = store_->AppendJournal({Entry("round/b", 1), Entry("round/a", 1)});
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(store_->ReadStream("round/b", 0)->empty());
}

TEST_P(JournalConformance, NothingCanBeChangedOrDeletedEvenInSql) {
  ASSERT_TRUE(store_->AppendJournal({Entry("round/a", 1)}).ok());
  store_.reset();  // SQLite: let the direct connection write
  EXPECT_ANY_THROW(backend_->Exec("UPDATE journal SET actor = 'mallory'"));
  EXPECT_ANY_THROW(backend_->Exec("DELETE FROM journal"));
  store_ = Open();
  auto entries = store_->ReadStream("round/a", 0);
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ(entries->front().actor, "ann");
}

TEST_P(JournalConformance, FiltersCombine) {
  ASSERT_TRUE(store_->AppendJournal({Entry("round/a", 1, "round.create", "cora", "2026-01-01T00:00:00.000Z"),
                                     Entry("round/a", 2, "cell.submit", "ann", "2026-02-01T00:00:00.000Z"),
                                     Entry("round/a", 3, "cell.move", "rita", "2026-03-01T00:00:00.000Z"),
                                     Entry("accounts", 1, "user.add", "operator", "2026-01-15T00:00:00.000Z")})
                  .ok());
  JournalFilter cells;
  cells.action_prefix = "cell.";
  EXPECT_EQ(store_->ReadJournal(cells)->size(), 2u);
  JournalFilter rounds;
  rounds.stream_prefix = "round/";
  rounds.since = "2026-02-01";
  rounds.until = "2026-03-01";
  auto window = store_->ReadJournal(rounds);
  ASSERT_EQ(window->size(), 1u);
  EXPECT_EQ(window->front().actor, "ann");
  JournalFilter by_actor;
  by_actor.actor = "operator";
  by_actor.limit = 5;
  EXPECT_EQ(store_->ReadJournal(by_actor)->front().stream, "accounts");
  JournalFilter limited;
  limited.limit = 2;
  auto first_two = store_->ReadJournal(limited);
  ASSERT_EQ(first_two->size(), 2u);
  limited.after_seq = first_two->back().seq;
  EXPECT_EQ(store_->ReadJournal(limited)->size(), 2u);
}

TEST_P(JournalConformance, APublicationIsOneTransaction) {
  ASSERT_TRUE(store_->AppendJournal({Entry("round/a", 1)}).ok());
  PublicationToStore publication;
  publication.edition = test::StoreTestEdition("2027");
  ProfileToStore profile;
  profile.iso3 = "NGA";
  profile.edition = "2027";
  profile.sections = {{"people", "People", "Published text.", 0}};
  publication.profiles = {profile};
  publication.expert_scores = {"2027", {{"2027", "NGA", "a", "expert-1", 7.5, "because"}}, "round a", ""};
  publication.entry = Entry("round/a", 1, "round.publish");  // version 1 is taken
  Status refused = store_->SavePublication(publication);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_FALSE(store_->LoadEdition("2027").ok());
  EXPECT_FALSE(store_->LoadProfile("NGA", "2027").ok());

  publication.entry.version = 2;
  ASSERT_TRUE(store_->SavePublication(publication).ok());
  EXPECT_TRUE(store_->LoadEdition("2027").ok());
  EXPECT_EQ(store_->LoadProfile("NGA", "2027")->sections.front().text, "Published text.");
  EXPECT_EQ(store_->LoadExpertScores("2027")->scores.size(), 1u);
  EXPECT_EQ(store_->ReadStream("round/a", 1)->front().action, "round.publish");
}

TEST_P(JournalConformance, ACopyCarriesTheJournalWithItsOrder) {
  ASSERT_TRUE(store_->AppendJournal({Entry("round/a", 1), Entry("accounts", 1, "user.add"), Entry("round/a", 2)}).ok());
  SqliteBackend copy_db;
  auto copy = OpenStore(copy_db.uri());
  ASSERT_TRUE(copy.ok());
  auto report = CopyStore(*store_, **copy);
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_EQ(report->counts.journal_entries, 3);
  auto copied = (*copy)->ReadJournal({});
  auto original = store_->ReadJournal({});
  ASSERT_EQ(copied->size(), original->size());
  for (size_t i = 0; i < copied->size(); ++i) {
    EXPECT_EQ((*copied)[i].seq, (*original)[i].seq);
    EXPECT_EQ((*copied)[i].stream, (*original)[i].stream);
  }
  // The copy goes on numbering after the entries it was given.
  ASSERT_TRUE((*copy)->AppendJournal({Entry("round/a", 3)}).ok());
  EXPECT_GT((*copy)->ReadStream("round/a", 2)->front().seq, original->back().seq);
}

INSTANTIATE_TEST_SUITE_P(Backends, JournalConformance, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace ocindex::adapters
