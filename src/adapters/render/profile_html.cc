// Standalone HTML profile: one file, inline CSS and SVG, no script, no external
// resource. The print stylesheet follows the PDF: A4, the same margins, page numbers.
#include <fmt/format.h>

#include "adapters/render/markup.h"
#include "adapters/render/profile_chart.h"
#include "adapters/render/profile_render.h"

namespace ocindex::adapters::render {
namespace {

constexpr const char* kStyle = R"css(
:root { --crim: #b2182b; --res: #2166ac; --ink: #1a1a1a; --muted: #666; --rule: #d0d0d0; }
body { font-family: "DejaVu Sans", Verdana, sans-serif; color: var(--ink); max-width: 52rem; margin: 2rem auto;
       padding: 0 1.25rem; line-height: 1.5; font-size: 15px; }
h1 { font-size: 1.9rem; margin: 0 0 .2rem; }
h2 { font-size: 1.2rem; margin: 1.8rem 0 .5rem; border-bottom: 2px solid var(--ink); padding-bottom: .15rem; }
.subtitle { color: var(--muted); margin: 0 0 1rem; }
.quadrant { background: #f4f4f4; border-left: 4px solid var(--ink); padding: .5rem .8rem; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; }
th, td { padding: .2rem .45rem; border-bottom: 1px solid var(--rule); text-align: right; }
th:first-child, td:first-child { text-align: left; }
thead th { border-bottom: 2px solid var(--ink); }
tr.pillar td { font-weight: bold; background: #eeeeee; }
tr.component td { font-weight: bold; }
tr.group td:first-child { padding-left: 1rem; font-style: italic; }
tr.indicator td:first-child { padding-left: 2rem; }
tr.criminality.pillar td:first-child { border-left: 4px solid var(--crim); }
tr.resilience.pillar td:first-child { border-left: 4px solid var(--res); }
.note { color: var(--muted); font-size: .8rem; }
svg.chart { width: 100%; height: auto; }
.section p { text-align: justify; hyphens: auto; margin: 0 0 .7rem; }
footer { margin-top: 2rem; border-top: 1px solid var(--rule); padding-top: .6rem; color: var(--muted);
         font-size: .85rem; font-style: italic; }
@page { size: A4; margin: 18mm 18mm 20mm; @bottom-center { content: "Page " counter(page); font-size: 8pt; } }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  tr, svg.chart, .quadrant { break-inside: avoid; }
  .chart-block { break-before: page; }
  .section p { orphans: 2; widows: 2; }
}
)css";

std::string Cell(const std::optional<std::string>& value) { return value ? EscapeXml(*value) : "–"; }

const char* RowKindName(RowKind kind) {
  switch (kind) {
    case RowKind::kPillar: return "pillar";
    case RowKind::kComponent: return "component";
    case RowKind::kGroup: return "group";
    case RowKind::kIndicator: return "indicator";
  }
  return "indicator";
}

}  // namespace

std::string RenderProfileHtml(const ProfileView& view) {
  const std::string title = fmt::format("{} — {} profile", view.country, view.edition_name);
  std::string html = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{}</style>\n"
      "</head>\n<body>\n<header>\n<h1>{} <small>({})</small></h1>\n<p class=\"subtitle\">{}</p>\n"
      "<p class=\"quadrant\"><strong>Quadrant:</strong> {} <span class=\"note\">({})</span></p>\n</header>\n",
      EscapeXml(title), kStyle, EscapeXml(view.country), EscapeXml(view.iso3), EscapeXml(ProfileSubtitle(view)),
      EscapeXml(view.quadrant), EscapeXml(view.quadrant_rule));

  const std::vector<std::vector<std::string>> ranks = RankTable(view);
  html += "<h2>Ranks</h2>\n<table class=\"ranks\">\n<thead><tr>";
  for (const std::string& header : ranks[0]) html += "<th>" + EscapeXml(header) + "</th>";
  html += "</tr></thead>\n<tbody>\n";
  for (size_t r = 1; r < ranks.size(); ++r) {
    html += "<tr>";
    for (const std::string& cell : ranks[r]) html += "<td>" + EscapeXml(cell) + "</td>";
    html += "</tr>\n";
  }
  html += "</tbody>\n</table>\n<p class=\"note\">" + EscapeXml(RankNote(view)) + "</p>\n";

  const bool before = !view.previous_edition.empty();
  html += "<h2>Scores</h2>\n<table class=\"scores\">\n<thead><tr><th>Measure</th><th>Score</th>"
          "<th>Region average</th><th>World average</th>";
  if (before) html += fmt::format("<th>{}</th><th>Change</th>", EscapeXml(view.previous_edition));
  html += "</tr></thead>\n<tbody>\n";
  std::string pillar;
  for (const ProfileRow& row : view.rows) {
    if (row.kind == RowKind::kPillar) pillar = row.id;
    html += fmt::format("<tr class=\"{} {}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td>", EscapeXml(pillar),
                        RowKindName(row.kind), EscapeXml(row.name),
                        Cell(row.score), Cell(row.region_average), Cell(row.world_average));
    if (before) html += fmt::format("<td>{}</td><td>{}</td>", Cell(row.previous), Cell(row.change));
    html += "</tr>\n";
  }
  html += "</tbody>\n</table>\n<p class=\"note\">Averages are unweighted means of the members' published "
          "figures.</p>\n";

  html += "<div class=\"chart-block\">\n<h2>Indicators</h2>\n";
  html += ChartSvg(LayoutIndicatorChart(view, 520), "Indicator scores of " + view.country + ", " + view.edition);
  html += "</div>\n";

  for (const ProfileSection& section : view.sections) {
    html += "<section class=\"section\">\n<h2>" + EscapeXml(section.title) + "</h2>\n";
    for (std::string_view paragraph : Paragraphs(section.text)) html += "<p>" + EscapeXml(paragraph) + "</p>\n";
    html += "</section>\n";
  }
  html += "<footer>\n";
  if (!view.footer.empty()) html += "<p>" + EscapeXml(view.footer) + "</p>\n";
  html += "<p class=\"note\">" + EscapeXml(view.provenance) + "</p>\n</footer>\n</body>\n</html>\n";
  return html;
}

}  // namespace ocindex::adapters::render
