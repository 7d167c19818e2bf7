// Publication: an all-final round becomes a dataset that scores, expert scores under
// pseudonyms, narratives and a change report; an unfinished round is refused.
#include "core/assessment/publication.h"

#include <gtest/gtest.h>

#include "core/scoring/scorecard.h"
#include "support/assessment_fixture.h"

namespace ocindex::core::assessment {
namespace {

using test_support::Country;
using test_support::kCoordinator;
using test_support::R;

Round MiniRound() {
  Framework framework = test_support::MiniGoci("2025");
  Dataset baseline = Dataset::ShapedFor(test_support::MiniGoci("2023"));
  baseline.edition = "2023";
  test_support::AddCountry(baseline, framework, Country("AAA"),
                           {{"heroin_trade", "5"}, {"mafia_groups", "4"}, {"judicial_system", "4"}});
  return test_support::MakeRound(framework, {Country("AAA"), Country("BBB", "Africa", "West Africa")}, baseline);
}

// AAA: markets 6 except heroin (5 and 6: 5.5), actors 4, resilience 3; BBB: all 5.
std::pair<std::string, std::string> Scores(const CellKey& key) {
  if (key.iso3 == "BBB") return {"5", "5"};
  if (key.indicator == "heroin_trade") return {"5", "6"};
  if (key.indicator == "mafia_groups" || key.indicator == "criminal_networks") return {"4", "4"};
  if (key.indicator == "human_trafficking" || key.indicator == "human_smuggling" || key.indicator == "extortion") {
    return {"6", "6"};
  }
  return {"3", "3"};
}

class PublicationTest : public ::testing::Test {
 protected:
  RoundLedger ledger_ = test_support::OpenLedger(MiniRound());
};

TEST_F(PublicationTest, AFinalRoundBecomesAnEditionThatScores) {
  test_support::DriveToFinal(ledger_, Scores);
  auto publication = BuildPublication(ledger_);
  ASSERT_TRUE(publication.ok()) << publication.error().ToString();
  const Edition& edition = publication->edition;
  EXPECT_EQ(edition.dataset.edition, "2025");
  EXPECT_TRUE(edition.dataset.Fits(edition.framework));
  ASSERT_EQ(edition.dataset.country_count(), 2);
  EXPECT_EQ(edition.dataset.countries[1].region, "West Africa");
  auto card = Scorecard::Compute(edition.framework, edition.dataset);
  ASSERT_TRUE(card.ok()) << card.error().ToString();
  const int criminality = test_support::MeasureOf(edition.framework, "criminality");
  const int resilience = test_support::MeasureOf(edition.framework, "resilience");
  // AAA: markets (6 + 6 + 6 + 5.5) / 4 = 5.875, actors 4, criminality (5.875 + 4) / 2
  EXPECT_EQ(card->exact(0, criminality), R("4.9375"));
  EXPECT_EQ(card->rounded(0, criminality), 494);
  EXPECT_EQ(card->exact(0, resilience), R("3"));
  EXPECT_EQ(card->exact(1, criminality), R("5"));
}

TEST_F(PublicationTest, ExpertScoresArePublishedUnderPseudonyms) {
  test_support::DriveToFinal(ledger_, Scores);
  auto publication = BuildPublication(ledger_);
  ASSERT_TRUE(publication.ok()) << publication.error().ToString();
  ASSERT_EQ(publication->expert_scores.size(), 2u * 9u * 2u);
  EXPECT_EQ(publication->pseudonyms.at("ann"), "expert-1");
  EXPECT_EQ(publication->pseudonyms.at("bob"), "expert-2");
  int heroin = 0;
  for (const ExpertScore& score : publication->expert_scores) {
    EXPECT_EQ(score.edition, "2025");
    EXPECT_TRUE(score.expert == "expert-1" || score.expert == "expert-2") << score.expert;
    if (score.iso3 == "AAA" && score.indicator == "heroin_trade") {
      ++heroin;
      EXPECT_EQ(score.score, score.expert == "expert-1" ? 5.0 : 6.0);
      EXPECT_EQ(score.justification, score.expert == "expert-1" ? "Ann's reading." : "Bob's reading.");
    }
  }
  EXPECT_EQ(heroin, 2);
}

TEST_F(PublicationTest, ReportsWhatChangedFromTheBaseline) {
  test_support::DriveToFinal(ledger_, Scores);
  auto publication = BuildPublication(ledger_);
  ASSERT_TRUE(publication.ok()) << publication.error().ToString();
  const ChangeReport& changes = publication->changes;
  ASSERT_EQ(changes.cells.size(), 18u);
  EXPECT_EQ(changes.raised, 1);     // AAA heroin 5 -> 5.5
  EXPECT_EQ(changes.lowered, 1);    // AAA judicial system 4 -> 3
  EXPECT_EQ(changes.unchanged, 1);  // AAA mafia groups 4 -> 4
  EXPECT_EQ(changes.added, 15);     // everything else had no baseline score
  for (const CellChange& change : changes.cells) {
    if (change.key == CellKey{"AAA", "heroin_trade"}) {
      EXPECT_EQ(change.baseline, R("5"));
      EXPECT_EQ(change.published, R("5.5"));
      EXPECT_EQ(change.delta, R("0.5"));
    }
    if (change.key == CellKey{"AAA", "judicial_system"}) {
      EXPECT_EQ(change.delta, R("-1"));
    }
    if (change.key.iso3 == "BBB") {
      EXPECT_FALSE(change.delta.has_value());
    }
  }
}

TEST_F(PublicationTest, CarriesTheFinalNarratives) {
  test_support::DriveToFinal(ledger_, Scores);
  auto publication = BuildPublication(ledger_);
  ASSERT_TRUE(publication.ok()) << publication.error().ToString();
  ASSERT_EQ(publication->narratives.size(), 2u);
  EXPECT_EQ(publication->narratives[0].key, (SectionKey{"AAA", "summary"}));
  EXPECT_EQ(publication->narratives[0].text, "Text of AAA/summary");
  ASSESSMENT_OK(ledger_.ChangePhase(kCoordinator, Phase::kPublished, ""));
  EXPECT_EQ(ledger_.round().phase, Phase::kPublished);
}

TEST_F(PublicationTest, AnUnfinishedRoundIsRefusedWithABoundedList) {
  auto refused = BuildPublication(ledger_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  const std::string& message = refused.error().message;
  EXPECT_NE(message.find("items not final (20)"), std::string::npos) << message;  // 18 cells, 2 summaries
  EXPECT_NE(message.find("and 10 more"), std::string::npos) << message;
  size_t listed = 0;
  for (size_t at = message.find("(draft)"); at != std::string::npos; at = message.find("(draft)", at + 1)) ++listed;
  EXPECT_EQ(listed, kUnfinishedListed);
}

TEST_F(PublicationTest, OneReopenedCellBlocksPublication) {
  test_support::DriveToFinal(ledger_, Scores);
  const CellKey heroin{"AAA", "heroin_trade"};
  ASSESSMENT_OK(ledger_.Move(kCoordinator, heroin, CellState::kAgreed, "Late evidence.", 9,
                             test_support::Version(ledger_, heroin)));
  auto refused = BuildPublication(ledger_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "items not final (1): AAA/heroin_trade (agreed)");
  EXPECT_EQ(ledger_.ChangePhase(kCoordinator, Phase::kPublished, "").error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace ocindex::core::assessment
