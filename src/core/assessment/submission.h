// What an expert records on a cell: a score with its justification, sources and
// confidence. A score that moves 1.0 or more from the baseline states why.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/assessment/people.h"
#include "core/error.h"
#include "core/model/framework.h"
#include "core/model/rational.h"

namespace ocindex::core::assessment {

inline constexpr int kMinConfidence = 1;  // a guess from thin evidence
inline constexpr int kMaxConfidence = 5;  // well documented by several independent sources

struct Submission {
  UserRef expert;
  Rational score;                    // on the framework's scale (GOCI: 1 to 10 in steps of 0.5)
  std::string justification;         // required
  std::vector<std::string> sources;  // citations or URLs
  int confidence = 3;                // kMinConfidence to kMaxConfidence
  std::string change_reason;         // required when |score - baseline| >= 1
};

// Whether a move from the baseline is large enough to need a stated reason.
bool NeedsChangeReason(const Rational& score, const std::optional<Rational>& baseline);

// The submission with its texts trimmed and empty sources dropped, or kInvalidInput:
// a score off the scale's grid, no justification, a confidence out of range, or a
// missing reason for a move of 1.0 or more from `baseline`.
Result<Submission> ValidateSubmission(Submission submission, const Framework& framework,
                                      const std::optional<Rational>& baseline);

}  // namespace ocindex::core::assessment
