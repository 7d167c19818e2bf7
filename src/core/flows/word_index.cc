#include "core/flows/word_index.h"

#include <algorithm>
#include <array>

namespace ocindex::core {
namespace {

// A table rather than comparisons: Find asks it of every byte.
constexpr std::array<bool, 256> kWordChars = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) {
    table[static_cast<size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  return table;
}();

bool IsAsciiWordChar(char c) { return kWordChars[static_cast<unsigned char>(c)]; }

// The bit of a word's size in WordIndex::first_sizes_ (sizes from 63 up share one).
uint64_t SizeBit(size_t size) { return uint64_t{1} << std::min<size_t>(size, 63); }

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr uint32_t kHashStart = 2166136261u;  // 32-bit FNV-1a
uint32_t HashStep(uint32_t hash, char c) { return (hash ^ static_cast<unsigned char>(c)) * 16777619u; }

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

const WordIndex::Group* WordIndex::FindGroup(std::string_view first, uint32_t hash) const {
  if (slots_.empty()) return nullptr;
  const size_t mask = slots_.size() - 1;
  for (size_t at = hash & mask; slots_[at].group != 0; at = (at + 1) & mask) {
    if (slots_[at].hash == hash && groups_[slots_[at].group - 1].first == first) return &groups_[slots_[at].group - 1];
  }
  return nullptr;
}

void WordIndex::Insert(uint32_t group, uint32_t hash) {
  const size_t mask = slots_.size() - 1;
  size_t at = hash & mask;
  while (slots_[at].group != 0) at = (at + 1) & mask;
  slots_[at] = {group + 1, hash};
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
  uint32_t hash = kHashStart;
  for (char& c : first) hash = HashStep(hash, c = AsciiLower(c));
  first_sizes_[static_cast<unsigned char>(first.front())] |= SizeBit(first.size());
  if (const Group* group = FindGroup(first, hash)) {
    groups_[static_cast<size_t>(group - groups_.data())].phrases.push_back(std::move(added));
    return;
  }
  groups_.push_back({std::move(first), {}});
  groups_.back().phrases.push_back(std::move(added));
  if (groups_.size() * 2 > slots_.size()) {
    slots_.assign(std::max<size_t>(16, slots_.size() * 2), Slot{});
    for (size_t g = 0; g < groups_.size(); ++g) {
      uint32_t rehash = kHashStart;
      for (char c : groups_[g].first) rehash = HashStep(rehash, c);
      Insert(static_cast<uint32_t>(g), rehash);
    }
  } else {
    Insert(static_cast<uint32_t>(groups_.size() - 1), hash);
  }
}

void WordIndex::Find(std::string_view text, std::vector<PatternMatch>& matches) const {
  if (groups_.empty()) return;
  std::string key;  // the word in lower case; reused, so allocated once
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsAsciiWordChar(text[i])) ++i;
    const size_t begin = i;
    i = WordEnd(text, i);
    const size_t length = i - begin;
    if (length == 0 || (first_sizes_[static_cast<unsigned char>(AsciiLower(text[begin]))] & SizeBit(length)) == 0) {
      continue;
    }
    key.resize(length);
    uint32_t hash = kHashStart;
    for (size_t k = 0; k < length; ++k) hash = HashStep(hash, key[k] = AsciiLower(text[begin + k]));
    const Group* group = FindGroup(key, hash);
    if (group == nullptr) continue;
    for (const Phrase& phrase : group->phrases) {
      if (phrase.case_sensitive && text.substr(begin, length) != phrase.words.front()) continue;
      const size_t end = phrase.words.size() == 1 ? i : PhraseEnd(text, i, phrase.words, phrase.case_sensitive);
      if (end != 0) matches.push_back({phrase.pattern, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
    }
  }
}

}  // namespace ocindex::core
