// Markdown profile: headings, pipe tables, and the indicator chart as text bars in a
// fenced block (Markdown has no portable way to inline an SVG).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>

#include "adapters/render/markup.h"
#include "adapters/render/profile_render.h"

namespace ocindex::adapters::render {
namespace {

std::string Cell(const std::optional<std::string>& value) { return value ? *value : "–"; }

// A bar of eighth-blocks, one cell per scale point.
std::string TextBar(double value, double scale_max) {
  static const char* kEighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  const int eighths = static_cast<int>(std::lround(value / scale_max * 10 * 8));
  std::string bar;
  for (int i = 0; i < eighths / 8; ++i) bar += "█";
  bar += kEighths[eighths % 8];
  return bar;
}

}  // namespace

std::vector<std::vector<std::string>> RankTable(const ProfileView& view) {
  const bool before = !view.previous_edition.empty();
  std::vector<std::vector<std::string>> table(1, {"Scope"});
  for (const ProfileRanks& ranks : view.ranks) {
    table[0].push_back(ranks.measure);
    if (before) {
      table[0].push_back(view.previous_edition);
      table[0].push_back("Move");
    }
  }
  for (size_t scope = 0; scope < kScopeTitles.size(); ++scope) {
    std::vector<std::string>& row = table.emplace_back(1, kScopeTitles[scope]);
    for (const ProfileRanks& ranks : view.ranks) {
      row.push_back(Cell(ranks.now[scope]));
      if (before) {
        row.push_back(Cell(ranks.previous[scope]));
        row.push_back(Cell(ranks.moved[scope]));
      }
    }
  }
  return table;
}

std::string RankNote(const ProfileView& view) {
  return std::string("Rank 1 is the highest score in the scope; '=' marks a shared rank") +
         (view.previous_edition.empty() ? "." : "; a positive move is towards rank 1.");
}

std::string ProfileSubtitle(const ProfileView& view) {
  return fmt::format("{} · {} · {}", view.continent, view.region, view.edition_name);
}

std::string RenderProfileMarkdown(const ProfileView& view) {
  std::string md = fmt::format("# {} ({})\n\n{}\n\n", EscapeMarkdown(view.country), view.iso3,
                               EscapeMarkdown(ProfileSubtitle(view)));
  md += fmt::format("**Quadrant:** {} ({}).\n\n", view.quadrant, view.quadrant_rule);

  const std::vector<std::vector<std::string>> ranks = RankTable(view);
  md += fmt::format("## Ranks\n\n| {} |\n|---|", fmt::join(ranks[0], " | "));
  for (size_t c = 1; c < ranks[0].size(); ++c) md += "---:|";
  md += "\n";
  for (size_t r = 1; r < ranks.size(); ++r) md += fmt::format("| {} |\n", fmt::join(ranks[r], " | "));
  md += "\n" + RankNote(view) + "\n\n";

  const bool before = !view.previous_edition.empty();
  md += "## Scores\n\n| Measure | Score | Region average | World average |";
  md += before ? fmt::format(" {} | Change |\n|---|---:|---:|---:|---:|---:|\n", view.previous_edition)
               : "\n|---|---:|---:|---:|\n";
  for (const ProfileRow& row : view.rows) {
    std::string name = EscapeMarkdown(row.name);
    switch (row.kind) {
      case RowKind::kIndicator: name = "  ·  " + name; break;
      case RowKind::kGroup: name = "*" + name + "*"; break;
      default: name = "**" + name + "**";
    }
    md += fmt::format("| {} | {} | {} | {} |", name, Cell(row.score), Cell(row.region_average),
                      Cell(row.world_average));
    md += before ? fmt::format(" {} | {} |\n", Cell(row.previous), Cell(row.change)) : "\n";
  }
  md += "\nAverages are unweighted means of the members' published figures.\n\n";

  md += fmt::format("## Indicators\n\nScores on the {}–{} scale.\n\n```text\n", view.scale_min, view.scale_max);
  std::string group;
  for (const ProfileBar& bar : view.bars) {
    if (bar.group != group) {
      md += (group.empty() ? "" : "\n") + bar.group + "\n";
      group = bar.group;
    }
    md += fmt::format("  {:<40} {}\n", bar.label,
                      bar.score ? fmt::format("{:<10} {:.1f}", TextBar(*bar.score, view.scale_max), *bar.score)
                                : std::string("n/a"));
  }
  md += "```\n\n";

  for (const ProfileSection& section : view.sections) {
    md += "## " + EscapeMarkdown(section.title) + "\n\n" + EscapeMarkdown(section.text) + "\n\n";
  }
  if (!view.footer.empty()) md += "---\n\n*" + EscapeMarkdown(view.footer) + "*\n\n";
  md += "<sub>" + EscapeMarkdown(view.provenance) + "</sub>\n";
  return md;
}

}  // namespace ocindex::adapters::render
