// ocindex db: operations on a store as a whole. `db copy` moves every edition,
// revision, narrative and expert score into a new store (SQLite to PostgreSQL and back)
// and proves the copy by counts and a checksum read back from the target.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "adapters/catalog/store_copy.h"
#include "adapters/store/sqlite_store.h"
#include "faces/cli/commands.h"

namespace ocindex::cli {
namespace {

using adapters::render::Grid;

struct CopyArgs {
  std::string from;
  std::string to;
};

// The source must exist: opening a mistyped path would create an empty database.
Result<std::unique_ptr<adapters::Store>> OpenSource(const std::string& location) {
  if (!std::filesystem::exists(location)) {
    return MakeError(ErrorCode::kNotFound, "no database at " + location);
  }
  return adapters::OpenSqliteStore(location);
}

void Copy(Context& context, const CopyArgs& args) {
  auto from = OpenSource(args.from);
  if (!from) return context.Fail(from.error());
  auto to = adapters::OpenSqliteStore(args.to);
  if (!to) return context.Fail(to.error());
  std::cerr << "copying " << args.from << " -> " << args.to << '\n';
  auto report = adapters::CopyStore(**from, **to);
  if (!report) return context.Fail(report.error());
  const adapters::HistoryCounts& c = report->counts;
  Grid grid;
  grid.AddColumn("what");
  grid.AddColumn("copied", true);
  const std::pair<const char*, int64_t> rows[] = {
      {"countries", c.countries},
      {"editions", c.editions},
      {"edition revisions", c.edition_revisions},
      {"indicator scores", c.scores},
      {"narrative revisions", c.profile_revisions},
      {"expert score revisions", c.expert_revisions},
      {"expert scores", c.expert_scores},
  };
  for (const auto& [what, count] : rows) grid.rows.push_back({what, std::to_string(count)});
  context.Print(grid);
  std::cerr << "verified: the copy reads back with the same counts and checksum (BLAKE2b-256 " << report->checksum
            << ")\n";
}

}  // namespace

void RegisterDbCommands(CLI::App& app, Context& context) {
  auto* db = app.add_subcommand("db", "Operations on a whole store: copy it to another backend");
  db->require_subcommand(1);
  auto copy_args = std::make_shared<CopyArgs>();
  auto* copy = db->add_subcommand(
      "copy", "Copy every edition, revision, narrative and expert score into a new store, verified by counts and a "
              "checksum");
  copy->add_option("--from", copy_args->from, "Source store")->required();
  copy->add_option("--to", copy_args->to, "Target store: must be new or empty")->required();
  copy->callback([&context, copy_args] { Copy(context, *copy_args); });
}

}  // namespace ocindex::cli
