// What every command shares: the database location, the output format, and the
// lookups that turn user words (edition, country, measure) into engine indices.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

#include "adapters/catalog/catalog.h"
#include "adapters/render/grid.h"
#include "core/error.h"
#include "core/model/lookup.h"
#include "core/scoring/ranking.h"
#include "core/scoring/scorecard.h"

namespace ocindex::cli {

// Exit codes, documented in README.md.
enum ExitCode : int {
  kExitOk = 0,
  kExitInvalidInput = 1,  // bad data or arguments (validation failed, unknown country...)
  kExitUsage = 2,         // the command line itself is wrong
  kExitNotFound = 3,
  kExitConflict = 4,      // would overwrite stored data without --replace
  kExitStorage = 5,       // the database or a file could not be read or written
  kExitInternal = 70,
};

struct Context {
  std::string db_path;
  std::string format_name;  // "", table, csv, json
  int exit_code = kExitOk;

  adapters::render::Format format() const;
  // Opens (creating and filling on first use) the database.
  Result<adapters::Catalog> OpenCatalog() const;
  // Reports an error on stderr and records the matching exit code.
  void Fail(const Error& error);
  // Writes a grid to stdout in the chosen format.
  void Print(const adapters::render::Grid& grid) const;
};

// An edition id, or the newest stored edition when `edition` is empty.
Result<core::Edition> LoadEdition(adapters::Catalog& catalog, const std::string& edition);
// A country named by the user, its edition and the previous one when stored: what a
// country summary or profile is built from.
struct CountryInEdition {
  std::string iso3;
  core::Edition edition;
  std::optional<core::Edition> previous;
};
Result<CountryInEdition> LoadCountryInEdition(adapters::Catalog& catalog, const std::string& country,
                                              const std::string& edition);
// An opened catalog with one edition loaded and scored: what most commands start from.
struct ScoredEdition {
  adapters::Catalog catalog;
  core::Edition edition;
  core::Scorecard card;
};
Result<ScoredEdition> OpenScoredEdition(const Context& context, const std::string& edition);

// "133/193", "=20/193" for a shared position, nullopt when unranked.
std::optional<std::string> RankLabel(const core::Rank& rank);

// "4.26" for rounded units, nullopt passes through.
std::optional<std::string> Units(std::optional<int64_t> units, int decimals);
// "+0.21" / "-0.05" / "0.00".
std::optional<std::string> SignedUnits(std::optional<int64_t> units, int decimals);

}  // namespace ocindex::cli
