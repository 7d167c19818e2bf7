// Who is alike: the profile distance (symmetric, not-assessed cells left out), the
// nearest peers, Ward clusters with the cut rule, and like-for-like trajectories.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "core/decision/clustering.h"
#include "core/decision/peers.h"
#include "core/decision/trajectories.h"
#include "support/bundled_editions.h"
#include "support/tiny_framework.h"

namespace ocindex::core {
namespace {

std::vector<int> AllIndicators(const Framework& f) {
  std::vector<int> all(f.indicators.size());
  std::iota(all.begin(), all.end(), 0);
  return all;
}

TEST(Peers, DistanceIsTheRootMeanSquareOverSharedIndicators) {
  const Framework f = test_support::MiniGoci();
  Dataset d = Dataset::ShapedFor(f);
  test_support::AddCountry(d, f, test_support::Country("AAA"),
                           {{"political_leadership", "6"}, {"transparency", "5"}, {"judicial_system", "4"}});
  test_support::AddCountry(d, f, test_support::Country("BBB"),
                           {{"political_leadership", "3"}, {"transparency", "1"}});
  test_support::AddCountry(d, f, test_support::Country("CCC"), {{"judicial_system", "4"}});
  const std::vector<int> resilience = {*f.FindIndicator("political_leadership"), *f.FindIndicator("transparency"),
                                       *f.FindIndicator("judicial_system")};
  auto ab = Distance(d, 0, 1, resilience);
  ASSERT_TRUE(ab);
  EXPECT_EQ(ab->shared, 2);
  EXPECT_DOUBLE_EQ(ab->distance, std::sqrt((9.0 + 16.0) / 2));
  EXPECT_FALSE(Distance(d, 0, 2, resilience));  // one shared indicator of three
  const std::vector<Peer> peers = NearestPeers(d, 0, resilience, 5);
  ASSERT_EQ(peers.size(), 1u);
  EXPECT_EQ(peers[0].country, 1);
}

TEST(Peers, DistanceIsSymmetricOnTheBundledEdition) {
  const auto& e = test::BundledEdition("2025");
  const std::vector<int> all = AllIndicators(e.framework);
  const int n = e.dataset.country_count();
  for (int a = 0; a < n; ++a) {
    for (int b = a + 1; b < n; b += 3) {
      auto ab = Distance(e.dataset, a, b, all);
      auto ba = Distance(e.dataset, b, a, all);
      ASSERT_EQ(ab.has_value(), ba.has_value());
      if (ab) {
        EXPECT_EQ(ab->distance, ba->distance);
        EXPECT_EQ(ab->shared, ba->shared);
      }
    }
  }
  // b is among a's peers at the distance a is among b's.
  const int kaz = *e.dataset.FindCountry("KAZ");
  for (const Peer& peer : NearestPeers(e.dataset, kaz, all, 5)) {
    const std::vector<Peer> back = NearestPeers(e.dataset, peer.country, all, n);
    const auto found = std::find_if(back.begin(), back.end(), [kaz](const Peer& p) { return p.country == kaz; });
    ASSERT_NE(found, back.end());
    EXPECT_EQ(found->distance.distance, peer.distance.distance);
  }
}

TEST(Clusters, SeparatedGroupsAreFoundByTheCutRule) {
  const Framework f = test_support::MiniGoci();
  Dataset d = Dataset::ShapedFor(f);
  // Two tight groups far apart on resilience, one country with nothing assessed.
  for (const auto& [iso3, a, b] : {std::tuple{"AAA", "2", "2.5"}, {"BBB", "2.5", "2"}, {"CCC", "2", "2"},
                                   {"DDD", "9", "8.5"}, {"EEE", "8.5", "9"}}) {
    test_support::AddCountry(d, f, test_support::Country(iso3),
                             {{"political_leadership", a}, {"transparency", b}, {"judicial_system", "5"}});
  }
  test_support::AddCountry(d, f, test_support::Country("FFF"), {{"heroin_trade", "5"}});
  const std::vector<int> resilience = {*f.FindIndicator("political_leadership"), *f.FindIndicator("transparency"),
                                       *f.FindIndicator("judicial_system")};
  auto clustering = WardClusters(d, resilience, ClusterOptions{});
  ASSERT_TRUE(clustering.ok()) << clustering.error().ToString();
  EXPECT_TRUE(clustering->by_rule);
  ASSERT_EQ(clustering->clusters.size(), 2u);
  EXPECT_EQ(clustering->clusters[0].countries, (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(clustering->clusters[1].countries, (std::vector<int>{3, 4}));
  EXPECT_EQ(clustering->assignment[5], -1);
  // What sets the low group apart: low leadership or transparency, below the mean.
  const DistinctiveIndicator& top = clustering->clusters[0].distinctive[0];
  EXPECT_LT(top.z, 0);
  EXPECT_NE(top.indicator, *f.FindIndicator("judicial_system"));
  EXPECT_EQ(clustering->merge_costs.size(), 4u);
  auto three = WardClusters(d, resilience, ClusterOptions{3, 10, 3});
  ASSERT_TRUE(three.ok());
  EXPECT_EQ(three->clusters.size(), 3u);
  EXPECT_FALSE(three->by_rule);
  EXPECT_FALSE(WardClusters(d, resilience, ClusterOptions{9, 10, 3}).ok());
}

TEST(Clusters, EveryCountryOfTheBundledEditionIsPlaced) {
  const auto& e = test::BundledEdition("2025");
  auto clustering = WardClusters(e.dataset, AllIndicators(e.framework), ClusterOptions{});
  ASSERT_TRUE(clustering.ok());
  EXPECT_GE(clustering->clusters.size(), 2u);
  EXPECT_LE(clustering->clusters.size(), 10u);
  size_t placed = 0;
  for (const Cluster& cluster : clustering->clusters) placed += cluster.countries.size();
  EXPECT_EQ(placed, static_cast<size_t>(e.dataset.country_count()));
  for (size_t k = 1; k < clustering->merge_costs.size(); ++k) {
    EXPECT_LE(clustering->merge_costs[k - 1], clustering->merge_costs[k]);
  }
}

TEST(Trajectories, LikeForLikeUsesTheIndicatorsEveryEditionShares) {
  const test_support::EditionPair pair = test_support::SmallEditions();
  auto traced = TraceCountries({&pair.before, &pair.after}, {"AAA", "DDD"}, "criminality");
  ASSERT_TRUE(traced.ok()) << traced.error().ToString();
  EXPECT_EQ(traced->editions, (std::vector<std::string>{"2021", "2023"}));
  EXPECT_EQ(traced->shared_indicators,
            (std::vector<std::string>{"human_trafficking", "heroin_trade", "mafia_groups", "judicial_system"}));
  const Trajectory& aaa = traced->countries[0];
  EXPECT_EQ(aaa.raw[0], 600);
  EXPECT_EQ(aaa.raw[1], 667);  // cyber_crimes 9 entered the mean
  EXPECT_EQ(aaa.like[0], 600);
  EXPECT_EQ(aaa.like[1], 600);
  EXPECT_FALSE(traced->countries[1].raw[0]);  // DDD is new in 2023
}

}  // namespace
}  // namespace ocindex::core
