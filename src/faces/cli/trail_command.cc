// ocindex trail: the audit trail of rounds and accounts (app/assessment/trail.h),
// filtered and exported; `trail verify` proves it accounts for every stored version.
// (`ocindex audit` is the statistical audit of an edition.)
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "app/assessment/trail.h"
#include "faces/cli/commands.h"

namespace ocindex::cli {
namespace {

using adapters::render::Grid;

struct TrailArgs {
  adapters::JournalFilter filter;
  int64_t limit = 0;
};

void Export(Context& context, TrailArgs args) {
  auto catalog = context.OpenCatalog();
  if (!catalog) return context.Fail(catalog.error());
  args.filter.limit = static_cast<size_t>(args.limit);
  auto entries = catalog->store().ReadJournal(args.filter);
  if (!entries) return context.Fail(entries.error());
  switch (context.format()) {
    case adapters::render::Format::kCsv: std::cout << app::TrailCsv(*entries); break;
    case adapters::render::Format::kJson: std::cout << app::TrailJson(*entries); break;
    case adapters::render::Format::kTable: {
      // Before and after are JSON, too wide for a terminal: csv or json carry them.
      Grid grid;
      grid.AddColumn("seq", true);
      for (const char* name : {"at", "actor", "action", "target", "reason"}) grid.AddColumn(name);
      for (const adapters::JournalEntry& e : *entries) {
        grid.rows.push_back({std::to_string(e.seq), e.at, e.actor, e.action, e.target, e.reason});
      }
      context.Print(grid);
      break;
    }
  }
  std::cerr << fmt::format("{} entries\n", entries->size());
}

void Verify(Context& context) {
  auto catalog = context.OpenCatalog();
  if (!catalog) return context.Fail(catalog.error());
  auto check = app::CheckTrail(catalog->store());
  if (!check) return context.Fail(check.error());
  Grid grid;
  grid.AddColumn("what");
  grid.AddColumn("count", true);
  const std::pair<const char*, int64_t> rows[] = {
      {"entries", check->entries},           {"streams", check->streams},
      {"rounds", check->rounds},             {"cell and section versions", check->item_versions},
      {"comments", check->comments},         {"publications", check->publications},
      {"problems", static_cast<int64_t>(check->problems.size())}};
  for (const auto& [what, count] : rows) grid.rows.push_back({what, std::to_string(count)});
  context.Print(grid);
  if (check->ok()) {
    std::cerr << "the trail accounts for every stored version\n";
    return;
  }
  for (const std::string& problem : check->problems) std::cerr << "ocindex: trail: " << problem << '\n';
  context.exit_code = app::kExitStorage;
}

}  // namespace

void RegisterTrailCommands(CLI::App& app, Context& context) {
  auto args = std::make_shared<TrailArgs>();
  auto* trail = app.add_subcommand(
      "trail", "The audit trail of assessment rounds and accounts: who, when, what, before, after, why, for every "
               "write (csv and json carry before and after)");
  trail->add_option("--stream", args->filter.stream_prefix, "Streams starting so: 'round/R2027', 'round/', 'accounts'");
  trail->add_option("--actor", args->filter.actor, "Entries written by this user ('operator': the command line)");
  trail->add_option("--action", args->filter.action_prefix, "Actions starting so: 'cell.', 'round.phase', 'user.'");
  trail->add_option("--since", args->filter.since, "At or after this UTC time (ISO 8601: 2026-12-06 or 2026-12-06T17:00)");
  trail->add_option("--until", args->filter.until, "Before this UTC time (ISO 8601)");
  trail->add_option("--limit", args->limit, "At most this many entries, oldest first (default: all)")
      ->check(CLI::NonNegativeNumber);
  trail->callback([&context, args, trail] {
    if (trail->get_subcommands().empty()) Export(context, *args);
  });
  trail->add_subcommand("verify",
                        "Check that the trail accounts for every stored version of every round and account (exit 5 "
                        "with the problems otherwise)")
      ->callback([&context] { Verify(context); });
}

}  // namespace ocindex::cli
