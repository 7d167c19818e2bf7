// Re-flow of paragraphs broken across lines: lines are joined with one space, and a
// word split at a line end by a hyphen is mended. Rule (docs/PROFILES.md): when a line
// ends in letter + '-' and the next line begins with a lower-case letter, the hyphen is
// kept (a compound, "cross-" + "border" -> "cross-border") if the document writes that
// compound with a hyphen elsewhere, else removed if the document writes the joined word
// elsewhere, else kept if the part before the hyphen is a whole word that forms
// compounds (cross, anti, non, well, self, state, ...), else removed (a fragment,
// "organi-" + "zations" -> "organizations"). Before any other character ("Kazakh-" +
// "Chinese", "mid-" + "2020") the hyphen is kept and no space is added. Pure.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace ocindex::core {

class Reflower {
 public:
  // A reflower that takes its evidence about hyphenated and joined words from the
  // given paragraphs (every line of the document, as split into paragraphs).
  static Reflower ForParagraphs(const std::vector<std::vector<std::string_view>>& paragraphs);

  // The lines of one paragraph as one line of text. Lines must be trimmed.
  std::string Join(const std::vector<std::string_view>& lines);

  int hyphens_kept() const { return hyphens_kept_; }
  int hyphens_removed() const { return hyphens_removed_; }

 private:
  // Whether the line-end hyphen between `line` and `next` stays.
  bool KeepsHyphen(std::string_view line, std::string_view next) const;

  std::unordered_set<std::string> words_;  // lower-case words written inside lines
  int hyphens_kept_ = 0;
  int hyphens_removed_ = 0;
};

}  // namespace ocindex::core
