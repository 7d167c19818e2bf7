// The bundled editions reproduce the published index exactly: every composite of every
// country, and ranks in all three scopes as the publisher's pages show them.
#include <gtest/gtest.h>

#include "support/bundled_editions.h"
#include "core/scoring/ranking.h"
#include "core/scoring/scorecard.h"

namespace ocindex {
namespace {

class PublishedFigures : public ::testing::Test {
 protected:
  static const adapters::EditionToStore& Edition(const std::string& id) { return test::BundledEdition(id); }

  // World, continent and region rank of a country on a measure.
  static std::array<core::Rank, 3> Ranks(const std::string& edition_id, const std::string& iso3,
                                         const std::string& measure) {
    const auto& edition = Edition(edition_id);
    auto card = core::Scorecard::Compute(edition.framework, edition.dataset);
    EXPECT_TRUE(card);
    int m = *edition.framework.FindMeasure(measure);
    int c = *edition.dataset.FindCountry(iso3);
    std::array<core::Rank, 3> out;
    int s = 0;
    for (core::Scope scope : {core::Scope::kWorld, core::Scope::kContinent, core::Scope::kRegion}) {
      out[static_cast<size_t>(s++)] = core::RankCountries(edition.dataset, *card, m, scope)[static_cast<size_t>(c)];
    }
    return out;
  }

};


TEST_F(PublishedFigures, EveryCompositeOfEveryCountryMatchesInAllEditions) {
  ASSERT_EQ(test::BundledEditionList().size(), 3u);
  for (const auto& edition : test::BundledEditionList()) {
    SCOPED_TRACE(edition.framework.edition);
    EXPECT_EQ(edition.dataset.country_count(), 193);
    auto card = core::Scorecard::Compute(edition.framework, edition.dataset);
    ASSERT_TRUE(card);
    size_t published = 0;
    for (const auto& value : edition.dataset.published) published += value.has_value();
    EXPECT_EQ(published, 193u * 4u);  // criminality, markets, actors, resilience for every country
    EXPECT_TRUE(core::CheckPublished(edition.framework, edition.dataset, *card).empty());
  }
}

TEST_F(PublishedFigures, KazakhstanMatchesThePublisherPage2021) {
  const auto& edition = Edition("2021");
  auto card = core::Scorecard::Compute(edition.framework, edition.dataset);
  ASSERT_TRUE(card);
  int kaz = *edition.dataset.FindCountry("KAZ");
  EXPECT_EQ(card->rounded(kaz, *edition.framework.FindNode("criminality")), 426);
  EXPECT_EQ(card->rounded(kaz, *edition.framework.FindNode("resilience")), 471);
  EXPECT_EQ(*card->exact(kaz, *edition.framework.FindNode("criminality")), core::Rational(341, 80));  // 4.2625

  auto ranks = Ranks("2021", "KAZ", "criminality");
  EXPECT_EQ(ranks[0].position, 133);
  EXPECT_EQ(ranks[0].of, 193);
  EXPECT_EQ(ranks[1].position, 37);
  EXPECT_EQ(ranks[1].of, 46);
  EXPECT_EQ(ranks[2].position, 6);
  EXPECT_EQ(ranks[2].of, 8);
}

TEST_F(PublishedFigures, KazakhstanRanks2023) {
  auto ranks = Ranks("2023", "KAZ", "criminality");
  EXPECT_EQ(ranks[0].position, 127);
  EXPECT_EQ(ranks[1].position, 34);
  EXPECT_EQ(ranks[2].position, 5);
}

TEST_F(PublishedFigures, CambodiaAndIndonesiaShareTwentieth2023) {
  auto cambodia = Ranks("2023", "KHM", "criminality");
  auto indonesia = Ranks("2023", "IDN", "criminality");
  EXPECT_EQ(cambodia[0].position, 20);
  EXPECT_EQ(indonesia[0].position, 20);
  EXPECT_TRUE(cambodia[0].tied);
}

}  // namespace
}  // namespace ocindex
