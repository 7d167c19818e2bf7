// Submission checks: the scale's grid, a justification, confidence, and the reason a
// move of 1.0 or more from the baseline needs.
#include "core/assessment/submission.h"

#include <gtest/gtest.h>

#include "core/assessment/text.h"
#include "support/assessment_fixture.h"

namespace ocindex::core::assessment {
namespace {

using test_support::Draft;
using test_support::R;

const Framework& Goci() {
  static const Framework framework = test_support::MiniGoci();
  return framework;
}

TEST(Submission, AcceptsEveryHalfStepOnTheScale) {
  for (const char* score : {"1", "1.5", "5", "7.5", "10"}) {
    auto checked = ValidateSubmission(Draft(score), Goci(), std::nullopt);
    ASSERT_TRUE(checked.ok()) << score << ": " << checked.error().ToString();
    EXPECT_EQ(checked->score, R(score));
  }
}

TEST(Submission, RefusesScoresOffTheGrid) {
  for (const char* score : {"4.25", "5.1", "0.5", "0", "10.5", "11", "-1"}) {
    auto checked = ValidateSubmission(Draft(score), Goci(), std::nullopt);
    ASSERT_FALSE(checked.ok()) << score;
    EXPECT_EQ(checked.error().code, ErrorCode::kInvalidInput);
    EXPECT_NE(checked.error().message.find("not on the scale"), std::string::npos) << checked.error().message;
  }
}

TEST(Submission, NeedsAJustification) {
  for (const char* text : {"", "   ", "\n\t "}) {
    auto checked = ValidateSubmission(Draft("5", text), Goci(), std::nullopt);
    ASSERT_FALSE(checked.ok()) << "'" << text << "'";
    EXPECT_EQ(checked.error().code, ErrorCode::kInvalidInput);
  }
}

TEST(Submission, TrimsTextsAndDropsEmptySources) {
  Submission submission = Draft("5", "  Court records.\n", "  ");
  submission.sources = {" https://example.org ", "", "   ", "UNODC"};
  auto checked = ValidateSubmission(submission, Goci(), std::nullopt);
  ASSERT_TRUE(checked.ok()) << checked.error().ToString();
  EXPECT_EQ(checked->justification, "Court records.");
  EXPECT_EQ(checked->sources, (std::vector<std::string>{"https://example.org", "UNODC"}));
  EXPECT_EQ(checked->change_reason, "");
}

TEST(Submission, ConfidenceRunsFromOneToFive) {
  for (int confidence : {0, 6, -3}) {
    Submission submission = Draft("5");
    submission.confidence = confidence;
    EXPECT_FALSE(ValidateSubmission(submission, Goci(), std::nullopt).ok()) << confidence;
  }
  for (int confidence : {1, 3, 5}) {
    Submission submission = Draft("5");
    submission.confidence = confidence;
    EXPECT_TRUE(ValidateSubmission(submission, Goci(), std::nullopt).ok()) << confidence;
  }
}

TEST(Submission, AMoveOfOneOrMoreFromTheBaselineNeedsAReason) {
  const std::optional<Rational> baseline = R("5");
  for (const char* score : {"6", "4", "9", "1"}) {
    auto checked = ValidateSubmission(Draft(score), Goci(), baseline);
    ASSERT_FALSE(checked.ok()) << score;
    EXPECT_EQ(checked.error().code, ErrorCode::kInvalidInput);
    EXPECT_TRUE(ValidateSubmission(Draft(score, "Why.", "New seizure data"), Goci(), baseline).ok()) << score;
  }
  for (const char* score : {"5", "5.5", "4.5"}) {
    EXPECT_TRUE(ValidateSubmission(Draft(score), Goci(), baseline).ok()) << score;
  }
  EXPECT_FALSE(ValidateSubmission(Draft("6", "Why.", "  "), Goci(), baseline).ok()) << "a blank reason is none";
}

TEST(Submission, NoBaselineNeedsNoReason) {
  EXPECT_TRUE(ValidateSubmission(Draft("9"), Goci(), std::nullopt).ok());
  EXPECT_FALSE(NeedsChangeReason(R("9"), std::nullopt));
  EXPECT_TRUE(NeedsChangeReason(R("6"), R("5")));
  EXPECT_FALSE(NeedsChangeReason(R("5.5"), R("5")));
}

TEST(Text, TrimsAndRequires) {
  EXPECT_EQ(Trim("  a b \n"), "a b");
  EXPECT_EQ(Trim(" \t "), "");
  auto required = RequiredText(" ", "a comment");
  ASSERT_FALSE(required.ok());
  EXPECT_EQ(required.error().message, "a comment is required");
}

}  // namespace
}  // namespace ocindex::core::assessment
