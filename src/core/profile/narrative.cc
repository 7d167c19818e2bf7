#include "core/profile/narrative.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_set>
#include <utility>

#include "core/profile/reflow.h"

namespace ocindex::core {
namespace {

bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiAlnum(char c) { return IsAsciiLower(c) || IsAsciiUpper(c) || (c >= '0' && c <= '9'); }

// Heading key: lower-case letters and digits only, '&' read as "and", leading
// numbering dropped. "2. Trade & Arms" -> "tradeandarms".
std::string HeadingKey(std::string_view heading) {
  std::string key;
  for (char c : heading) {
    if (c == '&') {
      key += "and";
    } else if (IsAsciiAlnum(c)) {
      key.push_back(IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c);
    }
  }
  size_t digits = 0;
  while (digits < key.size() && key[digits] >= '0' && key[digits] <= '9') ++digits;
  return key.substr(digits);
}

bool IsSectionNode(const Node& node) { return !node.indicators.empty(); }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\f' || s.front() == '\v')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\f' || s.back() == '\v')) {
    s.remove_suffix(1);
  }
  return s;
}

// Checks the input is text: not empty, no NUL or other control bytes, valid UTF-8.
Status CheckText(std::string_view source) {
  auto bad = [&](size_t at, const std::string& what) {
    int line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < at; ++i) {
      if (source[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    return MakeError(ErrorCode::kInvalidInput, what + "; expected a plain text or Markdown narrative",
                     "line " + std::to_string(line) + ", column " + std::to_string(at - line_start + 1));
  };
  if (source.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
    return MakeError(ErrorCode::kInvalidInput, "the narrative is empty; expected headings and paragraphs");
  }
  for (size_t i = 0; i < source.size();) {
    auto byte = static_cast<unsigned char>(source[i]);
    if (byte < 0x80) {
      if (byte < 0x20 && byte != '\n' && byte != '\r' && byte != '\t' && byte != '\f' && byte != '\v') {
        return bad(i, "binary data (control byte " + std::to_string(byte) + ")");
      }
      ++i;
      continue;
    }
    size_t length = byte >= 0xF0 && byte <= 0xF4 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 && byte < 0xE0 ? 2 : 0;
    if (length == 0 || i + length > source.size()) return bad(i, "invalid UTF-8");
    for (size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(source[i + k]) & 0xC0) != 0x80) return bad(i, "invalid UTF-8");
    }
    i += length;
  }
  return {};
}

// Footer: a short acknowledgement of funding or support, set apart from the sections.
// Phrases, not bare words: "state-funded shelters" in a section is no footer.
bool IsFooterParagraph(std::string_view paragraph) {
  constexpr size_t kMaxFooterWords = 80;
  size_t words = 1;
  std::string lower;
  for (char c : paragraph) {
    lower.push_back(IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c);
    words += c == ' ' ? 1 : 0;
  }
  if (words > kMaxFooterWords) return false;
  for (std::string_view mark : {"was funded", "is funded", "were funded", "funded by", "funded in part",
                                "funding from", "funding provided", "grant from", "supported by", "support of",
                                "support from", "financial support"}) {
    if (lower.find(mark) != std::string::npos) return true;
  }
  return false;
}

struct SourceLine {
  std::string_view text;  // trimmed
  int number = 0;
  int column = 0;  // of the first character of `text`
};

// Plain text: a line in capitals (at least two letters, no lower-case letter, not
// ending a sentence) is a heading; so is a line that names a section in any case when
// it stands after a blank line or another heading. Markdown: '#' lines only.
enum class LineKind { kBlank, kText, kHeading };

struct Classified {
  LineKind kind = LineKind::kText;
  std::string heading;  // without Markdown '#' marks
};

// Where a paragraph goes.
enum class Place { kLeading, kSection, kStructure, kUnknown };
struct Destination {
  Place place = Place::kLeading;
  std::string node_id;
  std::string heading;
  int line = 0;
};

struct Paragraph {
  size_t destination = 0;
  std::vector<std::string_view> lines;
  int line = 0;
};

class Parser {
 public:
  Parser(const Framework& framework, NarrativeFormat format) : framework_(framework), format_(format) {
    for (const Node& node : framework.nodes) {
      if (!IsSectionNode(node)) structure_keys_.insert(HeadingKey(node.name));
    }
  }

  Narrative Parse(std::string_view source) {
    std::vector<SourceLine> lines = SplitLines(source);
    std::vector<Classified> kinds;
    kinds.reserve(lines.size());
    for (size_t i = 0; i < lines.size(); ++i) {
      bool after_break = i == 0 || kinds.back().kind != LineKind::kText;
      kinds.push_back(Classify(lines[i].text, after_break));
    }
    destinations_.push_back(Destination{});  // text before the first heading
    size_t current = 0;
    std::optional<Paragraph> open;
    auto close = [&] {
      if (open && !open->lines.empty()) paragraphs_.push_back(std::move(*open));
      open.reset();
    };
    for (size_t i = 0; i < lines.size(); ++i) {
      const SourceLine& line = lines[i];
      switch (kinds[i].kind) {
        case LineKind::kHeading:
          close();
          current = OpenHeading(kinds[i].heading, line);
          break;
        case LineKind::kBlank:
          if (open && !IsStrayBreak(lines, kinds, i, open->lines.back())) close();
          break;
        case LineKind::kText:
          if (!open) open = Paragraph{current, {}, line.number};
          open->lines.push_back(line.text);
          break;
      }
    }
    close();
    return Assemble();
  }

 private:
  static std::vector<SourceLine> SplitLines(std::string_view source) {
    if (source.substr(0, 3) == "\xEF\xBB\xBF") source.remove_prefix(3);  // byte-order mark
    std::vector<SourceLine> lines;
    int number = 0;
    while (!source.empty()) {
      size_t end = source.find('\n');
      std::string_view raw = source.substr(0, end);
      source.remove_prefix(end == std::string_view::npos ? source.size() : end + 1);
      if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
      ++number;
      // Trimming also turns a line holding only a form feed (a page break) into a blank line.
      std::string_view text = Trim(raw);
      int column = static_cast<int>(text.data() - raw.data()) + 1;
      lines.push_back(SourceLine{text, number, column});
    }
    return lines;
  }

  Classified Classify(std::string_view text, bool after_break) const {
    if (text.empty()) return {LineKind::kBlank, {}};
    if (format_ == NarrativeFormat::kMarkdown) {
      if (text.front() != '#') return {LineKind::kText, {}};
      std::string_view heading = text;
      while (!heading.empty() && heading.front() == '#') heading.remove_prefix(1);
      while (!heading.empty() && heading.back() == '#') heading.remove_suffix(1);
      return {LineKind::kHeading, std::string(Trim(heading))};
    }
    if (text.size() > 80) return {LineKind::kText, {}};
    int upper = 0;
    bool lower = false;
    for (char c : text) {
      upper += IsAsciiUpper(c) ? 1 : 0;
      lower = lower || IsAsciiLower(c);
    }
    char last = text.back();
    bool ends_sentence = last == '.' || last == ',' || last == ';' || last == '!' || last == '?';
    bool capitals = upper >= 2 && !lower && !ends_sentence;
    bool names_heading = after_break && !ends_sentence &&
                         (!MatchSectionHeading(text, framework_).empty() || structure_keys_.count(HeadingKey(text)));
    if (capitals || names_heading) return {LineKind::kHeading, std::string(text)};
    return {LineKind::kText, {}};
  }

  // A blank line inside a sentence is a page break, not a paragraph end: the paragraph
  // so far does not end a sentence and the next text line goes on in lower case.
  static bool IsStrayBreak(const std::vector<SourceLine>& lines, const std::vector<Classified>& kinds, size_t blank,
                           std::string_view last_line) {
    size_t next = blank;
    while (next < lines.size() && kinds[next].kind == LineKind::kBlank) ++next;
    if (next == lines.size() || kinds[next].kind != LineKind::kText) return false;
    char last = last_line.back();
    bool sentence_end = last == '.' || last == '!' || last == '?' || last == ':' || last == ';' ||
                        last_line.ends_with(".\"") || last_line.ends_with(".\xE2\x80\x9D") || last == ')';
    return !sentence_end && IsAsciiLower(lines[next].text.front());
  }

  size_t OpenHeading(const std::string& heading, const SourceLine& line) {
    std::string node_id = MatchSectionHeading(heading, framework_);
    if (node_id.empty() && structure_keys_.count(HeadingKey(heading))) {
      structure_headings_.push_back(heading);
      destinations_.push_back(Destination{Place::kStructure, {}, heading, line.number});
      return destinations_.size() - 1;
    }
    if (node_id.empty()) {
      problems_.push_back({line.number, line.column,
                           "unknown heading '" + heading + "': it names no section of " + framework_.name +
                               "; its text is kept as unplaced"});
      destinations_.push_back(Destination{Place::kUnknown, {}, heading, line.number});
      return destinations_.size() - 1;
    }
    for (const Destination& earlier : destinations_) {
      if (earlier.place == Place::kSection && earlier.node_id == node_id) {
        problems_.push_back({line.number, line.column,
                             "heading '" + heading + "' repeats section '" + node_id + "' (first at line " +
                                 std::to_string(earlier.line) + "); its text is appended to that section"});
        break;
      }
    }
    destinations_.push_back(Destination{Place::kSection, node_id, heading, line.number});
    return destinations_.size() - 1;
  }

  Narrative Assemble() {
    Narrative narrative;
    Reflower reflower = Reflower::ForParagraphs(paragraph_lines());
    std::vector<std::string> joined;
    joined.reserve(paragraphs_.size());
    for (const Paragraph& paragraph : paragraphs_) joined.push_back(reflower.Join(paragraph.lines));
    // Trailing funding paragraphs form the footer, whatever section they fell in.
    size_t body_end = joined.size();
    while (body_end > 0 && IsFooterParagraph(joined[body_end - 1])) --body_end;
    for (size_t p = body_end; p < joined.size(); ++p) {
      if (!narrative.footer.empty()) narrative.footer += "\n\n";
      narrative.footer += joined[p];
    }
    std::vector<std::string> texts(destinations_.size());
    for (size_t p = 0; p < body_end; ++p) {
      std::string& text = texts[paragraphs_[p].destination];
      if (!text.empty()) text += "\n\n";
      text += joined[p];
    }
    std::vector<std::string> order = NarrativeSectionIds(framework_);
    for (size_t d = 0; d < destinations_.size(); ++d) {
      const Destination& destination = destinations_[d];
      if (destination.place == Place::kSection) {
        AddSection(narrative, destination, texts[d]);
        continue;
      }
      // An unknown heading is kept even without text; a structure heading is kept in
      // structure_headings, and only its text (if any) is unplaced.
      if (texts[d].empty() && destination.place != Place::kUnknown) continue;
      if (destination.place == Place::kLeading) {
        problems_.push_back({paragraph_line(d), 1, "text before the first heading belongs to no section; kept as unplaced"});
      } else if (destination.place == Place::kStructure) {
        problems_.push_back({destination.line, 1, "text under '" + destination.heading + "' belongs to no section; kept as unplaced"});
      }
      narrative.unplaced.push_back({destination.heading, texts[d], destination.line});
    }
    auto rank = [&](const NarrativeSection& s) {
      return std::find(order.begin(), order.end(), s.node_id) - order.begin();
    };
    std::stable_sort(narrative.sections.begin(), narrative.sections.end(),
                     [&](const NarrativeSection& a, const NarrativeSection& b) { return rank(a) < rank(b); });
    std::stable_sort(problems_.begin(), problems_.end(),
                     [](const NarrativeProblem& a, const NarrativeProblem& b) { return a.line < b.line; });
    narrative.structure_headings = std::move(structure_headings_);
    narrative.problems = std::move(problems_);
    narrative.hyphens_kept = reflower.hyphens_kept();
    narrative.hyphens_removed = reflower.hyphens_removed();
    return narrative;
  }

  void AddSection(Narrative& narrative, const Destination& destination, const std::string& text) {
    if (text.empty()) problems_.push_back({destination.line, 1, "section '" + destination.heading + "' has no text"});
    for (NarrativeSection& section : narrative.sections) {
      if (section.node_id != destination.node_id) continue;
      if (!text.empty()) section.text += section.text.empty() ? text : "\n\n" + text;
      return;
    }
    narrative.sections.push_back({destination.node_id, destination.heading, text, destination.line});
  }

  std::vector<std::vector<std::string_view>> paragraph_lines() const {
    std::vector<std::vector<std::string_view>> all;
    all.reserve(paragraphs_.size());
    for (const Paragraph& paragraph : paragraphs_) all.push_back(paragraph.lines);
    return all;
  }

  int paragraph_line(size_t destination) const {
    for (const Paragraph& paragraph : paragraphs_) {
      if (paragraph.destination == destination) return paragraph.line;
    }
    return 1;
  }

  const Framework& framework_;
  NarrativeFormat format_;
  std::unordered_set<std::string> structure_keys_;
  std::vector<Destination> destinations_;
  std::vector<Paragraph> paragraphs_;
  std::vector<std::string> structure_headings_;
  std::vector<NarrativeProblem> problems_;
};

void AppendWords(std::string_view text, std::vector<std::string>& words) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) ++i;
    size_t start = i;
    while (i < text.size() && !(text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) ++i;
    if (i > start) words.emplace_back(text.substr(start, i - start));
  }
}

}  // namespace

std::string NarrativeProblem::ToString() const {
  return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + message;
}

const NarrativeSection* Narrative::Find(std::string_view node_id) const {
  for (const NarrativeSection& section : sections) {
    if (section.node_id == node_id) return &section;
  }
  return nullptr;
}

std::string SectionHeading(const Framework& framework, const std::string& id) {
  if (auto node = framework.FindNode(id)) return framework.nodes[static_cast<size_t>(*node)].name;
  std::string heading = id;
  if (!heading.empty()) heading[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(heading[0])));
  return heading;
}

std::vector<std::string> NarrativeSectionIds(const Framework& framework) {
  std::vector<std::string> ids{std::string(kSummarySection)};
  for (const Node& node : framework.nodes) {
    if (IsSectionNode(node)) ids.push_back(node.id);
  }
  ids.emplace_back(kSourcesSection);
  return ids;
}

std::string MatchSectionHeading(std::string_view heading, const Framework& framework) {
  std::string key = HeadingKey(heading);
  if (key.empty()) return {};
  for (const Node& node : framework.nodes) {
    if (IsSectionNode(node) && (HeadingKey(node.name) == key || HeadingKey(node.id) == key)) return node.id;
  }
  for (std::string_view summary : {"summary", "executivesummary", "overview", "introduction"}) {
    if (key == summary) return std::string(kSummarySection);
  }
  for (std::string_view sources : {"sources", "references", "bibliography", "notes", "endnotes"}) {
    if (key == sources) return std::string(kSourcesSection);
  }
  return {};
}

Result<Narrative> ParseNarrative(std::string_view source, const Framework& framework, NarrativeFormat format) {
  OCINDEX_RETURN_IF_ERROR(CheckText(source));
  return Parser(framework, format).Parse(source);
}

std::vector<std::string> NarrativeWords(const Narrative& narrative) {
  std::vector<std::string> words;
  for (const NarrativeSection& section : narrative.sections) {
    AppendWords(section.heading, words);
    AppendWords(section.text, words);
  }
  for (const std::string& heading : narrative.structure_headings) AppendWords(heading, words);
  for (const UnplacedText& unplaced : narrative.unplaced) {
    AppendWords(unplaced.heading, words);
    AppendWords(unplaced.text, words);
  }
  AppendWords(narrative.footer, words);
  return words;
}

}  // namespace ocindex::core
