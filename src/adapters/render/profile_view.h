// What a rendered country profile shows, worked out once from a country summary and
// a stored narrative, so the Markdown, HTML and PDF renderers only lay it out and can
// never disagree on a figure.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "adapters/store/store.h"
#include "core/error.h"
#include "core/model/dataset.h"
#include "core/scoring/ranked_edition.h"

namespace ocindex::adapters::render {

// One line of the scores table: a composite or an indicator, in display order.
enum class RowKind { kPillar, kComponent, kGroup, kIndicator };

struct ProfileRow {
  std::string id;
  std::string name;
  RowKind kind = RowKind::kIndicator;
  std::optional<std::string> score;
  std::optional<std::string> region_average;
  std::optional<std::string> world_average;
  std::optional<std::string> previous;  // same measure in the previous edition
  std::optional<std::string> change;    // "+0.21", "-0.05", "0.00"
};

// A pillar's three ranks (world, continent, region) now and in the previous edition.
struct ProfileRanks {
  std::string measure;  // "Criminality"
  std::array<std::optional<std::string>, 3> now;       // "=20/193"
  std::array<std::optional<std::string>, 3> previous;  // in the previous edition
  std::array<std::optional<std::string>, 3> moved;     // places towards rank 1: "+3", "-2", "0"
};

// One bar of the indicator chart.
struct ProfileBar {
  std::string pillar;  // id of the pillar above it (colours the bar)
  std::string group;  // section the indicator belongs to
  std::string label;
  std::optional<double> score;           // nullopt: not assessed
  std::optional<double> region_average;  // marker beside the bar
};

struct ProfileSection {
  std::string id;       // framework node id, "summary" or "sources"
  std::string title;    // the framework's name for the section ("Leadership and governance")
  std::string heading;  // as written in the imported file ("LEADERSHIP AND GOVERNANCE")
  std::string text;     // paragraphs separated by "\n\n"
};

struct ProfileView {
  std::string iso3;
  std::string country;  // display name
  std::string edition;
  std::string edition_name;  // "Global Organized Crime Index 2021"
  std::string continent;
  std::string region;
  std::string previous_edition;  // empty when none
  std::string quadrant;          // "high criminality, low resilience" or "not classified"
  std::string quadrant_rule;     // how the quadrant is cut
  std::vector<ProfileRanks> ranks;
  std::vector<ProfileRow> rows;
  std::vector<ProfileBar> bars;
  double scale_min = 1;
  double scale_max = 10;
  std::vector<ProfileSection> sections;  // framework order; summary first, sources last
  std::string footer;
  std::string provenance;  // which narrative revision, or that there is none
};

// `previous` and `narrative` may be null (no previous edition; a scores-only profile).
Result<ProfileView> BuildProfileView(const core::RankedEdition& edition, const core::RankedEdition* previous,
                                     const std::string& iso3, const std::string& display_name,
                                     const StoredProfile* narrative);

// A stored narrative's sections in the order profiles print them (core::NarrativeSectionIds),
// titled with the framework's names. Shared by the renderers and the API.
std::vector<ProfileSection> OrderedSections(const core::Framework& framework, const StoredProfile& narrative);

// "Narrative revision 2, imported 2026-11-25T08:00:00Z by ana (note)." under every profile.
std::string NarrativeProvenance(const ProfileRevisionInfo& info);

// Scope titles in MeasureFigures order, for the renderers' labels.
inline constexpr std::array<const char*, 3> kScopeTitles = {"World", "Continent", "Region"};

}  // namespace ocindex::adapters::render
