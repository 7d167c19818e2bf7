#include "faces/cli/context.h"

#include <fmt/format.h>
#include <unistd.h>

#include <iostream>

#include "adapters/store/sqlite_store.h"

namespace ocindex::cli {

adapters::render::Format Context::format() const {
  if (auto parsed = adapters::render::ParseFormat(format_name)) return *parsed;
  // Tables for people, CSV for pipes.
  return isatty(STDOUT_FILENO) ? adapters::render::Format::kTable : adapters::render::Format::kCsv;
}

Result<adapters::Catalog> Context::OpenCatalog() const {
  auto store = adapters::OpenSqliteStore(db_path.empty() ? adapters::DefaultDatabasePath() : db_path);
  if (!store) return store.error();
  return adapters::Catalog::Open(std::move(*store));
}

void Context::Fail(const Error& error) {
  std::cerr << "ocindex: " << error.ToString() << '\n';
  switch (error.code) {
    case ErrorCode::kInvalidInput: exit_code = kExitInvalidInput; break;
    case ErrorCode::kNotFound: exit_code = kExitNotFound; break;
    case ErrorCode::kConflict: exit_code = kExitConflict; break;
    case ErrorCode::kCorrupt:
    case ErrorCode::kIo:
    case ErrorCode::kUnsupported: exit_code = kExitStorage; break;
    case ErrorCode::kInternal: exit_code = kExitInternal; break;
  }
}

void Context::Print(const adapters::render::Grid& grid) const { adapters::render::Write(grid, format(), std::cout); }

Result<core::Edition> LoadEdition(adapters::Catalog& catalog, const std::string& edition) {
  if (!edition.empty()) return catalog.Load(edition);
  auto latest = catalog.LatestEdition();
  if (!latest) return latest.error();
  return catalog.Load(*latest);
}

Result<CountryInEdition> LoadCountryInEdition(adapters::Catalog& catalog, const std::string& country,
                                              const std::string& edition) {
  CountryInEdition out;
  OCINDEX_ASSIGN_OR_RETURN(out.iso3, core::ResolveCountry(catalog.geography(), country));
  OCINDEX_ASSIGN_OR_RETURN(out.edition, LoadEdition(catalog, edition));
  OCINDEX_ASSIGN_OR_RETURN(out.previous, catalog.LoadPrevious(out.edition));
  return out;
}

Result<ScoredEdition> OpenScoredEdition(const Context& context, const std::string& edition) {
  auto catalog = context.OpenCatalog();
  if (!catalog) return catalog.error();
  auto loaded = LoadEdition(*catalog, edition);
  if (!loaded) return loaded.error();
  auto card = core::Scorecard::Compute(loaded->framework, loaded->dataset);
  if (!card) return card.error();
  return ScoredEdition{std::move(*catalog), std::move(*loaded), std::move(*card)};
}

std::optional<std::string> RankLabel(const core::Rank& rank) {
  if (rank.position == 0) return std::nullopt;
  return fmt::format("{}{}/{}", rank.tied ? "=" : "", rank.position, rank.of);
}

std::optional<std::string> Units(std::optional<int64_t> units, int decimals) {
  if (!units) return std::nullopt;
  return core::FormatUnits(*units, decimals);
}

std::optional<std::string> SignedUnits(std::optional<int64_t> units, int decimals) {
  if (!units) return std::nullopt;
  return (*units > 0 ? "+" : "") + core::FormatUnits(*units, decimals);
}

}  // namespace ocindex::cli
