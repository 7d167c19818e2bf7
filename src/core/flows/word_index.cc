#include "core/flows/word_index.h"

#include <algorithm>

namespace ocindex::core {
namespace {

bool IsAsciiWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

bool WordIndex::Holds(std::string_view term) {
  if (term.empty()) return false;
  for (char c : term) {
    if (!IsAsciiWordChar(c)) return false;
  }
  return true;
}

void WordIndex::Add(std::string_view word, bool case_sensitive, uint32_t pattern) {
  std::string lower(word);
  for (char& c : lower) c = AsciiLower(c);
  by_lower_[lower].push_back({pattern, case_sensitive, std::string(word)});
  min_size_ = std::min(min_size_, word.size());
  max_size_ = std::max(max_size_, word.size());
}

void WordIndex::Find(std::string_view text, std::vector<PatternMatch>& matches) const {
  if (by_lower_.empty()) return;
  std::string key;  // the word in lower case; reused, so allocated once
  const size_t size = text.size();
  size_t i = 0;
  while (i < size) {
    while (i < size && !IsAsciiWordChar(text[i])) ++i;
    const size_t begin = i;
    while (i < size && IsAsciiWordChar(text[i])) ++i;
    const size_t length = i - begin;
    if (length < min_size_ || length > max_size_) continue;
    key.resize(length);
    for (size_t k = 0; k < length; ++k) key[k] = AsciiLower(text[begin + k]);
    const auto found = by_lower_.find(key);
    if (found == by_lower_.end()) continue;
    for (const Entry& entry : found->second) {
      if (entry.case_sensitive && text.substr(begin, length) != entry.word) continue;
      matches.push_back({entry.pattern, static_cast<uint32_t>(begin), static_cast<uint32_t>(i)});
    }
  }
}

}  // namespace ocindex::core
