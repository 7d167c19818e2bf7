// Expert-level scores: what each expert gave each country on each indicator, the raw
// material a publisher's panel condenses into one published score per cell.
#pragma once

#include <string>

namespace ocindex::core {

struct ExpertScore {
  std::string edition;
  std::string iso3;
  std::string indicator;      // a framework indicator id
  std::string expert;         // an opaque id; the same id is the same person in every cell
  double score = 0.0;         // on the framework's scale (GOCI: 1 to 10 in steps of 0.5)
  std::string justification;  // free text; may be empty
};

}  // namespace ocindex::core
