#include "core/flows/pattern_set.h"

#include <hs/hs.h>

#include <limits>

namespace ocindex::core {

// Two Hyperscan databases: Hyperscan tracks starts of match for the whole database as
// soon as one pattern asks, which slows the scan of every pattern (about a third of the
// flows matching stage), so the patterns that ask get a database of their own.
struct PatternSet::Database {
  hs_database_t* ends = nullptr;    // patterns without start-of-match tracking
  hs_database_t* starts = nullptr;  // patterns with it
  ~Database() {
    hs_free_database(ends);
    hs_free_database(starts);
  }
};

struct PatternScanner::Scratch {
  hs_scratch_t* scratch = nullptr;
  ~Scratch() { hs_free_scratch(scratch); }
};

PatternSet::PatternSet(std::unique_ptr<Database> database, size_t size)
    : database_(std::move(database)), size_(size) {}
PatternSet::PatternSet(PatternSet&&) noexcept = default;
PatternSet& PatternSet::operator=(PatternSet&&) noexcept = default;
PatternSet::~PatternSet() = default;

namespace {

// Compiles the patterns whose start_of_match is `starts` into `db` (left null when there
// are none), with the patterns' indices as Hyperscan ids.
Status CompileDatabase(const std::vector<PatternSpec>& patterns, bool starts, hs_database_t** db) {
  std::vector<const char*> expressions;
  std::vector<unsigned> flags;
  std::vector<unsigned> ids;
  for (size_t i = 0; i < patterns.size(); ++i) {
    if (patterns[i].start_of_match != starts) continue;
    expressions.push_back(patterns[i].expression.c_str());
    flags.push_back((starts ? HS_FLAG_SOM_LEFTMOST : 0u) | (patterns[i].case_sensitive ? 0u : HS_FLAG_CASELESS));
    ids.push_back(static_cast<unsigned>(i));
  }
  if (expressions.empty()) return {};
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(expressions.data(), flags.data(), ids.data(), static_cast<unsigned>(expressions.size()),
                       HS_MODE_BLOCK, nullptr, db, &error) != HS_SUCCESS) {
    std::string message = error != nullptr && error->message != nullptr ? error->message : "unknown error";
    std::string where;
    if (error != nullptr && error->expression >= 0 && static_cast<size_t>(error->expression) < ids.size()) {
      const PatternSpec& bad = patterns[ids[static_cast<size_t>(error->expression)]];
      where = bad.source;
      message = "pattern '" + bad.expression + "' does not compile: " + message;
    }
    hs_free_compile_error(error);
    return MakeError(ErrorCode::kInvalidInput, message, where);
  }
  return {};
}

}  // namespace

Result<PatternSet> PatternSet::Compile(const std::vector<PatternSpec>& patterns) {
  if (patterns.empty()) return MakeError(ErrorCode::kInvalidInput, "no patterns to compile");
  auto database = std::make_unique<Database>();
  OCINDEX_RETURN_IF_ERROR(CompileDatabase(patterns, false, &database->ends));
  OCINDEX_RETURN_IF_ERROR(CompileDatabase(patterns, true, &database->starts));
  return PatternSet(std::move(database), patterns.size());
}

PatternScanner::PatternScanner(const PatternSet* patterns, std::unique_ptr<Scratch> scratch)
    : patterns_(patterns), scratch_(std::move(scratch)) {}
PatternScanner::PatternScanner() = default;
PatternScanner::PatternScanner(PatternScanner&&) noexcept = default;
PatternScanner& PatternScanner::operator=(PatternScanner&&) noexcept = default;
PatternScanner::~PatternScanner() = default;

Result<PatternScanner> PatternScanner::Create(const PatternSet& patterns) {
  auto scratch = std::make_unique<Scratch>();
  // One scratch space sized for both databases.
  for (const hs_database_t* db : {patterns.database_->ends, patterns.database_->starts}) {
    if (db != nullptr && hs_alloc_scratch(db, &scratch->scratch) != HS_SUCCESS) {
      return MakeError(ErrorCode::kInternal, "cannot allocate Hyperscan scratch space");
    }
  }
  return PatternScanner(&patterns, std::move(scratch));
}

namespace {

int OnMatch(unsigned int id, unsigned long long from, unsigned long long to, unsigned int /*flags*/,
            void* context) {
  auto* matches = static_cast<std::vector<PatternMatch>*>(context);
  matches->push_back({id, static_cast<uint32_t>(from), static_cast<uint32_t>(to)});
  return 0;  // keep scanning
}

}  // namespace

Status PatternScanner::Scan(std::string_view text, std::vector<PatternMatch>& matches) {
  if (patterns_ == nullptr) return {};
  if (text.size() > std::numeric_limits<uint32_t>::max()) {
    return MakeError(ErrorCode::kInvalidInput, "text longer than 4 GiB");
  }
  for (const hs_database_t* db : {patterns_->database_->ends, patterns_->database_->starts}) {
    if (db != nullptr && hs_scan(db, text.data(), static_cast<unsigned>(text.size()), 0, scratch_->scratch, OnMatch,
                                 &matches) != HS_SUCCESS) {
      return MakeError(ErrorCode::kInternal, "Hyperscan scan failed");
    }
  }
  return {};
}

}  // namespace ocindex::core
