#include "core/flows/word_index.h"

#include <algorithm>

namespace ocindex::core {
namespace {

bool IsAsciiWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The end of the word that starts at `begin` (a maximal run of word characters).
size_t WordEnd(std::string_view text, size_t begin) {
  while (begin < text.size() && IsAsciiWordChar(text[begin])) ++begin;
  return begin;
}

// The end of the run of separators (Hyperscan's \s, '-', en dash) that starts at `begin`.
size_t SeparatorsEnd(std::string_view text, size_t begin) {
  constexpr std::string_view kEnDash = "\xE2\x80\x93";
  while (begin < text.size()) {
    const char c = text[begin];
    if (c == ' ' || c == '-' || (c >= '\t' && c <= '\r')) {
      ++begin;
    } else if (text.substr(begin, kEnDash.size()) == kEnDash) {
      begin += kEnDash.size();
    } else {
      break;
    }
  }
  return begin;
}

bool SameWord(std::string_view text, std::string_view word, bool case_sensitive) {
  if (text.size() != word.size()) return false;
  if (case_sensitive) return text == word;
  for (size_t i = 0; i < text.size(); ++i) {
    if (AsciiLower(text[i]) != AsciiLower(word[i])) return false;
  }
  return true;
}

// Where a phrase ends whose first word (already compared) ends at `end`: its other words
// must follow, each after a run of separators; 0 if they do not.
size_t PhraseEnd(std::string_view text, size_t end, const std::vector<std::string>& words, bool case_sensitive) {
  for (size_t w = 1; w < words.size(); ++w) {
    const size_t next = SeparatorsEnd(text, end);
    if (next == end) return 0;
    end = WordEnd(text, next);
    if (!SameWord(text.substr(next, end - next), words[w], case_sensitive)) return 0;
  }
  return end;
}

}  // namespace

bool WordIndex::Holds(std::string_view phrase) {
  bool after_word = false;
  for (char c : phrase) {
    if (IsAsciiWordChar(c)) {
      after_word = true;
    } else if ((c == ' ' || c == '-') && after_word) {
      after_word = false;
    } else {
      return false;
    }
  }
  return after_word;
}

void WordIndex::Add(std::string_view phrase, bool case_sensitive, uint32_t pattern) {
  Phrase added{pattern, case_sensitive, {}};
  size_t begin = 0;
  while (begin < phrase.size()) {
    const size_t end = WordEnd(phrase, begin);
    added.words.emplace_back(phrase.substr(begin, end - begin));
    begin = end + 1;  // one separator
  }
  std::string first = added.words.front();
  for (char& c : first) c = AsciiLower(c);
  min_size_ = std::min(min_size_, first.size());
  max_size_ = std::max(max_size_, first.size());
  by_first_word_[first].push_back(std::move(added));
}

void WordIndex::Find(std::string_view text, std::vector<PatternMatch>& matches) const {
  if (by_first_word_.empty()) return;
  std::string key;  // the word in lower case; reused, so allocated once
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsAsciiWordChar(text[i])) ++i;
    const size_t begin = i;
    i = WordEnd(text, i);
    const size_t length = i - begin;
    if (length < min_size_ || length > max_size_) continue;
    key.resize(length);
    for (size_t k = 0; k < length; ++k) key[k] = AsciiLower(text[begin + k]);
    const auto found = by_first_word_.find(key);
    if (found == by_first_word_.end()) continue;
    for (const Phrase& phrase : found->second) {
      if (phrase.case_sensitive && text.substr(begin, length) != phrase.words.front()) continue;
      const size_t end = phrase.words.size() == 1 ? i : PhraseEnd(text, i, phrase.words, phrase.case_sensitive);
      if (end != 0) matches.push_back({phrase.pattern, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
    }
  }
}

}  // namespace ocindex::core
