// Intraclass correlation for a complete targets x judges table, two-way random
// effects (judges are a sample of possible judges), absolute agreement.
//
// Reference: P. E. Shrout and J. L. Fleiss (1979), "Intraclass correlations: uses in
// assessing rater reliability", Psychological Bulletin 86(2), 420-428: ICC(2,1) is the
// reliability of one judge's score, ICC(2,k) that of the mean of the k judges.
#pragma once

#include <vector>

#include "core/error.h"

namespace ocindex::core {

struct IntraclassCorrelation {
  double single = 0.0;   // ICC(2,1)
  double average = 0.0;  // ICC(2,k)
};

// scores[target][judge]; at least two targets and two judges, every row the same
// length, no missing values. Errors when the table has no variation at all.
Result<IntraclassCorrelation> Icc2(const std::vector<std::vector<double>>& scores);

}  // namespace ocindex::core
