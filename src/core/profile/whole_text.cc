#include "core/profile/whole_text.h"

#include <algorithm>
#include <string>

#include "core/profile/reflow.h"

namespace ocindex::core {
namespace {

struct Line {
  std::string text;    // trimmed, list marker and Markdown marks removed
  uint32_t source = 0;  // byte offset of the line in the input
  bool item = false;     // opens a list item or a heading: starts a paragraph
  bool heading = false;  // a Markdown heading: a paragraph of its own
  bool page_start = false;
};

// A bullet at the start of a line ("• ", "- ", "* ", "· "); its length, or 0.
size_t BulletLength(std::string_view line) {
  for (std::string_view bullet : {"\xE2\x80\xA2", "\xC2\xB7", "\xE2\x96\xAA", "-", "*", "\xE2\x80\x93"}) {
    if (line.starts_with(bullet) && line.size() > bullet.size() && line[bullet.size()] == ' ') {
      return bullet.size() + 1;
    }
  }
  return 0;
}

std::string_view Trim(std::string_view text) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

// Links and images to their words, emphasis and code marks dropped.
std::string PlainMarkdown(std::string_view line) {
  std::string out;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '[' || (c == '!' && i + 1 < line.size() && line[i + 1] == '[')) {
      const size_t open = c == '!' ? i + 1 : i;
      const size_t close = line.find("](", open);
      const size_t end = close == std::string_view::npos ? close : line.find(')', close);
      if (end != std::string_view::npos) {
        if (c != '!') out += line.substr(open + 1, close - open - 1);
        i = end;
        continue;
      }
    }
    if (c == '`' || ((c == '*' || c == '_') && i + 1 < line.size() && line[i + 1] == c)) {
      if (c != '`') ++i;
      continue;
    }
    out += c;
  }
  return out;
}

bool EndsSentence(std::string_view line) {
  while (!line.empty() && (line.back() == '"' || line.back() == ')' || line.back() == '\'')) line.remove_suffix(1);
  return !line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == '?' || line.back() == ':');
}

// Codepoints, not bytes, so lines with accents or dashes measure alike.
size_t Width(std::string_view line) {
  return static_cast<size_t>(std::count_if(line.begin(), line.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// Paragraphs as lists of line indices. A blank line ends a block; within a block a
// list item or heading starts a paragraph, a line much shorter than the block's
// longest ends one (a heading, or the last line of a paragraph in hard-wrapped
// text), and a page break ends one after a line that ends a sentence.
std::vector<std::vector<size_t>> Paragraphs(const std::vector<Line>& lines) {
  std::vector<std::vector<size_t>> paragraphs;
  size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].text.empty()) {
      ++i;
      continue;
    }
    size_t end = i;
    size_t longest = 0;
    while (end < lines.size() && !lines[end].text.empty()) longest = std::max(longest, Width(lines[end++].text));
    // A paragraph may run on over a page break, past the blank lines the page left.
    std::vector<size_t> current;
    for (size_t j = i; j < end; ++j) {
      const Line& line = lines[j];
      if (!current.empty() && (line.item || (line.page_start && EndsSentence(lines[current.back()].text)))) {
        paragraphs.push_back(std::move(current));
        current.clear();
      }
      current.push_back(j);
      const bool short_line = end - i >= 2 && 10 * Width(line.text) < 6 * longest;
      if (short_line || line.heading) {
        paragraphs.push_back(std::move(current));
        current.clear();
      }
    }
    if (!current.empty()) paragraphs.push_back(std::move(current));
    i = end;
  }
  return paragraphs;
}

}  // namespace

Narrative WholeTextNarrative(std::string_view text, const std::vector<uint32_t>& page_starts, bool markdown) {
  std::vector<Line> lines;
  size_t next_page = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    Line line;
    line.source = static_cast<uint32_t>(start);
    std::string_view raw = Trim(text.substr(start, end - start));
    if (markdown && raw.starts_with('#')) {
      while (raw.starts_with('#')) raw.remove_prefix(1);
      line.item = true;
      line.heading = true;
    } else if (markdown && raw.starts_with('>')) {
      raw = Trim(raw.substr(1));
    }
    if (const size_t bullet = BulletLength(raw); bullet > 0) {
      raw = Trim(raw.substr(bullet));
      line.item = true;
    }
    line.text = markdown ? PlainMarkdown(Trim(raw)) : std::string(raw);
    while (next_page < page_starts.size() && page_starts[next_page] <= end) {
      line.page_start = next_page > 0;
      ++next_page;
    }
    lines.push_back(std::move(line));
    start = end + 1;
  }

  const std::vector<std::vector<size_t>> paragraphs = Paragraphs(lines);
  std::vector<std::vector<std::string_view>> paragraph_lines;
  for (const auto& paragraph : paragraphs) {
    std::vector<std::string_view> views;
    for (size_t l : paragraph) views.emplace_back(lines[l].text);
    paragraph_lines.push_back(std::move(views));
  }
  Reflower reflower = Reflower::ForParagraphs(paragraph_lines);
  NarrativeSection section;
  section.node_id = std::string(kWholeTextSection);
  section.line = 1;
  Narrative narrative;
  size_t page = 0;
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    if (!section.text.empty()) section.text += "\n\n";
    const auto begin = static_cast<uint32_t>(section.text.size());
    section.text += reflower.Join(paragraph_lines[p]);
    // A page that begins inside the paragraph begins after the lines before it.
    for (size_t j = 0; j < paragraphs[p].size(); ++j) {
      const uint32_t source = lines[paragraphs[p][j]].source;
      while (page < page_starts.size() && page_starts[page] <= source) {
        const std::vector<std::string_view> before(paragraph_lines[p].begin(), paragraph_lines[p].begin() + j);
        const size_t offset = j == 0 ? 0 : Reflower::ForParagraphs({before}).Join(before).size() + 1;
        narrative.page_starts.push_back(std::min(begin + static_cast<uint32_t>(offset),
                                                 static_cast<uint32_t>(section.text.size())));
        ++page;
      }
    }
  }
  while (page++ < page_starts.size()) narrative.page_starts.push_back(static_cast<uint32_t>(section.text.size()));
  narrative.hyphens_kept = reflower.hyphens_kept();
  narrative.hyphens_removed = reflower.hyphens_removed();
  if (!section.text.empty()) narrative.sections.push_back(std::move(section));
  return narrative;
}

}  // namespace ocindex::core
