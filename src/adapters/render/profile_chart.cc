#include "adapters/render/profile_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "adapters/render/markup.h"

namespace ocindex::adapters::render {
namespace {

constexpr double kRow = 12;         // one indicator
constexpr double kGroupRow = 16;    // a group heading
constexpr double kAxis = 18;        // tick labels above the bars
constexpr double kLegend = 20;
constexpr double kBarHeight = 8;
constexpr double kValueWidth = 30;  // room for "10.00" / "n/a" after the bar
constexpr double kLabelSize = 7;
constexpr double kMinLabelSize = 5.5;
// Average advance of DejaVu Sans per point of size, slightly generous: the layout
// is computed without fonts, so labels are sized from this estimate.
constexpr double kAdvance = 0.75;

double TextWidth(const std::string& text, double size) {
  size_t characters = 0;
  for (char c : text) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return static_cast<double>(characters) * size * kAdvance;
}

// The label size that fits `width`, never below kMinLabelSize.
double FittingSize(const std::string& text, double width) {
  const double natural = TextWidth(text, kLabelSize);
  return natural <= width ? kLabelSize : std::max(kMinLabelSize, kLabelSize * width / natural);
}

const char* AnchorName(ChartAnchor anchor) {
  switch (anchor) {
    case ChartAnchor::kStart: return "start";
    case ChartAnchor::kMiddle: return "middle";
    case ChartAnchor::kEnd: return "end";
  }
  return "start";
}

}  // namespace

std::string PillarColor(const std::string& pillar) { return pillar == "resilience" ? "#2166ac" : "#b2182b"; }

Chart LayoutIndicatorChart(const ProfileView& view, double width) {
  Chart chart;
  chart.width = width;
  const double label_width = std::min(210.0, width * 0.42);
  const double left = label_width + 6;
  const double right = width - kValueWidth;
  const double span = view.scale_max - view.scale_min;
  auto x_of = [&](double value) { return left + (right - left) * (value - view.scale_min) / span; };

  double y = kAxis;
  for (double tick = std::ceil(view.scale_min); tick <= view.scale_max; tick += 1) {
    chart.texts.push_back({x_of(tick), y - 6, fmt::format("{}", tick), 6.5, false, ChartAnchor::kMiddle, "#555555"});
  }
  const double top = y;
  std::string group;
  for (const ProfileBar& bar : view.bars) {
    if (bar.group != group) {
      group = bar.group;
      y += kGroupRow;
      chart.texts.push_back({0, y - 4, group, 8, true, ChartAnchor::kStart, "#111111"});
    }
    const double row_top = y;
    y += kRow;
    const double bar_top = row_top + (kRow - kBarHeight) / 2;
    chart.texts.push_back(
        {label_width, y - 3, bar.label, FittingSize(bar.label, label_width), false, ChartAnchor::kEnd, "#222222"});
    if (bar.score) {
      chart.rects.push_back({left, bar_top, x_of(*bar.score) - left, kBarHeight, PillarColor(bar.pillar)});
      chart.texts.push_back({right + 4, y - 3, fmt::format("{:.1f}", *bar.score), 7, false, ChartAnchor::kStart,
                             "#222222"});
    } else {
      chart.texts.push_back({left + 2, y - 3, "n/a (not assessed)", 7, false, ChartAnchor::kStart, "#777777"});
    }
    if (bar.region_average) {
      const double x = x_of(*bar.region_average);
      chart.lines.push_back({x, bar_top - 1.5, x, bar_top + kBarHeight + 1.5, 1.2, "#000000"});
    }
  }
  const double bottom = y + 3;
  // Grid lines go under the bars: painters draw lines after rects, so these are light.
  for (double tick = std::ceil(view.scale_min); tick <= view.scale_max; tick += 1) {
    chart.lines.insert(chart.lines.begin(), ChartLine{x_of(tick), top, x_of(tick), bottom, 0.3, "#cccccc"});
  }
  y = bottom + kLegend;
  double x = 0;
  auto legend = [&](const std::string& text) {
    chart.texts.push_back({x + 13, y - 1, text, kLabelSize, false, ChartAnchor::kStart, "#222222"});
    x += 13 + TextWidth(text, kLabelSize) + 12;
  };
  chart.rects.push_back({x, y - 7, 10, 7, PillarColor("criminality")});
  legend("criminality indicator");
  chart.rects.push_back({x, y - 7, 10, 7, PillarColor("resilience")});
  legend("resilience indicator");
  chart.lines.push_back({x + 5, y - 8, x + 5, y + 1, 1.2, "#000000"});
  legend("region average");
  chart.height = y + 4;
  return chart;
}

std::string ChartSvg(const Chart& chart, const std::string& title) {
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {:.1f} {:.1f}\" width=\"{:.1f}\" "
      "height=\"{:.1f}\" role=\"img\" aria-label=\"{}\" font-family=\"DejaVu Sans, Verdana, sans-serif\">\n",
      chart.width, chart.height, chart.width, chart.height, EscapeXml(title));
  svg += "<title>" + EscapeXml(title) + "</title>\n";
  for (const ChartRect& r : chart.rects) {
    svg += fmt::format("<rect x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" height=\"{:.2f}\" fill=\"{}\"/>\n", r.x, r.y,
                       r.width, r.height, r.color);
  }
  for (const ChartLine& l : chart.lines) {
    svg += fmt::format("<line x1=\"{:.2f}\" y1=\"{:.2f}\" x2=\"{:.2f}\" y2=\"{:.2f}\" stroke=\"{}\" "
                       "stroke-width=\"{:.2f}\"/>\n",
                       l.x1, l.y1, l.x2, l.y2, l.color, l.stroke);
  }
  for (const ChartText& t : chart.texts) {
    svg += fmt::format("<text x=\"{:.2f}\" y=\"{:.2f}\" font-size=\"{:.1f}\"{} text-anchor=\"{}\" fill=\"{}\">{}</text>\n",
                       t.x, t.y, t.size, t.bold ? " font-weight=\"bold\"" : "", AnchorName(t.anchor), t.color,
                       EscapeXml(t.text));
  }
  return svg + "</svg>\n";
}

}  // namespace ocindex::adapters::render
