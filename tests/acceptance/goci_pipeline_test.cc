// The GOCI method as the pipeline's special case: no normalisation, equal weights,
// arithmetic means. On every bundled edition the pipeline reproduces the engine's
// exact composites (criminality from the markets and actors means) for every country;
// and the audit shows how much one actor type weighs against one market since 2023.
#include <gtest/gtest.h>

#include <cmath>

#include "support/bundled_editions.h"
#include "core/analytics/audit.h"
#include "core/pipeline/edition_model.h"
#include "core/pipeline/run.h"
#include "core/scoring/scorecard.h"

namespace ocindex {
namespace {

namespace pl = core::pipeline;

class GociPipeline : public ::testing::Test {
 protected:
  static const adapters::EditionToStore& Edition(const std::string& id) { return test::BundledEdition(id); }
};

TEST_F(GociPipeline, ReproducesTheEnginesCompositesForEveryCountry) {
  for (const char* id : {"2021", "2023", "2025"}) {
    SCOPED_TRACE(id);
    const auto& edition = Edition(id);
    auto model = pl::ModelFromEdition(edition.framework, edition.dataset);
    ASSERT_TRUE(model) << model.error().ToString();
    auto results = pl::Run(*model, pl::Spec{{pl::AggregateStep{}}});
    ASSERT_TRUE(results) << results.error().ToString();
    auto card = core::Scorecard::Compute(edition.framework, edition.dataset);
    ASSERT_TRUE(card);
    const pl::DataSet& aggregated = *results->Find("Aggregated");
    size_t compared = 0;
    for (const char* node : {"criminality", "criminal_markets", "criminal_actors", "resilience"}) {
      const int column = aggregated.FindColumn(node);
      ASSERT_GE(column, 0) << node;
      const int measure = *edition.framework.FindNode(node);
      for (int c = 0; c < edition.dataset.country_count(); ++c) {
        const auto& exact = card->exact(c, measure);
        const double ours = aggregated.values.at(static_cast<size_t>(c), static_cast<size_t>(column));
        ASSERT_EQ(exact.has_value(), !pl::IsMissing(ours)) << node << " " << c;
        if (exact) {
          EXPECT_NEAR(ours, exact->ToDouble(), 1e-12)
              << node << " " << edition.dataset.countries[static_cast<size_t>(c)].iso3;
        }
        ++compared;
      }
    }
    EXPECT_EQ(compared, 4u * 193u);
  }
}

// Criminality = (mean of 15 markets + mean of 5 actor types) / 2 in 2023: a market
// weighs 1/30 and an actor type 1/10, three times as much. 2021 had 10 markets and
// 4 actor types: 1/20 and 1/8.
TEST_F(GociPipeline, AnActorTypeWeighsThreeMarketsSince2023) {
  for (const auto& [id, markets, actors] : {std::tuple{"2021", 10, 4}, {"2023", 15, 5}, {"2025", 15, 5}}) {
    SCOPED_TRACE(id);
    const auto& edition = Edition(id);
    auto model = pl::ModelFromEdition(edition.framework, edition.dataset);
    ASSERT_TRUE(model);
    auto results = pl::Run(*model, pl::Spec{{pl::AggregateStep{}}});
    ASSERT_TRUE(results);
    const pl::DataSet& aggregated = *results->Find("Aggregated");
    auto weights = core::analytics::EffectiveWeights(*model, aggregated.values, *model->FindNode("criminality"));
    ASSERT_TRUE(weights);
    ASSERT_EQ(weights->size(), static_cast<size_t>(markets + actors));
    double share_sum = 0;
    for (const auto& w : *weights) {
      const double expected = w.via == "criminal_markets" ? 0.5 / markets : 0.5 / actors;
      EXPECT_NEAR(w.nominal, expected, 1e-15) << w.code;
      EXPECT_GT(w.pearson, 0) << w.code;
      share_sum += w.variance_share;
    }
    // Variance shares add up to about 1 (exactly 1 without missing scores).
    EXPECT_NEAR(share_sum, 1, 0.05);
  }
}

}  // namespace
}  // namespace ocindex
