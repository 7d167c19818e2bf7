#include "core/assessment/submission.h"

#include <fmt/format.h>

#include "core/assessment/text.h"

namespace ocindex::core::assessment {

bool NeedsChangeReason(const Rational& score, const std::optional<Rational>& baseline) {
  if (!baseline) return false;
  const Rational move = score < *baseline ? *baseline - score : score - *baseline;
  return move >= Rational(1);
}

Result<Submission> ValidateSubmission(Submission submission, const Framework& framework,
                                      const std::optional<Rational>& baseline) {
  if (!framework.OnScale(submission.score)) {
    return MakeError(ErrorCode::kInvalidInput,
                     fmt::format("score {} is not on the scale {} to {} in steps of {}",
                                 FormatRational(submission.score), FormatRational(framework.scale_min),
                                 FormatRational(framework.scale_max), FormatRational(framework.scale_step)));
  }
  OCINDEX_ASSIGN_OR_RETURN(submission.justification, RequiredText(submission.justification, "a justification"));
  if (submission.confidence < kMinConfidence || submission.confidence > kMaxConfidence) {
    return MakeError(ErrorCode::kInvalidInput, fmt::format("confidence {} is not between {} and {}",
                                                           submission.confidence, kMinConfidence, kMaxConfidence));
  }
  std::vector<std::string> sources;
  for (const std::string& source : submission.sources) {
    if (std::string trimmed = Trim(source); !trimmed.empty()) sources.push_back(std::move(trimmed));
  }
  submission.sources = std::move(sources);
  submission.change_reason = Trim(submission.change_reason);
  if (submission.change_reason.empty() && NeedsChangeReason(submission.score, baseline)) {
    return MakeError(ErrorCode::kInvalidInput,
                     fmt::format("score {} moves 1 or more from the baseline {}: state the reason",
                                 FormatRational(submission.score), FormatRational(*baseline)));
  }
  return submission;
}

}  // namespace ocindex::core::assessment
