// PDF profile through cairo (vector drawing, PDF output with embedded, subset fonts)
// and pango (text shaping, line breaking, justification). Pages are A4; text flows
// line by line so paragraphs break across pages; headings keep with what follows;
// the chart is drawn as vectors from the same layout as the HTML's SVG.
#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

#include "adapters/render/markup.h"
#include "adapters/render/profile_chart.h"
#include "adapters/render/profile_render.h"

namespace ocindex::adapters::render {
namespace {

constexpr double kPageWidth = 595.276;  // A4 in points
constexpr double kPageHeight = 841.890;
constexpr double kMarginX = 51;  // 18 mm, as the HTML print stylesheet
constexpr double kTop = 51;
constexpr double kBottom = 57;   // 20 mm, room for the folio
constexpr double kContentWidth = kPageWidth - 2 * kMarginX;
constexpr const char* kFamily = "DejaVu Sans";

struct LayoutDeleter {
  void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

struct TextStyle {
  double size = 9.5;
  bool bold = false;
  bool italic = false;
  std::string color = "#1a1a1a";
  PangoAlignment align = PANGO_ALIGN_LEFT;
  bool justify = false;
};

struct TableColumn {
  double width;
  PangoAlignment align;
};

void SetColor(cairo_t* cr, const std::string& hex) {
  unsigned rgb = 0;
  if (hex.size() == 7) rgb = static_cast<unsigned>(std::stoul(hex.substr(1), nullptr, 16));
  cairo_set_source_rgb(cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

class PdfDocument {
 public:
  PdfDocument(const std::string& title, std::string folio) : folio_(std::move(folio)) {
    surface_ = cairo_pdf_surface_create_for_stream(AppendBytes, &bytes_, kPageWidth, kPageHeight);
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "ocindex");
    cr_ = cairo_create(surface_);
  }
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;
  ~PdfDocument() {
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }

  LayoutPtr Layout(std::string_view text, const TextStyle& style, double width) const {
    LayoutPtr layout(pango_cairo_create_layout(cr_));
    // pango-cairo assumes 96 dpi, which would set every size at 4/3 of its points; at 72
    // a size in points is that many of cairo's PDF units, as the HTML print stylesheet means.
    pango_cairo_context_set_resolution(pango_layout_get_context(layout.get()), 72);
    pango_layout_context_changed(layout.get());
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kFamily);
    pango_font_description_set_size(font, static_cast<gint>(style.size * PANGO_SCALE));
    pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), style.align);
    pango_layout_set_justify(layout.get(), style.justify);
    pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
    return layout;
  }

  static double Height(PangoLayout* layout) {
    int width = 0, height = 0;
    pango_layout_get_size(layout, &width, &height);
    return static_cast<double>(height) / PANGO_SCALE;
  }

  double space_left() const { return kPageHeight - kBottom - y_; }
  void Skip(double points) { y_ += points; }
  void Ensure(double points) {
    if (points > space_left()) NewPage();
  }

  void NewPage() {
    DrawFolio();
    cairo_show_page(cr_);
    ++page_;
    y_ = kTop;
  }

  // Flows text line by line, breaking pages between lines.
  void Text(std::string_view text, const TextStyle& style, double indent = 0) {
    LayoutPtr layout = Layout(text, style, kContentWidth - indent);
    SetColor(cr_, style.color);
    PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      const double height = static_cast<double>(logical.height) / PANGO_SCALE;
      Ensure(height);
      const double baseline = static_cast<double>(pango_layout_iter_get_baseline(iter) - logical.y) / PANGO_SCALE;
      cairo_move_to(cr_, kMarginX + indent + static_cast<double>(logical.x) / PANGO_SCALE, y_ + baseline);
      pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(iter));
      y_ += height;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
  }

  void Heading(std::string_view text, double size, double keep_with_next) {
    LayoutPtr layout = Layout(text, {size, true}, kContentWidth);
    const double height = Height(layout.get());
    if (y_ > kTop) Skip(size * 0.9);
    Ensure(height + 4 + keep_with_next);
    SetColor(cr_, "#1a1a1a");
    cairo_move_to(cr_, kMarginX, y_);
    pango_cairo_show_layout(cr_, layout.get());
    y_ += height + 2;
    cairo_set_line_width(cr_, 1.2);
    cairo_move_to(cr_, kMarginX, y_);
    cairo_line_to(cr_, kMarginX + kContentWidth, y_);
    cairo_stroke(cr_);
    y_ += 5;
  }

  // One table row; cells wrap within their column. `shade` fills the row.
  void Row(const std::vector<TableColumn>& columns, const std::vector<std::string>& cells, const TextStyle& style,
           const std::string& shade = {}, double first_indent = 0) {
    std::vector<LayoutPtr> layouts;
    double height = 0;
    for (size_t c = 0; c < columns.size(); ++c) {
      TextStyle cell = style;
      cell.align = columns[c].align;
      const double indent = c == 0 ? first_indent : 0;
      layouts.push_back(Layout(cells[c], cell, columns[c].width - 6 - indent));
      height = std::max(height, Height(layouts.back().get()));
    }
    height += 4;
    Ensure(height);
    if (!shade.empty()) {
      SetColor(cr_, shade);
      cairo_rectangle(cr_, kMarginX, y_, kContentWidth, height);
      cairo_fill(cr_);
    }
    double x = kMarginX;
    SetColor(cr_, style.color);
    for (size_t c = 0; c < columns.size(); ++c) {
      cairo_move_to(cr_, x + 3 + (c == 0 ? first_indent : 0), y_ + 2);
      pango_cairo_show_layout(cr_, layouts[c].get());
      x += columns[c].width;
    }
    y_ += height;
    SetColor(cr_, "#d0d0d0");
    cairo_set_line_width(cr_, 0.4);
    cairo_move_to(cr_, kMarginX, y_);
    cairo_line_to(cr_, kMarginX + kContentWidth, y_);
    cairo_stroke(cr_);
  }

  // Draws the chart at the cursor, on a new page if it does not fit, scaled down if
  // it is taller than a page.
  void Chart(const render::Chart& chart) {
    const double page_room = kPageHeight - kBottom - kTop;
    const double scale = std::min(1.0, page_room / chart.height);
    Ensure(chart.height * scale);
    cairo_save(cr_);
    cairo_translate(cr_, kMarginX, y_);
    cairo_scale(cr_, scale, scale);
    for (const ChartRect& r : chart.rects) {
      SetColor(cr_, r.color);
      cairo_rectangle(cr_, r.x, r.y, r.width, r.height);
      cairo_fill(cr_);
    }
    for (const ChartLine& l : chart.lines) {
      SetColor(cr_, l.color);
      cairo_set_line_width(cr_, l.stroke);
      cairo_move_to(cr_, l.x1, l.y1);
      cairo_line_to(cr_, l.x2, l.y2);
      cairo_stroke(cr_);
    }
    for (const ChartText& t : chart.texts) {
      LayoutPtr layout = Layout(t.text, {t.size, t.bold}, -1);
      PangoRectangle logical;
      pango_layout_get_extents(layout.get(), nullptr, &logical);
      const double width = static_cast<double>(logical.width) / PANGO_SCALE;
      const double baseline = static_cast<double>(pango_layout_get_baseline(layout.get())) / PANGO_SCALE;
      const double x = t.anchor == ChartAnchor::kEnd ? t.x - width : t.anchor == ChartAnchor::kMiddle ? t.x - width / 2 : t.x;
      SetColor(cr_, t.color);
      cairo_move_to(cr_, x, t.y - baseline);
      pango_cairo_show_layout(cr_, layout.get());
    }
    cairo_restore(cr_);
    y_ += chart.height * scale;
  }

  Result<std::string> Finish() {
    DrawFolio();
    cairo_show_page(cr_);
    cairo_surface_finish(surface_);
    if (cairo_status_t status = cairo_surface_status(surface_); status != CAIRO_STATUS_SUCCESS) {
      return MakeError(ErrorCode::kInternal, std::string("cairo could not write the PDF: ") +
                                                 cairo_status_to_string(status));
    }
    return std::move(bytes_);
  }

 private:
  void DrawFolio() {
    const double y = kPageHeight - kBottom + 18;
    SetColor(cr_, "#d0d0d0");
    cairo_set_line_width(cr_, 0.5);
    cairo_move_to(cr_, kMarginX, y - 4);
    cairo_line_to(cr_, kMarginX + kContentWidth, y - 4);
    cairo_stroke(cr_);
    TextStyle style{7.5, false, false, "#666666"};
    LayoutPtr left = Layout(folio_, style, kContentWidth);
    style.align = PANGO_ALIGN_RIGHT;
    LayoutPtr right = Layout(fmt::format("Page {}", page_), style, kContentWidth);
    SetColor(cr_, style.color);
    cairo_move_to(cr_, kMarginX, y);
    pango_cairo_show_layout(cr_, left.get());
    cairo_move_to(cr_, kMarginX, y);
    pango_cairo_show_layout(cr_, right.get());
  }

  std::string folio_;
  std::string bytes_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  int page_ = 1;
  double y_ = kTop;
};

void Ranks(PdfDocument& pdf, const ProfileView& view) {
  pdf.Heading("Ranks", 13, 40);
  const std::vector<std::vector<std::string>> ranks = RankTable(view);
  const double first = 62;
  const double rest = (kContentWidth - first) / static_cast<double>(ranks[0].size() - 1);
  std::vector<TableColumn> columns = {{first, PANGO_ALIGN_LEFT}};
  columns.resize(ranks[0].size(), {rest, PANGO_ALIGN_RIGHT});
  pdf.Row(columns, ranks[0], {7.5, true});
  for (size_t r = 1; r < ranks.size(); ++r) pdf.Row(columns, ranks[r], {7.5});
  pdf.Skip(3);
  pdf.Text(RankNote(view), {7.5, false, true, "#666666"});
}

void Scores(PdfDocument& pdf, const ProfileView& view) {
  pdf.Heading("Scores", 13, 40);
  const bool before = !view.previous_edition.empty();
  std::vector<TableColumn> columns = {{before ? 180.0 : 303.0, PANGO_ALIGN_LEFT},
                                      {50, PANGO_ALIGN_RIGHT},
                                      {70, PANGO_ALIGN_RIGHT},
                                      {70, PANGO_ALIGN_RIGHT}};
  std::vector<std::string> header = {"Measure", "Score", "Region avg", "World avg"};
  if (before) {
    columns.push_back({50, PANGO_ALIGN_RIGHT});
    columns.push_back({kContentWidth - 420, PANGO_ALIGN_RIGHT});
    header.push_back(view.previous_edition);
    header.push_back("Change");
  }
  pdf.Row(columns, header, {8, true});
  auto text = [](const std::optional<std::string>& value) { return value ? *value : std::string("–"); };
  for (const ProfileRow& row : view.rows) {
    std::vector<std::string> cells = {row.name, text(row.score), text(row.region_average), text(row.world_average)};
    if (before) {
      cells.push_back(text(row.previous));
      cells.push_back(text(row.change));
    }
    TextStyle style{7.8, row.kind == RowKind::kPillar || row.kind == RowKind::kComponent, row.kind == RowKind::kGroup};
    const double indent = row.kind == RowKind::kIndicator ? 18 : row.kind == RowKind::kGroup ? 8 : 0;
    pdf.Row(columns, cells, style, row.kind == RowKind::kPillar ? "#eeeeee" : "", indent);
  }
}

}  // namespace

Result<std::string> RenderProfilePdf(const ProfileView& view) {
  PdfDocument pdf(fmt::format("{} — {} profile", view.country, view.edition_name),
                  fmt::format("{} · {} country profile", view.country, view.edition_name));
  pdf.Text(fmt::format("{} ({})", view.country, view.iso3), {22, true});
  pdf.Text(ProfileSubtitle(view), {10, false, false, "#666666"});
  pdf.Skip(8);
  pdf.Text("Quadrant: " + view.quadrant, {10.5, true});
  pdf.Text("(" + view.quadrant_rule + ")", {8, false, true, "#666666"});
  Ranks(pdf, view);
  Scores(pdf, view);
  const render::Chart chart = LayoutIndicatorChart(view, kContentWidth);
  pdf.Heading("Indicators", 13, chart.height);
  pdf.Chart(chart);
  for (const ProfileSection& section : view.sections) {
    pdf.Heading(section.title, 12, 40);
    for (std::string_view paragraph : Paragraphs(section.text)) {
      pdf.Text(paragraph, {9.5, false, false, "#1a1a1a", PANGO_ALIGN_LEFT, true});
      pdf.Skip(5);
    }
  }
  pdf.Skip(10);
  pdf.Ensure(40);
  if (!view.footer.empty()) pdf.Text(view.footer, {8, false, true, "#444444"});
  pdf.Skip(4);
  pdf.Text(view.provenance, {7.5, false, false, "#666666"});
  return pdf.Finish();
}

}  // namespace ocindex::adapters::render
