#include "core/profile/reflow.h"

#include <array>

namespace ocindex::core {
namespace {

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
// ASCII letters, and any byte of a multi-byte UTF-8 character (accented letters).
bool IsLetter(char c) { return IsLower(c) || IsUpper(c) || (static_cast<unsigned char>(c) & 0x80) != 0; }
bool IsWordChar(char c) { return IsLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '\''; }

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (IsUpper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Words that commonly open a hyphenated compound; a line-end hyphen after one of them
// is kept when the document gives no evidence either way.
constexpr std::array<std::string_view, 34> kCompoundPrefixes = {
    "all",   "anti",  "arms",  "co",   "counter", "cross", "cyber", "drug",  "ex",    "far",    "full", "government",
    "half",  "high",  "human", "ill",  "large",   "law",   "long",  "low",   "mafia", "mid",    "money", "multi",
    "near",  "non",   "self",  "semi", "short",   "small", "state", "well",  "wide",  "world"};

bool EndsInLineBreakHyphen(std::string_view line) {
  return line.size() >= 2 && line.back() == '-' && IsLetter(line[line.size() - 2]);
}

// The word before the line-end hyphen, from its last hyphen or the line's last space:
// "the Kazakh-Chinese cross-" -> "cross".
std::string_view PrefixBeforeHyphen(std::string_view line) {
  std::string_view body = line.substr(0, line.size() - 1);
  size_t start = body.size();
  while (start > 0 && IsLetter(body[start - 1])) --start;
  return body.substr(start);
}

}  // namespace

Reflower Reflower::ForParagraphs(const std::vector<std::vector<std::string_view>>& paragraphs) {
  Reflower reflower;
  for (const auto& lines : paragraphs) {
    for (std::string_view line : lines) {
      size_t i = 0;
      while (i < line.size()) {
        while (i < line.size() && !IsWordChar(line[i])) ++i;
        size_t start = i;
        while (i < line.size() && IsWordChar(line[i])) ++i;
        std::string_view word = line.substr(start, i - start);
        // A word cut by the line end is no evidence.
        if (!word.empty() && word.back() != '-') reflower.words_.insert(Lower(word));
      }
    }
  }
  return reflower;
}

bool Reflower::KeepsHyphen(std::string_view line, std::string_view next) const {
  if (!IsLower(next.front())) return true;
  std::string prefix = Lower(PrefixBeforeHyphen(line));
  size_t end = 0;
  while (end < next.size() && IsLetter(next[end])) ++end;
  std::string suffix(next.substr(0, end));
  if (words_.count(prefix + "-" + suffix)) return true;
  if (words_.count(prefix + suffix)) return false;
  for (std::string_view known : kCompoundPrefixes) {
    if (prefix == known) return true;
  }
  return false;
}

std::string Reflower::Join(const std::vector<std::string_view>& lines) {
  std::string text;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (i + 1 == lines.size() || !EndsInLineBreakHyphen(line)) {
      text += line;
      if (i + 1 < lines.size()) text += ' ';
      continue;
    }
    if (KeepsHyphen(line, lines[i + 1])) {
      text += line;
      ++hyphens_kept_;
    } else {
      text += line.substr(0, line.size() - 1);
      ++hyphens_removed_;
    }
  }
  return text;
}

}  // namespace ocindex::core
