// What is assessed in a round: a cell is one country's score on one indicator; a
// section is one country's narrative on one section of its profile.
#pragma once

#include <compare>
#include <string>

namespace ocindex::core::assessment {

struct CellKey {
  std::string iso3;
  std::string indicator;  // a framework indicator id
  friend auto operator<=>(const CellKey&, const CellKey&) = default;
  std::string ToString() const { return iso3 + "/" + indicator; }
};

struct SectionKey {
  std::string iso3;
  std::string section;  // an id from NarrativeSectionIds(framework)
  friend auto operator<=>(const SectionKey&, const SectionKey&) = default;
  std::string ToString() const { return iso3 + "/" + section; }
};

}  // namespace ocindex::core::assessment
