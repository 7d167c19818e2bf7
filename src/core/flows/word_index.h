// Phrases of plain words found by looking every word of a text up in a hash table.
// Hyperscan matches phrases made of short, common words ("in", "to", "from", "not",
// "on to", "the country") at a cost that grows with how often their words occur; one
// pass over the words costs about the same whatever they are. Reports exactly what
// Hyperscan reports for the phrase's expression (TermExpression): whole words (ASCII
// letters, digits, '_'; caseless matching folds ASCII letters only) separated by runs
// of white space, hyphens and en dashes. Pure; immutable once built.
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
  // Whether the index can hold a phrase: words of ASCII word characters, each two
  // separated by one space or hyphen.
  static bool Holds(std::string_view phrase);

  // Adds a phrase (Holds(phrase)) reported as pattern `pattern`.
  void Add(std::string_view phrase, bool case_sensitive, uint32_t pattern);

  // Appends a match for every occurrence of an added phrase in `text`, by start; the
  // matches that start at one word in the order the phrases were added.
  void Find(std::string_view text, std::vector<PatternMatch>& matches) const;

 private:
  struct Phrase {
    uint32_t pattern = 0;
    bool case_sensitive = false;
    std::vector<std::string> words;  // as added; compared lower-cased unless case-sensitive
  };
  // By the phrase's first word in lower case.
  std::unordered_map<std::string, std::vector<Phrase>> by_first_word_;
  size_t min_size_ = SIZE_MAX;  // of first words
  size_t max_size_ = 0;
};

}  // namespace ocindex::core
