// Evaluates every measure of one country from its indicator scores: the arithmetic of
// Scorecard::Compute for one row, so a what-if can recompute a changed country alone.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "core/model/framework.h"
#include "core/model/rational.h"

namespace ocindex::core {

class MeasureEvaluator {
 public:
  // `framework` must outlive the evaluator.
  explicit MeasureEvaluator(const Framework& framework);
  // `scores`: one per framework indicator (nullopt = not assessed). `out`: one per
  // measure (Framework numbering); nullopt where nothing beneath is assessed.
  // Composites come from unrounded means all the way up.
  void Evaluate(std::span<const std::optional<Rational>> scores, std::span<std::optional<Rational>> out) const;

 private:
  const Framework& framework_;
  std::vector<std::vector<int>> under_;  // indicators under each node, resolved once
};

}  // namespace ocindex::core
