#include "core/reliability/synthetic_experts.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <utility>

#include "support/tiny_framework.h"

namespace ocindex::core {
namespace {

using test_support::MiniGoci;

// 300 countries; every indicator scored, published scores cycling through the grid from
// `low` to `high`.
Edition Published(double low, double high) {
  Edition edition{MiniGoci(), {}};
  edition.dataset = Dataset::ShapedFor(edition.framework);
  edition.dataset.edition = "2023";
  const int steps = static_cast<int>((high - low) * 2) + 1;
  for (int c = 0; c < 300; ++c) {
    const int row = edition.dataset.AddCountry({"C" + std::to_string(c), "C", "Africa", "North Africa"});
    for (int i = 0; i < edition.dataset.indicator_count(); ++i) {
      edition.dataset.score(row, i) = Rational(static_cast<int64_t>(2 * low) + (c + i) % steps, 2);
    }
  }
  return edition;
}

double PublishedScore(const Edition& e, const ExpertScore& s) {
  const int c = *e.dataset.FindCountry(s.iso3);
  return e.dataset.score(c, *e.framework.FindIndicator(s.indicator))->ToDouble();
}

TEST(GenerateExpertScores, TheSameSeedGivesTheSameScoresAndAnotherSeedOthers) {
  const Edition e = Published(1, 10);
  SyntheticPanel panel;
  panel.missing = 0.1;
  auto a = GenerateExpertScores(e.framework, e.dataset, panel);
  auto b = GenerateExpertScores(e.framework, e.dataset, panel);
  panel.seed = 2;
  auto c = GenerateExpertScores(e.framework, e.dataset, panel);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  ASSERT_EQ(a->size(), b->size());
  int differ = 0;
  for (size_t k = 0; k < a->size(); ++k) {
    EXPECT_EQ((*a)[k].expert, (*b)[k].expert);
    EXPECT_EQ((*a)[k].score, (*b)[k].score);
  }
  for (size_t k = 0; k < std::min(a->size(), c->size()); ++k) differ += (*a)[k].score != (*c)[k].score ? 1 : 0;
  EXPECT_GT(differ, 100);
}

TEST(GenerateExpertScores, EveryScoreIsOnTheScaleAndEveryCellHasEveryExpert) {
  const Edition e = Published(1, 10);
  SyntheticPanel panel;
  panel.experts = 5;
  panel.bias_sd = 1.0;
  panel.noise_sd = 2.0;  // wide, so clamping at 1 and 10 happens often
  auto scores = GenerateExpertScores(e.framework, e.dataset, panel);
  ASSERT_TRUE(scores.ok());
  EXPECT_EQ(scores->size(), 300u * 9u * 5u);
  int at_ends = 0;
  for (const ExpertScore& s : *scores) {
    EXPECT_GE(s.score, 1.0);
    EXPECT_LE(s.score, 10.0);
    EXPECT_EQ(s.score * 2, std::round(s.score * 2)) << s.score;
    EXPECT_EQ(s.edition, "2023");
    at_ends += s.score == 1.0 || s.score == 10.0 ? 1 : 0;
  }
  EXPECT_GT(at_ends, 0);
  EXPECT_EQ(scores->front().expert, "E1");
  EXPECT_EQ((*scores)[4].expert, "E5");
}

// Away from the ends of the scale (published 4 to 7, so clamping is all but absent), the
// experts' mean of a cell misses the published score by noise alone: zero on average.
// With 2,700 cells the standard error of that average is known from the data, and a
// fixed seed makes the check deterministic.
TEST(GenerateExpertScores, TheExpertsMeanStaysCloseToThePublishedScore) {
  const Edition e = Published(4, 7);
  SyntheticPanel panel;  // 4 experts, bias sd 0.5, noise sd 0.75
  auto scores = GenerateExpertScores(e.framework, e.dataset, panel);
  ASSERT_TRUE(scores.ok());
  std::map<std::pair<std::string, std::string>, std::pair<double, int>> cells;  // sum, count
  std::map<std::string, double> lean;                                          // expert -> sum of deviations
  for (const ExpertScore& s : *scores) {
    auto& [sum, count] = cells[{s.iso3, s.indicator}];
    sum += s.score;
    ++count;
    lean[s.expert] += s.score - PublishedScore(e, s);
  }
  double total = 0;
  double squares = 0;
  for (const auto& [key, cell] : cells) {
    const ExpertScore probe{"2023", key.first, key.second, "", 0, {}};
    const double d = cell.first / cell.second - PublishedScore(e, probe);
    total += d;
    squares += d * d;
  }
  const double n = static_cast<double>(cells.size());
  const double mean = total / n;
  const double sd = std::sqrt(squares / n - mean * mean);
  EXPECT_LT(std::abs(mean), 4 * sd / std::sqrt(n)) << "mean deviation " << mean;
  // Noise 0.75 and half-step rounding, averaged over 4 experts: sd about 0.38.
  EXPECT_NEAR(sd, std::sqrt((0.75 * 0.75 + 1.0 / 48) / 4), 0.03);
  // The experts do lean (bias sd 0.5), but their leans cancel out.
  double spread = 0;
  for (const auto& [expert, sum] : lean) spread += std::abs(sum / n);
  EXPECT_GT(spread / 4, 0.1);
}

TEST(GenerateExpertScores, LeavesOutTheRequestedShareOfRatings) {
  const Edition e = Published(1, 10);
  SyntheticPanel panel;
  panel.missing = 0.2;
  auto scores = GenerateExpertScores(e.framework, e.dataset, panel);
  ASSERT_TRUE(scores.ok());
  const double slots = 300.0 * 9 * 4;
  const double share = 1.0 - static_cast<double>(scores->size()) / slots;
  EXPECT_NEAR(share, 0.2, 4 * std::sqrt(0.2 * 0.8 / slots));
}

TEST(GenerateExpertScores, UnscoredCellsGetNoExpertScores) {
  Edition e = Published(4, 7);
  e.dataset.score(0, 0) = std::nullopt;
  auto scores = GenerateExpertScores(e.framework, e.dataset, SyntheticPanel{});
  ASSERT_TRUE(scores.ok());
  EXPECT_EQ(scores->size(), (300u * 9u - 1u) * 4u);
  for (const ExpertScore& s : *scores) EXPECT_FALSE(s.iso3 == "C0" && s.indicator == e.framework.indicators[0].id);
}

TEST(GenerateExpertScores, RejectsPanelsOutsideTheirRanges) {
  const Edition e = Published(4, 7);
  SyntheticPanel one;
  one.experts = 1;
  EXPECT_FALSE(GenerateExpertScores(e.framework, e.dataset, one).ok());
  SyntheticPanel all_missing;
  all_missing.missing = 1.0;
  EXPECT_FALSE(GenerateExpertScores(e.framework, e.dataset, all_missing).ok());
  SyntheticPanel negative;
  negative.noise_sd = -1;
  auto error = GenerateExpertScores(e.framework, e.dataset, negative);
  ASSERT_FALSE(error.ok());
  EXPECT_NE(error.error().message.find("not negative"), std::string::npos);
}

}  // namespace
}  // namespace ocindex::core
