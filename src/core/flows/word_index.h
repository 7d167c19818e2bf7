// Phrases of plain words found by looking every word of a text up in a hash table.
// Hyperscan matches phrases made of short, common words ("in", "to", "from", "not",
// "on to", "the country") at a cost that grows with how often their words occur; one
// pass over the words costs about the same whatever they are. Reports exactly what
// Hyperscan reports for the phrase's expression (TermExpression): whole words (ASCII
// letters, digits, '_'; caseless matching folds ASCII letters only) separated by runs
// of white space, hyphens and en dashes. Pure; immutable once built.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
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
  struct Group {  // the phrases that start with one word
    std::string first;  // in lower case
    std::vector<Phrase> phrases;
  };
  // The group of a first word in lower case and its hash, or nullptr.
  const Group* FindGroup(std::string_view first, uint32_t hash) const;
  void Insert(uint32_t group, uint32_t hash);

  std::vector<Group> groups_;
  // Open addressing on the first words' hashes (FNV-1a, computed while a word is
  // lower-cased): a slot holds a group index + 1 (0: empty) and its hash. Cheaper per
  // word than std::unordered_map, whose lookups showed in profiles.
  struct Slot {
    uint32_t group = 0;
    uint32_t hash = 0;
  };
  std::vector<Slot> slots_;  // a power of two, at most half full
  // By a first word's first letter in lower case, the sizes of such words (SizeBit):
  // most words of a text are turned away on this before they are hashed.
  std::array<uint64_t, 256> first_sizes_{};
};

}  // namespace ocindex::core
