// The round-robin quick start: experts dealt in turn over the cells, one reviewer each.
#include "core/assessment/round_robin.h"

#include <gtest/gtest.h>

#include <map>

#include "support/assessment_fixture.h"

namespace ocindex::core::assessment {
namespace {

Round TwoCountries() {
  return test_support::MakeRound(test_support::MiniGoci(), {test_support::Country("AAA"), test_support::Country("BBB")});
}

TEST(RoundRobin, DealsExpertsInTurnAndSpreadsTheWorkEvenly) {
  const Round round = TwoCountries();
  auto assignments = RoundRobin(round, 2, {{"e1"}, {"e2"}, {"e3"}}, {{"r1"}, {"r2"}});
  ASSERT_TRUE(assignments.ok()) << assignments.error().ToString();
  const std::vector<CellKey> cells = round.Cells();
  ASSERT_EQ(assignments->cells.size(), cells.size());
  const Team& first = assignments->TeamOf(cells[0]);
  EXPECT_EQ(first.drafting, (std::vector<UserRef>{{"e1"}, {"e2"}}));
  EXPECT_EQ(first.reviewers, (std::vector<UserRef>{{"r1"}}));
  const Team& second = assignments->TeamOf(cells[1]);
  EXPECT_EQ(second.drafting, (std::vector<UserRef>{{"e3"}, {"e1"}}));
  EXPECT_EQ(second.reviewers, (std::vector<UserRef>{{"r2"}}));
  std::map<std::string, size_t> load;
  for (const auto& [key, team] : assignments->cells) {
    for (const UserRef& user : team.drafting) ++load[user.id];
  }
  // Two places per cell over three experts: each takes a third, give or take one.
  const double share = 2.0 * static_cast<double>(cells.size()) / 3;
  for (const auto& [user, cells_drafted] : load) EXPECT_NEAR(static_cast<double>(cells_drafted), share, 1.0) << user;
  EXPECT_TRUE(assignments->sections.empty());
}

TEST(RoundRobin, RefusesImpossibleTeams) {
  const Round round = TwoCountries();
  EXPECT_EQ(RoundRobin(round, 3, {{"e1"}, {"e2"}}, {{"r1"}}).error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(RoundRobin(round, 0, {{"e1"}}, {{"r1"}}).error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(RoundRobin(round, 1, {{"e1"}}, {}).error().code, ErrorCode::kInvalidInput);
  // Nobody reviews a cell they draft.
  EXPECT_FALSE(RoundRobin(round, 1, {{"e1"}}, {{"e1"}}).ok());
}

}  // namespace
}  // namespace ocindex::core::assessment
