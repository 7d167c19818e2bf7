#include "faces/cli/reliability_grid.h"

#include <fmt/format.h>

#include <optional>

namespace ocindex::cli {
namespace {

std::optional<std::string> Number(std::optional<double> value) {
  if (!value) return std::nullopt;
  return fmt::format("{:.3f}", *value);
}

// Why a row lacks a measure, in words ("" when it lacks none).
std::string Problems(const core::PanelReliability& row) { return fmt::format("{}", fmt::join(row.problems, "; ")); }

}  // namespace

adapters::render::Grid ReliabilityGrid(const std::string& kind, const std::vector<core::PanelReliability>& rows) {
  adapters::render::Grid grid;
  grid.AddColumn(kind);
  for (const char* name : {"units", "experts", "scores"}) grid.AddColumn(name, true);
  for (const char* name : {"missing_share", "alpha_interval", "alpha_ordinal", "icc_2_1", "icc_2_k", "icc_units"}) {
    grid.AddColumn(name, true);
  }
  grid.AddColumn("note");
  for (const auto& r : rows) {
    const std::string note = Problems(r);
    grid.rows.push_back({r.id, std::to_string(r.units), std::to_string(r.raters), std::to_string(r.ratings),
                         fmt::format("{:.3f}", r.missing_share), Number(r.alpha_interval), Number(r.alpha_ordinal),
                         Number(r.icc ? std::optional(r.icc->single) : std::nullopt),
                         Number(r.icc ? std::optional(r.icc->average) : std::nullopt), std::to_string(r.icc_units),
                         note.empty() ? std::nullopt : std::optional(note)});
  }
  return grid;
}

}  // namespace ocindex::cli
