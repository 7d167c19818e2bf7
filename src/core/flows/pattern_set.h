// Many patterns matched in one pass over a text, with Hyperscan (docs/DEPENDENCIES.md
// says why). A PatternSet is compiled once and is immutable and thread-safe; each
// thread scans with its own PatternScanner (Hyperscan's scratch space).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace ocindex::core {

struct PatternSpec {
  std::string expression;  // Hyperscan syntax
  bool case_sensitive = false;
  std::string source;  // where the pattern comes from, for compile errors
  // Report where each match starts (Hyperscan's leftmost start of match). Costly: when
  // false, PatternMatch::begin is 0 and the caller works the start out. Patterns that
  // track their start are compiled into a database of their own, so that they do not
  // make Hyperscan track starts for every other pattern too.
  bool start_of_match = true;
};

// One match: the pattern's index in the spec list and the byte span [begin, end).
// Hyperscan reports every end offset, so a pattern may match several overlapping
// spans; the caller decides which to keep.
struct PatternMatch {
  uint32_t pattern = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
};

class PatternSet {
 public:
  // Fails with kInvalidInput naming the pattern's source when one does not compile.
  static Result<PatternSet> Compile(const std::vector<PatternSpec>& patterns);

  PatternSet(PatternSet&&) noexcept;
  PatternSet& operator=(PatternSet&&) noexcept;
  ~PatternSet();

  size_t size() const { return size_; }

 private:
  friend class PatternScanner;
  struct Database;
  PatternSet(std::unique_ptr<Database> database, size_t size);
  std::unique_ptr<Database> database_;
  size_t size_ = 0;
};

// Per-thread scanning state for one PatternSet. Not thread-safe; cheap to reuse.
class PatternScanner {
 public:
  static Result<PatternScanner> Create(const PatternSet& patterns);
  // A scanner of no pattern set: finds nothing (for a caller left with no patterns).
  PatternScanner();

  PatternScanner(PatternScanner&&) noexcept;
  PatternScanner& operator=(PatternScanner&&) noexcept;
  ~PatternScanner();

  // Appends every match in `text` to `matches`: those of the patterns that do not track
  // their start, then those of the patterns that do, each in the order Hyperscan
  // reports them (by end offset). Texts are limited to 4 GiB.
  Status Scan(std::string_view text, std::vector<PatternMatch>& matches);

 private:
  struct Scratch;
  PatternScanner(const PatternSet* patterns, std::unique_ptr<Scratch> scratch);
  const PatternSet* patterns_ = nullptr;
  std::unique_ptr<Scratch> scratch_;
};

}  // namespace ocindex::core
