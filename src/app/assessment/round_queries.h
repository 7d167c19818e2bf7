// What the workspace's pages read in one request, as the caller may see it: a
// country's every cell and section (the scoring page) and one indicator across a
// region's countries (calibration). Every cell goes through ViewCell and every section
// through the policy, so an expert never sees another expert's draft before review
// opens; items the caller may not read are left out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "adapters/store/store.h"
#include "app/assessment/rounds.h"
#include "core/assessment/calibration.h"
#include "core/assessment/cell_view.h"

namespace ocindex::app {

struct CountryCell {
  std::string name, definition, group;  // the framework's indicator and the group it is shown in
  as::Relation relation = as::Relation::kNone;  // the caller's to the cell
  as::CellView view;
  std::optional<core::Rational> baseline;  // the baseline edition's score
  // The baseline edition's published expert justifications of this cell, if it was
  // published with expert scores (a round's publication stores them), else empty.
  std::vector<std::string> baseline_justifications;
};

struct CountrySection {
  as::SectionKey key;
  std::string title;  // the framework node's name (or "Summary", "Sources")
  as::CellState state = as::CellState::kDraft;
  int version = 0;
  as::Relation relation = as::Relation::kNone;
  std::string text;           // the current draft, else empty
  std::string baseline_text;  // the baseline edition's narrative of the section, else empty
  // The draft read by `profile import`'s rules (Markdown) under the section's heading:
  // re-flowed paragraphs separated by "\n\n", as a profile renders them, and what the
  // import would report (a heading inside the text opens another section).
  std::string rendered;
  std::vector<std::string> problems;
};

struct CountryWork {
  core::CountryEntry country;
  as::Phase phase = as::Phase::kDrafting;
  core::Rational scale_min, scale_max, scale_step;  // the grid a score must lie on
  std::vector<CountryCell> cells;        // indicators in framework order
  std::vector<CountrySection> sections;  // in the framework's narrative order
};

struct CalibrationRow {
  core::CountryEntry country;
  as::CellView view;
  std::optional<core::Rational> baseline;
  std::optional<as::CellSignal> signal;  // when the caller may see the cell's other experts
};

struct Calibration {
  std::string indicator;
  std::string name;  // the framework's
  std::string region;  // "" for the world
  std::vector<CalibrationRow> rows;  // in round order
};

class RoundQueries {
 public:
  // `store` reads the baseline's published expert scores; both outlive this.
  RoundQueries(Rounds& rounds, adapters::Store& store) : rounds_(rounds), store_(store) {}

  // kNotFound for a round the caller has no part in or a country outside it; kForbidden
  // when the caller may read none of the country's items.
  Result<CountryWork> Country(const std::string& round, const as::Actor& actor, const std::string& iso3);
  // One indicator's cells in the round's countries of `region` ("" for all), those the
  // caller may read. kNotFound for an unknown indicator or region.
  Result<Calibration> Calibrate(const std::string& round, const as::Actor& actor, const std::string& indicator,
                                const std::string& region);

 private:
  // Justifications by cell of the baseline's expert scores, read once per edition.
  const std::map<as::CellKey, std::vector<std::string>>& BaselineJustifications(const std::string& edition);

  Rounds& rounds_;
  adapters::Store& store_;
  std::mutex mutex_;  // guards justifications_
  std::map<std::string, std::map<as::CellKey, std::vector<std::string>>> justifications_;
};

}  // namespace ocindex::app
