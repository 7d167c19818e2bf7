// ocindex db: the store at --db as a whole. `status` and `migrate`: its schema, and
// bringing it up to date without filling it (every other command migrates and fills on
// first use). `copy`: every edition, revision, narrative and expert score into a new
// store (SQLite to PostgreSQL and back), proved by counts and a checksum read back.
#include <iostream>
#include <string>

#include "adapters/catalog/store_copy.h"
#include "adapters/store/open_store.h"
#include "faces/cli/commands.h"

namespace ocindex::cli {
namespace {

using adapters::render::Grid;

std::string State(const adapters::StoreSchema& schema) {
  if (schema.version == 0) return "new: 'ocindex db migrate' or any command sets it up";
  if (schema.version > schema.known) return "newer than this ocindex: upgrade ocindex";
  if (schema.version < schema.known) {
    const int pending = schema.known - schema.version;
    return std::to_string(pending) + (pending == 1 ? " migration" : " migrations") +
           " pending: 'ocindex db migrate' (any command also applies them)";
  }
  return "up to date";
}

void PrintSchema(const Context& context, const adapters::StoreSchema& before, const adapters::StoreSchema& after) {
  Grid grid;
  grid.AddColumn("database");
  grid.AddColumn("schema_before", /*numeric=*/true);
  grid.AddColumn("schema", /*numeric=*/true);
  grid.AddColumn("this_ocindex", /*numeric=*/true);
  grid.AddColumn("state");
  grid.rows.push_back({after.location, std::to_string(before.version), std::to_string(after.version),
                       std::to_string(after.known), State(after)});
  context.Print(grid);
}

void Status(Context& context) {
  auto schema = adapters::ReadStoreSchema(adapters::DatabaseUri(context.db_path));
  if (!schema) return context.Fail(schema.error());
  PrintSchema(context, *schema, *schema);
}

void Migrate(Context& context) {
  const std::string uri = adapters::DatabaseUri(context.db_path);
  auto before = adapters::ReadStoreSchema(uri);
  if (!before) return context.Fail(before.error());
  auto store = adapters::OpenStore(uri);  // opening applies the pending migrations
  if (!store) return context.Fail(store.error());
  auto after = adapters::ReadStoreSchema(uri);
  if (!after) return context.Fail(after.error());
  PrintSchema(context, *before, *after);
}

struct CopyArgs {
  std::string from;
  std::string to;
};

// The source must be an ocindex store already: opening a mistyped path would create
// an empty database.
Result<std::unique_ptr<adapters::Store>> OpenSource(const std::string& uri) {
  auto schema = adapters::ReadStoreSchema(uri);
  if (!schema) return schema.error();
  if (schema->version == 0) return MakeError(ErrorCode::kNotFound, "no ocindex database at " + schema->location);
  return adapters::OpenStore(uri);
}

void Copy(Context& context, const CopyArgs& args) {
  auto from = OpenSource(args.from);
  if (!from) return context.Fail(from.error());
  auto to = adapters::OpenStore(args.to);
  if (!to) return context.Fail(to.error());
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
      {"journal entries (rounds, accounts)", c.journal_entries},
  };
  for (const auto& [what, count] : rows) grid.rows.push_back({what, std::to_string(count)});
  context.Print(grid);
  std::cerr << "verified: the copy reads back with the same counts and checksum (BLAKE2b-256 " << report->checksum
            << ")\n";
}

}  // namespace

void RegisterDbCommands(CLI::App& app, Context& context) {
  CLI::App* db = app.add_subcommand("db", "The store at --db as a whole: schema version, migrations, copy to another store");
  db->require_subcommand(1);
  db->add_subcommand("status", "Schema version of the database and of this ocindex; changes nothing")
      ->callback([&context] { Status(context); });
  db->add_subcommand("migrate", "Apply pending schema migrations (without filling a new database)")
      ->callback([&context] { Migrate(context); });
  auto copy_args = std::make_shared<CopyArgs>();
  auto* copy = db->add_subcommand(
      "copy", "Copy every edition, revision, narrative and expert score into a new store, verified by counts and a "
              "checksum");
  copy->add_option("--from", copy_args->from, "Source store")->required();
  copy->add_option("--to", copy_args->to, "Target store: must be new or empty")->required();
  copy->callback([&context, copy_args] { Copy(context, *copy_args); });
}

}  // namespace ocindex::cli
