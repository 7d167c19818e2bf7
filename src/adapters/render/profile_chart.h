// The indicator bar chart of a profile as geometry (points, y downwards), laid out
// once and drawn by two painters: SVG text for HTML, cairo vectors for PDF.
#pragma once

#include <string>
#include <vector>

#include "adapters/render/profile_view.h"

namespace ocindex::adapters::render {

struct ChartRect {
  double x = 0, y = 0, width = 0, height = 0;
  std::string color;  // "#rrggbb"
};

struct ChartLine {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double stroke = 0.5;
  std::string color;
};

enum class ChartAnchor { kStart, kMiddle, kEnd };

struct ChartText {
  double x = 0, y = 0;  // baseline point
  std::string text;
  double size = 7;  // points
  bool bold = false;
  ChartAnchor anchor = ChartAnchor::kStart;
  std::string color = "#222222";
};

struct Chart {
  double width = 0;
  double height = 0;
  std::vector<ChartRect> rects;
  std::vector<ChartLine> lines;
  std::vector<ChartText> texts;
};

// One bar per indicator (scale_min..scale_max), grouped under group headings,
// criminality in red and resilience in blue, a black tick at the region average,
// and "n/a" for indicators not assessed.
Chart LayoutIndicatorChart(const ProfileView& view, double width);

// The chart as a standalone <svg> element (inline in HTML).
std::string ChartSvg(const Chart& chart, const std::string& title);

// Colour of a bar by its pillar id.
std::string PillarColor(const std::string& pillar);

}  // namespace ocindex::adapters::render
