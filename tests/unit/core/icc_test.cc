#include "core/reliability/icc.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ocindex::core {
namespace {

// Shrout and Fleiss (1979), Table 2: 6 targets rated by 4 judges. The paper reports
// ICC(2,1) = .29 and ICC(2,4) = .62 (from its mean squares BMS 11.24, JMS 32.49,
// EMS 1.02). R's psych package checks its ICC() against the same table and values
// (tests/testthat/test_ICC.R).
const std::vector<std::vector<double>> kShroutFleiss = {
    {9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7},
};

TEST(Icc2, ReproducesShroutAndFleissTable) {
  auto icc = Icc2(kShroutFleiss);
  ASSERT_TRUE(icc.ok());
  EXPECT_NEAR(icc->single, 0.29, 0.005);
  EXPECT_NEAR(icc->average, 0.62, 0.005);
}

TEST(Icc2, AverageOfJudgesIsMoreReliableThanOneJudge) {
  auto icc = Icc2(kShroutFleiss);
  ASSERT_TRUE(icc.ok());
  EXPECT_GT(icc->average, icc->single);
}

TEST(Icc2, IdenticalJudgesGiveOne) {
  auto icc = Icc2({{1, 1, 1}, {4, 4, 4}, {7, 7, 7}});
  ASSERT_TRUE(icc.ok());
  EXPECT_DOUBLE_EQ(icc->single, 1.0);
  EXPECT_DOUBLE_EQ(icc->average, 1.0);
}

TEST(Icc2, RejectsTooSmallRaggedOrConstantTables) {
  EXPECT_FALSE(Icc2({{1, 2}}).ok());
  EXPECT_FALSE(Icc2({{1}, {2}}).ok());
  auto ragged = Icc2({{1, 2}, {1, 2, 3}});
  ASSERT_FALSE(ragged.ok());
  EXPECT_NE(ragged.error().message.find("target 2"), std::string::npos);
  auto constant = Icc2({{5, 5}, {5, 5}});
  ASSERT_FALSE(constant.ok());
  EXPECT_NE(constant.error().message.find("undefined"), std::string::npos);
}

}  // namespace
}  // namespace ocindex::core
