#include "core/model/dataset.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/tiny_framework.h"

namespace ocindex::core {
namespace {

using test_support::AddCountry;
using test_support::Country;
using test_support::MiniGoci;
using test_support::R;
using test_support::SetPublished;

TEST(DatasetTest, ShapedForCopiesTheFrameworksIdsAndEdition) {
  const Framework f = MiniGoci("2021");
  const Dataset d = Dataset::ShapedFor(f);
  EXPECT_EQ(d.edition, "2021");
  EXPECT_EQ(d.indicator_count(), 9);
  EXPECT_EQ(d.node_count(), 9);
  EXPECT_EQ(d.indicator_ids.front(), "human_trafficking");
  EXPECT_EQ(d.indicator_ids.back(), "judicial_system");
  EXPECT_EQ(d.node_ids.front(), "criminality");
  EXPECT_EQ(d.node_ids.back(), "justice");
  EXPECT_EQ(d.country_count(), 0);
}

TEST(DatasetTest, AddCountryStartsNotAssessedAndKeepsRowsApart) {
  const Framework f = MiniGoci();
  Dataset d = Dataset::ShapedFor(f);
  EXPECT_EQ(d.AddCountry(Country("LBY")), 0);
  EXPECT_EQ(d.AddCountry(Country("AGO")), 1);
  for (int c = 0; c < 2; ++c) {
    for (int i = 0; i < d.indicator_count(); ++i) EXPECT_FALSE(d.score(c, i).has_value());
    for (int n = 0; n < d.node_count(); ++n) EXPECT_FALSE(d.published_value(c, n).has_value());
  }
  d.score(1, 0) = R("8.5");
  d.published_value(1, 0) = R("6.93");
  EXPECT_FALSE(d.score(0, 0).has_value());
  EXPECT_FALSE(d.score(1, 1).has_value());
  EXPECT_EQ(d.score(1, 0), R("8.5"));
  EXPECT_FALSE(d.published_value(0, 0).has_value());
  EXPECT_EQ(d.published_value(1, 0), R("6.93"));
}

TEST(DatasetTest, FindCountryByIso3) {
  const Framework f = MiniGoci();
  Dataset d = Dataset::ShapedFor(f);
  d.AddCountry(Country("LBY"));
  d.AddCountry(Country("AGO"));
  EXPECT_EQ(d.FindCountry("AGO"), 1);
  EXPECT_EQ(d.FindCountry("LBY"), 0);
  EXPECT_EQ(d.FindCountry("FRA"), std::nullopt);
}

TEST(DatasetTest, ProjectDatasetMatchesIndicatorsByIdAndDropsPublishedFigures) {
  const Framework full = MiniGoci();
  auto restricted = RestrictFramework(full, {"heroin_trade", "judicial_system"});
  ASSERT_TRUE(restricted.ok());
  Dataset d = Dataset::ShapedFor(full);
  const int row = AddCountry(d, full, Country("LBY", "Africa", "North Africa", "Libya"),
                             {{"human_trafficking", "8.5"}, {"heroin_trade", "2.5"}, {"transparency", "1.5"}});
  SetPublished(d, full, row, "criminality", "6.93");
  AddCountry(d, full, Country("AGO"), {{"judicial_system", "4"}});

  const Dataset p = ProjectDataset(d, full, *restricted);
  EXPECT_EQ(p.edition, d.edition);
  EXPECT_EQ(p.indicator_ids, (std::vector<std::string>{"heroin_trade", "judicial_system"}));
  ASSERT_EQ(p.country_count(), 2);
  EXPECT_EQ(p.countries[0].name, "Libya");
  EXPECT_EQ(p.countries[0].region, "North Africa");
  EXPECT_EQ(p.score(0, 0), R("2.5"));
  EXPECT_FALSE(p.score(0, 1).has_value());
  EXPECT_FALSE(p.score(1, 0).has_value());
  EXPECT_EQ(p.score(1, 1), R("4"));
  for (int c = 0; c < 2; ++c) {
    for (int n = 0; n < p.node_count(); ++n) EXPECT_FALSE(p.published_value(c, n).has_value());
  }
}

}  // namespace
}  // namespace ocindex::core
