#include "adapters/render/rank_interval_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "adapters/render/markup.h"

namespace ocindex::adapters::render {

namespace un = core::uncertainty;

namespace {

constexpr double kRow = 13;        // px per country
constexpr double kLabel = 190;     // label column
constexpr double kPlot = 360;      // rank axis width
constexpr double kGap = 40;        // between panels
constexpr double kTop = 64;        // title and axis labels
constexpr double kBottom = 16;

std::string Panel(const un::UncertaintyResult& result, size_t pillar, double left) {
  const size_t n = result.countries.size();
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return result.countries[a].pillars[pillar].nominal_rank < result.countries[b].pillars[pillar].nominal_rank;
  });
  const double plot_left = left + kLabel;
  const auto x = [&](double rank) { return plot_left + (rank - 1) / static_cast<double>(std::max<size_t>(n - 1, 1)) * kPlot; };
  std::string out = fmt::format(
      R"(<text x="{:.1f}" y="{:.1f}" font-size="14" font-weight="bold">{}</text>)"
      "\n",
      left, kTop - 30, EscapeXml(result.pillars[pillar]));
  // Axis: ticks every 20 ranks, gridlines down the panel.
  const double bottom = kTop + kRow * static_cast<double>(n);
  for (size_t r = 1; r <= n; r = r == 1 ? 20 : r + 20) {
    out += fmt::format(R"(<line x1="{0:.1f}" y1="{1:.1f}" x2="{0:.1f}" y2="{2:.1f}" stroke="#ddd"/>)"
                       R"(<text x="{0:.1f}" y="{3:.1f}" font-size="10" text-anchor="middle">{4}</text>)"
                       "\n",
                       x(static_cast<double>(r)), kTop - 4, bottom, kTop - 8, r);
  }
  for (size_t row = 0; row < n; ++row) {
    const un::CountryOutcome& country = result.countries[order[row]];
    const un::PillarOutcome& p = country.pillars[pillar];
    const double y = kTop + kRow * (static_cast<double>(row) + 0.5);
    if (row % 2 == 1) {
      out += fmt::format(R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="#f4f4f4"/>)", left,
                         y - kRow / 2, kLabel + kPlot, kRow);
    }
    out += fmt::format(
        R"(<text x="{:.1f}" y="{:.1f}" font-size="10" text-anchor="end">{} {}</text>)"
        R"(<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="#4a7ab5" stroke-width="5"/>)"
        R"(<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="#123" stroke-width="1.5"/>)"
        R"(<circle cx="{:.1f}" cy="{:.1f}" r="2.6" fill="#c0392b"><title>{}: rank {} (5-95 %: {:g}-{:g}, median {:g})</title></circle>)"
        "\n",
        plot_left - 6, y + 3.5, EscapeXml(country.name), p.nominal_rank, x(p.rank.q05), y, x(p.rank.q95), y,
        x(p.rank.median), y - 4, x(p.rank.median), y + 4, x(p.nominal_rank), y, EscapeXml(country.name), p.nominal_rank,
        p.rank.q05, p.rank.q95, p.rank.median);
  }
  return out;
}

}  // namespace

std::string RankIntervalChartSvg(const un::UncertaintyResult& result, const std::string& title) {
  const size_t panels = result.pillars.size();
  const double width = static_cast<double>(panels) * (kLabel + kPlot) + static_cast<double>(panels - 1) * kGap + 20;
  const double height = kTop + kRow * static_cast<double>(result.countries.size()) + kBottom + 20;
  std::string svg = fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" width="{0:.0f}" height="{1:.0f}" viewBox="0 0 {0:.0f} {1:.0f}" )"
      R"(font-family="DejaVu Sans, sans-serif">)"
      "\n"
      R"(<rect width="100%" height="100%" fill="white"/>)"
      "\n"
      R"(<text x="10" y="16" font-size="13">{2}</text>)"
      "\n",
      width, height, EscapeXml(title));
  for (size_t p = 0; p < panels; ++p) {
    svg += Panel(result, p, 10 + static_cast<double>(p) * (kLabel + kPlot + kGap));
  }
  svg += fmt::format(
      R"(<text x="10" y="{:.1f}" font-size="10" fill="#555">bar: 5-95 % of ranks over the runs; tick: median; )"
      R"(dot: nominal rank (rank 1 at the left)</text>)"
      "\n</svg>\n",
      height - 8);
  return svg;
}

}  // namespace ocindex::adapters::render
