// db status, db migrate: the schema of the database at --db, and bringing it up to
// date without filling it (every other command migrates and fills on first use).
#include <string>

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

}  // namespace

void RegisterDbCommands(CLI::App& app, Context& context) {
  CLI::App* db = app.add_subcommand("db", "The database at --db: its schema version and migrations");
  db->require_subcommand(1);
  db->add_subcommand("status", "Schema version of the database and of this ocindex; changes nothing")
      ->callback([&context] { Status(context); });
  db->add_subcommand("migrate", "Apply pending schema migrations (without filling a new database)")
      ->callback([&context] { Migrate(context); });
}

}  // namespace ocindex::cli
