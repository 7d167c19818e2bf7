#include "core/flows/sentences.h"

#include <array>
#include <cctype>
#include <utility>

namespace ocindex::core {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
bool IsUpper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
bool IsAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// Bytes that may close a sentence after its full stop: quotes and brackets, ASCII
// or the tail of a UTF-8 typographic quote (’ ” are E2 80 99 / E2 80 9D).
size_t ClosingRun(std::string_view text, size_t i) {
  size_t j = i;
  while (j < text.size()) {
    if (text[j] == '"' || text[j] == '\'' || text[j] == ')' || text[j] == ']') {
      ++j;
    } else if (text.substr(j, 2) == "\xE2\x80" && j + 2 < text.size() &&
               (text[j + 2] == '\x99' || text[j + 2] == '\x9D')) {
      j += 3;
    } else {
      break;
    }
  }
  return j;
}

// Words whose full stop is not the end of a sentence.
bool IsAbbreviation(std::string_view word) {
  static constexpr std::array<std::string_view, 22> kAbbreviations = {
      "e.g", "i.e", "etc", "Mr", "Mrs", "Ms", "Dr", "St", "No", "vs", "U.S", "Jr", "Inc", "Ltd", "Co", "approx",
      "incl", "cf", "Gen", "Col", "Prof", "Nos"};
  if (word.size() == 1 && IsUpper(word[0])) return true;  // an initial: "J. Smith"
  for (std::string_view abbreviation : kAbbreviations) {
    if (word == abbreviation) return true;
  }
  return false;
}

// Whether what follows position `next` (after spaces) starts a new sentence.
bool StartsSentence(std::string_view text, size_t next) {
  if (next >= text.size()) return true;
  const char c = text[next];
  return IsUpper(c) || std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '"' || c == '\'' || c == '(' ||
         c == '[' || static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

std::vector<SentenceSpan> SplitSentences(std::string_view text) {
  std::vector<SentenceSpan> sentences;
  int paragraph = 0;
  size_t start = 0;
  auto emit = [&](size_t begin, size_t end) {
    while (begin < end && IsSpace(text[begin])) ++begin;
    while (end > begin && IsSpace(text[end - 1])) --end;
    if (begin < end) {
      sentences.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end), paragraph});
    }
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' && i + 1 < text.size() && text[i + 1] == '\n') {
      emit(start, i);
      while (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      start = i + 1;
      ++paragraph;
      continue;
    }
    if (c != '.' && c != '!' && c != '?' && c != ':') continue;
    const size_t after = ClosingRun(text, i + 1);
    if (after < text.size() && !IsSpace(text[after])) continue;  // "3.5", "U.S.A"
    if (c == '.') {
      size_t word_start = i;
      while (word_start > start && (IsAlpha(text[word_start - 1]) || text[word_start - 1] == '.')) --word_start;
      if (IsAbbreviation(text.substr(word_start, i - word_start))) continue;
    }
    size_t next = after;
    while (next < text.size() && text[next] == ' ') ++next;
    if (next < text.size() && text[next] == '\n' && c != ':') {
      emit(start, after);  // the paragraph break is handled on the next turn
      start = after;
      i = after - 1;
      continue;
    }
    // A colon ends a sentence only before a capital: a finding and its explanation
    // ("... has increased: The DEA assesses ..."), not a list.
    if (c == ':' ? next >= text.size() || !IsUpper(text[next]) : !StartsSentence(text, next)) continue;
    emit(start, after);
    start = after;
    i = after - 1;
  }
  emit(start, text.size());
  return sentences;
}

size_t CapSentenceLength(std::string_view text, uint32_t max_bytes, std::vector<SentenceSpan>& sentences) {
  size_t cut = 0;
  std::vector<SentenceSpan> out;
  out.reserve(sentences.size());
  for (SentenceSpan sentence : sentences) {
    if (sentence.end - sentence.begin > max_bytes) ++cut;
    while (sentence.end - sentence.begin > max_bytes) {
      uint32_t end = sentence.begin + max_bytes;
      while (end > sentence.begin && text[end] != ' ') --end;
      if (end == sentence.begin) {  // no space: at the limit, on a character's first byte
        end = sentence.begin + max_bytes;
        while (end > sentence.begin + 1 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
      }
      uint32_t piece_end = end;
      while (piece_end > sentence.begin && IsSpace(text[piece_end - 1])) --piece_end;
      if (piece_end > sentence.begin) out.push_back({sentence.begin, piece_end, sentence.paragraph});
      sentence.begin = end;
      while (sentence.begin < sentence.end && IsSpace(text[sentence.begin])) ++sentence.begin;
    }
    if (sentence.end > sentence.begin) out.push_back(sentence);
  }
  sentences = std::move(out);
  return cut;
}

}  // namespace ocindex::core
