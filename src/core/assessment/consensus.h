// The consensus proposal of a cell and the signals that call for a closer look
// (docs/ASSESSMENT.md). Exact arithmetic throughout; only the z-score is a double,
// since it is compared with a threshold and never published.
#pragma once

#include <optional>
#include <vector>

#include "core/model/framework.h"
#include "core/model/rational.h"

namespace ocindex::core::assessment {

// Experts disagree when their scores span this much or more (three half-steps).
inline const Rational kWideSpread = Rational(3, 2);
// A cell stands out in its region's calibration when |robust z| exceeds this
// (Iglewicz and Hoaglin's cut-off for the modified z-score).
inline constexpr double kOutlierZ = 3.5;
// Calibration compares at least this many cells; fewer give no flag.
inline constexpr size_t kMinCalibrationGroup = 3;

// The nearest point of the scale's grid, halves going up, clamped to the scale.
Rational RoundToScale(const Rational& value, const Framework& framework);

// The exact median: the mean of the two middle values for an even count. `values`
// must not be empty.
Rational Median(std::vector<Rational> values);

struct Consensus {
  Rational proposal;  // the median rounded to the scale
  Rational spread;    // highest minus lowest score
  int count = 0;      // scores it comes from
  bool wide = false;  // spread >= kWideSpread
};

// nullopt when there is no score.
std::optional<Consensus> ConsensusOf(const std::vector<Rational>& scores, const Framework& framework);

// The robust z-score of each value within the group: (x - median) / (1.4826 * MAD).
// When MAD is 0 (most values equal) the scale is 1.253314 * the mean absolute deviation
// from the median instead; when that is 0 too, every value is the median and scores 0.
std::vector<double> RobustZ(const std::vector<Rational>& values);

}  // namespace ocindex::core::assessment
