// Single-word terms found by looking every word of a text up in a hash table. Hyperscan
// matches short, common words ("in", "to", "from", "not") at a cost that grows with how
// often they occur; one pass over the words costs the same whatever they are. Reports
// exactly what Hyperscan reports for the term's expression "\bword\b" (ASCII word
// characters; caseless matching folds ASCII letters only). Pure; immutable once built.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/flows/pattern_set.h"

namespace ocindex::core {

class WordIndex {
 public:
  // Whether a term is one word the index can hold: non-empty, ASCII word characters only.
  static bool Holds(std::string_view term);

  // Adds a word (Holds(word)) reported as pattern `pattern`.
  void Add(std::string_view word, bool case_sensitive, uint32_t pattern);

  // Appends a match for every word of `text` (a maximal run of ASCII letters, digits and
  // '_') equal to an added word, in text order; a word added under several patterns
  // matches once per pattern, in the order they were added.
  void Find(std::string_view text, std::vector<PatternMatch>& matches) const;

 private:
  struct Entry {
    uint32_t pattern = 0;
    bool case_sensitive = false;
    std::string word;  // as added, for case-sensitive comparison
  };
  std::unordered_map<std::string, std::vector<Entry>> by_lower_;  // keyed by the lower-case word
  size_t min_size_ = SIZE_MAX;
  size_t max_size_ = 0;
};

}  // namespace ocindex::core
