#include "adapters/io/pdf_text.h"

#include <fmt/format.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <cctype>
#include <map>
#include <memory>
#include <mutex>

namespace ocindex::adapters::io {
namespace {

// Poppler reports syntax problems of damaged files on stderr; the reader's error
// says what matters.
void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\f' || line.back() == ' ')) line.pop_back();
    size_t lead = 0;
    while (lead < line.size() && (line[lead] == '\f' || line[lead] == ' ')) ++lead;
    lines.push_back(line.substr(lead));
    start = end + 1;
  }
  return lines;
}

// A line with its digits blanked, so "Page 3" and "Page 4" compare equal.
std::string Shape(const std::string& line) {
  std::string shape = line;
  for (char& c : shape) {
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) c = '#';
  }
  return shape;
}

bool IsPageNumber(const std::string& line) {
  const std::string shape = Shape(line);
  return !line.empty() && (shape.find_first_not_of("# -") == std::string::npos || shape == "Page #" ||
                           shape == "page #" || shape == "Page # of #" || shape == "# of #");
}

constexpr int kEdgeLines = 2;  // lines at a page's top and bottom that may be running headers or footers

// The non-blank lines within kEdgeLines of the top or bottom of a page.
std::vector<size_t> EdgeLines(const std::vector<std::string>& lines) {
  std::vector<size_t> edges;
  int seen = 0;
  for (size_t i = 0; i < lines.size() && seen < kEdgeLines; ++i) {
    if (!lines[i].empty()) edges.push_back(i), ++seen;
  }
  seen = 0;
  for (size_t i = lines.size(); i-- > 0 && seen < kEdgeLines;) {
    if (!lines[i].empty()) edges.push_back(i), ++seen;
  }
  return edges;
}

}  // namespace

Result<PdfText> ReadPdfText(std::string_view bytes, const std::string& where, int max_pages) {
  SilencePoppler();
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document) return MakeError(ErrorCode::kInvalidInput, "not a PDF poppler can read (damaged or not a PDF)", where);
  if (document->is_locked()) return MakeError(ErrorCode::kInvalidInput, "the PDF is encrypted; give an unlocked copy", where);
  const int count = document->pages();
  if (count > max_pages) {
    return MakeError(ErrorCode::kInvalidInput, fmt::format("{} pages, more than the {} read at most", count, max_pages),
                     where);
  }
  std::vector<std::vector<std::string>> pages;
  for (int i = 0; i < count; ++i) {
    std::unique_ptr<poppler::page> page(document->create_page(i));
    if (!page) return MakeError(ErrorCode::kInvalidInput, fmt::format("page {} cannot be read", i + 1), where);
    const poppler::byte_array utf8 =
        page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout).to_utf8();
    pages.push_back(SplitLines(std::string(utf8.begin(), utf8.end())));
  }
  // Running headers and footers: edge lines that recur on at least half the pages
  // (and on three at least), as written or, for a line that ends no sentence, but
  // for its digits ("Report 2024 | 17").
  std::map<std::string, int> recurring;
  auto key = [](const std::string& line) { return line.ends_with('.') ? line : Shape(line); };
  for (const auto& lines : pages) {
    for (size_t i : EdgeLines(lines)) ++recurring[key(lines[i])];
  }
  PdfText text;
  for (auto& lines : pages) {
    for (size_t i : EdgeLines(lines)) {
      const int seen = recurring[key(lines[i])];
      if (IsPageNumber(lines[i]) || (seen >= 3 && 2 * seen >= count)) lines[i].clear();
    }
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    std::string page;
    bool blank = true;  // collapse runs of blank lines
    for (const std::string& line : lines) {
      if (line.empty() && blank) continue;
      page += line;
      page += '\n';
      blank = line.empty();
    }
    text.pages.push_back(std::move(page));
  }
  return text;
}

}  // namespace ocindex::adapters::io
