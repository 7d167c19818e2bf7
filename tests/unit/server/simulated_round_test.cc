// A whole round through the HTTP API at the size of the index: 193 countries, every
// indicator of the 2025 framework, 60 experts, 3 per cell, with wide disagreements
// that reviewers challenge, then publication. The published edition must equal an
// independent recomputation of the consensus, cell by cell, and the audit trail must
// account for every write.
#include <gtest/gtest.h>

#include "app/assessment/trail.h"
#include "app/engine.h"
#include "support/api_server.h"
#include "support/simulated_round.h"

namespace ocindex::test {
namespace {

TEST(SimulatedRound, PublishesTheIndependentlyRecomputedConsensus) {
  ApiServer server;
  ASSERT_TRUE(server.ok());
  auto reader = app::Engine::Open(server.db_path());
  ASSERT_TRUE(reader.ok());
  auto baseline = (*reader)->Edition("2025");
  ASSERT_TRUE(baseline.ok());
  SimulatedRound round(server.port(), server.api().workspace().accounts(), (*baseline)->edition.dataset, {});
  const SimulationReport report = round.Run("2027");
  ASSERT_TRUE(report.failures.empty()) << report.failures.front();
  EXPECT_EQ(report.cells, 193 * (*baseline)->edition.dataset.indicator_count());
  EXPECT_GT(report.challenged, 0);

  auto after = app::Engine::Open(server.db_path());
  ASSERT_TRUE(after.ok());
  auto published = (*after)->Edition("2027");
  ASSERT_TRUE(published.ok()) << published.error().ToString();
  const core::Dataset& dataset = (*published)->edition.dataset;
  ASSERT_EQ(dataset.country_count(), 193);
  int compared = 0;
  for (int c = 0; c < dataset.country_count(); ++c) {
    for (int i = 0; i < dataset.indicator_count(); ++i) {
      const auto key = std::make_pair(dataset.countries[c].iso3, dataset.indicator_ids[static_cast<size_t>(i)]);
      ASSERT_TRUE(dataset.score(c, i).has_value()) << key.first << "/" << key.second;
      EXPECT_EQ(dataset.score(c, i)->ToDouble(), report.expected.at(key)) << key.first << "/" << key.second;
      ++compared;
    }
  }
  EXPECT_EQ(compared, report.cells);
  // The published edition is scored like any other: every country has its composites.
  const core::Scorecard& card = (*published)->card;
  ASSERT_EQ(card.country_count(), 193);
  for (int c = 0; c < card.country_count(); ++c) EXPECT_TRUE(card.exact(c, 0).has_value());
  auto experts = (*after)->LoadExpertScores("2027", 0);
  ASSERT_TRUE(experts.ok());
  EXPECT_EQ(experts->scores.size(), static_cast<size_t>(report.cells * 3));

  auto check = app::CheckTrail((*after)->shared_store());
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check->ok()) << check->problems.front();
  EXPECT_EQ(check->publications, 1);
}

}  // namespace
}  // namespace ocindex::test
