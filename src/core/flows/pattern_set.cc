#include "core/flows/pattern_set.h"

#include <hs/hs.h>

#include <limits>

namespace ocindex::core {

struct PatternSet::Database {
  hs_database_t* db = nullptr;
  ~Database() { hs_free_database(db); }
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

Result<PatternSet> PatternSet::Compile(const std::vector<PatternSpec>& patterns) {
  if (patterns.empty()) return MakeError(ErrorCode::kInvalidInput, "no patterns to compile");
  std::vector<const char*> expressions;
  std::vector<unsigned> flags;
  std::vector<unsigned> ids;
  expressions.reserve(patterns.size());
  for (size_t i = 0; i < patterns.size(); ++i) {
    expressions.push_back(patterns[i].expression.c_str());
    flags.push_back((patterns[i].start_of_match ? HS_FLAG_SOM_LEFTMOST : 0u) |
                    (patterns[i].case_sensitive ? 0u : HS_FLAG_CASELESS));
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(expressions.data(), flags.data(), ids.data(), static_cast<unsigned>(patterns.size()),
                       HS_MODE_BLOCK, nullptr, &db, &error) != HS_SUCCESS) {
    std::string message = error != nullptr && error->message != nullptr ? error->message : "unknown error";
    std::string where;
    if (error != nullptr && error->expression >= 0 && static_cast<size_t>(error->expression) < patterns.size()) {
      const PatternSpec& bad = patterns[static_cast<size_t>(error->expression)];
      where = bad.source;
      message = "pattern '" + bad.expression + "' does not compile: " + message;
    }
    hs_free_compile_error(error);
    return MakeError(ErrorCode::kInvalidInput, message, where);
  }
  auto database = std::make_unique<Database>();
  database->db = db;
  return PatternSet(std::move(database), patterns.size());
}

PatternScanner::PatternScanner(const PatternSet* patterns, std::unique_ptr<Scratch> scratch)
    : patterns_(patterns), scratch_(std::move(scratch)) {}
PatternScanner::PatternScanner(PatternScanner&&) noexcept = default;
PatternScanner& PatternScanner::operator=(PatternScanner&&) noexcept = default;
PatternScanner::~PatternScanner() = default;

Result<PatternScanner> PatternScanner::Create(const PatternSet& patterns) {
  auto scratch = std::make_unique<Scratch>();
  if (hs_alloc_scratch(patterns.database_->db, &scratch->scratch) != HS_SUCCESS) {
    return MakeError(ErrorCode::kInternal, "cannot allocate Hyperscan scratch space");
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
  if (text.size() > std::numeric_limits<uint32_t>::max()) {
    return MakeError(ErrorCode::kInvalidInput, "text longer than 4 GiB");
  }
  if (hs_scan(patterns_->database_->db, text.data(), static_cast<unsigned>(text.size()), 0, scratch_->scratch,
              OnMatch, &matches) != HS_SUCCESS) {
    return MakeError(ErrorCode::kInternal, "Hyperscan scan failed");
  }
  return {};
}

}  // namespace ocindex::core
